// Package scenarios holds the bundled scenario files and the unit-type
// catalogue, embedded in the binary.
package scenarios

import "embed"

// FS holds every bundled *.toml file: units.toml and one file per scenario.
//
//go:embed *.toml
var FS embed.FS
