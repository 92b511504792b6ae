package files

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Stdout is the name that means standard output to Create and Write.
const Stdout = "-"

// Writer is a file being written. Nothing reaches the named file until
// Commit; Abort, or a crash, leaves the file as it was.
type Writer struct {
	f      *os.File
	buf    *bufio.Writer
	name   string      // the name given, for errors
	target string      // the file the temporary file replaces ("" when written in place)
	mode   fs.FileMode // the mode the file ends with
	old    fs.FileInfo // the file replaced, nil for a new one
	direct bool        // writing straight to standard output, a device or a FIFO
	stream bool        // one of the process's own open files, never closed here
	err    error       // the first write error
}

// Write writes data to the file and the file becomes data: a regular file is
// replaced atomically, standard output ("-"), a device or a FIFO is written
// to. Whatever fails, the named file is never left half-written.
func Write(name string, data []byte) error {
	w, err := Create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

// Create starts writing name. A new or regular file (or a link to one) is
// written to a temporary file beside it, which Commit renames over it with
// the old file's mode (a new one's is 0666 less the umask); a link stays a
// link. Standard output ("-", /dev/stdout), standard error and the
// process's open files (/dev/fd/N) are written to as they are open, and a
// character device or a FIFO is written to directly. A read-only file, a
// link another user made in a shared folder, a folder, a disk device or a
// socket is refused with a sentence.
func Create(name string) (*Writer, error) {
	if f, err := stream(name); f != nil || err != nil {
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", name, pathless(err))
		}
		own := f != os.Stdout && f != os.Stderr // a duplicate of the descriptor, closed when done
		return &Writer{f: f, buf: bufio.NewWriter(f), name: name, direct: true, stream: !own}, nil
	}
	if err := foreignLink(name); err != nil {
		return nil, err
	}
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return replace(name, name, nil)
	case err != nil:
		return nil, fmt.Errorf("cannot write %s: %w", name, err)
	case info.Mode().IsRegular():
		if !writable(name) {
			return nil, fmt.Errorf("cannot write %s: it is read-only; make it writable or choose another name", name)
		}
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", name, err)
		}
		return replace(name, target, info)
	case info.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0:
		return direct(name)
	}
	return nil, fmt.Errorf("cannot write %s: it is %s; give the name of a file", name, kind(info.Mode()))
}

// stream returns the process's own open file that name means, or nil: the
// standard output or error as they are, any other open descriptor as a
// duplicate of it (an *os.File made from the descriptor itself would close
// it when collected).
func stream(name string) (*os.File, error) {
	switch name {
	case Stdout, "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return os.Stdout, nil
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return os.Stderr, nil
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if rest, ok := strings.CutPrefix(name, dir); ok {
			if fd, err := strconv.Atoi(rest); err == nil && fd >= 0 {
				return dup(fd, name)
			}
		}
	}
	return nil, nil
}

// replace starts a temporary file beside target that Commit renames over it.
func replace(name, target string, old fs.FileInfo) (*Writer, error) {
	dir := filepath.Dir(target)
	clean(dir)
	f, err := os.CreateTemp(dir, tempPattern())
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", name, pathless(err))
	}
	w := &Writer{f: f, buf: bufio.NewWriterSize(f, 64<<10), name: name, target: target, mode: newMode, old: old}
	if old != nil {
		w.mode = old.Mode().Perm()
	}
	return w, nil
}

// direct opens a device or a FIFO to write to it in place. A FIFO with no
// reader is refused rather than waited on.
func direct(name string) (*Writer, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|openFlags, 0)
	if err != nil {
		if noReader(err) {
			return nil, fmt.Errorf("cannot write %s: it is a FIFO and no program is reading it; start the reader first", name)
		}
		return nil, fmt.Errorf("cannot write %s: %w", name, pathless(err))
	}
	return &Writer{f: f, buf: bufio.NewWriter(f), name: name, direct: true}, nil
}

// Write writes p to the file; after an error it writes nothing and Commit
// returns that error.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.buf.Write(p)
	if err != nil {
		w.err = fmt.Errorf("cannot write %s: %w", w.name, pathless(err))
	}
	return n, w.err
}

// Commit finishes the file: it flushes and syncs what was written and, for a
// regular file, renames it over the old one. On any error the named file is
// as it was before Create and the error says so.
func (w *Writer) Commit() error {
	if w.err == nil {
		if err := w.buf.Flush(); err != nil {
			w.err = fmt.Errorf("cannot write %s: %w", w.name, pathless(err))
		}
	}
	if w.direct {
		return w.finishDirect()
	}
	if w.err != nil {
		w.Abort()
		return w.err
	}
	if err := w.finishTemp(); err != nil {
		os.Remove(w.f.Name())
		return fmt.Errorf("cannot write %s: %w", w.name, pathless(err))
	}
	syncDir(filepath.Dir(w.target))
	return nil
}

func (w *Writer) finishDirect() error {
	if !w.stream {
		if err := w.f.Close(); err != nil && w.err == nil {
			w.err = fmt.Errorf("cannot write %s: %w", w.name, pathless(err))
		}
	}
	return w.err
}

func (w *Writer) finishTemp() error {
	if err := w.f.Sync(); err != nil {
		w.f.Close()
		return err
	}
	if err := w.f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(w.f.Name(), w.mode); err != nil {
		return err
	}
	keepOwner(w.f.Name(), w.old)
	return os.Rename(w.f.Name(), w.target)
}

// Abort drops what was written: the named file stays as it was.
func (w *Writer) Abort() {
	if w.direct {
		if !w.stream {
			w.f.Close()
		}
		return
	}
	w.f.Close()
	os.Remove(w.f.Name())
}

// pathless drops the temporary file's name from an error, which means
// nothing to the person who named the target.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
