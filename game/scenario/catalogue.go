package scenario

import (
	"fmt"
	"sort"
	"sync"

	"ili/game/rules"
	"ili/scenarios"
)

// Source is a work a figure comes from: a [[source]] entry.
type Source struct {
	Key    string
	Author string
	Title  string
	Year   string
	URL    string
	Note   string
}

// Catalogue is the unit-type catalogue: movement modes with their speeds and
// the unit types scenarios build their orders of battle from.
type Catalogue struct {
	Modes   map[string]*rules.Mode
	Types   map[string]*rules.UnitType
	Sources map[string]Source
}

// DefaultCatalogue returns the bundled catalogue, scenarios/units.toml. It is
// read once and shared: treat it as read-only.
func DefaultCatalogue() (*Catalogue, error) {
	defaultOnce.Do(func() {
		src, err := scenarios.FS.ReadFile("units.toml")
		if err != nil {
			defaultErr = fmt.Errorf("the unit catalogue is missing from the build: %w", err)
			return
		}
		defaultCat, defaultErr = ParseCatalogue("scenarios/units.toml", src)
	})
	return defaultCat, defaultErr
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalogue
	defaultErr  error
)

// ParseCatalogue reads a unit-type catalogue.
func ParseCatalogue(file string, src []byte) (*Catalogue, error) {
	raw, d, err := parse(file, src)
	if err != nil {
		return nil, err
	}
	c := &Catalogue{Modes: map[string]*rules.Mode{}, Types: map[string]*rules.UnitType{}, Sources: map[string]Source{}}
	root := d.root(raw)
	root.what = "the catalogue"
	for _, t := range root.tables("source") {
		s := readSource(t)
		if _, dup := c.Sources[s.Key]; dup {
			t.errorf("key", "%q is used twice", s.Key)
		}
		c.Sources[s.Key] = s
	}
	for _, t := range root.tables("mode") {
		id := t.str("id", true)
		t.name("mode", id)
		m := &rules.Mode{ID: id}
		m.Road = t.integer("road", true, 0, 0, 1000)
		m.Track = t.integer("track", true, 0, 0, 1000)
		m.CrossMajor = t.boolean("cross_major_rivers", false)
		if sp := t.sub("speed", true); sp != nil {
			for i, name := range rules.TerrainNames() {
				ter := rules.Terrain(i)
				if ter.Info().Impassable {
					sp.integer(name, false, 0, 0, 0)
					continue
				}
				m.Speed[i] = sp.integer(name, true, 0, 0, 1000)
			}
			sp.done()
		}
		t.str("source", false)
		if _, dup := c.Modes[id]; dup {
			t.errorf("id", "%q is used twice", id)
		}
		c.Modes[id] = m
		t.done()
	}
	for _, t := range root.tables("type") {
		id := t.str("id", true)
		t.name("unit type", id)
		ut := &rules.UnitType{ID: id, Name: t.str("name", true)}
		cls := t.str("class", true)
		if k, ok := rules.ParseClass(cls); ok {
			ut.Class = k
		} else if cls != "" {
			t.errorf("class", "is %q; use one of infantry, cavalry, artillery, motorised, headquarters, militia, aircraft", cls)
		}
		mode := t.str("mode", ut.Class != rules.Aircraft)
		if mode != "" {
			if m, ok := c.Modes[mode]; ok {
				ut.Mode = m
			} else {
				t.errorf("mode", "names %q, which no [[mode]] defines", mode)
			}
		}
		ut.ObserveKm = t.number("observe_km", true, 5, 0.1, 200)
		ut.SupplyDays = t.integer("supply_days", true, 3, 0, 60)
		ut.ZOC = t.boolean("zoc", ut.Class != rules.Aircraft)
		ut.RangeKm = t.number("range_km", false, 0, 0, 3000)
		ut.Source = t.str("source", true)
		if _, ok := c.Sources[ut.Source]; !ok && ut.Source != "" {
			t.errorf("source", "names %q, which no [[source]] defines", ut.Source)
		}
		if _, dup := c.Types[id]; dup {
			t.errorf("id", "%q is used twice", id)
		}
		c.Types[id] = ut
		t.done()
	}
	root.done()
	if len(d.errs) > 0 {
		return nil, d.sorted()
	}
	return c, nil
}

// TypeIDs lists the catalogue's unit types in order.
func (c *Catalogue) TypeIDs() []string {
	out := make([]string, 0, len(c.Types))
	for id := range c.Types {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func readSource(t *table) Source {
	s := Source{Key: t.str("key", true)}
	t.name("source", s.Key)
	s.Author = t.str("author", true)
	s.Title = t.str("title", true)
	if v, ok := t.get("year", false); ok {
		switch y := v.(type) {
		case int64:
			s.Year = fmt.Sprint(y)
		case string:
			s.Year = y
		default:
			t.errorf("year", "must be a year or a string, not %s", typeName(v))
		}
	}
	s.URL = t.str("url", false)
	s.Note = t.str("note", false)
	if s.Year == "" && s.URL == "" {
		t.errorf("", "give a year or a url so that readers can find it")
	}
	t.done()
	return s
}
