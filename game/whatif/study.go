package whatif

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A study plays several setups on the same seeds: a comparison (each setup
// against the first) or a sweep (a grid of values of one or two keys, a
// setup a cell). Each setup is an arm: a whole batch, written as one, so
// that a study's arms merge as batches do.

// Kinds of study.
const (
	KindCompare = "compare"
	KindSweep   = "sweep"
)

// Arm is one setup of a study: its label, and in a sweep the values of the
// sweep's keys at its cell.
type Arm struct {
	Label string
	At    []float64
	Setup Setup
	Keep  string // a folder to keep the arm's runs in, for Options.Keep; "": opt's
}

// SweepKey is a key a sweep varies and the values it takes.
type SweepKey struct {
	Key    string    `json:"key"` // a --set key, or scale:TARGET.FIELD
	Values []float64 `json:"values"`
}

// StudyHead is what identifies a study.
type StudyHead struct {
	Format   string     `json:"format"` // FormatVersion
	Kind     string     `json:"kind"`   // KindCompare or KindSweep
	Scenario string     `json:"scenario"`
	Runs     int        `json:"runs"` // in each arm
	Seed     uint64     `json:"seed"`
	Sweep    []SweepKey `json:"sweep,omitempty"`
	// A sensitivity study's change (a fraction), the inputs it varies and
	// those it had to leave out, with why.
	Delta   float64  `json:"delta,omitempty"`
	Inputs  []Input  `json:"inputs,omitempty"`
	Skipped []string `json:"skipped,omitempty"`
	Setups  []string `json:"setups"` // the arms' labels
}

// Study is a study played or read: its head, each arm's report, and for a
// comparison each arm set against the first.
type Study struct {
	StudyHead
	Arms        []*Report
	Comparisons []Comparison
	Effects     []Effect // a sensitivity study's inputs, the largest effect first
	// File is the file the study was read from, which its errors name.
	File string
}

// StudyEncoder writes a study as it is played: Head first, then each
// arm's report through Arm(i), then Tail.
type StudyEncoder interface {
	Head(st *Study) error
	Arm(i int) Encoder
	Tail(st *Study) error
}

// NewStudyEncoder returns the encoder of a format, one of Formats: JSON
// holds every arm whole (results and summary) and the comparisons; text
// and CSV hold the study's tables (the comparisons, or the sweep's cells).
func NewStudyEncoder(format string, w io.Writer) (StudyEncoder, error) {
	ew := &errWriter{w: w}
	switch format {
	case "json":
		return &studyJSON{w: ew}, nil
	case "csv":
		return &studyTables{w: ew, csv: true}, nil
	case "text":
		return &studyTables{w: ew}, nil
	}
	return nil, fmt.Errorf("there is no report format %q; use %s", format, strings.Join(Formats, ", "))
}

// Encode writes the whole study with enc.
func (st *Study) Encode(enc StudyEncoder) error {
	if err := enc.Head(st); err != nil {
		return err
	}
	for i, r := range st.Arms {
		if e := enc.Arm(i); e != nil {
			if err := r.Encode(e); err != nil {
				return err
			}
		}
	}
	return enc.Tail(st)
}

// RunStudy plays each arm as a batch of opt.Runs games from opt.Seed (the
// same seeds in every arm), one arm after another, each on all of
// opt.Workers, writing the study with enc (nil: none) as the results come
// in. opt.Progress counts the runs of every arm together; each (nil: none)
// is called for every result, with the arm and its tally, from one
// goroutine. A comparison keeps each run in brief (tens of bytes) to pair
// the arms seed by seed. A done ctx stops the study with its error.
func RunStudy(ctx context.Context, head StudyHead, arms []Arm, opt Options, enc StudyEncoder, each func(arm int, t *Tally, r Result) error) (*Study, error) {
	head.Format, head.Runs, head.Seed = FormatVersion, opt.Runs, opt.Seed
	head.Setups = nil
	for _, a := range arms {
		head.Setups = append(head.Setups, a.Label)
	}
	st := &Study{StudyHead: head}
	if enc != nil {
		if err := enc.Head(st); err != nil {
			return nil, err
		}
	}
	for i, a := range arms {
		o := opt
		o.Brief = opt.Brief || head.Kind == KindCompare || head.Kind == KindSensitivity
		if a.Keep != "" {
			o.Keep = a.Keep
		}
		if p := opt.Progress; p != nil {
			o.Progress = func(done, all int) { p(i*all+done, len(arms)*all) }
		}
		var e Encoder
		if enc != nil {
			e = enc.Arm(i)
		}
		var armEach func(*Tally, Result) error
		if each != nil {
			armEach = func(t *Tally, r Result) error { return each(i, t, r) }
		}
		rep, err := StreamContext(ctx, a.Setup, Meta{Scenario: head.Scenario, Label: a.Label, At: a.At}, o, e, armEach)
		if err != nil {
			return nil, err
		}
		st.Arms = append(st.Arms, rep)
	}
	if err := st.analyse(); err != nil {
		return nil, err
	}
	if enc != nil {
		return st, enc.Tail(st)
	}
	return st, nil
}

// analyse sets each arm of a comparison against the first, and ranks the
// inputs of a sensitivity study.
func (st *Study) analyse() error {
	st.Comparisons = nil
	if st.Kind == KindSensitivity {
		return st.rank()
	}
	if st.Kind != KindCompare {
		return nil
	}
	for _, r := range st.Arms[1:] {
		c, err := Compare(st.Arms[0], r)
		if err != nil {
			return err
		}
		st.Comparisons = append(st.Comparisons, c)
	}
	return nil
}

// studyJSON writes a study as one JSON object: its head, its arms (each a
// batch as ili sim writes one, results and summary) and its comparisons.
type studyJSON struct {
	w *errWriter
}

func (e *studyJSON) Head(st *Study) error {
	h := st.StudyHead
	if h.Setups == nil {
		h.Setups = []string{}
	}
	b, err := json.MarshalIndent(h, "", " ")
	if err != nil {
		return err
	}
	fmt.Fprintf(e.w, "%s,\n \"arms\": [", b[:len(b)-len("\n}")])
	return e.w.err
}

func (e *studyJSON) Arm(i int) Encoder {
	sep := ","
	if i == 0 {
		sep = ""
	}
	fmt.Fprintf(e.w, "%s\n  ", sep)
	return &jsonEncoder{w: e.w, prefix: "  "}
}

func (e *studyJSON) Tail(st *Study) error {
	fmt.Fprint(e.w, "\n ]")
	if st.Kind == KindCompare {
		c := st.Comparisons
		if c == nil {
			c = []Comparison{}
		}
		b, err := json.MarshalIndent(c, " ", " ")
		if err != nil {
			return err
		}
		fmt.Fprintf(e.w, ",\n \"comparisons\": %s", b)
	}
	if st.Kind == KindSensitivity {
		eff := st.Effects
		if eff == nil {
			eff = []Effect{}
		}
		b, err := json.MarshalIndent(eff, " ", " ")
		if err != nil {
			return err
		}
		fmt.Fprintf(e.w, ",\n \"effects\": %s", b)
	}
	fmt.Fprint(e.w, "\n}\n")
	return e.w.err
}

// studyTables writes a study's tables once it is played: for people
// (text) or for a spreadsheet (CSV).
type studyTables struct {
	w   *errWriter
	csv bool
}

func (e *studyTables) Head(*Study) error { return e.w.err }
func (e *studyTables) Arm(int) Encoder   { return nil }
func (e *studyTables) Tail(st *Study) error {
	switch {
	case st.Kind == KindSensitivity && e.csv:
		writeEffectsCSV(e.w, st)
	case st.Kind == KindSensitivity:
		writeEffectsText(e.w, st)
	case st.Kind == KindSweep && e.csv:
		writeCellsCSV(e.w, st)
	case st.Kind == KindSweep:
		writeCellsText(e.w, st)
	case e.csv:
		writeComparisonsCSV(e.w, st)
	default:
		writeComparisonsText(e.w, st)
	}
	return e.w.err
}

// letter names the i-th arm in tables: A, B, ...
func letter(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return "S" + strconv.Itoa(i+1)
}

// writeComparisonsText writes each setup in full, the outcome shares of
// all side by side, and each setup against the first.
func writeComparisonsText(w io.Writer, st *Study) {
	pairing := "independent runs"
	if len(st.Comparisons) > 0 && st.Comparisons[0].Paired > 0 {
		pairing = "runs paired by seed (common random numbers)"
	}
	fmt.Fprintf(w, "%s: %d setups compared, %d runs each from seed %d, %s\n", st.Scenario, len(st.Arms), st.Runs, st.Seed, pairing)
	for i, r := range st.Arms {
		fmt.Fprintf(w, "%s  %s: %s\n", letter(i), r.Label, r.Describe())
	}
	if len(st.Arms) == 0 {
		return
	}
	tw := newTab(w)
	head := "\nOUTCOME"
	for i := range st.Arms {
		head += "\t" + letter(i)
	}
	fmt.Fprintln(tw, head)
	a := st.Arms[0]
	for _, o := range append(slices.Clone(a.Sides), "draw", "as in history") {
		line := outcomeLabel(o)
		for _, r := range st.Arms {
			sh := r.Summary.Historical
			if o != "as in history" {
				sh = r.Summary.Wins[o]
			}
			line += fmt.Sprintf("\t%s (%s)", pct(sh), ci(sh))
		}
		fmt.Fprintln(tw, line)
	}
	for _, side := range a.Sides {
		line := "men lost: " + side + " (median)"
		for _, r := range st.Arms {
			l := r.Summary.Losses[side]
			line += fmt.Sprintf("\t%.0f (%.0f-%.0f)", l.Median, l.Q1, l.Q3)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
	for i, c := range st.Comparisons {
		fmt.Fprintf(w, "\n%s AGAINST A (%s against %s): ", letter(i+1), c.B, c.A)
		if c.Paired > 0 {
			fmt.Fprintf(w, "%d runs paired by seed; shares by McNemar's mid-p test, losses by the paired t test\n", c.Paired)
		} else {
			fmt.Fprintf(w, "no seeds in common; shares by the two-proportion z test, losses by Welch's t test\n")
		}
		tw := newTab(w)
		fmt.Fprintln(tw, "MEASURE\tA\t"+letter(i+1)+"\tDIFFERENCE (95% CI)\tP\tLARGER THAN CHANCE?")
		for _, d := range c.Shares {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%+.1f (%+.1f to %+.1f)\t%s\t%s\n", shareLabel(d), pct(d.A), pct(d.B), 100*d.Diff, 100*d.Lo, 100*d.Hi, pValue(d.P), verdict(d.Significant))
		}
		for _, d := range c.Losses {
			fmt.Fprintf(tw, "men lost: %s (mean)\t%.0f\t%.0f\t%+.0f (%+.0f to %+.0f)\t%s\t%s\n", d.Side, d.MeanA, d.MeanB, d.Diff, d.Lo, d.Hi, pValue(d.P), verdict(d.Significant))
		}
		tw.Flush()
	}
	fmt.Fprintf(w, "\nShares in percent, differences in percentage points (%s less A); p-values are not adjusted for the number of tests. As in history: %s.\n", "each setup", a.Summary.AsHistory.Test)
}

// shareLabel names a compared share in a table.
func shareLabel(d ShareDiff) string {
	switch d.Measure {
	case "outcome", "as in history":
		return d.What
	case "held at the end":
		return "held at the end: " + d.What
	}
	return d.Measure + ": " + d.What
}

func outcomeLabel(o string) string {
	if o == "draw" || o == "as in history" {
		return o
	}
	return o + " wins"
}

func verdict(sig bool) string {
	if sig {
		return "yes (95%)"
	}
	return "no"
}

// pValue writes a p-value for people.
func pValue(p float64) string {
	if p < 0.0001 {
		return "<0.0001"
	}
	return strconv.FormatFloat(p, 'f', 4, 64)
}

// writeComparisonsCSV writes one row per compared measure of each setup
// against the first, the setups named in full.
func writeComparisonsCSV(w io.Writer, st *Study) {
	fmt.Fprintln(w, "scenario,runs,seed,a,a_setup,b,b_setup,paired,measure,what,a_share,b_share,diff,lo,hi,p,test,discordant_a,discordant_b,significant")
	for i, c := range st.Comparisons {
		a, b := st.Arms[0], st.Arms[i+1]
		pre := []string{csvQuote(st.Scenario), fmt.Sprint(st.Runs), fmt.Sprint(st.Seed), csvQuote(c.A), csvQuote(a.Describe()), csvQuote(c.B), csvQuote(b.Describe()), fmt.Sprint(c.Paired)}
		for _, d := range c.Shares {
			fmt.Fprintln(w, strings.Join(append(slices.Clone(pre), csvQuote(d.Measure), csvQuote(d.What), num(d.A.Share), num(d.B.Share), num(d.Diff), num(d.Lo), num(d.Hi), num(d.P), csvQuote(d.Test),
				fmt.Sprint(d.Discordant[0]), fmt.Sprint(d.Discordant[1]), fmt.Sprint(d.Significant)), ","))
		}
		for _, d := range c.Losses {
			fmt.Fprintln(w, strings.Join(append(slices.Clone(pre), "men lost (mean)", csvQuote(d.Side), num(d.MeanA), num(d.MeanB), num(d.Diff), num(d.Lo), num(d.Hi), num(d.P), csvQuote(d.Test),
				"", "", fmt.Sprint(d.Significant)), ","))
		}
	}
}

// num writes a number in full.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// value writes a sweep's value as --set takes it: a whole number without
// a point.
func value(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// writeCellsCSV writes one row per cell of a sweep (a tidy table): the
// setup, the keys' values, then each outcome's share with its interval,
// the share as in history, the course score and each side's men lost.
func writeCellsCSV(w io.Writer, st *Study) {
	if len(st.Arms) == 0 {
		return
	}
	a := st.Arms[0]
	head := []string{"scenario", "variants", "set", "scale", "from", "plan"}
	for _, s := range a.Sides {
		head = append(head, "ai_"+s)
	}
	for _, k := range st.Sweep {
		head = append(head, csvQuote(k.Key))
	}
	head = append(head, "runs", "seed")
	for _, o := range append(slices.Clone(a.Sides), "draw") {
		n := o + "_wins"
		if o == "draw" {
			n = "draw"
		}
		head = append(head, n, n+"_lo", n+"_hi")
	}
	head = append(head, "as_history", "as_history_lo", "as_history_hi", "course_score")
	for _, s := range a.Sides {
		head = append(head, "lost_"+s+"_median", "lost_"+s+"_q1", "lost_"+s+"_q3")
	}
	fmt.Fprintln(w, strings.Join(head, ","))
	common := commonSpec(st)
	for _, r := range st.Arms {
		row := []string{csvQuote(r.Scenario), csvQuote(strings.Join(common.Variants, "+")), csvQuote(strings.Join(common.Set, ";")), csvQuote(strings.Join(common.Scale, ";")), csvQuote(r.From), fmt.Sprint(r.Plan)}
		for _, s := range r.Sides {
			row = append(row, csvQuote(r.AI[s]))
		}
		for _, v := range r.At {
			row = append(row, value(v))
		}
		row = append(row, fmt.Sprint(r.Runs), fmt.Sprint(r.Seed))
		for _, o := range append(slices.Clone(r.Sides), "draw") {
			sh := r.Summary.Wins[o]
			row = append(row, num(sh.Share), num(sh.Lo), num(sh.Hi))
		}
		h := r.Summary.Historical
		row = append(row, num(h.Share), num(h.Lo), num(h.Hi), num(r.Summary.CourseScore))
		for _, s := range r.Sides {
			l := r.Summary.Losses[s]
			row = append(row, num(l.Median), num(l.Q1), num(l.Q3))
		}
		fmt.Fprintln(w, strings.Join(row, ","))
	}
}

// commonSpec is the setup every cell of a sweep shares: the first cell's,
// less the swept --set values and scales.
func commonSpec(st *Study) Spec {
	sp := st.Arms[0].Spec()
	var set, scale []string
	for _, s := range sp.Set {
		if !sweptKey(st, s, false) {
			set = append(set, s)
		}
	}
	for _, s := range sp.Scale {
		if !sweptKey(st, s, true) {
			scale = append(scale, s)
		}
	}
	sp.Set, sp.Scale = nonNil(set), nonNil(scale)
	return sp
}

// sweptKey reports whether a --set value (or a scale) is one the sweep
// gives.
func sweptKey(st *Study, kv string, isScale bool) bool {
	k, _, _ := strings.Cut(kv, "=")
	for _, sk := range st.Sweep {
		key, scaleKey := strings.CutPrefix(sk.Key, "scale:")
		if key == k && scaleKey == isScale {
			return true
		}
	}
	return false
}

// writeCellsText writes a sweep's cells for people.
func writeCellsText(w io.Writer, st *Study) {
	var keys []string
	for _, k := range st.Sweep {
		keys = append(keys, fmt.Sprintf("%s from %s to %s (%d values)", k.Key, value(k.Values[0]), value(k.Values[len(k.Values)-1]), len(k.Values)))
	}
	fmt.Fprintf(w, "%s: a sweep of %s; %d runs a cell from seed %d, the same seeds in every cell\n", st.Scenario, strings.Join(keys, " by "), st.Runs, st.Seed)
	if len(st.Arms) == 0 {
		return
	}
	a := st.Arms[0]
	fmt.Fprintf(w, "Setup of every cell: %s\n", commonSpec(st).Describe(a.Sides))
	tw := newTab(w)
	var head []string
	for _, k := range st.Sweep {
		head = append(head, strings.ToUpper(k.Key))
	}
	for _, o := range append(slices.Clone(a.Sides), "draw", "as in history") {
		head = append(head, strings.ToUpper(outcomeLabel(o))+" (95% CI)")
	}
	for _, s := range a.Sides {
		head = append(head, "MEN LOST: "+strings.ToUpper(s))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range st.Arms {
		var row []string
		for _, v := range r.At {
			row = append(row, value(v))
		}
		for _, o := range append(slices.Clone(r.Sides), "draw", "as in history") {
			sh := r.Summary.Historical
			if o != "as in history" {
				sh = r.Summary.Wins[o]
			}
			row = append(row, fmt.Sprintf("%s (%s)", pct(sh), ci(sh)))
		}
		for _, s := range r.Sides {
			l := r.Summary.Losses[s]
			row = append(row, fmt.Sprintf("%.0f (%.0f-%.0f)", l.Median, l.Q1, l.Q3))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	fmt.Fprintf(w, "Men lost: median (quartiles). As in history: %s.\n", a.Summary.AsHistory.Test)
}

// ReadStudy reads a study written with its JSON encoder from data, the
// content of the file name, which its errors name with the line and
// column. It checks only that the file is such a study; MergeStudies
// checks what it holds.
func ReadStudy(name string, data []byte) (*Study, error) {
	var raw struct {
		StudyHead
		Arms []json.RawMessage `json:"arms"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, decodeError(name, data, err)
	}
	if raw.Kind != KindCompare && raw.Kind != KindSweep && raw.Kind != KindSensitivity {
		return nil, &Error{File: name, Msg: fmt.Sprintf("%sits kind is %q, not %s, %s or %s", notBatch, raw.Kind, KindCompare, KindSweep, KindSensitivity)}
	}
	st := &Study{StudyHead: raw.StudyHead, File: name}
	offs := armOffsets(data)
	for i, arm := range raw.Arms {
		rep, err := ReadReport(name, arm)
		if err != nil {
			return nil, err
		}
		if i < len(offs) {
			rep.pos.shift(data, offs[i])
		}
		st.Arms = append(st.Arms, rep)
	}
	return st, nil
}

// armOffsets are where the arms of a study start in data.
func armOffsets(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return nil
		}
		if key != "arms" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var offs []int
		for dec.More() {
			offs = append(offs, valueStart(data, dec.InputOffset()))
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return offs
			}
		}
		return offs
	}
	return nil
}

// shift moves positions found in an arm to where the arm stands in the
// study's data, from offset off.
func (p *positions) shift(data []byte, off int) {
	if p == nil {
		return
	}
	c := &cursor{data: data, line: 1, col: 1}
	at := c.at(off)
	move := func(q pos) pos {
		if q.line == 1 {
			return pos{at.line, at.col + q.col - 1}
		}
		return pos{at.line + q.line - 1, q.col}
	}
	for k, q := range p.keys {
		p.keys[k] = move(q)
	}
	for i, q := range p.results {
		p.results[i] = move(q)
	}
}

// Kind is the kind of a batch's file: "" for one batch, or a study's kind.
func Kind(data []byte) string {
	var k struct {
		Kind string `json:"kind"`
	}
	json.Unmarshal(data, &k)
	return k.Kind
}

// MergeStudies joins studies of one kind and setups split by seed range
// (each --shard of one command) into the study one command would have
// played: each arm merged as Merge merges batches.
func MergeStudies(sts []*Study) (*Study, error) {
	if len(sts) == 0 {
		return nil, fmt.Errorf("there are no studies to merge")
	}
	first := sts[0]
	for i, st := range sts {
		name := studyName(st, i)
		switch {
		case st.Format != FormatVersion:
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study was written by another version of ili (format %q, not %s); rerun it with this one", st.Format, FormatVersion)}
		case st.Kind != first.Kind:
			return nil, &Error{File: name, Msg: fmt.Sprintf("the file is a %s, not a %s like %s; only parts of one command merge", st.Kind, first.Kind, studyName(first, 0))}
		case st.Scenario != first.Scenario:
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study is of scenario %s, not %s like %s; only parts of one command merge", st.Scenario, first.Scenario, studyName(first, 0))}
		case !slices.Equal(st.Setups, first.Setups):
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study's setups are [%s], not [%s] like %s; only parts of one command merge", list(st.Setups), list(first.Setups), studyName(first, 0))}
		case !sameSweep(st.Sweep, first.Sweep):
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study sweeps %s, not %s like %s; only parts of one command merge", sweepText(st.Sweep), sweepText(first.Sweep), studyName(first, 0))}
		case st.Delta != first.Delta || !slices.Equal(st.Inputs, first.Inputs) || !slices.Equal(st.Skipped, first.Skipped):
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study varies other inputs or by another change than %s; only parts of one command merge", studyName(first, 0))}
		case len(st.Arms) != len(st.Setups):
			return nil, &Error{File: name, Msg: fmt.Sprintf("the study names %d setups but holds %d; the file was cut short or edited", len(st.Setups), len(st.Arms))}
		}
	}
	out := &Study{StudyHead: first.StudyHead}
	for a := range first.Arms {
		var reps []*Report
		for _, st := range sts {
			reps = append(reps, st.Arms[a])
		}
		m, err := Merge(reps)
		if err != nil {
			return nil, err
		}
		out.Arms = append(out.Arms, m)
	}
	if len(out.Arms) > 0 {
		out.Runs, out.Seed = out.Arms[0].Runs, out.Arms[0].Seed
		for _, r := range out.Arms[1:] {
			if r.Runs != out.Runs || r.Seed != out.Seed {
				return nil, fmt.Errorf("the setups %q and %q hold other seeds once merged (%d runs from %d, %d from %d); merge every part of the command", out.Setups[0], r.Label, out.Runs, out.Seed, r.Runs, r.Seed)
			}
		}
	}
	return out, out.analyse()
}

func studyName(st *Study, i int) string {
	if st.File != "" {
		return st.File
	}
	return fmt.Sprintf("study %d", i+1)
}

func sameSweep(a, b []SweepKey) bool {
	return slices.EqualFunc(a, b, func(x, y SweepKey) bool { return x.Key == y.Key && slices.Equal(x.Values, y.Values) })
}

func sweepText(s []SweepKey) string {
	if len(s) == 0 {
		return "nothing"
	}
	var out []string
	for _, k := range s {
		var vs []string
		for _, v := range k.Values {
			vs = append(vs, value(v))
		}
		out = append(out, k.Key+" over "+strings.Join(vs, ", "))
	}
	return strings.Join(out, " and ")
}
