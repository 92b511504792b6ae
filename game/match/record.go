package match

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"ili/game/rules"
	"ili/game/scenario"
)

// Record is everything that makes a game: the scenario, variants, overrides,
// seed and seats, every command given (the AI's too) and the state hash at
// the start of each turn, which proves that a replay made the same game.
// A saved game is a Record.
type Record struct {
	Config
	// ScenarioHash is the scenario text's (scenario.TextHash): a replay
	// reads a scenario file only if its text is the one played on.
	ScenarioHash string            `json:"scenario_hash,omitempty"`
	Commands     []rules.Command   `json:"commands"`
	Refused      []Refusal         `json:"refused,omitempty"`
	Hashes       map[string]string `json:"hashes"` // turn -> state hash at its start
	// Final is the state hash after the last command, which a replay
	// needs to check the commands of the last turn.
	Final string `json:"final,omitempty"`
}

// Refusal is an AI command the rules refused: it stands in Commands at At,
// and the AI's phase ended after it.
type Refusal struct {
	At      int           `json:"at"`
	Turn    int           `json:"turn"`
	Command rules.Command `json:"command"`
	Error   string        `json:"error"`
}

// Record returns a copy of the match's record so far.
func (m *Match) Record() Record {
	r := m.rec
	r.Variants = slices.Clone(r.Variants)
	r.Set = slices.Clone(r.Set)
	r.Seats = slices.Clone(r.Seats)
	r.Commands = slices.Clone(r.Commands)
	r.Refused = slices.Clone(r.Refused)
	r.Hashes = maps.Clone(r.Hashes)
	r.Final = m.state.Hash()
	return r
}

// Refused returns the AI commands the rules have refused so far.
func (m *Match) Refused() []Refusal { return slices.Clone(m.rec.Refused) }

// ErrDiverged is wrapped by the error of a replay whose state hash differs
// from the one recorded.
var ErrDiverged = errors.New("the replay did not reproduce the recorded game")

// ErrIncomplete is wrapped by the error of a record that lacks what a
// replay checks: a turn's hash, or a refused command it names.
var ErrIncomplete = errors.New("the record is incomplete")

// ReplayError says where a replay failed: the turn, and the command when a
// command was refused.
type ReplayError struct {
	Turn    int
	Command int // 1-based; 0 when a hash differed at the start of Turn
	Err     error
}

func (e *ReplayError) Error() string {
	if e.Command == 0 {
		return fmt.Sprintf("turn %d: %v", e.Turn, e.Err)
	}
	return fmt.Sprintf("turn %d, command %d: %v", e.Turn, e.Command, e.Err)
}

func (e *ReplayError) Unwrap() error { return e.Err }

// Replay loads the record's scenario and plays its commands again, checking
// the state hash at the start of every turn. The match it returns goes on
// as the recorded game would have: the AI of a phase that was under way is
// brought back to where it stood.
func Replay(rec Record) (*Match, error) {
	sc, err := ScenarioOf(rec)
	if err != nil {
		return nil, err
	}
	return ReplayOn(sc, rec)
}

// ScenarioOf loads the scenario a record was played on, as it was played:
// with its variants, overrides and the date it was taken up from.
func ScenarioOf(rec Record) (*scenario.Scenario, error) {
	sc, err := loadScenario(rec)
	if errors.Is(err, ErrNotItsScenario) {
		return nil, err
	}
	if err != nil {
		var errs scenario.Errors
		if errors.As(err, &errs) && len(errs) > 1 {
			err = fmt.Errorf("%w (and %d more problems)", errs[0], len(errs)-1)
		}
		return nil, fmt.Errorf("its scenario %s does not load with its variants and overrides: %w", rec.Scenario, err)
	}
	return sc, nil
}

// Observer sees a replayed game as it comes: the events of the opening,
// then those of each command, with the match as it stands after them. It
// must not change the match.
type Observer func(m *Match, evs []rules.Event)

// ReplayOn is Replay on a scenario already loaded as the record says.
func ReplayOn(sc *scenario.Scenario, rec Record) (*Match, error) {
	return ReplayWatched(sc, rec, nil)
}

// ErrNotItsScenario is wrapped by the error of a replay whose scenario file
// is not the text the game was played on.
var ErrNotItsScenario = errors.New("the scenario file is not the one the game was played on")

// loadScenario loads a record's scenario. A bundled one is read from the
// game; a file only if its name ends in .toml and, when the record has the
// text's hash, its text is the one played on: a record alone cannot make
// the game read, or quote in an error, a file that is not its scenario.
func loadScenario(rec Record) (*scenario.Scenario, error) {
	if scenario.IsFile(rec.Scenario) && !scenario.IsTOML(rec.Scenario) {
		return nil, fmt.Errorf("%w: it names %s as its scenario, which is not a .toml file", ErrNotItsScenario, rec.Scenario)
	}
	file, src, err := scenario.Read(rec.Scenario)
	if err != nil {
		return nil, err
	}
	if rec.ScenarioHash != "" && scenario.TextHash(src) != rec.ScenarioHash {
		if !scenario.IsFile(rec.Scenario) {
			return nil, fmt.Errorf("%w: this version of ili has another text of %s than the one the game was played on", ErrNotItsScenario, rec.Scenario)
		}
		return nil, fmt.Errorf("%w: %s has changed since the game was played, or is another file", ErrNotItsScenario, rec.Scenario)
	}
	return scenario.Parse(file, src, scenario.Options{Variants: rec.Variants, Set: rec.Set, From: rec.From})
}

// ReplayWatched is ReplayOn with an observer (nil: none) that sees the
// game's events as they come: what a debrief is made from.
func ReplayWatched(sc *scenario.Scenario, rec Record, see Observer) (*Match, error) {
	m, evs, err := New(sc, rec.Config)
	if err != nil {
		return nil, err
	}
	m.see = see
	if see != nil {
		see(m, evs)
	}
	if err := m.checkHash(rec); err != nil {
		return nil, err
	}
	refused, err := refusedAt(rec)
	if err != nil {
		return nil, err
	}
	// The commands of the phase under way at the end are asked of its AI
	// again, so that the AI stands where it stood; the rest are applied.
	tail := len(rec.Commands)
	for tail > 0 && rec.Commands[tail-1].Kind != rules.CmdEnd {
		tail--
	}
	inStep := true // the AI has given the recorded commands so far
	for i, c := range rec.Commands {
		if i >= tail && inStep && !m.PersonToMove() {
			inStep = m.aiGives(c)
		}
		if err := m.replayOne(rec, i, refused[i]); err != nil {
			return nil, err
		}
	}
	if rec.Final == "" {
		return nil, &ReplayError{Turn: m.state.Turn, Command: len(rec.Commands), Err: fmt.Errorf("%w: it has no state hash after its last command", ErrIncomplete)}
	}
	if rec.Final != m.state.Hash() {
		return nil, &ReplayError{Turn: m.state.Turn, Command: len(rec.Commands), Err: ErrDiverged}
	}
	m.see = nil // the game plays on unobserved
	return m, nil
}

// refusedAt indexes the refused commands a record names, each of which
// must be one of its commands, named once.
func refusedAt(rec Record) (map[int]bool, error) {
	at := map[int]bool{}
	for _, r := range rec.Refused {
		if r.At < 0 || r.At >= len(rec.Commands) || at[r.At] {
			return nil, &ReplayError{Turn: r.Turn, Err: fmt.Errorf("%w: it names a refused command %d, which it has not or names twice", ErrIncomplete, r.At+1)}
		}
		at[r.At] = true
	}
	return at, nil
}

// aiGives asks the AI of the side to move for its command, which brings
// the AI a step on, and reports whether it is c.
func (m *Match) aiGives(c rules.Command) bool {
	return sameCommand(m.ais[m.state.Phase].Next(m.state.For(m.state.ActiveSide())), c)
}

func sameCommand(a, b rules.Command) bool {
	return a.Kind == b.Kind && a.Side == b.Side && a.Unit == b.Unit && a.To == b.To &&
		slices.Equal(a.Units, b.Units) && a.Target == b.Target && a.Advance == b.Advance && a.Leave == b.Leave
}

// replayOne applies command i of rec, which must be refused exactly when
// the record says it was, and checks the hash when a turn begins.
func (m *Match) replayOne(rec Record, i int, wasRefused bool) error {
	c := rec.Commands[i]
	turn := m.state.Turn
	evs, err := m.apply(c)
	if err == nil && m.see != nil {
		m.see(m, evs)
	}
	switch {
	case err != nil && !wasRefused:
		return &ReplayError{Turn: turn, Command: i + 1, Err: fmt.Errorf("%s is refused: %w", describe(c), err)}
	case err == nil && wasRefused:
		return &ReplayError{Turn: turn, Command: i + 1, Err: fmt.Errorf("%s was refused in the game and is carried out now: %w", describe(c), ErrDiverged)}
	case err != nil:
		m.refuse(c, err)
	}
	if m.state.Turn != turn {
		return m.checkHash(rec)
	}
	return nil
}

// describe names a command for a message: "the move command of insurgents".
func describe(c rules.Command) string {
	kind, side := string(c.Kind), c.Side
	if kind == "" {
		kind = "command of no kind"
	}
	if side == "" {
		return "a " + kind + " for no side"
	}
	return fmt.Sprintf("the %s command of %s", kind, side)
}

// checkHash compares the hash at the start of the turn with the record's,
// which must have one.
func (m *Match) checkHash(rec Record) error {
	if m.state.Phase != 0 {
		return nil
	}
	want, ok := rec.Hashes[fmt.Sprint(m.state.Turn)]
	switch {
	case !ok:
		return &ReplayError{Turn: m.state.Turn, Err: fmt.Errorf("%w: it has no state hash for the start of this turn", ErrIncomplete)}
	case want != m.state.Hash():
		return &ReplayError{Turn: m.state.Turn, Err: ErrDiverged}
	}
	return nil
}
