package ai

import (
	"os"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// play runs n turns of the drill with the given extra TOML, both sides at
// level, and returns the state.
func play(t *testing.T, extra string, level Level, follow bool, turns int) *rules.State {
	t.Helper()
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse("drill.toml", append(src, []byte(extra)...), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewState(3)
	if err != nil {
		t.Fatal(err)
	}
	players := []*Player{New("west", level, 1), New("east", level, 2)}
	for _, p := range players {
		p.FollowPlan = follow
	}
	s.Begin()
	for n := 0; !s.Over && s.Turn <= turns && n < 10000; n++ {
		side := s.ActiveSide()
		cmd := players[s.Phase].Next(s.For(side))
		if _, err := s.Apply(cmd); err != nil {
			t.Fatalf("the %v AI gave an illegal command %+v: %v", level, cmd, err)
		}
	}
	return s
}

// TestPlanIsFollowed: a plan step sends the side's units to its place.
func TestPlanIsFollowed(t *testing.T) {
	const plan = "\n[[plan]]\nside = \"west\"\nplace = \"pass\"\nvalue = 60\n"
	nearest := func(s *rules.State) int {
		best := 99
		for _, u := range s.Units {
			if u.Side == "west" && u.Status == rules.Active && u.Type.Class != rules.Aircraft {
				best = min(best, hex.Distance(u.Hex, s.Place("pass").Hex))
			}
		}
		return best
	}
	with := play(t, plan, Normal, true, 4)
	without := play(t, plan, Normal, false, 4)
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
