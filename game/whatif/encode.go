package whatif

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"
)

// Head is what identifies a batch: what was run, on what, how many times.
type Head struct {
	Format       string            `json:"format"` // FormatVersion
	Scenario     string            `json:"scenario"`
	ScenarioHash string            `json:"scenario_hash"`
	Variants     []string          `json:"variants"`
	Set          []string          `json:"set"`
	From         string            `json:"from,omitempty"` // the moment the games took up the record, "" for the start
	AI           map[string]string `json:"ai"`
	Runs         int               `json:"runs"`
	Seed         uint64            `json:"seed"`
	Sides        []string          `json:"sides"`
	Places       []string          `json:"places"`
}

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
const FormatVersion = "ili-sim/1"

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
type jsonEncoder struct {
	w *errWriter
	n int
}

func (e *jsonEncoder) Head(r *Report) error {
	h := r.Head
	h.Variants, h.Set = nonNil(h.Variants), nonNil(h.Set)
	b, err := json.MarshalIndent(h, "", " ")
	if err != nil {
		return err
	}
	b = b[:len(b)-len("\n}")]
	fmt.Fprintf(e.w, "%s,\n \"results\": [", b)
	return e.w.err
}

func (e *jsonEncoder) Result(res Result) error {
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	sep := ",\n  "
	if e.n == 0 {
		sep = "\n  "
	}
	e.n++
	fmt.Fprintf(e.w, "%s%s", sep, b)
	return e.w.err
}

func (e *jsonEncoder) Tail(r *Report) error {
	b, err := json.MarshalIndent(r.Summary, " ", " ")
	if err != nil {
		return err
	}
	fmt.Fprintf(e.w, "\n ],\n \"summary\": %s\n}\n", b)
	return e.w.err
}

// csvEncoder writes a row of names, then one row per run.
type csvEncoder struct {
	w             *errWriter
	sides, places []string
}

func (e *csvEncoder) Head(r *Report) error {
	e.sides, e.places = r.Sides, r.Places
	head := []string{"seed", "winner", "reason", "turns", "historical"}
	for _, s := range r.Sides {
		head = append(head, "vp_"+s, "lost_"+s, "captured_"+s, "guns_lost_"+s)
	}
	for _, p := range r.Places {
		head = append(head, "first_change_"+p)
	}
	fmt.Fprintln(e.w, strings.Join(head, ","))
	return e.w.err
}

func (e *csvEncoder) Result(res Result) error {
	row := []string{fmt.Sprint(res.Seed), csvQuote(res.Winner), csvQuote(res.Reason), fmt.Sprint(res.Turns), fmt.Sprint(res.Historical)}
	for _, s := range e.sides {
		l := res.Losses[s]
		row = append(row, fmt.Sprint(res.VP[s]), fmt.Sprint(l.Men), fmt.Sprint(l.Captured), fmt.Sprint(l.Guns))
	}
	for _, p := range e.places {
		t := ""
		for _, c := range res.Captures {
			if c.Place == p {
				t = fmt.Sprint(c.Turn)
				break
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
	s := r.Summary
	fmt.Fprintf(w, "%s", r.Scenario)
	if len(r.Variants) > 0 {
		fmt.Fprintf(w, " with %s", strings.Join(r.Variants, ", "))
	}
	if r.From != "" {
		fmt.Fprintf(w, " taken up from the record at %s", r.From)
	}
	fmt.Fprintf(w, ": %d runs from seed %d", r.Runs, r.Seed)
	if s.RunsPerSecond > 0 {
		fmt.Fprintf(w, ", %.1f runs/s", s.RunsPerSecond)
	}
	fmt.Fprintln(w)
	if s.Refused > 0 {
		fmt.Fprintf(w, "The rules refused %d commands of the AI in %d runs (a fault of the AI: each ended its phase; the runs' records hold them).\n", s.Refused, s.RefusedRuns)
	}
	writeTables(w, r)
	return w.err
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
		fmt.Fprintf(tw, "%s\t%.1f%%\t%.1f-%.1f%%\t%s\n", label, 100*ws.Share, 100*ws.Lo, 100*ws.Hi, r.AI[side])
	}
	fmt.Fprintf(tw, "as in history\t%.1f%%\t%.1f-%.1f%%\t\n", 100*s.Historical.Share, 100*s.Historical.Lo, 100*s.Historical.Hi)
	fmt.Fprintln(tw, "\nSIDE\tMEN LOST (MEDIAN)\tQUARTILES\tVP (MEDIAN)")
	for _, side := range r.Sides {
		l := s.Losses[side]
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f-%.0f\t%.0f\n", side, l.Median, l.Q1, l.Q3, s.VP[side].Median)
	}
	fmt.Fprintln(tw, "\nPLACE\tCHANGED HANDS\tFIRST CHANGE (TURN)\t")
	for _, p := range r.Places {
		ps := s.Places[p]
		if ps.Changed.Count == 0 {
			fmt.Fprintf(tw, "%s\t0%%\t-\t\n", p)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.0f%%\t%.0f (%.0f-%.0f)\t\n", p, 100*ps.Changed.Share, ps.FirstTurn.Median, ps.FirstTurn.Q1, ps.FirstTurn.Q3)
	}
	writeCourse(tw, s)
	tw.Flush()
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
