package hex

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomGround is a grid with random step costs (some steps not allowed) and
// random blocked and sticky hexes, as a cost function and as a table.
func randomGround(rng *rand.Rand, w, h int) (Grid, CostFunc, *Table, Limits, []int32) {
	return randomGroundOf(rng, w, h, false)
}

// randomGroundOf is randomGround with steps of 1 to 9 only when small.
func randomGroundOf(rng *rand.Rand, w, h int, small bool) (Grid, CostFunc, *Table, Limits, []int32) {
	g := Grid{W: w, H: h}
	n := w * h
	cost := make([]int, n)
	for i := range cost {
		switch k := rng.IntN(10); {
		case k == 0:
			cost[i] = -1 // impassable
		case small:
			cost[i] = 1 + rng.IntN(4) // the direction adds up to 5
		case k == 1:
			cost[i] = 180 + rng.IntN(600) // a river's crossing, say
		default:
			cost[i] = 1 + rng.IntN(40)
		}
	}
	terrain := func(a, b Hex) (int, bool) {
		j := g.Index(b)
		if j < 0 || cost[j] < 0 {
			return 0, false
		}
		// Not symmetric: the direction adds a little.
		return cost[j] + a.DirectionTo(b), true
	}
	lim := Limits{Blocked: make([]bool, n), Sticky: make([]bool, n)}
	for i := 0; i < n; i++ {
		lim.Blocked[i] = rng.IntN(12) == 0
		lim.Sticky[i] = rng.IntN(6) == 0
	}
	starts := []int32{int32(rng.IntN(n))}
	if rng.IntN(3) == 0 {
		starts = append(starts, int32(rng.IntN(n)), int32(rng.IntN(n)))
	}
	limited := func(a, b Hex) (int, bool) {
		ia, ib := g.Index(a), g.Index(b)
		if ib < 0 || lim.Blocked[ib] {
			return 0, false
		}
		if ia >= 0 && lim.Sticky[ia] && (lim.Sticky[ib] || !slices.Contains(starts, int32(ia))) {
			return 0, false
		}
		return terrain(a, b)
	}
	return g, limited, g.NewTable(terrain), lim, starts
}

// TestTableReachAgrees: a search over a step table with limits gives the
// cost of every hex that Grid.ReachFrom gives over the same steps.
func TestTableReachAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var out []int32
	for k := 0; k < 300; k++ {
		g, cost, tab, lim, starts := randomGroundOf(rng, 3+rng.IntN(30), 3+rng.IntN(30), k%3 == 0)
		maxCost := []int{-1, 0, 50, 400, 3000}[k%5]
		var hs []Hex
		for _, s := range starts {
			hs = append(hs, g.HexAt(int(s)))
		}
		want := g.ReachFrom(hs, cost, maxCost)
		out = tab.Reach(starts, maxCost, lim, out)
		if !slices.Equal(out, want) {
			t.Fatalf("case %d (%dx%d, limit %d): the table's reach differs", k, g.W, g.H, maxCost)
		}
	}
}

// TestTablePathAgrees: A* over a step table finds the very path Grid.Path
// finds (the same ties broken the same way) and the same cost.
func TestTablePathAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 500; k++ {
		g, cost, tab, lim, starts := randomGround(rng, 3+rng.IntN(30), 3+rng.IntN(30))
		start := starts[0]
		for _, s := range starts[1:] { // the path has one start: the others leave as any hex does
			lim.Sticky[s] = false
		}
		goal := rng.IntN(g.W * g.H)
		minStep := []int{0, 1}[k%2]
		maxCost := []int{-1, 100, 2000}[k%3]
		wp, wc, wok := g.Path(g.HexAt(int(start)), g.HexAt(goal), cost, minStep, maxCost)
		p, c, ok := tab.Path(int(start), goal, minStep, maxCost, lim)
		if ok != wok || c != wc || !slices.Equal(p, wp) {
			t.Fatalf("case %d: table path %v %d %v, grid path %v %d %v", k, p, c, ok, wp, wc, wok)
		}
	}
}

func BenchmarkTableReach100x80(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	g, _, tab, lim, starts := randomGround(rng, 100, 80)
	_ = g
	var out []int32
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out = tab.Reach(starts, -1, lim, out)
	}
}

func BenchmarkGridReach100x80(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	g, cost, _, _, starts := randomGround(rng, 100, 80)
	hs := []Hex{g.HexAt(int(starts[0]))}
	for _, s := range starts[1:] {
		hs = append(hs, g.HexAt(int(s)))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.ReachFrom(hs, cost, -1)
	}
}

// TestTableReachListAgrees: the sparse search lists exactly the hexes the
// dense one reaches, in index order, with their costs.
func TestTableReachListAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var out []int32
	var list []Reached
	for k := 0; k < 300; k++ {
		_, _, tab, lim, starts := randomGroundOf(rng, 3+rng.IntN(30), 3+rng.IntN(30), k%3 == 0)
		maxCost := []int{-1, 0, 50, 400, 3000}[k%5]
		out = tab.Reach(starts, maxCost, lim, out)
		list = tab.ReachList(starts, maxCost, lim, list[:0])
		var want []Reached
		for i, c := range out {
			if c >= 0 {
				want = append(want, Reached{int32(i), c})
			}
		}
		if !slices.Equal(list, want) {
			t.Fatalf("case %d: the list %v, the dense search %v", k, list, want)
		}
	}
}

// TestTableUpdateAgrees: a search repaired for a change of blocked hexes
// gives what a new search gives, for changes small and large.
func TestTableUpdateAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	updated := 0
	for k := 0; k < 3000; k++ {
		g, _, tab, lim, starts := randomGroundOf(rng, 3+rng.IntN(30), 3+rng.IntN(30), k%3 == 0)
		n := g.W * g.H
		maxCost := []int{-1, 50, 400, 3000}[k%4]
		was := lim.Blocked
		before := tab.Reach(starts, maxCost, Limits{Blocked: was}, nil)
		now := slices.Clone(was)
		for c := 1 + rng.IntN(1+[]int{1, 3, 10, n / 2}[k%4]); c > 0; c-- {
			i := rng.IntN(n)
			now[i] = !now[i]
		}
		want := tab.Reach(starts, maxCost, Limits{Blocked: now}, nil)
		got := slices.Clone(before)
		var blocked, opened []int32
		for i := range now {
			switch {
			case now[i] && !was[i]:
				blocked = append(blocked, int32(i))
			case was[i] && !now[i]:
				opened = append(opened, int32(i))
			}
		}
		if !tab.Update(got, starts, maxCost, now, blocked, opened) {
			continue
		}
		updated++
		if !slices.Equal(got, want) {
			t.Fatalf("case %d (%dx%d, limit %d): the repaired search differs from a new one", k, g.W, g.H, maxCost)
		}
	}
	if updated < 1000 {
		t.Errorf("only %d of 3000 searches were repaired", updated)
	}
}
