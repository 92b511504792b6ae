package ui

import (
	"errors"
	"fmt"
	"image/color"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// SeenResult is what the presented-frame benchmark measured: the wall time
// from one frame shown to the next with vsync off, which holds the
// renderer's work (the rasteriser's, under software rendering) as well as
// the program's, and the memory held once the frames are done.
type SeenResult struct {
	Frames   int
	P50, P99 time.Duration
	// CPU is the processor time a frame took on average, in all the
	// program's threads, the software rasteriser's among them: less
	// swayed than the wall time by other programs on the machine.
	CPU    time.Duration
	RSSKB  int
	HeapKB int
}

func (r SeenResult) String() string {
	return fmt.Sprintf("frames %d  p50 %.1f ms  p99 %.1f ms  cpu %.1f ms a frame  rss %d MB (Go heap %d MB)",
		r.Frames, ms(r.P50), ms(r.P99), ms(r.CPU), r.RSSKB/1024, r.HeapKB/1024)
}

// seenGame shows frames as fast as they can be drawn and shown, moving the
// view before each (step), and times the wall time between them.
type seenGame struct {
	step      func(i int) // moves the view before frame i; nil for none
	draw      func(*ebiten.Image)
	w, h, n   int
	last      time.Time
	times     []time.Duration
	cpu       [2]time.Duration // the processor time after the warm-up and at the end
	rss, heap int
}

func (g *seenGame) Update() error {
	if len(g.times) >= g.n {
		g.cpu[1] = cpuTime()
		g.rss, g.heap = memoryHeld()
		return ebiten.Termination
	}
	if len(g.times) == warmUp(g.n) {
		g.cpu[0] = cpuTime()
	}
	if g.step != nil {
		g.step(len(g.times))
	}
	return nil
}

func (g *seenGame) Draw(screen *ebiten.Image) {
	now := time.Now()
	if !g.last.IsZero() {
		g.times = append(g.times, now.Sub(g.last))
	}
	g.last = now
	g.draw(screen)
}

func (g *seenGame) Layout(int, int) (int, int) { return g.w, g.h }

// BenchSeen plays frames of the scenario at w x h with vsync off, panning
// the map and zooming it a step every benchLeg frames, and measures the
// time from one frame shown to the next. Ebiten runs one game loop a
// process: Bench, BenchSeen and BenchEmpty each need a process of their own.
func BenchSeen(opt Options, frames, w, h int) (SeenResult, error) {
	if !hasDisplay() {
		return SeenResult{}, ErrNoDisplay
	}
	a := newApp(Settings{Scale: 1, Speed: 5, ColourBlind: opt.ColourBlind})
	p, err := newPlay(a, opt)
	if err != nil {
		return SeenResult{}, err
	}
	p.Resize(w, h)
	mx, my := (w-a.panelW)/2, (h+a.barH)/2 // the middle of the map's part of the window
	step := func(i int) { p.Update(benchInput(i, true, mx, my)) }
	return runSeen(&seenGame{step: step, draw: p.Draw, w: w, h: h, n: frames}, "ili benchmark")
}

// BenchEmpty is BenchSeen for an empty window of the same size, which only
// clears its screen each frame: the floor of the renderer on this machine.
func BenchEmpty(frames, w, h int) (SeenResult, error) {
	if !hasDisplay() {
		return SeenResult{}, ErrNoDisplay
	}
	grey := color.RGBA{70, 80, 90, 255}
	draw := func(screen *ebiten.Image) { screen.Fill(grey) }
	return runSeen(&seenGame{draw: draw, w: w, h: h, n: frames}, "ili benchmark: an empty window")
}

// runSeen runs g with vsync off and one update a frame, and sums up its
// frames after the warm-up.
func runSeen(g *seenGame, title string) (SeenResult, error) {
	ebiten.SetWindowSize(g.w, g.h)
	ebiten.SetWindowTitle(title)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	if err := runGame(g, nil); err != nil && !errors.Is(err, ebiten.Termination) {
		return SeenResult{}, err
	}
	ts := steady(g.times)
	p50, p99 := percentiles(ts)
	r := SeenResult{Frames: len(ts), P50: p50, P99: p99, RSSKB: g.rss, HeapKB: g.heap}
	if n := g.n - warmUp(g.n); n > 0 {
		r.CPU = (g.cpu[1] - g.cpu[0]) / time.Duration(n)
	}
	return r, nil
}

// benchLeg is how many frames the benchmarks pan one way before turning.
const benchLeg = 120

// benchInput is the input of a benchmark's frame i: a drag of 3 pixels a
// frame, one way for benchLeg frames and back for as many; with zoom, the
// wheel at (mx, my) at each turn, out at the first and in at the next.
func benchInput(i int, zoom bool, mx, my int) Input {
	in := Input{Held: map[Key]bool{}, DragDX: 3, MouseX: mx, MouseY: my}
	if (i/benchLeg)%2 == 1 {
		in.DragDX = -3
	}
	if zoom && i > 0 && i%benchLeg == 0 {
		in.Wheel = -1
		if (i/benchLeg)%2 == 0 {
			in.Wheel = 1
		}
	}
	return in
}

// steady leaves out the first frames, which build the map's picture and
// the font's glyphs (the first-frame time, reported apart); percentiles
// sorts a copy of the rest.
func steady(times []time.Duration) []time.Duration {
	return times[warmUp(len(times)):]
}

// warmUp is how many of n frames are left out as the warm-up.
func warmUp(n int) int { return min(5, n/10) }

// memoryHeld returns the resident memory and the Go heap in use, in KB,
// after a collection: the memory held, not the garbage of frames drawn as
// fast as the machine allows.
func memoryHeld() (rss, heap int) {
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return rssKB(), int(m.HeapInuse / 1024)
}
