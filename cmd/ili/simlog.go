package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/whatif"
	"ili/game/words"
)

// logRefuses are the flags of ili sim that a single game's log has no use
// for: it plays one game and sums nothing up.
var logRefuses = []string{"runs", "seed", "workers", "format", "chart", "compare", "keep", "shard", "sweep", "sensitivity", "delta"}

// logProblem is the sentence that says what is wrong with --log among the
// flags set, or "".
func logProblem(fs *flag.FlagSet, log string) string {
	if _, err := strconv.ParseUint(log, 10, 64); err != nil {
		return fmt.Sprintf("--log %q: give the seed of the game to print, a whole number such as 7.", log)
	}
	var with []string
	fs.Visit(func(f *flag.Flag) {
		for _, r := range logRefuses {
			if f.Name == r {
				with = append(with, "--"+r)
			}
		}
	})
	if len(with) > 0 {
		return fmt.Sprintf("--log plays one game, the one its seed names, and prints its log; give it without %s.", strings.Join(with, " or "))
	}
	return ""
}

// runLog plays the game of the seed --log gives, the one a batch from that
// seed plays first, and prints its events as the window's log writes them
// for a game of AIs alone: everything, as an all-seeing reader would see it.
func (r *simRun) runLog(stdout io.Writer) int {
	seed, _ := strconv.ParseUint(r.log, 10, 64) // logProblem checked it
	set, code := r.load(r.spec, "")
	if code != cli.OK {
		return code
	}
	sc := set.Scenario
	evs, err := gameEvents(set, seed)
	if err != nil {
		fmt.Fprintf(r.stderr, "ili: %v\n", err)
		return cli.Bad
	}
	out, code := openOut(r.out, stdout, r.stderr)
	if code != cli.OK {
		return code
	}
	log := words.NewLog(sc)
	for _, e := range evs {
		fmt.Fprintln(out, log.Line(e))
	}
	return out.finish(cli.OK, r.stderr)
}

// gameEvents plays the setup's game with the given seed to its end and
// returns everything that happened, the opening first.
func gameEvents(set whatif.Setup, seed uint64) ([]rules.Event, error) {
	m, evs, err := match.New(set.Scenario, set.Config(seed))
	if err != nil {
		return nil, err
	}
	more, err := m.Run()
	if err != nil {
		return nil, fmt.Errorf("seed %d: %w", seed, err)
	}
	return append(evs, more...), nil
}
