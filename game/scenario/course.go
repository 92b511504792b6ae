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
// off the map (Leave: it left, dispersed or surrendered). Men, when the
// step's source gives it, is the body's strength afterwards (0: as it was).
type Move struct {
	Unit  string
	Hex   hex.Hex
	Leave bool
	Men   int
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
		if s, in := b.readStep(st); in {
			steps = append(steps, s)
		}
	}
	slices.SortStableFunc(steps, func(a, b Step) int { return a.On.Compare(b.On) })
	return steps
}

// readStep reads one [[history.step]]: on (a date within the scenario),
// title, text, source, and its [[history.step.move]] (unit, then place or
// hex and, where the source gives the strength, men; or leave = true) and
// [[history.step.capture]] (place, by) tables.
// in is false for a step outside a span that overrides moved.
func (b *build) readStep(t *table) (s Step, in bool) {
	s = Step{Title: t.str("title", false), Text: t.str("text", true), Source: b.sourceRef(t, "source", true)}
	on, ok, in := b.recordDate(t, true)
	if ok {
		s.On, s.Turn = on, b.sc.Setup.TurnOf(on)
	}
	for _, mt := range t.tables("move") {
		mt.what = t.what + " " + mt.what
		m := Move{Unit: mt.str("unit", true)}
		if m.Leave = mt.boolean("leave", false); !m.Leave {
			m.Hex, _ = b.unitHex(mt)
			m.Men = mt.integer("men", false, 0, 1, 300000)
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
	return s, in
}

// recordDate reads the date ("on") of an entry of the record, a checkpoint
// or a step. The file's own dates must fall within its span. Variants and
// --set overrides may move the span, and an entry outside the moved span
// is left out (in is false): the record has nothing for that what-if.
func (b *build) recordDate(t *table, required bool) (on time.Time, ok, in bool) {
	on, ok = t.date("on", required)
	if !ok {
		return on, false, true
	}
	if !b.d.overlaid {
		b.checkDate(t, "on", on)
	}
	return on, true, !on.Before(b.sc.Start) && !on.After(b.lastDay)
}
