// Package campaign reads the campaign: the timeline of the whole rising,
// July 1944 to September 1949, drawn on one map of northern Xinjiang. Its
// stops are the bundled scenarios, each spanning the dates its scenario
// gives; its episodes are the dated events between and around them, each
// with the sources it rests on. The file, scenarios/campaign/campaign.toml,
// is read strictly: every mistake is reported with its line and column.
package campaign

import (
	"cmp"
	"slices"
	"time"

	"ili/game/scenario"
	data "ili/scenarios/campaign"
)

// Campaign is the campaign file, read and checked.
type Campaign struct {
	File  string
	Title string
	Intro string
	// Map is the bundled scenario whose map the campaign is drawn on.
	Map      string
	Sources  map[string]scenario.Source
	Regions  []Region
	Lines    []Line
	Stops    []Item // the bundled scenarios, in date order
	Episodes []Item // in date order
}

// Item is a stop or an episode of the timeline.
type Item struct {
	// Scenario is the bundled scenario a stop opens; "" for an episode.
	Scenario string
	From, To Date // To is zero for a single day or month
	Title    string
	Text     string
	Sources  []string // keys of Campaign.Sources
	Region   string   // a Region's ID, or ""
	Lat, Lon float64
	Located  bool // Lat and Lon place a mark on the map
}

// IsStop reports whether the item is one of the bundled scenarios.
func (it Item) IsStop() bool { return it.Scenario != "" }

// Dates writes the item's dates: "3-27 July 1944".
func (it Item) Dates() string { return Span(it.From, it.To) }

// Last is the last date the item covers.
func (it Item) Last() Date {
	if it.To.IsZero() {
		return it.From
	}
	return it.To
}

// Region is a name written on the map: one of the three districts, a
// neighbouring state, the provincial capital.
type Region struct {
	ID, Name string
	Kind     string // district, country or capital
	Lat, Lon float64
}

// Line is a line drawn on the map: a border or a front, by its points or
// along a river of the campaign's map.
type Line struct {
	ID, Name string
	Kind     string // border or front
	Text     string
	Sources  []string
	Points   [][2]float64 // latitude, longitude
	River    string       // the name of a river of the map, instead of points
}

// RegionKinds and LineKinds are the kinds a region and a line may have.
var (
	RegionKinds = []string{"district", "country", "capital"}
	LineKinds   = []string{"border", "front"}
)

// Load reads the campaign built into the game.
func Load() (*Campaign, error) { return Parse(data.File, data.Text) }

// Parse reads and checks a campaign file. Every problem found is returned
// together, in file order, as scenario.Errors: one sentence each, with the
// file, line and column.
func Parse(file string, src []byte) (*Campaign, error) {
	r, raw := scenario.Decode(file, src)
	if raw == nil {
		return nil, r.Err()
	}
	rd := &reader{Reader: r, scenarios: map[string]*scenario.Scenario{}}
	c := rd.campaign(raw)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Timeline is every stop and episode in date order: by first date, then
// by last, a stop before an episode of the same dates.
func (c *Campaign) Timeline() []Item {
	items := append(append([]Item(nil), c.Stops...), c.Episodes...)
	slices.SortStableFunc(items, compareItems)
	return items
}

func compareItems(a, b Item) int {
	stop := func(it Item) int {
		if it.IsStop() {
			return 0
		}
		return 1
	}
	return cmp.Or(a.From.Time.Compare(b.From.Time), a.Last().Time.Compare(b.Last().Time), cmp.Compare(stop(a), stop(b)))
}

// Span is the stretch of time the timeline covers: from the first day of
// the month of its first item to the end of the month of its last.
func (c *Campaign) Span() (from, to time.Time) {
	items := c.Timeline()
	if len(items) == 0 {
		return
	}
	f := items[0].From.Time
	from = time.Date(f.Year(), f.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, it := range items {
		if e := it.Last().End(); e.After(to) {
			to = e
		}
	}
	if to.Day() != 1 || to.Hour() != 0 {
		to = time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return from, to
}

// SourceName is how a source is named in a line of text: its author and
// title, or its key if the campaign does not define it.
func (c *Campaign) SourceName(key string) string {
	s, ok := c.Sources[key]
	if !ok {
		return key
	}
	return s.Author + ", " + s.Title
}

// Region returns the region with the given ID.
func (c *Campaign) Region(id string) (Region, bool) {
	for _, rg := range c.Regions {
		if rg.ID == id {
			return rg, true
		}
	}
	return Region{}, false
}
