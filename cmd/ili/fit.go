package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"ili/cmd/internal/cli"
	"ili/game/calib"
	"ili/game/files"
	"ili/game/rules"
)

// cmdFit fits the combat model's odds and losses to a file of engagements
// and prints the in-sample and cross-validated figures; --out writes the
// parameters as game/rules/combat.json holds them.
func cmdFit(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("fit", "fit FILE.csv [--folds K] [--repeats R] [--seed S] [--ratio B] [--out combat.json]", stderr)
	folds := fs.Int("folds", 5, "parts the cross-validation splits the engagements into, from 2 to 20")
	repeats := fs.Int("repeats", 10, "times the cross-validation is repeated on other splits, from 1 to 100")
	seed := fs.Uint64("seed", 1, "seed of the splits")
	out := fs.String("out", "", "write the fitted model's parameters to FILE (- for standard output)")
	ratio := fs.Float64("ratio", calib.HeldRatio, "the odds' slope in ln R, held and not fitted; 0 fits it to the file")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() != 1:
		fmt.Fprintln(stderr, "ili fit needs one CSV file of engagements, such as shared/data/cdb90/calibration.csv.")
		return cli.Usage
	case !(*ratio >= 0 && *ratio <= 3):
		fmt.Fprintf(stderr, "--ratio is %v; give a slope from 0 (fitted) to 3.\n", *ratio)
		return cli.Usage
	case *folds < 2 || *folds > 20 || *repeats < 1 || *repeats > 100:
		fmt.Fprintf(stderr, "--folds is %d and --repeats %d; give folds from 2 to 20 and repeats from 1 to 100.\n", *folds, *repeats)
		return cli.Usage
	}
	engs, code := readEngagements(fs.Arg(0), stderr)
	if code != cli.OK {
		return code
	}
	f := calib.FitModel(engs, &rules.Default, calib.FitOptions{Folds: *folds, Repeats: *repeats, Seed: *seed, Ratio: *ratio})
	writeFit(stdout, fs.Arg(0), len(engs), *folds, *repeats, f)
	if *out != "" {
		data, _ := json.MarshalIndent(f.Model, "", " ")
		if err := files.Write(*out, append(data, '\n')); err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
	}
	return cli.OK
}

// readEngagements reads a CSV file of engagements, saying what it skipped.
func readEngagements(name string, stderr io.Writer) ([]calib.Engagement, int) {
	data, err := files.Read(name, files.MaxData)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return nil, cli.Bad
	}
	engs, skipped, err := calib.Read(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintf(stderr, "ili: %s: %v\n", name, err)
		return nil, cli.Bad
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "%s: skipped %s\n", name, s)
	}
	if len(engs) < 20 {
		fmt.Fprintf(stderr, "ili: %s has %d usable engagements; a fit needs at least 20.\n", name, len(engs))
		return nil, cli.Bad
	}
	return engs, cli.OK
}

// writeFit prints a fit's figures, in-sample beside cross-validated.
func writeFit(w io.Writer, name string, n, folds, repeats int, f calib.Fitted) {
	fmt.Fprintf(w, "%s: %d engagements; odds and losses fitted by penalised likelihood, the penalty and the\n", name, n)
	fmt.Fprintf(w, "recalibration of the odds chosen by %d-fold cross-validation repeated %d times\n\n", folds, repeats)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	in, cv := f.InSample, f.CV
	fmt.Fprintln(tw, "\tIN-SAMPLE\tCROSS-VALIDATED\tBASE RATE")
	fmt.Fprintf(tw, "Brier score\t%.4f\t%.4f\t%.4f\n", in.Brier, cv.Brier, cv.BaseBrier)
	fmt.Fprintf(tw, "log-loss\t%.4f\t%.4f\t%.4f\n", in.LogLoss, cv.LogLoss, cv.BaseLog)
	fmt.Fprintf(tw, "calibration slope\t%.2f\t%.2f\t1 is calibrated\n", in.Slope, cv.Slope)
	fmt.Fprintf(tw, "winner accuracy\t%.3f\t%.3f\t\n", in.Accuracy, cv.Accuracy)
	fmt.Fprintf(tw, "attacker's daily losses, median error\tx%.2f\tx%.2f\tgiven the outcome\n", in.LossErrA, cv.LossErrA)
	fmt.Fprintf(tw, "defender's daily losses, median error\tx%.2f\tx%.2f\tgiven the outcome\n", in.LossErrD, cv.LossErrD)
	tw.Flush()
	fmt.Fprintf(w, "\nThe cross-validated figures are nested: every battle is predicted by a fit, penalty and\nrecalibration chosen without it. Penalties: odds %g, losses %g; recalibration of the log-odds: %.3f + %.3f x.\n",
		f.LambdaOdds, f.LambdaLoss, f.RecalA, f.RecalS)
	o := f.Model.Odds
	held := ""
	if f.HeldRatio != 0 {
		held = " (held, not fitted)"
	}
	fmt.Fprintf(w, "\nLog-odds of an attacker win: %.3f; prepared %+.3f, fortified %+.3f, delaying %+.3f; ln R x %.3f%s;\nsurprise x %.3f a level, the defender's x %.3f; air superiority x %.3f; before 1900 %+.3f\n",
		o.Bias, o.Posture[1], o.Posture[2], o.Posture[3], o.Ratio, held, o.Surprise, o.DefenderSurprise, o.Air, o.Era)
	d := f.Model.DecisionDays
	fmt.Fprintf(w, "Battles of %.0f men decided after %.2f days on average against a hasty defence, %.2f prepared, %.2f fortified,\n  %.2f delaying; days x (men/%.0f)^%.3f\n",
		f.Model.DecisionMen, d[0], d[1], d[2], d[3], f.Model.DecisionMen, f.Model.DecisionSize)
	for _, l := range []struct {
		side string
		m    rules.LossModel
	}{{"attacker", f.Model.LossA}, {"defender", f.Model.LossD}} {
		fmt.Fprintf(w, "ln daily loss, %s: %.3f; prepared %+.3f, fortified %+.3f, delaying %+.3f; ln R x %.3f; ln days x %.3f;\n  the attacker won %+.3f; before 1900 %+.3f; surprise x %+.3f a level, the defender's x %+.3f; air superiority x %+.3f;\n  spread %.3f\n",
			l.side, l.m.Base, l.m.Posture[1], l.m.Posture[2], l.m.Posture[3], l.m.Ratio, l.m.Days, l.m.Won, l.m.Era,
			l.m.Surprise, l.m.DefenderSurprise, l.m.Air, l.m.Sigma)
	}
}
