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
// pictures beside it, in the folder --out names; with --class, one page on
// a class's games.
func cmdReport(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("report", "report SAVE.json --out DIR [--side ID] | report --class SAVE.json... --out DIR", stderr)
	dir := fs.String("out", "", "the folder to write the page (index.html, or class.html) and its pictures into; made if missing")
	side := fs.String("side", "", "the side whose view the maps show beside the truth (default: the side a person played)")
	class := fs.Bool("class", false, "sum up a class's saved games of one setup on one page, beside the same setup played by the AI")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if *class {
		return reportClass(fs.Args(), *dir, stdout, stderr)
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
	d.Lesson = g.Lesson // the student, the lesson and the answers, if it was played in one
	page, err := d.Write(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintf(stdout, "wrote %s\n", page)
	return cli.OK
}

// reportClass writes the class page of the saved games names.
func reportClass(names []string, dir string, stdout, stderr io.Writer) int {
	if len(names) == 0 || dir == "" {
		fmt.Fprintln(stderr, "ili report --class needs the class's saved games and --out DIR, such as: ili report --class class/*.json --out class")
		return cli.Usage
	}
	var games []*save.Game
	for _, name := range names {
		g, err := save.Read(name)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
		games = append(games, g)
	}
	c, err := debrief.BuildClass(games, names)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", replayProblem(err))
		return cli.Bad
	}
	page, err := c.Write(dir)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintf(stdout, "wrote %s\n", page)
	return cli.OK
}
