package paint

import (
	"image/color"
	"math"

	"ili/game/hex"
)

// cellGrid is a pattern laid on the world, not on each hex, so that it runs
// on unbroken from one hex to the next of the same ground: cells du long
// (along the grid's angle) and dv wide, gapU and gapV apart (all in world
// units, hexes of size 1), each row of cells shifted along by a hash of
// the row when stagger is set. Fields, and the blocks of towns, are cells.
type cellGrid struct {
	angle      float64
	du, dv     float64
	gapU, gapV float64
	stagger    bool
}

// cells adds the cells of g that fall in hex h, each clipped to the hex
// (rim pixels inside its edge) and filled with the colour fill gives it (row j, cell i of the row); the
// cells fill leaves out (false) are not drawn.
func (b *Batch) cells(cam Camera, h hex.Hex, rim float64, g cellGrid, fill func(i, j int) (color.RGBA, bool)) {
	wx, wy := Unit.Center(h)
	sx, sy := cam.ToScreen(wx, wy)
	r := cam.Scale
	ux, uy := math.Cos(g.angle), math.Sin(g.angle)
	vx, vy := -uy, ux
	u0, v0 := wx*ux+wy*uy, wx*vx+wy*vy
	// A world point (u along, v across) on the canvas.
	at := func(u, v float64) [2]float64 {
		return [2]float64{(u*ux + v*vx - cam.X) * r, (u*uy + v*vy - cam.Y) * r}
	}
	var poly, tmp [16][2]float64
	inner := (r - rim) / r * math.Sqrt(3) / 2 // the hex's sides from its centre
	for j := math.Floor((v0 - 1) / g.dv); j <= math.Floor((v0+1)/g.dv); j++ {
		off := 0.0
		if g.stagger {
			off = float64(mix(uint32(int32(j))*0x9e3779b9)%1000) / 1000 * g.du
		}
		va, vb := j*g.dv+g.gapV/2, (j+1)*g.dv-g.gapV/2
		for i := math.Floor((u0 - 1 - off) / g.du); i <= math.Floor((u0+1-off)/g.du); i++ {
			c, ok := fill(int(i), int(j))
			if !ok {
				continue
			}
			ua, ub := i*g.du+off+g.gapU/2, (i+1)*g.du+off-g.gapU/2
			// Measured from the hex's centre (world units): a cell beyond the
			// hex's corners is left out; one within its sides needs no
			// clipping.
			du, dv := (ua+ub)/2-u0, (va+vb)/2-v0
			reach := math.Hypot(du, dv) + math.Hypot(ub-ua, vb-va)/2
			if reach-math.Hypot(ub-ua, vb-va) > 1 {
				continue
			}
			poly[0], poly[1], poly[2], poly[3] = at(ua, va), at(ub, va), at(ub, vb), at(ua, vb)
			n := 4
			if reach > inner {
				n = clipToHex(poly[:], 4, tmp[:], sx, sy, r-rim)
			}
			if n < 3 {
				continue
			}
			base := b.room(n)
			for k := range n {
				b.vs = append(b.vs, vertex(poly[k][0], poly[k][1], c))
			}
			for k := 1; k+1 < n; k++ {
				b.is = append(b.is, base, base+uint16(k), base+uint16(k+1))
			}
		}
	}
}

// clipToHex clips the convex polygon of the first n points of poly to the
// hex of radius r at (x, y), in place (tmp is scratch of the same size),
// and returns how many points it has left.
func clipToHex(poly []([2]float64), n int, tmp [][2]float64, x, y, r float64) int {
	for k := range 6 {
		k1 := (k + 1) % 6
		ax, ay := x+Corners[k][0]*r, y+Corners[k][1]*r
		bx, by := x+Corners[k1][0]*r, y+Corners[k1][1]*r
		// Inside is the side of a->b the centre lies on (corners run
		// clockwise on the canvas, y down: there the cross product is > 0).
		side := func(p [2]float64) float64 { return (bx-ax)*(p[1]-ay) - (by-ay)*(p[0]-ax) }
		m := 0
		for i := range n {
			p, q := poly[i], poly[(i+1)%n]
			sp, sq := side(p), side(q)
			if sp >= 0 {
				tmp[m] = p
				m++
			}
			if (sp >= 0) != (sq >= 0) && m < len(tmp) {
				t := sp / (sp - sq)
				tmp[m] = [2]float64{p[0] + (q[0]-p[0])*t, p[1] + (q[1]-p[1])*t}
				m++
			}
		}
		copy(poly, tmp[:m])
		n = m
		if n < 3 {
			return n
		}
	}
	return n
}
