// Package hex is the geometry of a pointy-top hex map in axial coordinates:
// neighbours, distance, lines, rings, conversion to and from pixels and from
// the odd-row offset coordinates that scenario files use, and A* path finding.
package hex

import (
	"cmp"
	"fmt"
	"math"
)

// Hex is a hex in axial coordinates (Q runs east, R runs south-east; S = -Q-R).
type Hex struct {
	Q, R int
}

// S returns the third cube coordinate.
func (h Hex) S() int { return -h.Q - h.R }

// String formats the hex as "(q,r)".
func (h Hex) String() string { return fmt.Sprintf("(%d,%d)", h.Q, h.R) }

// Add returns h+o.
func (h Hex) Add(o Hex) Hex { return Hex{h.Q + o.Q, h.R + o.R} }

// Sub returns h-o.
func (h Hex) Sub(o Hex) Hex { return Hex{h.Q - o.Q, h.R - o.R} }

// Scale returns h multiplied by k.
func (h Hex) Scale(k int) Hex { return Hex{h.Q * k, h.R * k} }

// Directions are the six neighbour offsets, clockwise from east.
var Directions = [6]Hex{{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}

// DirectionNames name Directions for people and scenario files.
var DirectionNames = [6]string{"e", "ne", "nw", "w", "sw", "se"}

// Neighbor returns the neighbour in direction d (0..5, see Directions).
func (h Hex) Neighbor(d int) Hex { return h.Add(Directions[((d%6)+6)%6]) }

// Neighbors returns the six neighbours in direction order.
func (h Hex) Neighbors() [6]Hex {
	var n [6]Hex
	for i, d := range Directions {
		n[i] = h.Add(d)
	}
	return n
}

// DirectionTo returns the direction index of neighbour o, or -1 if o is not adjacent.
func (h Hex) DirectionTo(o Hex) int {
	d := o.Sub(h)
	for i, v := range Directions {
		if v == d {
			return i
		}
	}
	return -1
}

// Compare orders hexes row by row, west to east within a row (by R, then
// Q): the one order of hexes wherever an order decides something, so that
// ties are broken the same way everywhere. It returns -1, 0 or +1.
func Compare(a, b Hex) int {
	if c := cmp.Compare(a.R, b.R); c != 0 {
		return c
	}
	return cmp.Compare(a.Q, b.Q)
}

// Distance returns the number of steps between a and b.
func Distance(a, b Hex) int {
	d := a.Sub(b)
	return (abs(d.Q) + abs(d.R) + abs(d.S())) / 2
}

// Adjacent reports whether a and b are neighbours.
func Adjacent(a, b Hex) bool { return Distance(a, b) == 1 }

// Ring returns the hexes at exactly radius steps from c, clockwise from the
// south-west corner; radius 0 gives c alone.
func Ring(c Hex, radius int) []Hex {
	if radius <= 0 {
		return []Hex{c}
	}
	return AppendRing(make([]Hex, 0, 6*radius), c, radius)
}

// AppendRing appends Ring(c, radius) to dst, for radius > 0, and returns the
// result: a caller that walks ring after ring keeps one buffer.
func AppendRing(dst []Hex, c Hex, radius int) []Hex {
	h := c.Add(Directions[4].Scale(radius))
	for side := 0; side < 6; side++ {
		for j := 0; j < radius; j++ {
			dst = append(dst, h)
			h = h.Neighbor(side)
		}
	}
	return dst
}

// Spiral returns c and every ring around it out to radius, nearest first.
func Spiral(c Hex, radius int) []Hex {
	out := make([]Hex, 1, 1+3*radius*(radius+1))
	out[0] = c
	for r := 1; r <= radius; r++ {
		out = AppendRing(out, c, r)
	}
	return out
}

// Line returns the hexes on the straight line from a to b, both included.
// Points exactly on an edge go consistently to one side, so the result is the
// same on every platform.
func Line(a, b Hex) []Hex {
	out := make([]Hex, 0, Distance(a, b)+1)
	Walk(a, b, func(h Hex) bool {
		out = append(out, h)
		return true
	})
	return out
}

// Walk calls fn for each hex of Line(a, b) in order, without allocating, and
// stops early when fn returns false; it reports whether it reached b.
func Walk(a, b Hex, fn func(Hex) bool) bool {
	n := Distance(a, b)
	if n == 0 {
		return fn(a)
	}
	// Work in integers scaled by 12n: a point off an edge is at least 6 units
	// from it, so the nudge of (+1,+2,-3) breaks every tie and nothing else.
	for i := 0; i <= n; i++ {
		q := 12 * (a.Q*(n-i) + b.Q*i)
		r := 12 * (a.R*(n-i) + b.R*i)
		s := 12 * (a.S()*(n-i) + b.S()*i)
		if !fn(cubeRound(q+1, r+2, s-3, 12*n)) {
			return false
		}
	}
	return true
}

// LineAt returns the i-th hex of Line(a, b) (0 is a) without building the line.
func LineAt(a, b Hex, i int) Hex {
	n := Distance(a, b)
	if n == 0 {
		return a
	}
	q := 12 * (a.Q*(n-i) + b.Q*i)
	r := 12 * (a.R*(n-i) + b.R*i)
	s := 12 * (a.S()*(n-i) + b.S()*i)
	return cubeRound(q+1, r+2, s-3, 12*n)
}

// cubeRound rounds the cube point (q/d, r/d, s/d) to the nearest hex.
func cubeRound(q, r, s, d int) Hex {
	rq, rr, rs := divRound(q, d), divRound(r, d), divRound(s, d)
	dq, dr, ds := abs(rq*d-q), abs(rr*d-r), abs(rs*d-s)
	switch {
	case dq > dr && dq > ds:
		rq = -rr - rs
	case dr > ds:
		rr = -rq - rs
	}
	return Hex{rq, rr}
}

// divRound divides and rounds to the nearest integer, halves away from zero.
func divRound(n, d int) int {
	if n >= 0 {
		return (2*n + d) / (2 * d)
	}
	return -((-2*n + d) / (2 * d))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// FromOffset converts odd-row offset coordinates (col, row), as scenario files
// write them, to axial. Odd rows are shoved half a hex to the right.
func FromOffset(col, row int) Hex {
	return Hex{col - (row-(row&1))/2, row}
}

// Offset converts h to odd-row offset coordinates (col, row).
func (h Hex) Offset() (col, row int) {
	return h.Q + (h.R-(h.R&1))/2, h.R
}

// Layout turns hexes into pixels and back for pointy-top hexes of the given
// size (centre to corner) with the hex (0,0) centred at Origin.
type Layout struct {
	Size    float64
	OriginX float64
	OriginY float64
}

var sqrt3 = math.Sqrt(3)

// Center returns the pixel centre of h.
func (l Layout) Center(h Hex) (x, y float64) {
	x = l.Size*sqrt3*(float64(h.Q)+float64(h.R)/2) + l.OriginX
	y = l.Size*1.5*float64(h.R) + l.OriginY
	return x, y
}

// Corner returns corner i of h (0..5, clockwise from the upper right at -30°).
func (l Layout) Corner(h Hex, i int) (x, y float64) {
	cx, cy := l.Center(h)
	angle := math.Pi / 180 * float64(60*i-30)
	return cx + l.Size*math.Cos(angle), cy + l.Size*math.Sin(angle)
}

// At returns the hex containing the pixel (x, y).
func (l Layout) At(x, y float64) Hex {
	px := (x - l.OriginX) / l.Size
	py := (y - l.OriginY) / l.Size
	q := sqrt3/3*px - py/3
	r := 2.0 / 3 * py
	return roundFloat(q, r)
}

func roundFloat(q, r float64) Hex {
	s := -q - r
	rq, rr, rs := math.Round(q), math.Round(r), math.Round(s)
	dq, dr, ds := math.Abs(rq-q), math.Abs(rr-r), math.Abs(rs-s)
	switch {
	case dq > dr && dq > ds:
		rq = -rr - rs
	case dr > ds:
		rr = -rq - rs
	}
	return Hex{int(rq), int(rr)}
}
