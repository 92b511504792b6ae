// Package whatif runs batches of seeded AI-against-AI games of a scenario and
// sums up how likely each outcome is: win rates with confidence intervals,
// losses, who held each place at the end, the places a side gave up, where
// the fights were, and how far the runs went as history did. Run i of a
// batch uses seed S+i, so a batch can be split by seed range across
// machines (--shard) and merged into the same bytes, and the same seed
// gives the same result with any number of workers.
//
// A study plays several setups on the same seeds (common random numbers):
// a comparison (each setup against the first, paired by seed), a sweep (a
// line or a grid of values of --set keys or scales) or a sensitivity study
// (each strength and date varied down and up, ranked by its effect).
//
// For a front end such as the lab in the window: a Spec is a setup as data
// (Spec.Load builds its Setup; ParseChange, Cell and SensitivityArms build
// the setups of a study); StreamContext plays one batch and RunStudy a
// study, each stopped by its context, with Options.Progress told of every
// run as it ends and a callback handed each result in seed order with the
// Tally that has counted it (Tally.Summary sums the batch up so far); the
// reports encode as text, JSON or CSV and draw their charts (WriteChart),
// and any run is replayed from its seed (Match, Setup.Config).
package whatif

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"ili/game/ai"
	"ili/game/match"
	"ili/game/save"
	"ili/game/scenario"
)

// Setup is what a batch plays: a loaded scenario and each side's AI level.
type Setup struct {
	Scenario *scenario.Scenario
	// Name is the scenario as it was asked for (a bundled ID or a file's
	// path), and Set its --set overrides: the record of each game keeps
	// them, so that a kept game can be loaded again. Name defaults to the
	// scenario's ID.
	Name string
	Set  []string
	// Scale is the --scale values (Spec.Scale) the scenario was loaded
	// with, which a report records; scaled is the --set values they gave,
	// which the records of the games keep after Set.
	Scale  []string
	scaled []string
	Levels map[string]ai.Level // by side ID; missing sides play Normal
	// FollowPlans makes every side's AI follow the scenario's historical plan.
	FollowPlans bool
}

// Spec is the setup as data: the spec that loads it again.
func (set Setup) Spec() Spec {
	name := set.Name
	if name == "" {
		name = set.Scenario.ID
	}
	levels := map[string]string{}
	for _, st := range set.Seats() {
		levels[st.Side] = st.AI
	}
	return Spec{Scenario: name, Variants: nonNil(slices.Clone(set.Scenario.Applied)), Set: nonNil(slices.Clone(set.Set)),
		Scale: nonNil(slices.Clone(set.Scale)), AI: levels, Plan: set.FollowPlans, From: set.Scenario.TakenFrom()}
}

// Losses is what one side lost over a game.
type Losses = match.Losses

// Capture is a place changing hands.
type Capture = match.Capture

// Result is one game of a batch: its seed, how it ended, who held each
// place that gives points at the end, the places a side gave up that it
// started in, and where the fights were.
type Result struct {
	Seed uint64 `json:"seed"`
	match.Result
	// Owners is the side that held each place that gives points at the
	// end ("" for nobody).
	Owners map[string]string `json:"owners"`
	// GaveUp lists the places a side's units stood in at the start that
	// they left of their own accord: the last of them marched out (or
	// advanced out after a fight), not driven out or destroyed.
	GaveUp []GaveUp `json:"gave_up"`
	// Fights counts the fights at each hex, in the order of hexes.
	Fights []HexCount `json:"fights"`
}

// Seats returns the seats of a batch's games: every side an AI, at its
// level (normal where the setup gives none), following the scenario's plan
// when the setup says so.
func (set Setup) Seats() []match.Seat {
	var seats []match.Seat
	for _, side := range set.Scenario.Setup.Sides {
		level, ok := set.Levels[side.ID]
		if !ok {
			level = ai.Normal
		}
		seats = append(seats, match.Seat{Side: side.ID, AI: level.String(), Plan: set.FollowPlans})
	}
	return seats
}

// Config is how the setup's game with the given seed is set up, which its
// record keeps.
func (set Setup) Config(seed uint64) match.Config {
	name := set.Name
	if name == "" {
		name = set.Scenario.ID
	}
	sets := set.Set
	if len(set.scaled) > 0 {
		sets = append(slices.Clone(set.Set), set.scaled...)
	}
	return match.Config{Scenario: name, Variants: set.Scenario.Applied, Set: sets, From: set.Scenario.TakenFrom(), Seed: seed, Seats: set.Seats()}
}

// Match plays one seeded game of the setup to the end and returns it.
func Match(set Setup, seed uint64) (*match.Match, error) {
	m, _, err := playWatched(set, seed)
	return m, err
}

// playWatched plays one seeded game of the setup to the end, watching its
// events.
func playWatched(set Setup, seed uint64) (*match.Match, *watch, error) {
	m, _, err := match.New(set.Scenario, set.Config(seed))
	if err != nil {
		return nil, nil, err
	}
	for _, st := range m.Seats() {
		if st.Person() {
			return nil, nil, fmt.Errorf("%s is played by a person: only a game of AIs plays out alone", st.Side)
		}
	}
	w := newWatch(set.Scenario, m.Turn())
	for {
		evs, ok, err := m.Step()
		if err != nil {
			return nil, nil, fmt.Errorf("seed %d: %w", seed, err)
		}
		if !ok {
			return m, w, nil
		}
		w.see(evs)
	}
}

// Play plays one seeded game to the end.
func Play(set Setup, seed uint64) (Result, error) { return play(set, seed, "") }

// Options control a batch.
type Options struct {
	Runs int // from 0 to MaxRuns
	Seed uint64
	// Workers is the number of games played at once: 0 means one per core;
	// more than MaxWorkers or than Runs are not started.
	Workers int
	// Progress is called as each run ends (in any order), from one
	// goroutine at a time: done runs of all.
	Progress func(done, all int)
	// Keep is a folder to write every run into as a saved game, which
	// ili replay checks and the window opens; "" keeps none.
	Keep string
	// Brief makes the report's tally keep each run in brief, which Compare
	// pairs seed by seed; its memory then grows by tens of bytes a run.
	Brief bool
	// Remote plays one run somewhere else, in place of this process (a
	// browser's workers: see Worker); nil plays the runs here. Its runs
	// are the same games, so the batch is the same whoever plays it.
	// Workers then counts the runs asked of it at once, with no cap but
	// Runs, and Keep is not used.
	Remote func(seed uint64) (Result, error)
}

// MaxRuns is the most runs a batch plays: more would take days, and a
// batch's memory does not grow with its runs, so this bound is about time.
const MaxRuns = 10_000_000

// Window is how many results, per worker, may wait for an earlier, slower
// game before no new game starts: the most a batch holds back at once.
const Window = 4

// MaxWorkers is the most games a batch plays at once: four per core. A
// game takes one core for itself, so more would only hold more games in
// memory at once without finishing any sooner.
func MaxWorkers() int { return 4 * runtime.NumCPU() }

// workers is the number of games to play at once.
func (opt Options) workers() int {
	w := opt.Workers
	if opt.Remote != nil {
		return max(1, min(w, opt.Runs))
	}
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, MaxWorkers(), opt.Runs))
}

// check refuses options no batch can run with, in a sentence.
func (opt Options) check() error {
	switch {
	case opt.Runs < 0 || opt.Runs > MaxRuns:
		return fmt.Errorf("a batch plays from 0 to %d runs, not %d", MaxRuns, opt.Runs)
	case opt.Runs > 0 && opt.Seed > math.MaxUint64-uint64(opt.Runs-1):
		return fmt.Errorf("%d runs from seed %d would take seeds past %d", opt.Runs, opt.Seed, uint64(math.MaxUint64))
	}
	return nil
}

// KeptName is the file a kept run of the scenario with the given seed is
// written to, in the Keep folder.
func KeptName(dir, scenarioID string, seed uint64) string {
	return filepath.Join(dir, fmt.Sprintf("%s-seed%d.json", scenarioID, seed))
}

// play plays one game and, when dir is not "", saves it there.
func play(set Setup, seed uint64, dir string) (Result, error) {
	m, w, err := playWatched(set, seed)
	if err != nil {
		return Result{Seed: seed}, err
	}
	if dir != "" {
		if err := save.FromMatch(m).Write(KeptName(dir, set.Scenario.ID, seed)); err != nil {
			return Result{Seed: seed}, err
		}
	}
	return w.result(set.Scenario, seed, m.Result()), nil
}

// Batch is a finished batch.
type Batch struct {
	Results []Result
	Elapsed time.Duration
}

// Run plays opt.Runs games with seeds Seed, Seed+1, ... on opt.Workers
// goroutines and keeps every result, in seed order whatever the number of
// workers. A large batch is better played with Stream or RunEach, whose
// memory does not grow with the number of runs.
func Run(set Setup, opt Options) (Batch, error) {
	return RunContext(context.Background(), set, opt)
}

// RunContext is Run, stopped when ctx is done (with ctx's error).
func RunContext(ctx context.Context, set Setup, opt Options) (Batch, error) {
	out := make([]Result, 0, max(0, min(opt.Runs, 1<<16)))
	elapsed, err := RunEachContext(ctx, set, opt, func(r Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return Batch{}, err
	}
	return Batch{Results: out, Elapsed: elapsed}, nil
}

// RunEach plays a batch as Run does but hands each result to each, in seed
// order, as soon as it and every earlier one are in, and keeps none. A slow
// game holds back at most Window results per worker before the batch waits
// for it, so memory stays flat whatever the number of runs. The first error,
// in seed order, of a game or of each stops the batch and is returned.
func RunEach(set Setup, opt Options, each func(Result) error) (time.Duration, error) {
	return RunEachContext(context.Background(), set, opt, each)
}

// RunEachContext is RunEach, stopped when ctx is done: no game starts after
// that, the games under way are dropped, and ctx's error is returned once
// every worker has stopped. each has been called for the runs before.
func RunEachContext(ctx context.Context, set Setup, opt Options, each func(Result) error) (time.Duration, error) {
	if err := opt.check(); err != nil {
		return 0, err
	}
	start := time.Now()
	run := opt.Remote
	if run == nil {
		run = func(seed uint64) (Result, error) { return play(set, seed, opt.Keep) }
	}
	err := stream(ctx, opt, run, each)
	return time.Since(start), err
}

// played is the outcome of the i-th run of a batch.
type played struct {
	i   int
	res Result
	err error
}

// stream plays opt.Runs games with play on workers and hands their results to
// each in order. A slot is taken for each game started and given back when
// its result is handed on, so no more than Window×workers results wait.
func stream(ctx context.Context, opt Options, play func(uint64) (Result, error), each func(Result) error) error {
	if opt.Remote == nil { // the games are played here, not by the workers
		defer tuneGC()()
	}
	workers := opt.workers()
	slots := make(chan struct{}, Window*workers)
	jobs := make(chan int)
	out := make(chan played, workers)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(workers + 1)
	go func() {
		defer wg.Done()
		dispatch(ctx, opt.Runs, slots, jobs, quit)
	}()
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := range jobs {
				res, err := play(opt.Seed + uint64(i))
				select {
				case out <- played{i, res, err}:
				case <-quit:
					return
				}
			}
		}()
	}
	err := collect(ctx, opt, out, slots, each)
	close(quit)
	wg.Wait()
	return err
}

// dispatch hands out the runs' numbers, each once a slot is free.
func dispatch(ctx context.Context, runs int, slots chan<- struct{}, jobs chan<- int, quit <-chan struct{}) {
	defer close(jobs)
	for i := 0; i < runs; i++ {
		select {
		case slots <- struct{}{}:
		case <-quit:
			return
		case <-ctx.Done():
			return
		}
		select {
		case jobs <- i:
		case <-quit:
			return
		case <-ctx.Done():
			return
		}
	}
}

// collect takes the results as they come and hands them to each in order,
// giving back a slot for each.
func collect(ctx context.Context, opt Options, out <-chan played, slots <-chan struct{}, each func(Result) error) error {
	waiting := map[int]played{}
	next := 0
	for got := 1; next < opt.Runs; got++ {
		var p played
		select {
		case p = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if opt.Progress != nil {
			opt.Progress(got, opt.Runs)
		}
		waiting[p.i] = p
		for q, ok := waiting[next]; ok; q, ok = waiting[next] {
			delete(waiting, next)
			<-slots
			next++
			if q.err != nil {
				return q.err
			}
			if err := each(q.res); err != nil {
				return err
			}
		}
	}
	return nil
}
