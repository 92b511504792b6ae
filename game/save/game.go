package save

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"ili/game/rules"
	"ili/game/scenario"
)

// Format names the layout of a saved game.
const Format = "ili-save/1"

// Game is a saved game: the scenario, its variants and seed, who plays what,
// and every command given so far. Replaying the commands rebuilds the game
// exactly; the state hash at the start of each turn proves it.
type Game struct {
	Format   string            `json:"format"`
	Scenario string            `json:"scenario"`
	Variants []string          `json:"variants"`
	Seed     uint64            `json:"seed"`
	Side     string            `json:"side"`
	Opponent string            `json:"opponent"`
	Hotseat  bool              `json:"hotseat"`
	Commands []rules.Command   `json:"commands"`
	Hashes   map[string]string `json:"hashes"` // turn -> state hash at its start
	// What a list of saved games shows; replaying does not read them.
	Title string    `json:"title,omitempty"` // the scenario's title
	Turn  int       `json:"turn,omitempty"`  // the turn being played
	Saved time.Time `json:"saved,omitempty"`
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
	return WriteFile(name, data)
}

// Read loads a saved game.
func Read(name string) (*Game, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the saved game %s: %w", name, err)
	}
	var g Game
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s is not a saved game: %w", name, err)
	}
	if g.Format != Format {
		return nil, fmt.Errorf("%s was saved by another version (%q); it cannot be loaded", name, g.Format)
	}
	return &g, nil
}

// ErrDiverged is returned when a replay does not reproduce the saved hashes.
var ErrDiverged = errors.New("the replay did not reproduce the saved game")

// Replay rebuilds the saved game's state by replaying its commands, checking
// the state hash at the start of every turn against the one saved.
func (g *Game) Replay() (*scenario.Scenario, *rules.State, error) {
	sc, err := scenario.Load(g.Scenario, scenario.Options{Variants: g.Variants})
	if err != nil {
		return nil, nil, err
	}
	s, err := sc.NewState(g.Seed)
	if err != nil {
		return nil, nil, err
	}
	s.Begin()
	check := func() error {
		if want, ok := g.Hashes[fmt.Sprint(s.Turn)]; ok && want != s.Hash() && s.Phase == 0 {
			return fmt.Errorf("turn %d: %w", s.Turn, ErrDiverged)
		}
		return nil
	}
	if err := check(); err != nil {
		return nil, nil, err
	}
	for i, c := range g.Commands {
		turn := s.Turn
		if _, err := s.Apply(c); err != nil {
			return nil, nil, fmt.Errorf("command %d (%s) no longer applies: %w", i+1, c.Kind, err)
		}
		if s.Turn != turn {
			if err := check(); err != nil {
				return nil, nil, err
			}
		}
	}
	return sc, s, nil
}

// Dir returns the folder for saved games in the user's config directory.
func Dir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("there is no config folder to keep saved games in: %w", err)
	}
	return filepath.Join(base, "ili", "saves"), nil
}
