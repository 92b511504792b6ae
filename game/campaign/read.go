package campaign

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"ili/game/scenario"
)

// reader reads a decoded campaign file strictly, keeping every error with
// the position of the key or table it concerns.
type reader struct {
	*scenario.Reader
	scenarios map[string]*scenario.Scenario // the stops' scenarios, loaded once
}

// place reads lat and lon, which go together.
func place(t *scenario.Table) (lat, lon float64, ok bool) {
	lat = t.Number("lat", false, 0, -90, 90)
	lon = t.Number("lon", false, 0, -180, 180)
	if t.Has("lat") != t.Has("lon") {
		t.Errorf("", "give both lat and lon for a mark on the map, or neither")
	}
	return lat, lon, t.Has("lat") && t.Has("lon")
}

// date reads a day (a TOML date, 1944-07-03) or a month (a string,
// "1944-08").
func date(t *scenario.Table, key string, required bool) Date {
	v, ok := t.Get(key, required)
	if !ok {
		return Date{}
	}
	switch x := v.(type) {
	case time.Time:
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 {
			t.Errorf(key, "gives a time of day; give the day alone, such as 1944-07-03")
			return Date{}
		}
		return Day(x.Year(), x.Month(), x.Day())
	case string:
		if m, err := time.Parse("2006-01", x); err == nil {
			return Date{Time: m, Month: true}
		}
		if d, err := time.Parse("2006-01-02", x); err == nil {
			return Date{Time: d}
		}
	}
	what := scenario.TypeName(v)
	if s, isStr := v.(string); isStr {
		what = strconv.Quote(s)
	}
	t.Errorf(key, "must be a day such as 1944-07-03, or a month as a string such as \"1944-08\", not %s", what)
	return Date{}
}

// sources reads the key or list of keys of the sources an entry rests on,
// each of which the file must define.
func sources(t *scenario.Table, key string, defined map[string]scenario.Source) []string {
	v, ok := t.Get(key, true)
	if !ok {
		return nil
	}
	var keys []string
	switch x := v.(type) {
	case string:
		keys = []string{x}
	case []any:
		for _, e := range x {
			s, isStr := e.(string)
			if !isStr {
				t.Errorf(key, "must be a source's key or a list of keys, not a list holding %s", scenario.TypeName(e))
				return nil
			}
			keys = append(keys, s)
		}
	default:
		t.Errorf(key, "must be a source's key or a list of keys, not %s", scenario.TypeName(v))
		return nil
	}
	if len(keys) == 0 {
		t.Errorf(key, "is an empty list; name at least one source")
	}
	for i, k := range keys {
		if _, ok := defined[k]; !ok {
			t.Errorf(key, "names %q, which no [[source]] defines", k)
		}
		if slices.Contains(keys[:i], k) {
			t.Errorf(key, "names %q twice", k)
		}
	}
	return keys
}

// campaign reads the whole file.
func (r *reader) campaign(raw map[string]any) *Campaign {
	root := r.Table("", "the campaign", raw)
	c := &Campaign{File: r.File, Sources: map[string]scenario.Source{}}
	c.Title = root.Text("title", true)
	c.Intro = root.Text("intro", true)
	c.Map = root.Text("map", true)
	for _, t := range root.Tables("source") {
		s := scenario.ReadSource(t)
		if _, dup := c.Sources[s.Key]; dup && s.Key != "" {
			t.Errorf("key", "%q is used twice", s.Key)
		}
		c.Sources[s.Key] = s
	}
	var mapSC *scenario.Scenario
	if c.Map != "" {
		if !slices.Contains(scenario.Bundled(), c.Map) {
			root.Errorf("map", "names %q, which is not a bundled scenario; use one of %s", c.Map, strings.Join(scenario.Bundled(), ", "))
		} else if mapSC = r.load(c.Map, root, "map"); mapSC != nil && mapSC.Projection == nil {
			root.Errorf("map", "names %q, whose map has no [projection] to place latitudes and longitudes on", c.Map)
			mapSC = nil
		}
	}
	for _, t := range root.Tables("region") {
		r.region(c, t)
	}
	for _, t := range root.Tables("line") {
		r.line(c, t, mapSC)
	}
	for _, t := range root.Tables("stop") {
		r.stop(c, t)
	}
	for _, t := range root.Tables("episode") {
		r.episode(c, t)
	}
	root.Done()
	for _, id := range scenario.Bundled() {
		if !slices.ContainsFunc(c.Stops, func(it Item) bool { return it.Scenario == id }) {
			r.Errorf("", "the bundled scenario %q is not a stop: every bundled scenario belongs on the timeline, as a [[stop]] with scenario = %q", id, id)
		}
	}
	slices.SortStableFunc(c.Stops, compareItems)
	slices.SortStableFunc(c.Episodes, compareItems)
	return c
}

// load loads a bundled scenario once; a scenario that does not load is an
// error at the key that names it.
func (r *reader) load(id string, t *scenario.Table, key string) *scenario.Scenario {
	if sc, ok := r.scenarios[id]; ok {
		return sc
	}
	sc, err := scenario.Load(id, scenario.Options{})
	if err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		t.Errorf(key, "names %q, which does not load: %s", id, first)
	}
	r.scenarios[id] = sc
	return sc
}

func (r *reader) region(c *Campaign, t *scenario.Table) {
	rg := Region{ID: t.Text("id", true)}
	if rg.ID != "" {
		t.Name("region", rg.ID)
		if _, dup := c.Region(rg.ID); dup {
			t.Errorf("id", "%q is used twice", rg.ID)
		}
	}
	rg.Name = t.Text("name", true)
	rg.Kind = RegionKinds[t.Choice("kind", true, RegionKinds...)]
	if !t.Has("lat") && !t.Has("lon") {
		t.Errorf("", "give lat and lon: where the name is written on the map")
	}
	rg.Lat, rg.Lon, _ = place(t)
	t.Done()
	c.Regions = append(c.Regions, rg)
}

func (r *reader) line(c *Campaign, t *scenario.Table, mapSC *scenario.Scenario) {
	ln := Line{ID: t.Text("id", true)}
	if ln.ID != "" {
		t.Name("line", ln.ID)
		if slices.ContainsFunc(c.Lines, func(o Line) bool { return o.ID == ln.ID }) {
			t.Errorf("id", "%q is used twice", ln.ID)
		}
	}
	ln.Name = t.Text("name", true)
	ln.Kind = LineKinds[t.Choice("kind", true, LineKinds...)]
	ln.Text = t.Text("text", false)
	ln.Sources = sources(t, "source", c.Sources)
	ln.River = t.Str("river", false)
	v, hasPoints := t.Get("points", false)
	switch {
	case hasPoints == (ln.River != ""):
		t.Errorf("", "give either points, a list of [lat, lon], or river, the name of a river of the map")
	case hasPoints:
		ln.Points = points(t, v)
	case mapSC != nil && !slices.Contains(slices.Collect(maps.Values(mapSC.Setup.Map.RiverNames)), ln.River):
		t.Errorf("river", "names %q, which is not a river of the map of %s", ln.River, mapSC.ID)
	}
	t.Done()
	c.Lines = append(c.Lines, ln)
}

// points reads a list of [lat, lon] pairs, at least two.
func points(t *scenario.Table, v any) [][2]float64 {
	list, ok := v.([]any)
	if !ok || len(list) < 2 {
		t.Errorf("points", "must be a list of at least two [lat, lon] pairs")
		return nil
	}
	var out [][2]float64
	for k, e := range list {
		pair, ok := e.([]any)
		var lat, lon float64
		var okLat, okLon bool
		if ok && len(pair) == 2 {
			lat, okLat = scenario.AsNumber(pair[0])
			lon, okLon = scenario.AsNumber(pair[1])
		}
		if !okLat || !okLon || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			t.Errorf("points", "has %s as its point %d; each point is [lat, lon], such as [43.77, 87.68]", scenario.TypeName(e), k+1)
			return nil
		}
		out = append(out, [2]float64{lat, lon})
	}
	return out
}

func (r *reader) stop(c *Campaign, t *scenario.Table) {
	it := Item{Scenario: t.Text("scenario", true)}
	if it.Scenario != "" {
		t.Name("stop", it.Scenario)
		switch {
		case !slices.Contains(scenario.Bundled(), it.Scenario):
			t.Errorf("scenario", "names %q, which is not a bundled scenario; use one of %s", it.Scenario, strings.Join(scenario.Bundled(), ", "))
		case slices.ContainsFunc(c.Stops, func(o Item) bool { return o.Scenario == it.Scenario }):
			t.Errorf("scenario", "names %q, which is a stop already", it.Scenario)
		default:
			if sc := r.load(it.Scenario, t, "scenario"); sc != nil {
				it.Title = sc.Title
				it.From = Day(sc.Start.Year(), sc.Start.Month(), sc.Start.Day())
				end := sc.End.Add(-time.Nanosecond) // a span ending at midnight ends the day before
				it.To = Day(end.Year(), end.Month(), end.Day())
			}
		}
	}
	it.Text = t.Text("text", true)
	it.Sources = sources(t, "source", c.Sources)
	it.Lat, it.Lon, it.Located = place(t)
	t.Done()
	c.Stops = append(c.Stops, it)
}

func (r *reader) episode(c *Campaign, t *scenario.Table) {
	it := Item{Title: t.Text("title", true)}
	if it.Title != "" {
		t.Name("episode", it.Title)
		if slices.ContainsFunc(c.Episodes, func(o Item) bool { return o.Title == it.Title }) {
			t.Errorf("title", "%q is used twice; each episode needs a title of its own", it.Title)
		}
	}
	it.From = date(t, "from", true)
	it.To = date(t, "to", false)
	if !it.From.IsZero() && !it.To.IsZero() && it.To.End().Compare(it.From.End()) <= 0 {
		t.Errorf("to", "is %s, which is not after from (%s)", it.To, it.From)
	}
	it.Text = t.Text("text", true)
	it.Sources = sources(t, "source", c.Sources)
	if it.Region = t.Str("region", false); it.Region != "" {
		if _, ok := c.Region(it.Region); !ok {
			t.Errorf("region", "names %q, which no [[region]] defines", it.Region)
		}
	}
	it.Lat, it.Lon, it.Located = place(t)
	t.Done()
	c.Episodes = append(c.Episodes, it)
}
