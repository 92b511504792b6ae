// Package match is one game of ili from its first turn to its end: the
// state, who sits at each side (a person or an AI), the record that replays
// it, undo and the result. Every front end plays through a Match: the
// window, the batches, the saves and their replays. A front end gives
// commands and reads views, queries and events; it never holds the state.
package match

import (
	"errors"
	"fmt"
	"slices"

	"ili/game/ai"
	"ili/game/rules"
	"ili/game/scenario"
)

// Seat is who plays a side: a person, or the AI at a level.
type Seat struct {
	Side string `json:"side"`
	AI   string `json:"ai,omitempty"`   // an AI level (see ai.Levels); "" for a person
	Plan bool   `json:"plan,omitempty"` // the AI follows the scenario's historical plan
}

// Person reports whether a person plays the seat.
func (s Seat) Person() bool { return s.AI == "" }

// Config is what a match is made from: the scenario as it was asked for
// (a bundled ID or a file's path) with its variants and --set overrides,
// the seed and the seats.
type Config struct {
	Scenario string   `json:"scenario"`
	Variants []string `json:"variants"`
	Set      []string `json:"set,omitempty"`
	// From is the date a game taken up from the record begins at
	// (scenario.Options.From), "" for a game from the start.
	From  string `json:"from,omitempty"`
	Seed  uint64 `json:"seed"`
	Seats []Seat `json:"seats"`
}

// MaxCommands bounds a game: an AI that never ended its phase would
// otherwise play forever. No real game comes near it.
const MaxCommands = 200000

// ErrTooLong is returned when a game reaches MaxCommands.
var ErrTooLong = fmt.Errorf("the game did not end within %d commands", MaxCommands)

// ErrNotYours is returned for a person's command on a side an AI plays or
// out of the side's phase.
var ErrNotYours = errors.New("it is not that side's turn to give orders")

// Match is one game in progress.
type Match struct {
	sc    *scenario.Scenario
	state *rules.State
	rec   Record
	seats []Seat       // by side index
	ais   []*ai.Player // by side index; nil where a person sits
	// start is every unit as the game began, for the losses.
	start    []rules.Unit
	captures []Capture
	// undo holds the game before each of a person's moves since something
	// was last learnt.
	undo []undoPoint
	// see is the observer of a replay, or nil.
	see Observer
}

// undoPoint is the game before a move: a move that is taken back captured
// nothing (a capture closes undo), so the captures stand as they are.
type undoPoint struct {
	state    *rules.State
	commands int
}

// Load loads cfg's scenario and begins the match, as New does.
func Load(cfg Config) (*Match, []rules.Event, error) {
	sc, err := scenario.Load(cfg.Scenario, scenario.Options{Variants: cfg.Variants, Set: cfg.Set, From: cfg.From})
	if err != nil {
		return nil, nil, err
	}
	return New(sc, cfg)
}

// New begins a match of sc, which must be loaded as cfg says (the record
// keeps cfg to load it again), and returns it with the events of the
// opening: the first turn, its stories, the first phase. A side cfg gives
// no seat is played by the AI at normal level.
func New(sc *scenario.Scenario, cfg Config) (*Match, []rules.Event, error) {
	s, err := sc.NewState(cfg.Seed)
	if err != nil {
		return nil, nil, err
	}
	m := &Match{sc: sc, state: s, start: slices.Clone(s.Units)}
	m.rec = Record{Config: cfg, ScenarioHash: sc.TextHash, Hashes: map[string]string{}}
	m.rec.Scenario = scenario.Canonical(cfg.Scenario)
	m.rec.Variants = nonNil(cfg.Variants)
	m.rec.From = sc.TakenFrom() // the scenario says where it was taken up
	if err := m.seat(cfg.Seats); err != nil {
		return nil, nil, err
	}
	evs := s.Begin()
	m.noteCaptures(evs)
	m.rec.Hashes[fmt.Sprint(s.Turn)] = s.Hash()
	return m, evs, nil
}

// seat gives every side its seat and the AI players their seeds.
func (m *Match) seat(given []Seat) error {
	sides := m.state.Sides
	m.seats = make([]Seat, len(sides))
	m.ais = make([]*ai.Player, len(sides))
	bySide := map[string]Seat{}
	for _, st := range given {
		if m.state.SideIndex(st.Side) < 0 {
			return fmt.Errorf("%s has no side %q", m.sc.ID, st.Side)
		}
		if _, twice := bySide[st.Side]; twice {
			return fmt.Errorf("the side %s is given two seats", st.Side)
		}
		bySide[st.Side] = st
	}
	for i, sd := range sides {
		st, ok := bySide[sd.ID]
		if !ok {
			st = Seat{Side: sd.ID, AI: ai.Normal.String()}
		}
		m.seats[i] = st
		if st.Person() {
			continue
		}
		level, err := ai.ParseLevel(st.AI)
		if err != nil {
			return err
		}
		m.ais[i] = ai.New(sd.ID, level, AISeed(m.rec.Seed, i))
		m.ais[i].FollowPlan = st.Plan
	}
	m.rec.Seats = slices.Clone(m.seats)
	return nil
}

// AISeed is the one rule for the seed of the AI at side index i in a game
// of the given seed: the same in the window, the batches and the replays.
func AISeed(seed uint64, i int) uint64 { return seed*1000003 + uint64(i) }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Scenario returns the scenario being played (read only).
func (m *Match) Scenario() *scenario.Scenario { return m.sc }

// Seats returns who plays each side, in the scenario's order of sides.
func (m *Match) Seats() []Seat { return slices.Clone(m.seats) }

// SeatOf returns who plays side.
func (m *Match) SeatOf(side string) Seat {
	if i := m.state.SideIndex(side); i >= 0 {
		return m.seats[i]
	}
	return Seat{Side: side}
}

// ToMove returns the side whose phase it is.
func (m *Match) ToMove() string { return m.state.ActiveSide() }

// PersonToMove reports whether a person gives the next command.
func (m *Match) PersonToMove() bool {
	return !m.state.Over && m.seats[m.state.Phase].Person()
}

// Turn returns the turn being played.
func (m *Match) Turn() int { return m.state.Turn }

// Over reports whether the game has ended.
func (m *Match) Over() bool { return m.state.Over }

// View returns side's view of the game.
func (m *Match) View(side string) *rules.View { return m.state.View(side) }

// Query returns what side may ask of the game.
func (m *Match) Query(side string) *rules.Query { return m.state.For(side) }

// Truth is the game as it is, whatever any side can see: every unit, and
// the whole map in sight.
func (m *Match) Truth() *rules.View {
	v := m.state.View(m.state.Sides[0].ID)
	v.Units = slices.Clone(m.state.Units)
	v.Visible = make([]bool, len(v.Visible)) // the view's own is the state's, shared
	for i := range v.Visible {
		v.Visible[i] = true
	}
	return v
}

// Known returns the events of evs that side may know of.
func (m *Match) Known(side string, evs []rules.Event) []rules.Event { return m.state.Known(side, evs) }

// VP returns each side's victory points now.
func (m *Match) VP() map[string]int { return m.state.VP() }

// Hash returns the fingerprint of the game as it stands.
func (m *Match) Hash() string { return m.state.Hash() }

// Seed returns the game's seed.
func (m *Match) Seed() uint64 { return m.rec.Seed }

// Commands returns how many commands have been given.
func (m *Match) Commands() int { return len(m.rec.Commands) }
