// Package scenario reads scenario files (TOML) into a rules.State: strict
// decoding in which every mistake in a file is reported with its line and
// column, the unit-type catalogue, variants and --set overrides.
package scenario

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

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
	PlaceInfo   map[string]PlaceInfo
	UnitNotes   map[string]string
	Roads       []Road // the map's roads and tracks as the file gives them, by name
	Forts       []Fort
	// Warnings are doubts about the file that did not stop it loading,
	// such as a date without a time of day, in file order.
	Warnings Errors

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
	// Losses are the figures the sources give for each side's losses in
	// the scenario's span, each with what it counts.
	Losses []Loss
}

// Loss is a figure of the record for a side's losses: Men of them (-1 when
// the source gives no number), what it counts ("killed", "interned, with
// their families"), by whose account.
type Loss struct {
	Side   string
	Men    int
	Counts string
	Source string
	Note   string
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

// Cite is how a source is named in running text: "author, title", as the
// stories and the panels print a source (an author that ends "in", such
// as "..., as quoted in", runs on into the title without the comma); the
// author or the title alone when the other is missing, and the key when
// there is no such source.
func (sc *Scenario) Cite(key string) string {
	src, ok := sc.Sources[key]
	switch {
	case !ok || src.Author == "" && src.Title == "":
		return key
	case src.Title == "":
		return src.Author
	case src.Author == "":
		return src.Title
	case strings.HasSuffix(src.Author, " in"):
		return src.Author + " " + src.Title
	}
	return src.Author + ", " + src.Title
}

// Named is a text of the rules (a game's reason for ending, such as "holds
// dihua, manas" or "ina has no units left on the map") with the ids of the
// scenario's sides and places put as their names, for people to read.
func (sc *Scenario) Named(s string) string {
	var names []string // id, name pairs, longest ids first
	for _, p := range sc.Places {
		names = append(names, p.ID, p.Name)
	}
	for _, sd := range sc.Setup.Sides {
		names = append(names, sd.ID, sd.Name)
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') })
	for _, w := range words {
		for i := 0; i < len(names); i += 2 {
			if w == names[i] {
				s = ReplaceWord(s, w, names[i+1])
			}
		}
	}
	return s
}

// ReplaceWord replaces the whole word w in s (not within a longer word:
// letters, digits and hyphens make a word).
func ReplaceWord(s, w, by string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, w)
		if i < 0 {
			return b.String() + s
		}
		before := i == 0 || !isWordRune(rune(s[i-1]))
		after := i+len(w) == len(s) || !isWordRune(rune(s[i+len(w)]))
		b.WriteString(s[:i])
		if before && after {
			b.WriteString(by)
		} else {
			b.WriteString(w)
		}
		s = s[i+len(w):]
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

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
	sc := &Scenario{File: d.File, Sources: map[string]Source{}, PlaceInfo: map[string]PlaceInfo{}, UnitNotes: map[string]string{}}
	b.sc = sc
	root := d.Table("", "the scenario", raw)
	readFormat(root)
	sc.ID = root.Str("id", true)
	if sc.ID != "" && !idPattern.MatchString(sc.ID) {
		root.Errorf("id", "is %q; use lower-case letters, digits and hyphens, such as ghulja-1944", sc.ID)
	}
	sc.Title = root.Str("title", true)
	sc.Description = root.Str("description", true)
	start, _ := root.Date("start", true)
	sc.Start = start
	sc.Turns = root.Int("turns", true, 1, 1, 1000)
	sc.TurnHours = root.Int("turn_hours", true, 24, 1, 168)
	sc.End = start.Add(time.Duration(sc.Turns*sc.TurnHours) * time.Hour)
	b.lastDay = sc.End
	sc.HexKm = root.Number("hex_km", true, 1, 0.1, 50)
	fog := root.Bool("fog", true)
	mode := supplyMode(root, cat)
	if p := root.Sub("projection", false); p != nil {
		sc.Projection = readProjection(p, sc.HexKm)
	}
	for _, t := range root.Tables("source") {
		s := ReadSource(t)
		if _, dup := sc.Sources[s.Key]; dup && s.Key != "" {
			t.Errorf("key", "%q is used twice", s.Key)
		}
		sc.Sources[s.Key] = s
	}
	setup := &rules.Setup{
		Scenario: sc.ID, Title: sc.Title, Start: start, TurnHours: sc.TurnHours, Turns: sc.Turns,
		HexM: int(sc.HexKm*1000 + 0.5), Fog: fog, SupplyMode: mode,
	}
	sc.Setup = setup
	b.readMap(root.Sub("map", true))
	setup.Map = b.m
	for _, t := range root.Tables("side") {
		setup.Sides = append(setup.Sides, b.readSide(t))
	}
	if len(setup.Sides) < 2 {
		b.d.Errorf("side", "the scenario needs at least two [[side]] tables")
	}
	for _, t := range root.Tables("place") {
		if p, ok := b.readPlace(t); ok {
			b.places[p.ID] = len(sc.Places)
			sc.Places = append(sc.Places, p)
		}
	}
	for _, t := range root.Tables("weather") {
		setup.Weather = append(setup.Weather, b.readWeather(t))
	}
	b.readUnits(root.Tables("unit"))
	b.checkStacks()
	for _, t := range root.Tables("event") {
		setup.Narrative = append(setup.Narrative, b.readEvent(t))
	}
	if v := root.Sub("victory", false); v != nil {
		b.readVictory(v)
	}
	for _, t := range root.Tables("plan") {
		setup.Plans = append(setup.Plans, b.readPlan(t))
	}
	b.readOrders(root) // orders.go: [[order]] and [[air_supply]]
	if h := root.Sub("history", true); h != nil {
		sc.History = b.readHistory(h)
	}
	for _, t := range root.Tables("variant") {
		sc.Variants = append(sc.Variants, b.readVariant(t))
	}
	root.Done()
	return sc
}

// readWeather reads one [[weather]]: from a date, a kind, in date order.
func (b *build) readWeather(t *Table) rules.Weather {
	setup := b.sc.Setup
	from, _ := t.Date("from", true)
	w := rules.Weather{FromTurn: setup.TurnOf(from)}
	w.Kind = rules.WeatherKind(t.Choice("kind", true, rules.WeatherNames()...))
	if n := len(setup.Weather); n > 0 && w.FromTurn < setup.Weather[n-1].FromTurn {
		t.Errorf("from", "is earlier than the weather before it; list weather in date order")
	}
	b.checkDate(t, "from", from)
	t.Done()
	return w
}

// readUnits reads the [[unit]] tables, at most MaxUnits of them.
func (b *build) readUnits(tables []*Table) {
	for i, t := range tables {
		if i == MaxUnits {
			t.Errorf("", "a scenario may have at most %d units, with its variants; merge small ones into larger ones", MaxUnits)
			break
		}
		if u, ok := b.readUnit(t); ok {
			b.sc.Units = append(b.sc.Units, u)
			b.unitPaths = append(b.unitPaths, t.Path)
		}
	}
}

// readVictory reads [victory]: the points a thousand men lost are worth and
// the sudden deaths.
func (b *build) readVictory(v *Table) {
	setup := b.sc.Setup
	setup.Victory.CasualtyVP = v.Int("casualty_vp", false, 0, 0, 1000)
	for _, t := range v.Tables("sudden_death") {
		sd := rules.SuddenDeath{Side: b.sideRef(t, "side", true), FromTurn: 1}
		var paths []string
		sd.Hold, paths = t.Strings("hold")
		for i, id := range sd.Hold {
			if _, ok := b.places[id]; !ok {
				t.ErrorAt(paths[i], "hold names place %q, which no [[place]] defines%s", id, DidYouMean(id, sortedKeys(b.places)))
			}
		}
		if len(sd.Hold) == 0 {
			t.Errorf("hold", "must list at least one place")
		}
		if from, ok := t.Date("from", false); ok {
			b.checkDate(t, "from", from)
			sd.FromTurn = setup.TurnOf(from)
		}
		setup.Victory.SuddenDeath = append(setup.Victory.SuddenDeath, sd)
		t.Done()
	}
	v.Done()
}

// readPlan reads one [[plan]] step: a side, a place, a window and a value.
func (b *build) readPlan(t *Table) rules.PlanStep {
	ps := rules.PlanStep{Side: b.sideRef(t, "side", true), Place: t.Str("place", true)}
	t.Name("plan step", ps.Place)
	if _, ok := b.places[ps.Place]; !ok && ps.Place != "" {
		t.Errorf("place", "names %q, which no [[place]] defines%s", ps.Place, DidYouMean(ps.Place, sortedKeys(b.places)))
	}
	ps.FromTurn, ps.UntilTurn = b.period(t)
	ps.Value = t.Int("value", false, 10, 1, 1000)
	t.Str("note", false)
	t.Done()
	return ps
}

// readVariant reads one [[variant]]'s description; what it changes is
// checked when it is applied.
func (b *build) readVariant(t *Table) Variant {
	v := Variant{ID: t.Str("id", true)}
	t.Name("variant", v.ID)
	v.Title = t.Str("title", true)
	v.Description = t.Str("description", true)
	v.Source = b.sourceRef(t, "source", false)
	for _, k := range []string{"remove", "remove_events", "add", "change", "set"} {
		t.Get(k, false)
	}
	for _, o := range b.sc.Variants {
		if o.ID == v.ID {
			t.Errorf("id", "%q is used twice", v.ID)
		}
	}
	t.Done()
	return v
}

// readProjection reads [projection]: where the map's origin lies on the earth.
func readProjection(p *Table, hexKm float64) *Projection {
	pr := &Projection{
		OriginLat:   p.Number("origin_lat", true, 0, -90, 90),
		OriginLon:   p.Number("origin_lon", true, 0, -180, 180),
		HexKm:       hexKm,
		StandardLat: p.Number("standard_lat", false, 0, -80, 80),
	}
	p.Done()
	return pr
}

// supplyMode is the mode of movement supply lines are traced in: on foot
// unless the scenario names another of the catalogue's.
func supplyMode(root *Table, cat *Catalogue) *rules.Mode {
	id := root.Str("supply_mode", false)
	if id == "" {
		id = "foot"
	}
	mode := cat.Modes[id]
	if mode == nil {
		root.Errorf("supply_mode", "names %q, which the unit catalogue does not define%s", id, DidYouMean(id, sortedKeys(cat.Modes)))
		mode = &rules.Mode{ID: id}
	}
	return mode
}

// readRiver reads one [[map.river]]: a size, a name, the hex edges it runs along.
func (b *build) readRiver(rt *Table) {
	name := rt.Str("name", false)
	rt.Name("river", name)
	size := rules.River(rt.Choice("size", true, "minor", "major") + 1)
	for i, e := range rt.list("edges", "edges such as [6, 5, 7, 5]") {
		path := index(rt.KeyPath("edges"), i)
		v, ok := b.d.intList(path, rt.What+": edge", e, 4)
		if !ok {
			continue
		}
		a, ok1 := b.hexAt(path, rt.What, "edges", v[0], v[1])
		c, ok2 := b.hexAt(path, rt.What, "edges", v[2], v[3])
		if !ok1 || !ok2 {
			continue
		}
		if !hex.Adjacent(a, c) {
			rt.ErrorAt(path, "edge %d,%d-%d,%d joins hexes that are not neighbours", v[0], v[1], v[2], v[3])
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
	rt.Done()
}

// readRoad reads one [[map.road]]: a road or a track through neighbouring
// hexes; where two cross, the better kind stands.
func (b *build) readRoad(rt *Table) {
	name := rt.Str("name", false)
	rt.Name("road", name)
	kind := []rules.Road{rules.MainRoad, rules.Track}[rt.Choice("kind", true, "road", "track")]
	road := Road{Name: name, Kind: kind}
	var prev hex.Hex
	for i, e := range rt.list("path", "hexes such as [6, 5]") {
		path := index(rt.KeyPath("path"), i)
		v, ok := b.d.intList(path, rt.What+": path step", e, 2)
		if !ok {
			continue
		}
		h, ok := b.hexAt(path, rt.What, "path", v[0], v[1])
		if !ok {
			continue
		}
		road.Path = append(road.Path, h)
		if i > 0 {
			if !hex.Adjacent(prev, h) {
				rt.ErrorAt(path, "step %d,%d is not next to the step before it", v[0], v[1])
			} else if old := b.m.Roads[rules.EdgeOf(prev, h)]; old < kind {
				b.m.Roads[rules.EdgeOf(prev, h)] = kind
			}
		}
		prev = h
	}
	b.sc.Roads = append(b.sc.Roads, road)
	rt.Done()
}

// readFort reads one [[map.fort]]: built defences, prepared or fortified, on
// a list of hexes.
func (b *build) readFort(ft *Table) {
	name := ft.Str("name", false)
	ft.Name("fort", name)
	p := []rules.Posture{rules.Prepared, rules.Fortified}[ft.Choice("posture", true, "prepared", "fortified")]
	fort := Fort{Name: name, Posture: p}
	for i, e := range ft.list("hexes", "hexes such as [6, 5]") {
		path := index(ft.KeyPath("hexes"), i)
		if v, ok := b.d.intList(path, ft.What+": hex", e, 2); ok {
			if h, ok := b.hexAt(path, ft.What, "hexes", v[0], v[1]); ok {
				b.m.Fort[b.m.Index(h)] = p
				fort.Hexes = append(fort.Hexes, h)
			}
		}
	}
	b.sc.Forts = append(b.sc.Forts, fort)
	ft.Done()
}

// unitHex reads where a unit stands: at a place, or at a hex a unit can
// stand on; ok is false when neither is given rightly.
func (b *build) unitHex(t *Table) (hex.Hex, bool) {
	var h hex.Hex
	ok := false
	if place := t.Str("place", false); place != "" {
		if i, found := b.places[place]; found {
			h, ok = b.sc.Places[i].Hex, true
		} else {
			t.Errorf("place", "names %q, which no [[place]] defines%s", place, DidYouMean(place, sortedKeys(b.places)))
		}
		if t.Has("hex") {
			t.Errorf("hex", "is given with place; give one or the other")
		}
	} else {
		h, ok = b.hexRef(t, "hex", true)
	}
	if ok && b.m != nil && !b.m.Passable(h) {
		c, r := h.Offset()
		t.Errorf("hex", "puts it at %d,%d on %s, where no unit can stand", c, r, b.m.At(h))
	}
	return h, ok
}

func (b *build) checkDate(t *Table, key string, d time.Time) {
	if b.sc.Start.IsZero() {
		return // start is missing or wrong, which is an error of its own
	}
	if d.Before(b.sc.Start) || d.After(b.lastDay) {
		t.Errorf(key, "is %s, outside the scenario (%s to %s)", d.Format("2006-01-02 15:04"),
			b.sc.Start.Format("2006-01-02 15:04"), b.lastDay.Format("2006-01-02 15:04"))
	}
}

func (b *build) sourceRef(t *Table, key string, required bool) string {
	k := t.Str(key, required)
	if k != "" {
		if _, ok := b.sc.Sources[k]; !ok {
			t.Errorf(key, "names source %q, which no [[source]] defines%s", k, DidYouMean(k, sortedKeys(b.sc.Sources)))
		}
	}
	return k
}

func (b *build) sideRef(t *Table, key string, required bool) string {
	id := t.Str(key, required)
	if id != "" && !b.sides[id] {
		t.Errorf(key, "names side %q, which no [[side]] defines%s", id, DidYouMean(id, sortedKeys(b.sides)))
	}
	return id
}

// hexRef reads a [col, row] pair and checks it lies on the map.
func (b *build) hexRef(t *Table, key string, required bool) (hex.Hex, bool) {
	v, ok := t.ints(key, required, 2)
	if !ok {
		return hex.Hex{}, false
	}
	return b.hexAt(t.KeyPath(key), t.What, key, v[0], v[1])
}

func (b *build) hexAt(path, what, key string, c, r int) (hex.Hex, bool) {
	if b.m == nil {
		return hex.Hex{}, false
	}
	if c < 0 || r < 0 || c >= b.m.Width || r >= b.m.Height {
		b.d.Errorf(path, "%s: key %q puts it at %d,%d, off the %dx%d map", what, key, c, r, b.m.Width, b.m.Height)
		return hex.Hex{}, false
	}
	return hex.FromOffset(c, r), true
}

func (b *build) readMap(t *Table) {
	if t == nil {
		return
	}
	w := t.Int("width", true, 1, 1, 400)
	h := t.Int("height", true, 1, 1, 400)
	b.m = rules.NewMap(w, h)
	legend := map[string]rules.Terrain{}
	for ch, name := range defaultLegend {
		ter, _ := rules.ParseTerrain(name)
		legend[ch] = ter
	}
	if lt := t.Sub("legend", false); lt != nil {
		for _, ch := range lt.keys() {
			name := lt.Str(ch, false)
			if len([]rune(ch)) != 1 {
				lt.Errorf(ch, "must be a single character")
				continue
			}
			ter, ok := rules.ParseTerrain(name)
			if !ok {
				lt.Errorf(ch, "is %q; use one of %v%s", name, rules.TerrainNames(), DidYouMean(name, rules.TerrainNames()))
				continue
			}
			legend[ch] = ter
		}
		lt.Done()
	}
	rows := t.list("rows", "strings, one a row")
	if len(rows) != h {
		t.Errorf("rows", "has %d rows; the map is %d high", len(rows), h)
	}
	for r, x := range rows {
		path := index(t.KeyPath("rows"), r)
		line, ok := x.(string)
		if !ok {
			b.d.Errorf(path, "map: row %d must be a string, not %s", r, TypeName(x))
			continue
		}
		runes := []rune(line)
		if len(runes) != w {
			b.d.Errorf(path, "map: row %d is %d hexes wide; the map is %d wide", r, len(runes), w)
		}
		for c, ch := range runes {
			if c >= w || r >= h {
				break
			}
			ter, ok := legend[string(ch)]
			if !ok {
				at, _ := b.d.pos.at(path)
				b.d.Errs = append(b.d.Errs, Error{File: b.d.File, Pos: Pos{at.Line, at.Col + 1 + c},
					Msg: fmt.Sprintf("map: row %d, column %d: %q is not in the legend", r, c, string(ch))})
				continue
			}
			b.m.Terrain[r*w+c] = ter
		}
	}
	for _, rt := range t.Tables("river") {
		b.readRiver(rt)
	}
	for _, rt := range t.Tables("road") {
		b.readRoad(rt)
	}
	for _, ft := range t.Tables("fort") {
		b.readFort(ft)
	}
	t.Done()
}

func (b *build) readSide(t *Table) rules.Side {
	s := rules.Side{ID: t.Str("id", true)}
	t.Name("side", s.ID)
	if s.ID != "" && !idPattern.MatchString(s.ID) {
		t.Errorf("id", "is %q; use lower-case letters, digits and hyphens", s.ID)
	}
	if b.sides[s.ID] {
		t.Errorf("id", "%q is used twice", s.ID)
	}
	b.sides[s.ID] = true
	s.Name = t.Str("name", true)
	s.Briefing = t.Str("briefing", true)
	s.SupplyReachHours = t.Int("supply_reach_hours", false, 72, 0, 2000)
	s.SurpriseLevel = t.Choice("surprise", false, "none", "minor", "substantial", "complete")
	if until, ok := t.Date("surprise_until", s.SurpriseLevel > 0); ok {
		b.checkDate(t, "surprise_until", until)
		s.SurpriseTurn = b.sc.Setup.TurnOf(until)
	}
	t.Str("color", false)
	t.Done()
	return s
}

func (b *build) readPlace(t *Table) (rules.Place, bool) {
	p := rules.Place{ID: t.Str("id", true)}
	t.Name("place", p.ID)
	if _, dup := b.places[p.ID]; dup {
		t.Errorf("id", "%q is used twice", p.ID)
	}
	p.Name = t.Str("name", true)
	info := PlaceInfo{Kind: t.Str("kind", false), Source: b.sourceRef(t, "source", false), Note: t.Str("note", false)}
	hasLat, hasLon := t.Has("lat"), t.Has("lon")
	if hasLat || hasLon {
		p.Lat = t.Number("lat", true, 0, -90, 90)
		p.Lon = t.Number("lon", true, 0, -180, 180)
	}
	h, ok := b.hexRef(t, "hex", !(hasLat && b.sc.Projection != nil))
	if !ok && hasLat && b.sc.Projection != nil && b.m != nil {
		h = b.sc.Projection.Hex(p.Lat, p.Lon)
		if !b.m.In(h) {
			c, r := h.Offset()
			t.Errorf("lat", "puts it at %d,%d, off the map", c, r)
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
			t.Errorf("hex", "is %d hexes from where its latitude and longitude put it (%d,%d)", hex.Distance(want, h), c, r)
		}
	}
	p.Hex = h
	p.VP = t.Int("vp", false, 0, 0, 1000)
	p.Owner = b.sideRef(t, "owner", false)
	p.Supply = t.Bool("supply", false)
	p.ObserveKm = t.Number("observe_km", false, 0, 0, 200)
	p.ExitFor = b.sideRef(t, "exit", false)
	p.ExitVP = t.Int("exit_vp", p.ExitFor != "", 0, 0, 1000)
	if b.m != nil && !b.m.Passable(h) {
		t.Errorf("hex", "is %s, where no unit can go; move the place", b.m.At(h))
	}
	b.sc.PlaceInfo[p.ID] = info
	t.Done()
	return p, true
}

func (b *build) readUnit(t *Table) (rules.Unit, bool) {
	u := rules.Unit{ID: t.Str("id", true), Status: rules.Active}
	t.Name("unit", u.ID)
	if u.ID != "" && !idPattern.MatchString(u.ID) {
		t.Errorf("id", "is %q; use lower-case letters, digits and hyphens", u.ID)
	}
	if b.units[u.ID] {
		t.Errorf("id", "%q is used twice", u.ID)
	}
	b.units[u.ID] = true
	u.Name = t.Str("name", true)
	u.Side = b.sideRef(t, "side", true)
	typ := t.Str("type", true)
	u.Type = b.cat.Types[typ]
	if u.Type == nil && typ != "" {
		t.Errorf("type", "names %q, which the unit catalogue does not have (it has %v)%s", typ, b.cat.TypeIDs(), DidYouMean(typ, b.cat.TypeIDs()))
	}
	u.Commander = t.Str("commander", false)
	u.Source = b.sourceRef(t, "source", true)
	if note := t.Str("note", false); note != "" {
		b.sc.UnitNotes[u.ID] = note
	}
	u.Men = t.Int("men", true, 0, 0, 300000)
	u.Guns = t.Int("guns", false, 0, 0, 5000)
	u.MGs = t.Int("mgs", false, 0, 0, 20000)
	u.Trucks = t.Int("trucks", false, 0, 0, 20000)
	u.Horses = t.Int("horses", false, 0, 0, 200000)
	u.Aircraft = t.Int("aircraft", false, 0, 0, 500)
	u.Armour = t.Int("armour", false, 0, 0, 2000)
	u.Quality = t.Int("quality", false, 100, 20, 200)
	u.Morale = t.Int("morale", false, 70, 0, 100)
	u.BaseMorale = u.Morale
	u.DigHours = t.Int("dug_hours", false, 0, 0, 10000)
	supplyDays := 3
	if u.Type != nil {
		supplyDays = u.Type.SupplyDays
	}
	u.SupplyHours = 24 * t.Int("supply_days", false, supplyDays, 0, 365)
	u.InSupply = true
	if u.Type != nil && u.Type.Class == rules.Cavalry && u.Horses == 0 && u.Men > 0 {
		t.Errorf("horses", "is missing: a cavalry unit needs its horses counted (about one a man)")
	}
	if u.Type != nil && u.Type.Class == rules.Aircraft && u.Aircraft == 0 {
		t.Errorf("aircraft", "is missing: an air unit needs its aircraft counted")
	}
	var ok bool
	u.Hex, ok = b.unitHex(t)
	arrive, hasArrive := t.Date("arrive", false)
	if hasArrive {
		b.checkFires(t, "arrive", arrive, "the unit would never arrive")
		u.ArriveTurn = b.sc.Setup.TurnOf(arrive)
		if arrive.After(b.sc.Start) {
			u.Status = rules.Pending
		}
	}
	if withdraw, ok := t.Date("withdraw", false); ok {
		b.checkFires(t, "withdraw", withdraw, "the unit would never leave")
		u.WithdrawTurn = b.sc.Setup.TurnOf(withdraw)
		if hasArrive && !withdraw.After(arrive) {
			t.Errorf("withdraw", "is not after its arrival; the dates are out of order")
		}
	}
	t.Done()
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
			b.d.Errorf(b.unitPaths[i], "unit %q of %s starts at %d,%d, where units of %s stand; hostile units cannot share a hex", u.ID, u.Side, c, r, side)
		}
		held[u.Hex] = u.Side
	}
}

func (b *build) readEvent(t *Table) rules.Narrative {
	n := rules.Narrative{ID: t.Str("id", true)}
	t.Name("event", n.ID)
	n.Title = t.Str("title", true)
	n.Text = t.Str("text", true)
	n.Source = b.sourceRef(t, "source", true)
	if d, ok := t.Date("date", false); ok {
		b.checkFires(t, "date", d, "the event would never fire")
		n.Turn = b.sc.Setup.TurnOf(d)
	}
	n.CapturedPlace = t.Str("captured", false)
	if n.CapturedPlace != "" {
		if _, ok := b.places[n.CapturedPlace]; !ok {
			t.Errorf("captured", "names place %q, which no [[place]] defines%s", n.CapturedPlace, DidYouMean(n.CapturedPlace, sortedKeys(b.places)))
		}
	}
	n.CapturedBy = b.sideRef(t, "by", false)
	if n.Turn == 0 && n.CapturedPlace == "" {
		t.Errorf("", "needs a date or a captured place to fire on")
	}
	n.MoraleSide = b.sideRef(t, "morale_side", false)
	n.Morale = t.Int("morale", false, 0, -50, 50)
	t.Done()
	return n
}

func (b *build) readHistory(t *Table) History {
	h := History{Summary: t.Str("summary", true), Epilogue: t.Str("epilogue", true)}
	h.Source = b.sourceRef(t, "source", true)
	if w := t.Str("winner", true); w != "draw" {
		if w != "" && !b.sides[w] {
			t.Errorf("winner", "names side %q, which no [[side]] defines (or use \"draw\")%s", w, DidYouMean(w, append(sortedKeys(b.sides), "draw")))
		}
		h.Winner = w
	}
	if holds := t.Sub("holds", false); holds != nil {
		h.Holds = map[string]string{}
		for _, place := range holds.keys() {
			side := holds.Str(place, false)
			if _, ok := b.places[place]; !ok {
				holds.Errorf(place, "is not a place of this scenario%s", DidYouMean(place, sortedKeys(b.places)))
			}
			if side != "" && !b.sides[side] {
				holds.Errorf(place, "names side %q, which no [[side]] defines%s", side, DidYouMean(side, sortedKeys(b.sides)))
			}
			h.Holds[place] = side
		}
		holds.Done()
	}
	for _, ct := range t.Tables("checkpoint") {
		if c, in := b.readCheckpoint(ct); in {
			h.Course = append(h.Course, c)
		}
	}
	slices.SortStableFunc(h.Course, func(a, b Checkpoint) int { return a.Turn - b.Turn })
	h.Steps = b.readSteps(t)
	for _, lt := range t.Tables("loss") {
		h.Losses = append(h.Losses, b.readLoss(lt))
	}
	t.Done()
	return h
}

// readLoss reads one [[history.loss]]: side, men (or "" when the source
// gives no number), what the figure counts, its source and a note.
func (b *build) readLoss(t *Table) Loss {
	l := Loss{Side: b.sideRef(t, "side", true), Men: t.Int("men", false, -1, 0, 1000000), Counts: t.Text("counts", true),
		Source: b.sourceRef(t, "source", true), Note: t.Text("note", false)}
	t.Done()
	return l
}

// readCheckpoint reads one [[history.checkpoint]]: place, held_by (a side,
// or "" for nobody), on (a date within the scenario; without it, the end),
// source and note. A checkpoint is judged at the start of its date's turn,
// one at the end after the last turn. in is false for a checkpoint outside
// a span that overrides moved.
func (b *build) readCheckpoint(t *Table) (c Checkpoint, in bool) {
	c = Checkpoint{Place: t.Str("place", true), Side: t.Str("held_by", true), Turn: b.sc.Turns + 1,
		Source: b.sourceRef(t, "source", true), Note: t.Str("note", false)}
	if _, ok := b.places[c.Place]; !ok && c.Place != "" {
		t.Errorf("place", "names place %q, which no [[place]] defines%s", c.Place, DidYouMean(c.Place, sortedKeys(b.places)))
	}
	if c.Side != "" && !b.sides[c.Side] {
		t.Errorf("held_by", "names side %q, which no [[side]] defines (or \"\" for nobody)%s", c.Side, DidYouMean(c.Side, sortedKeys(b.sides)))
	}
	on, ok, in := b.recordDate(t, false)
	if ok {
		c.On, c.Turn = on, b.sc.Setup.TurnOf(on)
	} else {
		c.On = b.lastDay
	}
	t.Done()
	return c, in
}
