package whatif

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"ili/game/rules"
	"ili/game/scenario"
)

// KindSensitivity is a study that varies each input of a scenario one at a
// time, down and up, on the same seeds, and ranks the inputs by their
// effect on the outcome shares.
const KindSensitivity = "sensitivity"

// Input is one input a sensitivity study varies: a unit's or a side's
// strength (every count scaled by 1-delta and 1+delta) or a date (an
// arrival, a withdrawal or an event moved by delta of the scenario's
// turns, at least one, earlier and later), and the arms that play it low
// and high.
type Input struct {
	Name    string `json:"name"` // "band-mounted: strength", "telegram: date"
	Kind    string `json:"kind"` // "strength" or "date"
	Low     string `json:"low"`  // the values: "80%", "1944-10-05T06:00:00"
	High    string `json:"high"`
	LowArm  int    `json:"low_arm"`
	HighArm int    `json:"high_arm"`
}

// Effect is an input's effect: each outcome's share with the input low
// and high, and the difference (high less low) with its paired interval.
// Rank orders the inputs by the absolute difference in the first side's
// share of wins.
type Effect struct {
	Input
	Outcome string      `json:"outcome"` // the outcome the ranking weighs: the first side's wins
	Diff    float64     `json:"diff"`    // its share, high less low
	Lo      float64     `json:"lo"`
	Hi      float64     `json:"hi"`
	Shares  []ShareDiff `json:"shares"` // every outcome, high against low
}

// ParseDelta reads --delta: a percentage (20%) or a fraction (0.2), more
// than 0 and at most 95%.
func ParseDelta(s string) (float64, error) {
	d, err := parseFactor(s)
	if err != nil {
		return 0, fmt.Errorf("--delta %q: %v", s, err)
	}
	if d <= 0 || d > 0.95 {
		return 0, fmt.Errorf("--delta %s: give a change from 1%% to 95%%, such as 20%%", s)
	}
	return d, nil
}

// SensitivityArms are the arms of a sensitivity study of base: the base
// setup first, then each input low and high. load loads a spec (Spec.Load
// with the scenario's file). An input whose arms do not load (a date
// moved past another) is left out, and skipped says which and why.
func SensitivityArms(base Spec, delta float64, load func(Spec) (Setup, error)) (inputs []Input, arms []Arm, skipped []string, err error) {
	set, err := load(base)
	if err != nil {
		return nil, nil, nil, err
	}
	arms = append(arms, Arm{Label: "base", Setup: set})
	sc := set.Scenario
	pct := func(f float64) string { return strconv.FormatFloat(100*f, 'f', -1, 64) + "%" }
	type variation struct {
		name, kind, low, high string
		lo, hi                Change
	}
	var vs []variation
	strength := func(target, name string) {
		lo, hi := pct(1-delta), pct(1+delta)
		vs = append(vs, variation{name + ": strength", "strength", lo, hi,
			Change{Scale: []string{target + ".strength=" + lo}}, Change{Scale: []string{target + ".strength=" + hi}}})
	}
	for _, s := range sc.Setup.Sides {
		strength(s.ID, s.ID+" (every unit)")
	}
	for _, u := range sc.Units {
		if sc.Side(u.ID) == nil { // a unit named as a side would be scaled as the side
			strength(u.ID, u.ID)
		}
	}
	st := sc.Setup
	first := max(1, st.FirstTurn)
	shift := max(1, int(math.Round(delta*float64(sc.Turns))))
	date := func(key, name string, turn int) {
		lo, hi := max(first, turn-shift), min(sc.Turns, turn+shift)
		if lo == turn && hi == turn {
			return
		}
		when := func(t int) string { return st.TurnTime(t).Format("2006-01-02T15:04:05") }
		vs = append(vs, variation{name + ": date", "date", when(lo), when(hi),
			Change{Set: []string{key + "=" + when(lo)}}, Change{Set: []string{key + "=" + when(hi)}}})
	}
	for _, d := range Dates(sc) {
		date(d.Key, d.Name, d.Turn)
	}
	for _, v := range vs {
		lo, err1 := load(base.With(v.lo))
		hi, err2 := load(base.With(v.hi))
		if err := cmp.Or(err1, err2); err != nil {
			skipped = append(skipped, fmt.Sprintf("%s (%s)", v.name, strings.SplitN(err.Error(), "\n", 2)[0]))
			continue
		}
		in := Input{Name: v.name, Kind: v.kind, Low: v.low, High: v.high, LowArm: len(arms), HighArm: len(arms) + 1}
		arms = append(arms, Arm{Label: v.name + " " + v.low, Setup: lo}, Arm{Label: v.name + " " + v.high, Setup: hi})
		inputs = append(inputs, in)
	}
	return inputs, arms, skipped, nil
}

// Dated is a date of a scenario's that a setup may move with --set: a
// unit's arrival or withdrawal, or an event fired by date.
type Dated struct {
	Key    string // the --set key: unit.ID.arrive, unit.ID.withdraw, event.ID.date
	Name   string // by IDs, as a sensitivity study names it: "column arrives"
	Title  string // in words: "Ghulja column arrives"
	Turn   int
	Source string // the key of the source of the unit's figures or of the event
}

// Dates are the scenario's dates a setup may move: each unit's arrival
// after the first turn and withdrawal, in the order of units, then each
// event fired by date.
func Dates(sc *scenario.Scenario) []Dated {
	var out []Dated
	for _, u := range sc.Units {
		if u.Status == rules.Pending && u.ArriveTurn > 1 {
			out = append(out, Dated{"unit." + u.ID + ".arrive", u.ID + " arrives", u.Name + " arrives", u.ArriveTurn, u.Source})
		}
		if u.WithdrawTurn > 0 {
			out = append(out, Dated{"unit." + u.ID + ".withdraw", u.ID + " withdraws", u.Name + " withdraws", u.WithdrawTurn, u.Source})
		}
	}
	for _, n := range sc.Setup.Narrative {
		if n.Turn > 0 && n.CapturedPlace == "" {
			out = append(out, Dated{"event." + n.ID + ".date", n.ID, n.Title, n.Turn, n.Source})
		}
	}
	return out
}

// rank sets each input's low arm against its high arm, paired by seed,
// and orders the inputs by the effect on the first side's wins, the
// largest first (ties by name).
func (st *Study) rank() error {
	st.Effects = nil
	if len(st.Arms) == 0 {
		return nil
	}
	side := st.Arms[0].Sides[0] + " wins"
	for _, in := range st.Inputs {
		if in.LowArm >= len(st.Arms) || in.HighArm >= len(st.Arms) {
			return fmt.Errorf("the input %q names setups the study does not hold", in.Name)
		}
		c, err := Compare(st.Arms[in.LowArm], st.Arms[in.HighArm])
		if err != nil {
			return err
		}
		e := Effect{Input: in, Outcome: side}
		for _, d := range c.Shares {
			if d.Measure == "outcome" || d.Measure == "as in history" {
				e.Shares = append(e.Shares, d)
			}
			if d.What == side {
				e.Diff, e.Lo, e.Hi = d.Diff, d.Lo, d.Hi
			}
		}
		st.Effects = append(st.Effects, e)
	}
	slices.SortStableFunc(st.Effects, func(a, b Effect) int {
		if c := cmp.Compare(math.Abs(b.Diff), math.Abs(a.Diff)); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return nil
}

// writeEffectsText writes the inputs ranked by their effect.
func writeEffectsText(w io.Writer, st *Study) {
	if len(st.Arms) == 0 {
		return
	}
	base := st.Arms[0]
	side := base.Sides[0]
	fmt.Fprintf(w, "%s: the sensitivity of the outcomes to %d inputs, each varied by %s one at a time (a strength scaled by 1-%s and 1+%s, a date moved by %s of the turns, at least one, earlier and later), %d runs a setup from seed %d, the same seeds in every setup\n",
		st.Scenario, len(st.Inputs), pctOf(st.Delta), pctOf(st.Delta), pctOf(st.Delta), pctOf(st.Delta), st.Runs, st.Seed)
	fmt.Fprintf(w, "Setup: %s\n", base.Describe())
	ws := base.Summary.Wins[side]
	fmt.Fprintf(w, "Base: %s wins %s (%s)\n", side, pct(ws), ci(ws))
	if len(st.Skipped) > 0 {
		fmt.Fprintf(w, "Not varied: %s.\n", strings.Join(st.Skipped, "; "))
	}
	tw := newTab(w)
	fmt.Fprintf(tw, "\nRANK\tINPUT\tLOW\tHIGH\t%s WINS: LOW\tHIGH\tHIGH LESS LOW (95%% CI)\tP\tLARGER THAN CHANCE?\n", strings.ToUpper(side))
	for i, e := range st.Effects {
		var d ShareDiff
		for _, x := range e.Shares {
			if x.What == e.Outcome {
				d = x
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%+.1f (%+.1f to %+.1f)\t%s\t%s\n", i+1, e.Name, e.Low, e.High, pct(d.A), pct(d.B), 100*d.Diff, 100*d.Lo, 100*d.Hi, pValue(d.P), verdict(d.Significant))
	}
	tw.Flush()
	fmt.Fprintf(w, "Differences in percentage points, paired by seed (McNemar's mid-p test, Newcombe's interval); p-values are not adjusted for the number of inputs.\n")
}

// pctOf writes a fraction as a percentage.
func pctOf(f float64) string { return strconv.FormatFloat(100*f, 'f', -1, 64) + "%" }

// writeEffectsCSV writes one row per input and outcome, the inputs ranked.
func writeEffectsCSV(w io.Writer, st *Study) {
	fmt.Fprintln(w, "scenario,setup,runs,seed,delta,rank,input,kind,low,high,outcome,low_share,high_share,diff,lo,hi,p,significant")
	if len(st.Arms) == 0 {
		return
	}
	pre := []string{csvQuote(st.Scenario), csvQuote(st.Arms[0].Describe()), fmt.Sprint(st.Runs), fmt.Sprint(st.Seed), num(st.Delta)}
	for i, e := range st.Effects {
		for _, d := range e.Shares {
			fmt.Fprintln(w, strings.Join(append(slices.Clone(pre), fmt.Sprint(i+1), csvQuote(e.Name), e.Kind, csvQuote(e.Low), csvQuote(e.High), csvQuote(d.What),
				num(d.A.Share), num(d.B.Share), num(d.Diff), num(d.Lo), num(d.Hi), num(d.P), fmt.Sprint(d.Significant)), ","))
		}
	}
}

// tornadoChart draws each input's effect on the first side's share of
// wins, the largest on top: a bar from the share with the input low to the
// share with it high, around the base's share, with the 95% intervals of
// both ends.
func (st *Study) tornadoChart(w io.Writer) error {
	base := st.Arms[0]
	side := base.Sides[0]
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s wins (%%) with each input low and high (whiskers: 95%% intervals)", side)
	p.X.Label.Text = "share of runs (%)"
	p.X.Min, p.X.Max = 0, 100
	n := len(st.Effects)
	names := make([]string, n)
	low, high := color.RGBA{86, 180, 233, 255}, color.RGBA{230, 159, 0, 255}
	for i, e := range st.Effects {
		y := float64(n - 1 - i)
		names[n-1-i] = e.Name
		var d ShareDiff
		for _, x := range e.Shares {
			if x.What == e.Outcome {
				d = x
			}
		}
		for _, end := range []struct {
			s  Share
			c  color.RGBA
			dy float64 // the low end on the row's upper half, the high on its lower
		}{{d.A, low, 0.2}, {d.B, high, -0.2}} {
			b := 100 * base.Summary.Wins[side].Share
			x := 100 * end.s.Share
			y := y + end.dy
			rect, err := plotter.NewPolygon(plotter.XYs{{X: b, Y: y - 0.17}, {X: x, Y: y - 0.17}, {X: x, Y: y + 0.17}, {X: b, Y: y + 0.17}})
			if err != nil {
				return err
			}
			rect.Color, rect.LineStyle.Color = end.c, end.c
			p.Add(rect)
			eb, err := plotter.NewXErrorBars(struct {
				plotter.XYs
				plotter.XErrors
			}{plotter.XYs{{X: x, Y: y}}, plotter.XErrors{{Low: x - 100*end.s.Lo, High: 100*end.s.Hi - x}}})
			if err != nil {
				return err
			}
			p.Add(eb)
		}
	}
	bl, err := plotter.NewLine(plotter.XYs{{X: 100 * base.Summary.Wins[side].Share, Y: -0.6}, {X: 100 * base.Summary.Wins[side].Share, Y: float64(n) - 0.4}})
	if err != nil {
		return err
	}
	bl.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(bl)
	p.NominalY(names...)
	lowKey, _ := plotter.NewPolygon(plotter.XYs{{}, {X: 1}, {X: 1, Y: 1}})
	lowKey.Color = low
	highKey, _ := plotter.NewPolygon(plotter.XYs{{}, {X: 1}, {X: 1, Y: 1}})
	highKey.Color = high
	p.Legend.Add("input low", lowKey)
	p.Legend.Add("input high", highKey)
	p.Legend.Add("base", bl)
	p.Legend.Top = true
	header := []string{fmt.Sprintf("%s: each input varied by %s one at a time, %d runs a setup from seed %d, the same seeds in every setup", st.Scenario, pctOf(st.Delta), st.Runs, st.Seed)}
	header = append(header, wrap("Setup: "+base.Describe(), 150)...)
	return figure(w, vg.Points(900), vg.Points(120)+vg.Points(22)*vg.Length(max(n, 4)), header, p)
}
