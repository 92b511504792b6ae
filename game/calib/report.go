package calib

import (
	"fmt"
	"ili/game/stats"
	"io"
	"math"
	"text/tabwriter"
)

// WriteText prints the summary for people: proper scores of the predicted
// probabilities first (each beside the base rate's), then the calibration
// fit, accuracy, the force-ratio bins and the reliability table with the
// record's 95% intervals, and the casualty rates.
func (s Summary) WriteText(w io.Writer) {
	s.writeScores(w)
	fmt.Fprintln(w)
	s.writeBins(w)
	fmt.Fprintln(w)
	s.writeReliability(w)
	fmt.Fprintln(w)
	s.writeRates(w)
}

// writeScores prints the counts, Brier score, log-loss, calibration fit,
// accuracy and the lower-loss-wins shares.
func (s Summary) writeScores(w io.Writer) {
	fmt.Fprintf(w, "engagements       %d: attacker won %d (%.3f), draw %d, lost %d; a draw or a loss is not an attacker win\n",
		s.N, s.Wins, s.BaseRate, s.Draws, s.N-s.Wins-s.Draws)
	fmt.Fprintf(w, "Brier score       %.4f  (always %.3f: %.4f; difference %+.4f)\n", s.Brier, s.BaseRate, s.BrierBaseline, s.Brier-s.BrierBaseline)
	fmt.Fprintf(w, "log-loss          %.4f  (always %.3f: %.4f; difference %+.4f)", s.LogLoss, s.BaseRate, s.LogLossBaseline, s.LogLoss-s.LogLossBaseline)
	if s.Clipped > 0 {
		fmt.Fprintf(w, "  [%d predictions of 0 or 1 taken as %g from it, %d of them wrong]", s.Clipped, ClipP, s.ClippedWrong)
	}
	fmt.Fprintln(w)
	if math.IsNaN(s.Slope) {
		fmt.Fprintln(w, "calibration       cannot be fitted (too few engagements, one outcome or one prediction only, or outcomes separated)")
	} else {
		fmt.Fprintf(w, "calibration       slope %.2f (95%% %.2f-%.2f), intercept %+.2f (95%% %+.2f to %+.2f)\n",
			s.Slope, s.Slope-stats.Z95*s.SlopeSE, s.Slope+stats.Z95*s.SlopeSE, s.Intercept, s.Intercept-stats.Z95*s.InterceptSE, s.Intercept+stats.Z95*s.InterceptSE)
		fmt.Fprint(w, "                  (1 and 0 are calibrated, a slope below 1 overconfident")
		if s.Clipped > 0 {
			fmt.Fprintf(w, "; the %d clipped predictions enter at logit ±%.1f", s.Clipped, logOdds(1))
		}
		fmt.Fprintln(w, ")")
	}
	fmt.Fprintf(w, "winner accuracy   %.3f  (attacker always wins: %.3f)\n", s.Accuracy, s.BaseRate)
	fmt.Fprintf(w, "lower loss wins   model %.2f  record %.2f  (%d decided battles with both losses known)\n",
		s.LowerLossWinsModel, s.LowerLossWinsRecord, s.LowerLossBattles)
}

// writeBins prints the force-ratio bins, marking those whose mean
// prediction is outside the record's 95% interval.
func (s Summary) writeBins(w io.Writer) {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "force ratio\tbattles\tattacker wins: record\t95% interval\tmodel\tdifference\t\t")
	for _, b := range s.Bins {
		if b.N == 0 {
			fmt.Fprintf(tw, "%s\t0\t-\t-\t-\t-\t\t\n", b.Label)
			continue
		}
		mark := ""
		if b.Outside {
			mark = "outside"
		}
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f-%.2f\t%.2f\t%+.2f\t%s\t\n", b.Label, b.N, b.Record, b.Lo95, b.Hi95, b.Model, b.Model-b.Record, mark)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d of %d force-ratio bins have the model's mean outside the record's 95%% interval\n", s.BinsOutside, len(s.Bins))
}

// writeReliability prints the reliability table by decile of prediction.
func (s Summary) writeReliability(w io.Writer) {
	fmt.Fprintln(w, "reliability: engagements by decile of the model's p (attacker wins)")
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "decile\tbattles\tp from\tto\tpredicted\tobserved\t95% interval\t\t")
	for i, d := range s.Reliability {
		mark := ""
		if d.Predicted < d.Lo95 || d.Predicted > d.Hi95 {
			mark = "outside"
		}
		fmt.Fprintf(tw, "%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f-%.2f\t%s\t\n", i+1, d.N, d.PLo, d.PHi, d.Predicted, d.Observed, d.Lo95, d.Hi95, mark)
	}
	tw.Flush()
}

// writeRates prints the median daily casualty rates by group (the model's
// over every resolution of the group's battles, as the record's are over
// its battles, each one draw) and the per-battle median error of men lost.
func (s Summary) writeRates(w io.Writer) {
	fmt.Fprintln(w, "median daily casualty rates (men lost / initial strength / days), battles with the loss known")
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\t\tbattles\tattacker %/day: record\tmodel\tmodel/record\tdefender %/day: record\tmodel\tmodel/record\t")
	row := func(group string, r RateStat) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%.2f\t%s\t%.2f\t%.2f\t%s\t\n", group, r.Label, r.N,
			100*r.RecordA, 100*r.ModelA, ratioText(r.RatioA()), 100*r.RecordD, 100*r.ModelD, ratioText(r.RatioD()))
	}
	row("", s.RateAll)
	for _, g := range []struct {
		name  string
		rates []RateStat
	}{{"posture", s.RateByPosture}, {"era", s.RateByEra}, {"duration", s.RateByDuration}} {
		for i, r := range g.rates {
			name := ""
			if i == 0 {
				name = g.name
			}
			row(name, r)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "per-battle error of men lost, median of max(model/record, record/model): attacker x%.2f (%d battles), defender x%.2f (%d battles)\n",
		s.MedianErrA, s.NErrA, s.MedianErrD, s.NErrD)
	fmt.Fprintf(w, "  the same with the record's winner, the losses judged apart from the odds: attacker x%.2f, defender x%.2f\n",
		s.GivenErrA, s.GivenErrD)
}

// ratioText prints a model/record ratio, "-" when it cannot be had.
func ratioText(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "-"
	}
	return fmt.Sprintf("%.2f", f)
}
