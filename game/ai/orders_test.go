package ai

import (
	"testing"

	"ili/game/hex"
	"ili/game/rules"
)

// TestLineHolds: each hex of a line, in order, gets the nearest unit not
// yet given one; with more units than hexes the line is gone round again,
// with fewer the first hexes are held.
func TestLineHolds(t *testing.T) {
	at := hex.FromOffset
	line := []hex.Hex{at(5, 1), at(5, 2), at(5, 3)}
	u := func(id string, c, r int) *rules.Unit { return &rules.Unit{ID: id, Hex: at(c, r)} }
	got := lineHolds(line, []*rules.Unit{u("a", 0, 3), u("b", 4, 1), u("c", 9, 2), u("d", 4, 3)})
	want := map[string]hex.Hex{"b": at(5, 1), "d": at(5, 2), "c": at(5, 3), "a": at(5, 1)}
	for id, h := range want {
		if got[id] != h {
			t.Errorf("%s holds %s, want %s", id, rules.Label(got[id]), rules.Label(h))
		}
	}
	few := lineHolds(line, []*rules.Unit{u("x", 5, 5)})
	if len(few) != 1 || few["x"] != at(5, 1) {
		t.Errorf("one unit holds %v, want the first hex", few)
	}
	if len(lineHolds(nil, []*rules.Unit{u("x", 5, 5)})) != 0 {
		t.Error("an empty line is held")
	}
}
