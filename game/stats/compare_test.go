package stats

import (
	"math"
	"testing"
)

// TestMcNemar: the mid-p-value of discordant pairs (twice the exact
// tail less the probability of the split seen), and an interval that
// holds the difference.
func TestMcNemar(t *testing.T) {
	for _, c := range []struct {
		p     Pairs
		d, pv float64
	}{
		{Pairs{Both: 40, First: 0, Second: 8, Neither: 52}, 0.08, 1 / 256.0},
		{Pairs{Both: 40, First: 1, Second: 9, Neither: 50}, 0.08, 12 / 1024.0},
		{Pairs{Both: 40, First: 5, Second: 5, Neither: 50}, 0, 1},
		{Pairs{Both: 100}, 0, 1},
	} {
		got := McNemar(c.p)
		if !near(got.Diff, c.d, 1e-12) || !near(got.P, c.pv, 1e-9) || got.Lo > got.Diff || got.Hi < got.Diff || got.Lo < -1 || got.Hi > 1 {
			t.Errorf("McNemar(%+v) = %+v, want difference %.3f and p %.6f", c.p, got, c.d, c.pv)
		}
	}
}

// TestTwoProportions: Newcombe's (1998) worked example, 56 of 70 against
// 48 of 80: a difference of 0.2000 with 95% interval 0.0524 to 0.3339.
func TestTwoProportions(t *testing.T) {
	d := TwoProportions(48, 80, 56, 70)
	if !near(d.Diff, 0.2, 1e-12) || !near(d.Lo, 0.0524, 5e-5) || !near(d.Hi, 0.3339, 5e-5) || !d.Significant() {
		t.Errorf("TwoProportions = %+v", d)
	}
}

// TestMeans: a paired t interval uses Student's quantile (2.262 for 9
// degrees of freedom), and Welch's test of equal batches finds nothing.
func TestMeans(t *testing.T) {
	var m Moments
	for i := 1; i <= 10; i++ {
		m.Add(float64(i))
	}
	d := PairedMean(m)
	se := math.Sqrt(m.Var() / 10)
	if !near(m.Mean(), 5.5, 1e-12) || !near(m.Var(), 55.0/6, 1e-12) || !near(d.Hi-d.Diff, 2.262157*se, 1e-5) || !d.Significant() {
		t.Errorf("paired: %+v (variance %.4f)", d, m.Var())
	}
	if w := WelchMean(m, m); w.Diff != 0 || w.P < 0.99 || w.Significant() {
		t.Errorf("Welch of equal batches: %+v", w)
	}
}
