package calib

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"

	"ili/game/rules"
)

// case_ is one engagement as the fit reads it: the situation the model sees,
// the days, the outcome and each side's daily casualty rate (NaN unknown).
type case_ struct {
	sit          rules.Situation
	days         float64
	men          float64 // both sides'
	win          bool
	rateA, rateD float64
}

func cases(engs []Engagement, m *rules.Model) []case_ {
	out := make([]case_, len(engs))
	for i, e := range engs {
		c := case_{sit: m.Situation(e.Input), days: float64(max(e.Days, 1)), men: float64(e.A + e.D), win: e.Win == 1, rateA: math.NaN(), rateD: math.NaN()}
		if e.CasA > 0 {
			c.rateA = float64(e.CasA) / float64(e.A) / c.days
		}
		if e.CasD > 0 {
			c.rateD = float64(e.CasD) / float64(e.D) / c.days
		}
		out[i] = c
	}
	return out
}

// The odds' terms in the order of their coefficients: the intercept, the
// postures prepared, fortified and delaying (hasty is the reference), ln R,
// the attacker's and the defender's surprise, air superiority, the era.
const nOdds = 9

func oddsRow(s rules.Situation) []float64 {
	r := make([]float64, nOdds)
	r[0] = 1
	if s.Posture > rules.Hasty {
		r[s.Posture] = 1
	}
	r[4], r[5], r[6], r[7] = s.LnR, float64(s.Surprise), float64(s.DefSurprise), float64(s.Air)
	if s.Old {
		r[8] = 1
	}
	return r
}

// The losses' terms: the intercept, the three postures, ln R, ln days, the
// attacker won, the era, the attacker's and the defender's surprise, air
// superiority.
const nLoss = 11

func lossRow(c case_) []float64 {
	r := make([]float64, nLoss)
	r[0] = 1
	if c.sit.Posture > rules.Hasty {
		r[c.sit.Posture] = 1
	}
	r[4], r[5] = c.sit.LnR, math.Log(c.days)
	if c.win {
		r[6] = 1
	}
	if c.sit.Old {
		r[7] = 1
	}
	r[8], r[9], r[10] = float64(c.sit.Surprise), float64(c.sit.DefSurprise), float64(c.sit.Air)
	return r
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// logistic turns log-odds into a probability.
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// Directions the record and the sources give each coefficient: +1 it may
// not be negative, -1 not positive, 0 free. A defence never helps the
// attacker, more power, surprise and air superiority never hurt the side
// that has them; an attacker loses less per day the stronger it is and when
// it wins, a defender more; long battles cost less per day; digging in
// never costs the defender more.
var (
	oddsSigns  = []int{0, -1, -1, 0, +1, +1, -1, +1, 0}
	lossSignsA = []int{0, 0, -1, 0, -1, -1, -1, 0, -1, +1, -1}
	lossSignsD = []int{0, -1, -1, 0, +1, -1, +1, 0, +1, -1, +1}
)

// constrained fits with fit, then fixes at zero every coefficient that came
// out on the wrong side of its direction and fits the rest again, until
// none does: a prior that puts no weight on the wrong side.
func constrained(x [][]float64, signs []int, fit func(sub [][]float64, cols []int) []float64) []float64 {
	k := len(x[0])
	free := make([]bool, k)
	for j := range free {
		free[j] = true
	}
	for {
		cols := []int{}
		for j := range free {
			if free[j] {
				cols = append(cols, j)
			}
		}
		sub := make([][]float64, len(x))
		for i, r := range x {
			sub[i] = make([]float64, len(cols))
			for c, j := range cols {
				sub[i][c] = r[j]
			}
		}
		b := fit(sub, cols)
		full := make([]float64, k)
		wrong := false
		for c, j := range cols {
			full[j] = b[c]
			if float64(signs[j])*b[c] < 0 {
				free[j], wrong = false, true
			}
		}
		if !wrong {
			return full
		}
	}
}

// fitLogistic maximises the mean log-likelihood of y given the rows x less
// lambda times the squared coefficients (the intercept is free): a ridge
// prior that every factor's effect is small until the data say otherwise.
func fitLogistic(x [][]float64, y []bool, lambda float64) []float64 {
	k := len(x[0])
	w, c := make([]float64, k), make([]float64, k)
	for j := 1; j < k; j++ {
		w[j] = lambda
	}
	return fitLogisticPrior(x, y, w, c)
}

// fitLogisticPrior maximises the mean log-likelihood of y given the rows x
// less the sum of w[j]·(b[j]-c[j])²: a normal prior on each coefficient
// centred on c[j], as strong as w[j].
func fitLogisticPrior(x [][]float64, y []bool, w, c []float64) []float64 {
	n, k := float64(len(x)), len(x[0])
	f := func(b []float64) float64 {
		s := 0.0
		for i, r := range x {
			z := dot(b, r)
			if y[i] {
				s += log1pExp(-z)
			} else {
				s += log1pExp(z)
			}
		}
		s /= n
		for j := range b {
			s += w[j] * (b[j] - c[j]) * (b[j] - c[j])
		}
		return s
	}
	grad := func(g, b []float64) {
		for j := range g {
			g[j] = 2 * w[j] * (b[j] - c[j])
		}
		for i, r := range x {
			p := logistic(dot(b, r))
			t := 0.0
			if y[i] {
				t = 1
			}
			for j := range r {
				g[j] += (p - t) * r[j] / n
			}
		}
	}
	res, err := optimize.Minimize(optimize.Problem{Func: f, Grad: grad}, make([]float64, k), &optimize.Settings{GradientThreshold: 1e-10}, &optimize.BFGS{})
	if err != nil && res == nil {
		return make([]float64, k)
	}
	return res.X
}

// log1pExp is ln(1+e^x) without overflow.
func log1pExp(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// fitRidge is least squares of y on the rows x with lambda times the
// squared coefficients added (the intercept free); it returns the
// coefficients and the residual standard deviation.
func fitRidge(x [][]float64, y []float64, lambda float64) ([]float64, float64) {
	n, k := len(x), len(x[0])
	a := mat.NewDense(n, k, nil)
	for i, r := range x {
		a.SetRow(i, r)
	}
	var ata mat.Dense
	ata.Mul(a.T(), a)
	for j := 1; j < k; j++ {
		ata.Set(j, j, ata.At(j, j)+lambda)
	}
	var aty mat.VecDense
	aty.MulVec(a.T(), mat.NewVecDense(n, y))
	var b mat.VecDense
	if err := b.SolveVec(&ata, &aty); err != nil {
		return make([]float64, k), 1
	}
	coef := mat.Col(nil, 0, &b)
	ss := 0.0
	for i, r := range x {
		d := y[i] - dot(coef, r)
		ss += d * d
	}
	return coef, math.Sqrt(ss / float64(max(n-k, 1)))
}
