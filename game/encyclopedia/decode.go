package encyclopedia

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"ili/game/scenario"
)

// MaxSize is the longest encyclopedia file Parse reads, in bytes: the
// scenarios' own limit.
const MaxSize = scenario.MaxSize

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// build is the state of one Parse: the files read so far, the checks that
// wait until every file's sources are known.
type build struct {
	w      *world
	enc    *Encyclopedia
	files  []*scenario.Reader // in name order, each with its errors
	checks []func()
	where  map[string]*reader // entry ID -> the file that defines it
}

// reader is one file being read.
type reader struct {
	*scenario.Reader
	b *build
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
	var errs scenario.Errors
	for _, r := range b.files {
		errs = append(errs, r.Sorted()...)
	}
	if len(errs) > 0 {
		return nil, errs
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
	sr, raw := scenario.Decode(name, src)
	b.files = append(b.files, sr)
	if raw == nil {
		return
	}
	r := &reader{Reader: sr, b: b}
	root := r.Table("", "the file", raw)
	for _, t := range root.Tables("source") {
		r.readSource(t)
	}
	for _, t := range root.Tables("entry") {
		r.readEntry(t)
	}
	root.Done()
}

// readSource reads one of the encyclopedia's own [[source]] tables.
func (r *reader) readSource(t *scenario.Table) {
	s := Source{Key: t.Text("key", true), Author: t.Text("author", true), Title: t.Text("title", true),
		Year: t.Year("year"), URL: t.Text("url", false), Note: t.Text("note", false), DefinedIn: []string{r.File}}
	t.Name("source", s.Key)
	if s.Key != "" && strings.IndexFunc(s.Key, unicode.IsSpace) >= 0 {
		t.Errorf("key", "is %q; a source key has no spaces", s.Key)
	}
	if old, dup := r.b.enc.Sources[s.Key]; dup && s.Key != "" {
		t.Errorf("key", "%q is defined already, by %s; cite that source by its key instead of defining it again", s.Key, strings.Join(old.DefinedIn, ", "))
	} else if s.Key != "" {
		r.b.enc.Sources[s.Key] = s
	}
	t.Done()
}

// sourceRef reads a source key and checks, once every file is read, that
// it exists.
func (r *reader) sourceRef(t *scenario.Table, key string, required bool) string {
	k := t.Text(key, required)
	if k != "" {
		r.b.checks = append(r.b.checks, func() {
			if _, ok := r.b.enc.Sources[k]; !ok {
				t.Errorf(key, "names source %q, which no scenario, the unit catalogue or the encyclopedia defines; use the key of an existing [[source]] or add a [[source]] table for it", k)
			}
		})
	}
	return k
}

func (r *reader) readEntry(t *scenario.Table) {
	b := r.b
	e := &Entry{ID: t.Text("id", true), File: r.File}
	if e.ID != "" {
		t.Name("entry", e.ID)
		if !idPattern.MatchString(e.ID) {
			t.Errorf("id", "is %q; use lower-case letters, digits and hyphens, such as osman-batur", e.ID)
		} else if reserved(e.ID) {
			t.Errorf("id", "is %q, which the exported page uses for itself; choose another id", e.ID)
		}
		if old, dup := b.byIDFile(e.ID); dup {
			t.Errorf("id", "%q is used already, in %s; give each entry an id of its own", e.ID, old)
		}
	}
	e.Kind = Kinds()[t.Choice("kind", true, Kinds()...)]
	e.Name = t.Text("name", true)
	e.Summary = t.Text("summary", true)
	e.Source = r.sourceRef(t, "source", true)
	for i, ot := range t.Tables("other_name") {
		ot.What = fmt.Sprintf("%s, other name %d", t.What, i+1)
		n := OtherName{Name: ot.Text("name", true), UsedBy: ot.Text("used_by", true), Source: r.sourceRef(ot, "source", false)}
		ot.Done()
		e.OtherNames = append(e.OtherNames, n)
	}
	for i, dt := range t.Tables("date") {
		dt.What = fmt.Sprintf("%s, date %d", t.What, i+1)
		e.Dates = append(e.Dates, Date{When: dt.Text("when", true), Text: dt.Text("text", true), Source: r.sourceRef(dt, "source", true)})
		dt.Done()
	}
	for i, ct := range t.Tables("claim") {
		ct.What = fmt.Sprintf("%s, claim %d", t.What, i+1)
		e.Claims = append(e.Claims, Claim{Text: ct.Text("text", true), Source: r.sourceRef(ct, "source", true)})
		ct.Done()
	}
	if len(e.Claims) == 0 {
		t.Errorf("", "has no [[entry.claim]]; give at least one claim with its source")
	}
	for i, dt := range t.Tables("disagreement") {
		dt.What = fmt.Sprintf("%s, disagreement %d", t.What, i+1)
		d := Disagreement{Topic: dt.Text("topic", true)}
		for j, vt := range dt.Tables("view") {
			vt.What = fmt.Sprintf("%s, view %d", dt.What, j+1)
			d.Views = append(d.Views, View{By: vt.Text("by", true), Text: vt.Text("text", true), Source: r.sourceRef(vt, "source", true)})
			vt.Done()
		}
		if len(d.Views) < 2 {
			dt.Errorf("", "has %d [[entry.disagreement.view]]; a disagreement needs at least two views, each with its source", len(d.Views))
		}
		dt.Done()
		e.Disagreements = append(e.Disagreements, d)
	}
	for i, qt := range t.Tables("quote") {
		qt.What = fmt.Sprintf("%s, quote %d", t.What, i+1)
		e.Quotes = append(e.Quotes, Quote{Text: qt.Text("text", true), Who: qt.Text("who", true), When: qt.Text("when", true),
			Source: r.sourceRef(qt, "source", true), Note: qt.Text("note", false)})
		qt.Done()
	}
	if lt := t.Sub("links", false); lt != nil {
		r.readLinks(lt, e)
		lt.Done()
	}
	see, paths := t.Strings("see")
	for i, id := range see {
		p := paths[i]
		b.checks = append(b.checks, func() {
			if b.enc.byID[id] == nil {
				t.ErrorAt(p, "see names entry %q, which no file defines; use the id of an existing entry", id)
			} else if id == e.ID {
				t.ErrorAt(p, "see names the entry itself; name other entries only")
			}
		})
	}
	e.See = see
	t.Done()
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
		return r.File, true
	}
	return "", false
}

// readLinks reads [entry.links]: the scenario names the entry covers.
func (r *reader) readLinks(lt *scenario.Table, e *Entry) {
	w, enc := r.b.w, r.b.enc
	refs := func(key, kind, example string, defined map[string]string, index map[string]*Entry) []Ref {
		list, paths := lt.Strings(key)
		var out []Ref
		for i, s := range list {
			p := paths[i]
			sc, id, ok := strings.Cut(s, "/")
			switch {
			case !ok || sc == "" || id == "":
				lt.ErrorAt(p, "%s item %d is %q; write it as scenario/%s, such as %s", key, i+1, s, kind, example)
				continue
			case w.titles[sc] == "":
				lt.ErrorAt(p, "%s item %d names scenario %q, which is not bundled; use one of %s", key, i+1, sc, strings.Join(w.scenarios, ", "))
				continue
			}
			name, found := defined[s]
			if !found {
				lt.ErrorAt(p, "%s item %d names %s %q, which %s does not define, nor any of its variants; check the id in the scenario", key, i+1, kind, id, sc)
				continue
			}
			if old := index[s]; old != nil {
				lt.ErrorAt(p, "%s %s is linked from entry %q already; link each %s from one entry only", kind, s, old.ID, kind)
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
	cmds, paths := lt.Strings("commanders")
	for i, c := range cmds {
		switch {
		case len(w.commanders[c]) == 0:
			lt.ErrorAt(paths[i], "commanders item %d is %q, which no unit of a bundled scenario has as its commander; write the name as the scenario's commander key does", i+1, c)
		case enc.commanders[c] != nil:
			lt.ErrorAt(paths[i], "commander %q is linked from entry %q already; link each commander from one entry only", c, enc.commanders[c].ID)
		default:
			enc.commanders[c] = e
			e.Links.Commanders = append(e.Links.Commanders, c)
		}
	}
	keys, paths := lt.Strings("sources")
	for i, k := range keys {
		p := paths[i]
		if old := enc.sources[k]; old != nil {
			lt.ErrorAt(p, "source %q is linked from entry %q already; link each source from one entry only", k, old.ID)
			continue
		}
		enc.sources[k] = e
		e.Links.Sources = append(e.Links.Sources, k)
		r.b.checks = append(r.b.checks, func() {
			if _, ok := enc.Sources[k]; !ok {
				lt.ErrorAt(p, "sources item %d names %q, which no scenario, the unit catalogue or the encyclopedia defines; use the key of an existing [[source]]", i+1, k)
			}
		})
	}
	mentions, paths := lt.Strings("mentions")
	for i, m := range mentions {
		if m == "" {
			lt.ErrorAt(paths[i], "mentions item %d is empty; write the name as the stories write it", i+1)
			continue
		}
		if old := enc.mentionOwner(m); old != nil {
			lt.ErrorAt(paths[i], "mention %q is claimed by entry %q already; a name in a story can lead to one entry only", m, old.ID)
			continue
		}
		e.Links.Mentions = append(e.Links.Mentions, m)
		enc.mentions = append(enc.mentions, mention{text: m, entry: e})
	}
}
