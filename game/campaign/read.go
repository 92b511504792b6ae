package campaign

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"ili/game/scenario"
)

// reader reads a decoded campaign file strictly, keeping every error with
// the position of the key or table it concerns.
type reader struct {
	file      string
	at        scenario.Positions
	errs      scenario.Errors
	scenarios map[string]*scenario.Scenario // the stops' scenarios, loaded once
}

// errorf records an error at path, or at the nearest table around it that
// the file has.
func (r *reader) errorf(path, format string, args ...any) {
	r.errs = append(r.errs, scenario.Error{File: r.file, Pos: r.at.Near(path), Msg: fmt.Sprintf(format, args...)})
}

// table is one TOML table being read; keys read are marked, and done
// reports the rest as unknown.
type table struct {
	r    *reader
	path string
	what string // how errors name it: `episode "Fukang burned"`
	m    map[string]any
	used map[string]bool
}

func (r *reader) table(path, what string, m map[string]any) *table {
	return &table{r: r, path: path, what: what, m: m, used: map[string]bool{}}
}

// errorf reports a problem with key ("" for the table itself).
func (t *table) errorf(key, format string, args ...any) {
	if key == "" {
		t.r.errorf(t.path, "%s: %s", t.what, fmt.Sprintf(format, args...))
		return
	}
	t.r.errorf(scenario.Join(t.path, key), "%s: key %q %s", t.what, key, fmt.Sprintf(format, args...))
}

func (t *table) get(key string, required bool) (any, bool) {
	t.used[key] = true
	v, ok := t.m[key]
	if !ok && required {
		t.r.errorf(t.path, "%s: key %q is missing", t.what, key)
	}
	return v, ok
}

// done reports the keys of the table that nothing read.
func (t *table) done() {
	var unknown []string
	for k := range t.m {
		if !t.used[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		t.errorf(k, "is not a known key here; check its spelling")
	}
}

func (t *table) str(key string, required bool) string {
	v, ok := t.get(key, required)
	if !ok {
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		t.errorf(key, "must be a string, not %s", kind(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.errorf(key, "is empty")
	}
	return s
}

// text reads a paragraphed text: its lines joined, its blank lines kept as
// paragraph breaks.
func (t *table) text(key string, required bool) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(t.str(key, required)), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// choice reads a string that must be one of options.
func (t *table) choice(key string, options []string) string {
	s := t.str(key, true)
	if s != "" && !slices.Contains(options, s) {
		t.errorf(key, "is %q; use %s", s, strings.Join(options, ", "))
	}
	return s
}

func (t *table) number(key string, required bool, lo, hi float64) (float64, bool) {
	v, ok := t.get(key, required)
	if !ok {
		return 0, false
	}
	f, isNum := number(v)
	if !isNum {
		t.errorf(key, "must be a number, not %s", kind(v))
		return 0, false
	}
	if math.IsNaN(f) || f < lo || f > hi {
		t.errorf(key, "is %g; it must be from %g to %g", f, lo, hi)
		return 0, false
	}
	return f, true
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// place reads lat and lon, which go together.
func (t *table) place() (lat, lon float64, ok bool) {
	_, hasLat := t.m["lat"]
	_, hasLon := t.m["lon"]
	lat, okLat := t.number("lat", false, -90, 90)
	lon, okLon := t.number("lon", false, -180, 180)
	if hasLat != hasLon {
		t.errorf("", "give both lat and lon for a mark on the map, or neither")
		return 0, 0, false
	}
	return lat, lon, okLat && okLon
}

// date reads a day (a TOML date, 1944-07-03) or a month (a string,
// "1944-08").
func (t *table) date(key string, required bool) Date {
	v, ok := t.get(key, required)
	if !ok {
		return Date{}
	}
	switch x := v.(type) {
	case time.Time:
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 {
			t.errorf(key, "gives a time of day; give the day alone, such as 1944-07-03")
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
	t.errorf(key, "must be a day such as 1944-07-03, or a month as a string such as \"1944-08\", not %s", quoted(v))
	return Date{}
}

// sources reads the key or list of keys of the sources an entry rests on,
// each of which the file must define.
func (t *table) sources(key string, defined map[string]scenario.Source) []string {
	v, ok := t.get(key, true)
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
				t.errorf(key, "must be a source's key or a list of keys, not a list holding %s", kind(e))
				return nil
			}
			keys = append(keys, s)
		}
	default:
		t.errorf(key, "must be a source's key or a list of keys, not %s", kind(v))
		return nil
	}
	if len(keys) == 0 {
		t.errorf(key, "is an empty list; name at least one source")
	}
	for i, k := range keys {
		if _, ok := defined[k]; !ok {
			t.errorf(key, "names %q, which no [[source]] defines", k)
		}
		if slices.Contains(keys[:i], k) {
			t.errorf(key, "names %q twice", k)
		}
	}
	return keys
}

// tables reads an array of tables.
func (t *table) tables(key string) []map[string]any {
	v, ok := t.get(key, false)
	if !ok {
		return nil
	}
	list, isList := v.([]map[string]any)
	if !isList {
		t.errorf(key, "must be a list of tables, written [[%s]], not %s", key, kind(v))
	}
	return list
}

// kind names the kind of a value as errors do: "a string", "a list".
func kind(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "a whole number"
	case float64:
		return "a decimal number"
	case bool:
		return "true or false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	default:
		return fmt.Sprintf("a %T", x)
	}
}

func quoted(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return kind(v)
}

// campaign reads the whole file.
func (r *reader) campaign(raw map[string]any) *Campaign {
	root := r.table("", "the campaign", raw)
	c := &Campaign{File: r.file, Sources: map[string]scenario.Source{}}
	c.Title = root.str("title", true)
	c.Intro = root.text("intro", true)
	c.Map = root.str("map", true)
	for i, m := range root.tables("source") {
		r.source(c, i, m)
	}
	var mapSC *scenario.Scenario
	if c.Map != "" {
		if !slices.Contains(scenario.Bundled(), c.Map) {
			root.errorf("map", "names %q, which is not a bundled scenario; use one of %s", c.Map, strings.Join(scenario.Bundled(), ", "))
		} else if mapSC = r.load(c.Map, root, "map"); mapSC != nil && mapSC.Projection == nil {
			root.errorf("map", "names %q, whose map has no [projection] to place latitudes and longitudes on", c.Map)
			mapSC = nil
		}
	}
	for i, m := range root.tables("region") {
		r.region(c, i, m)
	}
	for i, m := range root.tables("line") {
		r.line(c, i, m, mapSC)
	}
	for i, m := range root.tables("stop") {
		r.stop(c, i, m)
	}
	for i, m := range root.tables("episode") {
		r.episode(c, i, m)
	}
	root.done()
	for _, id := range scenario.Bundled() {
		if !slices.ContainsFunc(c.Stops, func(it Item) bool { return it.Scenario == id }) {
			r.errorf("", "the bundled scenario %q is not a stop: every bundled scenario belongs on the timeline, as a [[stop]] with scenario = %q", id, id)
		}
	}
	slices.SortStableFunc(c.Stops, compareItems)
	slices.SortStableFunc(c.Episodes, compareItems)
	return c
}

// load loads a bundled scenario once; a scenario that does not load is an
// error at the key that names it.
func (r *reader) load(id string, t *table, key string) *scenario.Scenario {
	if sc, ok := r.scenarios[id]; ok {
		return sc
	}
	sc, err := scenario.Load(id, scenario.Options{})
	if err != nil {
		first, _, _ := strings.Cut(err.Error(), "\n")
		t.errorf(key, "names %q, which does not load: %s", id, first)
	}
	r.scenarios[id] = sc
	return sc
}

func (r *reader) source(c *Campaign, i int, m map[string]any) {
	t := r.table(fmt.Sprintf("source[%d]", i), fmt.Sprintf("source %d", i+1), m)
	s := scenario.Source{Key: t.str("key", true)}
	if s.Key != "" {
		t.what = fmt.Sprintf("source %q", s.Key)
	}
	s.Author = t.str("author", true)
	s.Title = t.str("title", true)
	if v, ok := t.get("year", false); ok {
		switch y := v.(type) {
		case int64:
			s.Year = strconv.FormatInt(y, 10)
		case string:
			s.Year = y
		default:
			t.errorf("year", "must be a year or a string, not %s", kind(v))
		}
	}
	s.URL = t.str("url", false)
	s.Note = t.str("note", false)
	if s.Year == "" && s.URL == "" {
		t.errorf("", "give a year or a url, so that readers can find it")
	}
	if _, dup := c.Sources[s.Key]; dup && s.Key != "" {
		t.errorf("key", "%q is used twice", s.Key)
	}
	t.done()
	if s.Key != "" {
		c.Sources[s.Key] = s
	}
}

func (r *reader) region(c *Campaign, i int, m map[string]any) {
	t := r.table(fmt.Sprintf("region[%d]", i), fmt.Sprintf("region %d", i+1), m)
	rg := Region{ID: t.str("id", true)}
	if rg.ID != "" {
		t.what = fmt.Sprintf("region %q", rg.ID)
		if _, dup := c.Region(rg.ID); dup {
			t.errorf("id", "%q is used twice", rg.ID)
		}
	}
	rg.Name = t.str("name", true)
	rg.Kind = t.choice("kind", RegionKinds)
	_, hasLat := m["lat"]
	_, hasLon := m["lon"]
	lat, lon, _ := t.place()
	if !hasLat && !hasLon {
		t.errorf("", "give lat and lon: where the name is written on the map")
	}
	rg.Lat, rg.Lon = lat, lon
	t.done()
	c.Regions = append(c.Regions, rg)
}

func (r *reader) line(c *Campaign, i int, m map[string]any, mapSC *scenario.Scenario) {
	t := r.table(fmt.Sprintf("line[%d]", i), fmt.Sprintf("line %d", i+1), m)
	ln := Line{ID: t.str("id", true)}
	if ln.ID != "" {
		t.what = fmt.Sprintf("line %q", ln.ID)
		if slices.ContainsFunc(c.Lines, func(o Line) bool { return o.ID == ln.ID }) {
			t.errorf("id", "%q is used twice", ln.ID)
		}
	}
	ln.Name = t.str("name", true)
	ln.Kind = t.choice("kind", LineKinds)
	ln.Text = t.text("text", false)
	ln.Sources = t.sources("source", c.Sources)
	ln.River = t.str("river", false)
	v, hasPoints := t.get("points", false)
	switch {
	case hasPoints == (ln.River != ""):
		t.errorf("", "give either points, a list of [lat, lon], or river, the name of a river of the map")
	case hasPoints:
		ln.Points = points(t, v)
	case mapSC != nil && !hasRiver(mapSC, ln.River):
		t.errorf("river", "names %q, which is not a river of the map of %s", ln.River, mapSC.ID)
	}
	t.done()
	c.Lines = append(c.Lines, ln)
}

// points reads a list of [lat, lon] pairs, at least two.
func points(t *table, v any) [][2]float64 {
	list, ok := v.([]any)
	if !ok || len(list) < 2 {
		t.errorf("points", "must be a list of at least two [lat, lon] pairs")
		return nil
	}
	var out [][2]float64
	for k, e := range list {
		pair, ok := e.([]any)
		var lat, lon float64
		var okLat, okLon bool
		if ok && len(pair) == 2 {
			lat, okLat = number(pair[0])
			lon, okLon = number(pair[1])
		}
		if !okLat || !okLon || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			t.errorf("points", "has %s as its point %d; each point is [lat, lon], such as [43.77, 87.68]", kind(e), k+1)
			return nil
		}
		out = append(out, [2]float64{lat, lon})
	}
	return out
}

func hasRiver(sc *scenario.Scenario, name string) bool {
	for _, n := range sc.Setup.Map.RiverNames {
		if n == name {
			return true
		}
	}
	return false
}

func (r *reader) stop(c *Campaign, i int, m map[string]any) {
	t := r.table(fmt.Sprintf("stop[%d]", i), fmt.Sprintf("stop %d", i+1), m)
	it := Item{Scenario: t.str("scenario", true)}
	if it.Scenario != "" {
		t.what = fmt.Sprintf("stop %q", it.Scenario)
		switch {
		case !slices.Contains(scenario.Bundled(), it.Scenario):
			t.errorf("scenario", "names %q, which is not a bundled scenario; use one of %s", it.Scenario, strings.Join(scenario.Bundled(), ", "))
		case slices.ContainsFunc(c.Stops, func(o Item) bool { return o.Scenario == it.Scenario }):
			t.errorf("scenario", "names %q, which is a stop already", it.Scenario)
		default:
			if sc := r.load(it.Scenario, t, "scenario"); sc != nil {
				it.Title = sc.Title
				it.From = Day(sc.Start.Year(), sc.Start.Month(), sc.Start.Day())
				end := sc.End.Add(-time.Nanosecond) // a span ending at midnight ends the day before
				it.To = Day(end.Year(), end.Month(), end.Day())
			}
		}
	}
	it.Text = t.text("text", true)
	it.Sources = t.sources("source", c.Sources)
	it.Lat, it.Lon, it.Located = t.place()
	t.done()
	c.Stops = append(c.Stops, it)
}

func (r *reader) episode(c *Campaign, i int, m map[string]any) {
	t := r.table(fmt.Sprintf("episode[%d]", i), fmt.Sprintf("episode %d", i+1), m)
	it := Item{Title: t.str("title", true)}
	if it.Title != "" {
		t.what = fmt.Sprintf("episode %q", it.Title)
		if slices.ContainsFunc(c.Episodes, func(o Item) bool { return o.Title == it.Title }) {
			t.errorf("title", "%q is used twice; each episode needs a title of its own", it.Title)
		}
	}
	it.From = t.date("from", true)
	it.To = t.date("to", false)
	if !it.From.IsZero() && !it.To.IsZero() && it.To.End().Compare(it.From.End()) <= 0 {
		t.errorf("to", "is %s, which is not after from (%s)", it.To, it.From)
	}
	it.Text = t.text("text", true)
	it.Sources = t.sources("source", c.Sources)
	if it.Region = t.str("region", false); it.Region != "" {
		if _, ok := c.Region(it.Region); !ok {
			t.errorf("region", "names %q, which no [[region]] defines", it.Region)
		}
	}
	it.Lat, it.Lon, it.Located = t.place()
	t.done()
	c.Episodes = append(c.Episodes, it)
}
