package hex

import "sync"

// CostFunc returns the cost of stepping from a hex to its neighbour, and false
// when the step is not allowed.
type CostFunc func(from, to Hex) (cost int, ok bool)

// Grid is a rectangle of W x H hexes in odd-row offset coordinates, the area
// path searches run in.
type Grid struct{ W, H int }

// Index returns h's position in a W*H slice, or -1 outside the grid.
func (g Grid) Index(h Hex) int {
	c, r := h.Offset()
	if c < 0 || r < 0 || c >= g.W || r >= g.H {
		return -1
	}
	return r*g.W + c
}

// search is the state of one Dijkstra or A* run over a grid. Searches are
// pooled: release clears only the entries a search touched.
type search struct {
	g       Grid
	cost    []int32 // best cost so far + 1 (0: not reached)
	from    []int32 // index of the previous hex + 1
	done    []bool
	touched []int32
	queue   queue
	iq      heap[iitem] // Table.Path's heap
}

var searches sync.Pool

func (g Grid) newSearch() *search {
	n := g.W * g.H
	if v := searches.Get(); v != nil {
		s := v.(*search)
		if len(s.cost) >= n {
			s.g = g
			s.cost, s.from, s.done = s.cost[:n], s.from[:n], s.done[:n]
			return s
		}
	}
	return &search{g: g, cost: make([]int32, n), from: make([]int32, n), done: make([]bool, n)}
}

// mark records that index i was written, for release.
func (s *search) mark(i int) {
	if s.cost[i] == 0 && !s.done[i] {
		s.touched = append(s.touched, int32(i))
	}
}

func (s *search) release() {
	for _, i := range s.touched {
		s.cost[i], s.from[i], s.done[i] = 0, 0, false
	}
	s.touched = s.touched[:0]
	s.queue = s.queue[:0]
	s.iq = s.iq[:0]
	searches.Put(s)
}

// run searches outward from starts, cheapest first: A* toward goal when
// goal is set (minStep is a lower bound on any step's cost, 0 for Dijkstra),
// plain Dijkstra over everything within maxCost (< 0: no limit) when not.
// It returns whether the goal was reached and its cost; s.done marks the
// hexes settled, with their cost in s.cost (plus one) and their parent in s.from.
func (s *search) run(starts []Hex, goal *Hex, cost CostFunc, minStep, maxCost int) (int, bool) {
	g := s.g
	h := func(x Hex) int {
		if goal == nil {
			return 0
		}
		return Distance(x, *goal) * minStep
	}
	for _, st := range starts {
		if i := g.Index(st); i >= 0 && s.cost[i] == 0 {
			s.mark(i)
			s.cost[i] = 1
			s.queue.push(item{h: st, f: h(st)})
		}
	}
	for len(s.queue) > 0 {
		cur := s.queue.pop()
		ci := g.Index(cur.h)
		if s.done[ci] {
			continue
		}
		s.done[ci] = true
		if goal != nil && cur.h == *goal {
			return cur.g, true
		}
		for _, n := range cur.h.Neighbors() {
			ni := g.Index(n)
			if ni < 0 || s.done[ni] {
				continue
			}
			c, allowed := cost(cur.h, n)
			if !allowed {
				continue
			}
			ng := cur.g + c
			if maxCost >= 0 && ng > maxCost {
				continue
			}
			if old := s.cost[ni]; old != 0 && int(old)-1 <= ng {
				continue
			}
			s.mark(ni)
			s.cost[ni] = int32(ng + 1)
			s.from[ni] = int32(ci + 1)
			s.queue.push(item{h: n, g: ng, f: ng + h(n)})
		}
	}
	return 0, false
}

// Path finds a cheapest path from start to goal with A* inside the grid.
// minStep is a lower bound on the cost of any single step (it keeps the search
// admissible; pass 0 for plain Dijkstra). The path includes start and goal; ok
// is false when goal cannot be reached or costs more than maxCost (maxCost < 0:
// no limit). Ties are broken by coordinates, so the same inputs give the same
// path everywhere.
func (g Grid) Path(start, goal Hex, cost CostFunc, minStep, maxCost int) (path []Hex, total int, ok bool) {
	si, gi := g.Index(start), g.Index(goal)
	if si < 0 || gi < 0 {
		return nil, 0, false
	}
	s := g.newSearch()
	defer s.release()
	total, ok = s.run([]Hex{start}, &goal, cost, minStep, maxCost)
	if !ok {
		return nil, 0, false
	}
	return s.rebuild(si, gi), total, true
}

// ReachFrom runs one Dijkstra from several starts at once and returns, per
// grid index, the cheapest cost from any of them, or -1 where the cost would
// pass maxCost or no path exists.
func (g Grid) ReachFrom(starts []Hex, cost CostFunc, maxCost int) []int32 {
	s := g.newSearch()
	defer s.release()
	s.run(starts, nil, cost, 0, maxCost)
	out := make([]int32, g.W*g.H)
	for i := range out {
		out[i] = -1
		if s.done[i] {
			out[i] = s.cost[i] - 1
		}
	}
	return out
}

func (s *search) rebuild(si, gi int) []Hex {
	var rev []Hex
	for i := gi; i != si; i = int(s.from[i]) - 1 {
		rev = append(rev, FromOffset(i%s.g.W, i/s.g.W))
	}
	rev = append(rev, FromOffset(si%s.g.W, si/s.g.W))
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

type item struct {
	h    Hex
	g, f int
}

// queue is the open list of a Grid search.
type queue = heap[item]

func (a item) less(b item) bool {
	if a.f != b.f {
		return a.f < b.f
	}
	if a.g != b.g {
		return a.g > b.g // deeper first: fewer re-expansions on ties
	}
	return Compare(a.h, b.h) < 0
}
