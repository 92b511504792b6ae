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
	if err := checkFormat(raw, d, "unit catalogue"); err != nil {
		return nil, err
	}
	c := decodeCatalogue(raw, d)
	if err := d.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// decodeCatalogue reads a decoded catalogue; its errors are d's.
func decodeCatalogue(raw map[string]any, d *decoder) *Catalogue {
	c := &Catalogue{Modes: map[string]*rules.Mode{}, Types: map[string]*rules.UnitType{}, Sources: map[string]Source{}}
	root := d.Table("", "the catalogue", raw)
	readFormat(root)
	for _, t := range root.Tables("source") {
		s := ReadSource(t)
		if _, dup := c.Sources[s.Key]; dup {
			t.Errorf("key", "%q is used twice", s.Key)
		}
		c.Sources[s.Key] = s
	}
	for _, t := range root.Tables("mode") {
		id := t.Str("id", true)
		t.Name("mode", id)
		m := &rules.Mode{ID: id}
		m.Road = t.Int("road", true, 0, 0, 1000)
		m.Track = t.Int("track", true, 0, 0, 1000)
		m.CrossMajor = t.Bool("cross_major_rivers", false)
		if sp := t.Sub("speed", true); sp != nil {
			for i, name := range rules.TerrainNames() {
				ter := rules.Terrain(i)
				if ter.Info().Impassable {
					sp.Int(name, false, 0, 0, 0)
					continue
				}
				m.Speed[i] = sp.Int(name, true, 0, 0, 1000)
			}
			sp.Done()
		}
		t.Str("source", false)
		if _, dup := c.Modes[id]; dup {
			t.Errorf("id", "%q is used twice", id)
		}
		c.Modes[id] = m
		t.Done()
	}
	for _, t := range root.Tables("type") {
		id := t.Str("id", true)
		t.Name("unit type", id)
		ut := &rules.UnitType{ID: id, Name: t.Str("name", true)}
		cls := t.Str("class", true)
		if k, ok := rules.ParseClass(cls); ok {
			ut.Class = k
		} else if cls != "" {
			t.Errorf("class", "is %q; use one of infantry, cavalry, artillery, motorised, headquarters, militia, aircraft%s", cls,
				DidYouMean(cls, []string{"infantry", "cavalry", "artillery", "motorised", "headquarters", "militia", "aircraft"}))
		}
		mode := t.Str("mode", ut.Class != rules.Aircraft)
		if mode != "" {
			if m, ok := c.Modes[mode]; ok {
				ut.Mode = m
			} else {
				t.Errorf("mode", "names %q, which no [[mode]] defines%s", mode, DidYouMean(mode, sortedKeys(c.Modes)))
			}
		}
		ut.ObserveKm = t.Number("observe_km", true, 5, 0.1, 200)
		ut.SupplyDays = t.Int("supply_days", true, 3, 0, 60)
		ut.ZOC = t.Bool("zoc", ut.Class != rules.Aircraft)
		ut.RangeKm = t.Number("range_km", false, 0, 0, 3000)
		ut.Source = t.Str("source", true)
		if _, ok := c.Sources[ut.Source]; !ok && ut.Source != "" {
			t.Errorf("source", "names %q, which no [[source]] defines%s", ut.Source, DidYouMean(ut.Source, sortedKeys(c.Sources)))
		}
		if _, dup := c.Types[id]; dup {
			t.Errorf("id", "%q is used twice", id)
		}
		c.Types[id] = ut
		t.Done()
	}
	root.Done()
	return c
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
