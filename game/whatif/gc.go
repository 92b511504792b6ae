package whatif

import (
	"runtime/debug"
	"sync"
)

// BatchGCPercent is the garbage collector's target while a batch runs: a
// game keeps little memory alive and throws away much, so letting the heap
// grow to five times what is live before collecting costs a few megabytes
// and saves most of the collector's work (about a sixth of a batch's CPU at
// the default of 100).
const BatchGCPercent = 400

var gcTuning struct {
	sync.Mutex
	batches int // batches running
	old     int // the target before the first of them, or -1 to leave it be
}

// tuneGC raises the collector's target for a batch and returns what puts it
// back once the last batch running has ended. A target the program was
// started with (GOGC) or has set itself is left as it is.
func tuneGC() (restore func()) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if gcTuning.batches == 0 {
		gcTuning.old = debug.SetGCPercent(BatchGCPercent)
		if gcTuning.old != 100 { // not the default: someone chose it
			debug.SetGCPercent(gcTuning.old)
			gcTuning.old = -1
		}
	}
	gcTuning.batches++
	return func() {
		gcTuning.Lock()
		defer gcTuning.Unlock()
		gcTuning.batches--
		if gcTuning.batches == 0 && gcTuning.old >= 0 {
			debug.SetGCPercent(gcTuning.old)
		}
	}
}
