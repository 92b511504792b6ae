package ui

import (
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/ai"
)

// ranGame is set once a test has run Ebiten's game loop, which a process can
// run only once.
var ranGame bool

// frameBench plays frames of a scene, panning, inside the game loop, timing
// each Update and Draw.
type frameBench struct {
	play  *Play
	n     int
	times []time.Duration
	t0    time.Time
}

func (f *frameBench) Update() error {
	if len(f.times) >= f.n {
		return ebiten.Termination
	}
	f.t0 = time.Now()
	f.play.Update(Input{Held: map[Key]bool{}, DragDX: 3})
	return nil
}

func (f *frameBench) Draw(screen *ebiten.Image) {
	f.play.Draw(screen)
	f.times = append(f.times, time.Since(f.t0))
}

func (f *frameBench) Layout(int, int) (int, int) { return 1920, 1080 }

// BenchmarkFrame times 600 frames of the largest scenario at 1920x1080,
// fully zoomed out and panning, and reports the median and 99th percentile
// of a frame's Update+Draw. Ebiten runs one game loop per process, so run it
// alone and once: go test ./game/ui -run '^$' -bench Frame -benchtime 1x
// (under Xvfb).
func BenchmarkFrame(b *testing.B) {
	if ranGame {
		b.Skip("a test already ran the game loop in this process; run the benchmark alone with -run '^$'")
	}
	ranGame = true
	p, err := newPlay(Options{Scenario: "manas-1945", Seed: 1, Opponent: ai.Normal, Palette: &Standard})
	if err != nil {
		b.Fatal(err)
	}
	p.Resize(1920, 1080)
	p.stories = nil
	ebiten.SetWindowSize(1920, 1080)
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	f := &frameBench{play: p, n: 600}
	if err := ebiten.RunGame(f); err != nil && !errors.Is(err, ebiten.Termination) {
		b.Fatal(err)
	}
	ts := f.times[5:] // the first frames draw the map picture: the first-frame time, not the steady one
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	b.ReportMetric(float64(ts[len(ts)/2].Microseconds())/1000, "p50-ms/frame")
	b.ReportMetric(float64(ts[len(ts)*99/100].Microseconds())/1000, "p99-ms/frame")
}
