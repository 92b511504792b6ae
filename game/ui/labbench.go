package ui

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/whatif"
)

// LabBenchResult is what the lab's benchmark measured: one batch played
// as ili sim plays it, then in the lab while the window draws.
type LabBenchResult struct {
	Scenario string
	Runs     int
	Workers  int
	// Sim is the batch's wall time as ili sim plays it (whatif.Stream,
	// a worker a core, its text report written), the mean of a batch
	// played before the lab's and one after, which SimRuns holds; Lab is
	// the same batch's
	// in the lab, from its start to its last result; Shown is until the
	// frame that shows its end (its chart and map painted).
	Sim, Lab, Shown time.Duration
	SimRuns         [2]time.Duration
	// SimCPU and LabCPU are the processor time the process took, all
	// threads: ili sim's batch (the mean of the two), and the lab's until
	// the frame that shows its end, the window's part and the chart and
	// map painted included. Unlike the wall times, they do not depend on
	// what else the machine runs.
	SimCPU, LabCPU time.Duration
	// The frames drawn while the batch ran: their Update and Draw time;
	// IdleRate is the frames a second the window drew before it, and
	// BaseP99 the p99 of those frames, each drawn whole: what the machine
	// gives the window without a batch.
	Frames   int
	IdleRate float64
	BaseP99  time.Duration
	P50, P99 time.Duration
}

// Within is the lab's wall time over ili sim's, less one.
func (r LabBenchResult) Within() float64 { return r.Lab.Seconds()/r.Sim.Seconds() - 1 }

// OK reports whether the lab kept to its bounds: its batch within 10% of
// ili sim's, and the frames' p99 under 16 ms.
func (r LabBenchResult) OK() bool { return r.Within() <= 0.10 && r.P99 < 16*time.Millisecond }

func (r LabBenchResult) String() string {
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "NO"
	}
	return fmt.Sprintf("lab batch of %d runs of %s, %d workers: ili sim %.2f s (%.2f before, %.2f after), the lab %.2f s (%+.1f%%; within 10%%: %s), shown after %.2f s; %d frames while it ran (%.0f a second, %.0f before it): p50 %.1f ms, p99 %.1f ms (under 16 ms: %s; %.1f ms before it)",
		r.Runs, r.Scenario, r.Workers, r.Sim.Seconds(), r.SimRuns[0].Seconds(), r.SimRuns[1].Seconds(), r.Lab.Seconds(), 100*r.Within(), yes(r.Within() <= 0.10), r.Shown.Seconds(),
		r.Frames, float64(r.Frames)/r.Shown.Seconds(), r.IdleRate, ms(r.P50), ms(r.P99), yes(r.P99 < 16*time.Millisecond), ms(r.BaseP99)) +
		fmt.Sprintf("; processor time: ili sim %.2f s, the lab %.2f s (%+.1f%%)", r.SimCPU.Seconds(), r.LabCPU.Seconds(), 100*(r.LabCPU.Seconds()/r.SimCPU.Seconds()-1))
}

// labBenchGame runs the lab as the window runs it (a Game, which skips
// the frames the lab says are idle) while its batch runs, timing each
// frame's Update and Draw, until the frame that shows the end.
type labBenchGame struct {
	lab    *Lab
	game   *Game
	w, h   int
	warm   int // frames drawn before the batch starts
	wstart time.Time
	// idleRate is the frames a second before the batch, past the first;
	// base are those frames' times, each drawn whole.
	idleRate float64
	base     []time.Duration
	times    []time.Duration
	// cpu0 is the process's processor time at the batch's start, cpu
	// what it took until the frame that shows its end.
	cpu0, cpu time.Duration
	update    time.Duration
	start     time.Time
	shown     time.Duration
	err       error
}

// labWarmFrames are the frames the lab draws before its batch starts: the
// first build the fonts' glyphs and are no steady frame.
const labWarmFrames = 30

func (g *labBenchGame) Update() error {
	if g.warm < labWarmFrames { // every frame drawn whole, for the baseline
		if g.warm == 1 {
			g.wstart = time.Now()
		}
		t0 := time.Now()
		_, g.err = g.lab.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
		g.update = time.Since(t0)
		if g.err != nil {
			return ebiten.Termination
		}
		return nil
	}
	if g.lab.batch == nil {
		g.idleRate = float64(g.warm-1) / time.Since(g.wstart).Seconds()
		g.start, g.cpu0 = time.Now(), cpuTime()
		if g.err = g.lab.Start(); g.err != nil {
			return ebiten.Termination
		}
		return nil
	}
	if g.shown > 0 {
		return ebiten.Termination
	}
	t0 := time.Now()
	g.err = g.game.Update()
	g.update = time.Since(t0) - g.game.slept // its rest is no work
	if g.err != nil {
		return ebiten.Termination
	}
	return nil
}

func (g *labBenchGame) Draw(screen *ebiten.Image) {
	if g.lab.batch == nil {
		t0 := time.Now()
		g.lab.Draw(screen)
		if g.warm >= 5 { // the first build the fonts' glyphs
			g.base = append(g.base, g.update+time.Since(t0))
		}
		g.warm++
		return
	}
	t0 := time.Now()
	g.game.Draw(screen)
	g.times = append(g.times, g.update+time.Since(t0))
	if g.lab.batch.finished && g.shown == 0 {
		g.shown, g.cpu = time.Since(g.start), cpuTime()-g.cpu0
	}
}

func (g *labBenchGame) Layout(int, int) (int, int) { return g.w, g.h }

// BenchLab plays a batch of runs games of the options' scenario, variants,
// AI levels and seed as ili sim plays it, then in the lab at w x h while
// the window draws, and measures both batches and the frames.
func BenchLab(opt Options, runs, w, h int) (LabBenchResult, error) {
	if !hasDisplay() {
		return LabBenchResult{}, ErrNoDisplay
	}
	if !slices.Contains(labRuns, runs) {
		return LabBenchResult{}, fmt.Errorf("the lab plays batches of %s runs; give one of those", strings.Trim(strings.Join(strings.Fields(fmt.Sprint(labRuns)), ", "), "[]"))
	}
	l, err := benchLab(newApp(Settings{Scale: 1, Speed: 5}), opt, runs)
	if err != nil {
		return LabBenchResult{}, err
	}
	r := LabBenchResult{Scenario: opt.Scenario, Runs: runs, Workers: labWorkers()}
	var cpu [2]time.Duration
	if r.SimRuns[0], cpu[0], err = simTimes(l.Spec(), runs, l.seed); err != nil {
		return r, err
	}
	l.Resize(w, h)
	still := func() Input { return Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1} }
	g := &labBenchGame{lab: l, w: w, h: h, game: &Game{a: l.a, scene: l, w: w, h: h, read: still}}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili lab benchmark")
	if err := runGame(g, nil); err != nil && !errors.Is(err, ebiten.Termination) {
		return r, err
	}
	if g.err != nil {
		return r, g.err
	}
	if b := l.batch; b.last.err != nil || b.last.cancelled {
		return r, fmt.Errorf("the lab's batch did not end: %v", b.last.err)
	}
	r.Lab, r.Shown = l.batch.last.elapsed, g.shown
	if r.SimRuns[1], cpu[1], err = simTimes(l.Spec(), runs, l.seed); err != nil {
		return r, err
	}
	r.Sim, r.SimCPU, r.LabCPU = (r.SimRuns[0]+r.SimRuns[1])/2, (cpu[0]+cpu[1])/2, g.cpu
	r.Frames, r.IdleRate = len(g.times), g.idleRate
	r.P50, r.P99 = percentiles(g.times)
	_, r.BaseP99 = percentiles(g.base)
	return r, nil
}

// percentiles are the p50 and p99 of frame times (0 for none).
func percentiles(ts []time.Duration) (p50, p99 time.Duration) {
	if len(ts) == 0 {
		return 0, 0
	}
	ts = slices.Clone(ts)
	slices.Sort(ts)
	return ts[len(ts)/2], ts[min(len(ts)-1, len(ts)*99/100)]
}

// benchLab is the lab set up as the options say: the scenario, its
// variants, each side's AI level, the seed and the runs.
func benchLab(a *app, opt Options, runs int) (*Lab, error) {
	l := newLab(a, nil)
	if !l.ChooseScenario(opt.Scenario) {
		return nil, fmt.Errorf("the lab has no bundled scenario %q", opt.Scenario)
	}
	for _, v := range opt.Variants {
		if !l.SetVariant(v, true) {
			return nil, fmt.Errorf("%s has no variant %q", opt.Scenario, v)
		}
	}
	for i, s := range l.sc.Setup.Sides {
		if lv, ok := opt.AI[s.ID]; ok {
			l.levels[i] = int(lv)
		}
	}
	l.seed = max(1, opt.Seed)
	l.SetRuns(runs)
	return l, nil
}

// simTimes plays the batch as ili sim plays it, its text report written
// to nowhere, and returns its wall time and the processor time taken.
func simTimes(sp whatif.Spec, runs int, seed uint64) (wall, cpu time.Duration, err error) {
	set, err := sp.Read()
	if err != nil {
		return 0, 0, err
	}
	enc, err := whatif.NewEncoder("text", io.Discard)
	if err != nil {
		return 0, 0, err
	}
	start, cpu0 := time.Now(), cpuTime()
	_, err = whatif.Stream(set, whatif.Meta{Scenario: set.Scenario.ID}, whatif.Options{Runs: runs, Seed: seed, Workers: runtime.NumCPU()}, enc) // as ili sim in a process of its own, whose GOMAXPROCS is the cores
	return time.Since(start), cpuTime() - cpu0, err
}
