// Package paint draws the map of a game: the ground, rivers and roads, the
// places and the counters, as coloured triangles and text on a Canvas. The
// window paints on the screen through Ebiten; the debrief and other pages
// paint the same pictures into an image without a display (Image).
package paint

import (
	"image/color"
	"math"
)

// Vertex is a corner of a triangle: a point and a colour with its alpha
// premultiplied, each channel from 0 to 1.
type Vertex struct {
	X, Y       float32
	R, G, B, A float32
}

// Target takes triangles: vs are their corners and is their indices into
// vs, three per triangle.
type Target interface {
	Triangles(vs []Vertex, is []uint16)
}

// Text sets text in the interface's typeface at a size in pixels.
type Text interface {
	// Measure returns the width of s and the height of a line.
	Measure(s string, size float64) (w, h float64)
	// Draw draws s with its top-left corner at (x, y).
	Draw(s string, x, y, size float64, c color.Color)
}

// Canvas is what the map is painted on.
type Canvas interface {
	Target
	Text
	Size() (w, h int)
}

// Batch gathers coloured triangles (hexes, rings, lines, rectangles) and
// hands them to its target in as few calls as it can. Ebiten keeps every
// vertex of a frame until the frame ends, and keeps the buffer at its
// largest size after: one call per line cost the big map 14 MB that was
// never given back, where a batch of plain quads costs a tenth of it.
type Batch struct {
	vs []Vertex
	is []uint16
	t  Target
}

// On empties the batch and points it at t.
func (b *Batch) On(t Target) *Batch {
	b.vs, b.is, b.t = b.vs[:0], b.is[:0], t
	return b
}

// Flush draws what was gathered and empties the batch.
func (b *Batch) Flush() {
	if len(b.is) > 0 {
		b.t.Triangles(b.vs, b.is)
	}
	b.vs, b.is = b.vs[:0], b.is[:0]
}

// MaxVertices is the most vertices drawn in one call. Ebiten keeps a
// buffer per image the size of the largest call made on it, so calls are
// kept small: 8,192 vertices are 400 KB, 65,000 would be 3 MB an image.
const MaxVertices = 8192

// room flushes first when n more vertices would not fit in the call.
func (b *Batch) room(n int) uint16 {
	if len(b.vs)+n > MaxVertices {
		b.Flush()
	}
	return uint16(len(b.vs))
}

func vertex(x, y float64, c color.RGBA) Vertex {
	return Vertex{X: float32(x), Y: float32(y), R: float32(c.R) / 255, G: float32(c.G) / 255, B: float32(c.B) / 255, A: float32(c.A) / 255}
}

// Hex adds a filled hex of radius r at (x, y); edge colours the corners
// facing east (the relief's shadow), fill the rest.
func (b *Batch) Hex(x, y, r float64, fill, edge color.RGBA) {
	base := b.room(7)
	b.vs = append(b.vs, vertex(x, y, fill))
	for k := 0; k < 6; k++ {
		c := fill
		if k == 0 || k == 5 || k == 1 {
			c = edge
		}
		b.vs = append(b.vs, vertex(x+r*Corners[k][0], y+r*Corners[k][1], c))
	}
	for k := 0; k < 6; k++ {
		b.is = append(b.is, base, base+1+uint16(k), base+1+uint16((k+1)%6))
	}
}

// Ring adds the outline of a hex of radius r, w pixels wide, inside it.
func (b *Batch) Ring(x, y, r, w float64, c color.RGBA) {
	base := b.room(12)
	in := math.Max(0, r-w)
	for k := 0; k < 6; k++ {
		b.vs = append(b.vs, vertex(x+r*Corners[k][0], y+r*Corners[k][1], c),
			vertex(x+in*Corners[k][0], y+in*Corners[k][1], c))
	}
	for k := 0; k < 6; k++ {
		o0, i0 := base+uint16(2*k), base+uint16(2*k+1)
		o1, i1 := base+uint16(2*((k+1)%6)), base+uint16(2*((k+1)%6)+1)
		b.is = append(b.is, o0, o1, i0, i0, o1, i1)
	}
}

// Line adds a segment w pixels wide.
func (b *Batch) Line(x0, y0, x1, y1, w float64, c color.RGBA) {
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	// Half the width across the segment, and half of it along, so that
	// joined segments meet without a notch.
	px, py := -dy/n*w/2, dx/n*w/2
	ex, ey := dx/n*w/4, dy/n*w/4
	x0, y0, x1, y1 = x0-ex, y0-ey, x1+ex, y1+ey
	b.Quad(x0+px, y0+py, x1+px, y1+py, x1-px, y1-py, x0-px, y0-py, c)
}

// Rect adds a filled rectangle.
func (b *Batch) Rect(x, y, w, h float64, c color.RGBA) {
	b.Quad(x, y, x+w, y, x+w, y+h, x, y+h, c)
}

// Frame adds the outline of a rectangle, w pixels wide, inside it.
func (b *Batch) Frame(x, y, wd, ht, w float64, c color.RGBA) {
	b.Rect(x, y, wd, w, c)
	b.Rect(x, y+ht-w, wd, w, c)
	b.Rect(x, y+w, w, ht-2*w, c)
	b.Rect(x+wd-w, y+w, w, ht-2*w, c)
}

// Quad adds a filled quadrilateral of corners a, b, c, d in order.
func (b *Batch) Quad(ax, ay, bx, by, cx, cy, dx, dy float64, c color.RGBA) {
	base := b.room(4)
	b.vs = append(b.vs, vertex(ax, ay, c), vertex(bx, by, c), vertex(cx, cy, c), vertex(dx, dy, c))
	b.is = append(b.is, base, base+1, base+2, base, base+2, base+3)
}

// circleSteps is how many sides a drawn circle has.
const circleSteps = 16

// Disc adds a filled circle.
func (b *Batch) Disc(x, y, r float64, c color.RGBA) {
	base := b.room(circleSteps + 1)
	b.vs = append(b.vs, vertex(x, y, c))
	for k := 0; k < circleSteps; k++ {
		a := 2 * math.Pi * float64(k) / circleSteps
		b.vs = append(b.vs, vertex(x+r*math.Cos(a), y+r*math.Sin(a), c))
	}
	for k := 0; k < circleSteps; k++ {
		b.is = append(b.is, base, base+1+uint16(k), base+1+uint16((k+1)%circleSteps))
	}
}

// RingCircle adds a circle's outline, w pixels wide, inside radius r.
func (b *Batch) RingCircle(x, y, r, w float64, c color.RGBA) {
	base := b.room(2 * circleSteps)
	in := math.Max(0, r-w)
	for k := 0; k < circleSteps; k++ {
		a := 2 * math.Pi * float64(k) / circleSteps
		cs, sn := math.Cos(a), math.Sin(a)
		b.vs = append(b.vs, vertex(x+r*cs, y+r*sn, c), vertex(x+in*cs, y+in*sn, c))
	}
	for k := 0; k < circleSteps; k++ {
		o0, i0 := base+uint16(2*k), base+uint16(2*k+1)
		o1, i1 := base+uint16(2*((k+1)%circleSteps)), base+uint16(2*((k+1)%circleSteps)+1)
		b.is = append(b.is, o0, o1, i0, i0, o1, i1)
	}
}
