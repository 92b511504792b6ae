package paint

import (
	"image/color"
	"sync"

	"ili/game/rules"
)

// groundColours are what Hexes and Lines work out about a map before they
// draw it, in a palette: for each hex, the colour at its centre and at
// its corners (the ground's colour mottled, mixed with the land that meets
// at the corners, lit by the relief; not yet dimmed by fog), and the
// map's rivers and roads in a fixed order. Working them out takes longer
// than drawing them, so they are kept for the last few maps drawn.
type groundColours struct {
	centre        []color.RGBA
	corner        [][6]color.RGBA
	rivers, roads []rules.Edge
}

// colours works out the ground's colours of m in pal.
func colours(m *rules.Map, pal *Palette) *groundColours {
	rl := reliefOf(m)
	g := &groundColours{centre: make([]color.RGBA, len(m.Terrain)), corner: make([][6]color.RGBA, len(m.Terrain))}
	for i, ter := range m.Terrain {
		hx := m.HexAt(i)
		c := pal.Terrain[ter]
		corners := &g.corner[i]
		for k := range 6 {
			corners[k] = cornerColour(m, hx, ter, c, k, pal)
		}
		centre := c
		if ter != rules.Lake { // still water is one colour
			// Broad stretches of one ground mottled, lighter here and darker
			// there, smoothly across hexes, so that they do not look flat.
			wx, wy := Unit.Center(hx)
			centre = Shade(c, mottle(wx, wy))
			for k := range 6 {
				corners[k] = Shade(corners[k], mottle(wx+Corners[k][0], wy+Corners[k][1]))
			}
		}
		if ter.Info().Relief != rules.Flat {
			centre = lit(centre, rl.centre[i])
			for k := range 6 {
				corners[k] = lit(corners[k], rl.corner[i][k])
			}
		}
		g.centre[i] = centre
	}
	for e := range m.Rivers {
		g.rivers = append(g.rivers, e)
	}
	SortEdges(g.rivers)
	for e := range m.Roads {
		g.roads = append(g.roads, e)
	}
	SortEdges(g.roads)
	return g
}

// keptGround is a map's ground colours kept: the map, the palette and a
// fingerprint of the map's ground, rivers and roads, which a map changed
// since (as tests and editors do) no longer matches.
type keptGround struct {
	m    *rules.Map
	pal  *Palette
	sum  uint64
	cols *groundColours
}

var kept struct {
	sync.Mutex
	maps [4]keptGround
	next int
}

// groundOf returns the ground colours of m in pal, kept from the last time
// it was drawn if it has not changed since. Small maps (a legend's hex,
// say) are worked out afresh, not to push the maps played out.
func groundOf(m *rules.Map, pal *Palette) *groundColours {
	if len(m.Terrain) < 64 {
		return colours(m, pal)
	}
	sum := fingerprint(m)
	kept.Lock()
	for _, k := range kept.maps {
		if k.m == m && k.pal == pal && k.sum == sum {
			kept.Unlock()
			return k.cols
		}
	}
	kept.Unlock()
	cols := colours(m, pal)
	kept.Lock()
	kept.maps[kept.next] = keptGround{m, pal, sum, cols}
	kept.next = (kept.next + 1) % len(kept.maps)
	kept.Unlock()
	return cols
}

// fingerprint sums up m's ground, rivers and roads in a number.
func fingerprint(m *rules.Map) uint64 {
	h := uint64(len(m.Terrain))<<32 | uint64(m.Width)
	for _, t := range m.Terrain {
		h = h*0x100000001b3 ^ uint64(t)
	}
	edge := func(e rules.Edge, v uint8, salt uint32) uint64 {
		x := mix(uint32(int32(e.A.Q))*0x9e3779b9 ^ uint32(int32(e.A.R))*0x85ebca6b ^ uint32(int32(e.B.Q))*0xc2b2ae35 ^ uint32(int32(e.B.R))*0x27d4eb2f ^ uint32(v)<<3 ^ salt)
		return uint64(x) | uint64(mix(x))<<32
	}
	var lines uint64 // the order maps give is not fixed: sum
	for e, v := range m.Rivers {
		lines += edge(e, uint8(v), 1)
	}
	for e, v := range m.Roads {
		lines += edge(e, uint8(v), 2)
	}
	return h ^ lines
}
