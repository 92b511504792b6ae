package paint

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"ili/game/hex"
	"ili/game/rules"
)

// texture adds the pattern of ground ter to hex h, seen through cam, whose
// ground colour is c, drawn as maps of the country draw it and more finely
// the larger the hex: a patchwork of fields with rows of poplars in the
// oases, streets of houses in towns and cities, and rows of standing water
// in marshes, all three laid on the world so that they run on from hex to
// hex; stippled sand and dunes in the desert, peaks on mountains and
// glaciers (with crevasses), rounded hills, the sign of a pass, the shore
// and its waterline on lakes, tufts of grass on the steppe. It is kept
// faint, a little darker or lighter than the ground, so that counters,
// names and places stand out; hexes smaller than 6 pixels get only the
// towns' blocks. seed, from the hex's place, scatters the patterns; the
// patterns laid on the world stay rim pixels inside the hex's edge (the
// grid's band). Each hex gets a few vertices only, about ten on average at
// the opening zoom, as the window pays for every vertex of a frame.
func (b *Batch) texture(m *rules.Map, h hex.Hex, ter rules.Terrain, cam Camera, c color.RGBA, seed uint32, pal *Palette, rim float64) {
	x, y := cam.ToScreen(Unit.Center(h))
	r := cam.Scale
	w := math.Max(1, r/14) // a stroke
	jx := (float64(seed%7) - 3) * r * 0.04
	switch {
	case (ter == rules.Town || ter == rules.City) && r >= 10:
		b.blocks(cam, h, ter, c, rim)
	case ter == rules.Town && r >= 5:
		ink := Shade(c, 0.72)
		for _, o := range [][2]float64{{-0.28, -0.12}, {0.04, 0.06}, {-0.12, 0.28}} {
			b.Rect(x+o[0]*r+jx, y+o[1]*r, r*0.2, r*0.15, ink)
		}
	case ter == rules.City && r >= 5:
		ink := Shade(c, 0.68)
		for _, o := range [][2]float64{{-0.42, -0.36}, {-0.1, -0.4}, {0.2, -0.32}, {-0.46, -0.06}, {-0.14, -0.06}, {0.18, -0.02}, {-0.32, 0.24}, {0, 0.26}, {0.3, 0.28}} {
			b.Rect(x+o[0]*r, y+o[1]*r, r*0.24, r*0.2, ink)
		}
	case r < 6:
	case ter == rules.Farm && r >= 9:
		b.fields(cam, h, c, rim)
	case ter == rules.Desert:
		b.sand(x, y, r, c, seed)
	case ter == rules.Marsh:
		b.marsh(cam, h, c, seed, pal, rim)
	case ter == rules.Glacier:
		if r >= 11 {
			b.peaks(x, y, r, c, seed, 0.9, 0.28)
		}
		ink := lerp(c, color.RGBA{120, 160, 205, 255}, 0.5)
		if r >= 14 {
			for k := range 2 {
				s := mix(seed + uint32(k)*31)
				cx := x + (float64(s%100)/100-0.5)*r*0.8
				cy := y + r*0.3 + (float64(s/100%100)/100-0.5)*r*0.3
				b.Line(cx-r*0.14, cy-r*0.04, cx+r*0.14, cy+r*0.04, w*0.7, ink)
			}
		}
	case ter == rules.Lake:
		b.shore(m, h, x, y, r, c)
	case ter == rules.Plain && r >= 16 && seed%3 == 0:
		ink := Shade(c, 0.86)
		n := 1 // a tuft in a hex in three, two in a large one
		if r >= 40 {
			n = 2
		}
		for k := range n {
			s := mix(seed + uint32(k)*17)
			tx := x + (float64(s%100)/100-0.5)*r*1.1
			ty := y + (float64(s/100%100)/100-0.5)*r*1.1
			b.tuft(tx, ty, r*0.09, w*0.7, ink)
		}
	case ter == rules.Pass && r >= 9:
		ink := Shade(c, 0.5)
		for _, d := range []float64{-1, 1} {
			x0, x1 := x+d*r*0.3, x+d*r*0.13
			b.Line(x0, y-r*0.32, x1, y, w*1.2, ink)
			b.Line(x1, y, x0, y+r*0.32, w*1.2, ink)
		}
	case ter == rules.Mountain && r >= 11:
		b.peaks(x, y, r, c, seed, 1, 0.36)
	case ter == rules.Hills && r >= 11:
		b.heights(x, y, r, c, seed, 0.4, 0.2, &hillOutline)
	}
}

// tuft adds a tuft of grass or reeds s high from (x, y): three blades,
// w wide at the foot, tapering to points.
func (b *Batch) tuft(x, y, s, w float64, c color.RGBA) {
	base := b.room(6)
	b.vs = append(b.vs, vertex(x-w/2, y, c), vertex(x+w/2, y, c), vertex(x, y-w, c),
		vertex(x-s*0.75, y-s*0.9, c), vertex(x, y-s*1.25, c), vertex(x+s*0.75, y-s*0.9, c))
	b.is = append(b.is, base, base+2, base+3, base, base+1, base+4, base+2, base+1, base+5)
}

// fields adds an oasis's fields: a patchwork of strips of crops, green,
// darker green and ripening yellow, laid on the world so that they run on
// from hex to hex, turned one way in one stretch of the oasis and another
// in the next; and in a larger hex the rows of poplars along the ditches
// between them.
func (b *Batch) fields(cam Camera, h hex.Hex, c color.RGBA, rim float64) {
	col, row := h.Offset()
	region := mix(uint32(int32(col/4))*0x85ebca6b ^ uint32(int32(row/3))*0xc2b2ae35)
	a := float64(region%6) * math.Pi / 6
	light := lerp(c, color.RGBA{225, 236, 160, 255}, 0.13)
	dark := Shade(c, 0.93)
	ripe := lerp(c, color.RGBA{222, 206, 130, 255}, 0.24)
	g := cellGrid{angle: a, du: 1.45, dv: 0.6, stagger: true}
	b.cells(cam, h, rim, g, func(i, j int) (color.RGBA, bool) {
		switch mix(uint32(int32(i))*0x27d4eb2f^uint32(int32(j))*0x165667b1^region) % 10 {
		case 4, 5, 9:
			return light, true
		case 6, 7:
			return dark, true
		case 8:
			return ripe, true
		}
		return c, false
	})
	if cam.Scale < 32 {
		return
	}
	lw := math.Max(1, cam.Scale/22) / cam.Scale
	trees := Shade(c, 0.8)
	b.cells(cam, h, rim, cellGrid{angle: a, du: 1e3, dv: 2 * g.dv, gapV: 2*g.dv - lw}, func(i, j int) (color.RGBA, bool) {
		return trees, mix(uint32(int32(j))^region)%2 == 0
	})
}

// blocks adds the blocks of houses of a town or a city, in a grid of
// streets laid on the world: a city's closely packed, a town's scattered.
func (b *Batch) blocks(cam Camera, h hex.Hex, ter rules.Terrain, c color.RGBA, rim float64) {
	if ter == rules.City {
		b.cells(cam, h, rim, cellGrid{du: 0.62, dv: 0.5, gapU: 0.11, gapV: 0.11}, func(i, j int) (color.RGBA, bool) {
			k := mix(uint32(int32(i))*0x27d4eb2f ^ uint32(int32(j))*0x165667b1)
			return Shade(c, 0.78+0.025*float64(k%4)), k%9 != 0
		})
		return
	}
	b.cells(cam, h, rim, cellGrid{du: 0.44, dv: 0.4, gapU: 0.16, gapV: 0.16, stagger: true}, func(i, j int) (color.RGBA, bool) {
		k := mix(uint32(int32(i))*0x27d4eb2f ^ uint32(int32(j))*0x165667b1 ^ 0x7a)
		return Shade(c, 0.78+0.03*float64(k%3)), k%3 == 0
	})
}

// sand adds the desert's stipple, denser the larger the hex, and at a
// larger size the crests of dunes.
func (b *Batch) sand(x, y, r float64, c color.RGBA, seed uint32) {
	dark := Shade(c, 0.76)
	// A few grains: the window pays for every vertex of a frame.
	n := 3
	switch {
	case r >= 40:
		n = 6
	case r >= 24:
		n = 4
	}
	sz := math.Max(1.1, r/16)
	for k := range n {
		s := mix(seed + uint32(k)*0x9e37)
		dx := (float64(s%1000)/1000 - 0.5) * 1.6
		dy := (float64(s/1000%1000)/1000 - 0.5) * 1.6
		if dx*dx+dy*dy > 0.7 { // keep within the hex, roughly
			dx, dy = dx*0.6, dy*0.6
		}
		gx, gy := x+dx*r, y+dy*r
		b.tri(gx-sz/2, gy+sz/2, gx+sz/2, gy+sz/2, gx, gy-sz/2, dark)
	}
	if r < 20 || seed%2 == 0 {
		return
	}
	// A dune: a crest bent like a crescent, its horns downwind (south-east).
	crest := Shade(c, 0.86)
	w := math.Max(1, r/16)
	s := mix(seed ^ 0x5bd1)
	cx := x + (float64(s%100)/100-0.5)*r*0.6
	cy := y + (float64(s/100%100)/100-0.5)*r*0.6
	base := b.room(4)
	b.vs = append(b.vs, vertex(cx-r*0.3, cy+r*0.12, crest), vertex(cx, cy-r*0.1-w, crest),
		vertex(cx+r*0.3, cy+r*0.08, crest), vertex(cx, cy-r*0.1+w, crest))
	b.is = append(b.is, base, base+1, base+3, base+1, base+2, base+3)
}

// marsh adds a marsh's sign: short strokes of standing water in rows laid
// on the world, so that they run on from hex to hex, and at a larger size
// tufts of reeds scattered over it.
func (b *Batch) marsh(cam Camera, h hex.Hex, c color.RGBA, seed uint32, pal *Palette, rim float64) {
	r := cam.Scale
	water := lerp(c, pal.River, 0.5)
	lw := math.Max(1, r/14) / r // a stroke, in world units
	b.cells(cam, h, rim, cellGrid{du: 0.55, dv: 0.4, gapU: 0.2, gapV: 0.4 - lw, stagger: true}, func(i, j int) (color.RGBA, bool) {
		return water, mix(uint32(int32(i))*0x27d4eb2f^uint32(int32(j))*0x165667b1^0x3a)%2 == 0
	})
	if r < 14 {
		return
	}
	x, y := cam.ToScreen(Unit.Center(h))
	ink := Shade(c, 0.7)
	for k := range 1 + int(seed%2) {
		s := mix(seed + uint32(k)*0x51ed27)
		tx := x + (float64(s&255)/255-0.5)*r*1.1
		ty := y + (float64(s>>8&255)/255-0.5)*r*0.9
		b.tuft(tx, ty, r*0.1, lw*r*0.8, ink)
	}
}

// shore adds a lake's shore, a darker line along each side it shares with
// land, and at a larger size the waterline within it.
func (b *Batch) shore(m *rules.Map, h hex.Hex, x, y, r float64, c color.RGBA) {
	w := math.Max(1, r/9)
	edge := Shade(c, 0.72)
	inner := lerp(c, color.RGBA{255, 255, 255, 255}, 0.28)
	for k := range 6 {
		n := h.Neighbor(sideDir[k])
		if t := m.At(n); t == rules.Lake || !m.In(n) {
			continue
		}
		k1 := (k + 1) % 6
		for _, band := range []struct {
			in, w float64
			c     color.RGBA
		}{{w / 2, w, edge}, {r * 0.22, w * 0.6, inner}} {
			if band.c == inner && r < 16 {
				continue
			}
			f := (r - band.in) / r
			b.Line(x+Corners[k][0]*r*f, y+Corners[k][1]*r*f, x+Corners[k1][0]*r*f, y+Corners[k1][1]*r*f, band.w, band.c)
		}
	}
}

// peaks adds the sign of high ground: peaks whose west faces are in the
// light and east faces in shadow, as the relief is lit; one to a small
// hex, two or three to a larger one, scattered by seed, the farther drawn
// first. height is how high they stand against a mountain's, strength how
// far their faces are mixed with the light and the shadow.
func (b *Batch) peaks(x, y, r float64, c color.RGBA, seed uint32, height, strength float64) {
	b.heights(x, y, r, c, seed, height, strength, &peakOutline)
}

// The outlines of a peak and of a hill, from the west foot over the
// summit (point 3) to the east foot, in a box 2 wide and 1 high.
var (
	peakOutline = [7][2]float64{{-1, 0}, {-0.55, -0.52}, {-0.36, -0.46}, {0, -1}, {0.32, -0.6}, {0.5, -0.64}, {1, 0}}
	hillOutline = [7][2]float64{{-1, 0}, {-0.82, -0.5}, {-0.48, -0.86}, {0, -1}, {0.48, -0.86}, {0.82, -0.5}, {1, 0}}
)

// heights draws peaks, or hills, of the outline given (see peaks).
func (b *Batch) heights(x, y, r float64, c color.RGBA, seed uint32, height, strength float64, outline *[7][2]float64) {
	type pk struct {
		dx, dy, s, top float64
		fine           bool // drawn with the whole outline, not a triangle a face
	}
	// One peak, or a second smaller one in every other hex once there is
	// room; the first drawn whole in a large hex.
	n, size := 1, 1.25
	if r >= 14 && seed>>11%2 == 0 {
		n, size = 2, 1
	}
	var ps [2]pk
	for k := range n {
		h := mix(seed + uint32(k)*0x632be5ab)
		u := func(shift uint) float64 { return float64(h>>shift&255)/255 - 0.5 } // -0.5..0.5
		ps[k] = pk{u(0) * 0.9, u(8)*0.7 + 0.18, size * (0.85 + 0.5*u(16)), 0.3 * u(24), k == 0 && r >= 20}
		if k == 1 {
			ps[k].s *= 0.75
		}
		if n == 1 {
			ps[k].dx, ps[k].dy = ps[k].dx*0.4, ps[k].dy*0.3+0.18
		}
	}
	slices.SortFunc(ps[:n], func(a, b pk) int { return cmp.Compare(a.dy, b.dy) }) // the farther first
	lightFace, darkFace := lerp(c, highlight, strength), lerp(c, shadow, strength)
	const footX = 0.18 // the line between the faces runs from the summit to here
	for _, p := range ps[:n] {
		px, py := x+p.dx*r, y+p.dy*r
		wd, ht := r*0.58*p.s, r*0.62*p.s*height
		pt := func(k int) (float64, float64) {
			ox := outline[k][0]
			if k > 0 && k < len(outline)-1 {
				ox -= p.top * outline[k][1] // the summit leans east or west
			}
			return px + ox*wd, py + outline[k][1]*ht
		}
		fx := px + footX*wd
		if !p.fine {
			// A face each side, a triangle each (what the headless painter
			// pays is the triangles' bounds, not their area).
			sx, sy := pt(3)
			b.tri(fx, py, px-wd, py, sx, sy, lightFace)
			b.tri(fx, py, sx, sy, px+wd, py, darkFace)
			continue
		}
		// Each face a fan from the foot of the line between them: the west
		// face over points 0 to 3, the east face over 3 to 6.
		for _, face := range [2]struct {
			from int
			ink  color.RGBA
		}{{0, lightFace}, {3, darkFace}} {
			base := b.room(5)
			b.vs = append(b.vs, vertex(fx, py, face.ink))
			for k := face.from; k <= face.from+3; k++ {
				ax, ay := pt(k)
				b.vs = append(b.vs, vertex(ax, ay, face.ink))
			}
			for k := uint16(1); k <= 3; k++ {
				b.is = append(b.is, base, base+k, base+k+1)
			}
		}
	}
}

// tri adds a filled triangle.
func (b *Batch) tri(ax, ay, bx, by, cx, cy float64, c color.RGBA) {
	base := b.room(3)
	b.vs = append(b.vs, vertex(ax, ay, c), vertex(bx, by, c), vertex(cx, cy, c))
	b.is = append(b.is, base, base+1, base+2)
}
