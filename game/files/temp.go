package files

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// tempPrefix starts the name of every temporary file ili writes; the process
// ID that follows it tells a stale one (its writer is gone) from a live one.
const tempPrefix = ".ili-tmp-"

func tempPattern() string { return tempPrefix + strconv.Itoa(os.Getpid()) + "-*" }

// cleaned holds the folders whose stale temporary files this process has
// already removed: once per folder is enough, and a folder of 50,000 kept
// games is not listed 50,000 times.
var cleaned sync.Map

// clean removes from dir the temporary files ili left there when a writer was
// killed before it could rename or remove them.
func clean(dir string) {
	if _, done := cleaned.LoadOrStore(dir, true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if pid, ok := tempPID(e.Name()); ok && e.Type().IsRegular() && !alive(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempPID reads the process ID from the name of one of our temporary files.
func tempPID(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}
