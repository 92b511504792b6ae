// Package save keeps games: a match's record (its setup, seed, seats and
// commands, with the state hash at every turn) in a JSON file that replays
// to the same game, written through the files package so that it is never
// left half-written.
package save

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"ili/game/files"
	"ili/game/match"
	"ili/game/scenario"
)

// Format names the layout of a saved game. Read refuses the layout before
// it, formatV1, which had no hash after the last command.
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
	// Lesson is the lesson the game was played in, with the student's
	// answers to its questions; nil for a game outside a lesson.
	Lesson *Lesson `json:"lesson,omitempty"`
}

// Lesson is what a saved game keeps of the lesson it was played in: which
// lesson, who played, and the answers.
type Lesson struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Student string   `json:"student,omitempty"`
	Answers []Answer `json:"answers,omitempty"`
}

// Answer is a student's answer to one of a lesson's questions, with the
// question as it was asked.
type Answer struct {
	Question string `json:"question"` // the question's id in the lesson
	Asked    string `json:"asked"`    // its text
	Text     string `json:"text"`
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

// MaxListed is how many saved games List reads, the newest first; older
// ones are listed unread.
const MaxListed = 500

// List returns the saved games in dir, newest first. A missing folder is
// an empty list; files that are not saved games are listed with the error.
// Its games hold what a list shows, not their commands: open one with
// Read. Only the newest MaxListed are read, one at a time, so a folder of
// many large files costs the time to read them but not the memory.
func List(dir string) ([]Entry, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(names))
	for i, name := range names {
		out[i].Path = name
		if fi, err := os.Stat(name); err == nil {
			out[i].Time = fi.ModTime()
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	for i := range out {
		if i >= MaxListed {
			out[i].Err = fmt.Errorf("not read: only the newest %d saved games are listed", MaxListed)
			continue
		}
		if out[i].Game, out[i].Err = Read(out[i].Path); out[i].Game != nil {
			out[i].Game.Commands, out[i].Game.Refused, out[i].Game.Hashes = nil, nil, nil
		}
	}
	return out, nil
}

// ListStore is List for the saved games in the folder dir of a store (the
// browser's storage, or a folder of the disk): each Entry's Path is its
// name in the store.
func ListStore(st files.Store, dir string) ([]Entry, error) {
	stored, err := st.List(dir)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, s := range stored {
		if !strings.HasSuffix(s.Name, ".json") {
			continue
		}
		e := Entry{Path: s.Name, Time: s.Time}
		if len(out) >= MaxListed {
			e.Err = fmt.Errorf("not read: only the newest %d saved games are listed", MaxListed)
		} else if e.Game, e.Err = ReadStore(st, s.Name); e.Game != nil {
			e.Game.Commands, e.Game.Refused, e.Game.Hashes = nil, nil, nil
		}
		out = append(out, e)
	}
	return out, nil
}

// Encode is the saved game's file: the same bytes Write writes.
func (g *Game) Encode() ([]byte, error) {
	g.Format = Format
	return json.MarshalIndent(g, "", " ")
}

// Write saves the game to name atomically.
func (g *Game) Write(name string) error {
	data, err := g.Encode()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("cannot make the folder for %s: %w", name, err)
	}
	return files.Write(name, data)
}

// Store saves the game under name in a store.
func (g *Game) Store(st files.Store, name string) error {
	data, err := g.Encode()
	if err != nil {
		return err
	}
	return st.Write(name, data)
}

// Read loads a saved game. It reads only a regular file of at most
// files.MaxText bytes, and its errors never quote the file's content.
func Read(name string) (*Game, error) {
	data, err := files.Read(name, files.MaxText)
	if err != nil {
		return nil, fmt.Errorf("cannot load the saved game: %w", err)
	}
	return Decode(name, data)
}

// ReadStore loads the saved game name from a store.
func ReadStore(st files.Store, name string) (*Game, error) {
	data, err := st.Read(name)
	if err != nil {
		return nil, fmt.Errorf("cannot load the saved game: %w", err)
	}
	return Decode(name, data)
}

// Decode reads a saved game from the bytes of a file, whose name its
// errors give; they never quote the content.
func Decode(name string, data []byte) (*Game, error) {
	if len(data) > files.MaxText {
		return nil, fmt.Errorf("%s is larger than any saved game of ili; check that it is the right file", name)
	}
	var g Game
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, notSaved(name, data, err)
	}
	switch g.Format {
	case "":
		return nil, fmt.Errorf("%s is not a saved game of ili: it has no format line", name)
	case Format:
	case formatV1:
		return nil, fmt.Errorf("%s was saved by an early version of ili (%s) that did not record the state after its last command, so it cannot be checked and is not loaded", name, formatV1)
	default:
		return nil, fmt.Errorf("%s was saved by another version of ili (its format is not %s); it cannot be loaded", name, Format)
	}
	if err := g.plain(); err != nil {
		return nil, fmt.Errorf("%s is not a saved game of ili: %w", name, err)
	}
	if len(g.Hashes) == 0 || g.Final == "" {
		return nil, fmt.Errorf("%s has no state hashes to check its replay against, so it is not loaded; saves of ili always have them", name)
	}
	return &g, nil
}

// plain checks the names a save gives, which the game prints: none may
// hold a control character (a terminal escape among them), and a scenario
// file must come with its text's hash, so that nothing else is read as it.
func (g *Game) plain() error {
	names := append(append([]string{g.Scenario, g.Title}, g.Variants...), g.Set...)
	for _, st := range g.Seats {
		names = append(names, st.Side, st.AI)
	}
	for _, n := range names {
		if strings.ContainsFunc(n, unicode.IsControl) {
			return errors.New("a name in it holds control characters")
		}
	}
	if scenario.IsFile(g.Scenario) && g.ScenarioHash == "" {
		return errors.New("it names a scenario file without the hash of its text, so the file is not read")
	}
	return nil
}

// notSaved says why data is not a saved game: where its JSON breaks, or
// which field has the wrong type, without quoting what the file holds.
func notSaved(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := files.LineCol(data, int(syn.Offset)-1) // the offset is after the byte that broke it
		return fmt.Errorf("%s:%d:%d: this is not a saved game of ili: its JSON breaks off here", name, line, col)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		line, col := files.LineCol(data, int(typ.Offset))
		return fmt.Errorf("%s:%d:%d: this is not a saved game of ili: %s should be %s, not %s", name, line, col, typ.Field, typ.Type, strings.Fields(typ.Value + " value")[0])
	}
	return fmt.Errorf("%s is not a saved game of ili: its JSON does not read", name)
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
