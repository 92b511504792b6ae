// Package encyclopedia reads the game's encyclopedia: an entry for every
// unit, commander, place, side and source the bundled scenarios name, with
// what each source says, where the sources disagree and by whose account,
// the dates, and quotations from the period, each attributed. The entries
// are TOML files beside the scenarios (scenarios/encyclopedia), checked as
// strictly as the scenarios are: every mistake is reported with its file,
// line and column, every claim must name a source that exists, and every
// link must point at a unit, place, side, commander or source that a bundled
// scenario defines. The package is headless; the game's screen and the
// export (ili encyclopedia) both read it.
package encyclopedia

import (
	"io/fs"
	"sort"
	"strings"

	data "ili/scenarios/encyclopedia"
)

// The kinds of entry, in the order the encyclopedia lists them.
const (
	Side   = "side"
	Person = "person"
	Unit   = "unit"
	Place  = "place"
	Topic  = "topic"
	Work   = "source" // an entry on a source: what it is, whose view, how far to trust it
)

// Kinds lists the kinds of entry in the order the encyclopedia shows them.
func Kinds() []string { return []string{Side, Person, Unit, Place, Topic, Work} }

// KindTitle is how a list of entries of a kind is headed.
func KindTitle(kind string) string {
	switch kind {
	case Side:
		return "Sides"
	case Person:
		return "People"
	case Unit:
		return "Units and formations"
	case Place:
		return "Places"
	case Topic:
		return "Topics"
	case Work:
		return "Sources"
	}
	return kind
}

// Encyclopedia is every entry and every source they and the scenarios cite.
type Encyclopedia struct {
	Entries []*Entry          // in the order Kinds gives, each kind by name
	Sources map[string]Source // by key: the scenarios', the catalogue's and the encyclopedia's own
	// Scenarios are the titles of the bundled scenarios, by ID.
	Scenarios map[string]string

	byID       map[string]*Entry
	units      map[string]*Entry // "scenario/unit"
	places     map[string]*Entry
	sides      map[string]*Entry
	commanders map[string]*Entry
	sources    map[string]*Entry
	mentions   []mention // longest first
}

// Entry is one article of the encyclopedia.
type Entry struct {
	ID   string
	Kind string
	Name string
	// Summary says in a sentence or two what the entry is about, by the
	// source Source.
	Summary       string
	Source        string
	OtherNames    []OtherName
	Dates         []Date
	Claims        []Claim
	Disagreements []Disagreement
	Quotes        []Quote
	Links         Links
	See           []string // IDs of related entries
	File          string   // where the entry is written, for messages
}

// OtherName is another name of the thing, with whose usage it is.
type OtherName struct {
	Name   string
	UsedBy string // "PRC histories", "US consular reports", "Uyghur"...
	Source string // optional
}

// Date is one dated step in the entry's story.
type Date struct {
	When   string // as the source gives it: "7 October 1944", "1899", "autumn 1945"
	Text   string
	Source string
}

// Claim is one thing a source says.
type Claim struct {
	Text   string
	Source string
}

// Disagreement is a point on which the sources differ: what each says, and
// whose account it is.
type Disagreement struct {
	Topic string
	Views []View
}

// View is one source's side of a disagreement.
type View struct {
	By     string // whose account: "a Soviet Uyghur historian", "the US consul at Tihwa"
	Text   string
	Source string
}

// Quote is a quotation from the period, attributed.
type Quote struct {
	Text   string
	Who    string // who wrote or said it
	When   string
	Source string
	Note   string // the context: whose translation, what it is evidence of
}

// Links say which names of the scenarios the entry covers, so that a click
// on a unit, a place, a side, a commander or a source can find it.
type Links struct {
	Units, Places, Sides []Ref
	Commanders           []string
	Sources              []string
	// Mentions are the forms in which stories, briefings and the log name
	// the entry's subject ("Liu Bindi", "Benson"), for Find.
	Mentions []string
}

// Ref names a unit, place or side of a scenario.
type Ref struct {
	Scenario string
	ID       string
	Name     string // as the scenario names it
}

// String is the ref as the files write it: scenario/id.
func (r Ref) String() string { return r.Scenario + "/" + r.ID }

// Source is a work cited, as a bibliography lists it.
type Source struct {
	Key, Author, Title, Year, URL, Note string
	// DefinedIn lists the files that define it: scenario IDs, units.toml, or
	// an encyclopedia file.
	DefinedIn []string
}

// Citation is the source in a standard form: author, title, year, URL,
// each part ended by a full stop unless it ends in one already (or in a
// question or exclamation mark: "Why Are We Fighting?" takes no stop).
func (s Source) Citation() string {
	parts := []string{}
	year := s.Year
	if strings.TrimSpace(year) == "" {
		year = "n.d."
	}
	for _, p := range []string{s.Author, s.Title, year} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p+stop(p))
		}
	}
	c := strings.Join(parts, " ")
	if s.URL != "" {
		c += " " + s.URL
	}
	return c
}

// stop is the full stop a part of a citation needs after it: none when it
// ends in a full stop, a question or an exclamation mark already, before
// any closing quotation marks.
func stop(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "\"'”’")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") {
		return ""
	}
	return "."
}

// Load reads and checks the bundled encyclopedia against the bundled
// scenarios.
func Load() (*Encyclopedia, error) {
	entries, err := fs.ReadDir(data.FS, ".")
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		b, err := data.FS.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		files["scenarios/encyclopedia/"+e.Name()] = b
	}
	return Parse(files)
}

// Parse reads and checks encyclopedia files, by file name, against the
// bundled scenarios. Every problem found is returned together, as
// scenario.Errors in file order, each with its file, line and column.
func Parse(files map[string][]byte) (*Encyclopedia, error) {
	w, err := theWorld()
	if err != nil {
		return nil, err
	}
	return parse(files, w)
}

// Entry returns the entry with the given ID, or nil.
func (e *Encyclopedia) Entry(id string) *Entry { return e.byID[id] }

// ForUnit returns the entry on a unit of a scenario, or nil.
func (e *Encyclopedia) ForUnit(scenarioID, unitID string) *Entry {
	return e.units[scenarioID+"/"+unitID]
}

// ForPlace returns the entry on a place of a scenario, or nil.
func (e *Encyclopedia) ForPlace(scenarioID, placeID string) *Entry {
	return e.places[scenarioID+"/"+placeID]
}

// ForSide returns the entry on a side of a scenario, or nil.
func (e *Encyclopedia) ForSide(scenarioID, sideID string) *Entry {
	return e.sides[scenarioID+"/"+sideID]
}

// ForCommander returns the entry on a unit's commander, as the scenario
// writes the name, or nil.
func (e *Encyclopedia) ForCommander(name string) *Entry { return e.commanders[name] }

// ForSource returns the entry on a source key, or nil.
func (e *Encyclopedia) ForSource(key string) *Entry { return e.sources[key] }

// OfKind returns the entries of a kind, by name.
func (e *Encyclopedia) OfKind(kind string) []*Entry {
	var out []*Entry
	for _, en := range e.Entries {
		if en.Kind == kind {
			out = append(out, en)
		}
	}
	return out
}

// SourceKeys returns every source key, sorted as a bibliography is: by
// author, then title, then key.
func (e *Encyclopedia) SourceKeys() []string {
	keys := sortedKeys(e.Sources)
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := e.Sources[keys[i]], e.Sources[keys[j]]
		if x, y := strings.ToLower(a.Author), strings.ToLower(b.Author); x != y {
			return x < y
		}
		if x, y := strings.ToLower(a.Title), strings.ToLower(b.Title); x != y {
			return x < y
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Quotes counts the quotations in every entry.
func (e *Encyclopedia) Quotes() int {
	n := 0
	for _, en := range e.Entries {
		n += len(en.Quotes)
	}
	return n
}

// Missing lists every name of the bundled scenarios and their variants that
// no entry covers, such as "unit nilka-1944/garrison" or "commander Osman
// Batur"; none, when the encyclopedia is complete.
func (e *Encyclopedia) Missing() ([]string, error) {
	w, err := theWorld()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, item := range w.order {
		kind, name, _ := strings.Cut(item, " ")
		var found *Entry
		switch kind {
		case "unit":
			found = e.units[name]
		case "place":
			found = e.places[name]
		case "side":
			found = e.sides[name]
		case "commander":
			found = e.commanders[name]
		case "source":
			found = e.sources[name]
		}
		if found == nil {
			out = append(out, item)
		}
	}
	return out, nil
}
