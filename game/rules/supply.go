package rules

import (
	"ili/game/hex"
)

// Reach is the result of a search over the map: a cost for each hex reached.
type Reach struct {
	m    *Map
	cost []int32
}

// Cost returns the cost to reach h, and false if it is not reached.
func (r Reach) Cost(h hex.Hex) (int, bool) {
	i := r.m.Index(h)
	if i < 0 || r.cost == nil || r.cost[i] < 0 {
		return 0, false
	}
	return int(r.cost[i]), true
}

// supplyNet returns, for side, the hexes that a supply line reaches: a march
// of at most the side's SupplyReachHours, by the scenario's supply mode, from
// any place it holds that is a supply source, through hexes free of enemy
// units and, unless a friendly unit stands there, of enemy zones of control.
// It is the rule, built from every enemy unit, seen or not.
func (s *State) supplyNet(side string) Reach { return s.net(netKey{side: side}) }

// knownSupplyNet is supplyNet as the side can work it out: from the enemy
// units it sees.
func (s *State) knownSupplyNet(side string) Reach {
	return s.net(netKey{side: side, known: s.Fog})
}

// netKey names one supply network: a side's, from every enemy unit or only
// from those it sees.
type netKey struct {
	side  string
	known bool
}

func (s *State) net(k netKey) Reach {
	if c, ok := s.nets[k]; ok && c.version == s.version {
		return c.reach
	}
	r := s.computeSupplyNet(k)
	if s.nets == nil {
		s.nets = map[netKey]netCache{}
	}
	s.nets[k] = netCache{version: s.version, reach: r}
	return r
}

func (s *State) computeSupplyNet(k netKey) Reach {
	side := k.side
	si := s.SideIndex(side)
	if si < 0 {
		return Reach{m: s.Map}
	}
	reach := s.Sides[si].SupplyReachHours * 60
	n := len(s.Map.Terrain)
	enemy := make([]bool, n)
	zoc := make([]bool, n)
	friend := make([]bool, n)
	var seen []bool
	if k.known {
		seen = s.visibility(side)
	}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status != Active {
			continue
		}
		idx := s.Map.Index(u.Hex)
		if idx < 0 || (seen != nil && !seen[idx] && Hostile(u.Side, side)) {
			continue
		}
		if Hostile(u.Side, side) {
			enemy[idx] = true
			if u.Type.ZOC {
				for _, nb := range u.Hex.Neighbors() {
					if j := s.Map.Index(nb); j >= 0 {
						zoc[j] = true
					}
				}
			}
		} else {
			friend[idx] = true
		}
	}
	cost := func(a, b hex.Hex) (int, bool) {
		j := s.Map.Index(b)
		if enemy[j] || (zoc[j] && !friend[j]) {
			return 0, false
		}
		return s.StepCost(s.SupplyMode, a, b)
	}
	var starts []hex.Hex
	for i := range s.Places {
		p := &s.Places[i]
		if p.Supply && p.Owner == side && !enemy[s.Map.Index(p.Hex)] {
			starts = append(starts, p.Hex)
		}
	}
	return Reach{m: s.Map, cost: s.Map.Grid().ReachFrom(starts, cost, reach)}
}

// checkSupply updates the supply of side's units at the start of its phase:
// a unit on the supply net refills; one off it eats into what it carries and
// its morale falls once that is gone.
func (s *State) checkSupply(side string) []Event {
	net := s.supplyNet(side)
	air := s.airLifted(side, func(u *Unit) bool { _, on := net.Cost(u.Hex); return on }) // orders.go
	var evs []Event
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status != Active || u.Side != side {
			continue
		}
		_, linked := net.Cost(u.Hex)
		linked = linked || air[u.ID]
		full := u.Type.SupplyDays * 24
		was := u.InSupply
		if linked {
			u.SupplyHours = full
			u.InSupply = true
			if u.Morale < u.BaseMorale {
				u.Morale = min(u.BaseMorale, u.Morale+(5*s.TurnHours+23)/24)
			}
		} else {
			u.SupplyHours = max(0, u.SupplyHours-s.TurnHours)
			u.InSupply = u.SupplyHours > 0
			if !u.InSupply {
				u.Morale = max(0, u.Morale-(5*s.TurnHours+23)/24)
			}
		}
		if was != u.InSupply {
			evs = append(evs, SupplyChanged{Unit: u.ID, InSupply: u.InSupply})
		}
	}
	return evs
}
