package whatif

import (
	"ili/game/stats"
	"math"
)

// Meta is what identifies a batch besides its results.
type Meta struct {
	Scenario string
	Variants []string
	Set      []string
	AI       map[string]string
	Seed     uint64
}

// NewReport builds the report of a finished batch.
func NewReport(set Setup, meta Meta, b Batch) *Report {
	r := &Report{Head: newHead(set, meta, len(b.Results)), Results: b.Results}
	r.Summary = Summarize(r.Sides, r.Places, b.Results, b.Elapsed.Seconds())
	return r
}

// newHead is what identifies a batch of runs games of the setup.
func newHead(set Setup, meta Meta, runs int) Head {
	sc := set.Scenario
	h := Head{Format: FormatVersion, Scenario: meta.Scenario, ScenarioHash: sc.TextHash, // the scenario text's, which guards merges
		Variants: nonNil(meta.Variants), Set: nonNil(meta.Set), From: sc.TakenFrom(), AI: meta.AI, Runs: runs, Seed: meta.Seed}
	for _, s := range sc.Setup.Sides {
		h.Sides = append(h.Sides, s.ID)
	}
	for _, p := range sc.Places {
		if p.VP > 0 {
			h.Places = append(h.Places, p.ID)
		}
	}
	return h
}

// Stream plays the batch opt describes (its first seed is opt.Seed) and
// writes its report with enc as the results come in, in seed order; enc may
// be nil, for the summary alone. The report returned has the summary and no
// results: the batch keeps none, so its memory does not grow with its runs.
func Stream(set Setup, meta Meta, opt Options, enc Encoder) (*Report, error) {
	meta.Seed = opt.Seed
	rep := &Report{Head: newHead(set, meta, opt.Runs)}
	if enc != nil {
		if err := enc.Head(rep); err != nil {
			return nil, err
		}
	}
	t := NewTally(rep.Sides, rep.Places)
	elapsed, err := RunEach(set, opt, func(res Result) error {
		t.Add(res)
		if enc != nil {
			return enc.Result(res)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Summary, rep.tally = t.Summary(elapsed.Seconds()), t
	if enc != nil {
		return rep, enc.Tail(rep)
	}
	return rep, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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
			d.Significant = math.Abs(d.Diff)/se > stats.Z95
		}
		out = append(out, d)
	}
	for _, o := range outcomes {
		add(o, a.Summary.Wins[o], b.Summary.Wins[o], a.Runs, b.Runs)
	}
	add("as in history", a.Summary.Historical, b.Summary.Historical, a.Runs, b.Runs)
	return out
}
