package main

import (
	"bytes"
	"ili/cmd/internal/cli"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ili/game/save"
	"ili/game/scenario"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestValidateThreeMistakes(t *testing.T) {
	code, _, stderr := runCLI("validate", "testdata/three-mistakes.toml")
	if code != cli.Bad {
		t.Errorf("exit %d, want %d", code, cli.Bad)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 3 {
		t.Fatalf("want three lines, got:\n%s", stderr)
	}
	re := regexp.MustCompile(`^testdata/three-mistakes\.toml:(\d+):(\d+): .+`)
	wantLines := []string{"9", "32", "38"}
	for i, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not file:line:col: message: %q", l)
			continue
		}
		if m[1] != wantLines[i] {
			t.Errorf("line %d reported at line %s, want %s: %s", i, m[1], wantLines[i], l)
		}
	}
	for _, want := range []string{`"colour"`, `"men" is -100`, `side "c"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no error mentions %s:\n%s", want, stderr)
		}
	}
}

func TestValidateBundled(t *testing.T) {
	ids := scenario.Bundled()
	if len(ids) == 0 {
		t.Fatal("no bundled scenarios")
	}
	args := []string{"validate"}
	for _, id := range ids {
		args = append(args, "../../scenarios/"+id+".toml")
	}
	code, stdout, stderr := runCLI(args...)
	if code != cli.OK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if n := strings.Count(stdout, ": ok"); n != len(ids) {
		t.Errorf("%d ok lines for %d scenarios:\n%s", n, len(ids), stdout)
	}
	if code, _, stderr := runCLI("validate"); code != cli.OK {
		t.Errorf("validate with no files (all bundled): exit %d\n%s", code, stderr)
	}
}

func TestList(t *testing.T) {
	code, stdout, _ := runCLI("list")
	if code != cli.OK {
		t.Fatalf("exit %d", code)
	}
	for _, id := range scenario.Bundled() {
		if !strings.Contains(stdout, id) {
			t.Errorf("list lacks %s:\n%s", id, stdout)
		}
	}
	if !strings.Contains(stdout, "km hexes") {
		t.Errorf("list shows no scale:\n%s", stdout)
	}
}

func TestUsageAndBadInput(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, cli.Usage, "unknown command"},
		{[]string{"list", "extra"}, cli.Usage, "takes no arguments"},
		{[]string{"validate", "--nope"}, cli.Usage, "flag provided but not defined"},
		{[]string{"validate", "missing.toml"}, cli.Bad, "there is no such file"},
		{[]string{"validate", "no-such-scenario"}, cli.Bad, "neither a bundled scenario"},
		{[]string{"help"}, cli.OK, ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, stderr)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr, tt.want)
		}
		if strings.Contains(stderr+stdout, "goroutine") || strings.Contains(stderr, "panic:") {
			t.Errorf("%v: a Go panic reached the user", tt.args)
		}
	}
}

func TestCalibrate(t *testing.T) {
	const file = "../../../shared/data/cdb90/calibration.csv"
	code, stdout, stderr := runCLI("calibrate", file, "--reps", "50", "--format", "csv")
	if code != cli.OK {
		if os.Getenv("CI") != "" {
			t.Fatalf("calibrate failed in CI (exit %d): %s", code, stderr)
		}
		t.Skipf("calibration file not available (exit %d): %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if lines[0] != "isqno,p_attacker_win,casA_median,casD_median" || len(lines) != 313 {
		t.Errorf("csv: header %q and %d lines", lines[0], len(lines))
	}
	if !regexp.MustCompile(`^\d+,[01]\.\d{4},\d+,\d+$`).MatchString(lines[1]) {
		t.Errorf("csv row %q", lines[1])
	}
	code, stdout, _ = runCLI("calibrate", "--reps", "50", file)
	for _, want := range []string{"winner accuracy", "Brier score", "force ratio", "posture", "312 engagements used"} {
		if code != cli.OK || !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, stdout)
		}
	}
	for _, bad := range [][]string{{"calibrate"}, {"calibrate", file, "--format", "xml"}, {"calibrate", file, "--reps", "0"}} {
		if code, _, _ := runCLI(bad...); code != cli.Usage {
			t.Errorf("%v: exit %d, want %d", bad, code, cli.Usage)
		}
	}
	if code, _, stderr := runCLI("calibrate", "missing.csv"); code != cli.Bad || !strings.Contains(stderr, "missing.csv: there is no such file") {
		t.Errorf("missing file: exit %d, %s", code, stderr)
	}
}

func TestSim(t *testing.T) {
	dir := t.TempDir()
	a, b := dir+"/a.json", dir+"/b.json"
	for _, c := range []struct{ out, seed string }{{a, "1"}, {b, "4"}} {
		if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "3", "--seed", c.seed, "--format", "json", "--out", c.out, "--ai", "insurgents=greedy"); code != cli.OK {
			t.Fatalf("sim: exit %d: %s", code, stderr)
		}
	}
	code, stdout, stderr := runCLI("sim", "merge", a, b, "--format", "text")
	if code != cli.OK || !strings.Contains(stdout, "6 runs from seed 1") {
		t.Errorf("merge: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI("sim", "nilka-1944", "--runs", "4", "--compare", "base,no-trucks")
	if code != cli.OK || !strings.Contains(stdout, "LARGER THAN CHANCE?") || !strings.Contains(stdout, "no-trucks") {
		t.Errorf("compare: exit %d\n%s", code, stdout)
	}
	png := dir + "/c.png"
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "2", "--chart", png, "--format", "csv"); code != cli.OK {
		t.Errorf("chart: exit %d %s", code, stderr)
	} else if data, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("no PNG written: %v", err)
	}
	bad := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sim", "atlantis-1944"}, cli.Bad, "neither a bundled scenario"},
		{[]string{"sim", "nilka-1944", "--variant", "nope"}, cli.Bad, "unknown variant"},
		{[]string{"sim", "nilka-1944", "--ai", "martians=hard"}, cli.Bad, "has no side"},
		{[]string{"sim", "nilka-1944", "--ai", "insurgents=genius"}, cli.Bad, "unknown AI level"},
		{[]string{"sim", "nilka-1944", "--ai", "insurgents"}, cli.Usage, "SIDE=LEVEL"},
		{[]string{"sim", "nilka-1944", "--ai", "=hard"}, cli.Usage, "names no side"},
		{[]string{"sim", "nilka-1944", "--set", "turns"}, cli.Bad, "key=value"},
		{[]string{"sim", "nilka-1944", "--format", "xml"}, cli.Usage, "use text, json or csv"},
		{[]string{"sim"}, cli.Usage, "needs one scenario"},
		{[]string{"sim", "merge", a, "testdata/three-mistakes.toml"}, cli.Bad, "not a batch"},
		{[]string{"sim", "nilka-1944", "--workers", "-1"}, cli.Usage, "--workers is -1; give from 1 to"},
		{[]string{"sim", "nilka-1944", "--workers", "1000000000"}, cli.Usage, "--workers is 1000000000"},
		{[]string{"sim", "nilka-1944", "--runs", "0"}, cli.Usage, "--runs is 0; give a number of games from 1 to 10000000"},
		{[]string{"sim", "nilka-1944", "--runs", "10000001"}, cli.Usage, "--runs is 10000001"},
		{[]string{"sim", "nilka-1944", "--runs", "2", "--seed", "18446744073709551615"}, cli.Usage, "give a seed of at most 18446744073709551614"},
		{[]string{"sim", "nilka-1944", "--chart", "-"}, cli.Usage, "both go to standard output"},
		{[]string{"sim", "merge", a, "--format", "xml"}, cli.Usage, "use text, json or csv"},
		{[]string{"sim", "merge", dir}, cli.Bad, "not a file"},
	}
	for _, tt := range bad {
		code, _, stderr := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tt.args, code, tt.code, stderr, tt.want)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: more than one line of error: %q", tt.args, stderr)
		}
	}
	other := dir + "/g.json"
	runCLI("sim", "ghulja-1944", "--runs", "1", "--format", "json", "--out", other)
	if code, _, stderr := runCLI("sim", "merge", a, other); code != cli.Bad || !strings.Contains(stderr, "scenario") {
		t.Errorf("merge of two scenarios: exit %d %s", code, stderr)
	}
}

// TestSimStreams: a batch's report goes to - as to standard output, and
// the last seed a batch can take is taken.
func TestSimStreams(t *testing.T) {
	code, stdout, stderr := runCLI("sim", "nilka-1944", "--runs", "2", "--seed", "18446744073709551614", "--format", "csv", "--out", "-", "--workers", "1")
	if code != cli.OK || !strings.HasPrefix(stdout, "scenario,") || !strings.Contains(stdout, ",18446744073709551615,") {
		t.Errorf("--out -: exit %d\n%s%s", code, stdout, stderr)
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	runCLI("sim", "nilka-1944", "--runs", "2", "--format", "json", "--out", a)
	if code, stdout, _ := runCLI("sim", "merge", a, "--out", "-", "--format", "csv"); code != cli.OK || strings.Count(stdout, "\n") != 3 {
		t.Errorf("merge --out -: exit %d\n%s", code, stdout)
	}
}

// TestSimMergeRefuses: ili sim merge refuses a batch that is not whole or
// not of the others' setup with one line that names the file, the line and
// the column, and exit 1; the merged file is not written.
func TestSimMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "3", "--format", "json", "--out", a); code != cli.OK {
		t.Fatal(stderr)
	}
	good, _ := os.ReadFile(a)
	out := filepath.Join(dir, "merged.json")
	os.WriteFile(out, []byte("old"), 0o644)
	for _, c := range []struct{ from, to, want string }{
		{`"runs": 3`, `"runs": -3`, "runs is -3"},
		{`"runs": 3`, `"runs": 5`, "runs is 5 but the batch holds 3 results"},
		{`"winner":"`, `"winner":"martians","x":"`, `the winner of seed 1 is "martians"`},
		{`"format": "ili-sim/2"`, `"format": "ili-sim/7"`, "another version"},
		{`"seed": 1,`, `"seed": 99999999999999999999,`, "not a whole number from 0"},
		{`"provincial"` + "\n ]", `"soviets"` + "\n ]", `which is no side of nilka-1944 (insurgents, soviets)`},
	} {
		bad := filepath.Join(dir, "bad.json")
		os.WriteFile(bad, []byte(strings.Replace(string(good), c.from, c.to, 1)), 0o644)
		code, _, stderr := runCLI("sim", "merge", bad, "--out", out) // alone: a lone batch is checked too
		re := regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:\d+:\d+: .*` + regexp.QuoteMeta(c.want))
		if code != cli.Bad || !re.MatchString(stderr) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, %q", c.to, code, stderr)
		}
		if data, _ := os.ReadFile(out); string(data) != "old" {
			t.Errorf("%s: the merged file was written", c.to)
		}
	}
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, []byte(`{"format":"ili-sim/2","scenario":"nilka-1944","sides":["insurgents","provincial"],"runs":0,"results":[]}`), 0o644)
	if code, _, stderr := runCLI("sim", "merge", a, empty); code != cli.Bad || !strings.Contains(stderr, "empty.json:1:") || !strings.Contains(stderr, "no results") {
		t.Errorf("a batch with no results: exit %d, %q", code, stderr)
	}
}

func TestPlayWithoutDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	code, _, stderr := runCLI("play", "nilka-1944")
	if code != cli.Bad || !strings.Contains(stderr, "xvfb-run") || !strings.Contains(stderr, "ili sim") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "goroutine") {
		t.Error("a Go panic reached the user")
	}
}

// TestShotThroughTheWindowProgram builds ili-window, puts it on the PATH and
// has ili shot hand over to it: the PNG it writes is the game's first frame.
func TestShotThroughTheWindowProgram(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no display; make test runs this under Xvfb")
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "ili-window"), "ili/cmd/ili-window")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("cannot build ili-window: %v\n%s", err, out)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	png := filepath.Join(dir, "nilka.png")
	code, _, stderr := runCLI("shot", "nilka-1944", "--out", png, "--size", "400x300")
	if code != cli.OK {
		t.Fatalf("ili shot: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(png)
	if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Fatalf("no PNG written: %v", err)
	}
	for _, bad := range [][]string{{"shot", "nilka-1944"}, {"shot", "nilka-1944", "--out", png, "--size", "big"},
		{"shot", "nilka-1944", "--out", png, "--size", "100000x100000"}, {"shot", "nilka-1944", "--out", png, "--size", "800x600x2"}} {
		if code, _, stderr := runCLI(bad...); code != cli.Usage || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, want %d: %q", bad, code, cli.Usage, stderr)
		}
	}
}

// TestKeepAndReplay: ili sim --keep writes every run as a saved game; ili
// replay checks each one turn by turn and prints its result, and names the
// file and the turn where a kept game no longer replays.
func TestKeepAndReplay(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "3", "--seed", "7", "--keep", dir, "--ai", "provincial=easy"); code != cli.OK {
		t.Fatalf("sim --keep: exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 3 || filepath.Base(files[0]) != "nilka-1944-seed7.json" {
		t.Fatalf("kept %v", files)
	}
	code, stdout, stderr := runCLI(append([]string{"replay"}, files...)...)
	if code != cli.OK || strings.Count(stdout, "every turn's hash and the last state checked") != 3 || !strings.Contains(stdout, "seed 8") {
		t.Fatalf("replay: exit %d\n%s%s", code, stdout, stderr)
	}
	g, err := save.Read(files[1])
	if err != nil {
		t.Fatal(err)
	}
	g.Hashes["3"] = "0123456789abcdef"
	bad := filepath.Join(dir, "tampered.json")
	if err := g.Write(bad); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("replay", files[0], bad)
	if code != cli.Bad || !strings.Contains(stderr, "tampered.json") || !strings.Contains(stderr, "turn 3") ||
		strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
		t.Errorf("a changed hash: exit %d, %q", code, stderr)
	}
	g, _ = save.Read(files[2])
	for i, c := range g.Commands {
		if c.Kind == "move" && i > 10 {
			g.Commands[i].Unit = "nobody"
			break
		}
	}
	g.Write(bad)
	if code, _, stderr = runCLI("replay", bad); code != cli.Bad || !strings.Contains(stderr, "refused") || !strings.Contains(stderr, "turn") {
		t.Errorf("a refused command: exit %d, %q", code, stderr)
	}
	if code, _, stderr = runCLI("replay"); code != cli.Usage || !strings.Contains(stderr, "--keep") {
		t.Errorf("no file: exit %d, %q", code, stderr)
	}
}

// TestSimFrom: ili sim --from plays every game from where the record stood
// on that date; its report says so, its kept runs replay, a merge refuses
// batches taken up at other dates, and a date outside the scenario or not a
// date is one line that says what to give.
func TestSimFrom(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	code, _, stderr := runCLI("sim", "ghulja-1944", "--from", "1944-11-10", "--runs", "2", "--format", "json", "--out", a, "--keep", filepath.Join(dir, "kept"))
	if code != cli.OK {
		t.Fatalf("sim --from: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(a); !strings.Contains(string(data), `"from": "1944-11-10T00:00"`) {
		t.Errorf("the report does not say where the games took up the record:\n%.300s", data)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "kept", "*.json"))
	if code, stdout, stderr := runCLI(append([]string{"replay"}, kept...)...); code != cli.OK || len(kept) != 2 {
		t.Errorf("replay of %d kept runs: exit %d\n%s%s", len(kept), code, stdout, stderr)
	}
	runCLI("sim", "ghulja-1944", "--runs", "2", "--format", "json", "--out", b)
	if code, _, stderr := runCLI("sim", "merge", a, b); code != cli.Bad || !strings.Contains(stderr, "took up the record") {
		t.Errorf("merge across dates: exit %d %q", code, stderr)
	}
	for _, c := range []struct{ from, want string }{
		{"1944-12-10", "turns begin from 06:00 on 7 November 1944 to 12:00 on 13 November 1944"},
		{"10/11/1944", "give one such as 1944-11-10"},
	} {
		code, _, stderr := runCLI("sim", "ghulja-1944", "--from", c.from, "--runs", "1")
		if code != cli.Bad || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("--from %s: exit %d, %q", c.from, code, stderr)
		}
	}
}
