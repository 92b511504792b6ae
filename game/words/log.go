package words

import (
	"fmt"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// Log writes the events of a game of a scenario as the lines of its log:
// units, places and sides by name, a fight in short.
type Log struct {
	Scenario *scenario.Scenario
	// Units are the units by ID, whose names the lines give; NewLog takes
	// them from the scenario.
	Units map[string]rules.Unit
}

// NewLog returns the log of a game of sc.
func NewLog(sc *scenario.Scenario) Log {
	units := make(map[string]rules.Unit, len(sc.Units))
	for _, u := range sc.Units {
		units[u.ID] = u
	}
	return Log{Scenario: sc, Units: units}
}

// Unit is a unit's name, or its ID.
func (l Log) Unit(id string) string {
	if u, ok := l.Units[id]; ok && u.Name != "" {
		return u.Name
	}
	return id
}

// unitNames names several units, each by name.
func (l Log) unitNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = l.Unit(id)
	}
	return out
}

// PlaceAt returns the scenario's place in h, or nil.
func (l Log) PlaceAt(h hex.Hex) *rules.Place {
	for i := range l.Scenario.Places {
		if l.Scenario.Places[i].Hex == h {
			return &l.Scenario.Places[i]
		}
	}
	return nil
}

// PlaceName names a hex by its place, or, off the places, by its distance
// and direction from the nearest: "2 km south-east of Nilka (Gongha)".
func (l Log) PlaceName(h hex.Hex) string {
	if pl := l.PlaceAt(h); pl != nil {
		return pl.Name
	}
	return l.Off(h)
}

// ShortSide is a side's name without its bracketed note: "Ili National
// Army (East Turkestan Republic)" is "Ili National Army".
func (l Log) ShortSide(id string) string {
	name, _, _ := strings.Cut(l.Scenario.SideName(id), " (")
	return name
}

// Line is an event's line in the log.
func (l Log) Line(e rules.Event) string {
	switch e := e.(type) {
	case rules.PhaseStarted:
		return l.ShortSide(e.Side) + " to move"
	case rules.Moved:
		return fmt.Sprintf("%s %s (%s)", Says(l.Unit(e.Unit), "march"), l.To(e.Path[len(e.Path)-1]), MarchTime(e.Minutes))
	case rules.MoveStopped:
		return fmt.Sprintf("%s %s: %s", Says(l.Unit(e.Unit), "stop"), l.At(e.At), e.Reason)
	case rules.CombatResolved:
		r := e.Result
		captured := ""
		if r.Defender.Captured > 0 {
			captured = fmt.Sprintf(" and %d captured", r.Defender.Captured)
		}
		return fmt.Sprintf("%s %s %s: %s; attackers lose %d, defenders %d%s",
			SayAll(l.unitNames(e.Attackers), "attack"), AndNames(l.unitNames(e.Defenders)), l.At(e.Target), r.Outcome, r.Attacker.Men, r.Defender.Men, captured)
	case rules.Retreated:
		verb := "fall back"
		if e.Routed {
			verb = "rout"
		}
		return fmt.Sprintf("%s %s", Says(l.Unit(e.Unit), verb), l.To(e.To))
	case rules.Advanced:
		return fmt.Sprintf("%s %s", Says(l.Unit(e.Unit), "advance"), l.Into(e.To))
	case rules.PlaceCaptured:
		return fmt.Sprintf("%s %s", Says(l.ShortSide(e.Side), "take"), l.Scenario.PlaceName(e.Place))
	case rules.UnitEliminated:
		return fmt.Sprintf("%s (%s), %d captured", Says(l.Unit(e.Unit), "be broken"), e.Reason, e.Captured)
	case rules.ReinforcementArrived:
		return fmt.Sprintf("%s %s", Says(l.Unit(e.Unit), "arrive"), l.At(e.At))
	}
	return l.statusLine(e)
}

// statusLine is the line of the events about a unit's state and the story.
func (l Log) statusLine(e rules.Event) string {
	switch e := e.(type) {
	case rules.SupplyChanged:
		if e.InSupply {
			return Says(l.Unit(e.Unit), "be back in supply")
		}
		return Says(l.Unit(e.Unit), "be out of supply")
	case rules.UnitWithdrawn:
		return Says(l.Unit(e.Unit), "leave by order")
	case rules.UnitExited:
		return fmt.Sprintf("%s at %s with %d men (%d VP)", Says(l.Unit(e.Unit), "leave the map"), l.Scenario.PlaceName(e.Place), e.Men, e.VP)
	case rules.NarrativeFired:
		if e.Source == "" {
			return e.Title
		}
		return fmt.Sprintf("%s (source: %s)", e.Title, l.SourceName(e.Source))
	case rules.Entrenched:
		return fmt.Sprintf("%s (%d h): %s", Says(l.Unit(e.Unit), "dig in"), e.Hours, e.Posture)
	case rules.Spotted:
		return fmt.Sprintf("%s %s", Says(l.ShortSide(e.Side), "spot"), strings.TrimSuffix(AndNames(l.unitNames(e.Units)), ","))
	case rules.ReinforcementDelayed:
		return Says(l.Unit(e.Unit), "be delayed") + ": the way in is blocked"
	case rules.GameOver:
		if e.Winner == "" {
			return "game over: a draw, " + l.Scenario.Named(e.Reason)
		}
		return fmt.Sprintf("game over: %s, %s", Says(l.ShortSide(e.Winner), "win"), l.Scenario.Named(e.Reason))
	}
	return e.String()
}
