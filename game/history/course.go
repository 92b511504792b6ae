// Package history replays a scenario's documented course of events on its
// map: for every turn, who held each place and where the record puts the
// main bodies, with the dated narration and its sources. History mode, the
// ghost of history and `ili history` read it; it changes nothing in a game.
package history

import (
	"fmt"
	"time"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// Course is a scenario's record, turn by turn.
type Course struct {
	Scenario *scenario.Scenario
	frames   []Frame // frames[t] is the situation at the end of turn t; 0 the start
}

// Frame is the situation by the record at the end of a turn (who held each
// place, where each main body stood), with the steps and main movements of
// that turn.
type Frame struct {
	Turn int
	Date time.Time // the start of the turn
	scenario.Situation
	Steps  []scenario.Step // what happened during the turn
	Arrows []Arrow         // the main movements of the turn
}

// Arrow is a main body's movement during a turn, from where it stood, and
// the route it would march by over the ground (Setup.Route; nil where the
// ground allows none, and then the arrow goes straight).
type Arrow struct {
	Unit     string
	From, To hex.Hex
	Route    []hex.Hex
}

// New builds the course of sc from its opening and its steps. For a game
// taken up from the record later, the frames before its first turn are the
// situation it begins with.
func New(sc *scenario.Scenario) *Course {
	c := &Course{Scenario: sc, frames: make([]Frame, sc.Turns+1)}
	cur := Frame{Date: sc.Setup.Start, Situation: sc.Opening()}
	steps := sc.History.Steps
	first := max(1, sc.Setup.FirstTurn)
	for len(steps) > 0 && steps[0].Turn < first {
		steps = steps[1:] // made already in the scenario's opening
	}
	c.frames[0] = cur
	modes := map[string]*rules.Mode{}
	for _, u := range sc.Units {
		modes[u.ID] = u.Type.Mode
	}
	for t := 1; t <= sc.Turns; t++ {
		f := Frame{Turn: t, Date: sc.Setup.TurnTime(t), Situation: cur.Clone()}
		for len(steps) > 0 && steps[0].Turn <= t {
			f.apply(steps[0])
			steps = steps[1:]
		}
		for i := range f.Arrows {
			a := &f.Arrows[i]
			a.Route = sc.Setup.Route(modes[a.Unit], a.From, a.To)
		}
		c.frames[t], cur = f, f
	}
	return c
}

// apply makes a step's moves and captures, and draws the moves' arrows.
func (f *Frame) apply(s scenario.Step) {
	f.Steps = append(f.Steps, s)
	for _, m := range s.Moves {
		if from, ok := f.Bodies[m.Unit]; ok && !m.Leave && from != m.Hex {
			f.Arrows = append(f.Arrows, Arrow{Unit: m.Unit, From: from, To: m.Hex})
		}
	}
	f.Situation.Apply(s)
}

// Turns is the number of turns of the course.
func (c *Course) Turns() int { return len(c.frames) - 1 }

// At returns the situation at the end of turn t (0: the start), clamped to
// the course's turns. The frame is shared: do not change it.
func (c *Course) At(t int) Frame {
	return c.frames[min(max(t, 0), len(c.frames)-1)]
}

// Dated returns the turns on which a step of the record falls, in order:
// the turns a handout lists and a timeline marks.
func (c *Course) Dated() []int {
	var out []int
	for _, s := range c.Scenario.History.Steps {
		if len(out) == 0 || out[len(out)-1] != s.Turn {
			out = append(out, s.Turn)
		}
	}
	return out
}

// Mismatch is a checkpoint of the record that the course's steps do not
// bear out.
type Mismatch struct {
	Check scenario.Checkpoint
	Got   string // the holder the steps give
}

func (m Mismatch) String() string {
	return fmt.Sprintf("%s should be held by %q at turn %d (%s), but the steps leave it with %q",
		m.Check.Place, m.Check.Side, m.Check.Turn, m.Check.Source, m.Got)
}

// Check compares the course with the scenario's checkpoints, each judged as
// a game's are: at the start of its turn, the end's after the last turn.
// The mismatches come in the checkpoints' order, by turn.
func (c *Course) Check() []Mismatch {
	var out []Mismatch
	for _, cp := range c.Scenario.History.Course {
		if got := c.At(cp.Turn - 1).Holders[cp.Place]; got != cp.Side {
			out = append(out, Mismatch{Check: cp, Got: got})
		}
	}
	return out // in the checkpoints' order, which is by turn
}
