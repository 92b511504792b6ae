package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/match"
	"ili/game/save"
)

// cmdReplay replays saved games without a window, checks the state hash at
// the start of every turn, and prints each game's result; the first file
// that does not replay ends it with one sentence and exit code 1.
func cmdReplay(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("replay", "replay SAVE.json...", stderr)
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
		if err != nil {
			fmt.Fprintf(stderr, "ili: %s does not replay: %v\n", name, replayProblem(err))
			return cli.Bad
		}
		fmt.Fprintf(stdout, "%s: %s\n", name, resultLine(m))
	}
	return cli.OK
}

// replayProblem says where and how a replay failed.
func replayProblem(err error) string {
	msg := err.Error()
	if strings.Contains(msg, match.ErrDiverged.Error()) && !strings.Contains(msg, "command") {
		return msg + " (the state hash differs from the one saved: the game was saved by another version of the rules or the scenario)"
	}
	return msg
}

// resultLine sums a replayed game up in one line: its scenario, turns,
// winner, points and whether it went as in history.
func resultLine(m *match.Match) string {
	r := m.Result()
	rec := m.Record()
	state := "turn %d, under way"
	if m.Over() {
		state = "%d turns"
	}
	winner := "a draw"
	if r.Winner != "" {
		winner = r.Winner + " wins"
	}
	if !m.Over() {
		winner = "no result yet"
	}
	sides := make([]string, 0, len(r.VP))
	for side := range r.VP {
		sides = append(sides, side)
	}
	sort.Strings(sides)
	var vp []string
	for _, s := range sides {
		vp = append(vp, fmt.Sprintf("%s %d", s, r.VP[s]))
	}
	line := fmt.Sprintf("%s, seed %d, "+state+": %s", rec.Scenario, rec.Seed, r.Turns, winner)
	if m.Over() && r.Reason != "" {
		line += " (" + r.Reason + ")"
	}
	line += "; VP " + strings.Join(vp, ", ")
	if m.Over() {
		line += fmt.Sprintf("; as in history: %v", r.Historical)
	}
	return line + fmt.Sprintf("; %d commands, every turn's hash checked", r.Commands)
}
