// Command ili-window is the game window of ili: `ili play` and `ili shot`
// run it. It is a program of its own because a program that links Ebiten
// cannot start without a display, and ili's other commands must.
package main

import (
	"fmt"
	"ili/cmd/internal/cli"
	"io"
	"os"
	"time"

	"ili/game/ai"
	"ili/game/save"
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
	fs := cli.NewFlags("play", "play [SCENARIO] [--side ID] [--variant V]... [--seed N] [--ai LEVEL] [--hotseat] [--size WxH] [--bench-frames N]", stderr)
	side := fs.String("side", "", "the side to play (default: the first)")
	var variants cli.List
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	seed := fs.Uint64("seed", 1, "the game's random seed")
	level := fs.String("ai", "normal", "the opponent: random, greedy, easy, normal or hard")
	hotseat := fs.Bool("hotseat", false, "two people at one screen instead of the AI")
	colourBlind := fs.Bool("colour-blind", false, "a palette that stays clear under colour-vision deficiencies")
	benchFrames := fs.Int("bench-frames", 0, "play N frames zoomed out and panning, print frame times and exit")
	size := fs.String("size", "", "the window's size, WIDTHxHEIGHT (default 1280x800; 1920x1080 for --bench-frames)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	var w, h int
	if *size != "" {
		if n, err := fmt.Sscanf(*size, "%dx%d", &w, &h); n != 2 || err != nil || w < 64 || h < 64 {
			fmt.Fprintf(stderr, "--size %q: write it as WIDTHxHEIGHT, such as 1920x1080.\n", *size)
			return cli.Usage
		}
	}
	opt := ui.Options{Side: *side, Variants: variants, Seed: *seed, Hotseat: *hotseat}
	lv, err := ai.ParseLevel(*level)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v.\n", err)
		return cli.Bad
	}
	opt.Opponent = lv
	if *colourBlind {
		opt.Palette = &ui.ColourBlind
	}
	if fs.NArg() > 0 {
		opt.Scenario = fs.Arg(0)
		sc, err := scenario.Load(opt.Scenario, scenario.Options{Variants: variants})
		if err != nil {
			return cli.Report(stderr, err)
		}
		if *side != "" && sc.Side(*side) == nil {
			fmt.Fprintf(stderr, "ili: %s has no side %q.\n", sc.ID, *side)
			return cli.Bad
		}
	}
	if *benchFrames > 0 {
		if w == 0 {
			w, h = 1920, 1080
		}
		if opt.Scenario == "" {
			fmt.Fprintln(stderr, "--bench-frames needs a scenario, such as: ili play manas-1945 --bench-frames 300")
			return cli.Usage
		}
		r, err := ui.Bench(opt, *benchFrames, w, h, 5*time.Second, start)
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
		fmt.Fprintln(stdout, r)
		return cli.OK
	}
	opt.Width, opt.Height = w, h
	if err := ui.Run(opt); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

func cmdShot(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("shot", "shot SCENARIO --out FILE.png [--size WxH] [--side ID] [--variant V]...", stderr)
	out := fs.String("out", "", "the PNG file to write")
	size := fs.String("size", "1280x800", "the picture's size, WIDTHxHEIGHT")
	side := fs.String("side", "", "the side whose view to draw")
	var variants cli.List
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *out == "" {
		fmt.Fprintln(stderr, "ili shot needs a scenario and --out FILE.png, such as: ili shot ghulja-1944 --out ghulja.png")
		return cli.Usage
	}
	var w, h int
	if n, err := fmt.Sscanf(*size, "%dx%d", &w, &h); n != 2 || err != nil || w < 64 || h < 64 || w > 8192 || h > 8192 {
		fmt.Fprintf(stderr, "--size %q: write it as WIDTHxHEIGHT, such as 1920x1080.\n", *size)
		return cli.Usage
	}
	if _, err := scenario.Load(fs.Arg(0), scenario.Options{Variants: variants}); err != nil {
		return cli.Report(stderr, err)
	}
	data, err := ui.Shot(ui.Options{Scenario: fs.Arg(0), Side: *side, Variants: variants, Seed: 1}, w, h)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	if err := save.WriteFile(*out, data); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}
