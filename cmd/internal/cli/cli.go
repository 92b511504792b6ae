// Package cli holds the conventions both of ili's programs follow: exit
// codes, flags that may stand anywhere among the arguments, repeatable flags,
// and errors printed one line a problem.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"ili/game/ai"
	"ili/game/scenario"
)

// Exit codes: the contract scripts rely on.
const (
	OK    = 0
	Bad   = 1 // invalid input: a scenario with mistakes, an unknown name
	Usage = 2 // the command line itself is wrong
)

// NewFlags returns a flag set that reports errors in one sentence.
func NewFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: ili %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// HelpTo sends the flag set's --help to w (standard output), leaving its
// mistakes on the writer NewFlags was given.
func HelpTo(fs *flag.FlagSet, w io.Writer) {
	usage := fs.Usage
	fs.Usage = func() {
		out := fs.Output()
		fs.SetOutput(w)
		defer fs.SetOutput(out)
		usage()
	}
}

// Parse parses flags wherever they stand among the arguments (ili calibrate
// FILE --reps 50) and turns errors into an exit code; ok is false when the
// caller should return code. The positional arguments are left in fs.Args();
// "--" ends the flags.
func Parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	// The flag package prints a mistake and then the whole usage; ili
	// prints the usage for --help only, and a mistake in one line.
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(out)
				usage()
				return OK, false
			}
			fmt.Fprintf(out, "%s; see 'ili %s --help'.\n", err, fs.Name())
			return Usage, false
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
	return OK, true
}

// Report prints an error to stderr, one line per problem, and returns Bad.
func Report(stderr io.Writer, err error) int {
	var errs scenario.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(stderr, e.Error())
		}
		return Bad
	}
	fmt.Fprintf(stderr, "ili: %v\n", err)
	return Bad
}

// List is a repeatable string flag.
type List []string

func (l *List) String() string     { return strings.Join(*l, ",") }
func (l *List) Set(v string) error { *l = append(*l, v); return nil }

// ParseAI reads --ai flags against sc's sides: SIDE=LEVEL gives that side
// to the AI at LEVEL; a bare LEVEL, where bare is allowed, is the level of
// the sides no flag names (returned as def, nil when none is given). On a
// mistake it prints one sentence and returns the exit code with ok false.
func ParseAI(sc *scenario.Scenario, flags []string, bare bool, stderr io.Writer) (levels map[string]ai.Level, def *ai.Level, code int, ok bool) {
	levels = map[string]ai.Level{}
	for _, f := range flags {
		side, lv, named := strings.Cut(f, "=")
		if named && side == "" {
			fmt.Fprintf(stderr, "--ai %q names no side: write it as SIDE=LEVEL, such as %s=hard.\n", f, sc.Setup.Sides[0].ID)
			return nil, nil, Usage, false
		}
		if !named {
			if !bare {
				fmt.Fprintf(stderr, "--ai %q: write it as SIDE=LEVEL, such as %s=hard.\n", f, sc.Setup.Sides[0].ID)
				return nil, nil, Usage, false
			}
			lv, side = side, ""
		}
		if side != "" && sc.Side(side) == nil {
			fmt.Fprintf(stderr, "--ai %q: %s has no side %q; its sides are %s.\n", f, sc.ID, side, sideList(sc))
			return nil, nil, Bad, false
		}
		level, err := ai.ParseLevel(lv)
		if err != nil {
			fmt.Fprintf(stderr, "--ai %q: %v.\n", f, err)
			return nil, nil, Bad, false
		}
		if side == "" {
			def = &level
		} else {
			levels[side] = level
		}
	}
	return levels, def, OK, true
}

// sideList is sc's side IDs, "a, b".
func sideList(sc *scenario.Scenario) string {
	ids := make([]string, len(sc.Setup.Sides))
	for i, s := range sc.Setup.Sides {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// PlaySeats reads who plays a new game of sc, as ili play and the
// browser's links give it: the person's side (side, "" for the first the
// AI does not play) and the --ai flags. It refuses a side sc does not have
// and a side given to both the person and the AI, in one sentence, with
// the exit code and ok false.
func PlaySeats(sc *scenario.Scenario, side string, ais []string, stderr io.Writer) (levels map[string]ai.Level, def *ai.Level, code int, ok bool) {
	if side != "" && sc.Side(side) == nil {
		fmt.Fprintf(stderr, "ili: %s has no side %q; its sides are %s.\n", sc.ID, side, sideList(sc))
		return nil, nil, Bad, false
	}
	if levels, def, code, ok = ParseAI(sc, ais, true, stderr); !ok {
		return nil, nil, code, false
	}
	if _, mine := levels[side]; mine && side != "" {
		fmt.Fprintf(stderr, "ili: --side %s and --ai %s=... give one side to both you and the AI; drop one.\n", side, side)
		return nil, nil, Usage, false
	}
	return levels, def, OK, true
}
