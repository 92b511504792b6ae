package calib

import (
	"fmt"
	"io"
	"math"
	"sort"
	"text/tabwriter"
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
	N      int
	Record float64 // share of attacker wins in the record
	Model  float64 // mean predicted probability of an attacker win
}

// RateStat compares median daily casualty rates (losses / strength / days).
type RateStat struct {
	Posture          string // "all", "FD", "PD", "HD"
	N                int
	RecordA, RecordD float64
	ModelA, ModelD   float64
}

// Summary is how the model compares with the record over a set of engagements.
type Summary struct {
	N             int
	Accuracy      float64 // share of engagements whose winner the model calls (p > 0.5)
	Brier         float64
	BrierBaseline float64 // always predicting the record's overall attacker win rate
	BaseRate      float64 // the record's attacker win rate
	Bins          []BinStat
	Rates         []RateStat
	// LowerLossWins: share of engagements (with both casualties known) won by
	// the side with the smaller fractional loss, in the record and the model.
	LowerLossWinsRecord, LowerLossWinsModel float64
}

// Summarize compares results with the record.
func Summarize(results []Result) Summary {
	var s Summary
	s.N = len(results)
	if s.N == 0 {
		return s
	}
	wins := 0
	for _, r := range results {
		if r.Win == 1 {
			wins++
		}
	}
	s.BaseRate = float64(wins) / float64(s.N)
	correct := 0
	for _, r := range results {
		y := 0.0
		if r.Win == 1 {
			y = 1
		}
		if (r.PWin > 0.5) == (r.Win == 1) {
			correct++
		}
		s.Brier += (r.PWin - y) * (r.PWin - y)
		s.BrierBaseline += (s.BaseRate - y) * (s.BaseRate - y)
	}
	s.Accuracy = float64(correct) / float64(s.N)
	s.Brier /= float64(s.N)
	s.BrierBaseline /= float64(s.N)

	for _, b := range Bins {
		bs := BinStat{Bin: b}
		for _, r := range results {
			ratio := float64(r.A) / float64(r.D)
			if ratio >= b.Lo && ratio < b.Hi {
				bs.N++
				bs.Model += r.PWin
				if r.Win == 1 {
					bs.Record++
				}
			}
		}
		if bs.N > 0 {
			bs.Model /= float64(bs.N)
			bs.Record /= float64(bs.N)
		}
		s.Bins = append(s.Bins, bs)
	}

	for _, post := range []string{"all", "FD", "PD", "HD"} {
		rs := RateStat{Posture: post}
		var ra, rd, ma, md []float64
		for _, r := range results {
			if post != "all" && r.Post != post {
				continue
			}
			rs.N++
			days := float64(r.Days)
			if r.CasA >= 0 {
				ra = append(ra, float64(r.CasA)/float64(r.A)/days)
				ma = append(ma, float64(r.CasAMedian)/float64(r.A)/days)
			}
			if r.CasD >= 0 {
				rd = append(rd, float64(r.CasD)/float64(r.D)/days)
				md = append(md, float64(r.CasDMedian)/float64(r.D)/days)
			}
		}
		rs.RecordA, rs.RecordD, rs.ModelA, rs.ModelD = fmedian(ra), fmedian(rd), fmedian(ma), fmedian(md)
		s.Rates = append(s.Rates, rs)
	}

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
	if n > 0 {
		s.LowerLossWinsRecord = float64(agree) / float64(n)
		s.LowerLossWinsModel = model / float64(n)
	}
	return s
}

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

// WriteText prints the summary for people, each model figure beside the record's.
func (s Summary) WriteText(w io.Writer) {
	fmt.Fprintf(w, "engagements       %d\n", s.N)
	fmt.Fprintf(w, "winner accuracy   %.3f  (attacker always wins: %.3f)\n", s.Accuracy, math.Max(s.BaseRate, 1-s.BaseRate))
	fmt.Fprintf(w, "Brier score       %.4f  (always %.3f: %.4f)\n", s.Brier, s.BaseRate, s.BrierBaseline)
	fmt.Fprintf(w, "lower loss wins   model %.2f  record %.2f\n\n", s.LowerLossWinsModel, s.LowerLossWinsRecord)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "force ratio\tbattles\tattacker wins: record\tmodel\tdifference\t")
	for _, b := range s.Bins {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%+.2f\t\n", b.Label, b.N, b.Record, b.Model, b.Model-b.Record)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "posture\tbattles\tattacker %/day: record\tmodel\tdefender %/day: record\tmodel\t")
	for _, r := range s.Rates {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", r.Posture, r.N, 100*r.RecordA, 100*r.ModelA, 100*r.RecordD, 100*r.ModelD)
	}
	tw.Flush()
}

// WriteCSV prints one row per engagement: isqno,p_attacker_win,casA_median,casD_median.
func WriteCSV(w io.Writer, results []Result) {
	fmt.Fprintln(w, "isqno,p_attacker_win,casA_median,casD_median")
	for _, r := range results {
		fmt.Fprintf(w, "%d,%.4f,%d,%d\n", r.ISQNO, r.PWin, r.CasAMedian, r.CasDMedian)
	}
}
