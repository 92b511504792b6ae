package whatif

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"sort"
	"strings"
)

// Meta is what identifies a batch besides its results.
type Meta struct {
	Scenario     string
	ScenarioText []byte // the scenario file, whose hash guards merges
	Variants     []string
	Set          []string
	AI           map[string]string
	Seed         uint64
}

// NewReport builds the report of a finished batch.
func NewReport(set Setup, meta Meta, b Batch) *Report {
	sc := set.Scenario
	r := &Report{Format: FormatVersion, Scenario: meta.Scenario, ScenarioHash: textHash(meta.ScenarioText),
		Variants: nonNil(meta.Variants), Set: nonNil(meta.Set), AI: meta.AI, Runs: len(b.Results), Seed: meta.Seed, Results: b.Results}
	for _, s := range sc.Setup.Sides {
		r.Sides = append(r.Sides, s.ID)
	}
	for _, p := range sc.Places {
		if p.VP > 0 {
			r.Places = append(r.Places, p.ID)
		}
	}
	r.Summary = Summarize(r.Sides, r.Places, b.Results, b.Elapsed.Seconds())
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func textHash(b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	return fmt.Sprintf("%016x", h.Sum64())
}

// ReadReport reads a batch written with WriteJSON.
func ReadReport(r io.Reader) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(r)
	if err := dec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("not a batch written by ili sim --format json: %w", err)
	}
	if rep.Format == "" {
		return nil, errors.New("not a batch written by ili sim --format json (no format field)")
	}
	return &rep, nil
}

// Merge joins batches of the same setup split by seed range into one.
func Merge(reps []*Report) (*Report, error) {
	if len(reps) == 0 {
		return nil, errors.New("nothing to merge")
	}
	first := reps[0]
	out := *first
	out.Results = nil
	seen := map[uint64]bool{}
	for i, r := range reps {
		switch {
		case r.Format != first.Format:
			return nil, fmt.Errorf("batch %d was written by another version (%s, not %s); rerun it with this one", i+1, r.Format, first.Format)
		case r.Scenario != first.Scenario:
			return nil, fmt.Errorf("batch %d is of scenario %s, not %s; only batches of one setup merge", i+1, r.Scenario, first.Scenario)
		case r.ScenarioHash != first.ScenarioHash:
			return nil, fmt.Errorf("batch %d was run on another version of %s's file; rerun it", i+1, r.Scenario)
		case strings.Join(r.Variants, ",") != strings.Join(first.Variants, ",") || strings.Join(r.Set, ",") != strings.Join(first.Set, ","):
			return nil, fmt.Errorf("batch %d has other variants or --set values; only batches of one setup merge", i+1)
		case fmt.Sprint(r.AI) != fmt.Sprint(first.AI):
			return nil, fmt.Errorf("batch %d has other AI levels (%v, not %v)", i+1, r.AI, first.AI)
		}
		for _, res := range r.Results {
			if seen[res.Seed] {
				return nil, fmt.Errorf("seed %d is in two batches; split batches by seed range", res.Seed)
			}
			seen[res.Seed] = true
			out.Results = append(out.Results, res)
		}
	}
	sort.Slice(out.Results, func(i, j int) bool { return out.Results[i].Seed < out.Results[j].Seed })
	out.Runs = len(out.Results)
	out.Seed = out.Results[0].Seed
	speed := 0.0
	for _, r := range reps {
		if r.Summary.RunsPerSecond > 0 {
			speed += float64(r.Runs) / r.Summary.RunsPerSecond
		}
	}
	if speed > 0 {
		speed = float64(out.Runs) / speed
	}
	out.Summary = Summarize(out.Sides, out.Places, out.Results, 0)
	out.Summary.RunsPerSecond = speed
	return &out, nil
}

// Difference compares one outcome between two batches.
type Difference struct {
	Outcome     string
	A, B        Share
	Diff        float64
	Significant bool // larger than chance at 95% (two-proportion z test)
}

// Compare sets the outcome shares of two batches side by side.
func Compare(a, b *Report) []Difference {
	var out []Difference
	outcomes := append(append([]string(nil), a.Sides...), "draw")
	add := func(name string, x, y Share, nx, ny int) {
		d := Difference{Outcome: name, A: x, B: y, Diff: y.Share - x.Share}
		p := float64(x.Count+y.Count) / float64(nx+ny)
		if se := math.Sqrt(p * (1 - p) * (1/float64(nx) + 1/float64(ny))); se > 0 {
			d.Significant = math.Abs(d.Diff)/se > 1.959964
		}
		out = append(out, d)
	}
	for _, o := range outcomes {
		add(o, a.Summary.Wins[o], b.Summary.Wins[o], a.Runs, b.Runs)
	}
	add("as in history", a.Summary.Historical, b.Summary.Historical, a.Runs, b.Runs)
	return out
}
