// Package lessons holds the lessons that come with ili (a lesson is a TOML
// file a teacher writes: the scenario, the side, the time and the
// questions), for ili serve to serve beside the browser's game.
package lessons

import "embed"

// Files are the bundled lessons, NAME.toml.
//
//go:embed *.toml
var Files embed.FS
