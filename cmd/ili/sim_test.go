package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// TestSimShardsMerge: a batch, a comparison, a sweep and a sensitivity
// study played in parts
// with --shard K/N and joined with ili sim merge are the bytes of the
// whole, in JSON and CSV; a missing part is named.
func TestSimShardsMerge(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
	}{
		{"batch", []string{"--ai", "provincial=greedy"}},
		{"compare", []string{"--compare", "base,no-trucks,set:unit.garrison.men=200+ai:insurgents=easy"}},
		{"sweep", []string{"--sweep", "unit.garrison.men=200:600:200"}},
		{"sensitivity", []string{"--sensitivity", "--delta", "30%"}},
	} {
		base := append([]string{"sim", "nilka-1944", "--runs", "5", "--seed", "3", "--format", "json"}, c.args...)
		whole := filepath.Join(dir, c.name+".json")
		if code, _, stderr := runCLI(append(base, "--out", whole)...); code != cli.OK {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		var parts []string
		for _, k := range []string{"1/3", "2/3", "3/3"} {
			part := filepath.Join(dir, c.name+"-"+strings.ReplaceAll(k, "/", "of")+".json")
			if code, _, stderr := runCLI(append(base, "--shard", k, "--out", part)...); code != cli.OK {
				t.Fatalf("%s --shard %s: exit %d: %s", c.name, k, code, stderr)
			}
			parts = append(parts, part)
		}
		code, merged, stderr := runCLI(append([]string{"sim", "merge", "--out", "-"}, parts[2], parts[0], parts[1])...)
		want, _ := os.ReadFile(whole)
		if code != cli.OK || merged != string(want) {
			t.Errorf("%s: three shards merged (exit %d, %s) differ from the whole:\n%s\nwhole:\n%s", c.name, code, stderr, merged, want)
		}
		code, _, stderr = runCLI("sim", "merge", parts[0], parts[2])
		if code != cli.Bad || !strings.Contains(stderr, "missing between") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: a missing shard: exit %d, %q", c.name, code, stderr)
		}
	}
	// CSV from the merge is the CSV of the whole batch.
	whole := filepath.Join(dir, "batch.json")
	_, csvMerged, _ := runCLI("sim", "merge", whole, "--format", "csv")
	_, csvDirect, _ := runCLI("sim", "nilka-1944", "--runs", "5", "--seed", "3", "--ai", "provincial=greedy", "--format", "csv")
	if csvMerged != csvDirect || !strings.HasPrefix(csvDirect, "scenario,") {
		t.Errorf("CSV merged:\n%s\ndirect:\n%s", csvMerged, csvDirect)
	}
}

// TestSimMergeNamesTheDifference: batches whose setups differ in the
// plan, a --set value, a scale, a variant or an AI level do not merge,
// and the one sentence names the difference.
func TestSimMergeNamesTheDifference(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "2", "--format", "json", "--out", a); code != cli.OK {
		t.Fatal(stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--plan"}, "the batch was played with --plan (every AI following its side's historical plan), and " + a + " without --plan"},
		{[]string{"--set", "unit.garrison.men=300"}, "--set values [unit.garrison.men=300], not []"},
		{[]string{"--scale", "insurgents.men=2"}, "--scale values [insurgents.men=2], not []"},
		{[]string{"--variant", "no-trucks"}, "variants [no-trucks], not []"},
		{[]string{"--ai", "provincial=hard"}, "other AI levels (insurgents=normal, provincial=hard) than " + a + " (insurgents=normal, provincial=normal)"},
	} {
		b := filepath.Join(dir, "b.json")
		if code, _, stderr := runCLI(append([]string{"sim", "nilka-1944", "--runs", "2", "--seed", "3", "--format", "json", "--out", b}, c.args...)...); code != cli.OK {
			t.Fatal(stderr)
		}
		code, _, stderr := runCLI("sim", "merge", a, b)
		if code != cli.Bad || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, b+":") {
			t.Errorf("%v: exit %d, %q, want %q", c.args, code, stderr, c.want)
		}
	}
	other := filepath.Join(dir, "c.json")
	runCLI("sim", "nilka-1944", "--runs", "2", "--seed", "3", "--compare", "base,no-trucks", "--format", "json", "--out", other)
	if code, _, stderr := runCLI("sim", "merge", a, other); code != cli.Bad || !strings.Contains(stderr, "a comparison (--compare), and "+a+" one batch") {
		t.Errorf("a batch and a comparison: exit %d, %q", code, stderr)
	}
}

// TestSimCompareEveryFormat: --compare takes several setups of any kind
// and writes text, JSON, CSV and a chart; what it cannot take is refused
// in a sentence, never dropped.
func TestSimCompareEveryFormat(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "c.png")
	args := []string{"sim", "nilka-1944", "--runs", "3", "--set", "unit.garrison.men=500", "--compare", "base,no-trucks+benson,ai:provincial=hard+plan,scale:insurgents.men=150%"}
	code, stdout, stderr := runCLI(append(args, "--chart", png)...)
	if code != cli.OK || !strings.Contains(stdout, "A  base: no variants; --set unit.garrison.men=500;") || !strings.Contains(stdout, "B  no-trucks+benson: variants no-trucks, benson; --set unit.garrison.men=500;") ||
		!strings.Contains(stdout, "D AGAINST A") || !strings.Contains(stdout, "--scale insurgents.men=150%") {
		t.Errorf("text: exit %d\n%s%s", code, stdout, stderr)
	}
	if data, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("no chart: %v", err)
	}
	code, stdout, _ = runCLI(append(args, "--format", "json")...)
	var obj struct {
		Kind        string            `json:"kind"`
		Setups      []string          `json:"setups"`
		Arms        []json.RawMessage `json:"arms"`
		Comparisons []struct {
			Paired int `json:"paired"`
		} `json:"comparisons"`
	}
	if err := json.Unmarshal([]byte(stdout), &obj); code != cli.OK || err != nil || obj.Kind != "compare" || len(obj.Arms) != 4 || len(obj.Comparisons) != 3 || obj.Comparisons[2].Paired != 3 {
		t.Errorf("json: exit %d, %v, %+v", code, err, obj)
	}
	code, stdout, _ = runCLI(append(args, "--format", "csv")...)
	if code != cli.OK || !strings.HasPrefix(stdout, "scenario,runs,seed,a,a_setup,b,b_setup,") || !strings.Contains(stdout, "scale:insurgents.men=150%") {
		t.Errorf("csv: exit %d\n%s", code, stdout)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--compare", "base,no-trucks", "--sweep", "turns=8:10:1"}, cli.Usage, "--compare and --sweep do not combine"},
		{[]string{"--compare", "base,base"}, cli.Usage, "--compare names base twice; give each setup once."},
		{[]string{"--compare", "base"}, cli.Usage, "give two setups or more"},
		{[]string{"--compare", "base,,no-trucks"}, cli.Usage, "a setup is empty"},
		{[]string{"--compare", "base,x:y"}, cli.Usage, `"x" is not a kind of change`},
		{[]string{"--compare", "base,nope"}, cli.Bad, "--compare nope: "},
		{[]string{"--compare", "base,ai:martians=hard"}, cli.Bad, `has no side "martians"`},
		{[]string{"--compare", "base,no-trucks", "--log", "3"}, cli.Usage, "give it without --compare or --runs"},
		{[]string{"--sweep", "turns=8:10:1", "--log", "3"}, cli.Usage, "give it without --runs or --sweep"},
		{[]string{"--sweep", "turns=8:10:1", "--keep", dir}, cli.Usage, "--keep and --sweep do not combine"},
		{[]string{"--sweep", "turns=8:10:1", "--sweep", "turns=1:2:1", "--sweep", "fog=0:1:1"}, cli.Usage, "a sweep varies one key (a line) or two (a grid)"},
		{[]string{"--sweep", "turns=8:10:1", "--sweep", "turns=1:2:1"}, cli.Usage, "--sweep turns is given twice"},
		{[]string{"--sweep", "turns=8:10:0"}, cli.Usage, "the step is 0"},
		{[]string{"--variant", "no-trucks", "--variant", "no-trucks"}, cli.Usage, "--variant no-trucks is given twice; give each variant once."},
		{[]string{"--scale", "insurgents.men=2", "--scale", "insurgents.men=2"}, cli.Usage, "given twice"},
		{[]string{"--scale", "insurgents.feet=2"}, cli.Bad, `"feet" is not a count to scale`},
		{[]string{"--sensitivity", "--compare", "base,no-trucks"}, cli.Usage, "--sensitivity does not combine with --compare or --sweep"},
		{[]string{"--sensitivity", "--keep", dir}, cli.Usage, "--keep and --sensitivity do not combine"},
		{[]string{"--delta", "30%"}, cli.Usage, "--delta goes with --sensitivity"},
		{[]string{"--sensitivity", "--delta", "0"}, cli.Usage, "give a change from 1% to 95%"},
		{[]string{"--sensitivity", "--log", "2"}, cli.Usage, "give it without --runs or --sensitivity"},
		{[]string{"--shard", "3/2"}, cli.Usage, "write it as K/N"},
		{[]string{"--shard", "1/200"}, cli.Usage, "give at most 3 parts"},
	} {
		code, _, stderr := runCLI(append([]string{"sim", "nilka-1944", "--runs", "3"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d (want %d), %q (want %q)", c.args, code, c.code, stderr, c.want)
		}
	}
}

// TestSimChartHasTheMap: a batch's chart has the map of its fights and
// captures below the outcomes and losses, drawn without a display.
func TestSimChartHasTheMap(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.png")
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "3", "--chart", file); code != cli.OK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dy() < 700 { // the chart is 533 pixels high, the map below it
		t.Errorf("the chart is %v: no map below it", b)
	}
}
