package main

import (
	"strings"
	"testing"
	"time"

	"ili/game/ui"
)

// TestSeenReport checks the shape of the presented-frame report: the
// game's frames shown and the empty window's, each with its median, 99th
// percentile and memory, and how they compare.
func TestSeenReport(t *testing.T) {
	seen := ui.SeenResult{Frames: 295, P50: 30 * time.Millisecond, P99: 60 * time.Millisecond, CPU: 45 * time.Millisecond, RSSKB: 200 << 10, HeapKB: 20 << 10}
	empty := ui.SeenResult{Frames: 295, P50: 20 * time.Millisecond, P99: 30 * time.Millisecond, CPU: 25 * time.Millisecond, RSSKB: 150 << 10, HeapKB: 5 << 10}
	got := seenReport(seen, empty, 1920, 1080)
	for _, want := range []string{
		"shown, vsync off, panning and zooming: frames 295  p50 30.0 ms  p99 60.0 ms  cpu 45.0 ms a frame  rss 200 MB (Go heap 20 MB)\n",
		"an empty window of 1920x1080, vsync off: frames 295  p50 20.0 ms  p99 30.0 ms  cpu 25.0 ms a frame  rss 150 MB (Go heap 5 MB)\n",
		"1.50 times the empty window's at p50, 2.00 at p99, 1.80 in processor time; its memory 50 MB above the empty window's\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
}
