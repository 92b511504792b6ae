package calib

import (
	"math"
	"sort"
)

// prediction is what a fit says of one battle it is scored on: the log-odds
// of an attacker win, and each side's log daily rate given the recorded
// outcome, beside the record.
type prediction struct {
	logit        float64
	win          bool
	lossA, lossD float64 // NaN where the record has no casualties
	rateA, rateD float64
}

func (p part) predict(cs []case_) []prediction {
	out := make([]prediction, len(cs))
	for i, c := range cs {
		row := lossRow(c)
		out[i] = prediction{logit: p.odds.logit(c.sit), win: c.win, lossA: dot(p.lossA.coef, row), lossD: dot(p.lossD.coef, row), rateA: c.rateA, rateD: c.rateD}
	}
	return out
}

func (p part) score(cs []case_) Scores { return scoreOf(p.predict(cs)) }

// scoreOf sums up predictions with proper scores.
func scoreOf(pred []prediction) Scores {
	s := Scores{N: len(pred)}
	logits := make([]float64, len(pred))
	ys := make([]bool, len(pred))
	wins := 0
	for i, p := range pred {
		logits[i], ys[i] = p.logit, p.win
		q := logistic(p.logit)
		y := 0.0
		if p.win {
			y, wins = 1, wins+1
		}
		s.Brier += (q - y) * (q - y)
		if (q > 0.5) == p.win {
			s.Accuracy++
		}
	}
	n := float64(len(pred))
	s.Brier /= n
	s.Accuracy /= n
	s.LogLoss = logLoss(logits, ys)
	base := float64(wins) / n
	s.BaseBrier = base * (1 - base)
	s.BaseLog = -(base*math.Log(base) + (1-base)*math.Log(1-base))
	refit := fitLogistic(pairRows(logits), ys, 0)
	s.Intercept, s.Slope = refit[0], refit[1]
	s.LossErrA = medianError(pred, func(p prediction) (float64, float64) { return p.lossA, p.rateA })
	s.LossErrD = medianError(pred, func(p prediction) (float64, float64) { return p.lossD, p.rateD })
	return s
}

// medianError is the median over battles with a recorded rate of the
// model's median rate over the record's, or the record's over the model's.
func medianError(pred []prediction, get func(prediction) (float64, float64)) float64 {
	var errs []float64
	for _, p := range pred {
		if logModel, rate := get(p); !math.IsNaN(rate) {
			errs = append(errs, math.Exp(math.Abs(logModel-math.Log(rate))))
		}
	}
	if len(errs) == 0 {
		return math.NaN()
	}
	sort.Float64s(errs)
	m := len(errs) / 2
	if len(errs)%2 == 0 {
		return (errs[m-1] + errs[m]) / 2
	}
	return errs[m]
}

func (s Scores) add(o Scores) Scores {
	return Scores{N: s.N + o.N, Brier: s.Brier + o.Brier, LogLoss: s.LogLoss + o.LogLoss, BaseBrier: s.BaseBrier + o.BaseBrier,
		BaseLog: s.BaseLog + o.BaseLog, Accuracy: s.Accuracy + o.Accuracy, Slope: s.Slope + o.Slope, Intercept: s.Intercept + o.Intercept,
		LossErrA: s.LossErrA + o.LossErrA, LossErrD: s.LossErrD + o.LossErrD}
}

func (s Scores) scale(f float64) Scores {
	return Scores{N: int(float64(s.N) * f), Brier: s.Brier * f, LogLoss: s.LogLoss * f, BaseBrier: s.BaseBrier * f, BaseLog: s.BaseLog * f,
		Accuracy: s.Accuracy * f, Slope: s.Slope * f, Intercept: s.Intercept * f, LossErrA: s.LossErrA * f, LossErrD: s.LossErrD * f}
}
