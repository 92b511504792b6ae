package ui

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// BenchResult is what a frame benchmark measured.
type BenchResult struct {
	Frames     int
	P50, P99   time.Duration // Update+Draw time of a frame, on the CPU
	FirstFrame time.Duration // from the start of the program to the first frame drawn
	RSSKB      int           // resident memory at the end
	HeapKB     int           // of which the Go heap in use
}

func (r BenchResult) String() string {
	return fmt.Sprintf("frames %d  p50 %.1f ms  p99 %.1f ms  first frame %.2f s  rss %d MB (Go heap %d MB; after 5 warm-up frames)",
		r.Frames, ms(r.P50), ms(r.P99), r.FirstFrame.Seconds(), r.RSSKB/1024, r.HeapKB/1024)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// benchGame plays frames of a scene with the map fully zoomed out and the
// view panning, timing each Update and Draw.
type benchGame struct {
	play   *Play
	w, h   int
	n      int
	times  []time.Duration
	start  time.Time
	first  time.Duration
	update time.Duration
}

func (g *benchGame) Update() error {
	if len(g.times) >= g.n {
		return ebiten.Termination
	}
	t0 := time.Now()
	dx := 3
	if (len(g.times)/120)%2 == 1 {
		dx = -3
	}
	g.play.Update(Input{Held: map[Key]bool{}, DragDX: dx, DragDY: 0})
	g.update = time.Since(t0)
	return nil
}

func (g *benchGame) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	g.play.Draw(screen)
	if g.first == 0 {
		g.first = time.Since(g.start)
	}
	g.times = append(g.times, g.update+time.Since(t0))
}

func (g *benchGame) Layout(int, int) (int, int) { return g.w, g.h }

// Bench plays frames of the scenario at w x h and measures them.
func Bench(opt Options, frames, w, h int, start time.Time) (BenchResult, error) {
	if !hasDisplay() {
		return BenchResult{}, ErrNoDisplay
	}
	if opt.Palette == nil {
		opt.Palette = &Standard
	}
	p, err := newPlay(opt)
	if err != nil {
		return BenchResult{}, err
	}
	p.Resize(w, h)
	g := &benchGame{play: p, w: w, h: h, n: frames, start: start}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili benchmark")
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	if err := ebiten.RunGame(g); err != nil && !errors.Is(err, ebiten.Termination) {
		return BenchResult{}, err
	}
	// The first frames build the map picture and the font's glyphs: they are
	// the first-frame time, reported apart, not the steady frame time.
	warm := min(5, len(g.times)/10)
	ts := append([]time.Duration(nil), g.times[warm:]...)
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	// Memory held with the scenario loaded, not the garbage of frames drawn as
	// fast as the machine allows: collect it before reading.
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r := BenchResult{Frames: len(ts), FirstFrame: g.first, RSSKB: rssKB(), HeapKB: int(ms.HeapInuse / 1024)}
	if len(ts) > 0 {
		r.P50 = ts[len(ts)/2]
		r.P99 = ts[min(len(ts)-1, len(ts)*99/100)]
	}
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
