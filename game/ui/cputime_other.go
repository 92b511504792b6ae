//go:build !unix

package ui

import "time"

// cpuTime is 0 where the system gives no processor time by getrusage
// (Windows, the browser): the frame benchmark's idle figure reads 0 there.
func cpuTime() time.Duration { return 0 }
