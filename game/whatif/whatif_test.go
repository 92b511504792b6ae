package whatif

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"ili/game/ai"
)

// TestSameSeedSameResultsAnyWorkers: a batch is byte-identical with one
// worker or several.
func TestSameSeedSameResultsAnyWorkers(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Normal)
	var outs []string
	for _, w := range []int{1, 3} {
		b, err := Run(set, Options{Runs: 6, Seed: 40, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		b.Elapsed = 0
		rep := NewReport(set, Meta{Scenario: "nilka-1944", Seed: 40}, b)
		var buf bytes.Buffer
		rep.WriteJSON(&buf)
		outs = append(outs, buf.String())
	}
	if outs[0] != outs[1] {
		t.Error("1 and 3 workers gave different batches")
	}
}

func TestReportFormats(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Greedy)
	b, err := Run(set, Options{Runs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	rep := NewReport(set, Meta{Scenario: "nilka-1944", Seed: 7}, b)
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(buf.Bytes(), &obj); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"runs", "seed", "scenario", "variants", "summary", "results"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	sum := obj["summary"].(map[string]any)
	if h, ok := sum["historical_share"].(float64); !ok || h < 0 || h > 1 {
		t.Errorf("historical_share = %v", sum["historical_share"])
	}
	if n := obj["runs"].(float64); n != 5 || len(obj["results"].([]any)) != 5 {
		t.Errorf("runs %v, results %d", n, len(obj["results"].([]any)))
	}
	buf.Reset()
	rep.WriteCSV(&buf)
	if lines := strings.Split(strings.TrimSpace(buf.String()), "\n"); len(lines) != 6 || !strings.HasPrefix(lines[0], "scenario,variants,set,scale,from,plan,ai_insurgents,ai_provincial,seed,winner") {
		t.Errorf("CSV:\n%s", buf.String())
	}
	buf.Reset()
	rep.WriteText(&buf)
	for _, want := range []string{"insurgents wins", "95% CI", "as in history", "MEN LOST"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := rep.WriteChart(&buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("\x89PNG")) {
		t.Errorf("chart: %v", err)
	}
}

func TestMergeSplitBatches(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Normal)
	meta := Meta{Scenario: "nilka-1944", Seed: 1}
	whole, _ := Run(set, Options{Runs: 6, Seed: 1})
	a, _ := Run(set, Options{Runs: 3, Seed: 1})
	b, _ := Run(set, Options{Runs: 3, Seed: 4})
	ra, rb := NewReport(set, meta, a), NewReport(set, Meta{Scenario: "nilka-1944", Seed: 4}, b)
	m, err := Merge([]*Report{rb, ra})
	if err != nil {
		t.Fatal(err)
	}
	w := NewReport(set, meta, whole)
	ja, _ := json.Marshal(m.Results)
	jb, _ := json.Marshal(w.Results)
	if string(ja) != string(jb) || m.Runs != 6 || m.Seed != 1 {
		t.Error("merging two halves does not give the whole batch")
	}
	if _, err := Merge([]*Report{ra, ra}); err == nil || !strings.Contains(err.Error(), "two batches") {
		t.Errorf("overlapping seeds: %v", err)
	}
	other := *rb
	other.Scenario = "ghulja-1944"
	if _, err := Merge([]*Report{ra, &other}); err == nil || !strings.Contains(err.Error(), "scenario") {
		t.Errorf("different scenarios: %v", err)
	}
	old := *rb
	old.Format = "ili-sim/0"
	if _, err := Merge([]*Report{ra, &old}); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("different versions: %v", err)
	}
}

func TestWilson(t *testing.T) {
	s := wilson(50, 100)
	if s.Share != 0.5 || s.Lo > 0.41 || s.Lo < 0.39 || s.Hi < 0.59 || s.Hi > 0.61 {
		t.Errorf("wilson(50,100) = %+v, want about 0.40-0.60", s)
	}
	if z := wilson(0, 20); z.Lo != 0 || z.Hi < 0.1 {
		t.Errorf("wilson(0,20) = %+v", z)
	}
}

// TestRefusalsReported: AI commands the rules refused are counted in the
// summary and said in the text report; none, nothing is said.
func TestRefusalsReported(t *testing.T) {
	results := []Result{{Seed: 1}, {Seed: 2}, {Seed: 3}}
	results[1].Refused, results[2].Refused = 2, 1
	rep := &Report{Head: Head{Scenario: "x", Sides: []string{"a", "b"}, Runs: 3}, Results: results,
		Summary: Summarize([]string{"a", "b"}, nil, results, 0)}
	if rep.Summary.Refused != 3 || rep.Summary.RefusedRuns != 2 {
		t.Errorf("summary: %d refused in %d runs", rep.Summary.Refused, rep.Summary.RefusedRuns)
	}
	var buf bytes.Buffer
	rep.WriteText(&buf)
	if !strings.Contains(buf.String(), "refused 3 commands of the AI in 2 runs") {
		t.Errorf("the report does not say so:\n%s", buf.String())
	}
	rep.Summary = Summarize(rep.Sides, nil, results[:1], 0)
	buf.Reset()
	rep.WriteText(&buf)
	if strings.Contains(buf.String(), "refused") {
		t.Error("a batch without refusals speaks of them")
	}
}
