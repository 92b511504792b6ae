// Command ili is the Ili Rebellion wargame: the desktop game and the tools
// around it (scenario list and validation, batches, calibration, screenshots).
package main

import (
	"errors"
	"fmt"
	"ili/cmd/internal/cli"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"

	"ili/game/scenario"
)

const usage = `ili: a wargame of the Ili Rebellion, Xinjiang 1944-1946.

Usage:
  ili [play] [SCENARIO]     open the game (SCENARIO: a bundled id or a .toml file;
                            ili play --load SAVE.json opens a saved game)
  ili list                  list the bundled scenarios
  ili validate [FILE...]    check scenario files; with no FILE, every bundled one
  ili calibrate FILE.csv    run the combat model on historical engagements
  ili fit FILE.csv          fit the combat model's odds and losses, cross-validated
  ili sim SCENARIO          play AI-against-AI batches and sum up the outcomes
  ili sim merge FILE...     join batches split by seed range
  ili replay SAVE...        replay saved games without a window, check them, print their results
  ili history SCENARIO      print the documented course of events by turn [--format text|json]
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
			code = cli.Bad
		}
	}()
	cmd := "play"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !strings.HasSuffix(args[0], ".toml") && !strings.HasSuffix(args[0], ".json") {
		if _, known := commands[args[0]]; known || !isScenarioName(args[0]) {
			cmd, args = args[0], args[1:]
		}
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "ili: unknown command %q; run 'ili help' to see the commands.\n", cmd)
		return cli.Usage
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
		"fit":       cmdFit,
		"sim":       cmdSim,
		"replay":    cmdReplay,
		"history":   cmdHistory,
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
	return cli.OK
}

// cmdPlay and cmdShot hand over to ili-window, the program with the game
// window: a program that links Ebiten cannot even start without a display,
// and every other command here must run headless.
func cmdPlay(args []string, stdout, stderr io.Writer) int {
	return runWindow("play", args, stdout, stderr)
}

func cmdShot(args []string, stdout, stderr io.Writer) int {
	return runWindow("shot", args, stdout, stderr)
}

// errNoDisplay is the one sentence for a machine without a display.
const errNoDisplay = "ili: there is no display to open the game window on; run it under xvfb-run, or use 'ili sim' for games without a window."

func hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// windowProgram finds ili-window beside this program or on the PATH.
func windowProgram() (string, error) {
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "ili-window")
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return exec.LookPath("ili-window")
}

func runWindow(cmd string, args []string, stdout, stderr io.Writer) int {
	if !hasDisplay() {
		fmt.Fprintln(stderr, errNoDisplay)
		return cli.Bad
	}
	prog, err := windowProgram()
	if err != nil {
		fmt.Fprintln(stderr, "ili: the game window is a separate program, ili-window, which is not installed beside ili; build both with 'make build'.")
		return cli.Bad
	}
	c := exec.Command(prog, append([]string{cmd}, args...)...)
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, stdout, stderr
	if err := c.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		fmt.Fprintf(stderr, "ili: cannot start the game window: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

func cmdList(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("list", "list", stderr)
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ili list takes no arguments; run 'ili list' alone.\n")
		return cli.Usage
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
	return cli.OK
}

func cmdValidate(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("validate", "validate [FILE...]", stderr)
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		files = scenario.Bundled()
	}
	code := cli.OK
	for _, name := range files {
		sc, err := scenario.Load(name, scenario.Options{})
		if err != nil {
			cli.Report(stderr, err)
			code = cli.Bad
			continue
		}
		bad := false
		for _, v := range sc.Variants {
			if _, err := scenario.Load(name, scenario.Options{Variants: []string{v.ID}}); err != nil {
				cli.Report(stderr, err)
				bad = true
			}
		}
		if bad {
			code = cli.Bad
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%d units, %d places, %d variants)\n", sc.File, len(sc.Units), len(sc.Places), len(sc.Variants))
	}
	return code
}
