package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Store is where the game keeps its own files: the saved games and the
// settings. On a desktop it is a folder (Folder); in the browser, the
// page's local storage (UserStore there). Names are slash-separated and
// relative: "settings.json", "saves/autosave.json".
type Store interface {
	// Read returns a file's content; a missing file's error wraps
	// fs.ErrNotExist.
	Read(name string) ([]byte, error)
	// Write replaces a file whole or not at all.
	Write(name string, data []byte) error
	// List returns the files in the folder dir, newest first.
	List(dir string) ([]Stored, error)
	// Where says where a file is kept, for the player: its path, or the
	// browser's storage.
	Where(name string) string
}

// Stored is one file of a Store.
type Stored struct {
	Name string    // its name in the store, dir/base
	Time time.Time // when it was written
}

// Folder is a Store of files under a folder of the disk.
type Folder string

// path is a name's path on the disk.
func (f Folder) path(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", fmt.Errorf("%q is not a name in the store", name)
	}
	return filepath.Join(string(f), filepath.FromSlash(name)), nil
}

// Read implements Store, with Read's limit of MaxText.
func (f Folder) Read(name string) ([]byte, error) {
	p, err := f.path(name)
	if err != nil {
		return nil, err
	}
	return Read(p, MaxText)
}

// Write implements Store: the folders are made as needed.
func (f Folder) Write(name string, data []byte) error {
	p, err := f.path(name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("cannot make the folder for %s: %w", p, err)
	}
	return Write(p, data)
}

// List implements Store: the files of the folder, newest first, but its
// folders; a missing folder holds none. What is not a regular file (a FIFO,
// a link to a device) is listed too, for Read to refuse with its reason.
func (f Folder) List(dir string) ([]Stored, error) {
	p, err := f.path(dir)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Stored
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || info.IsDir() {
			continue
		}
		out = append(out, Stored{Name: path.Join(dir, e.Name()), Time: info.ModTime()})
	}
	newestFirst(out)
	return out, nil
}

// Where implements Store: the file's path.
func (f Folder) Where(name string) string {
	p, err := f.path(name)
	if err != nil {
		return name
	}
	return p
}

// newestFirst sorts files newest first, and by name among files of one time.
func newestFirst(s []Stored) {
	sort.SliceStable(s, func(i, j int) bool {
		if !s[i].Time.Equal(s[j].Time) {
			return s[i].Time.After(s[j].Time)
		}
		return s[i].Name < s[j].Name
	})
}
