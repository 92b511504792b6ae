package whatif

import "context"

// Meta is what names a batch besides its setup: the scenario as its
// reports name it (the scenario's ID when ""), the first seed, and, in a
// comparison or a sweep, the setup's label and the sweep's values.
type Meta struct {
	Scenario string
	Seed     uint64
	Label    string
	At       []float64
}

// NewReport builds the report of a finished batch.
func NewReport(set Setup, meta Meta, b Batch) *Report {
	r := &Report{Head: newHead(set, meta, len(b.Results)), Results: b.Results}
	t := newTally(r.Head)
	for _, res := range b.Results {
		t.Add(res)
	}
	r.Summary, r.tally = t.Summary(b.Elapsed.Seconds()), t
	return r
}

// NewHead is what identifies a batch of runs games of the setup from the
// seed meta gives.
func NewHead(set Setup, meta Meta, runs int) Head { return newHead(set, meta, runs) }

// newHead is what identifies a batch of runs games of the setup.
func newHead(set Setup, meta Meta, runs int) Head {
	sc := set.Scenario
	sp := set.Spec()
	name := meta.Scenario
	if name == "" {
		name = sc.ID
	}
	h := Head{Format: FormatVersion, Label: meta.Label, At: meta.At, Scenario: name, ScenarioHash: sc.TextHash, // the scenario text's, which guards merges
		Variants: sp.Variants, Set: sp.Set, Scale: sp.Scale, From: sp.From, AI: sp.AI, Plan: sp.Plan, Runs: runs, Seed: meta.Seed,
		Places: []string{}, Garrisons: nonNilG(Garrisons(sc))}
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

func nonNilG(g []Garrison) []Garrison {
	if g == nil {
		return []Garrison{}
	}
	return g
}

// Stream plays the batch opt describes (its first seed is opt.Seed) and
// writes its report with enc as the results come in, in seed order; enc may
// be nil, for the summary alone. The report returned has the summary and no
// results: the batch keeps none, so its memory does not grow with its runs.
func Stream(set Setup, meta Meta, opt Options, enc Encoder) (*Report, error) {
	return StreamContext(context.Background(), set, meta, opt, enc, nil)
}

// StreamContext is Stream, stopped when ctx is done, with each called for
// every result (in seed order, from one goroutine) after the tally has
// counted it in: the lab's hook for results as they come (t.Summary sums
// the batch up so far).
func StreamContext(ctx context.Context, set Setup, meta Meta, opt Options, enc Encoder, each func(t *Tally, r Result) error) (*Report, error) {
	meta.Seed = opt.Seed
	rep := &Report{Head: newHead(set, meta, opt.Runs)}
	if enc != nil {
		if err := enc.Head(rep); err != nil {
			return nil, err
		}
	}
	t := newTally(rep.Head)
	if opt.Brief {
		t.KeepRuns()
	}
	elapsed, err := RunEachContext(ctx, set, opt, func(res Result) error {
		t.Add(res)
		if each != nil {
			if err := each(t, res); err != nil {
				return err
			}
		}
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
