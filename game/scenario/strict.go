package scenario

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"ili/game/files"
)

// Error is one problem in a file, at a line and column. A warning is a
// doubt, not a mistake: the file is taken as it reads, and the warning says
// how.
type Error struct {
	File    string
	Pos     Pos
	Msg     string
	Warning bool
}

func (e Error) Error() string {
	msg := e.Msg
	if e.Warning {
		msg = "warning: " + msg
	}
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, msg)
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

// maxErrors bounds the errors kept of one file: a file of nothing but
// unknown keys gives one each, and nobody reads past the first thousand.
const maxErrors = 1000

// originKey marks a table that came from somewhere else than its place in
// the file (a scenario's variant or --set): its value is the path positions
// are looked up at. No file can give it: Decode takes out every key that
// holds a control character.
const originKey = "\x00origin"

// Reader reads a TOML document strictly, as the game reads every file it is
// given (a scenario, the unit catalogue, the campaign, the encyclopedia, a
// lesson): every key of every table is read or reported as unknown, and
// every mistake is kept, not just the first, as one sentence that says what
// to do, at the line and column of the key, table or element it concerns.
// Paths name those as Join and Index write them.
type Reader struct {
	File string
	At   Positions
	Errs Errors
	// Warns are the doubts about what the file says that do not stop it
	// being read (a date without a time of day), in the order found.
	Warns Errors
	more  int // errors past maxErrors, counted and not kept
	// The scenario's own ways: place stands in for At.Near, as variants and
	// --set overrides move values away from where the file has them, and
	// gives what the message begins with; terse keeps the wording its tests
	// pin ("is missing", and an unknown key without the known ones).
	place func(path string) (Pos, string)
	terse bool
	// watch, if set, is told how each key is read (see KeyRead), for the
	// reference and the schema.
	watch func(KeyRead)
}

// Decode checks the size and shape of src, a TOML text, decodes it and
// returns a Reader of it with the document. A text longer than MaxSize,
// nested deeper than MaxDepth, with a key path longer than MaxKeyPath or
// not TOML is one error, and no document; a key that holds a control
// character is an error, and taken out of the document. Only a text within
// the limits reaches the TOML library, whose cost grows faster than the
// text in depth and key length.
func Decode(file string, src []byte) (*Reader, map[string]any) {
	r := &Reader{File: file}
	fail := func(at Pos, format string, args ...any) (*Reader, map[string]any) {
		r.Errs = Errors{{File: file, Pos: at, Msg: fmt.Sprintf(format, args...)}}
		return r, nil
	}
	if len(src) > MaxSize {
		line, col := files.LineCol(src, MaxSize)
		return fail(Pos{line, col}, "the file goes on past %d MiB here; a file the game reads may be at most %d MiB, far more than any needs", MaxSize>>20, MaxSize>>20)
	}
	text := string(src)
	root, err := scan(text)
	if err != nil {
		return fail(err.Pos, "%s", err.Msg)
	}
	r.At = Positions{root}
	doc := map[string]any{}
	if _, err := toml.Decode(text, &doc); err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return fail(Pos{1, 1}, "this is not valid TOML: %s", err)
		}
		msg := pe.Message
		if pe.LastKey != "" {
			msg = fmt.Sprintf("%s (after key %q)", msg, pe.LastKey)
		}
		return fail(Pos{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}, "this is not valid TOML: %s", msg)
	}
	r.checkKeys("", doc)
	return r, doc
}

// checkKeys reports every key below path that holds a control character, and
// takes it out of the document: such a key is no name anyone can type or
// see, and the reader's own mark (originKey) begins with one.
func (r *Reader) checkKeys(path string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := Join(path, k)
			if i := strings.IndexFunc(k, unicode.IsControl); i >= 0 {
				c, _ := utf8.DecodeRuneInString(k[i:])
				r.Errorf(p, "key %q holds the control character U+%04X; a key may hold only characters that can be seen or typed", k, c)
				delete(x, k)
				continue
			}
			r.checkKeys(p, e)
		}
	case []map[string]any:
		for i, e := range x {
			r.checkKeys(Index(path, i), e)
		}
	case []any:
		for i, e := range x {
			r.checkKeys(Index(path, i), e)
		}
	}
}

// Errorf records an error at path: where the file has it, or the nearest
// table, key or element around it that the file has.
func (r *Reader) Errorf(path, format string, args ...any) {
	if len(r.Errs) >= maxErrors {
		r.more++
		return
	}
	at, msg := r.where(path, fmt.Sprintf(format, args...))
	r.Errs = append(r.Errs, Error{File: r.File, Pos: at, Msg: msg})
}

// Warnf records a warning at path, where Errorf would record an error.
func (r *Reader) Warnf(path, format string, args ...any) {
	if len(r.Warns) >= maxErrors {
		return
	}
	at, msg := r.where(path, fmt.Sprintf(format, args...))
	r.Warns = append(r.Warns, Error{File: r.File, Pos: at, Msg: msg, Warning: true})
}

// where is the position of path and msg as said there: after the label of
// the --set that gave the value, if one did.
func (r *Reader) where(path, msg string) (Pos, string) {
	if r.place == nil {
		return r.At.Near(path), msg
	}
	at, label := r.place(path)
	return at, label + msg
}

// Warnings returns the warnings in file order, or nil if there are none.
func (r *Reader) Warnings() Errors {
	if len(r.Warns) == 0 {
		return nil
	}
	sort.SliceStable(r.Warns, func(i, j int) bool {
		a, b := r.Warns[i].Pos, r.Warns[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return r.Warns
}

// Sorted returns the errors in file order; past the thousandth, a last one
// says how many more there are.
func (r *Reader) Sorted() Errors {
	sort.SliceStable(r.Errs, func(i, j int) bool {
		a, b := r.Errs[i].Pos, r.Errs[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	if r.more > 0 {
		last := r.Errs[len(r.Errs)-1]
		r.Errs = append(r.Errs, Error{File: r.File, Pos: last.Pos, Msg: fmt.Sprintf("and %d more problems, not listed; fix these first", r.more)})
		r.more = 0
	}
	return r.Errs
}

// Err returns the errors in file order as Errors, or nil if there are none.
func (r *Reader) Err() error {
	if len(r.Errs) == 0 {
		return nil
	}
	return r.Sorted()
}

// Table is one TOML table being read: each key read is marked, and Done
// reports the rest as unknown. Errors about it begin with What.
type Table struct {
	Path string // where it stands: "" for the top of the file, "unit[3]"
	What string // how errors name it: "the scenario", `unit "ili-1"`, "source 2"
	r    *Reader
	m    map[string]any
	used map[string]bool
}

// Table starts reading m, the table at path, which errors name what.
func (r *Reader) Table(path, what string, m map[string]any) *Table {
	t := &Table{Path: path, What: what, r: r, m: m, used: map[string]bool{}}
	if o, ok := m[originKey].(string); ok {
		t.Path, t.used[originKey] = o, true
	}
	return t
}

// KeyPath is the path of key within the table.
func (t *Table) KeyPath(key string) string { return Join(t.Path, key) }

// Has reports whether the table has key, without reading it.
func (t *Table) Has(key string) bool {
	_, ok := t.m[key]
	return ok
}

// Name makes errors name the table `kind "id"` once its id is known; an
// empty id leaves its name as it was.
func (t *Table) Name(kind, id string) {
	if id != "" {
		t.What = fmt.Sprintf("%s %q", kind, id)
	}
}

// Errorf reports a problem with key, `what: key "k" ...` at the key, or
// with the table itself if key is "", `what: ...` at the table.
func (t *Table) Errorf(key, format string, args ...any) {
	if key == "" {
		t.ErrorAt(t.Path, format, args...)
		return
	}
	t.r.Errorf(t.KeyPath(key), "%s: key %q %s", t.What, key, fmt.Sprintf(format, args...))
}

// ErrorAt reports a problem at path, within the table, as `what: ...`.
func (t *Table) ErrorAt(path, format string, args ...any) {
	t.r.Errorf(path, "%s: %s", t.What, fmt.Sprintf(format, args...))
}

// Get reads the value of key, which is an error to leave out if required.
func (t *Table) Get(key string, required bool) (any, bool) {
	t.note(key, KeyRead{Required: required})
	t.used[key] = true
	v, ok := t.m[key]
	if !ok && required {
		if t.r.terse {
			t.Errorf("", "key %q is missing", key)
		} else {
			t.Errorf("", "key %q is missing; add it", key)
		}
	}
	return v, ok
}

// Done reports every key of the table that nothing read.
func (t *Table) Done() {
	var unknown, known []string
	for k := range t.m {
		if !t.used[k] {
			unknown = append(unknown, k)
		}
	}
	for k := range t.used {
		if k != originKey {
			known = append(known, k)
		}
	}
	sort.Strings(unknown)
	sort.Strings(known)
	for _, k := range unknown {
		fix := "check its spelling"
		if len(t.r.Errs) >= maxErrors {
			t.r.more++ // past the errors kept: not worth a suggestion
			continue
		}
		if s := Suggest(k, known); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
		}
		if t.r.terse {
			t.Errorf(k, "is not a known key here; %s", fix)
		} else {
			t.Errorf(k, "is not a known key here; %s (known keys: %s)", fix, strings.Join(known, ", "))
		}
	}
}

// Str reads a string as it is written.
func (t *Table) Str(key string, required bool) string {
	t.note(key, KeyRead{Kind: kindString, Required: required})
	v, ok := t.Get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.Errorf(key, "must be a string, not %s", TypeName(v))
	}
	return s
}

// Text reads a string of prose: the lines of each paragraph joined with
// single spaces, paragraphs parted by a blank line, blanks at the ends
// dropped. A required text must have some.
func (t *Table) Text(key string, required bool) string {
	t.note(key, KeyRead{Kind: kindText, Required: required})
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(t.Str(key, required), "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	if _, isStr := t.m[key].(string); isStr && required && len(paras) == 0 {
		t.Errorf(key, "is empty; write it")
	}
	return strings.Join(paras, "\n\n")
}

// Int reads a whole number from lo to hi; def if it is missing or wrong.
func (t *Table) Int(key string, required bool, def, lo, hi int) int {
	t.note(key, KeyRead{Kind: kindInteger, Required: required, Default: int64(def), Min: float64(lo), Max: float64(hi), HasRange: true})
	v, ok := t.Get(key, required)
	if !ok {
		return def
	}
	n, isInt := v.(int64)
	if !isInt {
		t.Errorf(key, "must be a whole number, not %s", TypeName(v))
		return def
	}
	if n < int64(lo) || n > int64(hi) {
		t.Errorf(key, "is %d; it must be from %d to %d", n, lo, hi)
		return def
	}
	return int(n)
}

// Number reads a number, whole or decimal, from lo to hi; def if it is
// missing or wrong.
func (t *Table) Number(key string, required bool, def, lo, hi float64) float64 {
	t.note(key, KeyRead{Kind: kindNumber, Required: required, Default: def, Min: lo, Max: hi, HasRange: true})
	v, ok := t.Get(key, required)
	if !ok {
		return def
	}
	f, isNum := AsNumber(v)
	if !isNum {
		t.Errorf(key, "must be a number, not %s", TypeName(v))
		return def
	}
	if math.IsNaN(f) || f < lo || f > hi {
		t.Errorf(key, "is %g; it must be from %g to %g", f, lo, hi)
		return def
	}
	return f
}

// AsNumber reads a decoded value, whole or decimal, as a float64.
func AsNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// Bool reads true or false; def if it is missing or wrong.
func (t *Table) Bool(key string, def bool) bool {
	t.note(key, KeyRead{Kind: kindBoolean, Default: def})
	v, ok := t.Get(key, false)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		t.Errorf(key, "must be true or false, not %s", TypeName(v))
		return def
	}
	return b
}

// Choice reads a string that must be one of options and returns its index:
// 0 if it is missing or wrong.
func (t *Table) Choice(key string, required bool, options ...string) int {
	t.note(key, KeyRead{Kind: kindChoice, Required: required, Default: options[0], Options: options})
	v, ok := t.Get(key, required)
	if !ok {
		return 0
	}
	s, _ := v.(string)
	for i, o := range options {
		if s == o {
			return i
		}
	}
	list := strings.Join(options[:len(options)-1], ", ") + " or " + options[len(options)-1]
	if len(options) > 2 {
		list = "one of " + list
	}
	if _, isStr := v.(string); isStr {
		t.Errorf(key, "is %q; use %s%s", s, list, DidYouMean(s, options))
	} else {
		t.Errorf(key, "must be a string, not %s; use %s", TypeName(v), list)
	}
	return 0
}

// Date reads a moment of the game's clock: a TOML date or local date-time
// (1944-11-07 or 1944-11-07T06:00:00), or a string of one. A date without
// a time of day is taken as midnight, with a warning: turns, arrivals and
// events begin at hours, and midnight is seldom the one meant.
func (t *Table) Date(key string, required bool) (time.Time, bool) {
	t.note(key, KeyRead{Kind: kindDate, Required: required})
	v, ok := t.Get(key, required)
	if !ok {
		return time.Time{}, false
	}
	switch x := v.(type) {
	case time.Time:
		d, ok := t.clock(key, x)
		if ok && x.Location().String() == "date-local" {
			t.warnMidnight(key, d)
		}
		return d, ok
	case string:
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
			if d, err := time.Parse(layout, x); err == nil {
				if layout == "2006-01-02" {
					t.warnMidnight(key, d)
				}
				return d, true
			}
		}
	}
	t.Errorf(key, "must be a date such as 1944-11-07 or 1944-11-07T06:00:00, not %s", TypeName(v))
	return time.Time{}, false
}

// warnMidnight warns that key, a date d without a time of day, is taken as
// midnight.
func (t *Table) warnMidnight(key string, d time.Time) {
	t.r.Warnf(t.KeyPath(key), "%s: key %q is %s, a date without a time of day, so it is taken as midnight (%s); give the hour, such as %s",
		t.What, key, d.Format("2006-01-02"), d.Format("2006-01-02T15:04:05"), d.Add(6*time.Hour).Format("2006-01-02T15:04:05"))
}

// clock reads a TOML date or local date-time as the game's clock, which is
// local time in Xinjiang: a time of day alone, or a time with an offset from
// UTC, which the game cannot place, is an error. (BurntSushi/toml gives the
// local kinds locations of their own names.)
func (t *Table) clock(key string, x time.Time) (time.Time, bool) {
	switch x.Location().String() {
	case "date-local", "datetime-local":
		return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, time.UTC), true
	case "time-local":
		t.Errorf(key, "is a time of day with no date; give the date too, such as 1944-11-07T%s", x.Format("15:04:05"))
	default:
		t.Errorf(key, "is %s, with an offset from UTC; the game's clock is local time in Xinjiang, so give the local time there with no offset, such as %s",
			x.Format(time.RFC3339), x.Format("2006-01-02T15:04:05"))
	}
	return time.Time{}, false
}

// Strings reads a list of strings, and the path of each for errors about it.
func (t *Table) Strings(key string) (list, paths []string) {
	t.note(key, KeyRead{Kind: kindStrings})
	v, ok := t.Get(key, false)
	if !ok {
		return nil, nil
	}
	items, isList := v.([]any)
	if !isList {
		t.Errorf(key, "must be a list of strings, such as [\"a\", \"b\"], not %s", TypeName(v))
		return nil, nil
	}
	for i, x := range items {
		p := Index(t.KeyPath(key), i)
		if s, isStr := x.(string); isStr {
			list, paths = append(list, s), append(paths, p)
		} else {
			t.ErrorAt(p, "item %d of %q must be a string, not %s", i+1, key, TypeName(x))
		}
	}
	return list, paths
}

// Sub reads a table, written [key] (within the table's own header).
func (t *Table) Sub(key string, required bool) *Table {
	t.note(key, KeyRead{Kind: kindTable, Required: required})
	v, ok := t.Get(key, required)
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		t.Errorf(key, "must be a table, written [%s], not %s", t.header(key), TypeName(v))
		return nil
	}
	what := t.What + ", " + key
	if t.Path == "" {
		what = key // "map", not "the scenario, map"
	}
	return t.r.Table(t.KeyPath(key), what, m)
}

// Tables reads an array of tables, written [[key]]: "key 1", "key 2"...
func (t *Table) Tables(key string) []*Table {
	t.note(key, KeyRead{Kind: kindTables})
	v, ok := t.Get(key, false)
	if !ok {
		return nil
	}
	var out []*Table
	switch x := v.(type) {
	case []map[string]any:
		for i, m := range x {
			out = append(out, t.r.Table(Index(t.KeyPath(key), i), fmt.Sprintf("%s %d", key, i+1), m))
		}
	case []any:
		for i, e := range x {
			if m, isMap := e.(map[string]any); isMap {
				out = append(out, t.r.Table(Index(t.KeyPath(key), i), fmt.Sprintf("%s %d", key, i+1), m))
			} else {
				t.ErrorAt(Index(t.KeyPath(key), i), "item %d of %q must be a table, written [[%s]], not %s", i+1, key, t.header(key), TypeName(e))
			}
		}
	default:
		t.Errorf(key, "must be a list of tables, written [[%s]], not %s", t.header(key), TypeName(v))
	}
	return out
}

// header is how a table header names key within the table: "entry.claim".
func (t *Table) header(key string) string { return arrayIndex.ReplaceAllString(t.KeyPath(key), "") }

var arrayIndex = regexp.MustCompile(`\[[0-9]+\]`)

// Year reads a year, a whole number (1945) or a string ("undated", "c. 1950").
func (t *Table) Year(key string) string {
	t.note(key, KeyRead{Kind: kindYear})
	v, ok := t.Get(key, false)
	switch y := v.(type) {
	case int64:
		return strconv.FormatInt(y, 10)
	case string:
		return strings.TrimSpace(y)
	}
	if ok {
		t.Errorf(key, "must be a year such as 1945 or a string such as \"undated\", not %s", TypeName(v))
	}
	return ""
}

// TypeName says what a decoded value is, as an error names it: "a string",
// "a list of whole numbers", "a list of tables", "a time of day".
func TypeName(v any) string {
	switch x := v.(type) {
	case []map[string]any:
		return "a list of tables"
	case []any:
		if len(x) == 0 {
			return "an empty list"
		}
		kind := kindName(x[0], true)
		for _, e := range x[1:] {
			if kindName(e, true) != kind {
				return "a list of mixed values"
			}
		}
		return "a list of " + kind
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

// ReadSource reads a [[source]] table, a work figures come from: key,
// author and title, a year or a url by which readers can find it, a note.
func ReadSource(t *Table) Source {
	s := Source{Key: t.Text("key", true)}
	t.Name("source", s.Key)
	s.Author = t.Text("author", true)
	s.Title = t.Text("title", true)
	s.Year = t.Year("year")
	s.URL = t.Str("url", false)
	s.Note = t.Str("note", false)
	if s.Year == "" && s.URL == "" {
		t.Errorf("", "give a year or a url so that readers can find it")
	}
	t.Done()
	return s
}
