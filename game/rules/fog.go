package rules

import (
	"math"
	"slices"

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
	c := s.cache(side)
	if c == nil {
		return s.computeVisibility(side)
	}
	// The key: fog, and where each observer stands and how far it sees.
	key := append(s.scratchKey[:0], 0)
	if s.Fog {
		key[0] = 1
		for i := range s.Units {
			u := &s.Units[i]
			if u.Status == Active && u.Side == side {
				key = append(key, int32(u.Hex.Q), int32(u.Hex.R), int32(s.observeHexes(u.Type.ObserveKm)))
			}
		}
		for i := range s.Places {
			if p := &s.Places[i]; p.Owner == side {
				key = append(key, int32(p.Hex.Q), int32(p.Hex.R), int32(s.placeObserve(p)))
			}
		}
	}
	s.scratchKey = key
	if c.vis != nil && slices.Equal(c.visKey, key) {
		return c.vis
	}
	// A new slice: views handed out before hold the old one.
	c.vis = s.computeVisibility(side)
	c.visKey = append(c.visKey[:0], key...)
	return c.vis
}

// placeObserve is how many hexes the holder of p sees from it.
func (s *State) placeObserve(p *Place) int {
	if p.ObserveKm > 0 {
		return s.observeHexes(p.ObserveKm)
	}
	return 1
}

func (s *State) computeVisibility(side string) []bool {
	vis := make([]bool, len(s.Map.Terrain))
	if !s.Fog {
		for i := range vis {
			vis[i] = true
		}
		return vis
	}
	mark := func(from hex.Hex, rng int) {
		for _, i := range s.sight(from, rng) {
			vis[i] = true
		}
	}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.Side == side {
			mark(u.Hex, s.observeHexes(u.Type.ObserveKm))
		}
	}
	for i := range s.Places {
		p := &s.Places[i]
		if p.Owner == side {
			mark(p.Hex, s.placeObserve(p))
		}
	}
	return vis
}

type sightKey struct {
	from hex.Hex
	rng  int
}

// sight returns the map indexes an observer at from sees within rng hexes,
// in ascending order.
// It depends on the terrain alone, so it is worked out once per map and
// shared by every game and goroutine.
func (s *State) sight(from hex.Hex, rng int) []int32 {
	key := sightKey{from, rng}
	if v, ok := s.Map.sights.Load(key); ok {
		return v.([]int32)
	}
	vis := make([]bool, len(s.Map.Terrain))
	s.look(vis, from, rng)
	var out []int32
	for i, v := range vis {
		if v {
			out = append(out, int32(i))
		}
	}
	s.Map.sights.Store(key, out)
	return out
}

// look marks in vis the hexes an observer at from sees within rng hexes.
// It works outward ring by ring: a hex is seen when the hex before it on the
// way back to the observer was seen and nothing on that way stands higher than
// both the observer and the hex, and, for an observer at ground level, no
// built-up hex lies in between. That is one step per hex, not one line each.
func (s *State) look(vis []bool, from hex.Hex, rng int) {
	h0 := s.Map.At(from).Info().Height
	if h0 >= 2 {
		rng++
	}
	side := 2*rng + 1
	type ray struct {
		seen    bool
		top     int8 // highest ground on the way, observer and hex excluded
		blocked bool // a built-up hex on the way hides it from ground level
	}
	rays := make([]ray, side*side)
	at := func(h hex.Hex) *ray {
		d := h.Sub(from)
		return &rays[(d.R+rng)*side+d.Q+rng]
	}
	*at(from) = ray{seen: true, top: -1}
	if i := s.Map.Index(from); i >= 0 {
		vis[i] = true
	}
	ring := make([]hex.Hex, 0, 6*rng)
	for r := 1; r <= rng; r++ {
		ring = hex.AppendRing(ring[:0], from, r)
		for _, t := range ring {
			p := hex.LineAt(t, from, 1) // the hex before t on the way back
			pr := at(p)
			cur := at(t)
			cur.top, cur.blocked = pr.top, pr.blocked
			if p != from {
				info := s.Map.At(p).Info()
				cur.top = max(cur.top, int8(info.Height))
				cur.blocked = cur.blocked || (info.Urban && h0 < 2)
			}
			ht := s.Map.At(t).Info().Height
			cur.seen = pr.seen && !cur.blocked && int(cur.top) <= max(h0, ht)
			if r == 1 {
				cur.seen = true
			}
			if i := s.Map.Index(t); i >= 0 && cur.seen {
				vis[i] = true
			}
		}
	}
}

// unitSight returns the map indexes u sees from where it stands, in
// ascending order: the same line of sight the side's view is built from.
func (s *State) unitSight(u *Unit) []int32 {
	return s.sight(u.Hex, s.observeHexes(u.Type.ObserveKm))
}

// seenEnemiesInto returns the IDs of enemy units side can see now.
// The map is one the state keeps for moves, emptied first: the move's, until
// the next.
func (s *State) seenEnemiesInto(side string) map[string]bool {
	if s.scratchSeen == nil {
		s.scratchSeen = map[string]bool{}
	}
	clear(s.scratchSeen)
	out := s.scratchSeen
	vis := s.visibility(side)
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
	sees := s.unitSight(u)
	for i := range s.Units {
		e := &s.Units[i]
		if e.Status != Active || !Hostile(e.Side, u.Side) || before[e.ID] {
			continue
		}
		if _, found := slices.BinarySearch(sees, int32(s.Map.Index(e.Hex))); found {
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
	Reason  string // why the game ended
	Visible []bool // per map index; shared with the state's own: read it only
	Units   []Unit // own units (all) and visible enemy units, sorted by ID
	Places  []Place
}

// View returns side's view of the state.
func (s *State) View(side string) *View { return s.ViewTo(side, &View{}) }

// ViewTo writes side's view of the state into v, reusing its slices of
// units and places (whatever they held is overwritten), and returns v: a
// player that asks for a view at every command keeps one.
func (s *State) ViewTo(side string, v *View) *View {
	units, places := v.Units[:0], v.Places[:0]
	*v = View{Setup: s.Setup, Side: side, Turn: s.Turn, Phase: s.Phase, Over: s.Over, Winner: s.Winner, Reason: s.Reason}
	v.Visible = s.visibility(side)
	for _, u := range s.Units {
		if u.Side == side || (u.Status == Active && v.Visible[s.Map.Index(u.Hex)]) {
			units = append(units, u)
		}
	}
	v.Units = units
	v.Places = append(places, s.Places...)
	return v
}

// Seen reports whether the view's side can see h.
func (v *View) Seen(h hex.Hex) bool {
	i := v.Map.Index(h)
	return i >= 0 && v.Visible[i]
}

// ActiveSide returns the ID of the side whose phase it is.
func (v *View) ActiveSide() string { return v.Sides[v.Phase].ID }

// Known returns the events of evs that side may know of, as the state
// stands after them: everything about its own units and public matters
// (turns, places, stories, the end), and of the other sides only what
// happens where it can see. A move seen in part keeps the part in sight.
// Without fog of war every event is known.
func (s *State) Known(side string, evs []Event) []Event {
	if !s.Fog {
		return evs
	}
	v := s.View(side)
	own := func(id string) bool {
		u := s.Unit(id)
		return u != nil && u.Side == side
	}
	seenUnit := func(id string) bool {
		u := s.Unit(id)
		return u != nil && (u.Side == side || v.Seen(u.Hex))
	}
	var out []Event
	for _, e := range evs {
		keep := true
		switch e := e.(type) {
		case Moved:
			if !own(e.Unit) {
				var path []hex.Hex
				for _, h := range e.Path {
					if v.Seen(h) {
						path = append(path, h)
					}
				}
				keep = len(path) > 0
				e.Path = path
				if keep {
					out = append(out, e)
				}
				continue
			}
		case MoveStopped:
			keep = own(e.Unit) || v.Seen(e.At)
		case Advanced:
			keep = own(e.Unit) || v.Seen(e.To)
		case ReinforcementArrived:
			keep = own(e.Unit) || v.Seen(e.At)
		case Retreated:
			keep = own(e.Unit) || v.Seen(e.From) || v.Seen(e.To)
		case Spotted:
			keep = e.Side == side
		case Entrenched:
			keep = own(e.Unit)
		case SupplyChanged:
			keep = own(e.Unit)
		case ReinforcementDelayed:
			keep = own(e.Unit)
		case UnitWithdrawn:
			keep = own(e.Unit)
		case UnitExited:
			keep = seenUnit(e.Unit)
		case UnitEliminated:
			keep = seenUnit(e.Unit)
		case CombatResolved:
			keep = v.Seen(e.Target)
			for _, id := range append(append([]string(nil), e.Attackers...), e.Defenders...) {
				keep = keep || own(id)
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}
