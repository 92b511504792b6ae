package scenario

import (
	"fmt"
	"slices"
	"time"

	"ili/game/hex"
)

// Step is one dated step of the documented course of events, as history
// mode replays it: what happened (with its source), where the record puts
// the main bodies afterwards, and the places that changed hands.
type Step struct {
	On       time.Time
	Turn     int // the turn of that date
	Title    string
	Text     string
	Source   string
	Moves    []Move
	Captures []Capture
}

// Move puts a main body where the record has it after a step, or takes it
// off the map (Leave: it left, dispersed or surrendered).
type Move struct {
	Unit  string
	Hex   hex.Hex
	Leave bool
}

// Capture says that a place passed to a side (or to nobody) at a step.
type Capture struct {
	Place string
	Side  string // "" for nobody
}

// readSteps reads the [[history.step]] tables in date order.
func (b *build) readSteps(t *table) []Step {
	var steps []Step
	for i, st := range t.tables("step") {
		st.what = fmt.Sprintf("history step %d", i+1)
		s := b.readStep(st)
		// A variant or an override that moves the span leaves out the
		// steps outside it: the record has nothing for that what-if.
		if !s.On.IsZero() && (s.On.Before(b.sc.Start) || s.On.After(b.lastDay)) {
			continue
		}
		steps = append(steps, s)
	}
	slices.SortStableFunc(steps, func(a, b Step) int { return a.On.Compare(b.On) })
	return steps
}

// readStep reads one [[history.step]]: on (a date within the scenario),
// title, text, source, and its [[history.step.move]] (unit, then place or
// hex, or leave = true) and [[history.step.capture]] (place, by) tables.
func (b *build) readStep(t *table) Step {
	s := Step{Title: t.str("title", false), Text: t.str("text", true), Source: b.sourceRef(t, "source", true)}
	if on, ok := t.date("on", true); ok {
		if !t.d.overlaid {
			b.checkDate(t, "on", on)
		}
		s.On, s.Turn = on, b.sc.Setup.TurnOf(on)
	}
	for _, mt := range t.tables("move") {
		mt.what = t.what + " " + mt.what
		m := Move{Unit: mt.str("unit", true)}
		if m.Leave = mt.boolean("leave", false); !m.Leave {
			m.Hex, _ = b.unitHex(mt)
		}
		mt.done()
		switch {
		case m.Unit == "" || b.units[m.Unit]:
			s.Moves = append(s.Moves, m)
		case !mt.d.fileUnits[m.Unit]:
			mt.errorf("unit", "names unit %q, which no [[unit]] defines", m.Unit)
		} // a unit a variant removed is not moved
	}
	for _, ct := range t.tables("capture") {
		ct.what = t.what + " " + ct.what
		c := Capture{Place: ct.str("place", true), Side: ct.str("by", true)}
		if _, ok := b.places[c.Place]; !ok && c.Place != "" {
			ct.errorf("place", "names place %q, which no [[place]] defines", c.Place)
		}
		if c.Side != "" && !b.sides[c.Side] {
			ct.errorf("by", "names side %q, which no [[side]] defines (or \"\" for nobody)", c.Side)
		}
		ct.done()
		s.Captures = append(s.Captures, c)
	}
	t.done()
	return s
}
