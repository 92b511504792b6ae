package rules

import (
	"fmt"
	"strings"
	"time"

	"ili/game/hex"
)

// Event is something that happened in the game, returned by State.Apply for
// the UI to animate and the log to record. String gives one log line.
type Event interface {
	String() string
}

// TurnStarted opens a turn.
type TurnStarted struct {
	Turn    int
	Date    time.Time
	Weather WeatherKind
}

func (e TurnStarted) String() string {
	return fmt.Sprintf("turn %d begins %s, %s", e.Turn, e.Date.Format("2 Jan 2006 15:04"), e.Weather)
}

// PhaseStarted gives the move to a side.
type PhaseStarted struct{ Side string }

func (e PhaseStarted) String() string { return e.Side + " to move" }

// Moved is a unit's move along a path of hexes.
type Moved struct {
	Unit    string
	Path    []hex.Hex
	Minutes int
}

func (e Moved) String() string {
	steps := make([]string, len(e.Path))
	for i, h := range e.Path {
		steps[i] = Label(h)
	}
	return fmt.Sprintf("%s moves %s (%d min)", e.Unit, strings.Join(steps, " > "), e.Minutes)
}

// MoveStopped says why a move ended before its goal.
type MoveStopped struct {
	Unit   string
	At     hex.Hex
	Reason string
}

func (e MoveStopped) String() string {
	return fmt.Sprintf("%s stops at %s: %s", e.Unit, Label(e.At), e.Reason)
}

// Spotted is a side's first sight of enemy units.
type Spotted struct {
	Side  string
	Units []string
}

func (e Spotted) String() string { return e.Side + " spots " + strings.Join(e.Units, ", ") }

// Entrenched is a unit digging in.
type Entrenched struct {
	Unit     string
	Hours    int
	Posture  Posture
	Complete bool
}

func (e Entrenched) String() string {
	return fmt.Sprintf("%s digs in (%d h): %s", e.Unit, e.Hours, e.Posture)
}

// CombatResolved is a fight with its full result.
type CombatResolved struct {
	Attackers []string
	Defenders []string
	Target    hex.Hex
	Input     CombatInput
	Result    CombatResult
}

func (e CombatResolved) String() string {
	r := e.Result
	var b strings.Builder
	fmt.Fprintf(&b, "%s attack %s at %s: %s (ratio %.2f); attacker loses %d, defender loses %d and %d captured",
		strings.Join(e.Attackers, "+"), strings.Join(e.Defenders, "+"), Label(e.Target),
		r.Outcome, r.Ratio, r.Attacker.Men, r.Defender.Men, r.Defender.Captured)
	for _, f := range r.Factors {
		b.WriteString("; " + f.String())
	}
	return b.String()
}

// Retreated is a unit giving ground after a fight.
type Retreated struct {
	Unit     string
	From, To hex.Hex
	Routed   bool
}

func (e Retreated) String() string {
	verb := "retreats"
	if e.Routed {
		verb = "routs"
	}
	return fmt.Sprintf("%s %s %s > %s", e.Unit, verb, Label(e.From), Label(e.To))
}

// UnitEliminated is a unit leaving play through combat.
type UnitEliminated struct {
	Unit     string
	Captured int
	Reason   string
}

func (e UnitEliminated) String() string {
	return fmt.Sprintf("%s eliminated (%s), %d captured", e.Unit, e.Reason, e.Captured)
}

// Advanced is an attacker moving into the hex it took.
type Advanced struct {
	Unit string
	To   hex.Hex
}

func (e Advanced) String() string { return fmt.Sprintf("%s advances to %s", e.Unit, Label(e.To)) }

// PlaceCaptured is a place changing hands.
type PlaceCaptured struct {
	Place string
	Side  string
	From  string
}

func (e PlaceCaptured) String() string {
	from := e.From
	if from == "" {
		from = "nobody"
	}
	return fmt.Sprintf("%s takes %s from %s", e.Side, e.Place, from)
}

// ReinforcementArrived is a unit entering the map.
type ReinforcementArrived struct {
	Unit string
	At   hex.Hex
}

func (e ReinforcementArrived) String() string {
	return fmt.Sprintf("%s arrives at %s", e.Unit, Label(e.At))
}

// ReinforcementDelayed is a unit that could not enter because its entry was blocked.
type ReinforcementDelayed struct{ Unit string }

func (e ReinforcementDelayed) String() string { return e.Unit + " is delayed: its entry is blocked" }

// UnitWithdrawn is a unit leaving the map by the scenario's order.
type UnitWithdrawn struct{ Unit string }

func (e UnitWithdrawn) String() string { return e.Unit + " withdraws" }

// SupplyChanged is a unit's supply line cut or restored.
type SupplyChanged struct {
	Unit     string
	InSupply bool
}

func (e SupplyChanged) String() string {
	if e.InSupply {
		return e.Unit + " back in supply"
	}
	return e.Unit + " out of supply"
}

// NarrativeFired is a story event of the scenario.
type NarrativeFired struct {
	ID, Title, Text, Source string
}

func (e NarrativeFired) String() string {
	return fmt.Sprintf("event %s: %s [%s]", e.ID, e.Title, e.Source)
}

// GameOver ends the game.
type GameOver struct {
	Winner string
	Reason string
	VP     map[string]int
}

func (e GameOver) String() string {
	w := e.Winner
	if w == "" {
		w = "nobody (draw)"
	}
	return fmt.Sprintf("game over: %s wins, %s", w, e.Reason)
}

// UnitExited is a unit leaving the map at an exit, for victory points.
type UnitExited struct {
	Unit, Place string
	Men, VP     int
}

func (e UnitExited) String() string {
	return fmt.Sprintf("%s leaves the map at %s with %d men (%d VP)", e.Unit, e.Place, e.Men, e.VP)
}
