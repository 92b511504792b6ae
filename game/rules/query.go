package rules

import "ili/game/hex"

// Query is what one side may ask of the game: its view and the questions a
// player could answer from the map in front of them (where a unit can go,
// what an attack would risk). The AI works through a Query, so it can never
// read what its side cannot see.
type Query struct {
	s    *State
	side string
}

// For returns side's Query on the state.
func (s *State) For(side string) *Query { return &Query{s: s, side: side} }

// Side returns the side the query speaks for.
func (q *Query) Side() string { return q.side }

// View returns the side's view of the state.
func (q *Query) View() *View { return q.s.View(q.side) }

// ViewTo writes the side's view into v, reusing its slices (State.ViewTo).
func (q *Query) ViewTo(v *View) *View { return q.s.ViewTo(q.side, v) }

// Reachable returns where one of the side's units can still go this phase,
// with the cost in march minutes.
func (q *Query) Reachable(unit string) map[hex.Hex]int {
	if u := q.s.Unit(unit); u == nil || u.Side != q.side {
		return nil
	}
	return q.s.Reachable(unit)
}

// ReachOf is Reachable as a Reach, the hexes in the map's order (which is
// hex.Compare's) without a map to build: empty for a unit not the side's.
func (q *Query) ReachOf(unit string) Reach {
	if u := q.s.Unit(unit); u == nil || u.Side != q.side {
		return Reach{m: q.s.Map}
	}
	return q.s.ReachOf(unit)
}

// ReachInto is ReachOf written into r, in the memory of the list r held
// before (which it overwrites), for a caller that asks for one unit's
// reach after another.
func (q *Query) ReachInto(unit string, r *Reach) {
	if u := q.s.Unit(unit); u == nil || u.Side != q.side {
		*r = Reach{m: q.s.Map, list: r.list[:0]}
		return
	}
	*r = q.s.reachInto(unit, r.list)
}

// PlanPath returns the path one of the side's units would take to goal this
// phase and its cost in march minutes.
func (q *Query) PlanPath(unit string, goal hex.Hex) ([]hex.Hex, int, bool) {
	if u := q.s.Unit(unit); u == nil || u.Side != q.side {
		return nil, 0, false
	}
	return q.s.PlanPath(unit, goal)
}

// CanAttack reports why an attack by the side is not allowed now, or nil.
func (q *Query) CanAttack(cmd Command) error {
	cmd.Side = q.side
	return q.s.CanAttack(cmd)
}

// PreviewAttack gives the odds and loss ranges of an attack by the side.
func (q *Query) PreviewAttack(cmd Command, trials int) (Preview, error) {
	cmd.Side = q.side
	return q.s.PreviewAttack(cmd, trials)
}

// Advancer returns the unit that would advance, were cmd, an attack by the
// side, to empty its target now: by cmd.Leave, the last of the side in a
// place it holds may be it or not. It is "" when none would or cmd is not an
// attack the side could make (cmd.Advance is not read: the question is who).
func (q *Query) Advancer(cmd Command) string {
	cmd.Side = q.side
	att, _, err := q.s.combatSetup(cmd)
	if err != nil {
		return ""
	}
	if u := q.s.advancer(att, cmd.Leave); u != nil {
		return u.ID
	}
	return ""
}

// SupplyReach returns the hexes the side's supply lines reach now, with their
// cost in march minutes from the nearest source.
// Enemy units the side cannot see do not cut them here, though they cut the
// real lines that the rules trace at the start of a phase.
func (q *Query) SupplyReach() Reach { return q.s.knownSupplyNet(q.side) }

// StepCost is the terrain's cost for a mode, as the map shows it.
func (q *Query) StepCost(m *Mode, a, b hex.Hex) (int, bool) { return q.s.StepCost(m, a, b) }

// Attackers returns, sorted by ID, the side's units that can join an attack
// on h now: on the map next to it, not aircraft (they support attacks in
// range but do not lead one), not yet in an attack this phase and not
// disordered.
func (q *Query) Attackers(h hex.Hex) []string { return q.AppendAttackers(nil, h) }

// AppendAttackers appends Attackers(h) to ids and returns the result, for a
// caller that keeps a buffer.
func (q *Query) AppendAttackers(ids []string, h hex.Hex) []string {
	for i := range q.s.Units {
		u := &q.s.Units[i]
		if u.Side == q.side && u.Status == Active && !u.Attacked && !u.Disordered &&
			u.Type.Class != Aircraft && hex.Adjacent(u.Hex, h) {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// Ready returns, sorted by ID, the side's units that have not yet moved,
// dug in or attacked this phase (aircraft left out: they act through the
// attacks they support).
func (q *Query) Ready() []string {
	var ids []string
	for i := range q.s.Units {
		u := &q.s.Units[i]
		if u.Side == q.side && u.Status == Active && u.Spent == 0 && !u.Attacked && u.Type.Class != Aircraft {
			ids = append(ids, u.ID)
		}
	}
	return ids
}
