package ai

import (
	"os"
	"testing"

	"ili/game/hex"
	"ili/game/scenario"
)

// Drill returns the drill scenario (scenario/testdata) with the given extra
// TOML after it; the package's outside tests use it too.
func Drill(t *testing.T, extra string) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse("drill.toml", append(src, []byte(extra)...), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// drillWorld returns side's player and world on the first turn of the drill
// with the given extra TOML, and the hex of each place by ID. The drill's
// sudden death, which makes its places critical, is left out.
func drillWorld(t *testing.T, side, extra string) (*Player, *world, map[string]hex.Hex) {
	t.Helper()
	s, err := Drill(t, extra).NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	s.Begin()
	v := s.View(side)
	v.Victory.SuddenDeath = nil
	w := newWorld(v, side)
	places := map[string]hex.Hex{}
	for _, pl := range v.Places {
		places[pl.ID] = pl.Hex
	}
	return New(side, Normal, 1), w, places
}

// has reports whether objs has one at h, to take (own false) or to hold.
func has(objs []objective, h hex.Hex, own bool) bool {
	for _, o := range objs {
		if o.at == h && o.own == own {
			return true
		}
	}
	return false
}

// TestPlanForLaterIsNoObjective: a place the side's plan goes for only on
// a later date is no objective before then (the side does not gather
// round it early); in force, or with no plan for it, it is one.
func TestPlanForLaterIsNoObjective(t *testing.T) {
	const later = "\n[[plan]]\nside = \"west\"\nplace = \"bridge\"\nfrom = 1945-09-04T18:00:00\nvalue = 10\n"
	const now = "\n[[plan]]\nside = \"west\"\nplace = \"bridge\"\nvalue = 10\n"
	for _, c := range []struct {
		name, extra string
		want        bool
	}{{"a plan for later", later, false}, {"a plan in force", now, true}, {"no plan", "", true}} {
		p, w, at := drillWorld(t, "west", c.extra)
		if got := has(p.objectives(w, nil, p.holds(w)), at["bridge"], false); got != c.want {
			t.Errorf("with %s the bridge is an objective: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestHeldByOrderNeedsNoHolder: the drill's city, where the garrison stands
// under a hold order, is no place the side sends another unit to hold;
// without the order it would be.
func TestHeldByOrderNeedsNoHolder(t *testing.T) {
	p, w, at := drillWorld(t, "east", "")
	if !has(p.objectives(w, nil, nil), at["city"], true) {
		t.Fatal("without its order the garrison's city is no place to hold")
	}
	if has(p.objectives(w, nil, p.holds(w)), at["city"], true) {
		t.Error("the city, held by the garrison under orders, still wants a holder")
	}
}
