package paint

import (
	"math"

	"ili/game/hex"
	"ili/game/rules"
)

// Camera maps world points (hexes of size 1 at scale 1) to the canvas.
type Camera struct {
	X, Y  float64 // world point at the canvas's top-left
	Scale float64 // canvas pixels per world unit (the hex size)
}

// ToScreen turns a world point into a canvas point.
func (c Camera) ToScreen(x, y float64) (float64, float64) {
	return (x - c.X) * c.Scale, (y - c.Y) * c.Scale
}

// ToWorld turns a canvas point into a world point.
func (c Camera) ToWorld(x, y float64) (float64, float64) {
	return x/c.Scale + c.X, y/c.Scale + c.Y
}

// ZoomAt changes the scale by f, kept from lo to hi, keeping the world
// point under (sx, sy) still.
func (c *Camera) ZoomAt(f, sx, sy, lo, hi float64) {
	wx, wy := c.ToWorld(sx, sy)
	c.Scale = math.Max(lo, math.Min(hi, c.Scale*f))
	c.X, c.Y = wx-sx/c.Scale, wy-sy/c.Scale
}

// Unit is the layout of the world: hexes of size 1.
var Unit = hex.Layout{Size: 1}

// Corners are the unit hex's corner offsets, clockwise from -30 degrees.
var Corners = func() (c [6][2]float64) {
	for k := range c {
		a := math.Pi / 180 * float64(60*k-30)
		c[k] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	return c
}()

// MapBounds returns the world rectangle of a map.
func MapBounds(m *rules.Map) (x0, y0, x1, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for i := range m.Terrain {
		x, y := Unit.Center(m.HexAt(i))
		x0, y0 = math.Min(x0, x-1), math.Min(y0, y-1)
		x1, y1 = math.Max(x1, x+1), math.Max(y1, y+1)
	}
	return
}

// FitCamera returns a camera showing the whole map in a w x h canvas.
func FitCamera(m *rules.Map, w, h int) Camera {
	x0, y0, x1, y1 := MapBounds(m)
	s := math.Min(float64(w)/(x1-x0), float64(h)/(y1-y0))
	cx, cy := (x0+x1)/2, (y0+y1)/2
	return Camera{X: cx - float64(w)/2/s, Y: cy - float64(h)/2/s, Scale: s}
}
