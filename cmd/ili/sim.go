package main

import (
	"bufio"
	"errors"
	"fmt"
	"ili/cmd/internal/cli"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
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
	name, file, from    string
	log                 string // the seed of the one game whose log to print
	text                []byte
	stderr              io.Writer
}

// cmdSim runs ili sim: a batch, a comparison of two setups, or a merge.
func cmdSim(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "merge" {
		return cmdSimMerge(args[1:], stdout, stderr)
	}
	r, code := readSim(args, stderr)
	if r == nil { // a mistake, or --help
		return code
	}
	if r.log != "" {
		return r.runLog(stdout)
	}
	if r.compare != "" {
		return r.runCompare(stdout)
	}
	return r.runBatch(stdout)
}

// runBatch plays the batch and writes its report as the results come in:
// a file named by --out is replaced only once the report is whole.
func (r *simRun) runBatch(stdout io.Writer) int {
	out, code := openOut(r.out, stdout, r.stderr)
	if code != cli.OK {
		return code
	}
	enc, _ := whatif.NewEncoder(r.format, out) // readSim checked the format
	rep, code := r.batch(nil, enc)
	if code == cli.OK && r.chart != "" {
		code = writeChart(rep, r.chart, stdout, r.stderr)
	}
	return out.finish(code, r.stderr)
}

// readSim reads and checks ili sim's command line and its scenario file.
func readSim(args []string, stderr io.Writer) (*simRun, int) {
	r := &simRun{stderr: stderr}
	fs := cli.NewFlags("sim", "sim SCENARIO [--runs N] [--seed S] [--variant V]... [--set KEY=VALUE]... [--ai SIDE=LEVEL]... [--workers N] [--format text|json|csv] [--out FILE] [--chart FILE.png] [--compare V1,V2] [--plan] [--keep DIR] [--log SEED]", stderr)
	fs.IntVar(&r.runs, "runs", 100, fmt.Sprintf("games to play, from 1 to %d", whatif.MaxRuns))
	fs.Uint64Var(&r.seed, "seed", 1, "seed of the first game; game i uses seed+i")
	fs.IntVar(&r.workers, "workers", 0, "games played at once, from 1 to four per core (0: one per core)")
	fs.StringVar(&r.format, "format", "text", "text, json or csv")
	fs.StringVar(&r.out, "out", "", "write the report to FILE instead of standard output (-)")
	fs.StringVar(&r.chart, "chart", "", "draw the outcome distributions to FILE.png (- for standard output)")
	fs.StringVar(&r.compare, "compare", "", "compare two setups: V1,V2 (variant ids, or base)")
	fs.BoolVar(&r.plans, "plan", false, "the AI follows each side's historical plan, where the scenario gives one")
	fs.StringVar(&r.keep, "keep", "", "write every run into the folder DIR as a saved game, for 'ili replay' and 'ili play --load'")
	fs.Var(&r.variants, "variant", "a what-if variant to switch on (repeatable)")
	fs.Var(&r.sets, "set", "override a value, such as turns=8 or unit.ID.men=900 (repeatable)")
	fs.StringVar(&r.from, "from", "", "take up the record at this date, such as 1944-11-10 (or 1944-11-10T18:00): every game begins where the course of events stood then")
	fs.Var(&r.ais, "ai", "SIDE=LEVEL: random, greedy, easy, normal or hard (repeatable; default normal)")
	fs.StringVar(&r.log, "log", "", "play the one game of seed SEED and print its log as the window writes it, every event seen")
	if code, ok := cli.Parse(fs, args); !ok {
		return nil, code
	}
	msg := r.flagProblem(fs.NArg())
	if msg == "" && r.log != "" {
		msg = logProblem(fs, r.log)
	}
	if msg != "" {
		fmt.Fprintln(stderr, msg)
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

// flagProblem is the sentence that says what is wrong with the command
// line of ili sim with args positional arguments, or "".
func (r *simRun) flagProblem(args int) string {
	switch {
	case args != 1:
		return "ili sim needs one scenario: a bundled id such as ghulja-1944 (see 'ili list') or a .toml file."
	case r.runs < 1 || r.runs > whatif.MaxRuns:
		return fmt.Sprintf("--runs is %d; give a number of games from 1 to %d.", r.runs, whatif.MaxRuns)
	case r.workers < 0 || r.workers > whatif.MaxWorkers():
		return fmt.Sprintf("--workers is %d; give from 1 to %d games at once (four per core), or 0 for one per core.", r.workers, whatif.MaxWorkers())
	case r.seed > math.MaxUint64-uint64(r.runs-1):
		return fmt.Sprintf("--seed %d with --runs %d would need seeds past %d; give a seed of at most %d.", r.seed, r.runs, uint64(math.MaxUint64), uint64(math.MaxUint64)-uint64(r.runs-1))
	case !slices.Contains(whatif.Formats, r.format):
		return fmt.Sprintf("--format is %q; use text, json or csv.", r.format)
	case r.chart == files.Stdout && (r.out == "" || r.out == files.Stdout):
		return "--chart - and the report would both go to standard output; send one of them to a file with --out or --chart."
	}
	return ""
}

// batch plays the setup with the extra variants and sums it up, writing
// its report with enc (nil: none) as the results come in.
func (r *simRun) batch(extra []string, enc whatif.Encoder) (*whatif.Report, int) {
	vs := append(append([]string(nil), r.variants...), extra...)
	sc, err := scenario.Parse(r.file, r.text, scenario.Options{Variants: vs, Set: r.sets, From: r.from})
	if err != nil {
		return nil, cli.Report(r.stderr, err)
	}
	levels, names, code := parseAI(sc, r.ais, r.stderr)
	if code != cli.OK {
		return nil, code
	}
	set := whatif.Setup{Scenario: sc, Name: r.name, Set: r.sets, Levels: levels, FollowPlans: r.plans}
	meta := whatif.Meta{Scenario: sc.ID, Variants: vs, Set: r.sets, AI: names}
	prog := newProgress(r.stderr, r.runs)
	opt := whatif.Options{Runs: r.runs, Seed: r.seed, Workers: r.workers, Progress: prog.update, Keep: r.keepDir(extra)}
	rep, err := whatif.Stream(set, meta, opt, enc)
	prog.finish()
	if err != nil {
		fmt.Fprintf(r.stderr, "ili: %v\n", err)
		return nil, cli.Bad
	}
	return rep, cli.OK
}

// runCompare plays the two setups --compare names and sets them side by
// side; it keeps only their summaries.
func (r *simRun) runCompare(stdout io.Writer) int {
	parts := strings.Split(r.compare, ",")
	if len(parts) != 2 {
		fmt.Fprintf(r.stderr, "--compare %q: give two setups separated by a comma, such as base,no-soviet.\n", r.compare)
		return cli.Usage
	}
	out, code := openOut(r.out, stdout, r.stderr)
	if code != cli.OK {
		return code
	}
	var reps [2]*whatif.Report
	for i, p := range parts {
		var extra []string
		if p = strings.TrimSpace(p); p != "base" && p != "" {
			extra = []string{p}
		}
		if reps[i], code = r.batch(extra, nil); code != cli.OK {
			return out.finish(code, r.stderr)
		}
	}
	writeComparison(out, parts, reps[0], reps[1])
	return out.finish(cli.OK, r.stderr)
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

// writeChart draws the batch's distributions to a PNG file, or to stdout
// for -.
func writeChart(rep *whatif.Report, name string, stdout, stderr io.Writer) int {
	out, code := openOut(name, stdout, stderr)
	if code != cli.OK {
		return code
	}
	if err := rep.WriteChart(out); err != nil {
		fmt.Fprintf(stderr, "ili: cannot draw the chart: %v\n", err)
		return out.finish(cli.Bad, stderr)
	}
	return out.finish(cli.OK, stderr)
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

// cmdSimMerge joins batches split by seed range after checking that they
// are whole and of one setup.
func cmdSimMerge(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("sim merge", "sim merge FILE... [--format text|json|csv] [--out FILE]", stderr)
	format := fs.String("format", "json", "text, json or csv")
	outName := fs.String("out", "", "write the merged report to FILE instead of standard output (-)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	switch {
	case fs.NArg() < 1:
		fmt.Fprintln(stderr, "ili sim merge needs the JSON files of the batches to join.")
		return cli.Usage
	case !slices.Contains(whatif.Formats, *format):
		fmt.Fprintf(stderr, "--format is %q; use text, json or csv.\n", *format)
		return cli.Usage
	}
	reps, code := readBatches(fs.Args(), stderr)
	if code != cli.OK {
		return code
	}
	merged, err := whatif.Merge(reps)
	if err != nil {
		return reportBatchError(stderr, err)
	}
	out, code := openOut(*outName, stdout, stderr)
	if code != cli.OK {
		return code
	}
	enc, _ := whatif.NewEncoder(*format, out)
	if err := merged.Encode(enc); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return out.finish(cli.Bad, stderr)
	}
	return out.finish(cli.OK, stderr)
}

// readBatches reads the JSON files of batches.
func readBatches(names []string, stderr io.Writer) ([]*whatif.Report, int) {
	var reps []*whatif.Report
	for _, name := range names {
		data, err := files.Read(name, files.MaxData)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return nil, cli.Bad
		}
		rep, err := whatif.ReadReport(name, data)
		if err != nil {
			return nil, reportBatchError(stderr, err)
		}
		reps = append(reps, rep)
	}
	return reps, cli.OK
}

// reportBatchError prints a problem with a batch, which starts with where
// it is (file:line:col), and returns cli.Bad.
func reportBatchError(stderr io.Writer, err error) int {
	var be *whatif.Error
	if errors.As(err, &be) {
		fmt.Fprintln(stderr, err)
		return cli.Bad
	}
	fmt.Fprintf(stderr, "ili: cannot merge: %v\n", err)
	return cli.Bad
}

// output is where a report goes: standard output, or a file that is
// replaced only when the report is whole.
type output struct {
	io.Writer
	file *files.Writer // nil for standard output
	buf  *bufio.Writer // standard output's buffer
}

// openOut opens the output named by --out: "" or "-" is standard output.
func openOut(name string, stdout, stderr io.Writer) (*output, int) {
	if name == "" || name == files.Stdout {
		b := bufio.NewWriterSize(stdout, 64<<10)
		return &output{Writer: b, buf: b}, cli.OK
	}
	f, err := files.Create(name)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return nil, cli.Bad
	}
	return &output{Writer: f, file: f}, cli.OK
}

// finish ends the output after a command that returns code: when code is
// cli.OK it commits the file or flushes standard output; otherwise it
// leaves the old file as it was. It returns code, or cli.Bad when the
// output could not be written.
func (o *output) finish(code int, stderr io.Writer) int {
	var err error
	switch {
	case o.file == nil:
		if code == cli.OK {
			err = o.buf.Flush()
		}
	case code != cli.OK:
		o.file.Abort()
	default:
		err = o.file.Commit()
	}
	if err != nil && code == cli.OK {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return code
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
