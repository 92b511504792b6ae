package main

import (
	"fmt"
	"io"

	"ili/cmd/internal/cli"
	"ili/game/history"
	"ili/game/scenario"
)

// cmdHistory prints a scenario's documented course of events by turn: the
// dates, who held each place, where the main bodies stood, what happened
// and whose account it is.
func cmdHistory(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("history", "history SCENARIO [--format text|json] [--out FILE]", stderr)
	format := fs.String("format", "text", "text (a handout) or json (every turn's holders and positions)")
	outName := fs.String("out", "", "write to FILE instead of standard output (-)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() != 1:
		fmt.Fprintln(stderr, "ili history needs one scenario, such as: ili history nilka-1944 (run 'ili list' for the others).")
		return cli.Usage
	case *format != "text" && *format != "json":
		fmt.Fprintf(stderr, "--format is %q; use text or json.\n", *format)
		return cli.Usage
	}
	sc, err := scenario.Load(fs.Arg(0), scenario.Options{})
	if err != nil {
		cli.Report(stderr, err)
		return cli.Bad
	}
	out, code := openOut(*outName, stdout, stderr)
	if code != cli.OK {
		return code
	}
	c := history.New(sc)
	if *format == "json" {
		err = c.JSON(out)
	} else {
		err = c.Text(out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return out.finish(cli.Bad, stderr)
	}
	return out.finish(cli.OK, stderr)
}
