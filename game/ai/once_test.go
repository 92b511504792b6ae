package ai

import (
	"math/rand/v2"
	"slices"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestWorldOfIsNewWorld: the world a Player builds in the one it keeps is the
// world newWorld builds afresh, command after command of real games (units
// moving, fighting, stacking and leaving), and its danger table is the
// enemy men next to each hex.
func TestWorldOfIsNewWorld(t *testing.T) {
	ids := func(us []*rules.Unit) []string {
		var out []string
		for _, u := range us {
			out = append(out, u.ID)
		}
		return out
	}
	same := func(a, b []*rules.Unit) bool {
		x, y := ids(a), ids(b)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	byHex := func(what string, got, want map[hex.Hex][]*rules.Unit) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d hexes, want %d", what, len(got), len(want))
		}
		for h, us := range want {
			if !same(got[h], us) {
				t.Fatalf("%s at %v: %v, want %v", what, h, ids(got[h]), ids(us))
			}
		}
	}
	for _, id := range []string{"ghulja-1944", "nilka-1944"} {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := sc.NewState(5)
		if err != nil {
			t.Fatal(err)
		}
		s.Begin()
		players := map[string]*Player{}
		for i, sd := range s.Sides {
			players[sd.ID] = New(sd.ID, Normal, uint64(i))
		}
		for n := 0; n < 400 && !s.Over; n++ {
			side := s.ActiveSide()
			p, q := players[side], s.For(side)
			want := newWorld(q.View(), side)
			got := p.worldOf(p.viewOf(q))
			if !same(got.mine, want.mine) || !same(got.enemies, want.enemies) || len(got.unit) != len(want.unit) {
				t.Fatalf("%s command %d: the kept world's units differ", id, n)
			}
			if h, wh := got.enemyHexes(), sortedHexes(want.enemyAt); !slices.Equal(h, wh) {
				t.Fatalf("%s command %d: the enemy's hexes %v, want %v", id, n, h, wh)
			}
			byHex("mineAt", got.mineAt, want.mineAt)
			byHex("enemyAt", got.enemyAt, want.enemyAt)
			for i := range s.Map.Terrain {
				h, d := s.Map.HexAt(i), 0.0
				for _, nb := range h.Neighbors() {
					for _, e := range want.enemyAt[nb] {
						d += float64(e.Men)
					}
				}
				if got.dangerAt(h) != d {
					t.Fatalf("%s command %d: danger at %v is %v, want %v", id, n, h, got.dangerAt(h), d)
				}
			}
			cmd := p.Next(q)
			if _, err := s.Apply(cmd); err != nil {
				if _, err := s.Apply(rules.EndPhase(side)); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestFieldsAsSearchedOverTheGround: a field is, for every hex, the cheapest
// march to its goal over the ground, as a search by the step cost finds it.
func TestFieldsAsSearchedOverTheGround(t *testing.T) {
	for _, id := range []string{"manas-1945", "aksu-1946"} {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := sc.NewState(1)
		if err != nil {
			t.Fatal(err)
		}
		v := s.View(s.Sides[0].ID)
		modes := map[*rules.Mode]bool{}
		for _, u := range v.Units {
			if u.Type.Mode != nil {
				modes[u.Type.Mode] = true
			}
		}
		grid := v.Map.Grid()
		for mode := range modes {
			for k := 0; k < 6; k++ {
				goal := v.Map.HexAt(k * 997 % len(v.Map.Terrain))
				cost := func(a, b hex.Hex) (int, bool) { return v.StepCost(mode, b, a) }
				want := grid.ReachFrom([]hex.Hex{goal}, cost, 1<<29)
				f := distances(v, mode, goal)
				for i, c := range want {
					if c < 0 {
						c = unreachable
					}
					if f[i] != c {
						t.Fatalf("%s %s: the field to %v says %d at %v, the search %d", id, mode.ID, goal, f[i], v.Map.HexAt(i), c)
					}
				}
			}
		}
		if f := distances(v, v.SupplyMode, hex.Hex{Q: -50, R: -50}); f.at(v, v.Map.HexAt(0)) != unreachable {
			t.Errorf("a goal off the map is reached")
		}
	}
}

// TestGreedyScansEveryPairing: greedy gives the pairings, in the order, that
// scoring every pairing every round gives, with ties, zeros and scores that
// rise and fall as objectives are given.
func TestGreedyScansEveryPairing(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	var m memo
	for c := 0; c < 3000; c++ {
		units, objs := rng.IntN(12), rng.IntN(8)
		base := make([]float64, units*objs)
		for i := range base {
			base[i] = float64(rng.IntN(7)-2) / 2 // ties, zeros and below
		}
		run := func(pick func(score func(k, i int) float64, give func(k, i int))) [][2]int {
			taken := make([]float64, objs)
			score := func(k, i int) float64 {
				v := base[k*objs+i]
				if v <= 0 {
					return 0
				}
				return v / (1 + taken[i])
			}
			var order [][2]int
			pick(score, func(k, i int) {
				order = append(order, [2]int{k, i})
				taken[i] += float64(rng.IntN(3)) - 0.5 // an objective may grow dearer or cheaper
			})
			return order
		}
		seed := rng.Uint64()
		rng = rand.New(rand.NewPCG(seed, 1))
		got := run(func(score func(k, i int) float64, give func(k, i int)) { m.greedy(units, objs, score, give) })
		rng = rand.New(rand.NewPCG(seed, 1))
		want := run(func(score func(k, i int) float64, give func(k, i int)) {
			done := make([]bool, units)
			for range units {
				bk, bi, best := -1, -1, 0.0
				for k := range units {
					if done[k] {
						continue
					}
					for i := range objs {
						if sc := score(k, i); sc > best {
							bk, bi, best = k, i, sc
						}
					}
				}
				if bk < 0 {
					break
				}
				done[bk] = true
				give(bk, bi)
			}
		})
		if !slices.Equal(got, want) {
			t.Fatalf("case %d (%d units, %d objectives): greedy gives %v, the scan %v", c, units, objs, got, want)
		}
	}
}
