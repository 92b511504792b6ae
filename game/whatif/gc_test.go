package whatif

import (
	"runtime/debug"
	"testing"
)

// TestTuneGC: a batch raises the collector's target while it runs and the
// last of several batches puts the default back; a target chosen by the
// program is left as it is.
func TestTuneGC(t *testing.T) {
	was := debug.SetGCPercent(100)
	defer debug.SetGCPercent(was)
	a := tuneGC()
	b := tuneGC()
	if got := debug.SetGCPercent(BatchGCPercent); got != BatchGCPercent {
		t.Errorf("during two batches the target is %d", got)
	}
	a()
	if got := debug.SetGCPercent(BatchGCPercent); got != BatchGCPercent {
		t.Errorf("with one batch left the target is %d", got)
	}
	b()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the batches the target is %d, not the default", got)
	}
	debug.SetGCPercent(50)
	tuneGC()()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("a target of 50 became %d", got)
	}
}
