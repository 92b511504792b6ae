package ui

import (
	"encoding/json"
	"os"
	"os/exec"
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
	benchFrames(b, Settings{Scale: 1, Speed: 5})
}

// BenchmarkFrameGhost is BenchmarkFrame with the ghost of history shown:
// the record's bodies and the places held otherwise drawn on the map, and
// the points off the record on the bar. After BenchmarkFrame, it runs in a
// process of its own.
func BenchmarkFrameGhost(b *testing.B) {
	benchFrames(b, Settings{Scale: 1, Speed: 5, Ghost: true})
}

// benchFrames measures frames in the settings s and reports them. When this
// process has run the game loop already, it runs the benchmark again in a
// process of its own, which hands the result back in a file.
func benchFrames(b *testing.B, s Settings) {
	var r BenchResult
	switch out := os.Getenv("ILI_BENCH_OUT"); {
	case ranGame && out == "":
		r = benchApart(b)
	default:
		ranGame = true
		var err error
		r, err = BenchWith(s, Options{Scenario: "manas-1945", Seed: 1, Opponent: ai.Normal}, 600, 1920, 1080, 5*time.Second, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		if out != "" {
			data, _ := json.Marshal(r)
			if err := os.WriteFile(out, data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(ms(r.P50), "p50-ms/frame")
	b.ReportMetric(ms(r.P99), "p99-ms/frame")
	b.ReportMetric(float64(r.RSSKB)/1024, "rss-MB")
	b.ReportMetric(100*r.IdleCPU, "idle-cpu-%")
}

// benchApart runs the calling benchmark once in a process of its own and
// returns what it measured.
func benchApart(b *testing.B) BenchResult {
	var r BenchResult
	runApart(b, "", &r)
	return r
}

// runApart runs the calling benchmark once in a process of its own, with
// ILI_BENCH_PART set to part, and reads what it wrote to ILI_BENCH_OUT
// into r.
func runApart(b *testing.B, part string, r any) {
	b.Helper()
	out := b.TempDir() + "/bench.json"
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^"+b.Name()+"$", "-test.benchtime=1x")
	cmd.Env = append(os.Environ(), "ILI_BENCH_OUT="+out, "ILI_BENCH_PART="+part)
	if log, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s, in a process of its own: %v\n%s", b.Name(), err, log)
	}
	data, err := os.ReadFile(out)
	if err == nil {
		err = json.Unmarshal(data, r)
	}
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFrameSeen measures the frames as shown: 300 frames of the
// largest scenario at 1920x1080 with vsync off, panning and zooming, and
// as many of an empty window of that size, each in a process of its own.
// It reports the game's median and 99th percentile from one frame shown to
// the next, the empty window's, the processor time a frame in all threads,
// and the game's memory above the empty window's.
func BenchmarkFrameSeen(b *testing.B) {
	if part := os.Getenv("ILI_BENCH_PART"); part != "" {
		writeSeenPart(b, part)
		return
	}
	var seen, empty SeenResult
	runApart(b, "seen", &seen)
	runApart(b, "empty", &empty)
	b.ReportMetric(ms(seen.P50), "p50-ms/frame")
	b.ReportMetric(ms(seen.P99), "p99-ms/frame")
	b.ReportMetric(ms(seen.CPU), "cpu-ms/frame")
	b.ReportMetric(ms(empty.P50), "empty-p50-ms/frame")
	b.ReportMetric(ms(empty.P99), "empty-p99-ms/frame")
	b.ReportMetric(ms(empty.CPU), "empty-cpu-ms/frame")
	b.ReportMetric(float64(seen.RSSKB-empty.RSSKB)/1024, "rss-above-empty-MB")
}

// writeSeenPart measures a part of BenchmarkFrameSeen, the game's frames
// (seen) or the empty window's (empty), and writes it to ILI_BENCH_OUT.
func writeSeenPart(b *testing.B, part string) {
	var r SeenResult
	var err error
	if part == "seen" {
		r, err = BenchSeen(Options{Scenario: "manas-1945", Seed: 1, Opponent: ai.Normal}, 300, 1920, 1080)
	} else {
		r, err = BenchEmpty(300, 1920, 1080)
	}
	if err != nil {
		b.Fatal(err)
	}
	data, _ := json.Marshal(r)
	if err := os.WriteFile(os.Getenv("ILI_BENCH_OUT"), data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// TestBenchInput checks the benchmarks' motion: a drag one way for a leg
// and back for the next, and with zoom one wheel step at each turn, out
// then in, so the view keeps to the same two zooms.
func TestBenchInput(t *testing.T) {
	cases := []struct {
		i     int
		zoom  bool
		dx    int
		wheel float64
	}{
		{0, true, 3, 0}, {1, true, 3, 0}, {benchLeg, true, -3, -1}, {benchLeg + 1, true, -3, 0},
		{2 * benchLeg, true, 3, 1}, {3 * benchLeg, true, -3, -1}, {benchLeg, false, -3, 0},
	}
	for _, c := range cases {
		in := benchInput(c.i, c.zoom, 10, 20)
		if in.DragDX != c.dx || in.Wheel != c.wheel || in.MouseX != 10 || in.MouseY != 20 {
			t.Errorf("frame %d (zoom %v): drag %d, wheel %v at (%d, %d); want drag %d, wheel %v at (10, 20)",
				c.i, c.zoom, in.DragDX, in.Wheel, in.MouseX, in.MouseY, c.dx, c.wheel)
		}
	}
}
