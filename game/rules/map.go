package rules

import (
	"fmt"
	"sync"

	"ili/game/hex"
)

// Road is a kind of road along a hex edge.
type Road uint8

// Road kinds: none, a cart track, a road that trucks can use at speed.
const (
	NoRoad Road = iota
	Track
	MainRoad
)

// River is the size of a river along a hex edge.
type River uint8

// River sizes: a minor river can be forded, a major one stops trucks except at bridges.
const (
	NoRiver River = iota
	MinorRiver
	MajorRiver
)

// Edge names the side shared by two adjacent hexes, independent of order.
type Edge struct{ A, B hex.Hex }

// EdgeOf returns the canonical edge between a and b.
func EdgeOf(a, b hex.Hex) Edge {
	if hex.Compare(b, a) < 0 {
		a, b = b, a
	}
	return Edge{a, b}
}

// Map is the terrain of a scenario: a rectangle of odd-row offset hexes with
// rivers and roads on edges and fortifications in hexes. It does not change
// during a game and is shared between copies of a State.
type Map struct {
	Width, Height int
	Terrain       []Terrain // indexed by Index
	Fort          []Posture // built defences per hex (Hasty = none)
	Rivers        map[Edge]River
	Roads         map[Edge]Road
	RiverNames    map[Edge]string

	// sides caches, per hex and direction, the road and river on that side
	// (index*6+direction): the maps above are for authors, this is for speed.
	sidesOnce sync.Once
	sides     []side
	sights    sync.Map // sightKey -> []int32: what an observer sees, by terrain alone
	tables    sync.Map // tableKey -> *hex.Table: the step costs of a mode
}

type side struct {
	road  Road
	river River
}

// side returns the road and river between a and its neighbour b.
func (m *Map) side(a, b hex.Hex) side {
	m.sidesOnce.Do(m.buildSides)
	i := m.Index(a)
	d := a.DirectionTo(b)
	if i < 0 || d < 0 {
		return side{road: m.Roads[EdgeOf(a, b)], river: m.Rivers[EdgeOf(a, b)]}
	}
	return m.sides[i*6+d]
}

func (m *Map) buildSides() {
	m.sides = make([]side, len(m.Terrain)*6)
	for i := range m.Terrain {
		h := m.HexAt(i)
		for d, n := range h.Neighbors() {
			e := EdgeOf(h, n)
			m.sides[i*6+d] = side{road: m.Roads[e], river: m.Rivers[e]}
		}
	}
}

// NewMap returns a map of plain ground.
func NewMap(w, h int) *Map {
	return &Map{
		Width: w, Height: h,
		Terrain: make([]Terrain, w*h),
		Fort:    make([]Posture, w*h),
		Rivers:  map[Edge]River{},
		Roads:   map[Edge]Road{},
	}
}

// In reports whether h is on the map.
func (m *Map) In(h hex.Hex) bool {
	c, r := h.Offset()
	return c >= 0 && r >= 0 && c < m.Width && r < m.Height
}

// Index returns h's position in the per-hex slices, or -1 off the map.
func (m *Map) Index(h hex.Hex) int {
	c, r := h.Offset()
	if c < 0 || r < 0 || c >= m.Width || r >= m.Height {
		return -1
	}
	return r*m.Width + c
}

// HexAt returns the hex at a per-hex slice index.
func (m *Map) HexAt(i int) hex.Hex { return hex.FromOffset(i%m.Width, i/m.Width) }

// At returns the terrain of h; off the map counts as impassable.
func (m *Map) At(h hex.Hex) Terrain {
	i := m.Index(h)
	if i < 0 {
		return NumTerrain
	}
	return m.Terrain[i]
}

// Passable reports whether units can stand in h.
func (m *Map) Passable(h hex.Hex) bool { return !m.At(h).Info().Impassable }

// RiverBetween returns the river on the edge between a and b. The map must
// not change once a game has asked.
func (m *Map) RiverBetween(a, b hex.Hex) River { return m.side(a, b).river }

// RoadBetween returns the road along the edge between a and b.
func (m *Map) RoadBetween(a, b hex.Hex) Road { return m.side(a, b).road }

// FortAt returns the built defences of h.
func (m *Map) FortAt(h hex.Hex) Posture {
	i := m.Index(h)
	if i < 0 {
		return Hasty
	}
	return m.Fort[i]
}

// Label formats h in the offset coordinates that scenario files use.
func Label(h hex.Hex) string {
	c, r := h.Offset()
	return fmt.Sprintf("%d,%d", c, r)
}

// Grid returns the map's rectangle for path searches.
func (m *Map) Grid() hex.Grid { return hex.Grid{W: m.Width, H: m.Height} }
