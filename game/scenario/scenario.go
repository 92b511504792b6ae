// Package scenario reads scenario files (TOML) into a rules.State: strict
// decoding in which every mistake in a file is reported with its line and
// column, the unit-type catalogue, variants and --set overrides.
package scenario

import (
	"fmt"
	"regexp"
	"slices"
	"time"

	"ili/game/hex"
	"ili/game/rules"
)

// MaxUnits bounds a scenario's units, variants included: the AI's time
// grows with the square of the units, and every sum of men over a side stays
// far inside 32 bits (a unit has at most 300,000 men).
const MaxUnits = 1000

// Scenario is a loaded, validated scenario: what the list shows, what the
// briefing and the end screen tell, and the setup a game starts from.
type Scenario struct {
	File        string
	TextHash    string // of the file's text (see TextHash), which a saved game records
	ID          string
	Title       string
	Description string
	Start, End  time.Time
	Turns       int
	TurnHours   int
	HexKm       float64
	Projection  *Projection
	Sources     map[string]Source
	History     History
	Variants    []Variant // every variant the file offers
	Applied     []string  // the variants applied to this load
	// From is the start of the turn a game taken up from the record begins
	// (Options.From), zero for a game from the start.
	From      time.Time
	PlaceInfo map[string]PlaceInfo
	UnitNotes map[string]string

	Setup  *rules.Setup
	Units  []rules.Unit
	Places []rules.Place
}

// History is what actually happened, for comparing a result with the record.
type History struct {
	Winner   string // side ID, or "" for no clear winner
	Summary  string
	Epilogue string
	Source   string
	Holds    map[string]string // place ID -> side that held it at the end
	// Course is the dated record of who held what, in date order.
	Course []Checkpoint
	// Steps are the course of events as history mode replays it, in date
	// order.
	Steps []Step
}

// Checkpoint is one step of the documented course of events: the side that
// held a place at the start of a turn, by the record.
type Checkpoint struct {
	Place  string
	Side   string    // the side that held it ("" for nobody)
	On     time.Time // the date the record gives
	Turn   int       // the turn of that date, Turns+1 for the end; a game over before it is judged as it ended
	Source string
	Note   string
}

// Variant is a what-if overlay a scenario offers.
type Variant struct {
	ID          string
	Title       string
	Description string
	Source      string
}

// PlaceInfo is what the map and the encyclopedia show of a place beyond the rules.
type PlaceInfo struct {
	Kind   string
	Source string
	Note   string
}

// NewState starts a game of the scenario with the given seed.
func (sc *Scenario) NewState(seed uint64) (*rules.State, error) {
	return rules.New(sc.Setup, sc.Units, sc.Places, seed)
}

// Side returns the side with the given ID, or nil.
func (sc *Scenario) Side(id string) *rules.Side {
	for i := range sc.Setup.Sides {
		if sc.Setup.Sides[i].ID == id {
			return &sc.Setup.Sides[i]
		}
	}
	return nil
}

// SideName is the name of the side id, or id when there is no such side.
func (sc *Scenario) SideName(id string) string {
	if sd := sc.Side(id); sd != nil {
		return sd.Name
	}
	return id
}

// PlaceName is the name of the place id, or id when there is no such place.
func (sc *Scenario) PlaceName(id string) string {
	for _, p := range sc.Places {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// SourceName is the short name of the source key: its author, or the key
// when it has none or there is no such source.
func (sc *Scenario) SourceName(key string) string {
	if src, ok := sc.Sources[key]; ok && src.Author != "" {
		return src.Author
	}
	return key
}

// Unit returns the unit id as the scenario sets it up, or nil.
func (sc *Scenario) Unit(id string) *rules.Unit {
	for i := range sc.Units {
		if sc.Units[i].ID == id {
			return &sc.Units[i]
		}
	}
	return nil
}

// UnitName is the name of the unit id, or id when there is no such unit.
func (sc *Scenario) UnitName(id string) string {
	if u := sc.Unit(id); u != nil {
		return u.Name
	}
	return id
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// defaultLegend maps map characters to terrain when a file gives no legend.
var defaultLegend = map[string]string{
	".": "plain", "f": "farm", "d": "desert", "h": "hills", "m": "mountain", "p": "pass",
	"g": "glacier", "w": "marsh", "~": "lake", "t": "town", "c": "city",
}

// build is the state of one decode.
type build struct {
	d       *decoder
	cat     *Catalogue
	sc      *Scenario
	m       *rules.Map
	sides   map[string]bool
	places  map[string]int
	units   map[string]bool
	lastDay time.Time
	// unitPaths holds where each unit of sc.Units stands in the file.
	unitPaths []string
}

func decodeScenario(raw map[string]any, d *decoder, cat *Catalogue) *Scenario {
	b := &build{d: d, cat: cat, sides: map[string]bool{}, places: map[string]int{}, units: map[string]bool{}}
	sc := &Scenario{File: d.file, Sources: map[string]Source{}, PlaceInfo: map[string]PlaceInfo{}, UnitNotes: map[string]string{}}
	b.sc = sc
	root := d.root(raw)
	sc.ID = root.str("id", true)
	if sc.ID != "" && !idPattern.MatchString(sc.ID) {
		root.errorf("id", "is %q; use lower-case letters, digits and hyphens, such as ghulja-1944", sc.ID)
	}
	sc.Title = root.str("title", true)
	sc.Description = root.str("description", true)
	start, _ := root.date("start", true)
	sc.Start = start
	sc.Turns = root.integer("turns", true, 1, 1, 1000)
	sc.TurnHours = root.integer("turn_hours", true, 24, 1, 168)
	sc.End = start.Add(time.Duration(sc.Turns*sc.TurnHours) * time.Hour)
	b.lastDay = sc.End
	sc.HexKm = root.number("hex_km", true, 1, 0.1, 50)
	fog := root.boolean("fog", true)
	mode := supplyMode(root, cat)
	if p := root.sub("projection", false); p != nil {
		sc.Projection = readProjection(p, sc.HexKm)
	}
	for _, t := range root.tables("source") {
		s := readSource(t)
		if _, dup := sc.Sources[s.Key]; dup && s.Key != "" {
			t.errorf("key", "%q is used twice", s.Key)
		}
		sc.Sources[s.Key] = s
	}
	setup := &rules.Setup{
		Scenario: sc.ID, Title: sc.Title, Start: start, TurnHours: sc.TurnHours, Turns: sc.Turns,
		HexM: int(sc.HexKm*1000 + 0.5), Fog: fog, SupplyMode: mode,
	}
	sc.Setup = setup
	b.readMap(root.sub("map", true))
	setup.Map = b.m
	for _, t := range root.tables("side") {
		setup.Sides = append(setup.Sides, b.readSide(t))
	}
	if len(setup.Sides) < 2 {
		b.d.errorf("side", "the scenario needs at least two [[side]] tables")
	}
	for _, t := range root.tables("place") {
		if p, ok := b.readPlace(t); ok {
			b.places[p.ID] = len(sc.Places)
			sc.Places = append(sc.Places, p)
		}
	}
	for _, t := range root.tables("weather") {
		setup.Weather = append(setup.Weather, b.readWeather(t))
	}
	b.readUnits(root.tables("unit"))
	b.checkStacks()
	for _, t := range root.tables("event") {
		setup.Narrative = append(setup.Narrative, b.readEvent(t))
	}
	if v := root.sub("victory", false); v != nil {
		b.readVictory(v)
	}
	for _, t := range root.tables("plan") {
		setup.Plans = append(setup.Plans, b.readPlan(t))
	}
	if h := root.sub("history", true); h != nil {
		sc.History = b.readHistory(h)
	}
	for _, t := range root.tables("variant") {
		sc.Variants = append(sc.Variants, b.readVariant(t))
	}
	root.done()
	return sc
}

// readWeather reads one [[weather]]: from a date, a kind, in date order.
func (b *build) readWeather(t *table) rules.Weather {
	setup := b.sc.Setup
	from, _ := t.date("from", true)
	w := rules.Weather{FromTurn: setup.TurnOf(from)}
	w.Kind = rules.WeatherKind(t.choice("kind", true, 0, rules.WeatherNames()...))
	if n := len(setup.Weather); n > 0 && w.FromTurn < setup.Weather[n-1].FromTurn {
		t.errorf("from", "is earlier than the weather before it; list weather in date order")
	}
	b.checkDate(t, "from", from)
	t.done()
	return w
}

// readUnits reads the [[unit]] tables, at most MaxUnits of them.
func (b *build) readUnits(tables []*table) {
	for i, t := range tables {
		if i == MaxUnits {
			t.d.errorf(t.path, "%s: a scenario may have at most %d units, with its variants; merge small ones into larger ones", t.what, MaxUnits)
			break
		}
		if u, ok := b.readUnit(t); ok {
			b.sc.Units = append(b.sc.Units, u)
			b.unitPaths = append(b.unitPaths, t.path)
		}
	}
}

// readVictory reads [victory]: the points a thousand men lost are worth and
// the sudden deaths.
func (b *build) readVictory(v *table) {
	setup := b.sc.Setup
	setup.Victory.CasualtyVP = v.integer("casualty_vp", false, 0, 0, 1000)
	for _, t := range v.tables("sudden_death") {
		sd := rules.SuddenDeath{Side: b.sideRef(t, "side", true), Hold: t.strings("hold"), FromTurn: 1}
		for i, id := range sd.Hold {
			if _, ok := b.places[id]; !ok {
				t.d.errorf(index(t.keyPath("hold"), i), "%s: hold names place %q, which no [[place]] defines", t.what, id)
			}
		}
		if len(sd.Hold) == 0 {
			t.errorf("hold", "must list at least one place")
		}
		if from, ok := t.date("from", false); ok {
			b.checkDate(t, "from", from)
			sd.FromTurn = setup.TurnOf(from)
		}
		setup.Victory.SuddenDeath = append(setup.Victory.SuddenDeath, sd)
		t.done()
	}
	v.done()
}

// readPlan reads one [[plan]] step: a side, a place, a window and a value.
func (b *build) readPlan(t *table) rules.PlanStep {
	setup := b.sc.Setup
	ps := rules.PlanStep{Side: b.sideRef(t, "side", true), Place: t.str("place", true), FromTurn: 1}
	t.name("plan step", ps.Place)
	if _, ok := b.places[ps.Place]; !ok && ps.Place != "" {
		t.errorf("place", "names %q, which no [[place]] defines", ps.Place)
	}
	if from, ok := t.date("from", false); ok {
		b.checkDate(t, "from", from)
		ps.FromTurn = setup.TurnOf(from)
	}
	if until, ok := t.date("until", false); ok {
		b.checkDate(t, "until", until)
		ps.UntilTurn = setup.TurnOf(until)
		if ps.UntilTurn < ps.FromTurn {
			t.errorf("until", "is before from; the dates are out of order")
		}
	}
	ps.Value = t.integer("value", false, 10, 1, 1000)
	t.str("note", false)
	t.done()
	return ps
}

// readVariant reads one [[variant]]'s description; what it changes is
// checked when it is applied.
func (b *build) readVariant(t *table) Variant {
	v := Variant{ID: t.str("id", true)}
	t.name("variant", v.ID)
	v.Title = t.str("title", true)
	v.Description = t.str("description", true)
	v.Source = b.sourceRef(t, "source", false)
	for _, k := range []string{"remove", "remove_events", "add", "change", "set"} {
		t.get(k, false)
	}
	for _, o := range b.sc.Variants {
		if o.ID == v.ID {
			t.errorf("id", "%q is used twice", v.ID)
		}
	}
	t.done()
	return v
}

// readProjection reads [projection]: where the map's origin lies on the earth.
func readProjection(p *table, hexKm float64) *Projection {
	pr := &Projection{
		OriginLat:   p.number("origin_lat", true, 0, -90, 90),
		OriginLon:   p.number("origin_lon", true, 0, -180, 180),
		HexKm:       hexKm,
		StandardLat: p.number("standard_lat", false, 0, -80, 80),
	}
	p.done()
	return pr
}

// supplyMode is the mode of movement supply lines are traced in: on foot
// unless the scenario names another of the catalogue's.
func supplyMode(root *table, cat *Catalogue) *rules.Mode {
	id := root.str("supply_mode", false)
	if id == "" {
		id = "foot"
	}
	mode := cat.Modes[id]
	if mode == nil {
		root.errorf("supply_mode", "names %q, which the unit catalogue does not define", id)
		mode = &rules.Mode{ID: id}
	}
	return mode
}

// readRiver reads one [[map.river]]: a size, a name, the hex edges it runs along.
func (b *build) readRiver(rt *table) {
	name := rt.str("name", false)
	rt.name("river", name)
	size := rules.River(rt.choice("size", true, 0, "minor", "major") + 1)
	for i, e := range rt.list("edges", "edges such as [6, 5, 7, 5]") {
		path := index(rt.keyPath("edges"), i)
		v, ok := b.d.intList(path, rt.what+": edge", e, 4)
		if !ok {
			continue
		}
		a, ok1 := b.hexAt(path, rt.what, "edges", v[0], v[1])
		c, ok2 := b.hexAt(path, rt.what, "edges", v[2], v[3])
		if !ok1 || !ok2 {
			continue
		}
		if !hex.Adjacent(a, c) {
			b.d.errorf(path, "%s: edge %d,%d-%d,%d joins hexes that are not neighbours", rt.what, v[0], v[1], v[2], v[3])
			continue
		}
		edge := rules.EdgeOf(a, c)
		b.m.Rivers[edge] = size
		if name != "" {
			if b.m.RiverNames == nil {
				b.m.RiverNames = map[rules.Edge]string{}
			}
			b.m.RiverNames[edge] = name
		}
	}
	rt.done()
}

// readRoad reads one [[map.road]]: a road or a track through neighbouring
// hexes; where two cross, the better kind stands.
func (b *build) readRoad(rt *table) {
	kind := []rules.Road{rules.MainRoad, rules.Track}[rt.choice("kind", true, 0, "road", "track")]
	rt.str("name", false)
	var prev hex.Hex
	for i, e := range rt.list("path", "hexes such as [6, 5]") {
		path := index(rt.keyPath("path"), i)
		v, ok := b.d.intList(path, rt.what+": path step", e, 2)
		if !ok {
			continue
		}
		h, ok := b.hexAt(path, rt.what, "path", v[0], v[1])
		if !ok {
			continue
		}
		if i > 0 {
			if !hex.Adjacent(prev, h) {
				b.d.errorf(path, "%s: step %d,%d is not next to the step before it", rt.what, v[0], v[1])
			} else if old := b.m.Roads[rules.EdgeOf(prev, h)]; old < kind {
				b.m.Roads[rules.EdgeOf(prev, h)] = kind
			}
		}
		prev = h
	}
	rt.done()
}

// readFort reads one [[map.fort]]: built defences, prepared or fortified, on
// a list of hexes.
func (b *build) readFort(ft *table) {
	p := []rules.Posture{rules.Prepared, rules.Fortified}[ft.choice("posture", true, 0, "prepared", "fortified")]
	ft.str("name", false)
	for i, e := range ft.list("hexes", "hexes such as [6, 5]") {
		path := index(ft.keyPath("hexes"), i)
		if v, ok := b.d.intList(path, ft.what+": hex", e, 2); ok {
			if h, ok := b.hexAt(path, ft.what, "hexes", v[0], v[1]); ok {
				b.m.Fort[b.m.Index(h)] = p
			}
		}
	}
	ft.done()
}

// unitHex reads where a unit stands: at a place, or at a hex a unit can
// stand on; ok is false when neither is given rightly.
func (b *build) unitHex(t *table) (hex.Hex, bool) {
	var h hex.Hex
	ok := false
	if place := t.str("place", false); place != "" {
		if i, found := b.places[place]; found {
			h, ok = b.sc.Places[i].Hex, true
		} else {
			t.errorf("place", "names %q, which no [[place]] defines", place)
		}
		if _, both := t.m["hex"]; both {
			t.errorf("hex", "is given with place; give one or the other")
		}
	} else {
		h, ok = b.hexRef(t, "hex", true)
	}
	if ok && b.m != nil && !b.m.Passable(h) {
		c, r := h.Offset()
		t.errorf("hex", "puts it at %d,%d on %s, where no unit can stand", c, r, b.m.At(h))
	}
	return h, ok
}

func (b *build) checkDate(t *table, key string, d time.Time) {
	if b.sc.Start.IsZero() {
		return // start is missing or wrong, which is an error of its own
	}
	if d.Before(b.sc.Start) || d.After(b.lastDay) {
		t.errorf(key, "is %s, outside the scenario (%s to %s)", d.Format("2006-01-02 15:04"),
			b.sc.Start.Format("2006-01-02 15:04"), b.lastDay.Format("2006-01-02 15:04"))
	}
}

func (b *build) sourceRef(t *table, key string, required bool) string {
	k := t.str(key, required)
	if k != "" {
		if _, ok := b.sc.Sources[k]; !ok {
			t.errorf(key, "names source %q, which no [[source]] defines", k)
		}
	}
	return k
}

func (b *build) sideRef(t *table, key string, required bool) string {
	id := t.str(key, required)
	if id != "" && !b.sides[id] {
		t.errorf(key, "names side %q, which no [[side]] defines", id)
	}
	return id
}

// hexRef reads a [col, row] pair and checks it lies on the map.
func (b *build) hexRef(t *table, key string, required bool) (hex.Hex, bool) {
	v, ok := t.ints(key, required, 2)
	if !ok {
		return hex.Hex{}, false
	}
	return b.hexAt(t.keyPath(key), t.what, key, v[0], v[1])
}

func (b *build) hexAt(path, what, key string, c, r int) (hex.Hex, bool) {
	if b.m == nil {
		return hex.Hex{}, false
	}
	if c < 0 || r < 0 || c >= b.m.Width || r >= b.m.Height {
		b.d.errorf(path, "%s: key %q puts it at %d,%d, off the %dx%d map", what, key, c, r, b.m.Width, b.m.Height)
		return hex.Hex{}, false
	}
	return hex.FromOffset(c, r), true
}

func (b *build) readMap(t *table) {
	if t == nil {
		return
	}
	w := t.integer("width", true, 1, 1, 400)
	h := t.integer("height", true, 1, 1, 400)
	b.m = rules.NewMap(w, h)
	legend := map[string]rules.Terrain{}
	for ch, name := range defaultLegend {
		ter, _ := rules.ParseTerrain(name)
		legend[ch] = ter
	}
	if lt := t.sub("legend", false); lt != nil {
		for _, ch := range lt.keys() {
			name := lt.str(ch, false)
			if len([]rune(ch)) != 1 {
				lt.errorf(ch, "must be a single character")
				continue
			}
			ter, ok := rules.ParseTerrain(name)
			if !ok {
				lt.errorf(ch, "is %q; use one of %v", name, rules.TerrainNames())
				continue
			}
			legend[ch] = ter
		}
		lt.done()
	}
	rows := t.list("rows", "strings, one a row")
	if len(rows) != h {
		t.errorf("rows", "has %d rows; the map is %d high", len(rows), h)
	}
	for r, x := range rows {
		path := index(t.keyPath("rows"), r)
		line, ok := x.(string)
		if !ok {
			b.d.errorf(path, "map: row %d must be a string, not %s", r, typeName(x))
			continue
		}
		runes := []rune(line)
		if len(runes) != w {
			b.d.errorf(path, "map: row %d is %d hexes wide; the map is %d wide", r, len(runes), w)
		}
		for c, ch := range runes {
			if c >= w || r >= h {
				break
			}
			ter, ok := legend[string(ch)]
			if !ok {
				at, _ := b.d.pos.at(path)
				b.d.errs = append(b.d.errs, Error{File: b.d.file, Pos: Pos{at.Line, at.Col + 1 + c},
					Msg: fmt.Sprintf("map: row %d, column %d: %q is not in the legend", r, c, string(ch))})
				continue
			}
			b.m.Terrain[r*w+c] = ter
		}
	}
	for _, rt := range t.tables("river") {
		b.readRiver(rt)
	}
	for _, rt := range t.tables("road") {
		b.readRoad(rt)
	}
	for _, ft := range t.tables("fort") {
		b.readFort(ft)
	}
	t.done()
}

func (b *build) readSide(t *table) rules.Side {
	s := rules.Side{ID: t.str("id", true)}
	t.name("side", s.ID)
	if s.ID != "" && !idPattern.MatchString(s.ID) {
		t.errorf("id", "is %q; use lower-case letters, digits and hyphens", s.ID)
	}
	if b.sides[s.ID] {
		t.errorf("id", "%q is used twice", s.ID)
	}
	b.sides[s.ID] = true
	s.Name = t.str("name", true)
	s.Briefing = t.str("briefing", true)
	s.SupplyReachHours = t.integer("supply_reach_hours", false, 72, 0, 2000)
	s.SurpriseLevel = t.choice("surprise", false, 0, "none", "minor", "substantial", "complete")
	if until, ok := t.date("surprise_until", s.SurpriseLevel > 0); ok {
		b.checkDate(t, "surprise_until", until)
		s.SurpriseTurn = b.sc.Setup.TurnOf(until)
	}
	t.str("color", false)
	t.done()
	return s
}

func (b *build) readPlace(t *table) (rules.Place, bool) {
	p := rules.Place{ID: t.str("id", true)}
	t.name("place", p.ID)
	if _, dup := b.places[p.ID]; dup {
		t.errorf("id", "%q is used twice", p.ID)
	}
	p.Name = t.str("name", true)
	info := PlaceInfo{Kind: t.str("kind", false), Source: b.sourceRef(t, "source", false), Note: t.str("note", false)}
	_, hasLat := t.m["lat"]
	_, hasLon := t.m["lon"]
	if hasLat || hasLon {
		p.Lat = t.number("lat", true, 0, -90, 90)
		p.Lon = t.number("lon", true, 0, -180, 180)
	}
	h, ok := b.hexRef(t, "hex", !(hasLat && b.sc.Projection != nil))
	if !ok && hasLat && b.sc.Projection != nil && b.m != nil {
		h = b.sc.Projection.Hex(p.Lat, p.Lon)
		if !b.m.In(h) {
			c, r := h.Offset()
			t.errorf("lat", "puts it at %d,%d, off the map", c, r)
			return p, false
		}
		ok = true
	}
	if !ok {
		return p, false
	}
	if hasLat && b.sc.Projection != nil {
		if want := b.sc.Projection.Hex(p.Lat, p.Lon); hex.Distance(want, h) > 1 {
			c, r := want.Offset()
			t.errorf("hex", "is %d hexes from where its latitude and longitude put it (%d,%d)", hex.Distance(want, h), c, r)
		}
	}
	p.Hex = h
	p.VP = t.integer("vp", false, 0, 0, 1000)
	p.Owner = b.sideRef(t, "owner", false)
	p.Supply = t.boolean("supply", false)
	p.ObserveKm = t.number("observe_km", false, 0, 0, 200)
	p.ExitFor = b.sideRef(t, "exit", false)
	p.ExitVP = t.integer("exit_vp", p.ExitFor != "", 0, 0, 1000)
	if b.m != nil && !b.m.Passable(h) {
		t.errorf("hex", "is %s, where no unit can go; move the place", b.m.At(h))
	}
	b.sc.PlaceInfo[p.ID] = info
	t.done()
	return p, true
}

func (b *build) readUnit(t *table) (rules.Unit, bool) {
	u := rules.Unit{ID: t.str("id", true), Status: rules.Active}
	t.name("unit", u.ID)
	if u.ID != "" && !idPattern.MatchString(u.ID) {
		t.errorf("id", "is %q; use lower-case letters, digits and hyphens", u.ID)
	}
	if b.units[u.ID] {
		t.errorf("id", "%q is used twice", u.ID)
	}
	b.units[u.ID] = true
	u.Name = t.str("name", true)
	u.Side = b.sideRef(t, "side", true)
	typ := t.str("type", true)
	u.Type = b.cat.Types[typ]
	if u.Type == nil && typ != "" {
		t.errorf("type", "names %q, which the unit catalogue does not have (it has %v)", typ, b.cat.TypeIDs())
	}
	u.Commander = t.str("commander", false)
	u.Source = b.sourceRef(t, "source", true)
	if note := t.str("note", false); note != "" {
		b.sc.UnitNotes[u.ID] = note
	}
	u.Men = t.integer("men", true, 0, 0, 300000)
	u.Guns = t.integer("guns", false, 0, 0, 5000)
	u.MGs = t.integer("mgs", false, 0, 0, 20000)
	u.Trucks = t.integer("trucks", false, 0, 0, 20000)
	u.Horses = t.integer("horses", false, 0, 0, 200000)
	u.Aircraft = t.integer("aircraft", false, 0, 0, 500)
	u.Armour = t.integer("armour", false, 0, 0, 2000)
	u.Quality = t.integer("quality", false, 100, 20, 200)
	u.Morale = t.integer("morale", false, 70, 0, 100)
	u.BaseMorale = u.Morale
	u.DigHours = t.integer("dug_hours", false, 0, 0, 10000)
	supplyDays := 3
	if u.Type != nil {
		supplyDays = u.Type.SupplyDays
	}
	u.SupplyHours = 24 * t.integer("supply_days", false, supplyDays, 0, 365)
	u.InSupply = true
	if u.Type != nil && u.Type.Class == rules.Cavalry && u.Horses == 0 && u.Men > 0 {
		t.errorf("horses", "is missing: a cavalry unit needs its horses counted (about one a man)")
	}
	if u.Type != nil && u.Type.Class == rules.Aircraft && u.Aircraft == 0 {
		t.errorf("aircraft", "is missing: an air unit needs its aircraft counted")
	}
	var ok bool
	u.Hex, ok = b.unitHex(t)
	arrive, hasArrive := t.date("arrive", false)
	if hasArrive {
		b.checkDate(t, "arrive", arrive)
		u.ArriveTurn = b.sc.Setup.TurnOf(arrive)
		if arrive.After(b.sc.Start) {
			u.Status = rules.Pending
		}
	}
	if withdraw, ok := t.date("withdraw", false); ok {
		b.checkDate(t, "withdraw", withdraw)
		u.WithdrawTurn = b.sc.Setup.TurnOf(withdraw)
		if hasArrive && !withdraw.After(arrive) {
			t.errorf("withdraw", "is not after its arrival; the dates are out of order")
		}
	}
	t.done()
	return u, ok && u.Type != nil
}

// checkStacks reports hostile units that start in the same hex.
func (b *build) checkStacks() {
	held := map[hex.Hex]string{}
	for i, u := range b.sc.Units {
		if u.Status != rules.Active {
			continue
		}
		if side, ok := held[u.Hex]; ok && rules.Hostile(side, u.Side) {
			c, r := u.Hex.Offset()
			b.d.errorf(b.unitPaths[i], "unit %q of %s starts at %d,%d, where units of %s stand; hostile units cannot share a hex", u.ID, u.Side, c, r, side)
		}
		held[u.Hex] = u.Side
	}
}

func (b *build) readEvent(t *table) rules.Narrative {
	n := rules.Narrative{ID: t.str("id", true)}
	t.name("event", n.ID)
	n.Title = t.str("title", true)
	n.Text = t.str("text", true)
	n.Source = b.sourceRef(t, "source", true)
	if d, ok := t.date("date", false); ok {
		b.checkDate(t, "date", d)
		n.Turn = b.sc.Setup.TurnOf(d)
	}
	n.CapturedPlace = t.str("captured", false)
	if n.CapturedPlace != "" {
		if _, ok := b.places[n.CapturedPlace]; !ok {
			t.errorf("captured", "names place %q, which no [[place]] defines", n.CapturedPlace)
		}
	}
	n.CapturedBy = b.sideRef(t, "by", false)
	if n.Turn == 0 && n.CapturedPlace == "" {
		t.errorf("", "needs a date or a captured place to fire on")
	}
	n.MoraleSide = b.sideRef(t, "morale_side", false)
	n.Morale = t.integer("morale", false, 0, -50, 50)
	t.done()
	return n
}

func (b *build) readHistory(t *table) History {
	h := History{Summary: t.str("summary", true), Epilogue: t.str("epilogue", true)}
	h.Source = b.sourceRef(t, "source", true)
	if w := t.str("winner", true); w != "draw" {
		if w != "" && !b.sides[w] {
			t.errorf("winner", "names side %q, which no [[side]] defines (or use \"draw\")", w)
		}
		h.Winner = w
	}
	if holds := t.sub("holds", false); holds != nil {
		h.Holds = map[string]string{}
		for _, place := range holds.keys() {
			side := holds.str(place, false)
			if _, ok := b.places[place]; !ok {
				holds.errorf(place, "is not a place of this scenario")
			}
			if side != "" && !b.sides[side] {
				holds.errorf(place, "names side %q, which no [[side]] defines", side)
			}
			h.Holds[place] = side
		}
		holds.done()
	}
	for _, ct := range t.tables("checkpoint") {
		if c, in := b.readCheckpoint(ct); in {
			h.Course = append(h.Course, c)
		}
	}
	slices.SortStableFunc(h.Course, func(a, b Checkpoint) int { return a.Turn - b.Turn })
	h.Steps = b.readSteps(t)
	t.done()
	return h
}

// readCheckpoint reads one [[history.checkpoint]]: place, held_by (a side,
// or "" for nobody), on (a date within the scenario; without it, the end),
// source and note. A checkpoint is judged at the start of its date's turn,
// one at the end after the last turn. in is false for a checkpoint outside
// a span that overrides moved.
func (b *build) readCheckpoint(t *table) (c Checkpoint, in bool) {
	c = Checkpoint{Place: t.str("place", true), Side: t.str("held_by", true), Turn: b.sc.Turns + 1,
		Source: b.sourceRef(t, "source", true), Note: t.str("note", false)}
	if _, ok := b.places[c.Place]; !ok && c.Place != "" {
		t.errorf("place", "names place %q, which no [[place]] defines", c.Place)
	}
	if c.Side != "" && !b.sides[c.Side] {
		t.errorf("held_by", "names side %q, which no [[side]] defines (or \"\" for nobody)", c.Side)
	}
	on, ok, in := b.recordDate(t, false)
	if ok {
		c.On, c.Turn = on, b.sc.Setup.TurnOf(on)
	} else {
		c.On = b.lastDay
	}
	t.done()
	return c, in
}
