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
	"sort"
	"strings"
	"text/tabwriter"

	"ili/game/campaign"
	"ili/game/encyclopedia"
	"ili/game/files"
	"ili/game/lesson"
	"ili/game/scenario"
)

const usage = `ili: a wargame of the Ili Rebellion, Xinjiang 1944-1946.

Usage:
  ili [play] [SCENARIO]     open the game (SCENARIO: a bundled id or a .toml file, which
                            opens on its set-up; ili play --load SAVE.json opens a saved
                            game; --scenarios DIR lists a folder's scenarios with the
                            bundled ones and those in your config folder's ili/scenarios)
  ili list                  list the bundled scenarios
  ili validate [FILE...]    check scenario and lesson files: mistakes and warnings as
                            file:line:col lines, each file's variants listed; with no FILE,
                            every bundled scenario, the encyclopedia and the campaign
  ili calibrate FILE.csv    run the combat model on historical engagements
  ili fit FILE.csv          fit the combat model's odds and losses, cross-validated
  ili sim SCENARIO          play AI-against-AI batches and sum up the outcomes, the whole
                            setup recorded (--variant, --set, --scale, --ai, --plan, --from);
                            --compare A,B,... sets setups against the first, paired by seed;
                            --sweep KEY=FROM:TO:STEP (one or two) plays a line or a grid;
                            --sensitivity ranks each strength and date by its effect;
                            --shard K/N plays one part; --log SEED prints one game's log
  ili sim merge FILE...     join the parts of a batch, a comparison or a sweep (--shard)
                            into the bytes one command would have written
  ili replay SAVE...        replay saved games without a window, check them, print their results
                            (--log prints each game's log first)
  ili history SCENARIO      print the documented course of events by turn [--format text|json]
  ili report SAVE --out DIR write a saved game's debrief: one HTML page with its maps and charts
                            (--class SAVES... sums up a class's games on one page)
  ili encyclopedia [--out DIR]
                            write the encyclopedia as one HTML page, DIR/encyclopedia.html
                            (DIR: the current folder unless given; made if missing)
  ili shot SCENARIO --out FILE.png [--size WxH]   draw the game's first frame
                            (for authors: --no-fog --no-stories --turn N --labels all)
  ili hex LAT LON SCENARIO  what the scenario has at a point: hex, place, ground, roads
  ili mapgen --origin LAT,LON --hex-km K --cols C --rows R [--shapes FILE.toml]
                            draw a map from latitude and longitude: print the [projection],
                            the [map] rows, rivers and roads as TOML to paste into a scenario
  ili odds SCENARIO --attack U1,U2 --defend U3 [--turn N]
                            the attack preview as the window shows it: the odds of each
                            outcome, the loss ranges and every factor with its effect
  ili serve [--addr A]      serve the game in the browser (http://127.0.0.1:8080/ by default;
                            --addr :8080 for a classroom, --write DIR for another web server)
  ili --version             the version, the platform and the Go release it was built with

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
	if len(args) > 0 && isHelp(args[0]) {
		return cmdHelp(args[1:], stdout, stderr)
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(stdout, cli.VersionLine())
		return cli.OK
	}
	cmd := "play"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !strings.HasSuffix(args[0], ".toml") && !strings.HasSuffix(args[0], ".json") {
		if _, known := commands[args[0]]; known || !isScenarioName(args[0]) {
			cmd, args = args[0], args[1:]
		}
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "ili: unknown command %q; run 'ili help' to see the commands%s\n", cmd, didYouMeanCommand(cmd))
		return cli.Usage
	}
	return f(args, stdout, stderr)
}

var commands map[string]func([]string, io.Writer, io.Writer) int

func init() {
	commands = map[string]func([]string, io.Writer, io.Writer) int{
		"play":         cmdPlay,
		"list":         cmdList,
		"validate":     cmdValidate,
		"calibrate":    cmdCalibrate,
		"fit":          cmdFit,
		"sim":          cmdSim,
		"replay":       cmdReplay,
		"history":      cmdHistory,
		"report":       cmdReport,
		"encyclopedia": cmdEncyclopedia,
		"shot":         cmdShot,
		"hex":          cmdHex,
		"odds":         cmdOdds,
		"mapgen":       cmdMapgen,
		"help":         cmdHelp,
		"-h":           cmdHelp,
		"--help":       cmdHelp,
	}
}

// didYouMeanCommand is what the error about an unknown command adds: a
// command or a bundled scenario close to it, or a full stop.
func didYouMeanCommand(cmd string) string {
	var names []string
	for name := range commands {
		if !strings.HasPrefix(name, "-") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	names = append(names, scenario.Bundled()...) // ili SCENARIO plays it
	if s := scenario.DidYouMean(cmd, names); s != "" {
		return s
	}
	return "."
}

// isHelp reports whether an argument asks for the usage: help, -h or
// --help print it whatever follows, display or none.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
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
// and every other command here must run headless. A lesson file is checked
// here first, since reading one needs no display: its mistakes come before
// any word about the display.
func cmdPlay(args []string, stdout, stderr io.Writer) int {
	if code, asked := helpWithoutDisplay(args, stdout); asked {
		return code
	}
	if name := playFile(args); scenario.IsFile(name) && scenario.IsTOML(name) {
		if src, err := files.Read(name, scenario.MaxSize); err == nil && lesson.IsLesson(src) {
			if _, err := lesson.Parse(name, src); err != nil {
				return cli.Report(stderr, err)
			}
		}
	}
	return runWindow("play", args, stdout, stderr)
}

// playValueFlags are ili play's flags that take a value (see ili-window):
// the argument after one of them, given without "=", is its value.
var playValueFlags = map[string]bool{"side": true, "variant": true, "ai": true, "seed": true,
	"from": true, "load": true, "size": true, "bench-frames": true, "bench-part": true, "bench-lab": true, "scenarios": true}

// playFile is the scenario, lesson or saved game ili play is given: its
// first argument that is not a flag or a flag's value; "" if none.
func playFile(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				return args[i+1]
			}
			return ""
		}
		if len(a) > 1 && a[0] == '-' {
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && playValueFlags[name] {
				i++
			}
			continue
		}
		return a
	}
	return ""
}

func cmdShot(args []string, stdout, stderr io.Writer) int {
	if code, asked := helpWithoutDisplay(args, stdout); asked {
		return code
	}
	return runWindow("shot", args, stdout, stderr)
}

// helpWithoutDisplay prints the usage for 'ili play -h' or 'ili shot -h'
// on a machine without a display, where ili-window, which lists the
// commands' options, cannot start; asked is false for any other command line.
func helpWithoutDisplay(args []string, stdout io.Writer) (code int, asked bool) {
	if hasDisplay() {
		return cli.OK, false
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a != "help" && isHelp(a) {
			fmt.Fprint(stdout, usage)
			fmt.Fprintln(stdout, "\nThe game window's own options are listed by 'ili play -h' on a machine with a display (or under xvfb-run).")
			return cli.OK, true
		}
	}
	return cli.OK, false
}

// errNoDisplay is the one sentence for a machine without a display.
const errNoDisplay = "ili: there is no display to open the game window on; run it under xvfb-run, or use 'ili sim' for games without a window."

func hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// windowProgram finds ili-window (ili-window.exe on Windows) beside this
// program or on the PATH.
func windowProgram() (string, error) {
	name := "ili-window"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), name)
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
		fmt.Fprintln(stderr, "ili: the game window is a separate program, ili-window, which is not installed beside ili; build both with 'make build', or play in the browser: run 'ili serve' and open the address it prints.")
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
	names := fs.Args()
	bundled := len(names) == 0
	if bundled {
		names = scenario.Bundled()
	}
	code := cli.OK
	for _, name := range names {
		if isLesson, c := validateLesson(name, stdout, stderr); isLesson {
			if c != cli.OK {
				code = c
			}
			continue
		}
		if c := validateScenario(name, stdout, stderr); c != cli.OK {
			code = c
		}
	}
	if bundled {
		if c := validateBundledData(stdout, stderr); c != cli.OK {
			code = c
		}
	}
	return code
}

// validateLesson checks a file that is a lesson (a .toml file with a
// [lesson] table) as a lesson; isLesson is false for any other name, which
// is then checked as a scenario.
func validateLesson(name string, stdout, stderr io.Writer) (isLesson bool, code int) {
	if !scenario.IsFile(name) || !scenario.IsTOML(name) {
		return false, cli.OK
	}
	src, err := files.Read(name, scenario.MaxSize)
	if err != nil || !lesson.IsLesson(src) {
		return false, cli.OK // the scenario reader says what is wrong with a file that does not read
	}
	l, err := lesson.Parse(name, src)
	if err != nil {
		return true, cli.Report(stderr, err)
	}
	questions := fmt.Sprintf("%d questions", len(l.Questions))
	if len(l.Questions) == 1 {
		questions = "1 question"
	}
	fmt.Fprintf(stdout, "%s: ok (a lesson of %s, %s)\n", name, l.Scenario, questions)
	return true, cli.OK
}

// validateBundledData checks the data bundled beside the scenarios: the
// encyclopedia, against the scenarios, and the campaign.
func validateBundledData(stdout, stderr io.Writer) int {
	code := cli.OK
	if enc, err := encyclopedia.Load(); err != nil {
		code = cli.Report(stderr, err)
	} else {
		fmt.Fprintf(stdout, "encyclopedia: ok (%d entries)\n", len(enc.Entries))
	}
	if c, err := campaign.Load(); err != nil {
		code = cli.Report(stderr, err)
	} else {
		fmt.Fprintf(stdout, "campaign: ok (%d stops, %d episodes)\n", len(c.Stops), len(c.Episodes))
	}
	return code
}
