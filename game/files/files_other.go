//go:build !unix

package files

import (
	"errors"
	"io/fs"
	"os"
)

const openFlags = 0

func noReader(error) bool { return false }

// alive cannot tell here, so no temporary file is taken for stale.
func alive(int) bool { return true }

func keepOwner(string, fs.FileInfo) {}

func syncDir(string) {}

func writable(string) bool { return true }

func foreignLink(string) error { return nil }

const newMode = 0o644

func dup(int, string) (*os.File, error) {
	return nil, errors.New("an open descriptor cannot be written by its number here")
}
