package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCachesAgreeWithAFreshLook: whatever is kept from one state to the
// next (visibility, where the enemy stands, supply networks kept while what
// they were worked out from has changed in no way that matters) gives what
// working it out afresh gives, as units move, appear and disappear, places
// change hands and fog comes and goes.
func TestCachesAgreeWithAFreshLook(t *testing.T) {
	w := newWorld(t,
		"....hh....ww....",
		"...hmmh...ww..t.",
		"..tt.h.....~....",
		"....f...........",
		".ff...m.....dd..",
		"...c...mm.....d.",
		"........m.......",
	)
	w.setup.Fog = true
	w.setup.Sides[1].SupplyReachHours = 30
	w.place("depot", "red", 0, 3, 0, true).place("town", "blue", 14, 1, 2, true).place("city", "red", 3, 5, 3, true)
	w.river(MinorRiver, [2]int{5, 3}, [2]int{6, 3})
	for i := 0; i < 8; i++ {
		ty := infantry
		if i%3 == 0 {
			ty = cavalry
		}
		side := "red"
		if i%2 == 1 {
			side = "blue"
		}
		w.unit(string(rune('a'+i)), side, ty, 2*i, i%7, 1000)
	}
	s, _ := w.start(t, 1)
	rng := rand.New(rand.NewPCG(7, 8))
	var into Reach // ReachInto's, one unit's after another in the same memory
	for step := 0; step < 3000; step++ {
		switch k := rng.IntN(20); {
		case k < 14: // a unit steps somewhere
			u := &s.Units[rng.IntN(len(s.Units))]
			if h := s.Map.HexAt(rng.IntN(len(s.Map.Terrain))); s.Map.Passable(h) {
				if rng.IntN(3) == 0 {
					u.Hex = h
				} else if n := u.Hex.Neighbor(rng.IntN(6)); s.Map.Passable(n) {
					u.Hex = n
				}
			}
		case k < 16:
			u := &s.Units[rng.IntN(len(s.Units))]
			u.Status = []Status{Active, Active, Eliminated}[rng.IntN(3)]
		case k < 18:
			p := &s.Places[rng.IntN(len(s.Places))]
			p.Owner = []string{"red", "blue", ""}[rng.IntN(3)]
		case k < 19:
			s.Fog = !s.Fog
		}
		for _, side := range []string{"red", "blue"} {
			vis, net, known := slices.Clone(s.visibility(side)), s.supplyNet(side), s.knownSupplyNet(side)
			mine := ""
			for i := range s.Units {
				if s.Units[i].Side == side && s.Units[i].Status == Active {
					mine = s.Units[i].ID
				}
			}
			var reach Reach
			if mine != "" {
				reach = s.ReachOf(mine)
			}
			fresh := s.Clone()
			if !slices.Equal(fresh.visibility(side), vis) {
				t.Fatalf("step %d: %s's kept view differs from a fresh one", step, side)
			}
			if !slices.Equal(fresh.supplyNet(side).cost, net.cost) {
				t.Fatalf("step %d: %s's kept supply network differs from a fresh one", step, side)
			}
			if !slices.Equal(fresh.knownSupplyNet(side).cost, known.cost) {
				t.Fatalf("step %d: %s's kept known supply network differs from a fresh one", step, side)
			}
			if mine != "" && !slices.Equal(fresh.ReachOf(mine).list, reach.list) {
				t.Fatalf("step %d: %s's reach differs from a fresh one", step, mine)
			}
			if mine != "" {
				if s.For(side).ReachInto(mine, &into); !slices.Equal(into.list, reach.list) {
					t.Fatalf("step %d: %s's reach written into the last one's memory differs from ReachOf", step, mine)
				}
			}
			if mine != "" && step%20 == 0 { // the list answers as the map of Reachable does
				m := s.Reachable(mine)
				if reach.Len() != len(m) {
					t.Fatalf("step %d: %d hexes in the reach, %d in the map", step, reach.Len(), len(m))
				}
				for i := range s.Map.Terrain {
					h := s.Map.HexAt(i)
					c, ok := reach.Cost(h)
					if want, in := m[h]; ok != in || c != want {
						t.Fatalf("step %d: the reach says %d %v at %v, the map %d %v", step, c, ok, h, want, in)
					}
				}
				n := 0
				for h, c := range reach.All() {
					if m[h] != c {
						t.Fatalf("step %d: All gives %d at %v, the map %d", step, c, h, m[h])
					}
					n++
				}
				if n != len(m) {
					t.Fatalf("step %d: All gives %d hexes, the map %d", step, n, len(m))
				}
			}
		}
	}
}
