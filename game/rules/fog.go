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
	if c, ok := s.vis[side]; ok && c.version == s.version {
		return c.vis
	}
	vis := s.computeVisibility(side)
	if s.vis == nil {
		s.vis = map[string]visCache{}
	}
	s.vis[side] = visCache{version: s.version, vis: vis}
	return vis
}

func (s *State) computeVisibility(side string) []bool {
	vis := make([]bool, len(s.Map.Terrain))
	if !s.Fog {
		for i := range vis {
			vis[i] = true
		}
		return vis
	}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.Side == side {
			s.look(vis, u.Hex, s.observeHexes(u.Type.ObserveKm))
		}
	}
	for i := range s.Places {
		p := &s.Places[i]
		if p.Owner == side {
			r := 1
			if p.ObserveKm > 0 {
				r = s.observeHexes(p.ObserveKm)
			}
			s.look(vis, p.Hex, r)
		}
	}
	return vis
}

// look marks in vis the hexes an observer at from sees within rng hexes.
func (s *State) look(vis []bool, from hex.Hex, rng int) {
	h0 := s.Map.At(from).Info().Height
	if h0 >= 2 {
		rng++
	}
	mark := func(t hex.Hex) {
		i := s.Map.Index(t)
		if i < 0 || vis[i] {
			return
		}
		if s.canSee(from, t, h0, rng) {
			vis[i] = true
		}
	}
	if 3*rng*(rng+1)+1 > len(vis) {
		for i := range vis { // a range wider than the map: walk the map instead
			mark(s.Map.HexAt(i))
		}
		return
	}
	for r := 0; r <= rng; r++ {
		for _, t := range hex.Ring(from, r) {
			mark(t)
		}
	}
}

// canSee reports whether an observer at from (ground height h0) sees t within rng hexes.
func (s *State) canSee(from, t hex.Hex, h0, rng int) bool {
	d := hex.Distance(from, t)
	if d > rng {
		return false
	}
	if d <= 1 {
		return true
	}
	top := max(h0, s.Map.At(t).Info().Height)
	return hex.Walk(from, t, func(h hex.Hex) bool {
		if h == from || h == t {
			return true
		}
		info := s.Map.At(h).Info()
		// Higher ground hides what is behind it, and streets hide what lies
		// beyond them from anyone not on high ground.
		return info.Height <= top && !(info.Urban && h0 < 2)
	})
}

// unitSees reports whether u sees hex t.
func (s *State) unitSees(u *Unit, t hex.Hex) bool {
	h0 := s.Map.At(u.Hex).Info().Height
	rng := s.observeHexes(u.Type.ObserveKm)
	if h0 >= 2 {
		rng++
	}
	return s.canSee(u.Hex, t, h0, rng)
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

// newlySeen returns, sorted, the enemy units that u sees from where it
// stands and that are not in before, and adds them to before. Only the mover's
// view changes during a move, so only its sight is checked.
func (s *State) newlySeen(u *Unit, before map[string]bool) []string {
	var fresh []string
	for i := range s.Units {
		e := &s.Units[i]
		if e.Status == Active && Hostile(e.Side, u.Side) && !before[e.ID] && s.unitSees(u, e.Hex) {
			before[e.ID] = true
			fresh = append(fresh, e.ID)
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
