// Package whatif runs batches of seeded AI-against-AI games of a scenario and
// sums up how likely each outcome is: win rates with confidence intervals,
// losses, when objectives change hands, and how often history repeats. Run i
// of a batch uses seed S+i, so a batch can be split by seed range across
// machines and merged, and the same seed gives the same result with any
// number of workers.
package whatif

import (
	"fmt"
	"path/filepath"
	"runtime"
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
	Name   string
	Set    []string
	Levels map[string]ai.Level // by side ID; missing sides play Normal
	// FollowPlans makes every side's AI follow the scenario's historical plan.
	FollowPlans bool
}

// Losses is what one side lost over a game.
type Losses = match.Losses

// Capture is a place changing hands.
type Capture = match.Capture

// Result is one game of a batch: its seed and how it ended.
type Result struct {
	Seed uint64 `json:"seed"`
	match.Result
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

// Match plays one seeded game of the setup to the end and returns it.
func Match(set Setup, seed uint64) (*match.Match, error) {
	name := set.Name
	if name == "" {
		name = set.Scenario.ID
	}
	cfg := match.Config{Scenario: name, Variants: set.Scenario.Applied, Set: set.Set, Seed: seed, Seats: set.Seats()}
	m, _, err := match.New(set.Scenario, cfg)
	if err != nil {
		return nil, err
	}
	if err := m.PlayOut(); err != nil {
		return nil, fmt.Errorf("seed %d: %w", seed, err)
	}
	return m, nil
}

// Play plays one seeded game to the end.
func Play(set Setup, seed uint64) (Result, error) { return play(set, seed, "") }

// Options control a batch.
type Options struct {
	Runs     int
	Seed     uint64
	Workers  int                 // 0: all cores
	Progress func(done, all int) // called after each run, from one goroutine at a time
	// Keep is a folder to write every run into as a saved game, which
	// ili replay checks and the window opens; "" keeps none.
	Keep string
}

// KeptName is the file a kept run of the scenario with the given seed is
// written to, in the Keep folder.
func KeptName(dir, scenarioID string, seed uint64) string {
	return filepath.Join(dir, fmt.Sprintf("%s-seed%d.json", scenarioID, seed))
}

// play plays one game and, when dir is not "", saves it there.
func play(set Setup, seed uint64, dir string) (Result, error) {
	m, err := Match(set, seed)
	if err != nil {
		return Result{Seed: seed}, err
	}
	if dir != "" {
		if err := save.FromMatch(m).Write(KeptName(dir, set.Scenario.ID, seed)); err != nil {
			return Result{Seed: seed}, err
		}
	}
	return Result{Seed: seed, Result: m.Result()}, nil
}

// Batch is a finished batch.
type Batch struct {
	Results []Result
	Elapsed time.Duration
}

// Run plays opt.Runs games with seeds Seed, Seed+1, ... on opt.Workers
// goroutines. Results are in seed order whatever the number of workers.
func Run(set Setup, opt Options) (Batch, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	start := time.Now()
	out := make([]Result, opt.Runs)
	errs := make([]error, opt.Runs)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i], errs[i] = play(set, opt.Seed+uint64(i), opt.Keep)
				if opt.Progress != nil {
					mu.Lock()
					done++
					opt.Progress(done, opt.Runs)
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < opt.Runs; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return Batch{}, err
		}
	}
	return Batch{Results: out, Elapsed: time.Since(start)}, nil
}
