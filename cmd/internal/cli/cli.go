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
		fmt.Fprintf(stderr, "Usage: ili %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses flags wherever they stand among the arguments (ili calibrate
// FILE --reps 50) and turns errors into an exit code; ok is false when the
// caller should return code. The positional arguments are left in fs.Args();
// "--" ends the flags.
func Parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return OK, false
			}
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
