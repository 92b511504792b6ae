package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// BenchResult is what a frame benchmark measured.
type BenchResult struct {
	Frames     int
	P50, P99   time.Duration // Update+Draw time of a frame, on the CPU
	FirstFrame time.Duration // from the start of the program to the first frame drawn
	RSSKB      int           // resident memory at the end of the frames
	HeapKB     int           // of which the Go heap in use
	// IdleCPU is the share of one core the game uses while nothing on
	// screen moves, measured over IdleFor after the frames, with the
	// window run as the game runs it.
	IdleCPU float64
	IdleFor time.Duration
}

func (r BenchResult) String() string {
	return fmt.Sprintf("frames %d  p50 %.1f ms  p99 %.1f ms  first frame %.2f s  rss %d MB (Go heap %d MB; after 5 warm-up frames)  idle cpu %.1f%% of a core (over %.0f s)",
		r.Frames, ms(r.P50), ms(r.P99), r.FirstFrame.Seconds(), r.RSSKB/1024, r.HeapKB/1024, 100*r.IdleCPU, r.IdleFor.Seconds())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// benchGame plays frames of a scene with the map fully zoomed out and the
// view panning, timing each Update and Draw; then it leaves the game alone
// as a Game and measures the processor time it takes while idle.
type benchGame struct {
	play   *Play
	w, h   int
	n      int
	times  []time.Duration
	start  time.Time
	first  time.Duration
	update time.Duration
	// The idle part: the game as Run plays it, with no input.
	idle      *Game
	idleFor   time.Duration
	idleStart time.Time
	measuring bool // the idle game has settled and its processor time is counted
	cpuStart  time.Duration
	idleCPU   float64
	rss       int
	heap      int
}

// settle is how long the idle part waits before measuring.
const settle = 2 * time.Second

func (g *benchGame) Update() error {
	if len(g.times) >= g.n {
		return g.updateIdle()
	}
	t0 := time.Now()
	g.play.Update(benchInput(len(g.times), false, 0, 0))
	g.update = time.Since(t0)
	return nil
}

// updateIdle runs the idle part: memory is read as the frames end, then the
// game sits untouched; after it settles, its processor time is measured.
func (g *benchGame) updateIdle() error {
	if g.idle == nil {
		g.rss, g.heap = memoryHeld()
		still := func() Input { return Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1} }
		g.idle = &Game{a: g.play.a, scene: g.play, w: g.w, h: g.h, read: still}
		g.idleStart = time.Now()
		return nil
	}
	if err := g.idle.Update(); err != nil {
		return err
	}
	since := time.Since(g.idleStart)
	switch {
	case since < settle:
	case !g.measuring:
		g.measuring, g.cpuStart, g.idleStart = true, cpuTime(), time.Now().Add(-settle)
	case since-settle >= g.idleFor:
		g.idleCPU = float64(cpuTime()-g.cpuStart) / float64(since-settle)
		return ebiten.Termination
	}
	return nil
}

func (g *benchGame) Draw(screen *ebiten.Image) {
	if g.idle != nil {
		g.idle.Draw(screen)
		return
	}
	t0 := time.Now()
	g.play.Draw(screen)
	if g.first == 0 {
		g.first = time.Since(g.start)
	}
	g.times = append(g.times, g.update+time.Since(t0))
}

func (g *benchGame) Layout(int, int) (int, int) { return g.w, g.h }

// Bench plays frames of the scenario at w x h and measures them; then it
// leaves the game alone for idleFor and measures the processor time it takes.
func Bench(opt Options, frames, w, h int, idleFor time.Duration, start time.Time) (BenchResult, error) {
	return BenchWith(Settings{Scale: 1, Speed: 5}, opt, frames, w, h, idleFor, start)
}

// BenchWith is Bench in the settings s (the ghost of history shown, say);
// the options' colour-blind palette holds whatever s says.
func BenchWith(s Settings, opt Options, frames, w, h int, idleFor time.Duration, start time.Time) (BenchResult, error) {
	if !hasDisplay() {
		return BenchResult{}, ErrNoDisplay
	}
	s.ColourBlind = s.ColourBlind || opt.ColourBlind
	a := newApp(s)
	p, err := newPlay(a, opt)
	if err != nil {
		return BenchResult{}, err
	}
	p.Resize(w, h)
	g := &benchGame{play: p, w: w, h: h, n: frames, start: start, idleFor: idleFor}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili benchmark")
	ebiten.SetScreenClearedEveryFrame(false)
	// As the game runs: 60 updates a second with vsync. The frame times are
	// processor time, which the pace does not change; the idle part needs
	// the real pace, and switching it while running does not take under GLX.
	if err := runGame(g, nil); err != nil && !errors.Is(err, ebiten.Termination) {
		return BenchResult{}, err
	}
	ts := steady(g.times)
	r := BenchResult{Frames: len(ts), FirstFrame: g.first, RSSKB: g.rss, HeapKB: g.heap, IdleCPU: g.idleCPU, IdleFor: idleFor}
	r.P50, r.P99 = percentiles(ts)
	return r, nil
}

// rssKB reads the resident set size from /proc (0 where there is none).
func rssKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			var kb int
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmRSS:")), "%d", &kb)
			return kb
		}
	}
	return 0
}
