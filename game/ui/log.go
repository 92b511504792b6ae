package ui

import (
	"fmt"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// names are the units' names and sides as the scenario gives them, for the
// log and the result cards: public, whatever a side can see.
type names map[string]rules.Unit

func namesOf(sc *scenario.Scenario) names {
	n := names{}
	for _, u := range sc.Units {
		n[u.ID] = u
	}
	return n
}

// unit is a unit's name, or its ID.
func (n names) unit(id string) string {
	if u, ok := n[id]; ok && u.Name != "" {
		return u.Name
	}
	return id
}

// units names several units: "A and B".
func (n names) units(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.unit(id)
	}
	return strings.Join(out, " and ")
}

// logbook is each person's log, by side: the lines of what their side may
// know. A game of AIs alone keeps one log, under "", of everything.
type logbook map[string][]string

// logLimit is how many lines a log keeps.
const logLimit = 200

func (l logbook) add(side, line string) {
	lines := append(l[side], line)
	if n := len(lines); n > logLimit {
		lines = lines[n-logLimit:]
	}
	l[side] = lines
}

// record shows what events did: each person's log gets what their side
// may know of them, the person at the screen sees it happen on the map,
// stories wait to be read, between two people's phases at one screen the
// map is hidden until the next is ready, and each new turn is autosaved.
func (p *Play) record(evs []rules.Event) {
	viewer := p.viewer()
	shown := evs
	people := 0
	for _, st := range p.m.Seats() {
		if !st.Person() {
			continue
		}
		people++
		known := p.m.Known(st.Side, evs)
		for _, e := range known {
			p.logs.add(st.Side, p.logLine(e))
		}
		if st.Side == viewer {
			shown = known
		}
	}
	if people == 0 {
		for _, e := range evs {
			p.logs.add("", p.logLine(e))
		}
	}
	for _, e := range evs {
		switch e := e.(type) {
		case rules.NarrativeFired:
			p.stories = append(p.stories, e)
		case rules.PhaseStarted:
			p.handOver(e.Side, people)
		case rules.TurnStarted:
			if e.Turn > 1 {
				p.autosave() // each new turn, for Continue
			}
		}
	}
	p.animate(shown)
}

// handOver hides the map when the phase passes to another person at the
// same screen and the game has fog of war.
func (p *Play) handOver(side string, people int) {
	if !p.m.SeatOf(side).Person() {
		return
	}
	last := p.lastPerson
	p.lastPerson = side
	if last != "" && last != side && people >= 2 && p.sc.Setup.Fog && !p.m.Over() && side == p.m.ToMove() {
		p.handover, p.anims = true, nil
	}
}

// logKey is the log shown: the viewer's, or the one log of a game of AIs.
func (p *Play) logKey() string {
	if p.m.SeatOf(p.viewer()).Person() {
		return p.viewer()
	}
	return ""
}

// say adds a line to the log of the person at the screen.
func (p *Play) say(msg string) { p.logs.add(p.logKey(), msg) }

// Log returns the log of the person at the screen.
func (p *Play) Log() []string { return p.logs[p.logKey()] }

// logLine is an event's line in the log, with units, places and sides by
// name; a fight in short (its factors were in the preview).
func (p *Play) logLine(e rules.Event) string {
	n := p.names
	switch e := e.(type) {
	case rules.PhaseStarted:
		return p.shortName(e.Side) + " to move"
	case rules.Moved:
		return fmt.Sprintf("%s marches to %s (%s)", n.unit(e.Unit), p.placeName(e.Path[len(e.Path)-1]), marchTime(e.Minutes))
	case rules.MoveStopped:
		return fmt.Sprintf("%s stops at %s: %s", n.unit(e.Unit), p.placeName(e.At), e.Reason)
	case rules.CombatResolved:
		r := e.Result
		return fmt.Sprintf("%s attack %s at %s: %s; attackers lose %d, defenders %d and %d captured",
			n.units(e.Attackers), n.units(e.Defenders), p.placeName(e.Target), r.Outcome, r.Attacker.Men, r.Defender.Men, r.Defender.Captured)
	case rules.Retreated:
		verb := "falls back"
		if e.Routed {
			verb = "routs"
		}
		return fmt.Sprintf("%s %s to %s", n.unit(e.Unit), verb, p.placeName(e.To))
	case rules.Advanced:
		return fmt.Sprintf("%s advances into %s", n.unit(e.Unit), p.placeName(e.To))
	case rules.PlaceCaptured:
		return fmt.Sprintf("%s take %s", p.shortName(e.Side), p.sc.PlaceName(e.Place))
	case rules.UnitEliminated:
		return fmt.Sprintf("%s is broken (%s), %d captured", n.unit(e.Unit), e.Reason, e.Captured)
	case rules.ReinforcementArrived:
		return fmt.Sprintf("%s arrives at %s", n.unit(e.Unit), p.placeName(e.At))
	}
	return p.statusLine(e)
}

// statusLine is the log line of the events about a unit's state and the
// story.
func (p *Play) statusLine(e rules.Event) string {
	n := p.names
	switch e := e.(type) {
	case rules.SupplyChanged:
		if e.InSupply {
			return n.unit(e.Unit) + " is back in supply"
		}
		return n.unit(e.Unit) + " is out of supply"
	case rules.UnitWithdrawn:
		return n.unit(e.Unit) + " leaves by order"
	case rules.UnitExited:
		return fmt.Sprintf("%s leaves the map at %s with %d men (%d VP)", n.unit(e.Unit), p.sc.PlaceName(e.Place), e.Men, e.VP)
	case rules.NarrativeFired:
		if e.Source == "" {
			return e.Title
		}
		return fmt.Sprintf("%s [%s]", e.Title, e.Source)
	}
	return e.String()
}

// placeName names the hex by its place, or by its coordinates.
func (p *Play) placeName(h hex.Hex) string {
	if pl := p.placeAt(h); pl != nil {
		return pl.Name
	}
	return rules.Label(h)
}

// shortSide is a side's name without its bracketed note:
// "Ili National Army (East Turkestan Republic)" is "Ili National Army".
func shortSide(sc *scenario.Scenario, id string) string {
	name, _, _ := strings.Cut(sc.SideName(id), " (")
	return name
}

// sideName and shortName name a side of this game's scenario.
func (p *Play) sideName(side string) string  { return p.sc.SideName(side) }
func (p *Play) shortName(side string) string { return shortSide(p.sc, side) }
