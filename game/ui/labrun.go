package ui

import (
	"bytes"
	"context"
	"image"
	"runtime"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/debrief"
	"ili/game/whatif"
)

// labBatch is a batch the lab plays in the background. The goroutine that
// plays it owns the tally and sends what the lab shows over two channels;
// the lab reads them in its Update and never shares anything else with it.
type labBatch struct {
	spec   whatif.Spec
	set    whatif.Setup
	runs   int
	seed   uint64
	cancel context.CancelFunc
	// news carries the latest progress (a newer message replaces one not
	// yet read); end carries the last word, once.
	news chan labNews
	end  chan labNews
	// What the lab has read so far.
	last     labNews // its cancelled, err and elapsed are the batch's once finished
	finished bool
	// fightsImage is last.fights made an image, once drawn.
	fightsImage *ebiten.Image
}

// labNews is the batch as it stands: runs ended (in any order), runs
// counted in seed order and their summary so far.
type labNews struct {
	done, counted int
	summary       *whatif.Summary
	// held is who held each place turn by turn, a copy the goroutine no
	// longer touches.
	held      *whatif.Holding
	elapsed   time.Duration
	final     bool
	err       error
	cancelled bool
	// csv and chart are a finished batch's report, one row a run, and its
	// chart (PNG), for the lab's export.
	csv, chart []byte
	// fights is the map of the fights and captures of a batch that has
	// ended (debrief.BareBatchMap), nil until then or if it failed.
	fights *image.RGBA
	// report is a finished batch's, its runs kept in brief for a
	// comparison; the goroutine no longer touches it once sent.
	report *whatif.Report
}

// labSummaryEvery is how often the goroutine sums the batch up for the lab
// while it runs.
const labSummaryEvery = 120 * time.Millisecond

// labWorkers is how many games the lab plays at once: one a core. The
// first call also gives the Go scheduler a thread more than the cores
// (GOMAXPROCS), so that the window's goroutines find one free the moment
// they wake instead of waiting for a game to be preempted; the system's
// scheduler then shares the cores, and the window, asleep most of the
// time, takes little of them.
func labWorkers() int {
	labThreads.Do(func() {
		if n := runtime.NumCPU() + 1; runtime.GOMAXPROCS(0) < n {
			runtime.GOMAXPROCS(n)
		}
	})
	return runtime.NumCPU()
}

var labThreads sync.Once

// startLabBatch starts playing runs games of set from seed on every core.
func startLabBatch(spec whatif.Spec, set whatif.Setup, runs int, seed uint64) *labBatch {
	ctx, cancel := context.WithCancel(context.Background())
	b := &labBatch{spec: spec, set: set, runs: runs, seed: seed, cancel: cancel,
		news: make(chan labNews, 1), end: make(chan labNews, 1)}
	go b.play(ctx)
	return b
}

// play runs in its own goroutine: it plays the batch and sends the news.
func (b *labBatch) play(ctx context.Context) {
	start := time.Now()
	var (
		n       labNews
		tally   *whatif.Tally
		lastSum time.Time
		held    = whatif.NewHolding(b.set.Scenario)
	)
	send := func() {
		n.elapsed = time.Since(start)
		for { // the newest news replaces news not yet read
			select {
			case b.news <- n:
				return
			default:
			}
			select {
			case <-b.news:
			default:
			}
		}
	}
	opt := whatif.Options{Runs: b.runs, Seed: b.seed, Workers: labWorkers(), Brief: true, Progress: func(done, _ int) {
		n.done = done
		send()
	}}
	if remote, workers := labRemote(b.spec); remote != nil { // the browser's workers
		opt.Remote, opt.Workers = remote, workers
	}
	var csv bytes.Buffer
	enc, err := whatif.NewEncoder("csv", &csv)
	if err != nil {
		b.end <- labNews{final: true, err: err}
		return
	}
	rep, err := whatif.StreamContext(ctx, b.set, whatif.Meta{}, opt, enc, func(t *whatif.Tally, r whatif.Result) error {
		tally = t
		n.counted++
		held.Add(r)
		if time.Since(lastSum) >= labSummaryEvery {
			s := t.Summary(time.Since(start).Seconds())
			n.summary, n.held, lastSum = &s, held.Clone(), time.Now()
			send()
		}
		return nil
	})
	n.final, n.elapsed, n.held = true, time.Since(start), held
	switch {
	case err == nil:
		s := rep.Summary
		n.summary, n.done = &s, b.runs
		n.csv, n.report = csv.Bytes(), rep
		var chart bytes.Buffer
		if rep.WriteChart(&chart) == nil {
			n.chart = chart.Bytes()
		}
	case ctx.Err() != nil:
		n.cancelled = true
		if tally != nil {
			s := tally.Summary(n.elapsed.Seconds())
			n.summary = &s
		}
	default:
		n.err = err
	}
	if n.summary != nil {
		n.fights, _ = debrief.BareBatchMap(b.set.Scenario, *n.summary) // no map is shown if it fails
	}
	b.end <- n
}

// poll reads the news the goroutine sent; it never waits.
func (b *labBatch) poll() {
	if b.finished {
		return
	}
	select {
	case n := <-b.news:
		b.last = n
	default:
	}
	select {
	case n := <-b.end:
		b.last, b.finished = n, true
		b.cancel() // frees the context
	default:
	}
}

// stop asks the batch to stop; poll hears when it has.
func (b *labBatch) stop() { b.cancel() }

// wait polls until the batch has ended or the time is up (for tests and
// for leaving the lab).
func (b *labBatch) wait(limit time.Duration) bool {
	return waitUntil(limit, func() bool { b.poll(); return b.finished })
}

// waitUntil calls done every few milliseconds until it reports true or
// the time is up, and reports its last answer.
func waitUntil(limit time.Duration, done func() bool) bool {
	deadline := time.Now().Add(limit)
	for !done() {
		if !time.Now().Before(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// rate is the runs a second so far, and eta the time the rest will take
// at that rate (0 when unknown).
func (b *labBatch) rate() (perSecond float64, eta time.Duration) {
	el := b.last.elapsed
	if el <= 0 || b.last.done == 0 {
		return 0, 0
	}
	perSecond = float64(b.last.done) / el.Seconds()
	if left := b.runs - b.last.done; left > 0 && !b.finished {
		eta = time.Duration(float64(left) / perSecond * float64(time.Second))
	}
	return perSecond, eta
}
