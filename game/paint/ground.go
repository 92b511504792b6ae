package paint

import (
	"ili/game/hex"
	"ili/game/rules"
	"image/color"
	"math"
	"slices"
)

// Hexes fills every hex of the map with its terrain colour, mottled
// lighter and darker smoothly across hexes (mottle), the colours of
// neighbouring land blended at the hexes' corners so that the ground runs
// on as on a map rather than in tiles (water keeps its shore); hills,
// mountains, passes and glaciers shaded in light from the north-west (see
// relief); hexes out of sight dimmed; with grid, each hex outlined by a
// thin band inside its edge, drawn with it; then the texture of its ground
// where there is room (see texture). All in batches of plain triangles,
// few enough that the window can redraw the ground at a change of zoom
// within a frame (Ebiten keeps a frame's vertices, and the buffer at its
// largest after).
func Hexes(cv Canvas, b *Batch, m *rules.Map, visible []bool, cam Camera, pal *Palette, grid bool) {
	w, h := cv.Size()
	rim := 0.0 // the grid, drawn with each hex
	if grid && cam.Scale >= 8 {
		rim = 0.5
	}
	g := groundOf(m, pal)
	r := cam.Scale
	on := func(sx, sy float64) bool {
		return sx >= -r && sy >= -r && sx <= float64(w)+r && sy <= float64(h)+r
	}
	for i := range m.Terrain {
		sx, sy := cam.ToScreen(Unit.Center(m.HexAt(i)))
		if !on(sx, sy) {
			continue
		}
		centre, corners := g.centre[i], g.corner[i]
		if visible != nil && !visible[i] {
			centre = Shade(centre, FogShade) // out of sight: dimmed
			for k := range corners {
				corners[k] = Shade(corners[k], FogShade)
			}
		}
		b.hexShaded(sx, sy, r, centre, &corners, rim, pal.Grid)
	}
	for i, ter := range m.Terrain {
		hx := m.HexAt(i)
		sx, sy := cam.ToScreen(Unit.Center(hx))
		if !on(sx, sy) {
			continue
		}
		c := pal.Terrain[ter]
		if visible != nil && !visible[i] {
			c = Shade(c, FogShade)
		}
		b.texture(m, hx, ter, cam, c, mix(uint32(i)*7919), pal, rim)
	}
	b.Flush()
}

// mottle is how light the ground is drawn at world point (x, y), from
// 0.96 to 1.04: value noise of two sizes, a few hexes and about one, the
// same wherever it is asked for, so that it runs on across hexes.
func mottle(x, y float64) float64 {
	return 0.96 + 0.05*valueNoise(x/3.1, y/3.1, 0x3c6ef372) + 0.03*valueNoise(x/1.1, y/1.1, 0xa54ff53a)
}

// valueNoise is smooth noise from 0 to 1 over the plane, from values
// hashed at the whole points and blended between them.
func valueNoise(x, y float64, salt uint32) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := x-x0, y-y0
	sx, sy := fx*fx*(3-2*fx), fy*fy*(3-2*fy)
	v := func(i, j float64) float64 {
		return float64(mix(uint32(int32(i))*0x8da6b343^uint32(int32(j))*0xd8163841^salt)%1024) / 1023
	}
	a := v(x0, y0) + (v(x0+1, y0)-v(x0, y0))*sx
	b := v(x0, y0+1) + (v(x0+1, y0+1)-v(x0, y0+1))*sx
	return a + (b-a)*sy
}

// blendLand is how far the ground's colour at a hex's corner goes towards
// the mean of the land that meets there.
const blendLand = 0.5

// cornerColour is the colour of hex h (ground ter, coloured c) at its
// corner k: c mixed with the land that meets there, water not mixed.
func cornerColour(m *rules.Map, h hex.Hex, ter rules.Terrain, c color.RGBA, k int, pal *Palette) color.RGBA {
	if ter == rules.Lake {
		return c
	}
	sum := [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	n := 1.0
	for _, d := range cornerHexes[k] {
		t := m.At(h.Neighbor(d))
		if t >= rules.NumTerrain || t == rules.Lake {
			continue
		}
		o := pal.Terrain[t]
		sum[0], sum[1], sum[2] = sum[0]+float64(o.R), sum[1]+float64(o.G), sum[2]+float64(o.B)
		n++
	}
	if n == 1 {
		return c
	}
	mean := color.RGBA{uint8(sum[0]/n + 0.5), uint8(sum[1]/n + 0.5), uint8(sum[2]/n + 0.5), 255}
	return lerp(c, mean, blendLand)
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

// Lines draws rivers along hex sides, as wide as they are large (a major
// river about three times a minor one), then roads between hex centres: a
// road a light line cased in a dark one, a track a thin dashed line.
// Segments wholly off the canvas are left out.
func Lines(cv Canvas, b *Batch, m *rules.Map, cam Camera, pal *Palette) {
	cw, ch := cv.Size()
	r := cam.Scale
	off := func(x0, y0, x1, y1, pad float64) bool {
		return max(x0, x1) < -pad || max(y0, y1) < -pad || min(x0, x1) > float64(cw)+pad || min(y0, y1) > float64(ch)+pad
	}
	g := groundOf(m, pal)
	bends := map[[2]float64]bool{}
	for _, e := range g.rivers {
		x0, y0, x1, y1 := EdgeSegment(cam, e.A, e.B)
		width := math.Max(1, r/10)
		if m.Rivers[e] == rules.MajorRiver {
			width = math.Max(2.2, r/3.6)
		}
		if off(x0, y0, x1, y1, width) {
			continue
		}
		b.Line(x0, y0, x1, y1, width, pal.River)
		if width >= 4 { // round the bends of a wide river
			for _, p := range [2][2]float64{{x0, y0}, {x1, y1}} {
				if !bends[p] {
					bends[p] = true
					b.knot(p[0], p[1], width/2, pal.River)
				}
			}
		}
	}
	b.Flush()
	type seg struct{ x0, y0, x1, y1 float64 }
	var roads, tracks []seg
	for _, e := range g.roads {
		x0, y0 := cam.ToScreen(Unit.Center(e.A))
		x1, y1 := cam.ToScreen(Unit.Center(e.B))
		if off(x0, y0, x1, y1, r) {
			continue
		}
		if m.Roads[e] == rules.Track {
			tracks = append(tracks, seg{x0, y0, x1, y1})
		} else {
			roads = append(roads, seg{x0, y0, x1, y1})
		}
	}
	tw := math.Max(1.2, r/12)
	dash, gap := math.Max(3, r*0.32), math.Max(2, r*0.2)
	for _, s := range tracks {
		dashed(b, s.x0, s.y0, s.x1, s.y1, tw, dash, gap, pal.Track)
	}
	rw := math.Max(2.2, r/6)  // the road's fill
	cs := math.Max(0.9, r/22) // its casing, each side
	for _, pass := range []struct {
		w float64
		c color.RGBA
	}{{rw + 2*cs, pal.RoadCase}, {rw, pal.Road}} {
		joins := map[[2]float64]bool{}
		for _, s := range roads {
			b.Line(s.x0, s.y0, s.x1, s.y1, pass.w, pass.c)
			if rw < 3 {
				continue
			}
			for _, p := range [2][2]float64{{s.x0, s.y0}, {s.x1, s.y1}} {
				if !joins[p] { // joins without notches, one to a hex
					joins[p] = true
					b.knot(p[0], p[1], pass.w/2, pass.c)
				}
			}
		}
	}
	b.Flush()
}

// knot adds a small filled octagon of radius rad at (x, y): the round join
// of thick lines, cheaper than a Disc.
func (b *Batch) knot(x, y, rad float64, c color.RGBA) {
	base := b.room(8)
	for k := range 8 {
		a := (float64(k) + 0.5) * math.Pi / 4
		b.vs = append(b.vs, vertex(x+rad*math.Cos(a), y+rad*math.Sin(a), c))
	}
	for k := uint16(1); k < 7; k++ {
		b.is = append(b.is, base, base+k, base+k+1)
	}
}

// dashed adds a dashed line from (x0, y0) to (x1, y1), w wide, in dashes
// and gaps of the lengths given, centred on the segment so that dashes of
// joined segments meet at hex centres alike.
func dashed(b *Batch, x0, y0, x1, y1, w, dash, gap float64, c color.RGBA) {
	n := math.Hypot(x1-x0, y1-y0)
	if n == 0 {
		return
	}
	ux, uy := (x1-x0)/n, (y1-y0)/n
	k := math.Max(1, math.Round((n+gap)/(dash+gap)))
	d := (n + gap) / k // dash and gap, stretched to fit a whole number
	dl := d * dash / (dash + gap)
	for t := 0.0; t+dl <= n+1e-6; t += d {
		b.Line(x0+ux*t, y0+uy*t, x0+ux*(t+dl), y0+uy*(t+dl), w, c)
	}
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
