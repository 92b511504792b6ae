// Package save keeps games: a match's record (its setup, seed, seats and
// commands, with the state hash at every turn) in a JSON file that replays
// to the same game, written through the files package so that it is never
// left half-written.
package save

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"ili/game/files"
	"ili/game/match"
	"ili/game/scenario"
)

// Format names the layout of a saved game; Read also takes the layout
// before it, formatV1.
const Format = "ili-save/2"

const formatV1 = "ili-save/1"

// Game is a saved game: the record of a match (the scenario, its variants,
// overrides and seed, who sits at each side, and every command given, with
// the state hash at the start of each turn), and a few lines for the list
// of saved games. Replaying the record rebuilds the game exactly.
type Game struct {
	Format string `json:"format"`
	match.Record
	// What a list of saved games shows; replaying does not read them.
	Title  string        `json:"title,omitempty"` // the scenario's title
	Turn   int           `json:"turn,omitempty"`  // the turn being played
	Saved  time.Time     `json:"saved,omitzero"`
	Result *match.Result `json:"result,omitempty"` // a finished game's result
}

// FromMatch is the saved game of a match as it stands.
func FromMatch(m *match.Match) *Game {
	g := &Game{Format: Format, Record: m.Record(), Title: m.Scenario().Title, Turn: m.Turn(),
		Saved: time.Now().UTC().Truncate(time.Second)}
	if m.Over() {
		r := m.Result()
		g.Result = &r
	}
	return g
}

// People returns the sides that people play.
func (g *Game) People() []string {
	var out []string
	for _, st := range g.Seats {
		if st.Person() {
			out = append(out, st.Side)
		}
	}
	return out
}

// Entry is one saved game in a folder.
type Entry struct {
	Path string
	Game *Game // nil when the file cannot be read as a saved game
	Err  error
	Time time.Time // when the file was written
}

// List returns the saved games in dir, newest first. A missing folder is
// an empty list; files that are not saved games are listed with the error.
func List(dir string) ([]Entry, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, name := range names {
		e := Entry{Path: name}
		if fi, err := os.Stat(name); err == nil {
			e.Time = fi.ModTime()
		}
		e.Game, e.Err = Read(name)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// Write saves the game to name atomically.
func (g *Game) Write(name string) error {
	g.Format = Format
	data, err := json.MarshalIndent(g, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("cannot make the folder for %s: %w", name, err)
	}
	return files.Write(name, data)
}

// Read loads a saved game.
func Read(name string) (*Game, error) {
	data, err := files.Read(name, files.MaxText)
	if err != nil {
		return nil, fmt.Errorf("cannot load the saved game: %w", err)
	}
	var g Game
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s is not a saved game: %w", name, err)
	}
	switch g.Format {
	case "":
		return nil, fmt.Errorf("%s is not a saved game: it has no format line", name)
	case Format:
	case formatV1:
		if err := g.fromV1(data); err != nil {
			return nil, fmt.Errorf("%s is not a saved game: %w", name, err)
		}
	default:
		return nil, fmt.Errorf("%s was saved by another version (%q); it cannot be loaded", name, g.Format)
	}
	if g.Hashes == nil {
		g.Hashes = map[string]string{}
	}
	return &g, nil
}

// fromV1 reads the seats of the first layout: the person's side, the AI's
// level for the others, or two people at one screen.
func (g *Game) fromV1(data []byte) error {
	var v1 struct {
		Side     string `json:"side"`
		Opponent string `json:"opponent"`
		Hotseat  bool   `json:"hotseat"`
	}
	if err := json.Unmarshal(data, &v1); err != nil {
		return err
	}
	sc, err := scenario.Load(g.Scenario, scenario.Options{Variants: g.Variants})
	if err != nil {
		return err
	}
	g.Seats = nil
	for i, sd := range sc.Setup.Sides {
		st := match.Seat{Side: sd.ID, AI: v1.Opponent}
		if v1.Hotseat || sd.ID == v1.Side || (v1.Side == "" && i == 0) {
			st.AI = ""
		}
		g.Seats = append(g.Seats, st)
	}
	g.Format = Format
	return nil
}

// Replay rebuilds the saved game by replaying its commands, checking the
// state hash at the start of every turn against the one saved, the state
// after the last command, and the result the file states, if it states one.
func (g *Game) Replay() (*match.Match, error) {
	m, err := match.Replay(g.Record)
	if err != nil {
		return nil, err
	}
	if g.Result != nil {
		r := m.Result()
		if !m.Over() || r.Winner != g.Result.Winner || r.Turns != g.Result.Turns || r.Commands != g.Result.Commands {
			return nil, fmt.Errorf("turn %d: the result the file states is not the replayed game's: %w", r.Turns, match.ErrDiverged)
		}
	}
	return m, nil
}

// Dir returns the folder for saved games in the user's config directory.
func Dir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("there is no config folder to keep saved games in: %w", err)
	}
	return filepath.Join(base, "ili", "saves"), nil
}
