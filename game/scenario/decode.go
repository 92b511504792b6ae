package scenario

import (
	"fmt"
	"ili/game/files"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Error is one problem in a scenario file, at a line and column.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Errors is every problem found in a file, in file order; one per line.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// originKey marks a table that came from somewhere else than its place in the
// file (a variant or a --set): its value is the path positions are looked up at.
const originKey = "\x00origin"

// decoder reads a parsed TOML document strictly, collecting every error with
// its position instead of stopping at the first.
type decoder struct {
	file string
	pos  positions
	errs Errors
	more int // errors past maxErrors, counted and not kept
	// labels names where overridden values came from ("--set turns=3").
	labels map[string]string
	// fileUnits are the unit IDs of the file before any variant, so that
	// the record may name a unit a variant removes.
	fileUnits map[string]bool
	// overlaid says that variants or --set overrides were applied, which
	// may move the scenario's span away from the record's steps.
	overlaid bool
}

// parse checks the size and shape of src, then runs the TOML parser over it
// and checks its keys. Only a text within MaxSize, MaxDepth and MaxKeyPath
// reaches the parser, whose cost grows faster than the text in depth and key
// length.
func parse(file string, src []byte) (map[string]any, *decoder, error) {
	if len(src) > MaxSize {
		return nil, nil, Errors{{File: file, Pos: posOf(src, MaxSize), Msg: fmt.Sprintf(
			"the file goes on past %d MiB here; a scenario or catalogue may be at most %d MiB, far more than any needs", MaxSize>>20, MaxSize>>20)}}
	}
	text := string(src)
	root, err := scan(text)
	if err != nil {
		err.File = file
		return nil, nil, Errors{*err}
	}
	d := &decoder{file: file, pos: positions{root: root}, labels: map[string]string{}}
	raw := map[string]any{}
	if _, err := toml.Decode(text, &raw); err != nil {
		if pe, ok := err.(toml.ParseError); ok {
			msg := pe.Message
			if pe.LastKey != "" {
				msg = fmt.Sprintf("%s (after key %q)", msg, pe.LastKey)
			}
			return nil, nil, Errors{{File: file, Pos: Pos{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}, Msg: "this is not valid TOML: " + msg}}
		}
		return nil, nil, Errors{{File: file, Pos: Pos{1, 1}, Msg: "this is not valid TOML: " + err.Error()}}
	}
	d.checkKeys("", raw)
	return raw, d, nil
}

// posOf returns the line and column of byte offset i of src.
func posOf(src []byte, i int) Pos {
	line, col := files.LineCol(src, i)
	return Pos{line, col}
}

// checkKeys reports every key below path that holds a control character, and
// takes it out of the document: such a key is no name anyone can type or
// see, and the decoder's own marks (originKey) begin with one.
func (d *decoder) checkKeys(path string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := join(path, k)
			if i := strings.IndexFunc(k, unicode.IsControl); i >= 0 {
				r, _ := utf8.DecodeRuneInString(k[i:])
				d.errorf(p, "key %q holds the control character U+%04X; a key may hold only characters that can be seen or typed", k, r)
				delete(x, k)
				continue
			}
			d.checkKeys(p, e)
		}
	case []map[string]any:
		for i, e := range x {
			d.checkKeys(index(path, i), e)
		}
	case []any:
		for i, e := range x {
			d.checkKeys(index(path, i), e)
		}
	}
}

// errorf records an error at path, or at the nearest enclosing path the file
// has: the top of the file if none. An error in a value that --set gave says
// so, and stands where the file has the key, if it has it.
func (d *decoder) errorf(path, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		d.more++
		return
	}
	msg := fmt.Sprintf(format, args...)
	for p := path; p != ""; p = parent(p) {
		if label, ok := d.labels[p]; ok {
			at, _ := d.near(path, false)
			d.errs = append(d.errs, Error{File: d.file, Pos: at, Msg: label + ": " + msg})
			return
		}
	}
	at, _ := d.near(path, true)
	d.errs = append(d.errs, Error{File: d.file, Pos: at, Msg: msg})
}

// near returns the position of path or of the nearest path around it that
// the file has; the top of the file (line 1, column 1) only if top is set.
func (d *decoder) near(path string, top bool) (Pos, bool) {
	for p := path; p != ""; p = parent(p) {
		if at, ok := d.pos.at(p); ok {
			return at, true
		}
	}
	if top {
		return d.pos.at("")
	}
	return Pos{}, false
}

// parent strips the last segment of a path: "a.b[2].c" -> "a.b[2]" -> "a.b".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	depth := 0
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case ']':
			depth++
		case '[':
			depth--
		case '"':
			// quoted segment: skip back to its opening quote
			j := strings.LastIndexByte(p[:i], '"')
			if j >= 0 {
				i = j
			}
		case '.':
			if depth == 0 {
				return p[:i]
			}
		}
	}
	return ""
}

// sorted returns the errors in file order.
func (d *decoder) sorted() Errors {
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i].Pos, d.errs[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if d.more > 0 {
		last := d.errs[len(d.errs)-1]
		return append(d.errs, Error{File: d.file, Pos: last.Pos, Msg: fmt.Sprintf("and %d more problems, not listed; fix these first", d.more)})
	}
	return d.errs
}

// maxErrors bounds the errors kept of one file: a file of nothing but
// unknown keys gives one each, and nobody reads past the first thousand.
const maxErrors = 1000

// table is one TOML table being read; keys read are marked used, and done
// reports the rest as unknown.
type table struct {
	d    *decoder
	path string
	what string // how errors name it: `unit "ili-1"`
	m    map[string]any
	used map[string]bool
}

func (d *decoder) root(m map[string]any) *table {
	return &table{d: d, m: m, what: "the scenario", used: map[string]bool{}}
}

func (t *table) keyPath(key string) string { return join(t.path, key) }

func (t *table) errorf(key, format string, args ...any) {
	prefix, path := t.what+": ", t.path
	if key != "" {
		prefix, path = fmt.Sprintf("%s: key %q ", t.what, key), t.keyPath(key)
	}
	t.d.errorf(path, prefix+format, args...)
}

func (t *table) get(key string, required bool) (any, bool) {
	t.used[key] = true
	v, ok := t.m[key]
	if !ok && required {
		t.d.errorf(t.path, "%s: key %q is missing", t.what, key)
	}
	return v, ok
}

// typeName says what a value is, as an error names it: "a string", "a list
// of whole numbers", "a list of tables".
func typeName(v any) string {
	switch x := v.(type) {
	case []map[string]any:
		return "a list of tables"
	case []any:
		return listName(x)
	case time.Time:
		if x.Location().String() == "time-local" {
			return "a time of day"
		}
		return "a date"
	}
	return kindName(v, false)
}

// kindName names the kind of a value, in the singular ("a string") or the
// plural ("strings").
func kindName(v any, plural bool) string {
	one, many := fmt.Sprintf("a %T", v), fmt.Sprintf("values of Go type %T", v)
	switch v.(type) {
	case string:
		one, many = "a string", "strings"
	case int64:
		one, many = "a whole number", "whole numbers"
	case float64:
		one, many = "a decimal number", "decimal numbers"
	case bool:
		one, many = "true or false", "true-or-false values"
	case []any, []map[string]any:
		one, many = "a list", "lists"
	case map[string]any:
		one, many = "a table", "tables"
	case time.Time:
		one, many = "a date", "dates"
	}
	if plural {
		return many
	}
	return one
}

// listName names a list by what it holds.
func listName(list []any) string {
	if len(list) == 0 {
		return "an empty list"
	}
	kind := kindName(list[0], true)
	for _, e := range list[1:] {
		if kindName(e, true) != kind {
			return "a list of mixed values"
		}
	}
	return "a list of " + kind
}

func (t *table) str(key string, required bool) string {
	v, ok := t.get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.errorf(key, "must be a string, not %s", typeName(v))
	}
	return s
}

func (t *table) integer(key string, required bool, def, lo, hi int) int {
	v, ok := t.get(key, required)
	if !ok {
		return def
	}
	n, isInt := v.(int64)
	if !isInt {
		t.errorf(key, "must be a whole number, not %s", typeName(v))
		return def
	}
	if n < int64(lo) || n > int64(hi) {
		t.errorf(key, "is %d; it must be from %d to %d", n, lo, hi)
		return def
	}
	return int(n)
}

func (t *table) number(key string, required bool, def, lo, hi float64) float64 {
	v, ok := t.get(key, required)
	if !ok {
		return def
	}
	var f float64
	switch x := v.(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	default:
		t.errorf(key, "must be a number, not %s", typeName(v))
		return def
	}
	if math.IsNaN(f) || f < lo || f > hi {
		t.errorf(key, "is %g; it must be from %g to %g", f, lo, hi)
		return def
	}
	return f
}

func (t *table) boolean(key string, def bool) bool {
	v, ok := t.get(key, false)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		t.errorf(key, "must be true or false, not %s", typeName(v))
		return def
	}
	return b
}

// choice reads a string that must be one of options and returns its index;
// a missing key gives def.
func (t *table) choice(key string, required bool, def int, options ...string) int {
	v := t.str(key, required)
	if v == "" {
		return def
	}
	for i, o := range options {
		if v == o {
			return i
		}
	}
	list := strings.Join(options[:len(options)-1], ", ") + " or " + options[len(options)-1]
	t.errorf(key, "is %q; use %s", v, list)
	return def
}

// date reads a TOML date or local date-time (1944-11-07 or 1944-11-07T06:00:00).
func (t *table) date(key string, required bool) (time.Time, bool) {
	v, ok := t.get(key, required)
	if !ok {
		return time.Time{}, false
	}
	switch x := v.(type) {
	case time.Time:
		return t.clock(key, x)
	case string:
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
			if d, err := time.Parse(layout, x); err == nil {
				return d, true
			}
		}
	}
	t.errorf(key, "must be a date such as 1944-11-07 or 1944-11-07T06:00:00, not %s", typeName(v))
	return time.Time{}, false
}

// clock reads a TOML date or local date-time as the game's clock, which is
// local time in Xinjiang: a time of day alone, or a time with an offset from
// UTC, which the game cannot place, is an error. (BurntSushi/toml gives the
// local kinds locations of their own names.)
func (t *table) clock(key string, x time.Time) (time.Time, bool) {
	switch x.Location().String() {
	case "date-local", "datetime-local":
		return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, time.UTC), true
	case "time-local":
		t.errorf(key, "is a time of day with no date; give the date too, such as 1944-11-07T%s", x.Format("15:04:05"))
	default:
		t.errorf(key, "is %s, with an offset from UTC; the game's clock is local time in Xinjiang, so give the local time there with no offset, such as %s",
			x.Format(time.RFC3339), x.Format("2006-01-02T15:04:05"))
	}
	return time.Time{}, false
}

func (t *table) strings(key string) []string {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		t.errorf(key, "must be a list of strings, not %s", typeName(v))
		return nil
	}
	out := make([]string, 0, len(list))
	for i, x := range list {
		s, isStr := x.(string)
		if !isStr {
			t.d.errorf(index(t.keyPath(key), i), "%s: item %d of %q must be a string, not %s", t.what, i+1, key, typeName(x))
			continue
		}
		out = append(out, s)
	}
	return out
}

// ints reads a list of whole numbers, such as a hex [col, row].
func (t *table) ints(key string, required bool, n int) ([]int, bool) {
	v, ok := t.get(key, required)
	if !ok {
		return nil, false
	}
	return t.d.intList(t.keyPath(key), t.what+": key "+fmt.Sprintf("%q", key), v, n)
}

func (d *decoder) intList(path, what string, v any, n int) ([]int, bool) {
	list, isList := v.([]any)
	if !isList || (n > 0 && len(list) != n) {
		d.errorf(path, "%s must be a list of %d whole numbers", what, n)
		return nil, false
	}
	out := make([]int, len(list))
	for i, x := range list {
		k, isInt := x.(int64)
		if !isInt {
			d.errorf(path, "%s must hold whole numbers, not %s", what, typeName(x))
			return nil, false
		}
		out[i] = int(k)
	}
	return out, true
}

// list reads a list for callers that check each element; of says what the
// list holds, for the error if it is no list ("strings").
func (t *table) list(key, of string) []any {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		t.errorf(key, "must be a list of %s, not %s", of, typeName(v))
	}
	return list
}

// sub reads a sub-table.
func (t *table) sub(key string, required bool) *table {
	v, ok := t.get(key, required)
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.errorf(key, "must be a table, not %s", typeName(v))
		return nil
	}
	what := t.what + " " + key
	if t.path == "" {
		what = key // "map", not "the scenario map"
	}
	return t.d.wrap(m, t.keyPath(key), what)
}

// tables reads an array of tables ([[key]] in the file).
func (t *table) tables(key string) []*table {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	var ms []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		ms = x
	case []any:
		for i, e := range x {
			m, isMap := e.(map[string]any)
			if !isMap {
				t.d.errorf(index(t.keyPath(key), i), "%s: every %q entry must be a table, not %s", t.what, key, typeName(e))
				continue
			}
			ms = append(ms, m)
		}
	default:
		t.errorf(key, "must be a list of tables ([[%s]]), not %s", key, typeName(v))
		return nil
	}
	out := make([]*table, len(ms))
	for i, m := range ms {
		out[i] = t.d.wrap(m, index(t.keyPath(key), i), fmt.Sprintf("%s %d", key, i+1))
	}
	return out
}

func (d *decoder) wrap(m map[string]any, path, what string) *table {
	if o, ok := m[originKey].(string); ok {
		path = o
	}
	return &table{d: d, path: path, what: what, m: m, used: map[string]bool{originKey: true}}
}

// name sets how errors name the table, once its id is known.
func (t *table) name(kind, id string) {
	if id != "" {
		t.what = fmt.Sprintf("%s %q", kind, id)
	}
}

// keys returns the table's keys in order, for tables whose keys are data
// (a legend, who held which place).
func (t *table) keys() []string {
	out := make([]string, 0, len(t.m))
	for k := range t.m {
		if k != originKey {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// done reports every key of the table that nothing read.
func (t *table) done() {
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		if !t.used[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.errorf(k, "is not a known key here; check its spelling")
	}
}
