package encyclopedia

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"ili/game/files"
	"ili/game/scenario"
)

// MaxSize is the longest encyclopedia file Parse reads, in bytes: the
// scenarios' own limit.
const MaxSize = scenario.MaxSize

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// build is the state of one Parse: the files read so far, the errors, and
// the checks that wait until every file's sources are known.
type build struct {
	w      *world
	enc    *Encyclopedia
	errs   scenario.Errors
	checks []func()
	where  map[string]*reader // entry ID -> the file that defines it
}

// reader is one file being read.
type reader struct {
	b    *build
	file string
	at   scenario.Positions
}

func parse(input map[string][]byte, w *world) (*Encyclopedia, error) {
	enc := &Encyclopedia{Sources: map[string]Source{}, Scenarios: w.titles, byID: map[string]*Entry{},
		units: map[string]*Entry{}, places: map[string]*Entry{}, sides: map[string]*Entry{},
		commanders: map[string]*Entry{}, sources: map[string]*Entry{}}
	for k, s := range w.sources {
		s.DefinedIn = append([]string(nil), s.DefinedIn...)
		enc.Sources[k] = s
	}
	b := &build{w: w, enc: enc, where: map[string]*reader{}}
	names := sortedKeys(input)
	if len(names) == 0 {
		return nil, scenario.Errors{{File: "scenarios/encyclopedia", Msg: "there are no encyclopedia files; add at least one .toml file of [[entry]] tables"}}
	}
	for _, name := range names {
		b.readFile(name, input[name])
	}
	for _, check := range b.checks {
		check()
	}
	if len(b.errs) > 0 {
		sort.SliceStable(b.errs, func(i, j int) bool {
			x, y := b.errs[i], b.errs[j]
			if x.File != y.File {
				return x.File < y.File
			}
			if x.Pos.Line != y.Pos.Line {
				return x.Pos.Line < y.Pos.Line
			}
			return x.Pos.Col < y.Pos.Col
		})
		return nil, b.errs
	}
	order := map[string]int{}
	for i, k := range Kinds() {
		order[k] = i
	}
	sort.SliceStable(enc.Entries, func(i, j int) bool {
		a, c := enc.Entries[i], enc.Entries[j]
		if a.Kind != c.Kind {
			return order[a.Kind] < order[c.Kind]
		}
		return sortName(a.Name) < sortName(c.Name)
	})
	enc.indexMentions()
	return enc, nil
}

// sortName is how an index sorts a name: without case or a leading "The".
func sortName(name string) string {
	n := strings.ToLower(name)
	if rest, ok := strings.CutPrefix(n, "the "); ok {
		return rest
	}
	return n
}

func (b *build) readFile(name string, src []byte) {
	if len(src) > MaxSize {
		line, col := files.LineCol(src, MaxSize)
		b.errs = append(b.errs, scenario.Error{File: name, Pos: scenario.Pos{Line: line, Col: col},
			Msg: fmt.Sprintf("the file goes on past %d MiB here; split it into smaller files", MaxSize>>20)})
		return
	}
	raw := map[string]any{}
	if _, err := toml.Decode(string(src), &raw); err != nil {
		var pe toml.ParseError
		pos := scenario.Pos{Line: 1, Col: 1}
		msg := err.Error()
		if errors.As(err, &pe) {
			pos = scenario.Pos{Line: max(pe.Position.Line, 1), Col: max(pe.Position.Col, 1)}
			msg = pe.Message
		}
		b.errs = append(b.errs, scenario.Error{File: name, Pos: pos, Msg: "this is not valid TOML (" + msg + "); fix the text here"})
		return
	}
	r := &reader{b: b, file: name, at: scenario.Locate(src)}
	root := &obj{r: r, what: "the file", m: raw, used: map[string]bool{}}
	for _, t := range root.tables("source") {
		r.readSource(t)
	}
	for _, t := range root.tables("entry") {
		r.readEntry(t)
	}
	root.done()
}

// errorf records an error at path, or at the nearest enclosing path the
// file has.
func (r *reader) errorf(path, format string, args ...any) {
	r.b.errs = append(r.b.errs, scenario.Error{File: r.file, Pos: r.at.Near(path), Msg: fmt.Sprintf(format, args...)})
}

// obj is one TOML table being read; done reports the keys nothing read.
type obj struct {
	r    *reader
	path string
	what string // how errors name it: `entry "osman-batur", claim 2`
	m    map[string]any
	used map[string]bool
}

func (o *obj) key(k string) string { return scenario.Join(o.path, k) }

func (o *obj) errorf(key, format string, args ...any) {
	if key == "" {
		o.r.errorf(o.path, o.what+": "+format, args...)
		return
	}
	o.r.errorf(o.key(key), fmt.Sprintf("%s: key %q ", o.what, key)+format, args...)
}

func (o *obj) get(key string, required bool) (any, bool) {
	o.used[key] = true
	v, ok := o.m[key]
	if !ok && required {
		o.r.errorf(o.path, "%s: key %q is missing; add it", o.what, key)
	}
	return v, ok
}

// text reads a string. Text is tidied as it is read: a single line break
// is a space, a blank line divides paragraphs.
func (o *obj) text(key string, required bool) string {
	v, ok := o.get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		o.errorf(key, "must be a string, not %s; put the text in quotes", typeName(v))
		return ""
	}
	s = tidy(s)
	if s == "" && required {
		o.errorf(key, "is empty; write the text")
	}
	return s
}

// tidy joins the lines of each paragraph and drops blanks at the ends.
func tidy(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// strs reads a list of strings, each with its path.
func (o *obj) strs(key string) ([]string, []string) {
	v, ok := o.get(key, false)
	if !ok {
		return nil, nil
	}
	list, isList := v.([]any)
	if !isList {
		o.errorf(key, "must be a list of strings, such as [\"a\", \"b\"], not %s", typeName(v))
		return nil, nil
	}
	var out, paths []string
	for i, x := range list {
		s, isStr := x.(string)
		p := scenario.Index(o.key(key), i)
		if !isStr {
			o.r.errorf(p, "%s: item %d of %q must be a string, not %s", o.what, i+1, key, typeName(x))
			continue
		}
		out = append(out, strings.TrimSpace(s))
		paths = append(paths, p)
	}
	return out, paths
}

// tables reads an array of tables ([[key]] in the file).
func (o *obj) tables(key string) []*obj {
	v, ok := o.get(key, false)
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
				o.r.errorf(scenario.Index(o.key(key), i), "%s: every %q must be a table ([[%s]]), not %s", o.what, key, o.key(key), typeName(e))
				continue
			}
			ms = append(ms, m)
		}
	default:
		o.errorf(key, "must be a list of tables, written [[%s]], not %s", o.keyHeader(key), typeName(v))
		return nil
	}
	out := make([]*obj, len(ms))
	for i, m := range ms {
		out[i] = &obj{r: o.r, path: scenario.Index(o.key(key), i), what: fmt.Sprintf("%s %d", key, i+1), m: m, used: map[string]bool{}}
	}
	return out
}

// keyHeader is how a table header names key within o: "entry.claim".
func (o *obj) keyHeader(key string) string {
	var segs []string
	for _, s := range strings.Split(o.key(key), ".") {
		if i := strings.IndexByte(s, '['); i >= 0 {
			s = s[:i]
		}
		segs = append(segs, s)
	}
	return strings.Join(segs, ".")
}

// sub reads a table ([key] in the file).
func (o *obj) sub(key string) *obj {
	v, ok := o.get(key, false)
	if !ok {
		return nil
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		o.errorf(key, "must be a table, written [%s], not %s", o.keyHeader(key), typeName(v))
		return nil
	}
	return &obj{r: o.r, path: o.key(key), what: o.what + ", " + key, m: m, used: map[string]bool{}}
}

// done reports every key of the table that nothing read.
func (o *obj) done() {
	for _, k := range sortedKeys(o.m) {
		if !o.used[k] {
			o.errorf(k, "is not a known key here; check its spelling (%s)", known(o))
		}
	}
}

// known lists the keys a table may have, for the unknown-key error.
func known(o *obj) string {
	keys := sortedKeys(o.used)
	return "known keys: " + strings.Join(keys, ", ")
}

// typeName says what a value is, as an error names it.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "a whole number"
	case float64:
		return "a decimal number"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case []map[string]any:
		return "a list of tables"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// readSource reads one of the encyclopedia's own [[source]] tables.
func (r *reader) readSource(t *obj) {
	s := Source{Key: t.text("key", true), Author: t.text("author", true), Title: t.text("title", true),
		URL: t.text("url", false), Note: t.text("note", false), DefinedIn: []string{r.file}}
	if s.Key != "" {
		t.what = fmt.Sprintf("source %q", s.Key)
	}
	if v, ok := t.get("year", false); ok {
		switch y := v.(type) {
		case int64:
			s.Year = strconv.FormatInt(y, 10)
		case string:
			s.Year = strings.TrimSpace(y)
		default:
			t.errorf("year", "must be a year such as 1945 or a string such as \"undated\", not %s", typeName(v))
		}
	}
	if s.Key != "" && strings.IndexFunc(s.Key, unicode.IsSpace) >= 0 {
		t.errorf("key", "is %q; a source key has no spaces", s.Key)
	}
	if old, dup := r.b.enc.Sources[s.Key]; dup && s.Key != "" {
		t.errorf("key", "%q is defined already, by %s; cite that source by its key instead of defining it again", s.Key, strings.Join(old.DefinedIn, ", "))
	} else if s.Key != "" {
		r.b.enc.Sources[s.Key] = s
	}
	t.done()
}

// sourceRef reads a source key and checks, once every file is read, that
// it exists.
func (o *obj) sourceRef(key string, required bool) string {
	k := o.text(key, required)
	if k == "" {
		return ""
	}
	b := o.r.b
	b.checks = append(b.checks, func() {
		if _, ok := b.enc.Sources[k]; !ok {
			o.errorf(key, "names source %q, which no scenario, the unit catalogue or the encyclopedia defines; use the key of an existing [[source]] or add a [[source]] table for it", k)
		}
	})
	return k
}

func (r *reader) readEntry(t *obj) {
	b := r.b
	e := &Entry{ID: t.text("id", true), File: r.file}
	if e.ID != "" {
		t.what = fmt.Sprintf("entry %q", e.ID)
		if !idPattern.MatchString(e.ID) {
			t.errorf("id", "is %q; use lower-case letters, digits and hyphens, such as osman-batur", e.ID)
		} else if reserved(e.ID) {
			t.errorf("id", "is %q, which the exported page uses for itself; choose another id", e.ID)
		}
		if old, dup := b.byIDFile(e.ID); dup {
			t.errorf("id", "%q is used already, in %s; give each entry an id of its own", e.ID, old)
		}
	}
	e.Kind = t.text("kind", true)
	if e.Kind != "" && !contains(Kinds(), e.Kind) {
		t.errorf("kind", "is %q; use one of %s", e.Kind, strings.Join(Kinds(), ", "))
	}
	e.Name = t.text("name", true)
	e.Summary = t.text("summary", true)
	e.Source = t.sourceRef("source", true)
	for i, ot := range t.tables("other_name") {
		ot.what = fmt.Sprintf("%s, other name %d", t.what, i+1)
		n := OtherName{Name: ot.text("name", true), UsedBy: ot.text("used_by", true), Source: ot.sourceRef("source", false)}
		ot.done()
		e.OtherNames = append(e.OtherNames, n)
	}
	for i, dt := range t.tables("date") {
		dt.what = fmt.Sprintf("%s, date %d", t.what, i+1)
		e.Dates = append(e.Dates, Date{When: dt.text("when", true), Text: dt.text("text", true), Source: dt.sourceRef("source", true)})
		dt.done()
	}
	for i, ct := range t.tables("claim") {
		ct.what = fmt.Sprintf("%s, claim %d", t.what, i+1)
		e.Claims = append(e.Claims, Claim{Text: ct.text("text", true), Source: ct.sourceRef("source", true)})
		ct.done()
	}
	if len(e.Claims) == 0 {
		t.errorf("", "has no [[entry.claim]]; give at least one claim with its source")
	}
	for i, dt := range t.tables("disagreement") {
		dt.what = fmt.Sprintf("%s, disagreement %d", t.what, i+1)
		d := Disagreement{Topic: dt.text("topic", true)}
		for j, vt := range dt.tables("view") {
			vt.what = fmt.Sprintf("%s, view %d", dt.what, j+1)
			d.Views = append(d.Views, View{By: vt.text("by", true), Text: vt.text("text", true), Source: vt.sourceRef("source", true)})
			vt.done()
		}
		if len(d.Views) < 2 {
			dt.errorf("", "has %d [[entry.disagreement.view]]; a disagreement needs at least two views, each with its source", len(d.Views))
		}
		dt.done()
		e.Disagreements = append(e.Disagreements, d)
	}
	for i, qt := range t.tables("quote") {
		qt.what = fmt.Sprintf("%s, quote %d", t.what, i+1)
		e.Quotes = append(e.Quotes, Quote{Text: qt.text("text", true), Who: qt.text("who", true), When: qt.text("when", true),
			Source: qt.sourceRef("source", true), Note: qt.text("note", false)})
		qt.done()
	}
	if lt := t.sub("links"); lt != nil {
		r.readLinks(lt, e)
		lt.done()
	}
	see, paths := t.strs("see")
	for i, id := range see {
		p := paths[i]
		b.checks = append(b.checks, func() {
			if b.enc.byID[id] == nil {
				r.errorf(p, "%s: see names entry %q, which no file defines; use the id of an existing entry", t.what, id)
			} else if id == e.ID {
				r.errorf(p, "%s: see names the entry itself; name other entries only", t.what)
			}
		})
	}
	e.See = see
	t.done()
	if e.ID != "" {
		if _, dup := b.enc.byID[e.ID]; !dup {
			b.enc.byID[e.ID] = e
			b.where[e.ID] = r
		}
	}
	b.enc.Entries = append(b.enc.Entries, e)
}

// reserved reports whether an id is one the exported page's own anchors
// use: its sections and its bibliography.
func reserved(id string) bool {
	return strings.HasPrefix(id, "src-") || strings.HasPrefix(id, "kind-") || id == "contents" || id == "about" || id == "bibliography"
}

func (b *build) byIDFile(id string) (string, bool) {
	if r, ok := b.where[id]; ok {
		return r.file, true
	}
	return "", false
}

// readLinks reads [entry.links]: the scenario names the entry covers.
func (r *reader) readLinks(lt *obj, e *Entry) {
	w, enc := r.b.w, r.b.enc
	refs := func(key, kind, example string, defined map[string]string, index map[string]*Entry) []Ref {
		list, paths := lt.strs(key)
		var out []Ref
		for i, s := range list {
			p := paths[i]
			sc, id, ok := strings.Cut(s, "/")
			switch {
			case !ok || sc == "" || id == "":
				r.errorf(p, "%s: %s item %d is %q; write it as scenario/%s, such as %s", lt.what, key, i+1, s, kind, example)
				continue
			case w.titles[sc] == "":
				r.errorf(p, "%s: %s item %d names scenario %q, which is not bundled; use one of %s", lt.what, key, i+1, sc, strings.Join(w.scenarios, ", "))
				continue
			}
			name, found := defined[s]
			if !found {
				r.errorf(p, "%s: %s item %d names %s %q, which %s does not define, nor any of its variants; check the id in the scenario", lt.what, key, i+1, kind, id, sc)
				continue
			}
			if old := index[s]; old != nil {
				r.errorf(p, "%s: %s %s is linked from entry %q already; link each %s from one entry only", lt.what, kind, s, old.ID, kind)
				continue
			}
			index[s] = e
			out = append(out, Ref{Scenario: sc, ID: id, Name: name})
		}
		return out
	}
	e.Links.Units = refs("units", "unit", "nilka-1944/garrison", w.units, enc.units)
	e.Links.Places = refs("places", "place", "manas-1945/wusu", w.places, enc.places)
	e.Links.Sides = refs("sides", "side", "aksu-1946/roc", w.sides, enc.sides)
	cmds, paths := lt.strs("commanders")
	for i, c := range cmds {
		switch {
		case len(w.commanders[c]) == 0:
			r.errorf(paths[i], "%s: commanders item %d is %q, which no unit of a bundled scenario has as its commander; write the name as the scenario's commander key does", lt.what, i+1, c)
		case enc.commanders[c] != nil:
			r.errorf(paths[i], "%s: commander %q is linked from entry %q already; link each commander from one entry only", lt.what, c, enc.commanders[c].ID)
		default:
			enc.commanders[c] = e
			e.Links.Commanders = append(e.Links.Commanders, c)
		}
	}
	keys, paths := lt.strs("sources")
	for i, k := range keys {
		p := paths[i]
		if old := enc.sources[k]; old != nil {
			r.errorf(p, "%s: source %q is linked from entry %q already; link each source from one entry only", lt.what, k, old.ID)
			continue
		}
		enc.sources[k] = e
		e.Links.Sources = append(e.Links.Sources, k)
		r.b.checks = append(r.b.checks, func() {
			if _, ok := enc.Sources[k]; !ok {
				r.errorf(p, "%s: sources item %d names %q, which no scenario, the unit catalogue or the encyclopedia defines; use the key of an existing [[source]]", lt.what, i+1, k)
			}
		})
	}
	mentions, paths := lt.strs("mentions")
	for i, m := range mentions {
		if m == "" {
			r.errorf(paths[i], "%s: mentions item %d is empty; write the name as the stories write it", lt.what, i+1)
			continue
		}
		if old := enc.mentionOwner(m); old != nil {
			r.errorf(paths[i], "%s: mention %q is claimed by entry %q already; a name in a story can lead to one entry only", lt.what, m, old.ID)
			continue
		}
		e.Links.Mentions = append(e.Links.Mentions, m)
		enc.mentions = append(enc.mentions, mention{text: m, entry: e})
	}
}
