package calib

import (
	"math"
	"math/rand/v2"

	"ili/game/rules"
)

// lossModel is a fitted log-linear model of one side's daily rate.
type lossModel struct {
	coef  []float64
	sigma float64
}

// rateOf picks the attacker's (0) or the defender's (1) daily rate.
func rateOf(c case_, side int) float64 {
	if side == 0 {
		return c.rateA
	}
	return c.rateD
}

func lossData(cs []case_, side int) ([][]float64, []float64) {
	var x [][]float64
	var y []float64
	for _, c := range cs {
		if r := rateOf(c, side); !math.IsNaN(r) {
			x, y = append(x, lossRow(c)), append(y, math.Log(r))
		}
	}
	return x, y
}

// ridgeFit fits one side's losses with their directions kept.
func ridgeFit(x [][]float64, y []float64, lambda float64, side int) ([]float64, float64) {
	signs := lossSignsA
	if side == 1 {
		signs = lossSignsD
	}
	var sigma float64
	b := constrained(x, signs, func(sub [][]float64, _ []int) []float64 {
		c, s := fitRidge(sub, y, lambda)
		sigma = s
		return c
	})
	return b, sigma
}

// fitLoss chooses the ridge penalty by repeated cross-validation (squared
// error of the log rate) and fits one side's losses to all of cs.
func fitLoss(cs []case_, side, k, repeats int, rng *rand.Rand) (lossModel, float64) {
	best, bestErr := 0.0, math.Inf(1)
	splits := make([][][]int, repeats)
	for r := range splits {
		splits[r] = folds(len(cs), k, rng)
	}
	for _, lambda := range lambdas {
		ss, n := 0.0, 0
		for _, sp := range splits {
			for _, f := range sp {
				train, test := split(cs, f)
				x, y := lossData(train, side)
				b, _ := ridgeFit(x, y, 100*lambda, side)
				tx, ty := lossData(test, side)
				for i := range tx {
					d := ty[i] - dot(b, tx[i])
					ss, n = ss+d*d, n+1
				}
			}
		}
		if e := ss / float64(max(n, 1)); e < bestErr {
			best, bestErr = lambda, e
		}
	}
	x, y := lossData(cs, side)
	b, sigma := ridgeFit(x, y, 100*best, side)
	return lossModel{b, sigma}, best
}

// part is a fit of the odds and both sides' losses.
type part struct {
	odds         oddsModel
	lossA, lossD lossModel
	lambdaOdds   float64
	lambdaLoss   float64
	recal        [2]float64
	decision     decision
}

func fitPart(cs []case_, k, repeats int, ratio float64, rng *rand.Rand) part {
	var p part
	p.odds, p.lambdaOdds, p.recal = fitOdds(cs, k, repeats, ratio, rng)
	p.lossA, p.lambdaLoss = fitLoss(cs, 0, k, repeats, rng)
	p.lossD, _ = fitLoss(cs, 1, k, repeats, rng)
	p.decision = fitDecision(cs)
	return p
}

// decision is how long battles last before they are decided, by posture,
// at a battle of refMen men, and how that grows with the men engaged.
type decision struct {
	days   [4]float64
	refMen float64
	size   float64
}

// eulerGamma is how far the mean log of an exponential length falls below
// the log of its mean.
const eulerGamma = 0.5772156649

// fitDecision regresses the log of each battle's length (its recorded
// whole days read as ending mid-way through the last) on the posture and
// the log of the men engaged, and reads the mean lengths of exponentially
// distributed battles from it.
func fitDecision(cs []case_) decision {
	x, y := make([][]float64, len(cs)), make([]float64, len(cs))
	meanLn := 0.0
	for _, c := range cs {
		meanLn += math.Log(c.men) / float64(len(cs))
	}
	for i, c := range cs {
		row := []float64{1, 0, 0, 0, math.Log(c.men) - meanLn}
		if c.sit.Posture > 0 {
			row[c.sit.Posture] = 1
		}
		x[i], y[i] = row, math.Log(c.days-0.5)
	}
	b, _ := fitRidge(x, y, 0)
	d := decision{refMen: math.Exp(meanLn), size: b[4]}
	for p := range d.days {
		off := 0.0
		if p > 0 {
			off = b[p]
		}
		d.days[p] = math.Exp(b[0] + off + eulerGamma)
	}
	return d
}

// FitModel fits the odds and the losses of base to the engagements (its
// combat power stays as it is), choosing the penalties and the odds'
// recalibration by repeated cross-validation; then it scores the whole
// procedure by nested cross-validation, every figure from battles the fit
// did not see, beside the in-sample figures.
func FitModel(engs []Engagement, base *rules.Model, opt FitOptions) Fitted {
	k, repeats := max(opt.Folds, 2), max(opt.Repeats, 1)
	cs := cases(engs, base)
	rng := rand.New(rand.NewPCG(opt.Seed, 0xf17))
	p := fitPart(cs, k, repeats, opt.Ratio, rng)
	f := Fitted{Model: p.apply(*base), LambdaOdds: p.lambdaOdds, LambdaLoss: p.lambdaLoss, RecalA: p.recal[0], RecalS: p.recal[1], HeldRatio: opt.Ratio}
	f.InSample = p.score(cs)
	f.CV = nested(cs, k, repeats, opt.Ratio, rng)
	return f
}

// nested cross-validates the whole fit: each fold is predicted by a fit
// (penalties and recalibration chosen within its training part, with two
// inner repeats) that never saw it; the scores are averaged over repeats.
func nested(cs []case_, k, repeats int, ratio float64, rng *rand.Rand) Scores {
	var sum Scores
	for range repeats {
		var pred []prediction
		for _, f := range folds(len(cs), k, rng) {
			train, test := split(cs, f)
			p := fitPart(train, k, 2, ratio, rng)
			pred = append(pred, p.predict(test)...)
		}
		sum = sum.add(scoreOf(pred))
	}
	return sum.scale(1 / float64(repeats))
}

// apply writes the fitted parts into a copy of the model, rounded to four
// decimals (the file reads well and a fit reproduces it).
func (p part) apply(m rules.Model) rules.Model {
	r := func(x float64) float64 { return math.Round(x*1e4) / 1e4 }
	b := p.odds
	m.Odds = rules.Odds{Bias: r(b[0]), Posture: [4]float64{0, r(b[1]), r(b[2]), r(b[3])}, Ratio: r(b[4]),
		Surprise: r(b[5]), DefenderSurprise: r(b[6]), Air: r(b[7]), Era: r(b[8])}
	loss := func(l lossModel) rules.LossModel {
		c := l.coef
		return rules.LossModel{Base: r(c[0]), Posture: [4]float64{0, r(c[1]), r(c[2]), r(c[3])}, Ratio: r(c[4]),
			Days: r(c[5]), Won: r(c[6]), Era: r(c[7]), Surprise: r(c[8]), DefenderSurprise: r(c[9]), Air: r(c[10]),
			Sigma: r(l.sigma)}
	}
	m.LossA, m.LossD = loss(p.lossA), loss(p.lossD)
	for i, d := range p.decision.days {
		m.DecisionDays[i] = math.Round(d*100) / 100
	}
	m.DecisionMen, m.DecisionSize = math.Round(p.decision.refMen), r(p.decision.size)
	return m
}
