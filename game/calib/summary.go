package calib

import (
	"fmt"
	"ili/game/stats"
	"io"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// Bin is a force-ratio class (A/D) of the record.
type Bin struct {
	Label  string
	Lo, Hi float64
}

// Bins are the force-ratio classes the summary compares.
var Bins = []Bin{{"<1", 0, 1}, {"1-1.5", 1, 1.5}, {"1.5-2", 1.5, 2}, {"2-3", 2, 3}, {"3-5", 3, 5}, {">5", 5, math.Inf(1)}}

// BinStat compares the attacker's win rate in one class.
type BinStat struct {
	Bin
	N       int
	Wins    int     // attacker wins in the record
	Record  float64 // share of attacker wins in the record; NaN for no engagements
	Lo95    float64 // Wilson 95% interval of that share
	Hi95    float64
	Model   float64 // mean predicted probability of an attacker win
	Outside bool    // the model's mean is outside the record's interval
}

// Decile is one group of the reliability table: engagements sorted by
// predicted probability and cut into ten groups of near-equal size.
type Decile struct {
	N          int
	PLo, PHi   float64 // the lowest and highest predicted probability in it
	Predicted  float64 // mean predicted probability of an attacker win
	Wins       int
	Observed   float64 // share of attacker wins in the record
	Lo95, Hi95 float64 // Wilson 95% interval of Observed
}

// RateStat compares median daily casualty rates (men lost / initial
// strength / days) in one group of engagements, over those whose casualty is
// known (NA for the attacker, ND for the defender).
type RateStat struct {
	Label            string // "all", "FD", "PD", "HD", "other", "before 1900", "1 day", ...
	N                int    // engagements in the group with either casualty known
	NA, ND           int
	RecordA, RecordD float64
	ModelA, ModelD   float64
}

// RatioA is the model's median daily attacker rate over the record's.
func (r RateStat) RatioA() float64 { return r.ModelA / r.RecordA }

// RatioD is the model's median daily defender rate over the record's.
func (r RateStat) RatioD() float64 { return r.ModelD / r.RecordD }

// Summary is how the model compares with the record over a set of engagements.
// A figure that cannot be had (no engagements, a fit that does not converge)
// is NaN.
type Summary struct {
	N                int
	Wins, Draws      int     // attacker wins and draws in the record
	BaseRate         float64 // the record's attacker win rate
	Brier            float64
	BrierBaseline    float64 // always predicting BaseRate
	LogLoss          float64 // natural log, p clipped to [ClipP, 1-ClipP]
	LogLossBaseline  float64
	Accuracy         float64 // share of engagements whose winner the model calls (p > 0.5)
	Slope, Intercept float64 // logistic fit of the outcome on logOdds(p)
	SlopeSE          float64 // standard error of Slope
	InterceptSE      float64
	Clipped          int // engagements with p clipped for the log-loss and the fit
	ClippedWrong     int // of those, the ones whose outcome went the other way
	Bins             []BinStat
	BinsOutside      int // bins with the model's mean outside the record's interval
	Reliability      []Decile
	RateAll          RateStat
	RateByPosture    []RateStat // FD, PD, HD, other
	RateByEra        []RateStat // before 1900, 1900 on
	RateByDuration   []RateStat // 1 day, 2-5 days, more than 5 days
	MedianErrA       float64    // median over battles of max(model/record, record/model) of men lost
	MedianErrD       float64
	// GivenErrA and GivenErrD are the same with the winner the record's:
	// the losses model judged apart from the odds.
	GivenErrA, GivenErrD float64
	NErrA, NErrD         int // battles in each median error (both counts known and above zero)
	LowerLossBattles     int // engagements behind the two LowerLossWins shares
	// LowerLossWins: share of engagements (with both casualties known) won by
	// the side with the smaller fractional loss, in the record and the model.
	LowerLossWinsRecord, LowerLossWinsModel float64
}

// ClipP bounds predicted probabilities away from 0 and 1 for the log-loss
// and the calibration fit.
const ClipP = 1e-6

// Summarize compares results with the record.
func Summarize(results []Result) Summary {
	s := Summary{N: len(results)}
	s.scoreProbabilities(results)
	s.Slope, s.Intercept, s.SlopeSE, s.InterceptSE = FitCalibration(results)
	s.Bins, s.BinsOutside = binStats(results)
	s.Reliability = Reliability(results, 10)
	s.rates(results)
	s.MedianErrA, s.NErrA, s.MedianErrD, s.NErrD = medianErrors(results, false)
	s.GivenErrA, _, s.GivenErrD, _ = medianErrors(results, true)
	s.lowerLossWins(results)
	return s
}

// attackerWon is 1 for an attacker win in the record, 0 for a draw or a loss.
func attackerWon(r Result) float64 {
	if r.Win == 1 {
		return 1
	}
	return 0
}

// clampP bounds p to [ClipP, 1-ClipP].
func clampP(p float64) float64 { return math.Min(math.Max(p, ClipP), 1-ClipP) }

// pLogLoss is the log-loss of predicting p when the outcome is y (0 or 1).
func pLogLoss(p, y float64) float64 {
	p = clampP(p)
	return -(y*math.Log(p) + (1-y)*math.Log(1-p))
}

// scoreProbabilities sets the counts of the record, the Brier score, the
// log-loss and the accuracy, with the base rate's scores beside them.
func (s *Summary) scoreProbabilities(results []Result) {
	nan := math.NaN()
	s.BaseRate, s.Brier, s.BrierBaseline, s.LogLoss, s.LogLossBaseline, s.Accuracy = nan, nan, nan, nan, nan, nan
	if s.N == 0 {
		return
	}
	for _, r := range results {
		s.Wins += int(attackerWon(r))
		if r.Win == 0 {
			s.Draws++
		}
	}
	n := float64(s.N)
	s.BaseRate = float64(s.Wins) / n
	var brier, brierBase, ll, llBase float64
	correct := 0
	for _, r := range results {
		y := attackerWon(r)
		if (r.PWin > 0.5) == (y == 1) {
			correct++
		}
		if r.PWin != clampP(r.PWin) {
			s.Clipped++
			if (r.PWin > 0.5) != (y == 1) {
				s.ClippedWrong++
			}
		}
		brier += (r.PWin - y) * (r.PWin - y)
		brierBase += (s.BaseRate - y) * (s.BaseRate - y)
		ll += pLogLoss(r.PWin, y)
		llBase += pLogLoss(s.BaseRate, y)
	}
	s.Brier, s.BrierBaseline = brier/n, brierBase/n
	s.LogLoss, s.LogLossBaseline = ll/n, llBase/n
	s.Accuracy = float64(correct) / n
}

// logOdds is the log-odds of p, clipped to [ClipP, 1-ClipP].
func logOdds(p float64) float64 {
	p = clampP(p)
	return math.Log(p / (1 - p))
}

// invLogOdds is the inverse of logOdds.
func invLogOdds(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// FitCalibration fits P(attacker wins) = invLogOdds(intercept + slope*logOdds(p))
// to the record by maximum likelihood and returns the two parameters with
// their standard errors (from the inverse of the information matrix). A slope
// of 1 and an intercept of 0 are calibrated; a slope below 1 says the model is
// overconfident, above 1 underconfident. All four are NaN when the fit cannot
// be made: fewer than three engagements, one outcome only, one prediction
// only, or the outcomes separated by the predictions.
func FitCalibration(results []Result) (slope, intercept, slopeSE, interceptSE float64) {
	nan := math.NaN()
	xs, ys := make([]float64, len(results)), make([]float64, len(results))
	for i, r := range results {
		xs[i], ys[i] = logOdds(r.PWin), attackerWon(r)
	}
	if len(results) < 3 || allEqual(xs) || allEqual(ys) || separated(xs, ys) {
		return nan, nan, nan, nan
	}
	prob := calibrationProblem(xs, ys)
	res, err := optimize.Minimize(prob, []float64{0, 1}, nil, &optimize.Newton{GradStopThreshold: 1e-10})
	if res == nil {
		return nan, nan, nan, nan
	}
	// Newton's line search may report a failure at the maximum itself, where
	// the gradient is too small to make progress: judge by the gradient.
	g := make([]float64, 2)
	prob.Grad(g, res.X)
	if err != nil && math.Hypot(g[0], g[1]) > 1e-6*float64(len(xs)) {
		return nan, nan, nan, nan
	}
	intercept, slope = res.X[0], res.X[1]
	h00, h01, h11 := calibrationInformation(xs, intercept, slope)
	det := h00*h11 - h01*h01
	if !(det > 0) || math.IsNaN(slope) || math.IsNaN(intercept) {
		return nan, nan, nan, nan
	}
	return slope, intercept, math.Sqrt(h00 / det), math.Sqrt(h11 / det)
}

// separated says whether a line through the predictions parts the outcomes
// (every win at or above every other outcome, or at or below): then the
// likelihood grows without bound as the slope does and has no maximum.
func separated(xs, ys []float64) bool {
	minWin, maxWin := math.Inf(1), math.Inf(-1)
	minNot, maxNot := math.Inf(1), math.Inf(-1)
	for i, x := range xs {
		if ys[i] == 1 {
			minWin, maxWin = math.Min(minWin, x), math.Max(maxWin, x)
		} else {
			minNot, maxNot = math.Min(minNot, x), math.Max(maxNot, x)
		}
	}
	return maxNot <= minWin || maxWin <= minNot
}

func allEqual(x []float64) bool {
	for _, v := range x {
		if v != x[0] {
			return false
		}
	}
	return true
}

// calibrationProblem is the negative log-likelihood of ys given
// invLogOdds(b[0] + b[1]*x), with its gradient and Hessian.
func calibrationProblem(xs, ys []float64) optimize.Problem {
	return optimize.Problem{
		Func: func(b []float64) float64 {
			f := 0.0
			for i, x := range xs {
				// -log invLogOdds(z) = log(1+e^-z); -log(1-invLogOdds(z)) = log(1+e^z)
				z := b[0] + b[1]*x
				if ys[i] == 1 {
					f += softplusLoss(-z)
				} else {
					f += softplusLoss(z)
				}
			}
			return f
		},
		Grad: func(g, b []float64) {
			g[0], g[1] = 0, 0
			for i, x := range xs {
				d := invLogOdds(b[0]+b[1]*x) - ys[i]
				g[0] += d
				g[1] += d * x
			}
		},
		Hess: func(h *mat.SymDense, b []float64) {
			h00, h01, h11 := calibrationInformation(xs, b[0], b[1])
			h.SetSym(0, 0, h00)
			h.SetSym(0, 1, h01)
			h.SetSym(1, 1, h11)
		},
	}
}

// softplusLoss is log(1+e^z) without overflow.
func softplusLoss(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// calibrationInformation is the information matrix of the calibration fit
// at (a, b): the sum over xs of w*[1 x; x x*x], w = invLogOdds(z)*(1-invLogOdds(z)).
func calibrationInformation(xs []float64, a, b float64) (h00, h01, h11 float64) {
	for _, x := range xs {
		p := invLogOdds(a + b*x)
		w := p * (1 - p)
		h00 += w
		h01 += w * x
		h11 += w * x * x
	}
	return h00, h01, h11
}

// binStats compares win rates in each force-ratio bin and counts the bins
// whose mean prediction is outside the record's 95% interval.
func binStats(results []Result) ([]BinStat, int) {
	var bins []BinStat
	outside := 0
	for _, b := range Bins {
		bs := BinStat{Bin: b, Record: math.NaN(), Model: math.NaN()}
		sum := 0.0
		for _, r := range results {
			if ratio := float64(r.A) / float64(r.D); ratio >= b.Lo && ratio < b.Hi {
				bs.N++
				sum += r.PWin
				bs.Wins += int(attackerWon(r))
			}
		}
		bs.Lo95, bs.Hi95 = stats.Wilson(bs.Wins, bs.N)
		if bs.N > 0 {
			bs.Model = sum / float64(bs.N)
			bs.Record = float64(bs.Wins) / float64(bs.N)
			bs.Outside = bs.Model < bs.Lo95 || bs.Model > bs.Hi95
		}
		if bs.Outside {
			outside++
		}
		bins = append(bins, bs)
	}
	return bins, outside
}

// Reliability sorts the results by predicted probability (ties in their
// given order) and cuts them into groups of near-equal size (group k holds
// sorted positions k*n/groups up to (k+1)*n/groups), comparing each group's
// mean prediction with its share of attacker wins. Empty groups (fewer
// results than groups) are left out.
func Reliability(results []Result, groups int) []Decile {
	sorted := append([]Result(nil), results...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].PWin < sorted[j].PWin })
	var out []Decile
	n := len(sorted)
	for k := 0; k < groups; k++ {
		g := sorted[k*n/groups : (k+1)*n/groups]
		if len(g) == 0 {
			continue
		}
		d := Decile{N: len(g), PLo: g[0].PWin, PHi: g[len(g)-1].PWin}
		for _, r := range g {
			d.Predicted += r.PWin
			d.Wins += int(attackerWon(r))
		}
		d.Predicted /= float64(d.N)
		d.Observed = float64(d.Wins) / float64(d.N)
		d.Lo95, d.Hi95 = stats.Wilson(d.Wins, d.N)
		out = append(out, d)
	}
	return out
}

// rateGroup names a group of engagements for the casualty rates.
type rateGroup struct {
	label string
	in    func(Result) bool
}

func postureIs(posts ...string) func(Result) bool {
	return func(r Result) bool {
		for _, p := range posts {
			if r.Post == p {
				return true
			}
		}
		return false
	}
}

var (
	postureGroups = []rateGroup{{"FD", postureIs("FD")}, {"PD", postureIs("PD")}, {"HD", postureIs("HD")},
		{"other", func(r Result) bool { return !postureIs("FD", "PD", "HD")(r) }}}
	eraGroups = []rateGroup{{"before 1900", func(r Result) bool { return r.Year > 0 && r.Year < 1900 }},
		{"1900 on", func(r Result) bool { return r.Year >= 1900 }}}
	durationGroups = []rateGroup{{"1 day", func(r Result) bool { return r.Days <= 1 }},
		{"2-5 days", func(r Result) bool { return r.Days >= 2 && r.Days <= 5 }},
		{"over 5 days", func(r Result) bool { return r.Days > 5 }}}
)

// rates sets the median daily casualty rates overall and by posture, era
// and duration.
func (s *Summary) rates(results []Result) {
	s.RateAll = rateStat(results, rateGroup{"all", func(Result) bool { return true }})
	s.RateByPosture, s.RateByEra, s.RateByDuration = nil, nil, nil
	for _, g := range postureGroups {
		s.RateByPosture = append(s.RateByPosture, rateStat(results, g))
	}
	for _, g := range eraGroups {
		s.RateByEra = append(s.RateByEra, rateStat(results, g))
	}
	for _, g := range durationGroups {
		s.RateByDuration = append(s.RateByDuration, rateStat(results, g))
	}
}

// rateStat is the median daily casualty rates, record and model, of the
// results in group g whose casualties are known.
func rateStat(results []Result, g rateGroup) RateStat {
	rs := RateStat{Label: g.label}
	var ra, rd, ma, md []float64
	for _, r := range results {
		if !g.in(r) || (r.CasA < 0 && r.CasD < 0) {
			continue
		}
		rs.N++
		days := float64(max(r.Days, 1))
		if r.CasA >= 0 {
			ra = append(ra, float64(r.CasA)/float64(r.A)/days)
			ma = appendRates(ma, r.drawsA, float64(r.A)*days)
		}
		if r.CasD >= 0 {
			rd = append(rd, float64(r.CasD)/float64(r.D)/days)
			md = appendRates(md, r.drawsD, float64(r.D)*days)
		}
	}
	rs.NA, rs.ND = len(ra), len(rd)
	rs.RecordA, rs.RecordD, rs.ModelA, rs.ModelD = fmedian(ra), fmedian(rd), fmedian(ma), fmedian(md)
	return rs
}

// appendRates adds the daily rates of a battle's draws, each of men lost
// out of per men-days, to rates.
func appendRates(rates []float64, draws []int, per float64) []float64 {
	for _, c := range draws {
		rates = append(rates, float64(c)/per)
	}
	return rates
}

// medianErrors is, for attacker and defender, the median over battles of
// max(model/record, record/model) of men lost, over the battles whose loss is
// known and neither figure is zero, with how many battles that is.
func medianErrors(results []Result, given bool) (errA float64, nA int, errD float64, nD int) {
	var ea, ed []float64
	for _, r := range results {
		a, d := r.CasAMedian, r.CasDMedian
		if given {
			a, d = r.CasAGiven, r.CasDGiven
		}
		if e, ok := foldError(a, r.CasA); ok {
			ea = append(ea, e)
		}
		if e, ok := foldError(d, r.CasD); ok {
			ed = append(ed, e)
		}
	}
	return fmedian(ea), len(ea), fmedian(ed), len(ed)
}

// foldError is max(model/record, record/model); ok is false when the record
// is unknown (negative) or either figure is zero.
func foldError(model, record int) (float64, bool) {
	if model <= 0 || record <= 0 {
		return 0, false
	}
	f := float64(model) / float64(record)
	return math.Max(f, 1/f), true
}

// lowerLossWins sets the share of decided engagements, with both casualties
// known, won by the side with the smaller fractional loss: in the record,
// and on average over the model's resolutions.
func (s *Summary) lowerLossWins(results []Result) {
	n, agree, model := 0, 0, 0.0
	for _, r := range results {
		if r.CasA < 0 || r.CasD < 0 || r.Win == 0 {
			continue
		}
		fa, fd := float64(r.CasA)/float64(r.A), float64(r.CasD)/float64(r.D)
		if fa == fd {
			continue
		}
		n++
		if (fa < fd) == (r.Win == 1) {
			agree++
		}
		model += r.LowerLossWins
	}
	s.LowerLossBattles = n
	s.LowerLossWinsRecord, s.LowerLossWinsModel = math.NaN(), math.NaN()
	if n > 0 {
		s.LowerLossWinsRecord = float64(agree) / float64(n)
		s.LowerLossWinsModel = model / float64(n)
	}
}

// fmedian is the median of x, NaN when x is empty.
func fmedian(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// WriteCSV prints one row per engagement: isqno,p_attacker_win,casA_median,casD_median.
func WriteCSV(w io.Writer, results []Result) {
	fmt.Fprintln(w, "isqno,p_attacker_win,casA_median,casD_median")
	for _, r := range results {
		fmt.Fprintf(w, "%d,%.4f,%d,%d\n", r.ISQNO, r.PWin, r.CasAMedian, r.CasDMedian)
	}
}
