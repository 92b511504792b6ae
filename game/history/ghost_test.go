package history

import (
	"reflect"
	"testing"

	"ili/game/scenario"
)

// TestPlayed: a game's holders turn by turn are the opening owners with
// each change of hands made from the end of its turn on, a place taken
// back is held again, changes past the last turn are left out, and no two
// turns share a map.
func TestPlayed(t *testing.T) {
	sc := drillWith(t, scenario.Options{})
	changes := []Change{{Place: "pass", Side: "west", Turn: 2}, {Place: "bridge", Side: "west", Turn: 3},
		{Place: "bridge", Side: "east", Turn: 4}, {Place: "city", Side: "west", Turn: 9}}
	got := Played(sc, 5, changes)
	if len(got) != 6 {
		t.Fatalf("%d frames for 5 turns, want 6 (the start and each turn's end)", len(got))
	}
	want := []struct{ pass, bridge, city string }{
		{"", "east", "east"}, {"", "east", "east"}, {"west", "east", "east"},
		{"west", "west", "east"}, {"west", "east", "east"}, {"west", "east", "east"},
	}
	for i, w := range want {
		if h := got[i]; h["pass"] != w.pass || h["bridge"] != w.bridge || h["city"] != w.city || h["west-depot"] != "west" {
			t.Errorf("end of turn %d: %v, want pass %q, bridge %q, city %q, the depot west's", i, h, w.pass, w.bridge, w.city)
		}
	}
	got[5]["city"] = "nobody"
	if got[4]["city"] != "east" || sc.Opening().Holders["city"] != "east" {
		t.Error("the frames share their maps")
	}
	if n := len(Played(sc, 0, changes)); n != 1 {
		t.Errorf("a game not yet begun has %d frames, want 1", n)
	}
}

// TestDivergence: a game is judged against the record at the start of the
// turn; the places held otherwise come in the scenario's order with the sum
// of their points, and a place the holders leave out is nobody's.
func TestDivergence(t *testing.T) {
	c := New(drillWith(t, scenario.Options{}))
	opening := c.Scenario.Opening().Holders
	if vp, places := c.Divergence(3, opening); vp != 0 || places != nil {
		t.Errorf("the opening at the start of turn 3 (before the bridge falls): %d VP, %v", vp, places)
	}
	if vp, places := c.Divergence(4, opening); vp != 3 || !reflect.DeepEqual(places, []string{"bridge"}) {
		t.Errorf("the opening at the start of turn 4 (the bridge fell in turn 3): %d VP, %v; want 3, [bridge]", vp, places)
	}
	other := map[string]string{"west-depot": "east", "bridge": "west", "pass": "west"} // the city nobody's
	if vp, places := c.Divergence(4, other); vp != 11 || !reflect.DeepEqual(places, []string{"west-depot", "city", "pass"}) {
		t.Errorf("depot, city and pass otherwise: %d VP, %v; want 11, [west-depot city pass]", vp, places)
	}
	if vp, _ := c.Divergence(40, opening); vp != 3 {
		t.Errorf("past the last turn the end of the record is the measure: %d VP, want 3", vp)
	}
}

// TestDrift: a game that never takes the bridge drifts from the record by
// its 3 points from the end of turn 3, when the record has it fall; one
// that takes it on that turn does not drift at all.
func TestDrift(t *testing.T) {
	sc := drillWith(t, scenario.Options{})
	c := New(sc)
	if got, want := c.Drift(Played(sc, 8, nil)), []int{0, 0, 0, 3, 3, 3, 3, 3, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("the bridge held by east: drift %v, want %v", got, want)
	}
	asRecorded := Played(sc, 8, []Change{{Place: "bridge", Side: "west", Turn: 3}})
	if got := c.Drift(asRecorded); !reflect.DeepEqual(got, make([]int, 9)) {
		t.Errorf("the bridge taken as the record has it: drift %v, want none", got)
	}
	if got := c.Drift(Played(sc, 2, []Change{{Place: "city", Side: "west", Turn: 1}})); !reflect.DeepEqual(got, []int{0, 10, 10}) {
		t.Errorf("the city taken on turn 1, two turns played: drift %v, want [0 10 10]", got)
	}
}

// TestStrips: each place worth points has a strip, in the scenario's
// order; the game's runs as far as the game went, the record's over the
// whole course, each with the holders at the end of each turn.
func TestStrips(t *testing.T) {
	sc := drillWith(t, scenario.Options{})
	c := New(sc)
	strips := c.Strips(Played(sc, 4, []Change{{Place: "pass", Side: "east", Turn: 1}}))
	var ids []string
	for _, s := range strips {
		ids = append(ids, s.Place)
	}
	if !reflect.DeepEqual(ids, []string{"bridge", "city", "pass"}) {
		t.Fatalf("strips for %v, want the bridge, the city and the pass (the depot is worth nothing)", ids)
	}
	bridge, pass := strips[0], strips[2]
	if want := []string{"east", "east", "east", "west", "west", "west", "west", "west", "west"}; !reflect.DeepEqual(bridge.Record, want) || bridge.VP != 3 {
		t.Errorf("the bridge by the record: %v (%d VP), want %v (3 VP)", bridge.Record, bridge.VP, want)
	}
	if want := []string{"east", "east", "east", "east", "east"}; !reflect.DeepEqual(bridge.Game, want) {
		t.Errorf("the bridge in the game: %v, want %v", bridge.Game, want)
	}
	if want := []string{"", "east", "east", "east", "east"}; !reflect.DeepEqual(pass.Game, want) {
		t.Errorf("the pass in the game: %v, want %v", pass.Game, want)
	}
}
