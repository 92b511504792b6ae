package main

import (
	"bytes"
	"fmt"
	"ili/cmd/internal/cli"
	"io"
	"time"

	"ili/game/calib"
	"ili/game/files"
	"ili/game/rules"
)

func cmdCalibrate(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("calibrate", "calibrate FILE.csv [--reps N] [--seed S] [--format text|csv]", stderr)
	reps := fs.Int("reps", 200, "resolutions of each engagement")
	seed := fs.Uint64("seed", 1, "random seed")
	format := fs.String("format", "text", "text (a summary against the record) or csv (one row per engagement)")
	workers := fs.Int("workers", 0, "goroutines to use (0: all cores)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "ili calibrate needs one CSV file of engagements, such as shared/data/cdb90/calibration.csv.")
		return cli.Usage
	}
	if *reps < 1 || *reps > 100000 {
		fmt.Fprintf(stderr, "--reps is %d; give a number from 1 to 100000.\n", *reps)
		return cli.Usage
	}
	if *format != "text" && *format != "csv" {
		fmt.Fprintf(stderr, "--format is %q; use text or csv.\n", *format)
		return cli.Usage
	}
	data, err := files.Read(fs.Arg(0), files.MaxData)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	engs, skipped, err := calib.Read(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintf(stderr, "ili: %s: %v\n", fs.Arg(0), err)
		return cli.Bad
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "%s: skipped %s\n", fs.Arg(0), s)
	}
	if len(engs) == 0 {
		fmt.Fprintf(stderr, "ili: %s has no usable engagements.\n", fs.Arg(0))
		return cli.Bad
	}
	start := time.Now()
	results := calib.Run(engs, &rules.Default, *reps, *seed, *workers)
	elapsed := time.Since(start)
	if *format == "csv" {
		calib.WriteCSV(stdout, results)
		return cli.OK
	}
	defaults := 0
	for _, e := range engs {
		if len(e.Defaults) > 0 {
			defaults++
		}
	}
	fmt.Fprintf(stdout, "%s: %d engagements used (%d with defaults for unknown values), %d skipped; %d resolutions each\n\n",
		fs.Arg(0), len(engs), defaults, len(skipped), *reps)
	calib.Summarize(results).WriteText(stdout)
	fmt.Fprintf(stdout, "\n%d resolutions in %.2f s\n", len(engs)**reps, elapsed.Seconds())
	return cli.OK
}
