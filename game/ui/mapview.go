package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"sort"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/game/hex"
	"ili/game/rules"
)

// Camera maps world pixels (hexes of size 1 at scale 1) to the screen.
type Camera struct {
	X, Y  float64 // world point at the screen's top-left
	Scale float64 // screen pixels per world unit (the hex size)
}

// ToScreen turns a world point into a screen point.
func (c Camera) ToScreen(x, y float64) (float64, float64) {
	return (x - c.X) * c.Scale, (y - c.Y) * c.Scale
}

// ToWorld turns a screen point into a world point.
func (c Camera) ToWorld(x, y float64) (float64, float64) {
	return x/c.Scale + c.X, y/c.Scale + c.Y
}

// ZoomAt changes the scale by f keeping the world point under (sx, sy) still.
func (c *Camera) ZoomAt(f, sx, sy, min, max float64) {
	wx, wy := c.ToWorld(sx, sy)
	c.Scale = math.Max(min, math.Min(max, c.Scale*f))
	c.X, c.Y = wx-sx/c.Scale, wy-sy/c.Scale
}

var unit = hex.Layout{Size: 1}

// corners are the unit hex's corner offsets, clockwise from -30 degrees.
var corners = func() (c [6][2]float64) {
	for k := range c {
		a := math.Pi / 180 * float64(60*k-30)
		c[k] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	return c
}()

// mapBounds returns the world rectangle of a map.
func mapBounds(m *rules.Map) (x0, y0, x1, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for i := range m.Terrain {
		x, y := unit.Center(m.HexAt(i))
		x0, y0 = math.Min(x0, x-1), math.Min(y0, y-1)
		x1, y1 = math.Max(x1, x+1), math.Max(y1, y+1)
	}
	return
}

// FitCamera returns a camera showing the whole map in a w x h screen.
func FitCamera(m *rules.Map, w, h int) Camera {
	x0, y0, x1, y1 := mapBounds(m)
	s := math.Min(float64(w)/(x1-x0), float64(h)/(y1-y0))
	cx, cy := (x0+x1)/2, (y0+y1)/2
	return Camera{X: cx - float64(w)/2/s, Y: cy - float64(h)/2/s, Scale: s}
}

// whitePixel is the source image for coloured triangles.
var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(imageRect(1, 1, 2, 2)).(*ebiten.Image)
}()

// drawHexes fills every hex of the map with its terrain colour (high ground
// shaded on its east faces, hexes out of sight dimmed) and the symbol of
// its ground when there is room, with the grid as a thin ring inside each
// hex, in batches of plain triangles.
func drawHexes(dst *ebiten.Image, b *batch, m *rules.Map, visible []bool, cam Camera, pal *Palette, grid bool) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	grid = grid && cam.Scale >= 8
	for i, ter := range m.Terrain {
		cx, cy := unit.Center(m.HexAt(i))
		sx, sy := cam.ToScreen(cx, cy)
		r := cam.Scale
		if sx < -r || sy < -r || sx > float64(w)+r || sy > float64(h)+r {
			continue
		}
		// Each hex a shade lighter or darker than the next, by a hash of its
		// place, so that broad stretches of one ground do not look flat.
		c := shade(pal.Terrain[ter], 0.97+0.012*float64(mix(uint32(i))%6))
		if visible != nil && !visible[i] {
			c = shade(c, fogShade) // out of sight: dimmed
		}
		edge := c
		if ter.Info().Height >= 2 {
			edge = shade(c, 0.82) // relief: the east faces in shadow
		}
		b.hex(dst, sx, sy, r, c, edge)
		b.symbol(dst, ter, sx, sy, r, c, mix(uint32(i)*7919))
		if grid {
			b.ring(dst, sx, sy, r, 0.5, pal.Grid)
		}
	}
	b.flush(dst)
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
func (b *batch) symbol(dst *ebiten.Image, ter rules.Terrain, x, y, r float64, c color.RGBA, seed uint32) {
	ink := shade(c, 0.62)
	w := math.Max(1, r/12)
	jx := (float64(seed%7) - 3) * r * 0.04 // symbols not all in one spot
	switch {
	case ter == rules.Town && r >= 8:
		for _, o := range [][2]float64{{-0.25, -0.1}, {0.05, 0.1}} {
			b.rect(dst, x+o[0]*r+jx, y+o[1]*r, r*0.18, r*0.14, shade(c, 0.8))
		}
	case ter == rules.City && r >= 8:
		for _, o := range [][2]float64{{-0.3, -0.25}, {0.05, -0.3}, {-0.2, 0.1}, {0.15, 0.05}} {
			b.rect(dst, x+o[0]*r+jx, y+o[1]*r, r*0.2, r*0.15, shade(c, 0.75))
		}
	case r < 12:
	case ter == rules.Mountain:
		px := x + jx
		b.line(dst, px-r*0.35, y+r*0.2, px, y-r*0.3, w, ink)
		b.line(dst, px, y-r*0.3, px+r*0.35, y+r*0.2, w, ink)
	case ter == rules.Hills:
		px := x + jx
		b.line(dst, px-r*0.3, y+r*0.1, px-r*0.1, y-r*0.1, w, ink)
		b.line(dst, px-r*0.1, y-r*0.1, px+r*0.1, y-r*0.1, w, ink)
		b.line(dst, px+r*0.1, y-r*0.1, px+r*0.3, y+r*0.1, w, ink)
	case ter == rules.Pass:
		for _, d := range []float64{-1, 1} {
			x0, x1 := x+d*r*0.32, x+d*r*0.14
			b.line(dst, x0, y-r*0.35, x1, y, w, shade(c, 0.45))
			b.line(dst, x1, y, x0, y+r*0.35, w, shade(c, 0.45))
		}
	case ter == rules.Farm:
		for k := -1; k <= 1; k++ {
			fy := y + float64(k)*r*0.22
			b.line(dst, x-r*0.4, fy, x+r*0.4, fy, w*0.8, shade(c, 0.85))
		}
	case ter == rules.Desert:
		for k := 0; k < 4; k++ {
			s := mix(seed + uint32(k))
			dx := (float64(s%100)/100 - 0.5) * r
			dy := (float64(s/100%100)/100 - 0.5) * r
			b.rect(dst, x+dx, y+dy, w*1.5, w*1.5, shade(c, 0.8))
		}
	case ter == rules.Marsh:
		for _, o := range []float64{-0.25, 0.05, 0.3} {
			tx, ty := x+o*r+jx, y+o*r*0.5
			b.line(dst, tx, ty, tx, ty-r*0.2, w, ink)
			b.line(dst, tx, ty, tx-r*0.1, ty-r*0.15, w, ink)
			b.line(dst, tx, ty, tx+r*0.1, ty-r*0.15, w, ink)
		}
	}
}

func vertex(x, y float64, c color.RGBA) ebiten.Vertex {
	return ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1,
		ColorR: float32(c.R) / 255, ColorG: float32(c.G) / 255, ColorB: float32(c.B) / 255, ColorA: float32(c.A) / 255}
}

// edgeSegment returns the screen segment of the side shared by a and b.
func edgeSegment(cam Camera, a, b hex.Hex) (x0, y0, x1, y1 float64) {
	d := a.DirectionTo(b)
	// Direction d (0 = east) is the side between corners d-1 and d... in the
	// corner numbering of hex.Layout.Corner (corner 0 at -30 degrees).
	c0 := (6 - d) % 6
	c1 := (c0 + 1) % 6
	ax, ay := unit.Corner(a, c0)
	bx, by := unit.Corner(a, c1)
	x0, y0 = cam.ToScreen(ax, ay)
	x1, y1 = cam.ToScreen(bx, by)
	return
}

// drawLines draws rivers along hex sides and roads between hex centres.
func drawLines(dst *ebiten.Image, b *batch, m *rules.Map, cam Camera, pal *Palette) {
	w := math.Max(1.5, cam.Scale/6)
	edges := make([]rules.Edge, 0, len(m.Rivers))
	for e := range m.Rivers {
		edges = append(edges, e)
	}
	sortEdges(edges)
	for _, e := range edges {
		x0, y0, x1, y1 := edgeSegment(cam, e.A, e.B)
		width := w
		if m.Rivers[e] == rules.MajorRiver {
			width *= 1.8
		}
		b.line(dst, x0, y0, x1, y1, width, pal.River)
	}
	b.flush(dst)
	edges = edges[:0]
	for e := range m.Roads {
		edges = append(edges, e)
	}
	sortEdges(edges)
	for _, e := range edges {
		ax, ay := unit.Center(e.A)
		bx, by := unit.Center(e.B)
		x0, y0 := cam.ToScreen(ax, ay)
		x1, y1 := cam.ToScreen(bx, by)
		c, width := pal.Road, w
		if m.Roads[e] == rules.Track {
			c, width = pal.Track, w*0.6
		}
		b.line(dst, x0, y0, x1, y1, width, c)
	}
	b.flush(dst)
}

func sortEdges(es []rules.Edge) {
	slices.SortFunc(es, func(a, b rules.Edge) int {
		if c := hex.Compare(a.A, b.A); c != 0 {
			return c
		}
		return hex.Compare(a.B, b.B)
	})
}

// drawPlaces marks places with a square (objectives with a ringed disc) in
// the colour of the side that holds them, and their names, kept left of right
// and skipping names that would overlap one already drawn. The marks and the
// names' backgrounds go in one batch, the names after it.
func drawPlaces(dst *ebiten.Image, b *batch, v *rules.View, cam Camera, pal *Palette, face *text.GoTextFace, right float64) {
	var taken []rect
	var labels []string
	places := append([]rules.Place(nil), v.Places...)
	sort.SliceStable(places, func(i, j int) bool { return places[i].VP > places[j].VP })
	for _, p := range places {
		cx, cy := unit.Center(p.Hex)
		sx, sy := cam.ToScreen(cx, cy)
		r := math.Max(3, cam.Scale/5)
		col := color.RGBA{60, 60, 60, 255}
		if i := v.SideIndex(p.Owner); i >= 0 {
			col = pal.Sides[i%len(pal.Sides)]
		}
		if p.VP > 0 { // an objective: a disc in its holder's colour, ringed
			b.disc(dst, sx, sy, r*1.25+2.5, color.RGBA{0, 0, 0, 255})
			b.disc(dst, sx, sy, r*1.25+1.5, color.RGBA{255, 255, 255, 255})
			b.disc(dst, sx, sy, r*1.25, col)
		} else {
			b.rect(dst, sx-r-1, sy-r-1, 2*r+2, 2*r+2, color.RGBA{0, 0, 0, 255})
			b.rect(dst, sx-r, sy-r, 2*r, 2*r, col)
		}
		label := p.Name
		if p.VP > 0 {
			label = fmt.Sprintf("%s (%d)", p.Name, p.VP)
		}
		// The name goes under the hex's centre, clear of the counters there.
		tw, th := text.Measure(label, face, face.Size*1.2)
		box := rect{sx - tw/2, sy + math.Max(r+1, cam.Scale*0.42), tw, th}
		box.x = math.Max(2, math.Min(box.x, right-tw-2))
		clash := false
		for _, t := range taken {
			if t.overlaps(box) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		taken = append(taken, box)
		labels = append(labels, label)
		b.rect(dst, box.x-1, box.y, box.w+2, box.h, color.RGBA{225, 225, 222, 230}) // premultiplied, nearly opaque
	}
	b.flush(dst)
	for i, box := range taken {
		drawText(dst, labels[i], box.x, box.y, face, pal.Text)
	}
}

type rect struct{ x, y, w, h float64 }

func (a rect) overlaps(b rect) bool {
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

// drawCounters draws each stack as NATO-style counters: a frame in the
// side's colour, the symbol of the class, the strength in men, and markers
// for entrenched, out of supply and disordered units; a stack shows the top
// counter with the others offset behind it and a count. The counters go in
// one batch; the top counters' strengths and the counts are drawn after it.
func drawCounters(dst *ebiten.Image, b *batch, v *rules.View, cam Camera, pal *Palette, face *text.GoTextFace, selected string, hide map[string]bool) {
	stacks := map[hex.Hex][]rules.Unit{}
	var order []hex.Hex
	for _, u := range v.Units {
		if u.Status != rules.Active || hide[u.ID] {
			continue
		}
		if _, ok := stacks[u.Hex]; !ok {
			order = append(order, u.Hex)
		}
		stacks[u.Hex] = append(stacks[u.Hex], u)
	}
	slices.SortFunc(order, hex.Compare)
	size := math.Max(10, cam.Scale*1.1)
	// Texts go on after the batch: each stack's top counter and its count.
	type top struct {
		men, count int
		x, y, sx   float64
	}
	var tops []top
	for _, h := range order {
		us := stacks[h]
		sort.Slice(us, func(i, j int) bool { return us[i].Men > us[j].Men })
		cx, cy := unit.Center(h)
		sx, sy := cam.ToScreen(cx, cy)
		for k := len(us) - 1; k >= 0; k-- {
			off := float64(k) * size * 0.12
			b.counter(dst, us[k], v, sx-size/2+off, sy-size*0.35-off, size, pal, us[k].ID == selected)
		}
		tops = append(tops, top{us[0].Men, len(us), sx - size/2, sy - size*0.35, sx})
	}
	b.flush(dst)
	for _, t := range tops {
		drawStrength(dst, t.men, t.x, t.y, size, face)
		if t.count > 1 {
			drawText(dst, fmt.Sprint(t.count), t.sx+size/2+2, t.y, face, color.Black)
		}
	}
}

// strength is a counter's men: 450, 2500, 14k.
func strength(men int) string {
	if men >= 10000 {
		return fmt.Sprintf("%.0fk", float64(men)/1000)
	}
	return fmt.Sprintf("%d", men)
}

// drawCounter draws one counter, with its strength, at once.
func drawCounter(dst *ebiten.Image, b *batch, u rules.Unit, v *rules.View, x, y, size float64, pal *Palette, face *text.GoTextFace, selected bool) {
	b.counter(dst, u, v, x, y, size, pal, selected)
	b.flush(dst)
	drawStrength(dst, u.Men, x, y, size, face)
}

// drawStrength writes a counter's men across its lower half, when the
// counter at (x, y) is large enough to read them.
func drawStrength(dst *ebiten.Image, men int, x, y, size float64, face *text.GoTextFace) {
	if size < 22 {
		return
	}
	s := strength(men)
	tw, _ := text.Measure(s, face, face.Size)
	drawText(dst, s, x+(size-tw)/2, y+size*0.7*0.55, face, color.White)
}

// counter adds a counter's frame, symbol and markers to the batch.
func (b *batch) counter(dst *ebiten.Image, u rules.Unit, v *rules.View, x, y, size float64, pal *Palette, selected bool) {
	w, h := size, size*0.7
	col := pal.Sides[max(0, v.SideIndex(u.Side))%len(pal.Sides)]
	border, bw := color.RGBA{20, 20, 20, 255}, 1.0
	if selected {
		border, bw = pal.Select, 3
	}
	b.rect(dst, x, y, w, h, col)
	b.frame(dst, x, y, w, h, bw, border)
	// The symbol box in the upper middle.
	sw, sh := w*0.6, h*0.45
	sx0, sy0 := x+(w-sw)/2, y+h*0.08
	white := color.RGBA{250, 250, 250, 255}
	b.frame(dst, sx0, sy0, sw, sh, 1, white)
	line := func(ax, ay, bx, by float64) { b.line(dst, ax, ay, bx, by, 1, white) }
	switch u.Type.Class {
	case rules.Infantry:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Cavalry:
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Artillery:
		b.disc(dst, sx0+sw/2, sy0+sh/2, sh/5, white)
	case rules.Motorised:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
		b.ringCircle(dst, sx0+sw/2, sy0+sh+sh*0.05, sh/6, 1, white)
	case rules.Headquarters:
		line(sx0, sy0, sx0, sy0+sh*1.6)
	case rules.Militia:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0+sw*0.3, sy0+sh*0.5, sx0+sw*0.7, sy0+sh*0.5)
	case rules.Aircraft:
		line(sx0+sw*0.2, sy0+sh/2, sx0+sw*0.8, sy0+sh/2)
		line(sx0+sw/2, sy0+sh*0.15, sx0+sw/2, sy0+sh*0.85)
	}
	// Markers: entrenched (bar on top), out of supply (red corner), disordered (greyed).
	if u.Posture(v.Map) >= rules.Prepared {
		b.rect(dst, x, y-3, w, 3, color.RGBA{90, 60, 30, 255})
	}
	if !u.InSupply {
		b.rect(dst, x+w-6, y, 6, 6, color.RGBA{230, 30, 30, 255})
	}
	if u.Disordered {
		b.rect(dst, x, y, w, h, color.RGBA{35, 35, 35, 110}) // premultiplied grey
	}
}

// terrainCache keeps the map's ground, grid, rivers, roads and fog drawn
// at the current zoom: panning only moves the picture, and the map is drawn
// again only when the zoom, grid, palette or what the side sees change. Past
// 4096 pixels it draws the hexes on screen directly instead.
type terrainCache struct {
	img   *ebiten.Image
	scale float64
	grid  bool
	pal   *Palette
	m     *rules.Map
	seen  []bool  // the visibility drawn (nil: all of the map)
	x0    float64 // world point at the image's top-left
	y0    float64
}

// draw draws the map; hexes that visible marks false are dimmed (visible
// nil shows all of it).
func (c *terrainCache) draw(dst *ebiten.Image, b *batch, m *rules.Map, visible []bool, cam Camera, pal *Palette, grid bool) {
	x0, y0, x1, y1 := mapBounds(m)
	w, h := int((x1-x0)*cam.Scale)+2, int((y1-y0)*cam.Scale)+2
	if w > 4096 || h > 4096 {
		drawHexes(dst, b, m, visible, cam, pal, grid)
		drawLines(dst, b, m, cam, pal)
		return
	}
	if c.img == nil || c.scale != cam.Scale || c.grid != grid || c.pal != pal || c.m != m || !sameSeen(c.seen, visible) {
		if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
			if c.img != nil {
				c.img.Deallocate()
			}
			c.img = newLayer(w, h)
		} else {
			c.img.Clear()
		}
		local := Camera{X: x0, Y: y0, Scale: cam.Scale}
		drawHexes(c.img, b, m, visible, local, pal, grid)
		drawLines(c.img, b, m, local, pal)
		c.scale, c.grid, c.pal, c.m, c.x0, c.y0 = cam.Scale, grid, pal, m, x0, y0
		c.seen = append(c.seen[:0], visible...)
		if visible == nil {
			c.seen = nil
		}
	}
	op := &ebiten.DrawImageOptions{}
	sx, sy := cam.ToScreen(c.x0, c.y0)
	op.GeoM.Translate(math.Round(sx), math.Round(sy))
	dst.DrawImage(c.img, op)
}

// free gives the cached picture's texture back; the next draw makes it anew.
func (c *terrainCache) free() {
	if c.img != nil {
		c.img.Deallocate()
		c.img = nil
	}
}

func sameSeen(a, b []bool) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fogShade dims the ground a side cannot see.
const fogShade = 0.78

// newLayer makes an image for a cached picture of the map. It is unmanaged:
// a texture of its own, of just its size. On Ebiten's shared atlas a
// picture the size of the screen doubles the atlas (to 4096x2048, 32 MB),
// and is copied into a second atlas once it is drawn from.
func newLayer(w, h int) *ebiten.Image {
	return ebiten.NewImageWithOptions(image.Rect(0, 0, w, h), &ebiten.NewImageOptions{Unmanaged: true})
}
