package encyclopedia

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"ili/game/scenario"
)

// world is what the bundled scenarios define, every variant included: the
// things an entry may link to, by "scenario/id" for units, places and sides,
// by the string itself for commanders, and by key for sources.
type world struct {
	scenarios  []string          // bundled IDs, sorted
	titles     map[string]string // scenario ID -> title
	units      map[string]string // "scenario/unit" -> the unit's name
	places     map[string]string
	sides      map[string]string
	commanders map[string][]string // commander -> "scenario/unit" it commands
	sources    map[string]Source
	order      []string // every name the scenarios give, for Coverage: "unit nilka-1944/garrison"
}

var (
	worldOnce sync.Once
	bundled   *world
	worldErr  error
)

// theWorld loads the bundled scenarios once.
func theWorld() (*world, error) {
	worldOnce.Do(func() { bundled, worldErr = loadWorld() })
	return bundled, worldErr
}

func loadWorld() (*world, error) {
	w := &world{titles: map[string]string{}, units: map[string]string{}, places: map[string]string{},
		sides: map[string]string{}, commanders: map[string][]string{}, sources: map[string]Source{}}
	w.scenarios = scenario.Bundled()
	for _, id := range w.scenarios {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			return nil, fmt.Errorf("the encyclopedia checks its links against the bundled scenarios, and %s does not load: %w", id, err)
		}
		w.titles[id] = sc.Title
		w.add(sc)
		for _, v := range sc.Variants {
			vs, err := scenario.Load(id, scenario.Options{Variants: []string{v.ID}})
			if err != nil {
				return nil, fmt.Errorf("the encyclopedia checks its links against the bundled scenarios, and %s with variant %s does not load: %w", id, v.ID, err)
			}
			w.add(vs)
		}
	}
	cat, err := scenario.DefaultCatalogue()
	if err != nil {
		return nil, err
	}
	for _, key := range sortedKeys(cat.Sources) {
		w.addSource(cat.Sources[key], "units.toml")
	}
	return w, nil
}

// add records what one load of a scenario defines; a variant adds only
// what the plain scenario lacks.
func (w *world) add(sc *scenario.Scenario) {
	name := func(kind string, m map[string]string, id, label string) {
		ref := sc.ID + "/" + id
		if _, ok := m[ref]; !ok {
			m[ref] = label
			w.order = append(w.order, kind+" "+ref)
		}
	}
	for _, s := range sc.Setup.Sides {
		name("side", w.sides, s.ID, s.Name)
	}
	for _, p := range sc.Places {
		name("place", w.places, p.ID, p.Name)
	}
	for _, u := range sc.Units {
		name("unit", w.units, u.ID, u.Name)
		if u.Commander != "" {
			ref := sc.ID + "/" + u.ID
			if len(w.commanders[u.Commander]) == 0 {
				w.order = append(w.order, "commander "+u.Commander)
			}
			if !contains(w.commanders[u.Commander], ref) {
				w.commanders[u.Commander] = append(w.commanders[u.Commander], ref)
			}
		}
	}
	for _, key := range sortedKeys(sc.Sources) {
		w.addSource(sc.Sources[key], sc.ID)
	}
}

// addSource merges a source the scenarios define: the same key names the
// same work everywhere, and each part of its citation is taken from the
// first file that gives it, the scenarios in sorted order.
func (w *world) addSource(s scenario.Source, where string) {
	old, ok := w.sources[s.Key]
	if !ok {
		w.order = append(w.order, "source "+s.Key)
		old = Source{Key: s.Key}
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = strings.TrimSpace(v)
		}
	}
	fill(&old.Author, s.Author)
	fill(&old.Title, s.Title)
	fill(&old.Year, s.Year)
	fill(&old.URL, s.URL)
	fill(&old.Note, s.Note)
	if !contains(old.DefinedIn, where) {
		old.DefinedIn = append(old.DefinedIn, where)
	}
	w.sources[s.Key] = old
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
