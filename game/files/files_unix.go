//go:build unix

package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// openFlags keeps an open from waiting on a FIFO with no writer (to read) or
// no reader (to write).
const openFlags = syscall.O_NONBLOCK

func noReader(err error) bool { return errors.Is(err, syscall.ENXIO) }

// alive reports whether a process runs with this ID; one we may not signal
// counts as alive.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// keepOwner gives the new file the old one's owner when it can (as root).
func keepOwner(name string, old fs.FileInfo) {
	if old == nil {
		return
	}
	if st, ok := old.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		os.Chown(name, int(st.Uid), int(st.Gid))
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// writable reports whether this process may write the file, as a shell's
// > would: a read-only file is refused even though a rename could replace it.
func writable(name string) bool { return syscall.Access(name, 2) == nil }

// foreignLink refuses a link that another user made in a shared folder (one
// anybody may write to, with the sticky bit), which Linux's
// protected_symlinks refuses to follow: another user's link in /tmp must not
// turn our output onto a file of ours.
func foreignLink(name string) error {
	link, err := os.Lstat(name)
	if err != nil || link.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	dir, err := os.Stat(filepath.Dir(name))
	if err != nil || dir.Mode()&fs.ModeSticky == 0 || dir.Mode().Perm()&0o002 == 0 {
		return nil
	}
	l, ok1 := link.Sys().(*syscall.Stat_t)
	d, ok2 := dir.Sys().(*syscall.Stat_t)
	if ok1 && ok2 && int(l.Uid) != os.Geteuid() && l.Uid != d.Uid {
		return fmt.Errorf("cannot write %s: it is a link another user made in a shared folder; remove it or choose another name", name)
	}
	return nil
}

// newMode is the mode of a new file: 0666 less the umask, as a shell gives.
var newMode = func() fs.FileMode {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return 0o666 &^ fs.FileMode(m)
				}
			}
		}
	}
	old := syscall.Umask(0o022) // no /proc: read it by setting it, at start, and put it back
	syscall.Umask(old)
	return 0o666 &^ fs.FileMode(old)
}()

// dup opens a duplicate of the process's descriptor fd, for a writer to
// close when done without closing fd itself.
func dup(fd int, name string) (*os.File, error) {
	d, err := syscall.Dup(fd)
	if err != nil {
		return nil, err
	}
	syscall.CloseOnExec(d)
	return os.NewFile(uintptr(d), name), nil
}
