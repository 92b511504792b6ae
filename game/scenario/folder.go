package scenario

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"ili/game/files"
)

// UserDir is the folder of the player's own scenarios: ili/scenarios in
// the user's config folder (os.UserConfigDir), beside the settings and the
// saved games. The game lists the .toml files in it as it lists the
// bundled scenarios.
func UserDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("there is no config folder to keep your scenarios in: %w", err)
	}
	return filepath.Join(base, "ili", "scenarios"), nil
}

// Listed is a scenario file found in a folder: loaded, or with the
// reason it does not load.
type Listed struct {
	Path     string
	Scenario *Scenario // nil when the file does not load
	Err      error     // why it does not load
}

// Problem is why the file does not load, in one sentence: its first
// mistake (file:line:col: what is wrong), and how many more there are;
// "" for a file that loads.
func (l Listed) Problem() string {
	if l.Err == nil {
		return ""
	}
	var errs Errors
	if !errors.As(l.Err, &errs) || len(errs) == 0 {
		return l.Err.Error()
	}
	var mistakes []Error
	for _, e := range errs {
		if !e.Warning {
			mistakes = append(mistakes, e)
		}
	}
	if len(mistakes) == 0 {
		mistakes = errs
	}
	e := mistakes[0]
	e.File = filepath.Base(e.File)
	s := strings.TrimSuffix(e.Error(), ".")
	switch n := len(mistakes) - 1; n {
	case 0:
		return s + "."
	case 1:
		return s + " (and 1 more mistake: 'ili validate " + l.Path + "' lists both)."
	default:
		return fmt.Sprintf("%s (and %d more mistakes: 'ili validate %s' lists them all).", s, n, l.Path)
	}
}

// Title is what a list of scenarios calls the file: its scenario's title,
// or its file name when it does not load.
func (l Listed) Title() string {
	if l.Scenario != nil {
		return l.Scenario.Title
	}
	return filepath.Base(l.Path)
}

// Folder lists the scenario files in dir (its .toml files, not those in
// folders below it), by file name, each loaded as the game would load it;
// a file skip reports true of (a lesson) is left out. A folder that does not
// exist lists nothing; one that cannot be read is an error.
func Folder(dir string, skip func(src []byte) bool) ([]Listed, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the scenarios folder %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && IsTOML(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var out []Listed
	for _, name := range names {
		path := filepath.Join(dir, name)
		src, err := files.Read(path, MaxSize)
		if err != nil {
			out = append(out, Listed{Path: path, Err: err})
			continue
		}
		if skip != nil && skip(src) {
			continue
		}
		sc, err := Parse(path, src, Options{})
		if err != nil {
			sc = nil
		}
		out = append(out, Listed{Path: path, Scenario: sc, Err: err})
	}
	return out, nil
}
