package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/scenario"
)

// validateScenario checks a scenario file and each of its variants. Its
// mistakes go to stderr, one file:line:col line each, a variant's named as
// the variant's; so do its warnings, which do not fail it. A valid file gets
// its ok line on stdout and a line for each variant under it.
func validateScenario(name string, stdout, stderr io.Writer) int {
	sc, err := scenario.Load(name, scenario.Options{})
	if err != nil {
		return cli.Report(stderr, err)
	}
	warnings := newWarnings(sc.Warnings)
	loaded := make([]*scenario.Scenario, len(sc.Variants))
	code := cli.OK
	for i, v := range sc.Variants {
		vs, err := scenario.Load(name, scenario.Options{Variants: []string{v.ID}})
		if err != nil {
			code = cli.Report(stderr, inVariant(v.ID, err))
			continue
		}
		loaded[i] = vs
		warnings.add(vs.Warnings)
	}
	warnings.print(stderr)
	if code != cli.OK {
		return code
	}
	fmt.Fprintf(stdout, "%s: ok (%s, %s, %s%s)\n", sc.File, count(len(sc.Units), "unit"), count(len(sc.Places), "place"),
		count(len(sc.Variants), "variant"), warnings.count())
	for i, v := range sc.Variants {
		fmt.Fprintf(stdout, "  variant %s (%s): %s\n", v.ID, count(len(loaded[i].Units), "unit"), v.Title)
	}
	return cli.OK
}

// inVariant names the variant in each of a variant's errors that does not
// name it already, so that a mistake the variant brings about, such as a
// date its new span leaves out, says where it comes from.
func inVariant(id string, err error) error {
	var errs scenario.Errors
	if !errors.As(err, &errs) {
		return fmt.Errorf("variant %q: %w", id, err)
	}
	label := fmt.Sprintf("variant %q", id)
	out := make(scenario.Errors, len(errs))
	for i, e := range errs {
		if !strings.HasPrefix(e.Msg, label) {
			e.Msg = label + ": " + e.Msg
		}
		out[i] = e
	}
	return out
}

// warnings are a file's warnings over its loads, each once, in order.
type warnings struct {
	list scenario.Errors
	seen map[string]bool
}

func newWarnings(ws scenario.Errors) *warnings {
	w := &warnings{seen: map[string]bool{}}
	w.add(ws)
	return w
}

func (w *warnings) add(ws scenario.Errors) {
	for _, e := range ws {
		if s := e.Error(); !w.seen[s] {
			w.seen[s] = true
			w.list = append(w.list, e)
		}
	}
}

func (w *warnings) print(stderr io.Writer) {
	for _, e := range w.list {
		fmt.Fprintln(stderr, e.Error())
	}
}

// count is how the ok line tells the warnings: ", 2 warnings", or "".
func (w *warnings) count() string {
	if len(w.list) == 0 {
		return ""
	}
	return ", " + count(len(w.list), "warning")
}

// count is n things: "1 unit", "3 units", "0 variants".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
