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
func (b *build) readSteps(t *Table) []Step {
	var steps []Step
	for i, st := range t.Tables("step") {
		st.What = fmt.Sprintf("history step %d", i+1)
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
func (b *build) readStep(t *Table) (s Step, in bool) {
	s = Step{Title: t.Str("title", false), Text: t.Str("text", true), Source: b.sourceRef(t, "source", true)}
	on, ok, in := b.recordDate(t, true)
	if ok {
		s.On, s.Turn = on, b.sc.Setup.TurnOf(on)
	}
	for _, mt := range t.Tables("move") {
		mt.What = t.What + " " + mt.What
		m := Move{Unit: mt.Str("unit", true)}
		if m.Leave = mt.Bool("leave", false); !m.Leave {
			m.Hex, _ = b.unitHex(mt)
			m.Men = mt.Int("men", false, 0, 1, 300000)
		}
		mt.Done()
		switch {
		case m.Unit == "" || b.units[m.Unit]:
			s.Moves = append(s.Moves, m)
		case !b.d.fileUnits[m.Unit]:
			mt.Errorf("unit", "names unit %q, which no [[unit]] defines%s", m.Unit, DidYouMean(m.Unit, sortedKeys(b.d.fileUnits)))
		} // a unit a variant removed is not moved
	}
	for _, ct := range t.Tables("capture") {
		ct.What = t.What + " " + ct.What
		c := Capture{Place: ct.Str("place", true), Side: ct.Str("by", true)}
		if _, ok := b.places[c.Place]; !ok && c.Place != "" {
			ct.Errorf("place", "names place %q, which no [[place]] defines%s", c.Place, DidYouMean(c.Place, sortedKeys(b.places)))
		}
		if c.Side != "" && !b.sides[c.Side] {
			ct.Errorf("by", "names side %q, which no [[side]] defines (or \"\" for nobody)%s", c.Side, DidYouMean(c.Side, sortedKeys(b.sides)))
		}
		ct.Done()
		s.Captures = append(s.Captures, c)
	}
	t.Done()
	return s, in
}

// recordDate reads the date ("on") of an entry of the record, a checkpoint
// or a step. The file's own dates must fall within its span. Variants and
// --set overrides may move the span, and an entry outside the moved span
// is left out (in is false): the record has nothing for that what-if.
func (b *build) recordDate(t *Table, required bool) (on time.Time, ok, in bool) {
	on, ok = t.Date("on", required)
	if !ok {
		return on, false, true
	}
	if !b.d.overlaid {
		b.checkDate(t, "on", on)
	}
	return on, true, !on.Before(b.sc.Start) && !on.After(b.lastDay)
}
