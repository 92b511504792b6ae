package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// TextHash identifies a scenario file's text: a saved game records it, so
// that a replay reads its scenario only if the text is the one it was
// played on.
func TextHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:16])
}

// IsFile reports whether a scenario's name is a file's path rather than a
// bundled ID.
func IsFile(name string) bool { return isPath(name) }

// IsTOML reports whether a file's name ends in .toml, as every scenario
// file's must when a record names it.
func IsTOML(name string) bool { return strings.HasSuffix(name, ".toml") }
