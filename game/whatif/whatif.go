// Package whatif runs batches of seeded AI-against-AI games of a scenario and
// sums up how likely each outcome is: win rates with confidence intervals,
// losses, when objectives change hands, and how often history repeats. Run i
// of a batch uses seed S+i, so a batch can be split by seed range across
// machines and merged, and the same seed gives the same result with any
// number of workers.
package whatif

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"ili/game/ai"
	"ili/game/rules"
	"ili/game/scenario"
)

// Setup is what a batch plays: a loaded scenario and each side's AI level.
type Setup struct {
	Scenario *scenario.Scenario
	Levels   map[string]ai.Level // by side ID; missing sides play Normal
	// FollowPlans makes every side's AI follow the scenario's historical plan.
	FollowPlans bool
}

// Losses is what one side lost over a game.
type Losses struct {
	Men      int `json:"men"` // casualties and prisoners
	Captured int `json:"captured"`
	Guns     int `json:"guns"`
	MGs      int `json:"mgs"`
	Armour   int `json:"armour"`
	Aircraft int `json:"aircraft"`
}

// Capture is a place changing hands.
type Capture struct {
	Place string `json:"place"`
	Side  string `json:"side"`
	Turn  int    `json:"turn"`
}

// Result is one game of a batch.
type Result struct {
	Seed       uint64            `json:"seed"`
	Winner     string            `json:"winner"` // "" for a draw
	Reason     string            `json:"reason"`
	Turns      int               `json:"turns"`
	VP         map[string]int    `json:"vp"`
	Losses     map[string]Losses `json:"losses"`
	Captures   []Capture         `json:"captures"`
	Historical bool              `json:"historical"`
	Commands   int               `json:"commands"`
}

// maxCommands bounds a game against an AI that would never end its phase.
const maxCommands = 200000

// Play plays one seeded game to the end.
func Play(set Setup, seed uint64) (Result, error) {
	sc := set.Scenario
	s, err := sc.NewState(seed)
	if err != nil {
		return Result{}, err
	}
	players := make([]*ai.Player, len(s.Sides))
	for i, side := range s.Sides {
		level, ok := set.Levels[side.ID]
		if !ok {
			level = ai.Normal
		}
		players[i] = ai.New(side.ID, level, seed*1000003+uint64(i))
		players[i].FollowPlan = set.FollowPlans
	}
	start := map[string]rules.Unit{}
	for _, u := range s.Units {
		start[u.ID] = u
	}
	res := Result{Seed: seed}
	record := func(evs []rules.Event) {
		for _, e := range evs {
			if c, ok := e.(rules.PlaceCaptured); ok {
				res.Captures = append(res.Captures, Capture{Place: c.Place, Side: c.Side, Turn: s.Turn})
			}
		}
	}
	record(s.Begin())
	for !s.Over {
		if res.Commands >= maxCommands {
			return res, fmt.Errorf("seed %d: the game did not end within %d commands", seed, maxCommands)
		}
		side := s.ActiveSide()
		cmd := players[s.Phase].Next(s.For(side))
		evs, err := s.Apply(cmd)
		res.Commands++
		if err != nil {
			// An AI command the rules refuse is a bug in the AI; end its phase
			// rather than stall, and say so in the result.
			res.Reason = "AI error: " + err.Error()
			evs, err = s.Apply(rules.EndPhase(side))
			if err != nil {
				return res, err
			}
		}
		record(evs)
	}
	res.Winner, res.Turns = s.Winner, s.Turn
	if res.Reason == "" {
		res.Reason = s.Reason
	}
	res.VP = s.VP()
	res.Losses = map[string]Losses{}
	for _, u := range s.Units {
		l := res.Losses[u.Side]
		st := start[u.ID]
		l.Men += u.Casualties + u.Captured
		l.Captured += u.Captured
		l.Guns += st.Guns - u.Guns
		l.MGs += st.MGs - u.MGs
		l.Armour += st.Armour - u.Armour
		l.Aircraft += st.Aircraft - u.Aircraft
		res.Losses[u.Side] = l
	}
	res.Historical = historical(sc, s)
	return res, nil
}

// historical reports whether a finished game matches what happened: the same
// winner and at least half of the places the record names held by the same side.
func historical(sc *scenario.Scenario, s *rules.State) bool {
	if s.Winner != sc.History.Winner {
		return false
	}
	if len(sc.History.Holds) == 0 {
		return true
	}
	match := 0
	for id, side := range sc.History.Holds {
		if p := s.Place(id); p != nil && p.Owner == side {
			match++
		}
	}
	return 2*match >= len(sc.History.Holds)
}

// Options control a batch.
type Options struct {
	Runs     int
	Seed     uint64
	Workers  int                 // 0: all cores
	Progress func(done, all int) // called after each run, from one goroutine at a time
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
				out[i], errs[i] = Play(set, opt.Seed+uint64(i))
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
