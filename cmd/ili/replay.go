package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/words"
)

// cmdReplay replays saved games without a window, checks the state hash at
// the start of every turn, and prints each game's result; the first file
// that does not replay ends it with one sentence and exit code 1.
func cmdReplay(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("replay", "replay SAVE.json... [--log]", stderr)
	logged := fs.Bool("log", false, "print each game's log before its result, as the window writes it for a game of AIs alone: every event")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "ili replay needs saved games, such as: ili replay runs/*.json (write them with 'ili sim --keep runs').")
		return cli.Usage
	}
	for _, name := range fs.Args() {
		g, err := save.Read(name)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
		m, err := g.Replay()
		if err == nil && *logged {
			err = printLog(stdout, g.Record)
		}
		if err != nil {
			fmt.Fprintf(stderr, "ili: %s does not replay: %v\n", name, replayProblem(err))
			return cli.Bad
		}
		fmt.Fprintf(stdout, "%s: %s\n", name, resultLine(m, g.Final != ""))
	}
	return cli.OK
}

// printLog replays a record, which has replayed once already, and prints
// every event of it as the window's log writes it.
func printLog(w io.Writer, rec match.Record) error {
	sc, err := match.ScenarioOf(rec)
	if err != nil {
		return err
	}
	log := words.NewLog(sc)
	_, err = match.ReplayWatched(sc, rec, func(_ *match.Match, evs []rules.Event) {
		for _, e := range evs {
			fmt.Fprintln(w, log.Line(e))
		}
	})
	return err
}

// replayProblem says where and how a replay failed.
func replayProblem(err error) string {
	msg := err.Error()
	if errors.Is(err, match.ErrDiverged) {
		msg += " (the file was changed, or saved by another version of the rules or the scenario)"
	}
	return msg
}

// resultLine sums a replayed game up in one line: its scenario, seed,
// turns, winner, points and whether it went as in history.
func resultLine(m *match.Match, final bool) string {
	r, rec := m.Result(), m.Record()
	var b strings.Builder
	fmt.Fprintf(&b, "%s, seed %d, ", rec.Scenario, rec.Seed)
	switch {
	case !m.Over():
		fmt.Fprintf(&b, "turn %d, under way", r.Turns)
	case r.Winner == "":
		fmt.Fprintf(&b, "%d turns: a draw (%s)", r.Turns, r.Reason)
	default:
		fmt.Fprintf(&b, "%d turns: %s won (%s)", r.Turns, r.Winner, r.Reason)
	}
	sides := make([]string, 0, len(r.VP))
	for side := range r.VP {
		sides = append(sides, side)
	}
	sort.Strings(sides)
	for i, s := range sides {
		sep := ", "
		if i == 0 {
			sep = "; VP "
		}
		fmt.Fprintf(&b, "%s%s %d", sep, s, r.VP[s])
	}
	if m.Over() {
		fmt.Fprintf(&b, "; as in history: %v", r.Historical)
	}
	fmt.Fprintf(&b, "; %d commands, every turn's hash", r.Commands)
	if final {
		b.WriteString(" and the last state")
	}
	b.WriteString(" checked")
	return b.String()
}
