//go:build !js

package ui

import "ili/game/whatif"

// labRemote is nil on a desktop: the lab's runs are played in the program,
// on every core.
func labRemote(whatif.Spec) (func(uint64) (whatif.Result, error), int) { return nil, 0 }
