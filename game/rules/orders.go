package rules

import (
	"slices"

	"ili/game/hex"
)

// A scenario's standing orders for the AI, in the spirit of The Operational
// Art of War's programmed opponent: what a side's units, or some of them,
// are to do between two turns. The rules do not enforce them (a person
// playing the side is free); the AI follows them before its own reckoning.

// OrderKind is what an order asks of its units.
type OrderKind uint8

// The kinds of order.
const (
	// OrderHold: stay in a place or a hex (marching there first), or
	// within an area round it, and dig in; a unit with no place holds
	// where it stands. It may attack from there, never advancing out.
	OrderHold OrderKind = iota
	// OrderLine: hold a line of hexes, a unit a hex, the first hexes
	// first; more units than hexes stand two to a hex.
	OrderLine
	// OrderReinforce: march to a place or hex by the quickest way, with no
	// detour for other objectives, then hold it.
	OrderReinforce
	// OrderPlan: follow the side's historical plan ([[plan]]) before the
	// AI's own reckoning, as ili sim --plan does for the whole game.
	OrderPlan
	NumOrderKinds
)

var orderKindNames = [...]string{"hold", "line", "reinforce", "plan"}

func (k OrderKind) String() string {
	if k < NumOrderKinds {
		return orderKindNames[k]
	}
	return "order?"
}

// OrderKindNames are the kinds' names, as a scenario file writes them.
func OrderKindNames() []string { return orderKindNames[:] }

// Order is one standing order for a side's AI.
type Order struct {
	Side string
	// Units are the units it is given to, sorted; none: every unit of the side.
	Units []string
	Kind  OrderKind
	// Place is the place to hold or reinforce ("" with At set, or for a
	// hold where each unit stands).
	Place string
	// At is the hex to hold or reinforce when no place is named; HasAt
	// says it is set.
	At    hex.Hex
	HasAt bool
	// RadiusM makes a hold an area: the units stay within this many metres
	// of the place (at least its hex).
	RadiusM int
	// Line is the hexes of a line to hold, in the order units are given them.
	Line []hex.Hex
	// FromTurn and UntilTurn bound the turns it is in force (0: the first;
	// 0: to the end).
	FromTurn, UntilTurn int
}

// InForce reports whether the order holds on turn t.
func (o *Order) InForce(t int) bool { return inTurns(t, o.FromTurn, o.UntilTurn) }

// inTurns reports whether turn t lies from from to until (0: to the end),
// the window of an order, an air supply or a plan step.
func inTurns(t, from, until int) bool { return t >= from && (until == 0 || t <= until) }

// InForce reports whether the air supply flies on turn t.
func (a *AirSupply) InForce(t int) bool { return inTurns(t, a.FromTurn, a.UntilTurn) }

// InForce reports whether the plan step holds on turn t.
func (st *PlanStep) InForce(t int) bool { return inTurns(t, st.FromTurn, st.UntilTurn) }

// Covers reports whether the order is given to unit u.
func (o *Order) Covers(u *Unit) bool {
	if u.Side != o.Side {
		return false
	}
	if len(o.Units) == 0 {
		return true
	}
	_, found := slices.BinarySearch(o.Units, u.ID)
	return found
}

// RadiusHexes is an area order's radius in hexes on this map (0: the hex
// alone).
func (s *Setup) RadiusHexes(m int) int {
	if m <= 0 || s.HexM <= 0 {
		return 0
	}
	return m / s.HexM
}

// AirSupply is a supply source by air: aircraft land or drop loads at a
// place the side holds, so many kilograms a day. A unit of the side in or
// near the place that no supply line reaches is in supply by air while the
// day's loads cover its men, KgPerMan each a day: the nearest units first.
type AirSupply struct {
	Side  string
	Place string
	// KgPerDay is the tonnage a day, in kilograms; KgPerMan what a man
	// needs a day.
	KgPerDay, KgPerMan int
	// ReachM is how far from the place the loads reach a unit, in metres
	// (at least the place's hex and those next to it).
	ReachM int
	// FromTurn and UntilTurn bound the turns it is in force (0: the first;
	// 0: to the end).
	FromTurn, UntilTurn int
}

// airLifted returns the side's units that air supply keeps in supply this
// phase: units off the supply net (linked reports who is on it) within
// reach of a place the side holds that air supply serves, taken nearest
// first (then by ID), each whole while what is left of the day's loads
// covers its men; a unit it does not cover goes short. Air units and units
// with no men need none.
func (s *State) airLifted(side string, linked func(*Unit) bool) map[string]bool {
	var out map[string]bool
	for _, a := range s.AirSupplies {
		if a.Side != side || !a.InForce(s.Turn) {
			continue
		}
		pl := s.Place(a.Place)
		if pl == nil || pl.Owner != side {
			continue // the field is lost: nothing lands
		}
		reach := max(1, s.RadiusHexes(a.ReachM))
		type cand struct {
			u *Unit
			d int
		}
		var cs []cand
		for i := range s.Units {
			u := &s.Units[i]
			if u.Side != side || u.Status != Active || u.Men == 0 || u.Type.Class == Aircraft || out[u.ID] || linked(u) {
				continue
			}
			if d := hex.Distance(u.Hex, pl.Hex); d <= reach {
				cs = append(cs, cand{u, d})
			}
		}
		slices.SortStableFunc(cs, func(x, y cand) int { return x.d - y.d }) // the units are in ID order
		left := a.KgPerDay
		for _, c := range cs {
			need := c.u.Men * a.KgPerMan
			if need > left {
				continue // what is left does not cover this unit: it goes short
			}
			left -= need
			if out == nil {
				out = map[string]bool{}
			}
			out[c.u.ID] = true
		}
	}
	return out
}
