package main

import (
	"bytes"
	"fmt"
	"ili/cmd/internal/cli"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"ili/game/ai"
	"ili/game/files"
	"ili/game/scenario"
	"ili/game/whatif"
)

// simRun is one ili sim command line, read.
type simRun struct {
	runs, workers       int
	seed                uint64
	format, out, chart  string
	compare, keep       string
	plans               bool
	variants, sets, ais cli.List
	name, file          string
	text                []byte
	stderr              io.Writer
}

func cmdSim(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "merge" {
		return cmdSimMerge(args[1:], stdout, stderr)
	}
	r, code := readSim(args, stderr)
	if code != cli.OK {
		return code
	}
	if r.compare != "" {
		return r.runCompare(stdout)
	}
	rep, code := r.batch(nil)
	if code != cli.OK {
		return code
	}
	if r.chart != "" {
		if code := writeChart(rep, r.chart, stderr); code != cli.OK {
			return code
		}
	}
	return emit(r.out, render(rep, r.format), stdout, stderr)
}

// readSim reads and checks ili sim's command line and its scenario file.
func readSim(args []string, stderr io.Writer) (*simRun, int) {
	r := &simRun{stderr: stderr}
	fs := cli.NewFlags("sim", "sim SCENARIO [--runs N] [--seed S] [--variant V]... [--set KEY=VALUE]... [--ai SIDE=LEVEL]... [--workers N] [--format text|json|csv] [--out FILE] [--chart FILE.png] [--compare V1,V2] [--plan] [--keep DIR]", stderr)
	fs.IntVar(&r.runs, "runs", 100, "games to play")
	fs.Uint64Var(&r.seed, "seed", 1, "seed of the first game; game i uses seed+i")
	fs.IntVar(&r.workers, "workers", 0, "games played at once (0: one per core)")
	fs.StringVar(&r.format, "format", "text", "text, json or csv")
	fs.StringVar(&r.out, "out", "", "write the report to FILE instead of standard output")
	fs.StringVar(&r.chart, "chart", "", "draw the outcome distributions to FILE.png")
	fs.StringVar(&r.compare, "compare", "", "compare two setups: V1,V2 (variant ids, or base)")
	fs.BoolVar(&r.plans, "plan", false, "the AI follows each side's historical plan, where the scenario gives one")
	fs.StringVar(&r.keep, "keep", "", "write every run into the folder DIR as a saved game, for 'ili replay' and 'ili play --load'")
	fs.Var(&r.variants, "variant", "a what-if variant to switch on (repeatable)")
	fs.Var(&r.sets, "set", "override a value, such as turns=8 or unit.ID.men=900 (repeatable)")
	fs.Var(&r.ais, "ai", "SIDE=LEVEL: random, greedy, easy, normal or hard (repeatable; default normal)")
	if code, ok := cli.Parse(fs, args); !ok {
		return nil, code
	}
	switch {
	case fs.NArg() != 1:
		fmt.Fprintln(stderr, "ili sim needs one scenario: a bundled id such as ghulja-1944 (see 'ili list') or a .toml file.")
		return nil, cli.Usage
	case r.runs < 1 || r.runs > 10000000:
		fmt.Fprintf(stderr, "--runs is %d; give a number of games from 1 up.\n", r.runs)
		return nil, cli.Usage
	case r.format != "text" && r.format != "json" && r.format != "csv":
		fmt.Fprintf(stderr, "--format is %q; use text, json or csv.\n", r.format)
		return nil, cli.Usage
	}
	var err error
	r.name = fs.Arg(0)
	if r.file, r.text, err = scenario.Read(r.name); err != nil {
		return nil, cli.Report(stderr, err)
	}
	if r.keep != "" {
		if err := os.MkdirAll(r.keep, 0o755); err != nil {
			fmt.Fprintf(stderr, "ili: --keep %s: cannot make the folder: %v\n", r.keep, err)
			return nil, cli.Bad
		}
	}
	return r, cli.OK
}

// batch plays the setup with the extra variants and sums it up.
func (r *simRun) batch(extra []string) (*whatif.Report, int) {
	vs := append(append([]string(nil), r.variants...), extra...)
	sc, err := scenario.Parse(r.file, r.text, scenario.Options{Variants: vs, Set: r.sets})
	if err != nil {
		return nil, cli.Report(r.stderr, err)
	}
	levels, names, code := parseAI(sc, r.ais, r.stderr)
	if code != cli.OK {
		return nil, code
	}
	set := whatif.Setup{Scenario: sc, Name: r.name, Set: r.sets, Levels: levels, FollowPlans: r.plans}
	prog := newProgress(r.stderr, r.runs)
	b, err := whatif.Run(set, whatif.Options{Runs: r.runs, Seed: r.seed, Workers: r.workers, Progress: prog.update, Keep: r.keepDir(extra)})
	prog.finish()
	if err != nil {
		fmt.Fprintf(r.stderr, "ili: %v\n", err)
		return nil, cli.Bad
	}
	meta := whatif.Meta{Scenario: sc.ID, ScenarioText: r.text, Variants: vs, Set: r.sets, AI: names, Seed: r.seed}
	return whatif.NewReport(set, meta, b), cli.OK
}

// runCompare plays the two setups --compare names and sets them side by side.
func (r *simRun) runCompare(stdout io.Writer) int {
	parts := strings.Split(r.compare, ",")
	if len(parts) != 2 {
		fmt.Fprintf(r.stderr, "--compare %q: give two setups separated by a comma, such as base,no-soviet.\n", r.compare)
		return cli.Usage
	}
	var reps [2]*whatif.Report
	for i, p := range parts {
		var extra []string
		if p = strings.TrimSpace(p); p != "base" && p != "" {
			extra = []string{p}
		}
		rep, code := r.batch(extra)
		if code != cli.OK {
			return code
		}
		reps[i] = rep
	}
	var buf bytes.Buffer
	writeComparison(&buf, parts, reps[0], reps[1])
	return emit(r.out, buf.Bytes(), stdout, r.stderr)
}

// keepDir is where the runs of a setup are kept: the --keep folder, or,
// when --compare plays two setups, a folder in it for each (a saved game's
// writer makes the folder).
func (r *simRun) keepDir(extra []string) string {
	if r.keep == "" || r.compare == "" {
		return r.keep
	}
	name := "base"
	if len(extra) > 0 {
		name = strings.Join(extra, "+")
	}
	return filepath.Join(r.keep, name)
}

// writeChart draws the batch's distributions to a PNG file.
func writeChart(rep *whatif.Report, name string, stderr io.Writer) int {
	var img bytes.Buffer
	if err := rep.WriteChart(&img); err != nil {
		fmt.Fprintf(stderr, "ili: cannot draw the chart: %v\n", err)
		return cli.Bad
	}
	if err := files.Write(name, img.Bytes()); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

// parseAI reads --ai SIDE=LEVEL flags against the scenario's sides: the
// levels (normal where no flag names a side) and their names.
func parseAI(sc *scenario.Scenario, flags []string, stderr io.Writer) (map[string]ai.Level, map[string]string, int) {
	given, _, code, ok := cli.ParseAI(sc, flags, false, stderr)
	if !ok {
		return nil, nil, code
	}
	levels := map[string]ai.Level{}
	names := map[string]string{}
	for _, s := range sc.Setup.Sides {
		lv, ok := given[s.ID]
		if !ok {
			lv = ai.Normal
		}
		levels[s.ID], names[s.ID] = lv, lv.String()
	}
	return levels, names, cli.OK
}

func render(rep *whatif.Report, format string) []byte {
	var buf bytes.Buffer
	switch format {
	case "json":
		rep.WriteJSON(&buf)
	case "csv":
		rep.WriteCSV(&buf)
	default:
		rep.WriteText(&buf)
	}
	return buf.Bytes()
}

func writeComparison(w io.Writer, names []string, a, b *whatif.Report) {
	fmt.Fprintf(w, "%s: %s against %s, %d and %d runs\n\n", a.Scenario, names[0], names[1], a.Runs, b.Runs)
	fmt.Fprintf(w, "%-16s %10s %10s %10s  %s\n", "OUTCOME", names[0], names[1], "DIFFERENCE", "LARGER THAN CHANCE?")
	for _, d := range whatif.Compare(a, b) {
		verdict := "no"
		if d.Significant {
			verdict = "yes (95%)"
		}
		label := d.Outcome
		if label != "draw" && label != "as in history" {
			label += " wins"
		}
		fmt.Fprintf(w, "%-16s %9.1f%% %9.1f%% %+9.1f%%  %s\n", label, 100*d.A.Share, 100*d.B.Share, 100*d.Diff, verdict)
	}
}

func cmdSimMerge(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("sim merge", "sim merge FILE... [--format text|json|csv] [--out FILE]", stderr)
	format := fs.String("format", "json", "text, json or csv")
	out := fs.String("out", "", "write the merged report to FILE")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() < 1 {
		fmt.Fprintln(stderr, "ili sim merge needs the JSON files of the batches to join.")
		return cli.Usage
	}
	var reps []*whatif.Report
	for _, name := range fs.Args() {
		data, err := files.Read(name, files.MaxData)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
		rep, err := whatif.ReadReport(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintf(stderr, "ili: %s: %v\n", name, err)
			return cli.Bad
		}
		reps = append(reps, rep)
	}
	merged, err := whatif.Merge(reps)
	if err != nil {
		fmt.Fprintf(stderr, "ili: cannot merge: %v\n", err)
		return cli.Bad
	}
	return emit(*out, render(merged, *format), stdout, stderr)
}

// emit writes data to the file named (atomically) or to stdout.
func emit(out string, data []byte, stdout, stderr io.Writer) int {
	if out == "" || out == files.Stdout {
		stdout.Write(data)
		return cli.OK
	}
	if err := files.Write(out, data); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

// progress draws a bar on stderr for batches longer than a second, when
// stderr is a terminal.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	all     int
	mu      sync.Mutex
	started bool
}

func newProgress(w io.Writer, all int) *progress {
	p := &progress{w: w, all: all, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) update(done, all int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond && done < all {
		return
	}
	p.last, p.started = now, true
	const width = 30
	n := done * width / all
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d runs", strings.Repeat("#", n), strings.Repeat(".", width-n), done, all)
}

func (p *progress) finish() {
	if p.started {
		fmt.Fprintln(p.w)
	}
}
