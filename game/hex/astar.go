package hex

import "container/heap"

// CostFunc returns the cost of stepping from a hex to its neighbour, and false
// when the step is not allowed.
type CostFunc func(from, to Hex) (cost int, ok bool)

// Path finds a cheapest path from start to goal with A*. minStep is a lower
// bound on the cost of any single step (it keeps the search admissible; pass 0
// for plain Dijkstra). The path includes start and goal; ok is false when goal
// cannot be reached or costs more than maxCost (maxCost < 0: no limit). Ties are
// broken by coordinates, so the same inputs give the same path everywhere.
func Path(start, goal Hex, cost CostFunc, minStep, maxCost int) (path []Hex, total int, ok bool) {
	if start == goal {
		return []Hex{start}, 0, true
	}
	open := &queue{}
	g := map[Hex]int{start: 0}
	from := map[Hex]Hex{}
	closed := map[Hex]bool{}
	heap.Push(open, item{h: start, f: Distance(start, goal) * minStep})
	for open.Len() > 0 {
		cur := heap.Pop(open).(item)
		if closed[cur.h] {
			continue
		}
		if cur.h == goal {
			return rebuild(from, start, goal), g[goal], true
		}
		closed[cur.h] = true
		for _, n := range cur.h.Neighbors() {
			if closed[n] {
				continue
			}
			c, allowed := cost(cur.h, n)
			if !allowed {
				continue
			}
			ng := g[cur.h] + c
			if maxCost >= 0 && ng > maxCost {
				continue
			}
			if old, seen := g[n]; seen && old <= ng {
				continue
			}
			g[n] = ng
			from[n] = cur.h
			heap.Push(open, item{h: n, g: ng, f: ng + Distance(n, goal)*minStep})
		}
	}
	return nil, 0, false
}

// Reach returns every hex reachable from start with a total cost of at most
// maxCost, with that cheapest cost (Dijkstra).
func Reach(start Hex, cost CostFunc, maxCost int) map[Hex]int {
	g := map[Hex]int{start: 0}
	open := &queue{}
	heap.Push(open, item{h: start})
	for open.Len() > 0 {
		cur := heap.Pop(open).(item)
		if cur.g > g[cur.h] {
			continue
		}
		for _, n := range cur.h.Neighbors() {
			c, allowed := cost(cur.h, n)
			if !allowed {
				continue
			}
			ng := cur.g + c
			if ng > maxCost {
				continue
			}
			if old, seen := g[n]; seen && old <= ng {
				continue
			}
			g[n] = ng
			heap.Push(open, item{h: n, g: ng, f: ng})
		}
	}
	return g
}

func rebuild(from map[Hex]Hex, start, goal Hex) []Hex {
	var rev []Hex
	for h := goal; h != start; h = from[h] {
		rev = append(rev, h)
	}
	rev = append(rev, start)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

type item struct {
	h    Hex
	g, f int
}

type queue []item

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	a, b := q[i], q[j]
	if a.f != b.f {
		return a.f < b.f
	}
	if a.g != b.g {
		return a.g > b.g // deeper first: fewer re-expansions on ties
	}
	if a.h.R != b.h.R {
		return a.h.R < b.h.R
	}
	return a.h.Q < b.h.Q
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(item)) }
func (q *queue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}
