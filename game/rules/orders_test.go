package rules

import (
	"maps"
	"slices"
	"testing"
)

// TestAirSupply: the day's loads at an airfield the side holds keep its
// units near it in supply, the nearest first and each whole, while they
// cover their men; a unit they do not cover, one out of reach and every
// one once the field is lost go short.
func TestAirSupply(t *testing.T) {
	w := newWorld(t,
		".......",
		".......",
		".......",
		".......",
		".......",
	).place("airfield", "red", 3, 2, 5, false).place("depot", "blue", 6, 4, 0, true).
		unit("a-near", "red", infantry, 3, 2, 800).  // on the field: first
		unit("b-next", "red", infantry, 4, 2, 1200). // next to it: 2,400 kg, which just fits
		unit("c-next", "red", infantry, 2, 2, 400).  // next to it too, and nothing left for it
		unit("d-far", "red", infantry, 0, 0, 100).   // out of reach
		unit("e-blue", "blue", infantry, 6, 4, 500)
	w.setup.AirSupplies = []AirSupply{{Side: "red", Place: "airfield", KgPerDay: 4000, KgPerMan: 2}}
	s, _ := w.start(t, 1)
	offNet := func(*Unit) bool { return false }
	lifted := slices.Sorted(maps.Keys(s.airLifted("red", offNet)))
	if !slices.Equal(lifted, []string{"a-near", "b-next"}) {
		t.Errorf("lifted %v, want a-near and b-next", lifted)
	}
	// A bigger load covers c-next too, taken whole after b-next.
	s.AirSupplies[0].KgPerDay = 4800
	if l := s.airLifted("red", offNet); !l["c-next"] || l["d-far"] {
		t.Errorf("with 4.8 t a day lifted %v", l)
	}
	// Less than the first unit needs: each unit is taken whole or not at
	// all, so the field's own goes short and the loads go to the smaller.
	s.AirSupplies[0].KgPerDay = 1000
	if l := slices.Sorted(maps.Keys(s.airLifted("red", offNet))); !slices.Equal(l, []string{"c-next"}) {
		t.Errorf("with 1 t a day lifted %v, want c-next alone", l)
	}
	// A unit on the supply net takes nothing from the loads.
	s.AirSupplies[0].KgPerDay = 4000
	onNet := func(u *Unit) bool { return u.ID == "a-near" }
	if l := slices.Sorted(maps.Keys(s.airLifted("red", onNet))); !slices.Equal(l, []string{"b-next", "c-next"}) {
		t.Errorf("with a-near on the net lifted %v", l)
	}
	// Out of the period, nothing lands.
	s.AirSupplies[0].FromTurn = 5
	if l := s.airLifted("red", offNet); len(l) != 0 {
		t.Errorf("before the period lifted %v", l)
	}
	s.AirSupplies[0].FromTurn = 0

	// In play: past what they carry, the lifted units stay in supply and
	// the others run out.
	for range 4 {
		s.checkSupply("red")
	}
	for id, want := range map[string]bool{"a-near": true, "b-next": true, "c-next": false, "d-far": false} {
		if u := s.Unit(id); u.InSupply != want {
			t.Errorf("after four days %s in supply: %v, want %v", id, u.InSupply, want)
		}
	}
	// The field lost, nothing lands.
	s.Place("airfield").Owner = "blue"
	for range 3 {
		s.checkSupply("red")
	}
	if u := s.Unit("a-near"); u.InSupply {
		t.Error("a-near is still supplied by air three days after the field was lost")
	}
}

// TestOrderCovers: an order goes to the units it names, or to every unit
// of its side, in force between its turns.
func TestOrderCovers(t *testing.T) {
	named := Order{Side: "red", Units: []string{"a", "c"}, FromTurn: 2, UntilTurn: 4}
	all := Order{Side: "red"}
	for _, c := range []struct {
		u          Unit
		named, all bool
	}{
		{Unit{ID: "a", Side: "red"}, true, true},
		{Unit{ID: "b", Side: "red"}, false, true},
		{Unit{ID: "c", Side: "blue"}, false, false},
	} {
		if named.Covers(&c.u) != c.named || all.Covers(&c.u) != c.all {
			t.Errorf("%s of %s: covered %v and %v", c.u.ID, c.u.Side, named.Covers(&c.u), all.Covers(&c.u))
		}
	}
	for turn, want := range map[int]bool{1: false, 2: true, 4: true, 5: false} {
		if named.InForce(turn) != want {
			t.Errorf("turn %d: in force %v", turn, !want)
		}
	}
	if !all.InForce(1) || !all.InForce(99) {
		t.Error("an order without dates is not in force throughout")
	}
}
