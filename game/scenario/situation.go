package scenario

import (
	"maps"
	"slices"

	"ili/game/hex"
	"ili/game/rules"
)

// Situation is the record's picture at one moment of the course of events:
// who held each place and where the main bodies stood.
type Situation struct {
	Holders map[string]string  // place ID -> side ID ("" for nobody)
	Bodies  map[string]hex.Hex // unit ID -> hex, for the units on the map
	Men     map[string]int     // unit ID -> strength, where a step gave it
	// Left holds the units the record has taken off the map (they left,
	// dispersed or surrendered) and not put back.
	Left map[string]bool
	// sides and places are the scenario's: each unit's side and each
	// place's hex, which Apply reads and nothing changes.
	sides  map[string]string
	places map[string]hex.Hex
}

// Opening is the situation as the scenario opens: the places' holders and
// the units on the map (aircraft are not main bodies).
func (sc *Scenario) Opening() Situation {
	s := Situation{Holders: map[string]string{}, Bodies: map[string]hex.Hex{}, Men: map[string]int{}, Left: map[string]bool{},
		sides: map[string]string{}, places: map[string]hex.Hex{}}
	for _, p := range sc.Places {
		s.Holders[p.ID], s.places[p.ID] = p.Owner, p.Hex
	}
	for _, u := range sc.Units {
		s.sides[u.ID] = u.Side
		if u.Status == rules.Active && u.Type.Class != rules.Aircraft {
			s.Bodies[u.ID] = u.Hex
		}
	}
	return s
}

// Clone returns a copy of s that shares nothing with it.
func (s Situation) Clone() Situation {
	return Situation{Holders: maps.Clone(s.Holders), Bodies: maps.Clone(s.Bodies), Men: maps.Clone(s.Men), Left: maps.Clone(s.Left),
		sides: s.sides, places: s.places}
}

// Apply makes a step's moves, then its captures. A place that passes to a
// side is that side's: the bodies of its enemies that stood in it, and that
// the step does not move, leave the map with it (the sources do not always
// say whether they were driven out, dispersed or taken).
func (s *Situation) Apply(st Step) {
	for _, m := range st.Moves {
		if m.Leave {
			delete(s.Bodies, m.Unit)
			s.Left[m.Unit] = true
			continue
		}
		s.Bodies[m.Unit] = m.Hex
		delete(s.Left, m.Unit)
		if m.Men > 0 {
			s.Men[m.Unit] = m.Men
		}
	}
	for _, c := range st.Captures {
		s.Holders[c.Place] = c.Side
		s.clear(c, st.Moves)
	}
}

// clear takes off the map the enemies of the side that took a place who
// stood in it, but for those the step put there.
func (s *Situation) clear(c Capture, moved []Move) {
	at, ok := s.places[c.Place]
	if !ok || c.Side == "" {
		return
	}
	for id, h := range s.Bodies {
		if h != at || !rules.Hostile(s.sides[id], c.Side) {
			continue
		}
		if slices.ContainsFunc(moved, func(m Move) bool { return m.Unit == id && !m.Leave }) {
			continue
		}
		delete(s.Bodies, id)
		s.Left[id] = true
	}
}

// SituationAt is the situation at the start of turn t: the opening with
// every step of an earlier turn made.
func (sc *Scenario) SituationAt(t int) Situation {
	s := sc.Opening()
	for _, st := range sc.History.Steps {
		if st.Turn >= t {
			break
		}
		if st.Turn >= sc.Setup.FirstTurn { // a game taken up later has the earlier steps made already
			s.Apply(st)
		}
	}
	return s
}
