package history

import (
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestCourseBearsOutCheckpoints: in every bundled scenario, replaying the
// record's steps gives, at each checkpoint's date, the holder the
// checkpoint names.
func TestCourseBearsOutCheckpoints(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := New(sc)
		for _, m := range c.Check() {
			t.Errorf("%s: %s", id, m)
		}
		if c.Turns() != sc.Turns {
			t.Errorf("%s: the course has %d turns, the scenario %d", id, c.Turns(), sc.Turns)
		}
	}
}

// TestRecordKeepsSidesApart: in every frame of every bundled scenario's
// record, no hex holds main bodies of two hostile sides, and no body stands
// in a place its enemy holds; a game taken up from the record begins from
// such a frame.
func TestRecordKeepsSidesApart(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		side := map[string]string{}
		for _, u := range sc.Units {
			side[u.ID] = u.Side
		}
		c := New(sc)
		for turn := 0; turn <= c.Turns(); turn++ {
			f := c.At(turn)
			at := map[hex.Hex]string{}
			for u, h := range f.Bodies {
				if o, ok := at[h]; ok && rules.Hostile(side[o], side[u]) {
					t.Errorf("%s turn %d: %s and %s stand together at %v", id, turn, o, u, h)
				}
				at[h] = u
			}
			for _, p := range sc.Places {
				if u, ok := at[p.Hex]; ok && rules.Hostile(side[u], f.Holders[p.ID]) {
					t.Errorf("%s turn %d: %s stands in %s, which %s holds", id, turn, u, p.ID, f.Holders[p.ID])
				}
			}
		}
	}
}
