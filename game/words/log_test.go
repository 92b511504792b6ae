package words

import (
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

func nilka(t *testing.T) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestLine: each kind of event reads as a sentence with units, places and
// sides by name, the verb agreeing with its subject.
func TestLine(t *testing.T) {
	l := NewLog(nilka(t))
	town, ford, open := hex.FromOffset(11, 7), hex.FromOffset(11, 9), hex.FromOffset(11, 6)
	for _, c := range []struct {
		e    rules.Event
		want string
	}{
		{rules.PhaseStarted{Side: "provincial"}, "Provincial garrison to move"},
		{rules.Moved{Unit: "band-mounted", Path: []hex.Hex{ford}, Minutes: 90}, "Nilka band, mounted, marches to Kash River ford (1 h 30 min)"},
		{rules.MoveStopped{Unit: "police", At: open, Reason: "sighted the enemy"}, "Nilka police stop 4 km north-west of Nilka (Gongha): sighted the enemy"},
		{rules.Retreated{Unit: "police", To: open}, "Nilka police fall back to 4 km north-west of Nilka (Gongha)"},
		{rules.Retreated{Unit: "police", To: open, Routed: true}, "Nilka police rout to 4 km north-west of Nilka (Gongha)"},
		{rules.Advanced{Unit: "band-foot", To: town}, "Nilka band, on foot, advances into Nilka (Gongha)"},
		{rules.Advanced{Unit: "band-foot", To: open}, "Nilka band, on foot, advances to 4 km north-west of Nilka (Gongha)"},
		{rules.Moved{Unit: "police", Path: []hex.Hex{town, open}, Minutes: 60}, "Nilka police march to 4 km north-west of Nilka (Gongha) (1 h 00 min)"},
		{rules.PlaceCaptured{Side: "insurgents", Place: "nilka"}, "Nilka insurgents take Nilka (Gongha)"},
		{rules.PlaceCaptured{Side: "provincial", Place: "nilka"}, "Provincial garrison takes Nilka (Gongha)"},
		{rules.UnitEliminated{Unit: "police", Reason: "surrendered", Captured: 40}, "Nilka police are broken (surrendered), 40 captured"},
		{rules.ReinforcementArrived{Unit: "band-foot", At: ford}, "Nilka band, on foot, arrives at Kash River ford"},
		{rules.ReinforcementDelayed{Unit: "police"}, "Nilka police are delayed: the way in is blocked"},
		{rules.SupplyChanged{Unit: "police"}, "Nilka police are out of supply"},
		{rules.SupplyChanged{Unit: "police", InSupply: true}, "Nilka police are back in supply"},
		{rules.UnitWithdrawn{Unit: "band-foot"}, "Nilka band, on foot, leaves by order"},
		{rules.Entrenched{Unit: "band-foot", Hours: 12, Posture: rules.Hasty}, "Nilka band, on foot, digs in (12 h): hasty"},
		{rules.Spotted{Side: "insurgents", Units: []string{"police", "garrison"}}, "Nilka insurgents spot Nilka police and Nilka county garrison"},
		{rules.Spotted{Side: "provincial", Units: []string{"band-foot", "band-mounted"}}, "Provincial garrison spots Nilka band, on foot, and Nilka band, mounted"},
		{rules.NarrativeFired{Title: "Nilka falls", Source: "Ben"}, "Nilka falls (source: Linda Benson)"},
		{rules.NarrativeFired{Title: "Nilka falls"}, "Nilka falls"},
		{rules.GameOver{Winner: "insurgents", Reason: "holds nilka"}, "game over: Nilka insurgents win, holds Nilka (Gongha)"},
		{rules.GameOver{Reason: "the turn limit is reached"}, "game over: a draw, the turn limit is reached"},
	} {
		if got := l.Line(c.e); got != c.want {
			t.Errorf("%T reads %q, want %q", c.e, got, c.want)
		}
	}
}

// TestSays: the verb agrees with the subject's number.
func TestSays(t *testing.T) {
	for _, c := range []struct{ subject, verb, want string }{
		{"Nilka insurgents", "win", "Nilka insurgents win"},
		{"Nilka band, mounted", "march", "Nilka band, mounted, marches"},
		{"Groups from the western suburbs", "fall back", "Groups from the western suburbs fall back"},
		{"Provincial garrison", "be out of supply", "Provincial garrison is out of supply"},
		{"Column from Kashgar", "carry", "Column from Kashgar carries"},
	} {
		if got := Says(c.subject, c.verb); got != c.want {
			t.Errorf("Says(%q, %q) = %q, want %q", c.subject, c.verb, got, c.want)
		}
	}
	if got, want := SayAll([]string{"Nilka band, mounted", "Nilka band, on foot"}, "attack"), "Nilka band, mounted, and Nilka band, on foot, attack"; got != want {
		t.Errorf("SayAll: %q, want %q", got, want)
	}
	if got := MarchTime(605); got != "10 h 05 min" {
		t.Errorf("MarchTime(605) = %q", got)
	}
}

// TestPlaces: a hex off the places is named by its distance and direction
// from the nearest, in the scenario's scale; sources by a short name.
func TestPlaces(t *testing.T) {
	l := NewLog(nilka(t))
	town := hex.FromOffset(11, 7)
	for _, c := range []struct {
		h    hex.Hex
		want string
	}{
		{town, "Nilka (Gongha)"},
		{town.Neighbor(0), "4 km east of Nilka (Gongha)"},
		{town.Neighbor(3).Neighbor(3), "8 km west of Nilka (Gongha)"},
		{town.Neighbor(5), "4 km south-east of Nilka (Gongha)"},
	} {
		if got := l.PlaceName(c.h); got != c.want {
			t.Errorf("PlaceName(%v) = %q, want %q", c.h, got, c.want)
		}
	}
	if got := l.At(town); got != "at Nilka (Gongha)" {
		t.Errorf("At(town) = %q", got)
	}
	for m, want := range map[int]string{400: "400 m", 1200: "1.2 km", 4000: "4 km", 20000: "20 km"} {
		if got := Distance(m); got != want {
			t.Errorf("Distance(%d) = %q, want %q", m, got, want)
		}
	}
	if Men(1) != "1 man" || Men(40) != "40 men" {
		t.Errorf("Men: %q, %q", Men(1), Men(40))
	}
	gh, err := scenario.Load("ghulja-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := NewLog(gh)
	for key, want := range map[string]string{"PRCe": "PRC reference encyclopedia", "F44c": "US consulate at Tihwa", "IRw": "Wikipedia",
		"est": "the designers' estimate", "Jac": "Justin M. Jacobs", "nope": "nope"} {
		if got := g.SourceName(key); got != want {
			t.Errorf("SourceName(%q) = %q, want %q", key, got, want)
		}
	}
}
