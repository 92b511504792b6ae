package calib

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"ili/game/rules"
)

const calibrationFile = "../../../shared/data/cdb90/calibration.csv"

func loadCalibration(t testing.TB) []Engagement {
	t.Helper()
	f, err := os.Open(calibrationFile)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have shared/ beside the clone: %v", err)
		}
		t.Skipf("the calibration file is not here: %v", err)
	}
	defer f.Close()
	engs, skipped, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(engs) != 312 || len(skipped) != 0 {
		t.Fatalf("read %d engagements and skipped %d, want 312 and 0", len(engs), len(skipped))
	}
	return engs
}

// TestModelMatchesRecord pins what issue 12 asks of the model on the
// calibration file, in-sample, for three seeds: a Brier score below the base
// rate's by at least 0.015; no force-ratio bin with the model's mean outside
// the record's 95% interval; median daily casualty rates by posture within
// a factor of 1.3 of the record (the model's over every draw of the
// group's battles, as the record's are over its battles, each one draw);
// a per-battle median error of at most x2.0 for the losses given the
// record's winner (what the loss model is asked to do) and x2.1 with the
// winner drawn too; attackers losing less per day against fortified than hasty
// defences. (The cross-validated figures are TestFitFigures'.)
func TestModelMatchesRecord(t *testing.T) {
	engs := loadCalibration(t)
	for _, seed := range []uint64{1, 2, 3} {
		s := Summarize(Run(engs, &rules.Default, 200, seed, 0))
		if s.Brier > s.BrierBaseline-0.015 {
			t.Errorf("seed %d: Brier %.4f, want at least 0.015 below the base rate's %.4f", seed, s.Brier, s.BrierBaseline)
		}
		if s.BinsOutside > 0 {
			t.Errorf("seed %d: %d force-ratio bins have the model outside the record's interval", seed, s.BinsOutside)
		}
		for _, r := range s.RateByPosture[:3] { // FD, PD, HD
			for _, c := range []struct {
				who           string
				model, record float64
			}{{"attacker", r.ModelA, r.RecordA}, {"defender", r.ModelD, r.RecordD}} {
				if f := c.model / c.record; f > 1.3 || f < 1/1.3 {
					t.Errorf("seed %d: %s %s daily rate %.2f%%, record %.2f%%", seed, r.Label, c.who, 100*c.model, 100*c.record)
				}
			}
		}
		if s.GivenErrA > 2 || s.GivenErrD > 2 {
			t.Errorf("seed %d: per-battle median error given the record's winner x%.2f (attacker), x%.2f (defender), want at most x2", seed, s.GivenErrA, s.GivenErrD)
		}
		if s.MedianErrA > 2.1 || s.MedianErrD > 2.1 {
			t.Errorf("seed %d: per-battle median error x%.2f (attacker), x%.2f (defender), want at most x2.1", seed, s.MedianErrA, s.MedianErrD)
		}
		if fd, hd := s.RateByPosture[0], s.RateByPosture[2]; fd.ModelA >= hd.ModelA {
			t.Errorf("seed %d: attackers lose %.2f%%/day against fortified, %.2f%% against hasty", seed, 100*fd.ModelA, 100*hd.ModelA)
		}
	}
}

// TestFitFigures: ili fit on the calibration file reproduces the embedded
// parameters, and its nested cross-validation meets issue 12's bar: Brier at
// most 0.225 and 0.015 below the base rate's, calibration slope 0.8-1.2.
func TestFitFigures(t *testing.T) {
	engs := loadCalibration(t)
	f := FitModel(engs, &rules.Default, FitOptions{Folds: 5, Repeats: 10, Seed: 1, Ratio: HeldRatio})
	got, _ := json.Marshal(struct{ O, A, D, T any }{f.Model.Odds, f.Model.LossA, f.Model.LossD, []any{f.Model.DecisionDays, f.Model.DecisionMen, f.Model.DecisionSize}})
	want, _ := json.Marshal(struct{ O, A, D, T any }{rules.Default.Odds, rules.Default.LossA, rules.Default.LossD, []any{rules.Default.DecisionDays, rules.Default.DecisionMen, rules.Default.DecisionSize}})
	if string(got) != string(want) {
		t.Errorf("the fit gives\n%s\nbut combat.json holds\n%s\n(run ili fit FILE --out game/rules/combat.json if the change is intended)", got, want)
	}
	cv := f.CV
	if cv.Brier > 0.225 || cv.Brier > cv.BaseBrier-0.015 || cv.Slope < 0.8 || cv.Slope > 1.2 {
		t.Errorf("cross-validated Brier %.4f (base %.4f), slope %.2f", cv.Brier, cv.BaseBrier, cv.Slope)
	}
}

// TestWorkersDoNotChangeResults: the same seed gives the same results on one
// worker or many.
func TestWorkersDoNotChangeResults(t *testing.T) {
	engs := loadCalibration(t)[:40]
	a := Run(engs, &rules.Default, 50, 9, 1)
	b := Run(engs, &rules.Default, 50, 9, 4)
	for i := range a {
		if a[i].PWin != b[i].PWin || a[i].CasAMedian != b[i].CasAMedian || a[i].CasDMedian != b[i].CasDMedian {
			t.Fatalf("engagement %d differs with 1 and 4 workers", a[i].ISQNO)
		}
	}
}

func TestReadReportsUnusableRowsAndDefaults(t *testing.T) {
	csv := `isqno,name,days,A,D,casA,casD,wina,post,artyA,artyD,surpa,aeroa
1,GOOD,2,1000,500,10,20,1,FD,10,-1,0,9
2,NO STRENGTH,1,,500,,,1,HD,,,0,0
3,NO OUTCOME,1,100,50,,,,HD,,,0,0
4,UNKNOWN POSTURE,0,100,50,,,-1,OO,,,x,0
5,HUGE,1,1e19,500,,,1,HD,,,0,0
6,HUGE LOSSES,1e19,100,50,1e19,9223372036854775808,1,HD,1e300,,0,0
`
	engs, skipped, err := Read(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(engs) != 3 || len(skipped) != 3 {
		t.Fatalf("got %d engagements and %d skipped, want 3 and 3: %v", len(engs), len(skipped), skipped)
	}
	if !strings.Contains(skipped[0].String(), "strength") || !strings.Contains(skipped[1].String(), "outcome") || !strings.Contains(skipped[2].String(), "strength") {
		t.Errorf("reasons: %v", skipped)
	}
	if huge := engs[2]; huge.CasA != -1 || huge.CasD != -1 || huge.Days != 1 || huge.Input.Attacker.Guns != 0 {
		t.Errorf("counts past any engagement were taken: %+v", huge)
	}
	good := engs[0]
	if good.Input.Attacker.Guns != 10 || good.Input.Defender.Guns != 5 || good.Input.Posture != rules.Fortified {
		t.Errorf("guns %d/%d posture %v: want 10/5 (in proportion) and fortified", good.Input.Attacker.Guns, good.Input.Defender.Guns, good.Input.Posture)
	}
	if good.Input.Air != 0 || good.CasA != 10 || good.Input.Hours != 48 {
		t.Errorf("air %d casA %d hours %d", good.Input.Air, good.CasA, good.Input.Hours)
	}
	odd := engs[1]
	if odd.Days != 1 || odd.Input.Posture != rules.Hasty || len(odd.Defaults) < 2 {
		t.Errorf("defaults not applied or not recorded: %+v", odd.Defaults)
	}
	if _, _, err := Read(strings.NewReader("a,b\n1,2\n")); err == nil {
		t.Error("a file without the CDB90 columns was accepted")
	}
}

func BenchmarkCalibrationFile200(b *testing.B) {
	engs := loadCalibration(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(engs, &rules.Default, 200, 1, 0)
	}
}

// res is a hand-made result: the model's p, the record's outcome, and the
// strengths.
func res(p float64, win, a, d int) Result {
	return Result{Engagement: Engagement{A: a, D: d, Days: 1, Win: win, CasA: -1, CasD: -1, Year: 1944, Post: "HD"}, PWin: p}
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// TestScores: Brier, log-loss and accuracy of four hand-made predictions,
// a draw counting as no attacker win and a p of 0 clipped.
func TestScores(t *testing.T) {
	s := Summarize([]Result{res(0.8, 1, 10, 10), res(0.6, -1, 10, 10), res(0.3, 0, 10, 10), res(0, 1, 10, 10)})
	if s.N != 4 || s.Wins != 2 || s.Draws != 1 || s.BaseRate != 0.5 {
		t.Errorf("N %d wins %d draws %d base rate %v", s.N, s.Wins, s.Draws, s.BaseRate)
	}
	if !near(s.Brier, (0.04+0.36+0.09+1)/4, 1e-12) || !near(s.BrierBaseline, 0.25, 1e-12) {
		t.Errorf("Brier %v, base rate's %v", s.Brier, s.BrierBaseline)
	}
	wantLL := -(math.Log(0.8) + math.Log(0.4) + math.Log(0.7) + math.Log(1e-6)) / 4
	if !near(s.LogLoss, wantLL, 1e-9) || !near(s.LogLossBaseline, math.Ln2, 1e-12) {
		t.Errorf("log-loss %v want %v, base rate's %v want ln 2", s.LogLoss, wantLL, s.LogLossBaseline)
	}
	if s.Accuracy != 0.5 || s.Clipped != 1 || s.ClippedWrong != 1 {
		t.Errorf("accuracy %v clipped %d (%d wrong), want 0.5, 1, 1", s.Accuracy, s.Clipped, s.ClippedWrong)
	}
	if e := Summarize(nil); e.N != 0 || !math.IsNaN(e.Brier) || !math.IsNaN(e.Slope) || len(e.Reliability) != 0 {
		t.Errorf("no results: %+v", e)
	}
}

// levels is, for each p from 0.1 to 0.9, n results predicted p of which a
// share truth(p) (rounded) are attacker wins, the rest losses.
func levels(n int, truth func(float64) float64) []Result {
	var out []Result
	for k := 1; k <= 9; k++ {
		p := float64(k) / 10
		wins := int(math.Round(float64(n) * truth(p)))
		for i := 0; i < n; i++ {
			win := -1
			if i < wins {
				win = 1
			}
			out = append(out, res(p, win, 10, 10))
		}
	}
	return out
}

func TestFitCalibration(t *testing.T) {
	scaled := func(k float64) func(float64) float64 {
		return func(p float64) float64 { return invLogOdds(k * logOdds(p)) }
	}
	for _, c := range []struct {
		name  string
		rs    []Result
		slope float64
		tol   float64
	}{
		{"calibrated", levels(100, func(p float64) float64 { return p }), 1, 1e-6},
		{"overconfident", levels(1000, scaled(0.5)), 0.5, 0.01},
		{"underconfident", levels(1000, scaled(2)), 2, 0.02},
	} {
		slope, intercept, slopeSE, interceptSE := FitCalibration(c.rs)
		if !near(slope, c.slope, c.tol) || !near(intercept, 0, c.tol) {
			t.Errorf("%s: slope %v intercept %v, want %v and 0", c.name, slope, intercept, c.slope)
		}
		if !(slopeSE > 0 && slopeSE < 0.2 && interceptSE > 0 && interceptSE < 0.2) {
			t.Errorf("%s: standard errors %v %v", c.name, slopeSE, interceptSE)
		}
	}
	allWon := []Result{res(0.2, 1, 1, 1), res(0.5, 1, 1, 1), res(0.7, 1, 1, 1)}
	onePrediction := []Result{res(0.5, 1, 1, 1), res(0.5, -1, 1, 1), res(0.5, 0, 1, 1)}
	parted := []Result{res(0.2, -1, 1, 1), res(0.4, 0, 1, 1), res(0.6, 1, 1, 1), res(0.9, 1, 1, 1)}
	for name, rs := range map[string][]Result{"all won": allWon, "one prediction": onePrediction, "separated": parted, "two": allWon[:2]} {
		if slope, intercept, _, _ := FitCalibration(rs); !math.IsNaN(slope) || !math.IsNaN(intercept) {
			t.Errorf("%s: fitted slope %v intercept %v, want NaN", name, slope, intercept)
		}
	}
}

// TestBinsOutside: a bin whose mean prediction is inside the record's
// interval, one outside it, and empty bins, which are neither.
func TestBinsOutside(t *testing.T) {
	var rs []Result
	for i := 0; i < 10; i++ {
		win := -1
		if i < 5 {
			win = 1
		}
		rs = append(rs, res(0.5, win, 12, 10), res(0.9, win, 60, 10))
	}
	s := Summarize(rs)
	if s.BinsOutside != 1 {
		t.Errorf("%d bins outside, want 1", s.BinsOutside)
	}
	for _, b := range s.Bins {
		switch b.Label {
		case "1-1.5", ">5":
			if b.N != 10 || b.Wins != 5 || b.Record != 0.5 || !near(b.Lo95, 0.2366, 5e-5) || b.Outside != (b.Label == ">5") {
				t.Errorf("bin %s: %+v", b.Label, b)
			}
		default:
			if b.N != 0 || b.Outside || !math.IsNaN(b.Record) || !math.IsNaN(b.Model) {
				t.Errorf("empty bin %s: %+v", b.Label, b)
			}
		}
	}
}

// TestReliabilityDeciles: the groups partition the results in order of p,
// ten groups of two or three for 25 results, one each for 4.
func TestReliabilityDeciles(t *testing.T) {
	var rs []Result
	wins := 0
	for i := 0; i < 25; i++ {
		p := float64((i*7)%25) / 25 // 0 to 0.96, shuffled
		win := -1
		if i%3 == 0 {
			win, wins = 1, wins+1
		}
		rs = append(rs, res(p, win, 1, 1))
	}
	ds := Reliability(rs, 10)
	n, w, last := 0, 0, -1.0
	for _, d := range ds {
		if d.N < 2 || d.N > 3 || d.PLo < last || d.PHi < d.PLo || d.Predicted < d.PLo || d.Predicted > d.PHi {
			t.Errorf("group %+v after p %v", d, last)
		}
		if !near(d.Observed, float64(d.Wins)/float64(d.N), 1e-12) || !(d.Lo95 <= d.Observed && d.Observed <= d.Hi95) {
			t.Errorf("group %+v: observed share or interval", d)
		}
		n, w, last = n+d.N, w+d.Wins, d.PHi
	}
	if len(ds) != 10 || n != 25 || w != wins {
		t.Errorf("%d groups holding %d results and %d wins, want 10, 25, %d", len(ds), n, w, wins)
	}
	if ds := Reliability(rs[:4], 10); len(ds) != 4 || ds[0].N != 1 {
		t.Errorf("4 results in %d groups: %+v", len(ds), ds)
	}
}

// battle is a hand-made result with casualties: strengths 1000 each.
func battle(post string, year, days, casA, modelA, casD, modelD int) Result {
	r := res(0.5, 1, 1000, 1000)
	r.Post, r.Year, r.Days = post, year, days
	r.CasA, r.CasAMedian, r.CasD, r.CasDMedian = casA, modelA, casD, modelD
	r.drawsA, r.drawsD = []int{modelA}, []int{modelD}
	return r
}

func TestCasualtyRates(t *testing.T) {
	s := Summarize([]Result{
		battle("FD", 1944, 1, 10, 20, 30, 30),     // 1%/day, model 2%; 3%, model 3%
		battle("FD", 1814, 2, 40, 40, -1, 100),    // 2%/day both; defender unknown
		battle("HD", 1870, 10, 100, 50, 200, 400), // 1%/day, model 0.5%; 2%, model 4%
		battle("DL", 1950, 3, -1, 10, -1, 10),     // nothing known
		battle("", 1950, 4, 40, 40, 40, 40),       // 1%/day both
	})
	same := func(got, want float64) bool { return near(got, want, 1e-12) || math.IsNaN(got) && math.IsNaN(want) }
	check := func(got RateStat, label string, n, na, nd int, ra, ma, rd, md float64) {
		t.Helper()
		if got.Label != label || got.N != n || got.NA != na || got.ND != nd ||
			!same(got.RecordA, ra) || !same(got.ModelA, ma) || !same(got.RecordD, rd) || !same(got.ModelD, md) {
			t.Errorf("got %+v, want %s n %d/%d/%d attacker %v/%v defender %v/%v", got, label, n, na, nd, ra, ma, rd, md)
		}
	}
	nan := math.NaN()
	check(s.RateAll, "all", 4, 4, 3, 0.01, 0.015, 0.02, 0.03)
	check(s.RateByPosture[0], "FD", 2, 2, 1, 0.015, 0.02, 0.03, 0.03)
	check(s.RateByPosture[1], "PD", 0, 0, 0, nan, nan, nan, nan)
	check(s.RateByPosture[2], "HD", 1, 1, 1, 0.01, 0.005, 0.02, 0.04)
	check(s.RateByPosture[3], "other", 1, 1, 1, 0.01, 0.01, 0.01, 0.01)
	check(s.RateByEra[0], "before 1900", 2, 2, 1, 0.015, 0.0125, 0.02, 0.04)
	check(s.RateByEra[1], "1900 on", 2, 2, 2, 0.01, 0.015, 0.02, 0.02)
	check(s.RateByDuration[0], "1 day", 1, 1, 1, 0.01, 0.02, 0.03, 0.03)
	check(s.RateByDuration[1], "2-5 days", 2, 2, 1, 0.015, 0.015, 0.01, 0.01)
	check(s.RateByDuration[2], "over 5 days", 1, 1, 1, 0.01, 0.005, 0.02, 0.04)
	if r := s.RateByPosture[0]; !near(r.RatioA(), 0.02/0.015, 1e-12) || !near(r.RatioD(), 1, 1e-12) {
		t.Errorf("FD ratios %v %v", r.RatioA(), r.RatioD())
	}
}

// TestMedianError: exact predictions have an error of 1; twice or half the
// record is 2 either way; zeros and unknowns are left out.
func TestMedianError(t *testing.T) {
	exact := []Result{battle("HD", 1900, 1, 10, 10, 30, 30), battle("HD", 1900, 1, 7, 7, 5, 5)}
	if s := Summarize(exact); s.MedianErrA != 1 || s.MedianErrD != 1 || s.NErrA != 2 || s.NErrD != 2 {
		t.Errorf("exact: attacker x%v (%d), defender x%v (%d), want x1 from 2", s.MedianErrA, s.NErrA, s.MedianErrD, s.NErrD)
	}
	off := []Result{
		battle("HD", 1900, 1, 10, 20, 30, 15),
		battle("HD", 1900, 1, 10, 5, 30, 60),
		battle("HD", 1900, 1, 10, 40, 0, 60), // attacker x4; defender's record zero
		battle("HD", 1900, 1, 10, 0, -1, 9),  // model zero; defender unknown
	}
	if s := Summarize(off); s.MedianErrA != 2 || s.MedianErrD != 2 || s.NErrA != 3 || s.NErrD != 2 {
		t.Errorf("off: attacker x%v (%d), defender x%v (%d), want x2 from 3 and 2", s.MedianErrA, s.NErrA, s.MedianErrD, s.NErrD)
	}
}

// TestWriteText: the proper scores come before accuracy, bins and deciles
// outside their intervals are marked, and an empty summary prints.
func TestWriteText(t *testing.T) {
	rs := levels(20, func(p float64) float64 { return p })
	for i := range rs {
		rs[i].A = 60 // all in the >5 bin, whose record is 0.5 against a mean of 0.5
	}
	// three sure wins lost, in the 1-1.5 bin: the slope falls below 1
	rs = append(rs, res(0.95, -1, 12, 10), res(0.95, -1, 12, 10), res(0.95, -1, 12, 10))
	var b strings.Builder
	Summarize(rs).WriteText(&b)
	out := b.String()
	brier, ll, cal, acc := strings.Index(out, "Brier score"), strings.Index(out, "log-loss"), strings.Index(out, "calibration  "), strings.Index(out, "winner accuracy")
	if !(brier >= 0 && brier < ll && ll < cal && cal < acc) {
		t.Errorf("order of Brier %d, log-loss %d, calibration %d, accuracy %d:\n%s", brier, ll, cal, acc, out)
	}
	for _, want := range []string{"1 of 6 force-ratio bins", "outside", "slope 0.", "reliability", "before 1900", "per-battle error"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	b.Reset()
	Summarize(nil).WriteText(&b)
	if !strings.Contains(b.String(), "cannot be fitted") {
		t.Errorf("empty summary:\n%s", b.String())
	}
}
