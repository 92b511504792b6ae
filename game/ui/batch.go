package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// batch gathers coloured triangles (hexes, rings, lines, rectangles) and
// draws them in as few calls as it can. Ebiten keeps every vertex of a frame
// until the frame ends, and keeps the buffer at its largest size after: one
// vector.StrokeLine per grid side cost the big map 14 MB that was never
// given back, where a batch of plain quads costs a tenth of it.
type batch struct {
	vs []ebiten.Vertex
	is []uint16
}

// flush draws what was gathered onto dst and empties the batch.
func (b *batch) flush(dst *ebiten.Image) {
	if len(b.is) > 0 {
		dst.DrawTriangles(b.vs, b.is, whitePixel, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
	}
	b.vs, b.is = b.vs[:0], b.is[:0]
}

// batchVertices is the most vertices drawn in one call. Ebiten keeps a
// buffer per image the size of the largest call made on it, so calls are
// kept small: 8,192 vertices are 400 KB, 65,000 would be 3 MB an image.
const batchVertices = 8192

// room flushes first when n more vertices would not fit in the call.
func (b *batch) room(dst *ebiten.Image, n int) uint16 {
	if len(b.vs)+n > batchVertices {
		b.flush(dst)
	}
	return uint16(len(b.vs))
}

// hex adds a filled hex of radius r at (x, y); edge colours the corners
// facing east (the relief's shadow), fill the rest.
func (b *batch) hex(dst *ebiten.Image, x, y, r float64, fill, edge color.RGBA) {
	base := b.room(dst, 7)
	b.vs = append(b.vs, vertex(x, y, fill))
	for k := 0; k < 6; k++ {
		c := fill
		if k == 0 || k == 5 || k == 1 {
			c = edge
		}
		b.vs = append(b.vs, vertex(x+r*corners[k][0], y+r*corners[k][1], c))
	}
	for k := 0; k < 6; k++ {
		b.is = append(b.is, base, base+1+uint16(k), base+1+uint16((k+1)%6))
	}
}

// ring adds the outline of a hex of radius r, w pixels wide, inside it.
func (b *batch) ring(dst *ebiten.Image, x, y, r, w float64, c color.RGBA) {
	base := b.room(dst, 12)
	in := math.Max(0, r-w)
	for k := 0; k < 6; k++ {
		b.vs = append(b.vs, vertex(x+r*corners[k][0], y+r*corners[k][1], c),
			vertex(x+in*corners[k][0], y+in*corners[k][1], c))
	}
	for k := 0; k < 6; k++ {
		o0, i0 := base+uint16(2*k), base+uint16(2*k+1)
		o1, i1 := base+uint16(2*((k+1)%6)), base+uint16(2*((k+1)%6)+1)
		b.is = append(b.is, o0, o1, i0, i0, o1, i1)
	}
}

// line adds a segment w pixels wide.
func (b *batch) line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.RGBA) {
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
	b.quad(dst, x0+px, y0+py, x1+px, y1+py, x1-px, y1-py, x0-px, y0-py, c)
}

// rect adds a filled rectangle.
func (b *batch) rect(dst *ebiten.Image, x, y, w, h float64, c color.RGBA) {
	b.quad(dst, x, y, x+w, y, x+w, y+h, x, y+h, c)
}

// frame adds the outline of a rectangle, w pixels wide, inside it.
func (b *batch) frame(dst *ebiten.Image, x, y, wd, ht, w float64, c color.RGBA) {
	b.rect(dst, x, y, wd, w, c)
	b.rect(dst, x, y+ht-w, wd, w, c)
	b.rect(dst, x, y+w, w, ht-2*w, c)
	b.rect(dst, x+wd-w, y+w, w, ht-2*w, c)
}

func (b *batch) quad(dst *ebiten.Image, ax, ay, bx, by, cx, cy, dx, dy float64, c color.RGBA) {
	base := b.room(dst, 4)
	b.vs = append(b.vs, vertex(ax, ay, c), vertex(bx, by, c), vertex(cx, cy, c), vertex(dx, dy, c))
	b.is = append(b.is, base, base+1, base+2, base, base+2, base+3)
}

// circleSteps is how many sides a drawn circle has.
const circleSteps = 16

// disc adds a filled circle.
func (b *batch) disc(dst *ebiten.Image, x, y, r float64, c color.RGBA) {
	base := b.room(dst, circleSteps+1)
	b.vs = append(b.vs, vertex(x, y, c))
	for k := 0; k < circleSteps; k++ {
		a := 2 * math.Pi * float64(k) / circleSteps
		b.vs = append(b.vs, vertex(x+r*math.Cos(a), y+r*math.Sin(a), c))
	}
	for k := 0; k < circleSteps; k++ {
		b.is = append(b.is, base, base+1+uint16(k), base+1+uint16((k+1)%circleSteps))
	}
}

// ringCircle adds a circle's outline, w pixels wide, inside radius r.
func (b *batch) ringCircle(dst *ebiten.Image, x, y, r, w float64, c color.RGBA) {
	base := b.room(dst, 2*circleSteps)
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
