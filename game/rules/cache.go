package rules

import (
	"slices"

	"ili/game/hex"
)

// What is worked out from a state (a side's view, where its enemy stands,
// its supply network) is kept with the state, each under a key made of
// exactly what it depends on: a command that changes none of that (a move
// away from the enemy's zones of control, a fight elsewhere) leaves it
// standing, and the phase's supply check, the AI and retreats share one
// network until the enemy's hexes, its zones of control, the sources held
// or the friendly units standing in those zones change. A key is a short
// list of numbers, checked on every read, so a state changed by hand (a test,
// a tool) is read afresh too.

// sideCache is what is kept for one side.
type sideCache struct {
	visKey []int32
	vis    []bool
	// fronts are where the enemy stands: [0] by every enemy unit (the
	// rules' view), [1] by those the side sees.
	fronts [2]front
	// nets are the supply networks worked out last, the newest first.
	nets []netEntry
}

// front is where a side's enemies stand, by map index: the hexes their
// units hold and those their zones of control cover.
type front struct {
	valid bool
	key   []int32 // per enemy unit counted: map index*2, +1 with a zone of control
	enemy []bool
	zoc   []bool
}

// netEntry is one supply network and what it was worked out from: the
// reach, the sources and the blocked hexes (sorted map indexes).
type netEntry struct {
	reach   int
	starts  []int32
	blocked []int32
	cost    []int32
}

// maxNets is how many supply networks a side keeps: the rules' and its own
// (they differ under fog), and one or two more for retreats mid-phase.
const maxNets = 4

// cache returns side's cache, or nil for a side not in the game.
func (s *State) cache(side string) *sideCache {
	si := s.SideIndex(side)
	if si < 0 {
		return nil
	}
	if len(s.caches) != len(s.Sides) {
		s.caches = make([]sideCache, len(s.Sides))
	}
	return &s.caches[si]
}

// table returns the step costs of mode on the map (Setup.table), the
// state keeping those it used last by the mode's address: a key of a whole
// mode costs more to hash than a small search.
func (s *State) table(m *Mode) *hex.Table {
	for _, t := range s.tables {
		if t.mode == m {
			return t.table
		}
	}
	t := s.Setup.table(m)
	if len(s.tables) == 4 {
		s.tables = s.tables[:3]
	}
	s.tables = slices.Insert(s.tables, 0, stateTable{m, t})
	return t
}

// stateTable is a step table a state keeps, by its mode's address.
type stateTable struct {
	mode  *Mode
	table *hex.Table
}

// table returns the step costs of mode on the map, built once per map, mode
// and hex size and shared by every game and goroutine.
func (s *Setup) table(m *Mode) *hex.Table {
	key := tableKey{mode: *m, hexM: s.HexM}
	if t, ok := s.Map.tables.Load(key); ok {
		return t.(*hex.Table)
	}
	t := s.Map.Grid().NewTable(func(a, b hex.Hex) (int, bool) { return s.StepCost(m, a, b) })
	v, _ := s.Map.tables.LoadOrStore(key, t)
	return v.(*hex.Table)
}

// tableKey names a step table: the mode by value, so that a mode changed
// or loaded again gets a table of its own.
type tableKey struct {
	mode Mode
	hexM int
}

// front returns where side's enemies stand: every enemy unit when known is
// false, else those the side sees (every one without fog). The slices are
// shared: read them only.
func (s *State) front(side string, known bool) *front {
	c := s.cache(side)
	known = known && s.Fog
	k := 0
	var seen []bool
	if known {
		k = 1
		seen = s.visibility(side)
	}
	f := &c.fronts[k]
	key := s.scratchKey[:0]
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status != Active || !Hostile(u.Side, side) {
			continue
		}
		idx := s.Map.Index(u.Hex)
		if idx < 0 || (seen != nil && !seen[idx]) {
			continue
		}
		v := int32(idx) * 2
		if u.Type.ZOC {
			v++
		}
		key = append(key, v)
	}
	s.scratchKey = key
	if f.valid && slices.Equal(f.key, key) {
		return f
	}
	n := len(s.Map.Terrain)
	if len(f.enemy) != n {
		f.enemy, f.zoc = make([]bool, n), make([]bool, n)
	} else {
		clear(f.enemy)
		clear(f.zoc)
	}
	for _, v := range key {
		idx := int(v / 2)
		f.enemy[idx] = true
		if v&1 != 0 {
			for _, nb := range s.Map.HexAt(idx).Neighbors() {
				if j := s.Map.Index(nb); j >= 0 {
					f.zoc[j] = true
				}
			}
		}
	}
	f.key = append(f.key[:0], key...)
	f.valid = true
	return f
}

// supplyNetOf returns side's supply network against the enemy in f: from
// the sources it holds that no enemy stands in, through hexes free of enemy
// units and, unless a friendly unit stands there, of zones of control.
func (s *State) supplyNetOf(side string, f *front) Reach {
	c := s.cache(side)
	si := s.SideIndex(side)
	reach := s.Sides[si].SupplyReachHours * 60
	n := len(s.Map.Terrain)
	// The blocked hexes, as a sorted list: the enemy's, and the hexes of
	// its zones of control that no friendly unit stands in.
	friend := s.scratchFriend
	if len(friend) != n {
		friend = make([]bool, n)
		s.scratchFriend = friend
	}
	mark := func(v bool) {
		for i := range s.Units {
			u := &s.Units[i]
			if u.Status == Active && !Hostile(u.Side, side) {
				if idx := s.Map.Index(u.Hex); idx >= 0 {
					friend[idx] = v
				}
			}
		}
	}
	mark(true)
	list := s.scratchList[:0]
	for _, v := range f.key {
		idx := int(v / 2)
		list = append(list, int32(idx))
		if v&1 != 0 {
			for _, nb := range s.Map.HexAt(idx).Neighbors() {
				if j := s.Map.Index(nb); j >= 0 && !friend[j] {
					list = append(list, int32(j))
				}
			}
		}
	}
	mark(false)
	slices.Sort(list)
	list = slices.Compact(list)
	s.scratchList = list
	starts := s.scratchStarts[:0]
	for i := range s.Places {
		p := &s.Places[i]
		if p.Supply && p.Owner == side {
			if idx := s.Map.Index(p.Hex); idx >= 0 && !f.enemy[idx] {
				starts = append(starts, int32(idx))
			}
		}
	}
	s.scratchStarts = starts
	t := s.supplyTable()
	for k, e := range c.nets {
		if e.reach == reach && slices.Equal(e.starts, starts) && e.holds(t, list) {
			copy(c.nets[1:k+1], c.nets[:k])
			c.nets[0] = e
			return Reach{m: s.Map, cost: e.cost}
		}
	}
	// A new network: the newest from the same sources repaired where the
	// blocked hexes changed, or a new search.
	blocked := s.scratchBlocked // all false between calls
	if len(blocked) != n {
		blocked = make([]bool, n)
		s.scratchBlocked = blocked
	}
	for _, i := range list {
		blocked[i] = true
	}
	var cost []int32
	for _, o := range c.nets {
		if o.reach == reach && slices.Equal(o.starts, starts) {
			added, removed := diff(s.scratchAdded[:0], s.scratchRemoved[:0], o.blocked, list)
			s.scratchAdded, s.scratchRemoved = added, removed
			cost = slices.Clone(o.cost)
			if !t.Update(cost, starts, reach, blocked, added, removed) {
				cost = nil
			}
			break
		}
	}
	if cost == nil {
		cost = t.Reach(starts, reach, hex.Limits{Blocked: blocked}, nil)
	}
	for _, i := range list {
		blocked[i] = false
	}
	e := netEntry{reach: reach, cost: cost}
	if len(c.nets) == maxNets { // the oldest makes room, its slices reused
		old := c.nets[maxNets-1]
		e.starts, e.blocked = old.starts[:0], old.blocked[:0]
		c.nets = c.nets[:maxNets-1]
	}
	e.starts = append(e.starts, starts...)
	e.blocked = append(e.blocked, list...)
	c.nets = slices.Insert(c.nets, 0, e)
	return Reach{m: s.Map, cost: e.cost}
}

// diff appends to added the entries of the sorted list now not in was, and
// to removed those of was not in now.
func diff(added, removed, was, now []int32) ([]int32, []int32) {
	i, j := 0, 0
	for i < len(was) || j < len(now) {
		switch {
		case j == len(now) || (i < len(was) && was[i] < now[j]):
			removed = append(removed, was[i])
			i++
		case i == len(was) || now[j] < was[i]:
			added = append(added, now[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, removed
}

// holds reports whether the network e, worked out with its own blocked
// hexes, is also the network with those in the sorted list blocked instead
// (from the same sources and reach): every hex blocked now and not then
// was out of its reach, and every hex blocked then and not now stays out of
// reach, no hex reached being near enough to step in. A search gives one
// cost to each hex, so the network is then the very one a search would give.
func (e *netEntry) holds(t *hex.Table, blocked []int32) bool {
	was := e.blocked
	i, j := 0, 0
	for i < len(was) || j < len(blocked) {
		switch {
		case j == len(blocked) || (i < len(was) && was[i] < blocked[j]):
			if e.reaches(t, was[i]) { // open now: no hex reached may step in
				return false
			}
			i++
		case i == len(was) || blocked[j] < was[i]:
			if e.cost[blocked[j]] >= 0 { // blocked now: it must not have been reached
				return false
			}
			j++
		default:
			i++
			j++
		}
	}
	return true
}

// reaches reports whether a hex of e's network steps into hex i within the
// network's reach.
func (e *netEntry) reaches(t *hex.Table, i int32) bool {
	for d := 0; d < 6; d++ {
		j := t.Steps[int(i)*6+d].To
		if j < 0 || e.cost[j] < 0 {
			continue
		}
		// The step back, from the neighbour into i (the opposite direction).
		back := t.Steps[int(j)*6+(d+3)%6]
		if back.Cost >= 0 && int(e.cost[j])+int(back.Cost) <= e.reach {
			return true
		}
	}
	return false
}

// supplyTable is the step table supply travels by: the scenario's supply
// mode, or, without one, a table in which no step is allowed (the sources
// alone are in supply).
func (s *State) supplyTable() *hex.Table {
	if s.SupplyMode != nil {
		return s.table(s.SupplyMode)
	}
	return s.table(noMode)
}

// noMode is the way supply travels without a supply mode: nowhere.
var noMode = &Mode{ID: "none"}
