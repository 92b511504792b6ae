package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"ili/cmd/internal/cli"
	"image"
	"image/draw"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"ili/game/ai"
	"ili/game/debrief"
	"ili/game/files"
	"ili/game/scenario"
	"ili/game/whatif"
)

// simRun is one ili sim command line, read.
type simRun struct {
	runs, workers               int
	seed                        uint64
	format, out, chart          string
	compare, keep, shard        string
	plans                       bool
	variants, sets, ais, scales cli.List
	sweeps                      cli.List
	name, file, from            string
	log                         string // the seed of the one game whose log to print
	text                        []byte
	stderr                      io.Writer
	sensitivity                 bool
	delta                       string
	spec                        whatif.Spec // the setup the flags give
	shardK, shardN              int         // --shard K/N; 0/0 for the whole batch
}

// simSynopsis is ili sim's command line.
const simSynopsis = "sim SCENARIO [--runs N] [--seed S] [--variant V]... [--set KEY=VALUE]... [--scale TARGET.FIELD=F]... [--ai SIDE=LEVEL]... [--plan] [--from DATE] [--workers N] [--shard K/N] [--compare SETUP,SETUP...] [--sweep KEY=FROM:TO:STEP]... [--sensitivity [--delta 20%]] [--format text|json|csv] [--out FILE] [--chart FILE.png] [--keep DIR] [--log SEED]\n       ili sim merge FILE... [--format text|json|csv] [--out FILE]"

// cmdSim runs ili sim: a batch, a comparison of setups, a sweep, or a
// merge.
func cmdSim(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "merge" {
		return cmdSimMerge(args[1:], stdout, stderr)
	}
	r, code := readSim(args, stdout, stderr)
	if r == nil { // a mistake, or --help
		return code
	}
	switch {
	case r.log != "":
		return r.runLog(stdout)
	case r.compare != "":
		return r.runCompare(stdout)
	case len(r.sweeps) > 0:
		return r.runSweep(stdout)
	case r.sensitivity:
		return r.runSensitivity(stdout)
	}
	return r.runBatch(stdout)
}

// runBatch plays the batch and writes its report as the results come in:
// a file named by --out is replaced only once the report is whole.
func (r *simRun) runBatch(stdout io.Writer) int {
	set, code := r.load(r.spec, "")
	if code != cli.OK {
		return code
	}
	out, code := openOut(r.out, stdout, r.stderr)
	if code != cli.OK {
		return code
	}
	enc, _ := whatif.NewEncoder(r.format, out) // readSim checked the format
	opt, prog := r.options(1)
	opt.Keep = r.keep
	rep, err := whatif.Stream(set, whatif.Meta{Scenario: set.Scenario.ID}, opt, enc)
	prog.finish()
	if err != nil {
		fmt.Fprintf(r.stderr, "ili: %v\n", err)
		return out.finish(cli.Bad, r.stderr)
	}
	if r.chart != "" {
		code = writeChart(func(w io.Writer) error { return chartWithMap(w, rep, set.Scenario) }, r.chart, stdout, r.stderr)
	}
	return out.finish(code, r.stderr)
}

// chartWithMap draws a batch's chart with the map of its fights and
// captures below it (debrief.BatchMap), as one PNG.
func chartWithMap(w io.Writer, rep *whatif.Report, sc *scenario.Scenario) error {
	var buf bytes.Buffer
	if err := rep.WriteChart(&buf); err != nil {
		return err
	}
	chart, err := png.Decode(&buf)
	if err != nil {
		return err
	}
	m, err := debrief.BatchMap(sc, rep.Summary, rep.Header(110))
	if err != nil {
		return err
	}
	cb, mb := chart.Bounds(), m.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, max(cb.Dx(), mb.Dx()), cb.Dy()+mb.Dy()))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, cb.Sub(cb.Min), chart, cb.Min, draw.Src)
	at := image.Pt((out.Bounds().Dx()-mb.Dx())/2, cb.Dy())
	draw.Draw(out, mb.Sub(mb.Min).Add(at), m, mb.Min, draw.Src)
	return png.Encode(w, out)
}

// options are the batch options of the command line for a study of arms
// setups (1 for a batch): the runs and seeds of its shard, the workers
// and a progress bar over every run.
func (r *simRun) options(arms int) (whatif.Options, *progress) {
	runs, seed := r.runs, r.seed
	if r.shardN > 0 {
		runs, seed = shardOf(r.runs, r.seed, r.shardK, r.shardN)
	}
	prog := newProgress(r.stderr, runs*arms)
	return whatif.Options{Runs: runs, Seed: seed, Workers: r.workers, Progress: prog.update}, prog
}

// shardOf is the K-th of N consecutive parts of runs games from seed: the
// parts differ by one run at most, and together they are the batch.
func shardOf(runs int, seed uint64, k, n int) (int, uint64) {
	lo, hi := (k-1)*runs/n, k*runs/n
	return hi - lo, seed + uint64(lo)
}

// load builds a setup, and says what is wrong with it in a sentence (or
// the scenario's errors, one a line); what names the setup in a
// comparison or a sweep.
func (r *simRun) load(sp whatif.Spec, what string) (whatif.Setup, int) {
	set, err := sp.Load(r.file, r.text)
	if err != nil {
		var errs scenario.Errors
		if what != "" && !errors.As(err, &errs) {
			fmt.Fprintf(r.stderr, "ili: %s: %v\n", what, err)
			return set, cli.Bad
		}
		if !errors.As(err, &errs) {
			fmt.Fprintf(r.stderr, "ili: %v\n", err)
			return set, cli.Bad
		}
		return set, cli.Report(r.stderr, err)
	}
	return set, cli.OK
}

// readSim reads and checks ili sim's command line and its scenario file;
// --help goes to standard output.
func readSim(args []string, stdout, stderr io.Writer) (*simRun, int) {
	r := &simRun{stderr: stderr}
	fs := cli.NewFlags("sim", simSynopsis, stderr)
	cli.HelpTo(fs, stdout)
	fs.IntVar(&r.runs, "runs", 100, fmt.Sprintf("games to play, from 1 to %d (in each setup of --compare and each cell of --sweep)", whatif.MaxRuns))
	fs.Uint64Var(&r.seed, "seed", 1, "seed of the first game; game i uses seed+i (the same seeds in every setup and cell)")
	fs.IntVar(&r.workers, "workers", 0, "games played at once, from 1 to four per core (0: one per core)")
	fs.StringVar(&r.format, "format", "text", "text, json or csv")
	fs.StringVar(&r.out, "out", "", "write the report to FILE instead of standard output (-)")
	fs.StringVar(&r.chart, "chart", "", "draw the outcome distributions (a comparison's, a sweep's) to FILE.png (- for standard output)")
	fs.StringVar(&r.compare, "compare", "", "compare setups, each against the first, paired by seed: SETUP,SETUP..., each base or changes joined by +: a variant ID, set:KEY=VALUE, scale:TARGET.FIELD=F, ai:SIDE=LEVEL, plan (base,zhu-15000+osman-1200,ai:roc=hard)")
	fs.Var(&r.sweeps, "sweep", "KEY=FROM:TO:STEP: play a batch at each value of a --set key (unit.ID.men=500:1300:200) or a scale (scale:SIDE.men=0.5:1.5:0.25); give two for a grid")
	fs.BoolVar(&r.sensitivity, "sensitivity", false, "vary each unit's and side's strength and each date (arrivals, withdrawals, events) one at a time, down and up, on the same seeds, and rank them by their effect on the first side's wins")
	fs.StringVar(&r.delta, "delta", "20%", "how far --sensitivity varies each input: a strength by this share, a date by this share of the turns (at least one)")
	fs.StringVar(&r.shard, "shard", "", "K/N: play only the K-th of N consecutive parts of the runs (from 1), for ili sim merge to join")
	fs.BoolVar(&r.plans, "plan", false, "the AI follows each side's historical plan, where the scenario gives one")
	fs.StringVar(&r.keep, "keep", "", "write every run into the folder DIR as a saved game, for 'ili replay' and 'ili play --load'")
	fs.Var(&r.variants, "variant", "a what-if variant to switch on (repeatable)")
	fs.Var(&r.sets, "set", "override a value, such as turns=8 or unit.ID.men=900 (repeatable)")
	fs.Var(&r.scales, "scale", "TARGET.FIELD=F: multiply a side's, a unit's or a pattern of units' men (or guns, mgs, trucks, horses, aircraft, armour, strength: all of them) by F, such as ina.men=1.5 or osman-*.men=50% (repeatable)")
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
	sc, err := scenario.Parse(r.file, r.text, scenario.Options{})
	if err != nil {
		return nil, cli.Report(stderr, err)
	}
	_, names, code := parseAI(sc, r.ais, stderr)
	if code != cli.OK {
		return nil, code
	}
	r.spec = whatif.Spec{Scenario: r.name, Variants: r.variants, Set: r.sets, Scale: r.scales, AI: names, Plan: r.plans, From: r.from}
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
	case r.compare != "" && len(r.sweeps) > 0:
		return "--compare and --sweep do not combine: compare setups at one point, or sweep one setup (its --set, --scale, --ai and --plan flags give it)."
	case len(r.sweeps) > whatif.MaxSweepKeys:
		return fmt.Sprintf("--sweep is given %d times; a sweep varies one key (a line) or two (a grid).", len(r.sweeps))
	case len(r.sweeps) > 0 && r.keep != "":
		return "--keep and --sweep do not combine: keep the runs of one cell by giving its value with --set (or --scale) instead."
	case r.sensitivity && (r.compare != "" || len(r.sweeps) > 0):
		return "--sensitivity does not combine with --compare or --sweep: it varies every input of one setup by itself."
	case r.sensitivity && r.keep != "":
		return "--keep and --sensitivity do not combine: keep the runs of one setup by giving its values with --set or --scale instead."
	case r.delta != "20%" && !r.sensitivity:
		return "--delta goes with --sensitivity, which it tells how far to vary each input."
	}
	if r.sensitivity {
		if _, err := whatif.ParseDelta(r.delta); err != nil {
			return err.Error() + "."
		}
	}
	if v := whatif.Repeated(r.variants); v != "" {
		return fmt.Sprintf("--variant %s is given twice; give each variant once.", v)
	}
	if v := whatif.Repeated(r.scales); v != "" {
		return fmt.Sprintf("--scale %s is given twice; give it once.", v)
	}
	if r.shard != "" {
		k, n, ok := parseShard(r.shard)
		switch {
		case !ok:
			return fmt.Sprintf("--shard %q: write it as K/N, the K-th of N parts from 1, such as 2/8.", r.shard)
		case n > r.runs:
			return fmt.Sprintf("--shard %s: %d parts of %d runs would leave some empty; give at most %d parts.", r.shard, n, r.runs, r.runs)
		}
		r.shardK, r.shardN = k, n
	}
	return ""
}

// parseShard reads K/N with 1 <= K <= N.
func parseShard(s string) (k, n int, ok bool) {
	a, b, found := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return k, n, found && err1 == nil && err2 == nil && k >= 1 && k <= n
}

// runCompare plays each setup --compare names on the same seeds and sets
// each against the first.
func (r *simRun) runCompare(stdout io.Writer) int {
	var arms []whatif.Arm
	seen := map[string]bool{}
	for _, part := range strings.Split(r.compare, ",") {
		ch, err := whatif.ParseChange(part)
		if err != nil {
			fmt.Fprintf(r.stderr, "--compare %s\n", err)
			return cli.Usage
		}
		if seen[ch.Label] {
			fmt.Fprintf(r.stderr, "--compare names %s twice; give each setup once.\n", ch.Label)
			return cli.Usage
		}
		seen[ch.Label] = true
		set, code := r.load(r.spec.With(ch), "--compare "+ch.Label)
		if code != cli.OK {
			return code
		}
		arms = append(arms, whatif.Arm{Label: ch.Label, Setup: set})
	}
	if len(arms) < 2 {
		fmt.Fprintf(r.stderr, "--compare %q: give two setups or more separated by commas, such as base,no-soviet.\n", r.compare)
		return cli.Usage
	}
	return r.runStudy(stdout, whatif.StudyHead{Kind: whatif.KindCompare, Scenario: arms[0].Setup.Scenario.ID}, arms)
}

// runSweep plays a batch at each cell of the --sweep grid, on the same
// seeds.
func (r *simRun) runSweep(stdout io.Writer) int {
	var keys []whatif.SweepKey
	for _, arg := range r.sweeps {
		k, err := whatif.ParseSweep(arg)
		if err != nil {
			fmt.Fprintln(r.stderr, err)
			return cli.Usage
		}
		for _, o := range keys {
			if o.Key == k.Key {
				fmt.Fprintf(r.stderr, "--sweep %s is given twice; sweep each key once.\n", k.Key)
				return cli.Usage
			}
		}
		keys = append(keys, k)
	}
	var arms []whatif.Arm
	for _, at := range whatif.Cells(keys) {
		sp, label := whatif.Cell(r.spec, keys, at)
		set, code := r.load(sp, "--sweep at "+label)
		if code != cli.OK {
			return code
		}
		arms = append(arms, whatif.Arm{Label: label, At: at, Setup: set})
	}
	return r.runStudy(stdout, whatif.StudyHead{Kind: whatif.KindSweep, Scenario: arms[0].Setup.Scenario.ID, Sweep: keys}, arms)
}

// runSensitivity varies each input of the setup down and up, one at a
// time, on the same seeds, and ranks the inputs by their effect.
func (r *simRun) runSensitivity(stdout io.Writer) int {
	delta, _ := whatif.ParseDelta(r.delta) // flagProblem checked it
	inputs, arms, skipped, err := whatif.SensitivityArms(r.spec, delta, func(sp whatif.Spec) (whatif.Setup, error) { return sp.Load(r.file, r.text) })
	if err != nil {
		_, code := r.load(r.spec, "")
		return code
	}
	head := whatif.StudyHead{Kind: whatif.KindSensitivity, Scenario: arms[0].Setup.Scenario.ID, Delta: delta, Inputs: inputs, Skipped: skipped}
	return r.runStudy(stdout, head, arms)
}

// runStudy plays a comparison or a sweep and writes it.
func (r *simRun) runStudy(stdout io.Writer, head whatif.StudyHead, arms []whatif.Arm) int {
	out, code := openOut(r.out, stdout, r.stderr)
	if code != cli.OK {
		return code
	}
	enc, _ := whatif.NewStudyEncoder(r.format, out)
	opt, prog := r.options(len(arms))
	if r.keep != "" { // a folder for each setup's runs
		for i := range arms {
			arms[i].Keep = filepath.Join(r.keep, keepName(arms[i].Label))
		}
	}
	st, err := whatif.RunStudy(context.Background(), head, arms, opt, enc, nil)
	prog.finish()
	if err != nil {
		fmt.Fprintf(r.stderr, "ili: %v\n", err)
		return out.finish(cli.Bad, r.stderr)
	}
	if r.chart != "" {
		code = writeChart(st.WriteChart, r.chart, stdout, r.stderr)
	}
	return out.finish(code, r.stderr)
}

// keepName is a folder's name for a setup's label.
func keepName(label string) string {
	return strings.Map(func(c rune) rune {
		if c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' || c < ' ' {
			return '_'
		}
		return c
	}, label)
}

// writeChart draws a chart to a PNG file, or to stdout for -.
func writeChart(draw func(io.Writer) error, name string, stdout, stderr io.Writer) int {
	out, code := openOut(name, stdout, stderr)
	if code != cli.OK {
		return code
	}
	if err := draw(out); err != nil {
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

// cmdSimMerge joins batches split by seed range after checking that they
// are whole and of one setup.
func cmdSimMerge(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("sim merge", "sim merge FILE... [--format text|json|csv] [--out FILE] [--chart FILE.png]", stderr)
	cli.HelpTo(fs, stdout)
	format := fs.String("format", "json", "text, json or csv")
	outName := fs.String("out", "", "write the merged report to FILE instead of standard output (-)")
	chartName := fs.String("chart", "", "draw the merged batch's chart to FILE.png (- for standard output)")
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
	case *chartName == files.Stdout && (*outName == "" || *outName == files.Stdout):
		fmt.Fprintln(stderr, "--chart - and the merged report would both go to standard output; send one of them to a file with --out or --chart.")
		return cli.Usage
	}
	reps, studies, code := readBatches(fs.Args(), stderr)
	if code != cli.OK {
		return code
	}
	var encode func(io.Writer) error
	var chart func(io.Writer) error
	if studies != nil {
		merged, err := whatif.MergeStudies(studies)
		if err != nil {
			return reportBatchError(stderr, err)
		}
		encode = func(w io.Writer) error {
			enc, _ := whatif.NewStudyEncoder(*format, w)
			return merged.Encode(enc)
		}
		chart = merged.WriteChart
	} else {
		merged, err := whatif.Merge(reps)
		if err != nil {
			return reportBatchError(stderr, err)
		}
		encode = func(w io.Writer) error {
			enc, _ := whatif.NewEncoder(*format, w)
			return merged.Encode(enc)
		}
		chart = merged.WriteChart
	}
	out, code := openOut(*outName, stdout, stderr)
	if code != cli.OK {
		return code
	}
	if err := encode(out); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return out.finish(cli.Bad, stderr)
	}
	if *chartName != "" {
		code = writeChart(chart, *chartName, stdout, stderr)
	}
	return out.finish(code, stderr)
}

// readBatches reads the JSON files of batches, or of studies (comparisons
// or sweeps): all of one or all of the other.
func readBatches(names []string, stderr io.Writer) ([]*whatif.Report, []*whatif.Study, int) {
	var reps []*whatif.Report
	var studies []*whatif.Study
	firstKind := ""
	for i, name := range names {
		data, err := files.Read(name, files.MaxData)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return nil, nil, cli.Bad
		}
		kind := whatif.Kind(data)
		if i == 0 {
			firstKind = kind
		} else if kind != firstKind {
			fmt.Fprintf(stderr, "%s: the file is %s, and %s %s; only the parts of one command merge.\n", name, kindName(kind), names[0], kindName(firstKind))
			return nil, nil, cli.Bad
		}
		if kind == "" {
			rep, err := whatif.ReadReport(name, data)
			if err != nil {
				return nil, nil, reportBatchError(stderr, err)
			}
			reps = append(reps, rep)
			continue
		}
		st, err := whatif.ReadStudy(name, data)
		if err != nil {
			return nil, nil, reportBatchError(stderr, err)
		}
		studies = append(studies, st)
	}
	return reps, studies, cli.OK
}

// kindName says what kind of file a batch's is.
func kindName(kind string) string {
	switch kind {
	case whatif.KindCompare:
		return "a comparison (--compare)"
	case whatif.KindSweep:
		return "a sweep (--sweep)"
	}
	return "one batch"
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
