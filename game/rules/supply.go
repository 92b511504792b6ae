package rules

// supplyNet returns, for side, the hexes that a supply line reaches: a march
// of at most the side's SupplyReachHours, by the scenario's supply mode, from
// any place it holds that is a supply source, through hexes free of enemy
// units and, unless a friendly unit stands there, of enemy zones of control.
// It is the rule, built from every enemy unit, seen or not.
func (s *State) supplyNet(side string) Reach { return s.net(side, false) }

// knownSupplyNet is supplyNet as the side can work it out: from the enemy
// units it sees.
func (s *State) knownSupplyNet(side string) Reach { return s.net(side, true) }

// net is side's supply network from every enemy unit, or from those it sees
// when known is set. It is kept until what it depends on changes (see
// cache.go), and the two are one network when the side sees every enemy
// unit that matters.
func (s *State) net(side string, known bool) Reach {
	if s.SideIndex(side) < 0 {
		return Reach{m: s.Map}
	}
	return s.supplyNetOf(side, s.front(side, known))
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
