// Command ili-window is the game window of ili: `ili play` and `ili shot`
// run it. It is a program of its own because a program that links Ebiten
// cannot start without a display, and ili's other commands must.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"ili/cmd/internal/cli"
	"ili/game/ai"
	"ili/game/files"
	"ili/game/lesson"
	"ili/game/scenario"
	"ili/game/ui"
)

// start is when the program began, for the first-frame time.
var start = time.Now()

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "ili: internal error in the game window (%v); please report it with the command you ran.\n", r)
			code = cli.Bad
		}
	}()
	if len(args) == 0 {
		args = []string{"play"}
	}
	switch args[0] {
	case "play":
		return cmdPlay(args[1:], stdout, stderr)
	case "shot":
		return cmdShot(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "ili-window: unknown command %q; use play or shot (through 'ili play' and 'ili shot').\n", args[0])
	return cli.Usage
}

func cmdPlay(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("play", "play [SCENARIO|SAVE.json] [--scenarios DIR]... [--side ID] [--variant V]... [--seed N] [--history] [--from DATE] [--ai LEVEL|SIDE=LEVEL]... [--hotseat] [--load FILE] [--size WxH] [--bench-frames N] [--bench-lab RUNS]", stderr)
	side := fs.String("side", "", "the side to play (default: the first the AI does not)")
	var variants, ais, dirs cli.List
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	fs.Var(&dirs, "scenarios", "a folder of scenario files for the picker to list beside the bundled ones and your own (repeatable)")
	fs.Var(&ais, "ai", "the opponent's level (random, greedy, easy, normal or hard), or SIDE=LEVEL to give a side to the AI; give every side to watch the AI play (repeatable)")
	seed := fs.Uint64("seed", 1, "the game's random seed")
	hist := fs.Bool("history", false, "open the scenario's documented course of events in history mode, to watch and to take command from")
	from := fs.String("from", "", "take command from the record at this date, such as 1944-11-10 (or 1944-11-10T18:00): the game begins where the course of events stood then")
	hotseat := fs.Bool("hotseat", false, "people play every side the AI does not, at one screen")
	load := fs.String("load", "", "open a saved game (a run kept by 'ili sim --keep' too)")
	colourBlind := fs.Bool("colour-blind", false, "a palette that stays clear under colour-vision deficiencies")
	benchFrames := fs.Int("bench-frames", 0, "play N frames panning, print their processor times, memory and idle processor share; then N frames shown as fast as they can be, panning and zooming, beside an empty window's of the same size; and exit")
	benchPart := fs.String("bench-part", "", "with --bench-frames, run one part of the benchmark alone, in this process, and print it as JSON: seen (the frames shown) or empty (the empty window's)")
	benchLab := fs.Int("bench-lab", 0, "play a batch of RUNS games of the scenario as ili sim plays it, then in the what-if lab while the window draws; print both wall times and the frame times, and exit")
	size := fs.String("size", "", "the window's size, WIDTHxHEIGHT (default 1280x800; 1920x1080 for --bench-frames and --bench-lab)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	w, h, code := windowSize(*size, stderr)
	if code != cli.OK {
		return code
	}
	opt := ui.Options{Side: *side, Variants: variants, From: *from, History: *hist, Seed: *seed, Hotseat: *hotseat, Opponent: ai.Normal,
		ColourBlind: *colourBlind, Load: *load, ScenarioDirs: dirs}
	if fs.NArg() > 0 && strings.HasSuffix(fs.Arg(0), ".json") && opt.Load == "" {
		opt.Load = fs.Arg(0)
	} else if fs.NArg() > 0 {
		opt.Scenario = fs.Arg(0)
	}
	if opt.Load != "" {
		var set []string
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "seed" || f.Name == "side" || f.Name == "hotseat" || f.Name == "from" || f.Name == "history" {
				set = append(set, "--"+f.Name)
			}
		})
		if len(set) > 0 {
			fmt.Fprintf(stderr, "a saved game opens as it was saved: give it without %s.\n", strings.Join(set, " or "))
			return cli.Usage
		}
	}
	if code, isLesson := checkLesson(&opt, fs, stderr); isLesson {
		if code != cli.OK {
			return code
		}
	} else if code := checkPlay(&opt, ais, stderr); code != cli.OK {
		return code
	}
	opt.SetUp = setUpFirst(opt, fs)
	if *benchFrames > 0 {
		return benchPlay(opt, bench{frames: *benchFrames, w: w, h: h, part: *benchPart, args: args}, stdout, stderr)
	}
	if *benchLab > 0 {
		return benchLabRuns(opt, *benchLab, w, h, stdout, stderr)
	}
	opt.Width, opt.Height = w, h
	if err := ui.Run(opt); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

// The bounds of --size: a window or picture smaller is unusable, one
// larger than 8192 pixels a side is more than a graphics card or X holds.
const minSide, maxSide = 64, 8192

// windowSize reads --size, WIDTHxHEIGHT; 0, 0 when it is not given.
func windowSize(size string, stderr io.Writer) (w, h, code int) {
	if size == "" {
		return 0, 0, cli.OK
	}
	ws, hs, ok := strings.Cut(size, "x")
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if !ok || errW != nil || errH != nil {
		fmt.Fprintf(stderr, "--size %q: write it as WIDTHxHEIGHT, such as 1920x1080.\n", size)
		return 0, 0, cli.Usage
	}
	if w < minSide || h < minSide || w > maxSide || h > maxSide {
		fmt.Fprintf(stderr, "--size %s: each side must be from %d to %d pixels, such as 1920x1080.\n", size, minSide, maxSide)
		return 0, 0, cli.Usage
	}
	return w, h, cli.OK
}

// checkPlay checks what the options open before a window does: a saved
// game comes without the flags that set a new one up; a scenario loads with
// its variants, and the side and the --ai flags name its sides.
func checkPlay(opt *ui.Options, ais []string, stderr io.Writer) int {
	if opt.Load != "" {
		if opt.Scenario != "" || len(ais) > 0 || len(opt.Variants) > 0 {
			fmt.Fprintln(stderr, "a saved game opens as it was saved: give it without a scenario, --ai or --variant.")
			return cli.Usage
		}
		return cli.OK // the window replays it before it opens, and says what fails
	}
	if opt.Scenario == "" {
		if opt.From != "" || opt.History {
			fmt.Fprintln(stderr, "--from and --history need a scenario, such as: ili play ghulja-1944 --history")
			return cli.Usage
		}
		if len(ais) > 0 {
			fmt.Fprintln(stderr, "--ai needs a scenario, such as: ili play nilka-1944 --ai hard")
			return cli.Usage
		}
		return cli.OK
	}
	sc, err := scenario.Load(opt.Scenario, scenario.Options{Variants: opt.Variants, From: opt.From})
	if err != nil {
		return cli.Report(stderr, err)
	}
	levels, def, code, ok := cli.PlaySeats(sc, opt.Side, ais, stderr)
	if !ok {
		return code
	}
	opt.AI = levels
	if def != nil {
		opt.Opponent = *def
	}
	return cli.OK
}

// benchLabRuns runs the lab's benchmark and prints what it measured; it
// fails (exit 1) when the lab's batch is more than 10% slower than ili
// sim's or the frames' p99 is 16 ms or more.
func benchLabRuns(opt ui.Options, runs, w, h int, stdout, stderr io.Writer) int {
	return benchWindow(opt, "--bench-lab needs a scenario, such as: ili play nilka-1944 --bench-lab 1000", w, h, stdout, stderr,
		func(w, h int) (fmt.Stringer, bool, error) {
			r, err := ui.BenchLab(opt, runs, w, h)
			return r, r.OK(), err
		})
}

// benchWindow runs a benchmark of the window at w x h (1920x1080 when not
// given) on the options' scenario, which it needs (noScenario says so),
// and prints what it measured; a result not ok exits 1.
func benchWindow(opt ui.Options, noScenario string, w, h int, stdout, stderr io.Writer, run func(w, h int) (fmt.Stringer, bool, error)) int {
	if w == 0 {
		w, h = 1920, 1080
	}
	if opt.Scenario == "" {
		fmt.Fprintln(stderr, noScenario)
		return cli.Usage
	}
	r, ok, err := run(w, h)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintln(stdout, r)
	if !ok {
		return cli.Bad
	}
	return cli.OK
}

func cmdShot(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("shot", "shot SCENARIO --out FILE.png [--size WxH] [--ui-scale PERCENT] [--layout FILE.json] [--side ID] [--variant V]... [--from DATE] [--no-fog] [--no-stories] [--turn N] [--labels all]", stderr)
	out := fs.String("out", "", "the PNG file to write")
	size := fs.String("size", "1280x800", "the picture's size, WIDTHxHEIGHT")
	uiScale := fs.Int("ui-scale", 100, "the interface's size in percent, from 75 to 300, as in the settings")
	layout := fs.String("layout", "", "also write what was drawn where, in pixels from the top left, to this JSON file: the counters, the places' names, the panels and the bar's buttons, and the words of the bar and the panel")
	side := fs.String("side", "", "the side whose view to draw")
	var variants cli.List
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	from := fs.String("from", "", "draw the game taken up from the record at this date, such as 1944-11-10")
	var look ui.ShotOptions
	fs.BoolVar(&look.NoFog, "no-fog", false, "draw every side's units and the whole map, whichever side's view it is")
	fs.BoolVar(&look.NoStories, "no-stories", false, "leave the scenario's stories out of the log too (a shot never opens one over the map)")
	fs.IntVar(&look.Turn, "turn", 0, "play the game on, every side by the AI at normal level, to the side's phase of turn N, and draw it then")
	labels := fs.String("labels", "", "all: find room for every place's name, farther from its mark if need be")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *out == "" {
		fmt.Fprintln(stderr, "ili shot needs a scenario and --out FILE.png, such as: ili shot ghulja-1944 --out ghulja.png")
		return cli.Usage
	}
	w, h, code := windowSize(*size, stderr)
	if code != cli.OK {
		return code
	}
	if *uiScale < 75 || *uiScale > 300 {
		fmt.Fprintf(stderr, "--ui-scale %d: give the interface's size in percent, from 75 to 300, such as 150.\n", *uiScale)
		return cli.Usage
	}
	sc, err := scenario.Load(fs.Arg(0), scenario.Options{Variants: variants, From: *from})
	if err != nil {
		return cli.Report(stderr, err)
	}
	if code := checkShotLook(sc, look.Turn, *labels, stderr); code != cli.OK {
		return code
	}
	so := ui.ShotOptions{Width: w, Height: h, Scale: float64(*uiScale) / 100, NoFog: look.NoFog, NoStories: look.NoStories,
		AllLabels: *labels == "all", Turn: look.Turn}
	data, drawn, err := ui.Shot(ui.Options{Scenario: fs.Arg(0), Side: *side, Variants: variants, From: *from, Seed: 1}, so)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	if err := files.Write(*out, data); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	if *layout != "" {
		drawn.Round()
		js, err := json.MarshalIndent(drawn, "", "  ")
		if err == nil {
			err = files.Write(*layout, append(js, '\n'))
		}
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
	}
	return cli.OK
}

// checkShotLook checks ili shot's --turn and --labels against the
// scenario: a turn it has (from the one a game taken up with --from
// begins on), and labels all or none.
func checkShotLook(sc *scenario.Scenario, turn int, labels string, stderr io.Writer) int {
	first := max(1, sc.Setup.FirstTurn)
	if turn != 0 && (turn < first || turn > sc.Turns) {
		fmt.Fprintf(stderr, "--turn %d: %s has turns %d to %d; give one of them.\n", turn, sc.ID, first, sc.Turns)
		return cli.Usage
	}
	if labels != "" && labels != "all" {
		fmt.Fprintf(stderr, "--labels %q: give --labels all to name every place where room allows, or leave it out.\n", labels)
		return cli.Usage
	}
	return cli.OK
}

// checkLesson opens a lesson file given as the scenario: a .toml file with
// a [lesson] table. A lesson sets its game up itself, so the flags that
// set one up are refused beside it.
func checkLesson(opt *ui.Options, fs *flag.FlagSet, stderr io.Writer) (code int, isLesson bool) {
	if !scenario.IsFile(opt.Scenario) || !scenario.IsTOML(opt.Scenario) {
		return cli.OK, false
	}
	src, err := files.Read(opt.Scenario, scenario.MaxSize)
	if err != nil || !lesson.IsLesson(src) {
		return cli.OK, false // checkPlay reports a file that does not read
	}
	var set []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "side", "variant", "ai", "hotseat", "from", "history", "load":
			set = append(set, "--"+f.Name)
		}
	})
	if len(set) > 0 {
		fmt.Fprintf(stderr, "%s is a lesson, which sets its game up itself: give it without %s.\n", opt.Scenario, strings.Join(set, " or "))
		return cli.Usage, true
	}
	l, err := lesson.Parse(opt.Scenario, src)
	if err != nil {
		return cli.Report(stderr, err), true
	}
	opt.Lesson, opt.Scenario = l, ""
	return cli.OK, true
}

// setUpFirst reports whether a scenario given alone opens on its set-up
// screen (side, opponent, variants, then the briefing), as one chosen from
// the title screen does: it does unless a flag already chooses who plays
// (--side, --ai, --hotseat) or what opens (--history, --bench-frames).
func setUpFirst(opt ui.Options, fs *flag.FlagSet) bool {
	if opt.Scenario == "" || opt.Load != "" || opt.Lesson != nil {
		return false
	}
	straight := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "side", "ai", "hotseat", "history", "bench-frames", "bench-lab":
			straight = true
		}
	})
	return !straight
}
