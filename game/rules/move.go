package rules

import (
	"slices"

	"ili/game/hex"
)

// River crossing costs in march minutes without a bridge: a ford takes a few
// hours to find and cross; a major river a day's work with local boats.
const (
	minorRiverMinutes = 180
	majorRiverMinutes = 720
)

// Budget returns the march minutes a unit has each phase: a turn of 24 hours
// is one day's march at the unit type's km/day.
func (s *Setup) Budget() int { return s.TurnHours * 60 }

// StepCost returns the march minutes for a unit of mode m to step from a to
// its neighbour b, and false when it cannot.
func (s *Setup) StepCost(m *Mode, a, b hex.Hex) (int, bool) {
	t := s.Map.At(b)
	if t.Info().Impassable {
		return 0, false
	}
	speed := m.Speed[t]
	sd := s.Map.side(a, b)
	road := sd.road
	switch {
	case road == MainRoad && m.Road > speed:
		speed = m.Road
	case road >= Track && speed > 0 && m.Track > speed:
		// A track helps only where the mode can go at all: no trucks over a glacier path.
		speed = m.Track
	}
	if speed <= 0 {
		return 0, false
	}
	cost := (s.HexM*1440 + speed*1000 - 1) / (speed * 1000)
	if road == NoRoad {
		switch sd.river {
		case MinorRiver:
			cost += minorRiverMinutes
		case MajorRiver:
			if !m.CrossMajor {
				return 0, false
			}
			cost += majorRiverMinutes
		}
	}
	return max(cost, 1), true
}

// mover gathers what a side knows when it plans a move: which hexes its
// enemies hold and which they control (by map index), and the unit's step
// costs.
type mover struct {
	s *State
	u *Unit
	f *front
}

// newMover prepares movement for u against the enemy units its side can see
// (all of them without fog).
func (s *State) newMover(u *Unit) *mover {
	return &mover{s: s, u: u, f: s.front(u.Side, true)}
}

// limits are the mover's rules for a search over its step table: no entering
// enemy hexes, and a zone of control is left only from where the unit
// stands, to a hex outside one.
func (mv *mover) limits() hex.Limits { return hex.Limits{Blocked: mv.f.enemy, Sticky: mv.f.zoc} }

// cost is the step cost function for path finding: no entering enemy hexes,
// and a unit in an enemy zone of control may only leave it to a hex outside one.
func (mv *mover) cost(a, b hex.Hex) (int, bool) {
	ia, ib := mv.s.Map.Index(a), mv.s.Map.Index(b)
	if ib < 0 || mv.f.enemy[ib] {
		return 0, false
	}
	if ia >= 0 && mv.f.zoc[ia] {
		if mv.f.zoc[ib] || a != mv.u.Hex {
			return 0, false // entering a zone of control ended the move there
		}
	}
	return mv.s.StepCost(mv.u.Type.Mode, a, b)
}

// Reachable returns the hexes the unit can still reach this phase with their
// cost in march minutes, by what its side knows. A unit that has not moved may
// always take one step, however costly.
func (s *State) Reachable(id string) map[hex.Hex]int {
	r := s.ReachOf(id)
	if r.list == nil {
		return nil
	}
	out := make(map[hex.Hex]int, len(r.list))
	for h, c := range r.All() {
		out[h] = c
	}
	return out
}

// ReachOf is Reachable as a Reach: the hexes in the map's order.
func (s *State) ReachOf(id string) Reach { return s.reachInto(id, nil) }

// reachInto is ReachOf, its list built in into's memory.
func (s *State) reachInto(id string, into []hex.Reached) Reach {
	u := s.Unit(id)
	at := -1
	if u != nil && u.Status == Active && u.Type.Mode != nil {
		at = s.Map.Index(u.Hex)
	}
	if at < 0 {
		return Reach{m: s.Map, list: into[:0]} // nil for ReachOf, as Reachable reads it
	}
	mv := s.newMover(u)
	left := s.Budget() - u.Spent
	start := [1]int32{int32(at)}
	list := s.table(u.Type.Mode).ReachList(start[:], max(left, 0), mv.limits(), into[:0])
	if u.Spent == 0 {
		for _, n := range u.Hex.Neighbors() {
			if c, ok := mv.cost(u.Hex, n); ok {
				j := int32(s.Map.Index(n))
				k, found := slices.BinarySearchFunc(list, j, func(e hex.Reached, j int32) int { return int(e.Index - j) })
				if !found {
					list = slices.Insert(list, k, hex.Reached{Index: j, Cost: int32(c)})
				}
			}
		}
	}
	return Reach{m: s.Map, list: list}
}

// PlanPath returns the path the unit would take to reach goal this phase and
// its cost, by what its side knows; ok is false if it cannot get there.
func (s *State) PlanPath(id string, goal hex.Hex) (path []hex.Hex, cost int, ok bool) {
	u := s.Unit(id)
	if u == nil || u.Status != Active || u.Type.Mode == nil || !s.Map.In(goal) {
		return nil, 0, false
	}
	mv := s.newMover(u)
	left := s.Budget() - u.Spent
	if u.Spent == 0 && hex.Adjacent(u.Hex, goal) {
		if c, ok := mv.cost(u.Hex, goal); ok {
			return []hex.Hex{u.Hex, goal}, c, true
		}
	}
	if left <= 0 {
		return nil, 0, false
	}
	return s.table(u.Type.Mode).Path(s.Map.Index(u.Hex), s.Map.Index(goal), s.minStep(u.Type.Mode), left, mv.limits())
}

// Route is the way a body moving by mode would march from one hex to another
// over the ground alone, with no enemy and no zone of control in its way: the
// cheapest path in march minutes, from and to included; nil if the ground
// allows none.
func (s *Setup) Route(mode *Mode, from, to hex.Hex) []hex.Hex {
	if mode == nil || !s.Map.In(from) || !s.Map.In(to) {
		return nil
	}
	path, _, ok := s.table(mode).Path(s.Map.Index(from), s.Map.Index(to), s.minStep(mode), -1, hex.Limits{})
	if !ok {
		return nil
	}
	return path
}

// minStep is the cheapest step a mode can ever take: a lower bound for A*.
func (s *Setup) minStep(m *Mode) int {
	best := max(m.Road, m.Track)
	for _, v := range m.Speed {
		best = max(best, v)
	}
	if best <= 0 {
		return 1
	}
	return max(1, s.HexM*1440/(best*1000))
}

// enemyZOC reports whether any active enemy of side exerts a zone of control
// over h, known or not.
func (s *State) enemyZOC(side string, h hex.Hex) bool {
	for i := range s.Units {
		e := &s.Units[i]
		if e.Status == Active && e.Type.ZOC && Hostile(e.Side, side) && hex.Distance(e.Hex, h) == 1 {
			return true
		}
	}
	return false
}

// move walks u along path step by step, stopping early when it runs into an
// enemy it could not see, enters a zone of control or sights a new enemy.
func (s *State) move(u *Unit, path []hex.Hex) []Event {
	var evs []Event
	var seen map[string]bool // what the side saw before, for sightings under fog
	if s.Fog {
		seen = s.seenEnemiesInto(u.Side)
	}
	walked := make([]hex.Hex, 1, len(path))
	walked[0] = u.Hex
	spent := 0
	stop := ""
	zoc := false
	var exited *UnitExited
	for _, next := range path[1:] {
		if occ := s.occupant(next); Hostile(occ, u.Side) {
			stop = "an enemy unit blocks the way"
			break
		}
		c, ok := s.StepCost(u.Type.Mode, u.Hex, next)
		if !ok {
			stop = "the way is impassable"
			break
		}
		if s.enemyZOC(u.Side, u.Hex) && s.enemyZOC(u.Side, next) {
			stop = "an enemy zone of control"
			break
		}
		u.Hex = next
		spent += c
		walked = append(walked, next)
		evs = append(evs, s.capturePlace(u.Side, next)...)
		if p := s.PlaceAt(next); p != nil && p.ExitFor == u.Side {
			u.Status = Withdrawn
			u.ExitVP = u.Men * p.ExitVP / 1000
			exited = &UnitExited{Unit: u.ID, Place: p.ID, Men: u.Men, VP: u.ExitVP}
			break
		}
		if s.enemyZOC(u.Side, next) {
			zoc = true
			if next != path[len(path)-1] {
				stop = "entered an enemy zone of control"
			}
			break
		}
		if s.Fog {
			if fresh := s.newlySeen(u, seen); len(fresh) > 0 {
				evs = append(evs, Spotted{Side: u.Side, Units: fresh})
				if next != path[len(path)-1] {
					stop = "sighted the enemy"
				}
				break
			}
		}
	}
	if len(walked) > 1 {
		u.Spent += spent
		u.DigHours = 0
		u.BattleHours, u.BattleTurn = 0, 0
		if zoc {
			u.Spent = max(u.Spent, s.Budget()) // entering a zone of control ends the move
		}
		evs = append([]Event{Moved{Unit: u.ID, Path: walked, Minutes: spent}}, evs...)
	}
	if exited != nil {
		evs = append(evs, *exited)
	}
	if stop != "" {
		if len(walked) == 1 {
			u.Spent = max(u.Spent, 1) // the unit tried: it counts as having moved
		}
		evs = append(evs, MoveStopped{Unit: u.ID, At: u.Hex, Reason: stop})
	}
	return evs
}

// capturePlace gives the place in h to side if no enemy holds it.
func (s *State) capturePlace(side string, h hex.Hex) []Event {
	p := s.PlaceAt(h)
	if p == nil || p.Owner == side {
		return nil
	}
	for _, u := range s.UnitsAt(h) {
		if Hostile(u.Side, side) {
			return nil
		}
	}
	from := p.Owner
	p.Owner = side
	evs := []Event{PlaceCaptured{Place: p.ID, Side: side, From: from}}
	return append(evs, s.fireCaptureNarratives(p.ID, side)...)
}
