package ai_test

import (
	"testing"

	. "ili/game/ai"
	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
)

// play runs n turns of the drill with the given extra TOML, both sides at
// level, and returns the match.
func play(t *testing.T, extra string, level Level, follow bool, turns int) *match.Match {
	t.Helper()
	sc := Drill(t, extra)
	seats := []match.Seat{{Side: "west", AI: level.String(), Plan: follow}, {Side: "east", AI: level.String(), Plan: follow}}
	m, _, err := match.New(sc, match.Config{Scenario: "drill.toml", Seed: 3, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	for !m.Over() && m.Turn() <= turns {
		if _, _, err := m.Step(); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range m.Record().Refused {
		t.Fatalf("the %v AI gave an illegal command %+v on turn %d: %s", level, r.Command, r.Turn, r.Error)
	}
	return m
}

// TestPlanIsFollowed: a plan step sends the side's units to its place,
// which they leave aside without it.
func TestPlanIsFollowed(t *testing.T) {
	const plan = "\n[[plan]]\nside = \"west\"\nplace = \"pass\"\nvalue = 60\n"
	nearest := func(m *match.Match) int {
		v := m.View("west")
		var pass hex.Hex
		for _, p := range v.Places {
			if p.ID == "pass" {
				pass = p.Hex
			}
		}
		best := 99
		for _, u := range v.Units {
			if u.Side == "west" && u.Status == rules.Active && u.Type.Class != rules.Aircraft {
				best = min(best, hex.Distance(u.Hex, pass))
			}
		}
		return best
	}
	with := play(t, plan, Normal, true, 4)
	without := play(t, "", Normal, false, 4)
	if nearest(with) > 1 || nearest(with) >= nearest(without) {
		t.Errorf("with the plan the nearest western unit is %d hexes from the pass, without %d", nearest(with), nearest(without))
	}
}

// TestEveryLevelPlaysLegally: no level gives a command the rules refuse in
// eight turns of the drill, which has every kind of ground and unit.
func TestEveryLevelPlaysLegally(t *testing.T) {
	for _, level := range []Level{Random, Greedy, Easy, Normal, Hard} {
		play(t, "", level, false, 8)
	}
}

func TestParseLevel(t *testing.T) {
	for i, n := range Levels() {
		if l, err := ParseLevel(n); err != nil || int(l) != i || l.String() != n {
			t.Errorf("ParseLevel(%q) = %v, %v", n, l, err)
		}
	}
	if _, err := ParseLevel("genius"); err == nil {
		t.Error("ParseLevel accepted genius")
	}
}
