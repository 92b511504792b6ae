// Package mapgen draws a scenario's map from geography: ground painted by
// shapes given in latitude and longitude (boxes, discs, polygons, strips
// along a line, single points), rivers and roads as lines of points, and
// named points, laid on the hex grid by the scenario's own projection
// (scenario.Projection: equirectangular about the origin, the centre of hex
// 0,0). It prints the [projection] and [map] of a scenario file, the rivers
// along hex edges and the roads through hexes, for an author to paste in
// (ili mapgen). It is the Go form of tools/mapgen, which the bundled maps
// were drawn with, and gives the same rows, rivers and roads.
package mapgen

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// Point is a latitude and longitude in decimal degrees.
type Point struct{ Lat, Lon float64 }

// Grid is a map being drawn: its projection, its size in hexes, the
// terrain of every hex, and the rivers, roads and places put on it.
type Grid struct {
	Proj       scenario.Projection
	Cols, Rows int
	terrain    []string // by row, then column: a terrain name
	Rivers     []River
	Roads      []Road
	Places     []Place
}

// River is a river along hex edges, each edge the pair of hexes it parts.
type River struct {
	Name, Size string
	Edges      [][2]hex.Hex
}

// Road is a road or track through neighbouring hexes.
type Road struct {
	Name, Kind string
	Path       []hex.Hex
}

// Place is a named point, found on the grid.
type Place struct {
	ID  string
	At  Point
	Hex hex.Hex
}

// New is a grid of cols x rows hexes of the projection, all of the ground
// named (a terrain name, "plain" if "").
func New(p scenario.Projection, cols, rows int, ground string) *Grid {
	if ground == "" {
		ground = "plain"
	}
	g := &Grid{Proj: p, Cols: cols, Rows: rows, terrain: make([]string, cols*rows)}
	for i := range g.terrain {
		g.terrain[i] = ground
	}
	return g
}

// Terrain is the terrain of the hex at col, row.
func (g *Grid) Terrain(col, row int) string { return g.terrain[row*g.Cols+col] }

// in reports whether a hex lies on the grid.
func (g *Grid) in(h hex.Hex) bool {
	c, r := h.Offset()
	return c >= 0 && r >= 0 && c < g.Cols && r < g.Rows
}

// xy is how far east and south of the origin a point lies, in km.
func (g *Grid) xy(p Point) (float64, float64) { return g.Proj.KmFromOrigin(p.Lat, p.Lon) }

// centre is where a hex's centre lies, in km east and south of the origin.
func (g *Grid) centre(h hex.Hex) (float64, float64) {
	l := hex.Layout{Size: g.Proj.HexKm / math.Sqrt(3)}
	return l.Center(h)
}

// paint sets to terrain every hex whose centre passes test, given in km
// east and south of the origin.
func (g *Grid) paint(terrain string, test func(x, y float64) bool) {
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			if test(g.centre(hex.FromOffset(c, r))) {
				g.terrain[r*g.Cols+c] = terrain
			}
		}
	}
}

// Box paints the hexes whose centres lie between two corners, in latitude
// and longitude.
func (g *Grid) Box(terrain string, a, b Point) {
	ax, ay := g.xy(a)
	bx, by := g.xy(b)
	x0, x1 := min(ax, bx), max(ax, bx)
	y0, y1 := min(ay, by), max(ay, by)
	g.paint(terrain, func(x, y float64) bool { return x >= x0 && x <= x1 && y >= y0 && y <= y1 })
}

// Disc paints the hexes whose centres lie within radius km of a point.
func (g *Grid) Disc(terrain string, at Point, radiusKm float64) {
	x0, y0 := g.xy(at)
	g.paint(terrain, func(x, y float64) bool { return math.Hypot(x-x0, y-y0) <= radiusKm })
}

// Poly paints the hexes whose centres lie inside a polygon (its last point
// joined to its first).
func (g *Grid) Poly(terrain string, pts []Point) {
	xs, ys := g.xys(pts)
	g.paint(terrain, func(x, y float64) bool {
		in := false
		for i := range xs {
			j := (i + 1) % len(xs)
			if (ys[i] > y) != (ys[j] > y) && x < (xs[j]-xs[i])*(y-ys[i])/(ys[j]-ys[i])+xs[i] {
				in = !in
			}
		}
		return in
	})
}

// Strip paints the hexes whose centres lie within width/2 km of a line of
// points: a valley floor, a ridge, an oasis belt.
func (g *Grid) Strip(terrain string, pts []Point, widthKm float64) {
	xs, ys := g.xys(pts)
	g.paint(terrain, func(x, y float64) bool {
		for i := 0; i+1 < len(xs); i++ {
			if segDist(x, y, xs[i], ys[i], xs[i+1], ys[i+1]) <= widthKm/2 {
				return true
			}
		}
		return false
	})
}

// Set paints the one hex a point falls in (nothing off the grid) and
// returns it.
func (g *Grid) Set(terrain string, at Point) hex.Hex {
	h := g.Proj.Hex(at.Lat, at.Lon)
	if g.in(h) {
		c, r := h.Offset()
		g.terrain[r*g.Cols+c] = terrain
	}
	return h
}

// River puts a river along every hex edge whose centre-to-centre segment
// crosses the line of points.
func (g *Grid) River(name, size string, pts []Point) {
	xs, ys := g.xys(pts)
	var edges [][2]hex.Hex
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			a := hex.FromOffset(c, r)
			ax, ay := g.centre(a)
			for _, b := range a.Neighbors() {
				if !g.in(b) || before(b, a) {
					continue
				}
				bx, by := g.centre(b)
				for i := 0; i+1 < len(xs); i++ {
					if cross(ax, ay, bx, by, xs[i], ys[i], xs[i+1], ys[i+1]) {
						edges = append(edges, [2]hex.Hex{a, b})
						break
					}
				}
			}
		}
	}
	slices.SortFunc(edges, func(p, q [2]hex.Hex) int {
		if c := offsetCompare(p[0], q[0]); c != 0 {
			return c
		}
		return offsetCompare(p[1], q[1])
	})
	g.Rivers = append(g.Rivers, River{Name: name, Size: size, Edges: edges})
}

// Road puts a road through the hexes of the points, along the hex line
// from each to the next; the parts off the grid are left out.
func (g *Grid) Road(name, kind string, pts []Point) {
	var path []hex.Hex
	for _, p := range pts {
		h := g.Proj.Hex(p.Lat, p.Lon)
		if len(path) == 0 {
			if g.in(h) {
				path = append(path, h)
			}
			continue
		}
		for _, step := range hex.Line(path[len(path)-1], h)[1:] {
			if g.in(step) {
				path = append(path, step)
			}
		}
	}
	g.Roads = append(g.Roads, Road{Name: name, Kind: kind, Path: path})
}

// Mark finds a named point on the grid, for the author to place there.
func (g *Grid) Mark(id string, at Point) {
	g.Places = append(g.Places, Place{ID: id, At: at, Hex: g.Proj.Hex(at.Lat, at.Lon)})
}

// xys are the points in km east and south of the origin.
func (g *Grid) xys(pts []Point) (xs, ys []float64) {
	for _, p := range pts {
		x, y := g.xy(p)
		xs, ys = append(xs, x), append(ys, y)
	}
	return xs, ys
}

// before orders hexes as a file lists them: by row, then column.
func before(a, b hex.Hex) bool { return offsetCompare(a, b) < 0 }

func offsetCompare(a, b hex.Hex) int {
	ac, ar := a.Offset()
	bc, br := b.Offset()
	if ar != br {
		return ar - br
	}
	return ac - bc
}

// segDist is the distance from (px, py) to the segment from a to b.
func segDist(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	l := dx*dx + dy*dy
	t := 0.0
	if l > 0 {
		t = max(0, min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-ax-t*dx, py-ay-t*dy)
}

// cross reports whether the segments p1-p2 and q1-q2 cross.
func cross(p1x, p1y, p2x, p2y, q1x, q1y, q2x, q2y float64) bool {
	orient := func(ax, ay, bx, by, cx, cy float64) float64 {
		return float64(float64((bx-ax)*(cy-ay)) - float64((by-ay)*(cx-ax)))
	}
	d1, d2 := orient(q1x, q1y, q2x, q2y, p1x, p1y), orient(q1x, q1y, q2x, q2y, p2x, p2y)
	d3, d4 := orient(p1x, p1y, p2x, p2y, q1x, q1y), orient(p1x, p1y, p2x, p2y, q2x, q2y)
	return (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0)
}

// letters are the default legend's letters for each terrain name.
var letters = map[string]string{"plain": ".", "farm": "f", "desert": "d", "hills": "h", "mountain": "m", "pass": "p",
	"glacier": "g", "marsh": "w", "lake": "~", "town": "t", "city": "c"}

// Terrains are the terrain names a shape may paint, in the rules' order.
func Terrains() []string {
	var out []string
	for _, name := range rules.TerrainNames() {
		if letters[name] != "" {
			out = append(out, name)
		}
	}
	return out
}

// WriteTOML writes the grid as the parts of a scenario file: the hex size
// and the [projection] (as comments and keys to paste), the [map] with its
// rows, every [[map.river]] and [[map.road]], then, as comments, where each
// named point falls and the roads that cross ground no unit can enter.
func (g *Grid) WriteTOML(w io.Writer, command string) {
	var b strings.Builder
	if command != "" {
		fmt.Fprintf(&b, "# Drawn by: %s\n", command)
	}
	fmt.Fprintf(&b, "# At the top of the file, beside id and title:\n# hex_km = %s\n\n", num(g.Proj.HexKm))
	b.WriteString("[projection]\n")
	fmt.Fprintf(&b, "origin_lat = %s\norigin_lon = %s\n", num(g.Proj.OriginLat), num(g.Proj.OriginLon))
	if g.Proj.StandardLat != 0 {
		fmt.Fprintf(&b, "standard_lat = %s\n", num(g.Proj.StandardLat))
	}
	fmt.Fprintf(&b, "\n[map]\nwidth = %d\nheight = %d\nrows = [\n", g.Cols, g.Rows)
	for r := 0; r < g.Rows; r++ {
		var row strings.Builder
		for c := 0; c < g.Cols; c++ {
			row.WriteString(letters[g.Terrain(c, r)])
		}
		fmt.Fprintf(&b, "  %q,\n", row.String())
	}
	b.WriteString("]\n")
	for _, rv := range g.Rivers {
		if len(rv.Edges) == 0 {
			continue // warned of below
		}
		b.WriteString("\n[[map.river]]\n")
		if rv.Name != "" {
			fmt.Fprintf(&b, "name = %q\n", rv.Name)
		}
		fmt.Fprintf(&b, "size = %q\nedges = [\n", rv.Size)
		var items []string
		for _, e := range rv.Edges {
			ac, ar := e[0].Offset()
			bc, br := e[1].Offset()
			items = append(items, fmt.Sprintf("[%d,%d, %d,%d],", ac, ar, bc, br))
		}
		wrapItems(&b, items)
		b.WriteString("]\n")
	}
	for _, rd := range g.Roads {
		if len(rd.Path) < 2 {
			continue // warned of below
		}
		b.WriteString("\n[[map.road]]\n")
		if rd.Name != "" {
			fmt.Fprintf(&b, "name = %q\n", rd.Name)
		}
		fmt.Fprintf(&b, "kind = %q\npath = [\n", rd.Kind)
		var items []string
		for _, h := range rd.Path {
			c, r := h.Offset()
			items = append(items, fmt.Sprintf("[%d,%d],", c, r))
		}
		wrapItems(&b, items)
		b.WriteString("]\n")
	}
	if len(g.Places) > 0 {
		b.WriteString("\n# Where the named points fall (hex = [col, row] for a [[place]]):\n")
		for _, pl := range g.Places {
			c, r := pl.Hex.Offset()
			if !g.in(pl.Hex) {
				fmt.Fprintf(&b, "# %s: off the map (it would be hex %d,%d)\n", pl.ID, c, r)
				continue
			}
			fmt.Fprintf(&b, "# %s: hex = [%d, %d], %s\n", pl.ID, c, r, g.Terrain(c, r))
		}
	}
	for _, warn := range g.Warnings() {
		fmt.Fprintf(&b, "# WARNING: %s\n", warn)
	}
	io.WriteString(w, b.String())
}

// Warnings are what the drawing leaves for the author to mend: a road that
// crosses ground no unit can enter, or that has no hex on the map; a river
// with no edge on it.
func (g *Grid) Warnings() []string {
	var out []string
	for i, rd := range g.Roads {
		var bad []string
		for _, h := range rd.Path {
			c, r := h.Offset()
			if t, ok := rules.ParseTerrain(g.Terrain(c, r)); ok && t.Info().Impassable {
				bad = append(bad, fmt.Sprintf("%d,%d (%s)", c, r, g.Terrain(c, r)))
			}
		}
		name := rd.Name
		if name == "" {
			name = fmt.Sprintf("number %d", i+1)
		}
		switch {
		case len(rd.Path) < 2:
			out = append(out, fmt.Sprintf("road %s has fewer than two hexes on the map and is left out; check its points", name))
		case len(bad) > 0:
			out = append(out, fmt.Sprintf("road %s crosses ground no unit can enter at %s; move its points or paint that ground", name, strings.Join(bad, ", ")))
		}
	}
	for i, rv := range g.Rivers {
		if len(rv.Edges) == 0 {
			name := rv.Name
			if name == "" {
				name = fmt.Sprintf("number %d", i+1)
			}
			out = append(out, fmt.Sprintf("river %s runs along no hex edge of the map and is left out; check its points", name))
		}
	}
	return out
}

// wrapItems writes items in lines of at most 100 characters, each
// indented two spaces.
func wrapItems(b *strings.Builder, items []string) {
	line := " "
	for _, it := range items {
		if len(line)+1+len(it) > 100 {
			b.WriteString(line + "\n")
			line = " "
		}
		line += " " + it
	}
	if line != " " {
		b.WriteString(line + "\n")
	}
}

// num writes a number as briefly as it reads back exactly.
func num(v float64) string { return fmt.Sprint(v) }
