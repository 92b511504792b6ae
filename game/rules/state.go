// Package rules is the simulation of ili: the state of a game, the commands
// that players and the AI give, and the events those commands produce. It has
// no display, no files and no clock; one seeded generator in the State makes
// every random choice, so a scenario, a seed and a list of commands always
// give the same game.
package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"ili/game/hex"
)

// Side is one party to the fight.
type Side struct {
	ID       string
	Name     string
	Briefing string
	// SupplyReachHours is how many hours of foot march a supply line may run
	// from a source to a unit.
	SupplyReachHours int
	// SurpriseTurn is the last turn on which the side attacks with surprise,
	// at SurpriseLevel (0 = none).
	SurpriseTurn  int
	SurpriseLevel int
}

// Place is a named location: a town, a pass, an airfield, a border crossing.
type Place struct {
	ID       string
	Name     string
	Hex      hex.Hex
	Lat, Lon float64
	VP       int
	Owner    string // side ID, or "" for nobody
	// Supply marks a source of supply for its owner (a depot, a city, a border crossing).
	Supply bool
	// ObserveKm is how far the holder sees from it (0: the adjacent hexes).
	ObserveKm float64
	// ExitFor is a side whose units may leave the map here (a withdrawal
	// route's end); each 1,000 men who leave earn that side ExitVP points.
	ExitFor string
	ExitVP  int
}

// Narrative is a dated or triggered story event of a scenario.
type Narrative struct {
	ID     string
	Title  string
	Text   string
	Source string
	// Turn fires the event at the start of that turn (0: not by date).
	Turn int
	// CapturedPlace and CapturedBy fire it when that place falls (to that side, if set).
	CapturedPlace string
	CapturedBy    string
	// MoraleSide and Morale change the morale of that side's units when it fires.
	MoraleSide string
	Morale     int
}

// SuddenDeath ends the game at once when Side holds every place in Hold at
// the end of a turn from FromTurn on.
type SuddenDeath struct {
	Side     string
	Hold     []string
	FromTurn int
}

// Victory holds a scenario's victory conditions.
type Victory struct {
	SuddenDeath []SuddenDeath
	// CasualtyVP is victory points per 1,000 enemy men lost (killed, wounded,
	// missing or captured).
	CasualtyVP int
}

// PlanStep is one step of a side's historical plan: a place the side was
// trying to reach, take or hold between two turns, and how much it mattered.
// The AI follows its side's plan unless the situation makes it impossible.
type PlanStep struct {
	Side      string
	Place     string
	FromTurn  int
	UntilTurn int // 0: to the end
	Value     int
}

// Weather is a spell of weather from a turn on.
type Weather struct {
	FromTurn int
	Kind     WeatherKind
}

// Setup is what a game starts from and never changes: shared, read-only, by
// every copy of a State.
type Setup struct {
	Scenario  string
	Title     string
	Start     time.Time // the start of turn 1
	TurnHours int
	Turns     int
	// FirstTurn is the turn a game begins at (0 or 1: the first), for a
	// game taken up from the record at a later date.
	FirstTurn int
	HexM      int // hex size, centre to centre, in metres
	Fog       bool
	Map       *Map
	Sides     []Side
	Weather   []Weather
	Narrative []Narrative
	Victory   Victory
	Plans     []PlanStep
	// Orders are the scenario's standing orders for the AI; AirSupplies its
	// supply sources by air (orders.go).
	Orders      []Order
	AirSupplies []AirSupply
	// SupplyMode is how supply travels from a source to a unit (usually foot
	// and pack animals, with carts on roads).
	SupplyMode *Mode
	// unitIndex maps unit IDs to their position in State.Units.
	unitIndex map[string]int
	placeIdx  map[string]int
}

// State is a game in progress. Copy it with Clone.
type State struct {
	*Setup
	Units  []Unit  // sorted by ID
	Places []Place // in scenario order
	Fired  []bool  // per Narrative
	Turn   int     // 1-based
	Phase  int     // index of the side to move in Sides
	Over   bool
	Winner string // "" for a draw or while the game goes on
	Reason string
	pcg    rand.PCG
	rng    *rand.Rand
	// caches keeps, per side index, what is worked out from the state
	// under keys of what it depends on (cache.go); the scratch slices are
	// the keys being built.
	caches         []sideCache
	scratchKey     []int32
	scratchStarts  []int32
	scratchBlocked []bool
	scratchFriend  []bool
	scratchList    []int32
	scratchAdded   []int32
	scratchRemoved []int32
	scratchAtt     []*Unit // combatSetup's
	scratchDef     []*Unit
	scratchSeen    map[string]bool // move's
	tables         []stateTable    // step tables used last (cache.go)
}

// New builds the initial state of a game. The units are sorted by ID; their
// IDs must be unique. Call Begin before the first command.
func New(setup *Setup, units []Unit, places []Place, seed uint64) (*State, error) {
	own := *setup // each game indexes its own units; the shared parts stay shared
	s := &State{Setup: &own, Units: slices.Clone(units), Places: slices.Clone(places)}
	slices.SortFunc(s.Units, func(a, b Unit) int { return strings.Compare(a.ID, b.ID) })
	own.unitIndex = make(map[string]int, len(s.Units))
	for i, u := range s.Units {
		if _, dup := own.unitIndex[u.ID]; dup {
			return nil, fmt.Errorf("two units have the ID %q", u.ID)
		}
		if u.Type == nil {
			return nil, fmt.Errorf("unit %q has no type", u.ID)
		}
		own.unitIndex[u.ID] = i
	}
	own.placeIdx = make(map[string]int, len(s.Places))
	for i, p := range s.Places {
		own.placeIdx[p.ID] = i
	}
	s.Fired = make([]bool, len(setup.Narrative))
	s.pcg = *rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	s.rng = rand.New(&s.pcg)
	return s, nil
}

// Clone returns an independent copy of s that shares the read-only Setup.
func (s *State) Clone() *State {
	c := &State{
		Setup:  s.Setup,
		Units:  slices.Clone(s.Units),
		Places: slices.Clone(s.Places),
		Fired:  slices.Clone(s.Fired),
		Turn:   s.Turn, Phase: s.Phase,
		Over: s.Over, Winner: s.Winner, Reason: s.Reason,
		pcg: s.pcg,
	}
	c.rng = rand.New(&c.pcg)
	return c
}

// Unit returns the unit with the given ID, or nil.
func (s *State) Unit(id string) *Unit {
	i, ok := s.unitIndex[id]
	if !ok {
		return nil
	}
	return &s.Units[i]
}

// Place returns the place with the given ID, or nil.
func (s *State) Place(id string) *Place {
	i, ok := s.placeIdx[id]
	if !ok {
		return nil
	}
	return &s.Places[i]
}

// SideIndex returns the index of a side ID in Sides, or -1.
func (s *Setup) SideIndex(id string) int {
	for i, sd := range s.Sides {
		if sd.ID == id {
			return i
		}
	}
	return -1
}

// ActiveSide returns the ID of the side whose phase it is.
func (s *State) ActiveSide() string { return s.Sides[s.Phase].ID }

// TurnTime returns the date and time at which turn t begins.
func (s *Setup) TurnTime(t int) time.Time {
	return s.Start.Add(time.Duration((t-1)*s.TurnHours) * time.Hour)
}

// TurnOf returns the turn during which the moment d falls (1 for anything
// before the start).
func (s *Setup) TurnOf(d time.Time) int {
	if !d.After(s.Start) {
		return 1
	}
	return int(d.Sub(s.Start)/(time.Duration(s.TurnHours)*time.Hour)) + 1
}

// WeatherAt returns the weather on turn t.
func (s *Setup) WeatherAt(t int) WeatherKind {
	w := Clear
	for _, x := range s.Weather {
		if x.FromTurn <= t {
			w = x.Kind
		}
	}
	return w
}

// UnitsAt returns the active units in h, sorted by ID.
func (s *State) UnitsAt(h hex.Hex) []*Unit {
	var out []*Unit
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.Hex == h {
			out = append(out, u)
		}
	}
	return out
}

// occupant returns the side holding h with active units, or "".
func (s *State) occupant(h hex.Hex) string {
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.Hex == h {
			return u.Side
		}
	}
	return ""
}

// PlaceAt returns the place in h, or nil.
func (s *State) PlaceAt(h hex.Hex) *Place {
	for i := range s.Places {
		if s.Places[i].Hex == h {
			return &s.Places[i]
		}
	}
	return nil
}

// Hostile reports whether two side IDs are enemies (every other side is).
func Hostile(a, b string) bool { return a != "" && b != "" && a != b }
