package whatif

import (
	"errors"
	"math"
	"slices"

	"ili/game/stats"
)

// Comparison sets one setup (B) against another (A): the difference in
// each outcome's share, in the share as in history, in who held each place
// at the end and in each garrison given up, and in each side's men lost,
// each with its 95% interval and test. Runs of the two setups with the
// same seed are paired (common random numbers: the same seed draws the
// same dice until the setups' games part ways), which makes the tests far
// sharper; with no seed in common, the tests are those of independent
// batches.
type Comparison struct {
	A      string      `json:"a"` // the labels of the two setups
	B      string      `json:"b"`
	RunsA  int         `json:"runs_a"`
	RunsB  int         `json:"runs_b"`
	Paired int         `json:"paired"` // runs paired by seed; 0 when the batches share no seed
	Shares []ShareDiff `json:"shares"`
	Losses []MeanDiff  `json:"losses"`
}

// ShareDiff is the difference in one share between two setups: B's less
// A's, with its 95% interval.
type ShareDiff struct {
	Measure string  `json:"measure"` // outcome, as in history, held at the end, gave up
	What    string  `json:"what"`    // "insurgents wins", "police: insurgents", "provincial at airfield"
	A       Share   `json:"a"`
	B       Share   `json:"b"`
	Diff    float64 `json:"diff"`
	Lo      float64 `json:"lo"`
	Hi      float64 `json:"hi"`
	P       float64 `json:"p"`
	Test    string  `json:"test"`
	// Discordant counts, for paired runs, those yes in A alone and in B
	// alone: the only pairs McNemar's test weighs.
	Discordant  [2]int `json:"discordant"`
	Significant bool   `json:"significant"` // p below 0.05, not adjusted for the number of tests
}

// MeanDiff is the difference in one side's men lost between two setups:
// B's mean less A's, with its 95% interval (paired: the mean of the
// differences seed by seed).
type MeanDiff struct {
	Side        string  `json:"side"`
	MeanA       float64 `json:"mean_a"`
	MeanB       float64 `json:"mean_b"`
	MedianA     float64 `json:"median_a"`
	MedianB     float64 `json:"median_b"`
	Diff        float64 `json:"diff"`
	Lo          float64 `json:"lo"`
	Hi          float64 `json:"hi"`
	P           float64 `json:"p"`
	Test        string  `json:"test"`
	Significant bool    `json:"significant"`
}

// errNoRuns is Compare's error for a report that kept no runs.
var errNoRuns = errors.New("a batch to compare must keep its runs: play it with Options.Brief, or read it from a file")

// rowsOf is a report's runs in brief: from its tally, when it kept them,
// or from its results.
func rowsOf(r *Report) ([]row, error) {
	if r.tally != nil && r.tally.keepRows {
		return r.tally.rows, nil
	}
	if len(r.Results) == 0 && r.Runs > 0 {
		return nil, errNoRuns
	}
	t := newTally(r.Head)
	out := make([]row, len(r.Results))
	for i, res := range r.Results {
		out[i] = t.brief(res)
	}
	return out, nil
}

// Compare sets batch b against batch a (b's value less a's). Both must be
// of one scenario, with their runs kept (Options.Brief, or read from a
// file). Runs of the same seed are paired; when the batches share no seed,
// every run counts and the tests are those of independent batches.
func Compare(a, b *Report) (Comparison, error) {
	ra, err := rowsOf(a)
	if err != nil {
		return Comparison{}, err
	}
	rb, err := rowsOf(b)
	if err != nil {
		return Comparison{}, err
	}
	c := Comparison{A: a.Label, B: b.Label, RunsA: len(ra), RunsB: len(rb), Shares: []ShareDiff{}, Losses: []MeanDiff{}}
	pa, pb := pairs(ra, rb)
	c.Paired = len(pa)
	cmp := comparer{c: &c, a: a, b: b, ra: ra, rb: rb, pa: pa, pb: pb}
	for i, side := range a.Sides {
		j := slices.Index(b.Sides, side)
		cmp.share("outcome", side+" wins", a.Summary.Wins[side], b.Summary.Wins[side],
			func(w row) bool { return int(w.winner) == i }, func(w row) bool { return j >= 0 && int(w.winner) == j })
	}
	cmp.share("outcome", "draw", a.Summary.Wins["draw"], b.Summary.Wins["draw"],
		func(w row) bool { return w.winner < 0 }, func(w row) bool { return w.winner < 0 })
	cmp.share("as in history", "as in history", a.Summary.Historical, b.Summary.Historical,
		func(w row) bool { return w.hist }, func(w row) bool { return w.hist })
	for i, place := range a.Places {
		j := slices.Index(b.Places, place)
		if j < 0 {
			continue
		}
		// Each holder of the place at the end in either setup; of two
		// alone, the second is the first's complement and is left out.
		var holders []string
		for _, side := range append(slices.Clone(a.Sides), "nobody") {
			if a.Summary.Owners[place][side].Count > 0 || b.Summary.Owners[place][side].Count > 0 {
				holders = append(holders, side)
			}
		}
		if len(holders) == 2 {
			holders = holders[:1]
		}
		for _, side := range holders {
			k, kb := slices.Index(a.Sides, side), slices.Index(b.Sides, side) // -1 for nobody
			cmp.share("held at the end", place+": "+side, a.Summary.Owners[place][side], b.Summary.Owners[place][side],
				func(w row) bool { return int(w.owner[i]) == k }, func(w row) bool { return int(w.owner[j]) == kb })
		}
	}
	for i, g := range a.Garrisons {
		j := slices.Index(b.Garrisons, g)
		if j < 0 {
			continue
		}
		cmp.share("gave up", g.Side+" at "+g.Place, a.Summary.gaveUp(g), b.Summary.gaveUp(g),
			func(w row) bool { return w.gaveUp[i] }, func(w row) bool { return w.gaveUp[j] })
	}
	for i, side := range a.Sides {
		j := slices.Index(b.Sides, side)
		if j < 0 {
			continue
		}
		cmp.losses(side, i, j)
	}
	return c, nil
}

// gaveUp is the share of runs that gave up a garrison.
func (s Summary) gaveUp(g Garrison) Share {
	for _, u := range s.GaveUp {
		if u.Side == g.Side && u.Place == g.Place {
			return u.GaveUp
		}
	}
	return Share{}
}

// pairs are the runs of a and b with the same seed, in seed order.
func pairs(a, b []row) (pa, pb []row) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].seed < b[j].seed:
			i++
		case a[i].seed > b[j].seed:
			j++
		default:
			pa, pb = append(pa, a[i]), append(pb, b[j])
			i++
			j++
		}
	}
	return pa, pb
}

// comparer fills a comparison in.
type comparer struct {
	c      *Comparison
	a, b   *Report
	ra, rb []row // every run
	pa, pb []row // the runs paired by seed
}

// share compares a yes/no measure of a run.
func (m comparer) share(measure, what string, sa, sb Share, inA, inB func(row) bool) {
	d := ShareDiff{Measure: measure, What: what, A: sa, B: sb}
	var st stats.Diff
	if len(m.pa) > 0 {
		var p stats.Pairs
		for i := range m.pa {
			switch x, y := inA(m.pa[i]), inB(m.pb[i]); {
			case x && y:
				p.Both++
			case x:
				p.First++
			case y:
				p.Second++
			default:
				p.Neither++
			}
		}
		st = stats.McNemar(p)
		d.Discordant = [2]int{p.First, p.Second}
	} else {
		st = stats.TwoProportions(count(m.ra, inA), len(m.ra), count(m.rb, inB), len(m.rb))
	}
	d.Diff, d.Lo, d.Hi, d.P, d.Test, d.Significant = st.Diff, st.Lo, st.Hi, st.P, st.Test, st.Significant()
	m.c.Shares = append(m.c.Shares, d)
}

func count(rows []row, yes func(row) bool) int {
	n := 0
	for _, w := range rows {
		if yes(w) {
			n++
		}
	}
	return n
}

// losses compares a side's men lost.
func (m comparer) losses(side string, i, j int) {
	d := MeanDiff{Side: side, MedianA: m.a.Summary.Losses[side].Median, MedianB: m.b.Summary.Losses[side].Median}
	var xa, xb stats.Moments
	for _, w := range m.ra {
		xa.Add(float64(w.men[i]))
	}
	for _, w := range m.rb {
		xb.Add(float64(w.men[j]))
	}
	d.MeanA, d.MeanB = xa.Mean(), xb.Mean()
	var st stats.Diff
	if len(m.pa) > 0 {
		var diff stats.Moments
		for k := range m.pa {
			diff.Add(float64(m.pb[k].men[j]) - float64(m.pa[k].men[i]))
		}
		st = stats.PairedMean(diff)
	} else {
		st = stats.WelchMean(xa, xb)
	}
	if math.IsInf(st.Lo, 0) || math.IsInf(st.Hi, 0) { // one run: no interval to claim
		st.Lo, st.Hi, st.Test = st.Diff, st.Diff, st.Test+" (too few runs for an interval)"
	}
	d.Diff, d.Lo, d.Hi, d.P, d.Test, d.Significant = st.Diff, st.Lo, st.Hi, st.P, st.Test, st.Significant()
	m.c.Losses = append(m.c.Losses, d)
}
