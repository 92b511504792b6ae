package calib

import (
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

// TestModelMatchesRecord pins what the calibration issue asks of the model on
// the calibration file, for the default seed and two others: winner accuracy
// of at least 0.66 and a Brier score below the base rate's; attacker win rate
// within 10 points of the record in each force-ratio bin; median daily
// casualty rates within a factor of 1.5 overall and by posture; attackers
// losing less per day against fortified than against hasty defences.
func TestModelMatchesRecord(t *testing.T) {
	engs := loadCalibration(t)
	for _, seed := range []uint64{1, 2, 3} {
		s := Summarize(Run(engs, &rules.Default, 200, seed, 0))
		if s.Accuracy < 0.66 {
			t.Errorf("seed %d: winner accuracy %.3f, want at least 0.66", seed, s.Accuracy)
		}
		if s.Brier >= s.BrierBaseline {
			t.Errorf("seed %d: Brier %.4f not below the base rate's %.4f", seed, s.Brier, s.BrierBaseline)
		}
		for _, b := range s.Bins {
			if math.Abs(b.Model-b.Record) > 0.10 {
				t.Errorf("seed %d: ratio %s: model %.2f, record %.2f", seed, b.Label, b.Model, b.Record)
			}
		}
		for _, r := range s.Rates {
			for _, c := range []struct {
				who           string
				model, record float64
			}{{"attacker", r.ModelA, r.RecordA}, {"defender", r.ModelD, r.RecordD}} {
				if f := c.model / c.record; f > 1.5 || f < 1/1.5 {
					t.Errorf("seed %d: %s %s daily rate %.2f%%, record %.2f%%", seed, r.Posture, c.who, 100*c.model, 100*c.record)
				}
			}
		}
		var fd, hd RateStat
		for _, r := range s.Rates {
			switch r.Posture {
			case "FD":
				fd = r
			case "HD":
				hd = r
			}
		}
		if fd.ModelA >= hd.ModelA {
			t.Errorf("seed %d: attackers lose %.2f%%/day against fortified, %.2f%% against hasty", seed, 100*fd.ModelA, 100*hd.ModelA)
		}
		if math.Abs(s.LowerLossWinsModel-s.LowerLossWinsRecord) > 0.1 {
			t.Errorf("seed %d: the lower fractional loss wins %.2f of the time, record %.2f", seed, s.LowerLossWinsModel, s.LowerLossWinsRecord)
		}
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
