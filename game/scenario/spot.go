package scenario

import (
	"ili/game/hex"
	"ili/game/rules"
)

// Road is a [[map.road]] as the file gives it: its name ("" if none), its
// kind and the hexes it runs through, in order.
type Road struct {
	Name string
	Kind rules.Road
	Path []hex.Hex
}

// Fort is a [[map.fort]] as the file gives it: its name ("" if none), its
// posture and its hexes.
type Fort struct {
	Name    string
	Posture rules.Posture
	Hexes   []hex.Hex
}

// Spot is what a scenario has at one hex, for people to read: its ground,
// the place there, the rivers along its edges, the roads through it and its
// built defences.
type Spot struct {
	Hex     hex.Hex
	Terrain rules.Terrain
	Place   *rules.Place // nil if none
	Info    PlaceInfo    // the place's kind, note and source
	Rivers  []SpotRiver
	Roads   []Road
	Forts   []Fort
}

// SpotRiver is a river along one edge of a hex: its name ("" if none), its
// size and the neighbour across it.
type SpotRiver struct {
	Name   string
	Size   rules.River
	Across hex.Hex
}

// Spot returns what the scenario has at h, which must be on its map.
func (sc *Scenario) Spot(h hex.Hex) Spot {
	m := sc.Setup.Map
	s := Spot{Hex: h, Terrain: m.At(h)}
	for i := range sc.Places {
		if sc.Places[i].Hex == h {
			s.Place = &sc.Places[i]
			s.Info = sc.PlaceInfo[s.Place.ID]
			break
		}
	}
	for d := range hex.Directions {
		n := h.Neighbor(d)
		if size := m.Rivers[rules.EdgeOf(h, n)]; size != rules.NoRiver {
			s.Rivers = append(s.Rivers, SpotRiver{Name: m.RiverNames[rules.EdgeOf(h, n)], Size: size, Across: n})
		}
	}
	for _, r := range sc.Roads {
		if containsHex(r.Path, h) {
			s.Roads = append(s.Roads, r)
		}
	}
	for _, f := range sc.Forts {
		if containsHex(f.Hexes, h) {
			s.Forts = append(s.Forts, f)
		}
	}
	return s
}

func containsHex(hs []hex.Hex, h hex.Hex) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}
