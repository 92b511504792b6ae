package whatif

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
)

// Head is what identifies a batch: what was run, on what, how many times.
// Every part of the setup is in it (variants, --set values, scales, AI
// levels, the plan, the date the record was taken up), so that a report
// says what it is the report of, and batches of different setups do not
// merge.
type Head struct {
	Format       string            `json:"format"`          // FormatVersion
	Label        string            `json:"label,omitempty"` // the setup's name in a comparison or a sweep
	At           []float64         `json:"at,omitempty"`    // a sweep's cell: the values of its keys
	Scenario     string            `json:"scenario"`
	ScenarioHash string            `json:"scenario_hash"`
	Variants     []string          `json:"variants"`
	Set          []string          `json:"set"`
	Scale        []string          `json:"scale"`
	From         string            `json:"from,omitempty"` // the moment the games took up the record, "" for the start
	AI           map[string]string `json:"ai"`             // every side's level
	Plan         bool              `json:"plan"`           // every AI followed its side's historical plan
	Runs         int               `json:"runs"`
	Seed         uint64            `json:"seed"`
	Sides        []string          `json:"sides"`
	Places       []string          `json:"places"`    // the places that give points
	Garrisons    []Garrison        `json:"garrisons"` // the places each side's units stood in at the start
}

// Spec is the setup the head records.
func (h Head) Spec() Spec {
	return Spec{Scenario: h.Scenario, Variants: h.Variants, Set: h.Set, Scale: h.Scale, AI: h.AI, Plan: h.Plan, From: h.From}
}

// Describe says the setup in one line (see Spec.Describe).
func (h Head) Describe() string { return h.Spec().Describe(h.Sides) }

// Report is the JSON form of a batch: what was run and what came of it. The
// results come before the summary, which is written once they are all in.
type Report struct {
	Head
	Results []Result `json:"results"`
	Summary Summary  `json:"summary"`
	// File is the file the report was read from, which its errors name.
	File string     `json:"-"`
	pos  *positions // where ReadReport found its parts
	// tally counts the batch's values when it was streamed and holds no
	// results.
	tally *Tally
}

// FormatVersion names the layout of Report and the rules that produced it;
// batches of different versions do not merge. The order of the fields and
// the layout of the white space may change within a version.
const FormatVersion = "ili-sim/2"

// Formats are the formats a report is written in.
var Formats = []string{"text", "json", "csv"}

// Encoder writes a report in one format as its results come in: Head
// before the first result, Result for each in seed order, and Tail with
// the summary once they are all in. Each returns the first write error.
type Encoder interface {
	Head(r *Report) error
	Result(res Result) error
	Tail(r *Report) error
}

// NewEncoder returns the encoder of a format, one of Formats.
func NewEncoder(format string, w io.Writer) (Encoder, error) {
	ew := &errWriter{w: w}
	switch format {
	case "json":
		return &jsonEncoder{w: ew}, nil
	case "csv":
		return &csvEncoder{w: ew}, nil
	case "text":
		return &textEncoder{w: ew}, nil
	}
	return nil, fmt.Errorf("there is no report format %q; use %s", format, strings.Join(Formats, ", "))
}

// Encode writes the whole report, results and summary, with enc.
func (r *Report) Encode(enc Encoder) error {
	if err := enc.Head(r); err != nil {
		return err
	}
	for _, res := range r.Results {
		if err := enc.Result(res); err != nil {
			return err
		}
	}
	return enc.Tail(r)
}

// WriteJSON writes the report as one JSON object, one result a line.
func (r *Report) WriteJSON(w io.Writer) error { return r.Encode(&jsonEncoder{w: &errWriter{w: w}}) }

// WriteCSV writes one row per run.
func (r *Report) WriteCSV(w io.Writer) error { return r.Encode(&csvEncoder{w: &errWriter{w: w}}) }

// WriteText writes a table for people.
func (r *Report) WriteText(w io.Writer) error { return r.Encode(&textEncoder{w: &errWriter{w: w}}) }

// errWriter keeps the first write error and writes nothing after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// jsonEncoder writes the head indented, each result on a line of its own,
// and the summary last.
// Nested in a study, each line after the first starts with prefix.
type jsonEncoder struct {
	w      *errWriter
	n      int
	prefix string
}

func (e *jsonEncoder) Head(r *Report) error {
	h := r.Head.nonNil()
	b, err := json.MarshalIndent(h, e.prefix, " ")
	if err != nil {
		return err
	}
	b = b[:len(b)-len("\n}")-len(e.prefix)]
	fmt.Fprintf(e.w, "%s,\n%s \"results\": [", b, e.prefix)
	return e.w.err
}

func (e *jsonEncoder) Result(res Result) error {
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	sep := ","
	if e.n == 0 {
		sep = ""
	}
	e.n++
	fmt.Fprintf(e.w, "%s\n%s  %s", sep, e.prefix, b)
	return e.w.err
}

func (e *jsonEncoder) Tail(r *Report) error {
	b, err := json.MarshalIndent(r.Summary, e.prefix+" ", " ")
	if err != nil {
		return err
	}
	end := "\n"
	if e.prefix != "" {
		end = "" // the study goes on
	}
	fmt.Fprintf(e.w, "\n%s ],\n%s \"summary\": %s\n%s}%s", e.prefix, e.prefix, b, e.prefix, end)
	return e.w.err
}

// csvEncoder writes a row of names, then one row per run, each starting
// with the setup, so that rows of several setups can stand in one table.
type csvEncoder struct {
	w     *errWriter
	head  Head
	setup []string
}

func (e *csvEncoder) Head(r *Report) error {
	e.head = r.Head
	names := []string{"scenario", "variants", "set", "scale", "from", "plan"}
	e.setup = []string{r.Scenario, strings.Join(r.Variants, "+"), strings.Join(r.Set, ";"), strings.Join(r.Scale, ";"), r.From, fmt.Sprint(r.Plan)}
	for _, s := range r.Sides {
		names = append(names, "ai_"+s)
		e.setup = append(e.setup, r.AI[s])
	}
	for i := range e.setup {
		e.setup[i] = csvQuote(e.setup[i])
	}
	head := append(names, "seed", "winner", "reason", "turns", "as_history", "record_winner", "key_places_held", "key_places",
		"checkpoints_held", "checkpoints", "course_score")
	for _, s := range r.Sides {
		head = append(head, "vp_"+s, "lost_"+s, "captured_"+s, "guns_lost_"+s)
	}
	for _, p := range r.Places {
		head = append(head, "owner_"+p)
	}
	for _, p := range r.Places {
		head = append(head, "first_change_"+p)
	}
	for _, g := range r.Garrisons {
		head = append(head, "gave_up_"+g.Side+"_"+g.Place)
	}
	fmt.Fprintln(e.w, strings.Join(head, ","))
	return e.w.err
}

func (e *csvEncoder) Result(res Result) error {
	a := res.AsHistory
	row := append(slices.Clone(e.setup), fmt.Sprint(res.Seed), csvQuote(res.Winner), csvQuote(res.Reason), fmt.Sprint(res.Turns),
		fmt.Sprint(res.Historical), fmt.Sprint(a.Winner), fmt.Sprint(a.Places), fmt.Sprint(a.KeyPlaces), fmt.Sprint(a.Checkpoints), fmt.Sprint(a.Dated),
		strconv.FormatFloat(res.CourseScore, 'g', -1, 64))
	for _, s := range e.head.Sides {
		l := res.Losses[s]
		row = append(row, fmt.Sprint(res.VP[s]), fmt.Sprint(l.Men), fmt.Sprint(l.Captured), fmt.Sprint(l.Guns))
	}
	for _, p := range e.head.Places {
		row = append(row, csvQuote(ownerName(res.Owners[p])))
	}
	for _, p := range e.head.Places {
		t := ""
		for _, c := range res.Captures {
			if c.Place == p {
				t = fmt.Sprint(c.Turn)
				break
			}
		}
		row = append(row, t)
	}
	for _, g := range e.head.Garrisons {
		t := ""
		for _, u := range res.GaveUp {
			if u.Side == g.Side && u.Place == g.Place {
				t = fmt.Sprint(u.Turn)
			}
		}
		row = append(row, t)
	}
	fmt.Fprintln(e.w, strings.Join(row, ","))
	return e.w.err
}

func (e *csvEncoder) Tail(*Report) error { return e.w.err }

// csvQuote makes a field safe for a CSV reader and a spreadsheet: control
// characters (terminal escapes among them) become spaces, a field a
// spreadsheet would run as a formula starts with an apostrophe, and a field
// with a comma, a quote or a line break is quoted.
func csvQuote(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' {
			return ' '
		}
		return r
	}, s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",\"\n\r") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// textEncoder writes tables of the summary for people, and no runs.
type textEncoder struct{ w *errWriter }

func (e *textEncoder) Head(*Report) error  { return nil }
func (e *textEncoder) Result(Result) error { return e.w.err }
func (e *textEncoder) Tail(r *Report) error {
	w := e.w
	writeHeader(w, r)
	writeTables(w, r)
	return w.err
}

// writeHeader says what the batch was: the scenario, every part of its
// setup, the runs and seeds, and the speed where it is known.
func writeHeader(w io.Writer, r *Report) {
	s := r.Summary
	if r.Label != "" {
		fmt.Fprintf(w, "%s: ", r.Label)
	}
	fmt.Fprintf(w, "%s: %d runs from seed %d", r.Scenario, r.Runs, r.Seed)
	if s.RunsPerSecond > 0 {
		fmt.Fprintf(w, ", %.1f runs/s", s.RunsPerSecond)
	}
	fmt.Fprintf(w, "\nSetup: %s\n", r.Describe())
	if s.Refused > 0 {
		fmt.Fprintf(w, "The rules refused %d commands of the AI in %d runs (a fault of the AI: each ended its phase; the runs' records hold them).\n", s.Refused, s.RefusedRuns)
	}
}

// writeTables writes the outcomes, the losses and the places of a report.
func writeTables(w io.Writer, r *Report) {
	s := r.Summary
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "\nOUTCOME\tSHARE\t95% CI\tAI")
	for _, side := range append(append([]string(nil), r.Sides...), "draw") {
		ws := s.Wins[side]
		label := side + " wins"
		if side == "draw" {
			label = "draw"
		}
		level := r.AI[side]
		if level != "" && r.Plan {
			level += " (plan)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", label, pct(ws), ci(ws), level)
	}
	a := s.AsHistory
	fmt.Fprintf(tw, "as in history\t%s\t%s\t\n", pct(s.Historical), ci(s.Historical))
	fmt.Fprintf(tw, "  the record's winner\t%s\t%s\t\n", pct(a.Winner), ci(a.Winner))
	fmt.Fprintf(tw, "  every key place\t%s\t%s\t(%.1f of %d held as the record, on average)\n", pct(a.KeyPlaces), ci(a.KeyPlaces), a.MeanKeyPlaces, a.Of)
	fmt.Fprintf(tw, "  half the checkpoints\t%s\t%s\t\n", pct(a.Course), ci(a.Course))
	tw.Flush()
	fmt.Fprintf(w, "As in history: %s.\n", a.Test)
	fmt.Fprintln(tw, "\nSIDE\tMEN LOST (MEDIAN)\tQUARTILES\tVP (MEDIAN)")
	for _, side := range r.Sides {
		l := s.Losses[side]
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f-%.0f\t%.0f\n", side, l.Median, l.Q1, l.Q3, s.VP[side].Median)
	}
	fmt.Fprintln(tw, "\nPLACE\tCHANGED HANDS\tFIRST CHANGE (TURN)\tHELD AT THE END BY")
	for _, p := range r.Places {
		ps := s.Places[p]
		first := "-"
		if ps.Changed.Count > 0 {
			first = fmt.Sprintf("%.0f (%.0f-%.0f)", ps.FirstTurn.Median, ps.FirstTurn.Q1, ps.FirstTurn.Q3)
		}
		fmt.Fprintf(tw, "%s\t%.0f%%\t%s\t%s\n", p, 100*ps.Changed.Share, first, owners(s.Owners[p], r.Sides))
	}
	writeGaveUp(tw, s)
	writeCourse(tw, s)
	tw.Flush()
}

// pct is a share in percent, ci its interval.
func pct(s Share) string { return fmt.Sprintf("%.1f%%", 100*s.Share) }
func ci(s Share) string  { return fmt.Sprintf("%.1f-%.1f%%", 100*s.Lo, 100*s.Hi) }

// owners lists who held a place at the end, most often first, in the
// sides' order where as often, then nobody.
func owners(held map[string]Share, sides []string) string {
	names := append(slices.Clone(sides), "nobody")
	slices.SortStableFunc(names, func(a, b string) int { return held[b].Count - held[a].Count })
	var out []string
	for _, n := range names {
		if held[n].Count > 0 {
			out = append(out, fmt.Sprintf("%s %.0f%%", n, 100*held[n].Share))
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ", ")
}

// writeGaveUp lists the places a side's units stood in at the start and
// how often they left them of their own accord.
func writeGaveUp(tw io.Writer, s Summary) {
	if len(s.GaveUp) == 0 {
		return
	}
	fmt.Fprintln(tw, "\nSTARTED IN\tSIDE\tGAVE IT UP (MARCHED OUT)\tTURN (MEDIAN)")
	for _, g := range s.GaveUp {
		turn := "-"
		if g.GaveUp.Count > 0 {
			turn = fmt.Sprintf("%.0f (%.0f-%.0f)", g.Turn.Median, g.Turn.Q1, g.Turn.Q3)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s (%s)\t%s\n", g.Place, g.Side, pct(g.GaveUp), ci(g.GaveUp), turn)
	}
}

// writeCourse lists the record's checkpoints and how often runs held each
// as the record does.
func writeCourse(tw io.Writer, s Summary) {
	if len(s.Course) == 0 {
		return
	}
	fmt.Fprintf(tw, "\nCOURSE OF EVENTS\tTURN\tHELD BY, BY THE RECORD\tSO IN RUNS\n")
	for _, c := range s.Course {
		by := c.History
		if by == "" {
			by = "nobody"
		}
		turn := fmt.Sprint(c.Turn)
		if c.End {
			turn = "end"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.0f%% (%.0f-%.0f%%)\n", c.Place, turn, by, 100*c.Held.Share, 100*c.Held.Lo, 100*c.Held.Hi)
	}
	fmt.Fprintf(tw, "course score\t\t\t%.2f\n", s.CourseScore)
}

// nonNil is the head with empty lists rather than none.
func (h Head) nonNil() Head {
	h.Variants, h.Set, h.Scale = nonNil(h.Variants), nonNil(h.Set), nonNil(h.Scale)
	if h.AI == nil {
		h.AI = map[string]string{}
	}
	if h.Garrisons == nil {
		h.Garrisons = []Garrison{}
	}
	if h.Places == nil {
		h.Places = []string{}
	}
	return h
}

// newTab is the tab writer of the text reports.
func newTab(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 2, 8, 2, ' ', 0) }
