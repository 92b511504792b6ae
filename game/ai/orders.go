package ai

import (
	"slices"

	"ili/game/hex"
	"ili/game/rules"
)

// The scenario's standing orders ([[order]], rules.Order): the AI of the
// levels that plan (easy, normal, hard) follows them before its own
// reckoning. A unit under a hold, line or reinforce order in force makes
// for its hex by the quickest march, then holds it and digs in (within an
// area order's radius it moves as it judges best, never out of it); it
// attacks from there but never advances out; it is left out of the side's
// other objectives. A plan order makes the side follow its [[plan]] steps
// as ili sim --plan does. The hooks in operational.go are marked "orders.go".

// hold is what an order asks of one unit: the hex to hold, and how far
// from it, in hexes, the unit may go.
type hold struct {
	at     hex.Hex
	radius int
}

// holds works out, for the side's units under a hold, line or reinforce
// order in force this turn, what each is to hold; a unit under several
// orders follows the first the file gives.
func (p *Player) holds(w *world) map[string]hold {
	var out map[string]hold
	give := func(id string, h hold) {
		if out == nil {
			out = map[string]hold{}
		}
		out[id] = h
	}
	for i := range w.v.Orders {
		o := &w.v.Orders[i]
		if o.Side != p.Side || o.Kind == rules.OrderPlan || !o.InForce(w.v.Turn) {
			continue
		}
		var units []*rules.Unit // w.mine is sorted by ID
		for _, u := range w.mine {
			if _, taken := out[u.ID]; !taken && u.Type.Mode != nil && o.Covers(u) {
				units = append(units, u)
			}
		}
		if o.Kind == rules.OrderLine {
			for id, at := range lineHolds(o.Line, units) {
				give(id, hold{at: at})
			}
			continue
		}
		at, where := o.At, o.HasAt
		if o.Place != "" {
			for j := range w.v.Places {
				if w.v.Places[j].ID == o.Place {
					at, where = w.v.Places[j].Hex, true
				}
			}
		}
		radius := w.v.RadiusHexes(o.RadiusM)
		for _, u := range units {
			if !where { // a hold with no place: where the unit stands
				give(u.ID, hold{at: u.Hex, radius: radius})
				continue
			}
			give(u.ID, hold{at: at, radius: radius})
		}
	}
	return out
}

// lineHolds gives each hex of a line, in order, the nearest of the units
// not yet given one (the first by ID of equals), going round the line
// again while units are left.
func lineHolds(line []hex.Hex, units []*rules.Unit) map[string]hex.Hex {
	out := map[string]hex.Hex{}
	if len(line) == 0 {
		return out
	}
	left := slices.Clone(units)
	for i := 0; len(left) > 0; i++ {
		h := line[i%len(line)]
		best := 0
		for k, u := range left {
			if hex.Distance(u.Hex, h) < hex.Distance(left[best].Hex, h) {
				best = k
			}
		}
		out[left[best].ID] = h
		left = slices.Delete(left, best, best+1)
	}
	return out
}

// applyOrders takes the units under orders out of the side's objectives
// and notes what each holds, for the plan's other readers.
func (p *Player) applyOrders(w *world, pl *plan, held map[string]hold) {
	pl.held = held
	for id := range pl.held {
		delete(pl.assign, id)
	}
}

// planOrdered reports whether a plan order for the side is in force.
func (p *Player) planOrdered(w *world) bool {
	for i := range w.v.Orders {
		if o := &w.v.Orders[i]; o.Side == p.Side && o.Kind == rules.OrderPlan && o.InForce(w.v.Turn) {
			return true
		}
	}
	return false
}

// ordered plays the move of a unit under an order: done is false for a
// unit no order holds, which the AI moves as it judges. Outside its area
// it marches toward its hex by the quickest way; at a hex it holds it digs
// in; within an area it moves as the AI judges best, but never out of it.
func (p *Player) ordered(q *rules.Query, w *world, u *rules.Unit, t tuning, pl plan) (cmd rules.Command, ok, done bool) {
	h, held := pl.held[u.ID]
	if !held {
		return rules.Command{}, false, false
	}
	if u.Spent > 0 || u.Attacked || u.Type.Mode == nil {
		return rules.Command{}, false, true
	}
	dig := func() (rules.Command, bool, bool) {
		if u.Posture(w.v.Map) != rules.Fortified {
			return rules.Entrench(p.Side, u.ID), true, true
		}
		return rules.Command{}, false, true
	}
	if hex.Distance(u.Hex, h.at) <= h.radius {
		if h.radius == 0 {
			return dig()
		}
		free := pl
		free.held = nil // within its area the unit moves as the AI judges
		cmd, ok := p.bestMove(q, w, u, t, free)
		if ok && cmd.Kind == rules.CmdMove && hex.Distance(cmd.To, h.at) > h.radius {
			return dig()
		}
		return cmd, ok, true
	}
	goal := distances(w.v, u.Type.Mode, h.at)
	best, bestD := u.Hex, goal.at(w.v, u.Hex)
	for to := range q.ReachOf(u.ID).All() { // in hex order, as the map's index runs
		if len(w.enemyAt[to]) > 0 {
			continue
		}
		if d := goal.at(w.v, to); d < bestD {
			best, bestD = to, d
		}
	}
	if best != u.Hex {
		return rules.Move(p.Side, u.ID, best), true, true
	}
	return dig() // no nearer hex this phase: dig in where it stands
}

// keepOrders keeps an attack from advancing a unit out of the hex or
// area its order holds: the lead unit, which the rules advance, stays
// unless the target lies within what it holds.
func (p *Player) keepOrders(w *world, pl plan, cmd rules.Command) rules.Command {
	if cmd.Kind != rules.CmdAttack || !cmd.Advance {
		return cmd
	}
	l := lead(w, cmd.Units)
	if l == nil {
		return cmd
	}
	if h, held := pl.held[l.ID]; held && hex.Distance(cmd.Target, h.at) > h.radius {
		cmd.Advance, cmd.Leave = false, false
	}
	return cmd
}

// holding reports whether an order holds unit u: it is no unit for the
// side's other objectives or to send after an empty place.
func (pl plan) holding(u *rules.Unit) bool {
	_, held := pl.held[u.ID]
	return held
}

// heldByOrder reports whether one of the side's units under a hold order
// stands in h, the hex its order holds.
func heldByOrder(w *world, held map[string]hold, h hex.Hex) bool {
	for _, u := range w.mineAt[h] {
		if at, ok := held[u.ID]; ok && at.at == h {
			return true
		}
	}
	return false
}
