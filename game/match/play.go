package match

import (
	"errors"
	"fmt"

	"ili/game/rules"
)

// Give carries out a person's command for the side to move and returns what
// happened. A command the rules refuse changes nothing and is not recorded;
// the error says why in one sentence. A move can be taken back with Undo
// until the side learns something.
func (m *Match) Give(cmd rules.Command) ([]rules.Event, error) {
	if m.state.Over {
		return nil, rules.ErrGameOver
	}
	if cmd.Side != m.state.ActiveSide() || !m.PersonToMove() {
		return nil, fmt.Errorf("%w: %s is to move", ErrNotYours, m.state.ActiveSide())
	}
	var before undoPoint
	if cmd.Kind == rules.CmdMove {
		before = undoPoint{state: m.state.Clone(), commands: len(m.rec.Commands)}
	}
	evs, err := m.apply(cmd)
	if err != nil {
		return nil, err
	}
	if before.state != nil && !learns(evs) {
		m.undo = append(m.undo, before)
	} else {
		m.undo = nil
	}
	return evs, nil
}

// learns reports whether events tell a side something it could not take
// back: a fight, a sighting, an arrival, a story, a capture, a move stopped
// by what it ran into.
func learns(evs []rules.Event) bool {
	for _, e := range evs {
		switch e.(type) {
		case rules.CombatResolved, rules.Spotted, rules.ReinforcementArrived, rules.NarrativeFired,
			rules.PlaceCaptured, rules.MoveStopped:
			return true
		}
	}
	return false
}

// CanUndo reports whether a move can be taken back.
func (m *Match) CanUndo() bool { return len(m.undo) > 0 }

// Undo takes back the last move, if nothing has been learnt since.
func (m *Match) Undo() bool {
	if len(m.undo) == 0 {
		return false
	}
	u := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	m.state = u.state
	m.rec.Commands = m.rec.Commands[:u.commands]
	return true
}

// Step gives the AI's next command when an AI is to move and returns what
// happened; ok is false when a person is to move or the game is over. A
// command the rules refuse is a fault of the AI: it is recorded with the
// reason, and the AI's phase ends there so that the game goes on.
func (m *Match) Step() (evs []rules.Event, ok bool, err error) {
	if m.state.Over || m.PersonToMove() {
		return nil, false, nil
	}
	side := m.state.ActiveSide()
	cmd := m.ais[m.state.Phase].Next(m.state.For(side))
	evs, err = m.apply(cmd)
	if errors.Is(err, ErrTooLong) {
		return nil, false, err
	}
	if err != nil {
		m.refuse(cmd, err)
		if evs, err = m.apply(rules.EndPhase(side)); err != nil {
			return nil, false, err
		}
	}
	m.undo = nil
	return evs, true, nil
}

// Run plays the AI's commands until a person is to move or the game ends,
// and returns everything that happened.
func (m *Match) Run() ([]rules.Event, error) {
	var all []rules.Event
	for {
		evs, ok, err := m.Step()
		all = append(all, evs...)
		if err != nil || !ok {
			return all, err
		}
	}
}

// PlayOut plays the game to its end; every side must be an AI's.
func (m *Match) PlayOut() error {
	for _, st := range m.seats {
		if st.Person() {
			return fmt.Errorf("%s is played by a person: only a game of AIs plays out alone", st.Side)
		}
	}
	_, err := m.Run()
	return err
}

// apply carries out a command and records it: the command, the places that
// change hands, and the state hash at the start of each new turn.
func (m *Match) apply(cmd rules.Command) ([]rules.Event, error) {
	if len(m.rec.Commands) >= MaxCommands {
		return nil, ErrTooLong
	}
	turn := m.state.Turn
	evs, err := m.state.Apply(cmd)
	if err != nil {
		return nil, err
	}
	m.rec.Commands = append(m.rec.Commands, cmd)
	m.noteCaptures(evs)
	if m.state.Turn != turn {
		m.rec.Hashes[fmt.Sprint(m.state.Turn)] = m.state.Hash()
	}
	return evs, nil
}

// refuse records a command of the AI that the rules refused, with why, in
// its place among the commands.
func (m *Match) refuse(cmd rules.Command, err error) {
	m.rec.Refused = append(m.rec.Refused, Refusal{At: len(m.rec.Commands), Turn: m.state.Turn, Command: cmd, Error: err.Error()})
	m.rec.Commands = append(m.rec.Commands, cmd)
}

// noteCaptures keeps the places that changed hands, with the turn.
func (m *Match) noteCaptures(evs []rules.Event) {
	turn := m.state.Turn
	for _, e := range evs {
		switch e := e.(type) {
		case rules.TurnStarted:
			turn = e.Turn
		case rules.PlaceCaptured:
			m.captures = append(m.captures, Capture{Place: e.Place, Side: e.Side, Turn: turn})
		}
	}
}
