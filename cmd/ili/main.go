// Command ili is the Ili Rebellion wargame: the desktop game and the tools
// around it (scenario list and validation, batches, calibration, screenshots).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"ili/game/ai"
	"ili/game/scenario"
	"ili/game/ui"
)

// Exit codes: the contract scripts rely on.
const (
	exitOK    = 0
	exitBad   = 1 // invalid input: a scenario with mistakes, an unknown name
	exitUsage = 2 // the command line itself is wrong
)

const usage = `ili: a wargame of the Ili Rebellion, Xinjiang 1944-1946.

Usage:
  ili [play] [SCENARIO]     open the game (SCENARIO: a bundled id or a .toml file)
  ili list                  list the bundled scenarios
  ili validate [FILE...]    check scenario files; with no FILE, every bundled one
  ili calibrate FILE.csv    run the combat model on historical engagements
  ili sim SCENARIO          play AI-against-AI batches and sum up the outcomes
  ili sim merge FILE...     join batches split by seed range
  ili shot SCENARIO --out FILE.png [--size WxH]   draw the game's first frame

Run 'ili COMMAND -h' for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program behind main, so tests can call it.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "ili: internal error (%v); please report it with the command you ran.\n", r)
			code = exitBad
		}
	}()
	cmd := "play"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !strings.HasSuffix(args[0], ".toml") {
		if _, known := commands[args[0]]; known || !isScenarioName(args[0]) {
			cmd, args = args[0], args[1:]
		}
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "ili: unknown command %q; run 'ili help' to see the commands.\n", cmd)
		return exitUsage
	}
	return f(args, stdout, stderr)
}

var commands map[string]func([]string, io.Writer, io.Writer) int

func init() {
	commands = map[string]func([]string, io.Writer, io.Writer) int{
		"play":      cmdPlay,
		"list":      cmdList,
		"validate":  cmdValidate,
		"calibrate": cmdCalibrate,
		"sim":       cmdSim,
		"shot":      cmdShot,
		"help":      cmdHelp,
		"-h":        cmdHelp,
		"--help":    cmdHelp,
	}
}

func isScenarioName(s string) bool {
	for _, id := range scenario.Bundled() {
		if id == s {
			return true
		}
	}
	return false
}

func cmdHelp(_ []string, stdout, _ io.Writer) int {
	fmt.Fprint(stdout, usage)
	return exitOK
}

// newFlags returns a flag set that reports errors in one sentence.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: ili %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags wherever they stand among the arguments (ili
// calibrate FILE --reps 50) and turns errors into an exit code; ok is false
// when the caller should return code. The positional arguments are left in
// fs.Args(); "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK, false
			}
			return exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	fs.Parse(append([]string{"--"}, pos...))
	return exitOK, true
}

func cmdPlay(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("play", "play [SCENARIO] [--side ID] [--variant V]... [--seed N] [--ai LEVEL] [--hotseat]", stderr)
	side := fs.String("side", "", "the side to play (default: the first)")
	var variants listFlag
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	seed := fs.Uint64("seed", 1, "the game's random seed")
	level := fs.String("ai", "normal", "the opponent: random, greedy, easy, normal or hard")
	hotseat := fs.Bool("hotseat", false, "two people at one screen instead of the AI")
	colourBlind := fs.Bool("colour-blind", false, "a palette that stays clear under colour-vision deficiencies")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	opt := ui.Options{Side: *side, Variants: variants, Seed: *seed, Hotseat: *hotseat}
	lv, err := ai.ParseLevel(*level)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v.\n", err)
		return exitBad
	}
	opt.Opponent = lv
	if *colourBlind {
		opt.Palette = &ui.ColourBlind
	}
	if fs.NArg() > 0 {
		opt.Scenario = fs.Arg(0)
		sc, err := scenario.Load(opt.Scenario, scenario.Options{Variants: variants})
		if err != nil {
			return report(stderr, err)
		}
		if *side != "" && sc.Side(*side) == nil {
			fmt.Fprintf(stderr, "ili: %s has no side %q.\n", sc.ID, *side)
			return exitBad
		}
	}
	if err := ui.Run(opt); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return exitBad
	}
	return exitOK
}

func cmdShot(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("shot", "shot SCENARIO --out FILE.png [--size WxH] [--side ID] [--variant V]...", stderr)
	out := fs.String("out", "", "the PNG file to write")
	size := fs.String("size", "1280x800", "the picture's size, WIDTHxHEIGHT")
	side := fs.String("side", "", "the side whose view to draw")
	var variants listFlag
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *out == "" {
		fmt.Fprintln(stderr, "ili shot needs a scenario and --out FILE.png, such as: ili shot ghulja-1944 --out ghulja.png")
		return exitUsage
	}
	var w, h int
	if n, err := fmt.Sscanf(*size, "%dx%d", &w, &h); n != 2 || err != nil || w < 64 || h < 64 || w > 8192 || h > 8192 {
		fmt.Fprintf(stderr, "--size %q: write it as WIDTHxHEIGHT, such as 1920x1080.\n", *size)
		return exitUsage
	}
	if _, err := scenario.Load(fs.Arg(0), scenario.Options{Variants: variants}); err != nil {
		return report(stderr, err)
	}
	data, err := ui.Shot(ui.Options{Scenario: fs.Arg(0), Side: *side, Variants: variants, Seed: 1}, w, h)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return exitBad
	}
	if err := writeFileAtomic(*out, data); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return exitBad
	}
	return exitOK
}

func cmdList(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", "list", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ili list takes no arguments; run 'ili list' alone.\n")
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tDATES\tSCALE")
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			fmt.Fprintf(tw, "%s\t(does not load: run 'ili validate %s')\t\t\n", id, id)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s to %s\t%g km hexes, %d h turns, %d turns\n", sc.ID, sc.Title,
			sc.Start.Format("2 Jan 2006"), sc.End.Format("2 Jan 2006"), sc.HexKm, sc.TurnHours, sc.Turns)
	}
	tw.Flush()
	return exitOK
}

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "validate [FILE...]", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		files = scenario.Bundled()
	}
	code := exitOK
	for _, name := range files {
		sc, err := scenario.Load(name, scenario.Options{})
		if err != nil {
			report(stderr, err)
			code = exitBad
			continue
		}
		bad := false
		for _, v := range sc.Variants {
			if _, err := scenario.Load(name, scenario.Options{Variants: []string{v.ID}}); err != nil {
				report(stderr, err)
				bad = true
			}
		}
		if bad {
			code = exitBad
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%d units, %d places, %d variants)\n", sc.File, len(sc.Units), len(sc.Places), len(sc.Variants))
	}
	return code
}

// report prints an error to stderr, one line per problem, and returns exitBad.
func report(stderr io.Writer, err error) int {
	var errs scenario.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		return exitBad
	}
	fmt.Fprintf(stderr, "ili: %v\n", err)
	return exitBad
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
