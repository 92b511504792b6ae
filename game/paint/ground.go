package paint

import (
	"ili/game/hex"
	"ili/game/rules"
	"image/color"
	"math"
	"slices"
)

// Hexes fills every hex of the map with its terrain colour (high ground
// shaded on its east faces, hexes out of sight dimmed) and the symbol of
// its ground when there is room, with the grid as a thin ring inside each
// hex, in batches of plain triangles.
func Hexes(cv Canvas, b *Batch, m *rules.Map, visible []bool, cam Camera, pal *Palette, grid bool) {
	w, h := cv.Size()
	grid = grid && cam.Scale >= 8
	for i, ter := range m.Terrain {
		cx, cy := Unit.Center(m.HexAt(i))
		sx, sy := cam.ToScreen(cx, cy)
		r := cam.Scale
		if sx < -r || sy < -r || sx > float64(w)+r || sy > float64(h)+r {
			continue
		}
		// Each hex a shade lighter or darker than the next, by a hash of its
		// place, so that broad stretches of one ground do not look flat.
		c := Shade(pal.Terrain[ter], 0.97+0.012*float64(mix(uint32(i))%6))
		if visible != nil && !visible[i] {
			c = Shade(c, FogShade) // out of sight: dimmed
		}
		edge := c
		if ter.Info().Height >= 2 {
			edge = Shade(c, 0.82) // relief: the east faces in shadow
		}
		b.Hex(sx, sy, r, c, edge)
		b.symbol(ter, sx, sy, r, c, mix(uint32(i)*7919))
		if grid {
			b.Ring(sx, sy, r, 0.5, pal.Grid)
		}
	}
	b.Flush()
}

// mix scrambles a hex's index into a stable pseudo-random number for the
// map's texture (not the game's RNG: it draws, it decides nothing).
func mix(x uint32) uint32 {
	x ^= x >> 16
	x *= 0x7feb352d
	x ^= x >> 15
	x *= 0x846ca68b
	x ^= x >> 16
	return x
}

// symbol adds the map symbol of ground ter to a hex of radius r at (x, y)
// filled with c: peaks for mountains, a brow for hills, )( for a pass,
// furrows for farmland, dots for desert, tufts for marsh and blocks for
// towns and cities, kept faint so that counters stand out. Small hexes get
// only the towns' blocks.
func (b *Batch) symbol(ter rules.Terrain, x, y, r float64, c color.RGBA, seed uint32) {
	ink := Shade(c, 0.62)
	w := math.Max(1, r/12)
	jx := (float64(seed%7) - 3) * r * 0.04 // symbols not all in one spot
	switch {
	case ter == rules.Town && r >= 8:
		for _, o := range [][2]float64{{-0.25, -0.1}, {0.05, 0.1}} {
			b.Rect(x+o[0]*r+jx, y+o[1]*r, r*0.18, r*0.14, Shade(c, 0.8))
		}
	case ter == rules.City && r >= 8:
		for _, o := range [][2]float64{{-0.3, -0.25}, {0.05, -0.3}, {-0.2, 0.1}, {0.15, 0.05}} {
			b.Rect(x+o[0]*r+jx, y+o[1]*r, r*0.2, r*0.15, Shade(c, 0.75))
		}
	case r < 12:
	case ter == rules.Mountain:
		px := x + jx
		b.Line(px-r*0.35, y+r*0.2, px, y-r*0.3, w, ink)
		b.Line(px, y-r*0.3, px+r*0.35, y+r*0.2, w, ink)
	case ter == rules.Hills:
		px := x + jx
		b.Line(px-r*0.3, y+r*0.1, px-r*0.1, y-r*0.1, w, ink)
		b.Line(px-r*0.1, y-r*0.1, px+r*0.1, y-r*0.1, w, ink)
		b.Line(px+r*0.1, y-r*0.1, px+r*0.3, y+r*0.1, w, ink)
	case ter == rules.Pass:
		for _, d := range []float64{-1, 1} {
			x0, x1 := x+d*r*0.32, x+d*r*0.14
			b.Line(x0, y-r*0.35, x1, y, w, Shade(c, 0.45))
			b.Line(x1, y, x0, y+r*0.35, w, Shade(c, 0.45))
		}
	case ter == rules.Farm:
		for k := -1; k <= 1; k++ {
			fy := y + float64(k)*r*0.22
			b.Line(x-r*0.4, fy, x+r*0.4, fy, w*0.8, Shade(c, 0.85))
		}
	case ter == rules.Desert:
		for k := 0; k < 4; k++ {
			s := mix(seed + uint32(k))
			dx := (float64(s%100)/100 - 0.5) * r
			dy := (float64(s/100%100)/100 - 0.5) * r
			b.Rect(x+dx, y+dy, w*1.5, w*1.5, Shade(c, 0.8))
		}
	case ter == rules.Marsh:
		for _, o := range []float64{-0.25, 0.05, 0.3} {
			tx, ty := x+o*r+jx, y+o*r*0.5
			b.Line(tx, ty, tx, ty-r*0.2, w, ink)
			b.Line(tx, ty, tx-r*0.1, ty-r*0.15, w, ink)
			b.Line(tx, ty, tx+r*0.1, ty-r*0.15, w, ink)
		}
	}
}

// EdgeSegment returns the screen segment of the side shared by a and b.
func EdgeSegment(cam Camera, a, b hex.Hex) (x0, y0, x1, y1 float64) {
	d := a.DirectionTo(b)
	// Direction d (0 = east) is the side between corners d-1 and d... in the
	// corner numbering of hex.Layout.Corner (corner 0 at -30 degrees).
	c0 := (6 - d) % 6
	c1 := (c0 + 1) % 6
	ax, ay := Unit.Corner(a, c0)
	bx, by := Unit.Corner(a, c1)
	x0, y0 = cam.ToScreen(ax, ay)
	x1, y1 = cam.ToScreen(bx, by)
	return
}

// Lines draws rivers along hex sides and roads between hex centres.
func Lines(cv Canvas, b *Batch, m *rules.Map, cam Camera, pal *Palette) {
	w := math.Max(1.5, cam.Scale/6)
	edges := make([]rules.Edge, 0, len(m.Rivers))
	for e := range m.Rivers {
		edges = append(edges, e)
	}
	SortEdges(edges)
	for _, e := range edges {
		x0, y0, x1, y1 := EdgeSegment(cam, e.A, e.B)
		width := w
		if m.Rivers[e] == rules.MajorRiver {
			width *= 1.8
		}
		b.Line(x0, y0, x1, y1, width, pal.River)
	}
	b.Flush()
	edges = edges[:0]
	for e := range m.Roads {
		edges = append(edges, e)
	}
	SortEdges(edges)
	for _, e := range edges {
		ax, ay := Unit.Center(e.A)
		bx, by := Unit.Center(e.B)
		x0, y0 := cam.ToScreen(ax, ay)
		x1, y1 := cam.ToScreen(bx, by)
		c, width := pal.Road, w
		if m.Roads[e] == rules.Track {
			c, width = pal.Track, w*0.6
		}
		b.Line(x0, y0, x1, y1, width, c)
	}
	b.Flush()
}

// SortEdges puts edges in a fixed order, so that a map is drawn the same
// every time.
func SortEdges(es []rules.Edge) {
	slices.SortFunc(es, func(a, b rules.Edge) int {
		if c := hex.Compare(a.A, b.A); c != 0 {
			return c
		}
		return hex.Compare(a.B, b.B)
	})
}

// FogShade dims the ground a side cannot see.
const FogShade = 0.78
