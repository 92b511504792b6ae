package rules

import (
	"strings"
	"testing"
)

// TestAdvanceKeepsHeldPlace: a won attack does not march the last unit of
// a side out of a place the side holds, unless the command says Leave;
// another attacker advances instead, or a second unit keeps the place.
func TestAdvanceKeepsHeldPlace(t *testing.T) {
	for _, c := range []struct {
		name    string
		owner   string // of the place at (0, 0), where "cav" stands
		others  func(*world)
		leave   bool
		advance string // the unit that takes (1, 0), or ""
	}{
		{name: "last holder stays", owner: "red"},
		{name: "leave asked", owner: "red", leave: true, advance: "cav"},
		{name: "not held", owner: "blue", advance: "cav"},
		{name: "nobody's", owner: "", advance: "cav"},
		{name: "another keeps it", owner: "red", advance: "cav",
			others: func(w *world) { w.unit("guard", "red", infantry, 0, 0, 100) }},
		{name: "another advances", owner: "red", advance: "inf",
			others: func(w *world) { w.unit("inf", "red", infantry, 2, 0, 2000) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t, "....", "....")
			w.place("nilka", c.owner, 0, 0, 5, false)
			w.unit("cav", "red", cavalry, 0, 0, 6000).unit("small", "blue", infantry, 1, 0, 300)
			if c.others != nil {
				c.others(w)
			}
			s, _ := w.start(t, 7)
			units := s.For("red").Attackers(at(1, 0))
			cmd := Attack("red", at(1, 0), true, units...)
			cmd.Leave = c.leave
			if got := s.For("red").Advancer(cmd); got != c.advance {
				t.Errorf("Advancer = %q, want %q", got, c.advance)
			}
			evs := mustApply(t, s, cmd)
			if s.occupant(at(1, 0)) == "blue" {
				t.Fatalf("the attack did not empty the hex:\n%s", logOf(evs))
			}
			advanced := ""
			for _, u := range s.Units {
				if u.Side == "red" && u.Hex == at(1, 0) {
					advanced = u.ID
				}
			}
			if advanced != c.advance {
				t.Errorf("%q advanced, want %q:\n%s", advanced, c.advance, logOf(evs))
			}
			if c.advance == "" && strings.Contains(logOf(evs), "advances") {
				t.Errorf("an advance was told:\n%s", logOf(evs))
			}
			if p := s.PlaceAt(at(0, 0)); c.owner == "red" && !c.leave && (p.Owner != "red" || s.occupant(at(0, 0)) != "red") {
				t.Errorf("nilka left empty or lost (owner %q):\n%s", p.Owner, logOf(evs))
			}
		})
	}
}

// TestAdvanceNotAsked: without Advance nobody advances, held place or not.
func TestAdvanceNotAsked(t *testing.T) {
	w := newWorld(t, "....", "....")
	w.unit("cav", "red", cavalry, 0, 0, 6000).unit("small", "blue", infantry, 1, 0, 300)
	s, _ := w.start(t, 7)
	evs := mustApply(t, s, Attack("red", at(1, 0), false, "cav"))
	if s.Unit("cav").Hex != at(0, 0) {
		t.Errorf("advanced unasked:\n%s", logOf(evs))
	}
}
