// Package encyclopedia holds the encyclopedia's entries, embedded in the
// binary: one TOML file per kind of entry (people, units, places, sides,
// sources, topics), read and checked by game/encyclopedia.
package encyclopedia

import "embed"

// FS holds every *.toml file of the encyclopedia.
//
//go:embed *.toml
var FS embed.FS
