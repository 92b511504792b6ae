package rules

import (
	"math"

	"ili/game/hex"
)

// observeHexes turns an observation range in km into hexes (at least 1).
func (s *Setup) observeHexes(km float64) int {
	if s.HexM <= 0 {
		return 1
	}
	return max(1, int(math.Ceil(km*1000/float64(s.HexM))))
}

// visibility returns, per map index, whether side can see the hex: hexes in
// range of its units and held places with a clear line of sight. Hills,
// mountains and built-up hexes block the view past them unless the observer
// stands higher; an observer on high ground sees one hex further.
func (s *State) visibility(side string) []bool {
	vis := make([]bool, len(s.Map.Terrain))
	if !s.Fog {
		for i := range vis {
			vis[i] = true
		}
		return vis
	}
	look := func(from hex.Hex, rng int) {
		h0 := s.Map.At(from).Info().Height
		if h0 >= 2 {
			rng++
		}
		for _, t := range hex.Spiral(from, rng) {
			i := s.Map.Index(t)
			if i < 0 || vis[i] {
				continue
			}
			if hex.Distance(from, t) <= 1 || s.lineOfSight(from, t, h0) {
				vis[i] = true
			}
		}
	}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.Side == side {
			look(u.Hex, s.observeHexes(u.Type.ObserveKm))
		}
	}
	for i := range s.Places {
		p := &s.Places[i]
		if p.Owner == side {
			r := 1
			if p.ObserveKm > 0 {
				r = s.observeHexes(p.ObserveKm)
			}
			look(p.Hex, r)
		}
	}
	return vis
}

func (s *State) lineOfSight(from, to hex.Hex, h0 int) bool {
	h1 := s.Map.At(to).Info().Height
	top := max(h0, h1)
	line := hex.Line(from, to)
	for _, h := range line[1 : len(line)-1] {
		info := s.Map.At(h).Info()
		if info.Height > top {
			return false
		}
		if info.Urban && h0 < 2 {
			return false // streets hide what lies beyond them from ground level
		}
	}
	return true
}

// seenEnemies returns the IDs of enemy units side can see now.
func (s *State) seenEnemies(side string) map[string]bool {
	vis := s.visibility(side)
	out := map[string]bool{}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && Hostile(u.Side, side) && vis[s.Map.Index(u.Hex)] {
			out[u.ID] = true
		}
	}
	return out
}

// newlySeen returns, sorted, the enemy units side sees now that are not in
// before, and adds them to before.
func (s *State) newlySeen(side string, before map[string]bool) []string {
	var fresh []string
	for id := range s.seenEnemies(side) {
		if !before[id] {
			before[id] = true
			fresh = append(fresh, id)
		}
	}
	sortStrings(fresh)
	return fresh
}

// View is what one side knows of the game: its own units, the enemy units it
// can see, the hexes it can see and everything public (map, places, turn).
// The UI and the AI read a View, never the State, so fog of war holds.
type View struct {
	*Setup
	Side    string
	Turn    int
	Phase   int
	Over    bool
	Winner  string
	Visible []bool // per map index
	Units   []Unit // own units (all) and visible enemy units, sorted by ID
	Places  []Place
}

// View returns side's view of the state.
func (s *State) View(side string) *View {
	v := &View{Setup: s.Setup, Side: side, Turn: s.Turn, Phase: s.Phase, Over: s.Over, Winner: s.Winner}
	v.Visible = s.visibility(side)
	for _, u := range s.Units {
		if u.Side == side || (u.Status == Active && v.Visible[s.Map.Index(u.Hex)]) {
			v.Units = append(v.Units, u)
		}
	}
	v.Places = append(v.Places, s.Places...)
	return v
}

// Seen reports whether the view's side can see h.
func (v *View) Seen(h hex.Hex) bool {
	i := v.Map.Index(h)
	return i >= 0 && v.Visible[i]
}

// ActiveSide returns the ID of the side whose phase it is.
func (v *View) ActiveSide() string { return v.Sides[v.Phase].ID }
