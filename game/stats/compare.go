package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// Diff is a difference between two setups (the second less the first)
// with its 95% interval, the two-sided p-value of the test of no
// difference, and the test's name. With too few values for an interval
// (one run), the interval is infinite and P is 1.
type Diff struct {
	Diff, Lo, Hi float64
	P            float64
	Test         string
}

// Significant reports whether the difference is larger than chance at 95%.
func (d Diff) Significant() bool { return d.P < 0.05 }

// Pairs counts paired yes/no outcomes: runs of the same seed in two setups.
// Both is yes in both, First yes in the first alone, Second in the second
// alone, Neither in neither.
type Pairs struct{ Both, First, Second, Neither int }

// N is the number of pairs.
func (p Pairs) N() int { return p.Both + p.First + p.Second + p.Neither }

// McNemar compares paired shares: the second setup's share less the
// first's, with Newcombe's hybrid score interval for paired proportions
// (his method 10, 1998) and McNemar's mid-p test (the exact binomial test
// of the discordant pairs less half the probability of the pairs seen,
// which Fagerland, Lydersen and Laake, 2013, recommend over the exact
// test, too cautious, and the asymptotic one) for its p-value. Pairs that
// agree say nothing of the difference, which is why a paired test is
// sharper when most do.
func McNemar(p Pairs) Diff {
	n := p.N()
	if n == 0 {
		return Diff{P: 1, Test: "McNemar mid-p"}
	}
	nf := float64(n)
	p1, p2 := float64(p.Both+p.First)/nf, float64(p.Both+p.Second)/nf
	l1, u1 := Wilson(p.Both+p.First, n)
	l2, u2 := Wilson(p.Both+p.Second, n)
	phi := 0.0
	if den := float64(p.Both+p.First) * float64(p.Second+p.Neither) * float64(p.Both+p.Second) * float64(p.First+p.Neither); den > 0 {
		phi = (float64(p.Both)*float64(p.Neither) - float64(p.First)*float64(p.Second)) / math.Sqrt(den)
	}
	d := p2 - p1
	lo := d - math.Sqrt(math.Max(0, sq(p2-l2)-2*phi*(p2-l2)*(u1-p1)+sq(u1-p1)))
	hi := d + math.Sqrt(math.Max(0, sq(u2-p2)-2*phi*(u2-p2)*(p1-l1)+sq(p1-l1)))
	return Diff{Diff: d, Lo: math.Max(-1, lo), Hi: math.Min(1, hi), P: midP(p.First, p.Second), Test: "McNemar mid-p"}
}

// midP is the two-sided mid-p-value of a and b discordant pairs under no
// difference (each pair as likely one way as the other): twice the
// probability of a split as uneven or more, less that of the split seen.
func midP(a, b int) float64 {
	n, k := a+b, min(a, b)
	if n == 0 {
		return 1
	}
	// P(X <= k) for X ~ Binomial(n, 1/2) is the regularised incomplete beta.
	cdf := 1.0
	if k < n {
		cdf = mathext.RegIncBeta(float64(n-k), float64(k+1), 0.5)
	}
	pk := math.Exp(lchoose(n, k) - float64(n)*math.Ln2)
	return math.Min(1, 2*cdf-pk)
}

// lchoose is the log of n choose k.
func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// TwoProportions compares the shares k1 of n1 and k2 of n2 of two
// independent batches: the second less the first, with Newcombe's hybrid
// score interval (his method 10, 1998) and the pooled two-proportion z
// test.
func TwoProportions(k1, n1, k2, n2 int) Diff {
	if n1 == 0 || n2 == 0 {
		return Diff{P: 1, Test: "two-proportion z"}
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	l1, u1 := Wilson(k1, n1)
	l2, u2 := Wilson(k2, n2)
	d := p2 - p1
	out := Diff{Diff: d, Lo: d - math.Sqrt(sq(p2-l2)+sq(u1-p1)), Hi: d + math.Sqrt(sq(u2-p2)+sq(p1-l1)), P: 1, Test: "two-proportion z"}
	pool := float64(k1+k2) / float64(n1+n2)
	if se := math.Sqrt(pool * (1 - pool) * (1/float64(n1) + 1/float64(n2))); se > 0 {
		out.P = 2 * distuv.UnitNormal.Survival(math.Abs(d)/se)
	}
	return out
}

// Moments sums values one at a time, for a mean and its spread.
type Moments struct {
	N       int
	mean, m float64 // Welford's running mean and sum of squared deviations
}

// Add counts a value in.
func (m *Moments) Add(x float64) {
	m.N++
	d := x - m.mean
	m.mean += d / float64(m.N)
	m.m += d * (x - m.mean)
}

// Mean is the mean of the values (0 for none).
func (m Moments) Mean() float64 { return m.mean }

// Var is the sample variance (0 for fewer than two values).
func (m Moments) Var() float64 {
	if m.N < 2 {
		return 0
	}
	return m.m / float64(m.N-1)
}

// PairedMean is the mean of paired differences (the second setup's value
// less the first's, seed by seed) with its t interval and the paired t
// test.
func PairedMean(d Moments) Diff {
	return tDiff(d.Mean(), math.Sqrt(d.Var()/float64(max(d.N, 1))), float64(d.N-1), "paired t")
}

// WelchMean compares the means of two independent batches (the second less
// the first) with Welch's t interval and test.
func WelchMean(a, b Moments) Diff {
	va, vb := a.Var()/float64(max(a.N, 1)), b.Var()/float64(max(b.N, 1))
	df := 0.0
	if va+vb > 0 && a.N > 1 && b.N > 1 {
		df = sq(va+vb) / (sq(va)/float64(a.N-1) + sq(vb)/float64(b.N-1))
	}
	return tDiff(b.Mean()-a.Mean(), math.Sqrt(va+vb), df, "Welch t")
}

// tDiff is a difference d with standard error se on df degrees of freedom.
func tDiff(d, se, df float64, test string) Diff {
	switch {
	case df < 1: // too few values for an interval: none is claimed
		return Diff{Diff: d, Lo: math.Inf(-1), Hi: math.Inf(1), P: 1, Test: test}
	case se == 0 && d == 0:
		return Diff{Diff: d, Lo: d, Hi: d, P: 1, Test: test}
	case se == 0:
		return Diff{Diff: d, Lo: d, Hi: d, P: 0, Test: test}
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	half := t.Quantile(0.975) * se
	return Diff{Diff: d, Lo: d - half, Hi: d + half, P: math.Min(1, 2*t.Survival(math.Abs(d)/se)), Test: test}
}

func sq(x float64) float64 { return x * x }
