package mapgen

import (
	"fmt"
	"math"
	"strings"

	"ili/game/scenario"
)

// A shapes file is TOML, read as strictly as a scenario (every mistake at
// its line and column): [[area]] tables paint the ground in the order they
// come, each over the ones before; [[river]] and [[road]] tables are lines
// of points; [[place]] tables are named points to find on the grid.
//
//	[[area]]
//	terrain = "mountain"          # plain, farm, desert, hills, mountain, pass, glacier, marsh, lake, town, city
//	polygon = [[44.55, 80.6], [44.55, 81.6], [44.3, 81.6]]   # [lat, lon] corners
//	# or: box = [[lat, lon], [lat, lon]] (two corners); disc = [lat, lon] with radius_km;
//	# strip = [[lat, lon], ...] with width_km (a line); point = [lat, lon] (one hex)
//
//	[[river]]
//	name = "Ili River"
//	size = "major"                # or "minor"
//	points = [[43.88, 81.21], [43.87, 81.35]]
//
//	[[road]]
//	name = "Road to Suiding"
//	kind = "road"                 # or "track"
//	points = [[43.91, 81.28], [44.07, 80.87]]
//
//	[[place]]
//	id = "airfield"
//	at = [43.95, 81.28]

// ShapeKeys are the keys a shapes file's tables take, for the reference.
var ShapeKeys = map[string][]string{
	"area":  {"terrain", "polygon", "box", "disc", "radius_km", "strip", "width_km", "point", "note"},
	"river": {"name", "size", "points", "note"},
	"road":  {"name", "kind", "points", "note"},
	"place": {"id", "at", "note"},
}

// Read draws the shapes of a shapes file onto g, in the file's order, and
// returns every mistake in it (scenario.Errors) or nil.
func Read(file string, src []byte, g *Grid) error {
	r, doc := scenario.Decode(file, src)
	if doc == nil {
		return r.Err()
	}
	root := r.Table("", "the shapes file", doc)
	for _, t := range root.Tables("area") {
		readArea(t, g)
	}
	for _, t := range root.Tables("river") {
		name := t.Str("name", false)
		t.Name("river", name)
		size := []string{"major", "minor"}[max(0, t.Choice("size", true, "major", "minor"))]
		pts, ok := points(t, "points", true, 2)
		t.Text("note", false)
		t.Done()
		if ok {
			g.River(name, size, pts)
		}
	}
	for _, t := range root.Tables("road") {
		name := t.Str("name", false)
		t.Name("road", name)
		kind := []string{"road", "track"}[max(0, t.Choice("kind", true, "road", "track"))]
		pts, ok := points(t, "points", true, 2)
		t.Text("note", false)
		t.Done()
		if ok {
			g.Road(name, kind, pts)
		}
	}
	for _, t := range root.Tables("place") {
		id := t.Str("id", true)
		t.Name("place", id)
		pts, ok := points(t, "at", true, 1)
		t.Text("note", false)
		t.Done()
		if ok {
			g.Mark(id, pts[0])
		}
	}
	root.Done()
	return r.Err()
}

// readArea paints one [[area]]: its terrain over the hexes of its one shape.
func readArea(t *scenario.Table, g *Grid) {
	terrains := Terrains()
	terrain := ""
	if i := t.Choice("terrain", true, terrains...); i >= 0 {
		terrain = terrains[i]
	}
	var shapes []string
	for _, k := range []string{"polygon", "box", "disc", "strip", "point"} {
		if t.Has(k) {
			shapes = append(shapes, k)
		}
	}
	t.Text("note", false)
	if len(shapes) != 1 {
		if len(shapes) == 0 {
			t.Errorf("", "has no shape; give one of polygon, box, disc, strip or point")
		} else {
			t.Errorf(shapes[1], "is a second shape beside %s; give each [[area]] one shape", shapes[0])
		}
		for _, k := range []string{"polygon", "box", "disc", "strip", "point", "radius_km", "width_km"} {
			t.Get(k, false) // read, so that only the one mistake is told
		}
		t.Done()
		return
	}
	shape := shapes[0]
	var pts []Point
	var ok bool
	switch shape {
	case "polygon":
		pts, ok = points(t, "polygon", true, 3)
	case "box":
		if pts, ok = points(t, "box", true, 2); ok && len(pts) != 2 {
			t.Errorf("box", "has %d corners; give two, [[lat, lon], [lat, lon]]", len(pts))
			ok = false
		}
	case "disc", "point":
		pts, ok = points(t, shape, true, 1)
	case "strip":
		pts, ok = points(t, "strip", true, 2)
	}
	radius, width := 0.0, 0.0
	if shape == "disc" {
		radius = t.Number("radius_km", true, 0, 0.01, 2000)
	}
	if shape == "strip" {
		width = t.Number("width_km", true, 0, 0.01, 2000)
	}
	t.Done()
	if !ok || terrain == "" {
		return
	}
	switch shape {
	case "polygon":
		g.Poly(terrain, pts)
	case "box":
		g.Box(terrain, pts[0], pts[1])
	case "disc":
		g.Disc(terrain, pts[0], radius)
	case "strip":
		g.Strip(terrain, pts, width)
	case "point":
		g.Set(terrain, pts[0])
	}
}

// points reads key as [lat, lon], when least is 1 and the value is one
// pair, or as a list of at least least [lat, lon] pairs.
func points(t *scenario.Table, key string, required bool, least int) ([]Point, bool) {
	v, ok := t.Get(key, required)
	if !ok {
		return nil, false
	}
	list, isList := v.([]any)
	if !isList {
		t.Errorf(key, "must be a list of [lat, lon] pairs in decimal degrees, such as [[43.91, 81.28], [44.07, 80.87]]")
		return nil, false
	}
	if least == 1 {
		if p, ok := pair(list); ok {
			return []Point{p}, true
		}
		if len(list) != 1 {
			t.Errorf(key, "must be one point, [lat, lon] in decimal degrees, such as [43.95, 81.28]")
			return nil, false
		}
	}
	var out []Point
	for i, item := range list {
		l, _ := item.([]any)
		p, ok := pair(l)
		if !ok {
			t.Errorf(key, "has item %d, %s, which is not [lat, lon] in decimal degrees (latitude -90 to 90, longitude -180 to 180)", i+1, show(item))
			return nil, false
		}
		out = append(out, p)
	}
	if len(out) < least {
		n := fmt.Sprintf("%d points", len(out))
		if len(out) == 1 {
			n = "1 point"
		}
		t.Errorf(key, "has %s; give at least %d", n, least)
		return nil, false
	}
	return out, true
}

// pair reads [lat, lon].
func pair(l []any) (Point, bool) {
	if len(l) != 2 {
		return Point{}, false
	}
	lat, ok1 := number(l[0])
	lon, ok2 := number(l[1])
	if !ok1 || !ok2 || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return Point{}, false
	}
	return Point{lat, lon}, true
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	case int64:
		return float64(x), true
	}
	return 0, false
}

func show(v any) string {
	s := fmt.Sprint(v)
	s = strings.NewReplacer("[", "[", " ", ", ").Replace(s)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
