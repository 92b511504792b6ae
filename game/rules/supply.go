package rules

import (
	"ili/game/hex"
)

// supplyNet returns, for side, the hexes that a supply line reaches: a foot
// march of at most the side's SupplyReachHours from any place it holds that is
// a supply source, through hexes free of enemy units and, unless a friendly
// unit stands there, of enemy zones of control.
func (s *State) supplyNet(side string) map[hex.Hex]int {
	si := s.SideIndex(side)
	if si < 0 {
		return nil
	}
	reach := s.Sides[si].SupplyReachHours * 60
	enemy := map[hex.Hex]bool{}
	zoc := map[hex.Hex]bool{}
	friend := map[hex.Hex]bool{}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status != Active {
			continue
		}
		if Hostile(u.Side, side) {
			enemy[u.Hex] = true
			if u.Type.ZOC {
				for _, n := range u.Hex.Neighbors() {
					zoc[n] = true
				}
			}
		} else {
			friend[u.Hex] = true
		}
	}
	cost := func(a, b hex.Hex) (int, bool) {
		if enemy[b] || (zoc[b] && !friend[b]) {
			return 0, false
		}
		return s.StepCost(s.SupplyMode, a, b)
	}
	net := map[hex.Hex]int{}
	for i := range s.Places {
		p := &s.Places[i]
		if !p.Supply || p.Owner != side || enemy[p.Hex] {
			continue
		}
		for h, c := range s.Map.Grid().Reach(p.Hex, cost, reach) {
			if old, ok := net[h]; !ok || c < old {
				net[h] = c
			}
		}
	}
	return net
}

// checkSupply updates the supply of side's units at the start of its phase:
// a unit on the supply net refills; one off it eats into what it carries and
// its morale falls once that is gone.
func (s *State) checkSupply(side string) []Event {
	net := s.supplyNet(side)
	var evs []Event
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status != Active || u.Side != side {
			continue
		}
		_, linked := net[u.Hex]
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
