//go:build unix

package files

import (
	"errors"
	"io/fs"
	"os"
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
