package main

import (
	"fmt"
	"io"

	"ili/cmd/internal/cli"
	"ili/game/debrief"
	"ili/game/match"
	"ili/game/save"
)

// cmdReport writes the debrief of a saved game: one HTML page with its
// pictures beside it, in the folder --out names.
func cmdReport(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("report", "report SAVE.json --out DIR [--side ID]", stderr)
	dir := fs.String("out", "", "the folder to write the page (index.html) and its pictures into; made if missing")
	side := fs.String("side", "", "the side whose view the maps show beside the truth (default: the side a person played)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *dir == "" {
		fmt.Fprintln(stderr, "ili report needs one saved game and --out DIR, such as: ili report game.json --out debrief")
		return cli.Usage
	}
	g, err := save.Read(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	sc, err := match.ScenarioOf(g.Record)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %s: %v\n", fs.Arg(0), err)
		return cli.Bad
	}
	d, err := debrief.Build(sc, g.Record, *side)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %s: %v\n", fs.Arg(0), replayProblem(err))
		return cli.Bad
	}
	page, err := d.Write(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintf(stdout, "wrote %s\n", page)
	return cli.OK
}
