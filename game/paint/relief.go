package paint

import (
	"image/color"
	"math"

	"ili/game/hex"
	"ili/game/rules"
)

// The ground's relief is shaded as on a printed map: light from the
// north-west, 45 degrees above the horizon, falls on a surface whose height
// is that of the ground in each hex (rules.TerrainInfo.Height for hills,
// mountains, passes and glaciers, rising the farther inland of flat ground
// a hex lies, see elevation), and the slopes facing the light are
// lightened, those turned from it darkened. The slope is worked out at
// each hex's centre (from its six neighbours, half and half with its
// corners') and at each of its corners (from the three hexes that meet
// there), so a hex gets a shade per corner and the shades run smoothly
// across the high ground from ridge to valley. Flat ground (plain, fields,
// desert, marsh, towns) and water are not shaded: they keep their colours,
// and the foot of the high ground its edge.

// heightScale is how steep the relief is drawn: world units of height per
// level of rules.TerrainInfo.Height, against hexes of size 1.
const heightScale = 0.45

// The light: from the north-west (up and left on the map), 45 degrees
// above the horizon.
var lightX, lightY, lightZ = func() (x, y, z float64) {
	const alt = math.Pi / 4
	return -math.Cos(alt) / math.Sqrt2, -math.Cos(alt) / math.Sqrt2, math.Sin(alt)
}()

// cornerHexes[k] are the directions of the two neighbours that share
// corner k (hex.Layout.Corner's numbering) with a hex; cornerVec[k] are
// the unit vectors from the corner to the centres of the hex and those two
// neighbours; sideDir[k] is the direction of the neighbour across the side
// from corner k to corner k+1; dirVec[d] is the unit vector towards the
// neighbour in direction d.
var (
	cornerHexes [6][2]int
	cornerVec   [6][3][2]float64
	sideDir     [6]int
	dirVec      [6][2]float64
)

func init() {
	var o hex.Hex
	cx, cy := Unit.Center(o)
	for d := range 6 {
		nx, ny := Unit.Center(o.Neighbor(d))
		n := math.Hypot(nx-cx, ny-cy)
		dirVec[d] = [2]float64{(nx - cx) / n, (ny - cy) / n}
	}
	for k := range 6 {
		kx, ky := Unit.Corner(o, k)
		mx, my := Unit.Corner(o, (k+1)%6)
		mx, my = (kx+mx)/2, (ky+my)/2
		cornerVec[k][0] = [2]float64{cx - kx, cy - ky}
		j := 0
		best := math.Inf(1)
		for d := range 6 {
			nx, ny := Unit.Center(o.Neighbor(d))
			if math.Abs(math.Hypot(nx-kx, ny-ky)-1) < 1e-6 {
				cornerHexes[k][j] = d
				cornerVec[k][j+1] = [2]float64{nx - kx, ny - ky}
				j++
			}
			if dd := math.Hypot(nx-mx, ny-my); dd < best {
				best, sideDir[k] = dd, d
			}
		}
	}
}

// elevation is the height drawn for a hex's ground: its height for sight
// where the ground is not flat (towns stand on the plain), rising the
// farther the hex lies from flat ground (in, in hexes), so that a range
// has a spine and flanks rather than a flat top; a pass a saddle below the
// mountains round it; rough ground a little uneven, by a hash of its place.
func elevation(ter rules.Terrain, in int, seed uint32) float64 {
	info := ter.Info()
	if ter == rules.Lake {
		return -0.3 * heightScale
	}
	if info.Relief == rules.Flat {
		return 0
	}
	e := float64(info.Height) + 0.7*float64(min(in, 5)-1)
	j := float64(seed%1000)/1000 - 0.5
	if info.Relief == rules.Rugged {
		e += 0.6 * j
	} else {
		e += 0.3 * j
	}
	if ter == rules.Pass {
		e -= 1.2
	}
	return e * heightScale
}

// inland returns, for each hex of m, how many steps it lies from flat
// ground (0 on flat ground and water; hexes off the map count as their
// neighbours).
func inland(m *rules.Map) []int {
	n := len(m.Terrain)
	d := make([]int, n)
	var queue []int
	for i, ter := range m.Terrain {
		if ter.Info().Relief == rules.Flat || ter == rules.Lake {
			queue = append(queue, i)
		} else {
			d[i] = -1
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, nb := range m.HexAt(i).Neighbors() {
			if j := m.Index(nb); j >= 0 && d[j] < 0 {
				d[j] = d[i] + 1
				queue = append(queue, j)
			}
		}
	}
	for i := range d {
		if d[i] < 0 {
			d[i] = 6 // no flat ground at all
		}
	}
	return d
}

// relief is the light on a map's ground: for each hex, at its centre and
// at its corners, from -1 (facing away from the light) through 0 (flat
// ground) to 1.
type relief struct {
	centre []float32
	corner [][6]float32
}

// lightOn returns how much more or less light than flat ground a slope
// of gradient (gx, gy) gets, roughly from -1 to 1.
func lightOn(gx, gy float64) float32 {
	l := (-gx*lightX - gy*lightY + lightZ) / math.Sqrt(1+gx*gx+gy*gy)
	return float32((l - lightZ) / (1 - lightZ))
}

// reliefOf works out the relief of m.
func reliefOf(m *rules.Map) relief {
	n := len(m.Terrain)
	elev := make([]float64, n)
	in := inland(m)
	for i, ter := range m.Terrain {
		elev[i] = elevation(ter, in[i], mix(uint32(i)*2654435761))
	}
	at := func(h hex.Hex, own float64) float64 {
		if j := m.Index(h); j >= 0 {
			return elev[j]
		}
		return own // beyond the edge the ground goes on as it is
	}
	rl := relief{centre: make([]float32, n), corner: make([][6]float32, n)}
	d := math.Sqrt(3) // between neighbouring centres
	for i := range m.Terrain {
		h, e := m.HexAt(i), elev[i]
		var gx, gy float64
		var ns [6]float64
		for k := range 6 {
			ns[k] = at(h.Neighbor(k), e)
			gx += (ns[k] - e) * dirVec[k][0]
			gy += (ns[k] - e) * dirVec[k][1]
		}
		rl.centre[i] = lightOn(gx/(3*d), gy/(3*d))
		for k := range 6 {
			es := [3]float64{e, ns[cornerHexes[k][0]], ns[cornerHexes[k][1]]}
			mean := (es[0] + es[1] + es[2]) / 3
			var cx, cy float64
			for j, v := range cornerVec[k] {
				cx += (es[j] - mean) * v[0]
				cy += (es[j] - mean) * v[1]
			}
			rl.corner[i][k] = lightOn(cx/1.5, cy/1.5)
		}
		// The centre half its own slope, half its corners', so that the light
		// runs on smoothly from hex to hex.
		var sum float32
		for _, l := range rl.corner[i] {
			sum += l
		}
		rl.centre[i] = (rl.centre[i] + sum/6) / 2
	}
	return rl
}

// Relief's colours: the lit slopes are mixed with highlight, the slopes in
// shadow with shadow, by up to reliefLight and reliefShadow, so that the
// relief reads without drowning the counters.
var (
	highlight = color.RGBA{255, 250, 235, 255}
	shadow    = color.RGBA{52, 50, 78, 255}
)

const (
	reliefLight  = 0.5
	reliefShadow = 0.5
	reliefMax    = 0.34 // the most either mixes in
)

// lit returns c in light l (see relief).
func lit(c color.RGBA, l float32) color.RGBA {
	switch {
	case l > 0:
		return lerp(c, highlight, math.Min(reliefMax, float64(l)*reliefLight))
	case l < 0:
		return lerp(c, shadow, math.Min(reliefMax, float64(-l)*reliefShadow))
	}
	return c
}

// lerp mixes a with b by t (0: a, 1: b).
func lerp(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}

// hexShaded adds a filled hex of radius r at (x, y): centre is the colour
// at its middle, corners[k] at its corner k, blended between them. With
// rim above 0, the hex's outline (the grid) is drawn in the same
// triangles: a band rim pixels wide inside its edge, darkening towards the
// edge by twice the grid's ink (ink), as dark as a ring of ink all across.
func (b *Batch) hexShaded(x, y, r float64, centre color.RGBA, corners *[6]color.RGBA, rim float64, ink color.RGBA) {
	if rim <= 0 {
		base := b.room(7)
		b.vs = append(b.vs, vertex(x, y, centre))
		for k := range 6 {
			b.vs = append(b.vs, vertex(x+r*Corners[k][0], y+r*Corners[k][1], corners[k]))
		}
		for k := range 6 {
			b.is = append(b.is, base, base+1+uint16(k), base+1+uint16((k+1)%6))
		}
		return
	}
	base := b.room(13)
	in := max(0, r-rim)
	b.vs = append(b.vs, vertex(x, y, centre))
	for k := range 6 {
		b.vs = append(b.vs, vertex(x+in*Corners[k][0], y+in*Corners[k][1], corners[k]))
	}
	for k := range 6 {
		b.vs = append(b.vs, vertex(x+r*Corners[k][0], y+r*Corners[k][1], inked(corners[k], ink)))
	}
	for k := range uint16(6) {
		i0, i1 := base+1+k, base+1+(k+1)%6
		o0, o1 := i0+6, i1+6
		b.is = append(b.is, base, i0, i1, o0, o1, i0, i0, o1, i1)
	}
}

// inked is c under twice the ink of the premultiplied colour ink.
func inked(c, ink color.RGBA) color.RGBA {
	if ink.A == 0 {
		return c
	}
	a := float64(ink.A) / 255
	f := min(1, 2*a)
	solid := color.RGBA{uint8(float64(ink.R) / a), uint8(float64(ink.G) / a), uint8(float64(ink.B) / a), 255}
	return lerp(c, solid, f)
}
