package ui

import (
	"testing"
	"time"

	"ili/game/ai"
)

// ranGame is set once a test has run Ebiten's game loop, which a process can
// run only once.
var ranGame bool

// BenchmarkFrame runs the --bench-frames measurement in a test: 600 frames
// of the largest scenario at 1920x1080, fully zoomed out and panning, then
// 5 s of the game left alone. It reports the median and 99th percentile of
// a frame's Update+Draw, the resident memory and the idle processor share.
// Ebiten runs one game loop per process, so run it alone and once:
// go test ./game/ui -run '^$' -bench Frame -benchtime 1x (under Xvfb).
func BenchmarkFrame(b *testing.B) {
	if ranGame {
		b.Skip("a test already ran the game loop in this process; run the benchmark alone with -run '^$'")
	}
	ranGame = true
	r, err := Bench(Options{Scenario: "manas-1945", Seed: 1, Opponent: ai.Normal}, 600, 1920, 1080, 5*time.Second, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(ms(r.P50), "p50-ms/frame")
	b.ReportMetric(ms(r.P99), "p99-ms/frame")
	b.ReportMetric(float64(r.RSSKB)/1024, "rss-MB")
	b.ReportMetric(100*r.IdleCPU, "idle-cpu-%")
}
