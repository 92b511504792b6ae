// Package files is the one way ili reads and writes files. Read takes only a
// regular file (or a link to one) and only up to a size, so that a device, a
// FIFO or a huge file named by a typo or a download cannot hang the game or
// fill its memory. Create and Write replace a regular file atomically, keeping
// its mode, so that a crash or a full disk never leaves a half-written file,
// and write straight to a device or a FIFO instead of replacing it.
package files

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// Sizes that callers pass to Read.
const (
	MaxText = 4 << 20  // a scenario, a save, a settings file
	MaxData = 64 << 20 // a batch report or a table of engagements
)

// ErrNotRegular is wrapped by Read's error for a name that is not a regular
// file: a folder, a device, a FIFO or a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooBig is wrapped by Read's error for a file over the size it allows.
var ErrTooBig = errors.New("file too big")

// Read returns the content of the regular file name, refusing anything else
// and anything over max bytes with a sentence that names the file. A missing
// file's error wraps fs.ErrNotExist.
func Read(name string, max int64) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read it: %w", name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, sentence{fmt.Sprintf("%s is %s, not a file; give the path of a file", name, kind(info.Mode())), ErrNotRegular}
	}
	if info.Size() > max {
		return nil, tooBig(name, max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read it: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, tooBig(name, max)
	}
	return data, nil
}

func tooBig(name string, max int64) error {
	return sentence{fmt.Sprintf("%s is larger than %s, more than any file of ili holds; check that it is the right file", name, size(max)), ErrTooBig}
}

func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return sentence{name + ": there is no such file", fs.ErrNotExist}
	case errors.Is(err, fs.ErrPermission):
		return sentence{name + ": permission to read it is denied", fs.ErrPermission}
	}
	return fmt.Errorf("%s: cannot open it: %w", name, err)
}

// sentence is an error that reads as one sentence for people and matches
// its kind with errors.Is.
type sentence struct {
	msg  string
	kind error
}

func (s sentence) Error() string { return s.msg }
func (s sentence) Unwrap() error { return s.kind }

// kind names what a non-regular file is, for an error.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a disk device"
	}
	return "not a regular file"
}

// size writes a byte count for people.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// LineCol is where byte offset off of a file's data stands: its line and
// its column in characters, both from 1. An offset past the end stands at
// the end.
func LineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	return line, col
}
