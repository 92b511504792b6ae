package hex

import (
	"math/bits"
	"slices"
)

// Step is one entry of a step table: the grid index of the neighbour and the
// cost of stepping to it, Cost < 0 where the step is not allowed (off the
// grid, impassable, or not allowed by the way of moving).
type Step struct{ To, Cost int32 }

// Table holds the step costs of one grid for one way of moving, in the
// order of grid indexes: Steps[i*6+d] is the step from index i in direction d
// (see Directions). Costs are small integers (march minutes), so searches
// over a table keep their open hexes in buckets by cost instead of a heap,
// and read the costs from memory instead of calling a function per step.
// A table never changes once built: games and goroutines share it.
type Table struct {
	Grid  Grid
	Steps []Step
	// Max is the dearest allowed step (0 when none is allowed).
	Max int32
}

// NewTable builds g's step table from a cost function. Steps off the grid are
// not allowed; costs must fit in 31 bits.
func (g Grid) NewTable(cost CostFunc) *Table {
	n := g.W * g.H
	t := &Table{Grid: g, Steps: make([]Step, n*6)}
	for i := 0; i < n; i++ {
		h := FromOffset(i%g.W, i/g.W)
		for d, nb := range h.Neighbors() {
			st := Step{To: -1, Cost: -1}
			if j := g.Index(nb); j >= 0 {
				st.To = int32(j)
				if c, ok := cost(h, nb); ok {
					st.Cost = int32(c)
					t.Max = max(t.Max, st.Cost)
				}
			}
			t.Steps[i*6+d] = st
		}
	}
	return t
}

// HexAt returns the hex at grid index i.
func (g Grid) HexAt(i int) Hex { return FromOffset(i%g.W, i/g.W) }

// Limits are the hexes a search over a table may not enter or leave, beside
// the table's own costs (for zones of control and enemy units). Either may be
// nil; both are indexed like the grid.
type Limits struct {
	// Blocked hexes cannot be entered.
	Blocked []bool
	// Sticky hexes cannot be left once entered: a search steps out of one
	// only from a start, and then only to a hex that is not sticky.
	Sticky []bool
}

// allowed reports whether the step from index i (a start or not) to the
// table entry st may be taken under lim.
func (lim *Limits) allowed(i int32, st Step, start bool) bool {
	if st.Cost < 0 || (lim.Blocked != nil && lim.Blocked[st.To]) {
		return false
	}
	if lim.Sticky != nil && lim.Sticky[i] && (!start || lim.Sticky[st.To]) {
		return false
	}
	return true
}

// buckets are the open hexes of a Dijkstra by cost, in a ring as long as the
// dearest step allows (every open hex costs between the cheapest open one
// and it plus the dearest step), with a bit per bucket that holds hexes, so
// that a search over costs in the thousands (10 km hexes) skips the empty
// buckets 64 at a time.
type buckets struct {
	ring [][]int32
	occ  []uint64
	mask int32
}

// getBuckets returns an empty ring for steps up to max.
func getBuckets(max int32) *buckets {
	size := 64
	for size <= int(max) {
		size <<= 1
	}
	b := bucketPool.get()
	if b == nil {
		b = &buckets{}
	}
	if len(b.ring) < size {
		b.ring = append(b.ring, make([][]int32, size-len(b.ring))...)
		b.occ = make([]uint64, size/64)
	}
	b.mask = int32(size - 1)
	return b
}

// push puts hex i in the bucket of cost c.
func (b *buckets) push(c, i int32) {
	k := c & b.mask
	if len(b.ring[k]) == 0 {
		b.occ[k>>6] |= 1 << uint(k&63)
	}
	b.ring[k] = append(b.ring[k], i)
}

// done empties the bucket of cost c.
func (b *buckets) done(c int32) {
	k := c & b.mask
	b.ring[k] = b.ring[k][:0]
	b.occ[k>>6] &^= 1 << uint(k&63)
}

// next returns the least cost from c on whose bucket holds hexes; one must.
func (b *buckets) next(c int32) int32 {
	k := c & b.mask
	words := int32(b.mask>>6) + 1
	wi := k >> 6
	if w := b.occ[wi] >> uint(k&63); w != 0 {
		return c + int32(bits.TrailingZeros64(w))
	}
	c += 64 - k&63
	for range words {
		wi = (wi + 1) & (words - 1)
		if w := b.occ[wi]; w != 0 {
			return c + int32(bits.TrailingZeros64(w))
		}
		c += 64
	}
	panic("hex: no open hex in the buckets")
}

// The scratch of searches is kept in free lists rather than sync.Pools,
// which empty at every collection: a batch collects often, and a ring
// regrown at every search costs more than the search.
var (
	bucketPool = newFreeList[buckets]()
	sparsePool = newFreeList[sparse]()
	repairPool = newFreeList[repair]()
)

// freeList keeps up to freeListSize values for reuse by any goroutine.
type freeList[T any] struct{ c chan *T }

const freeListSize = 32

func newFreeList[T any]() freeList[T] { return freeList[T]{c: make(chan *T, freeListSize)} }

// get returns a kept value, or nil.
func (f freeList[T]) get() *T {
	select {
	case v := <-f.c:
		return v
	default:
		return nil
	}
}

// put keeps v unless the list is full.
func (f freeList[T]) put(v *T) {
	select {
	case f.c <- v:
	default:
	}
}

// Reach runs one Dijkstra over the table from starts (grid indexes; those
// outside the grid are ignored) and writes into out, per grid index, the
// cheapest cost from any of them, or -1 where no path costs at most maxCost
// (maxCost < 0: no limit). out is grown or made when it is too short, and
// returned. The costs are the same as Grid.ReachFrom gives for the same
// steps: the cheapest cost to a hex does not depend on the order of search.
func (t *Table) Reach(starts []int32, maxCost int, lim Limits, out []int32) []int32 {
	n := t.Grid.W * t.Grid.H
	if cap(out) < n {
		out = make([]int32, n)
	}
	out = out[:n]
	for i := range out {
		out[i] = -1
	}
	t.dial(out, starts, maxCost, lim, nil, false)
	return out
}

// dial runs the search of Reach and ReachList: cost is the grid's costs so
// far, -1 for none (the starts are set to 0 here); with track, every index
// set is appended to touched, which is returned.
func (t *Table) dial(cost []int32, starts []int32, maxCost int, lim Limits, touched []int32, track bool) []int32 {
	n := len(cost)
	limit := int64(maxCost)
	if maxCost < 0 {
		limit = 1<<31 - 1
	}
	b := getBuckets(t.Max)
	open := 0
	for _, s := range starts {
		if s >= 0 && int(s) < n && cost[s] != 0 {
			if track && cost[s] < 0 {
				touched = append(touched, s)
			}
			cost[s] = 0
			b.push(0, s)
			open++
		}
	}
	sticky := lim.Sticky != nil
	for c := int32(0); open > 0; c++ {
		c = b.next(c)
		k := c & b.mask
		for j := 0; j < len(b.ring[k]); j++ { // the bucket may grow by steps of cost 0
			i := b.ring[k][j]
			open--
			if cost[i] != c {
				continue // reached more cheaply since
			}
			start := sticky && lim.Sticky[i] && c == 0 && slices.Contains(starts, i)
			for _, st := range t.Steps[int(i)*6 : int(i)*6+6] {
				if !lim.allowed(i, st, start) {
					continue
				}
				nc := c + st.Cost
				if int64(nc) > limit {
					continue
				}
				old := cost[st.To]
				if old >= 0 && old <= nc {
					continue
				}
				if track && old < 0 {
					touched = append(touched, st.To)
				}
				cost[st.To] = nc
				b.push(nc, st.To)
				open++
			}
		}
		b.done(c)
	}
	bucketPool.put(b)
	return touched
}

// Path finds a cheapest path over the table from start to goal (grid
// indexes) with A*, as Grid.Path does over the same steps: the same
// order of search and ties, so the same path. minStep is a lower bound on any
// step's cost (0 for Dijkstra); ok is false when goal cannot be reached or
// costs more than maxCost (maxCost < 0: no limit).
func (t *Table) Path(start, goal int, minStep, maxCost int, lim Limits) (path []Hex, total int, ok bool) {
	g := t.Grid
	n := g.W * g.H
	if start < 0 || goal < 0 || start >= n || goal >= n {
		return nil, 0, false
	}
	s := g.newSearch()
	defer s.release()
	gh := g.HexAt(goal)
	h := func(i int32) int32 { return int32(Distance(g.HexAt(int(i)), gh) * minStep) }
	q := s.iq[:0]
	s.mark(start)
	s.cost[start] = 1
	q.push(iitem{i: int32(start), f: h(int32(start))})
	for len(q) > 0 {
		cur := q.pop()
		ci := cur.i
		if s.done[ci] {
			continue
		}
		s.done[ci] = true
		if int(ci) == goal {
			s.iq = q
			return s.rebuild(start, goal), int(cur.g), true
		}
		from := int(ci) == start
		for _, st := range t.Steps[int(ci)*6 : int(ci)*6+6] {
			if st.To < 0 || s.done[st.To] || !lim.allowed(ci, st, from) {
				continue
			}
			ng := cur.g + st.Cost
			if maxCost >= 0 && int(ng) > maxCost {
				continue
			}
			if old := s.cost[st.To]; old != 0 && old-1 <= ng {
				continue
			}
			s.mark(int(st.To))
			s.cost[st.To] = ng + 1
			s.from[st.To] = ci + 1
			q.push(iitem{i: st.To, g: ng, f: ng + h(st.To)})
		}
	}
	s.iq = q
	return nil, 0, false
}

// iitem is an open hex of a search over a table, by grid index: index order
// is the order of Compare inside a grid (rows, then west to east), so ties
// fall as they do in Grid.Path.
type iitem struct{ f, g, i int32 }

func (a iitem) less(b iitem) bool {
	if a.f != b.f {
		return a.f < b.f
	}
	if a.g != b.g {
		return a.g > b.g
	}
	return a.i < b.i
}

// Reached is one hex a search reached: its grid index and its cost.
type Reached struct{ Index, Cost int32 }

// sparse is the scratch of ReachList: costs by grid index (-1 unreached)
// and the indexes written, to put back.
type sparse struct {
	cost    []int32
	touched []int32
}

// ReachList is Reach for a search that reaches few of the grid's hexes (a
// unit's march in a phase): it appends to into every hex reached, with its
// cost, in the order of grid indexes (Compare's), and touches no other
// entry of a grid-sized array, so its cost follows the hexes reached, not
// the grid's size. The costs are Reach's.
func (t *Table) ReachList(starts []int32, maxCost int, lim Limits, into []Reached) []Reached {
	n := t.Grid.W * t.Grid.H
	sp := sparsePool.get()
	if sp == nil {
		sp = &sparse{}
	}
	if len(sp.cost) < n {
		sp.cost = make([]int32, n)
		for i := range sp.cost {
			sp.cost[i] = -1
		}
	}
	cost := sp.cost[:n]
	touched := t.dial(cost, starts, maxCost, lim, sp.touched[:0], true)
	into = slices.Grow(into, len(touched))
	if k := len(touched); k*bits.Len(uint(k)) < n/2 { // few: sort them
		slices.Sort(touched)
		for _, i := range touched {
			into = append(into, Reached{Index: i, Cost: cost[i]})
			cost[i] = -1
		}
	} else { // much of the grid: read it in order
		for i, c := range cost {
			if c >= 0 {
				into = append(into, Reached{Index: int32(i), Cost: c})
				cost[i] = -1
			}
		}
	}
	sp.touched = touched
	sparsePool.put(sp)
	return into
}

// repair is Update's scratch.
type repair struct {
	in    []bool  // in the affected set
	set   []int32 // the affected set
	seeds []Reached
}

// Update turns cost, what Reach gave over the table from starts within
// maxCost with some hexes blocked, into what it gives with those in now
// blocked instead, blocked being the hexes blocked now and not before and
// opened the other way round. It works again only on what the change
// touches: the hexes reached by way of one blocked now (those one of whose
// cheapest steps in comes from such a hex, and so on), and those a hex
// opened now may bring nearer. It reports false, cost then being of no use,
// when so much has changed that a new search costs less. Limits.Sticky is
// not supported.
func (t *Table) Update(cost []int32, starts []int32, maxCost int, now []bool, blocked, opened []int32) bool {
	n := len(cost)
	limit := int32(1<<31 - 1)
	if maxCost >= 0 && maxCost < 1<<31-1 {
		limit = int32(maxCost)
	}
	r := repairPool.get()
	if r == nil {
		r = &repair{}
	}
	if len(r.in) < n {
		r.in = make([]bool, n)
	}
	in := r.in[:n]
	set, seeds := r.set[:0], r.seeds[:0]
	defer func() {
		for _, i := range set {
			in[i] = false
		}
		r.set, r.seeds = set[:0], seeds[:0]
		repairPool.put(r)
	}()
	for _, i := range blocked {
		// A start keeps its cost of 0, blocked or not: only entering is.
		if cost[i] > 0 {
			in[i] = true
			set = append(set, i)
		}
	}
	// Every hex whose cheapest way in may pass through the set joins it.
	for k := 0; k < len(set); k++ {
		a := set[k]
		for _, st := range t.Steps[int(a)*6 : int(a)*6+6] {
			z := st.To
			if z < 0 || st.Cost < 0 || in[z] || cost[z] <= 0 || cost[a]+st.Cost != cost[z] {
				continue
			}
			in[z] = true
			set = append(set, z)
		}
		if len(set) > n/2 {
			return false
		}
	}
	for _, a := range set {
		cost[a] = -1
	}
	// Seeds: each hex of the set from its neighbours outside it, and each
	// hex opened now from its neighbours, at the cheapest step in.
	seed := func(i int32) {
		best := int32(-1)
		for d := 0; d < 6; d++ {
			y := t.Steps[int(i)*6+d].To
			if y < 0 || cost[y] < 0 {
				continue
			}
			back := t.Steps[int(y)*6+(d+3)%6] // from y into i
			if back.Cost < 0 {
				continue
			}
			if c := int64(cost[y]) + int64(back.Cost); c <= int64(limit) && (best < 0 || c < int64(best)) {
				best = int32(c)
			}
		}
		if best >= 0 {
			seeds = append(seeds, Reached{Index: i, Cost: best})
		}
	}
	for _, a := range set {
		if !now[a] {
			seed(a)
		}
	}
	for _, i := range opened {
		if cost[i] != 0 && !slices.Contains(starts, i) {
			seed(i)
		}
	}
	if len(seeds) == 0 {
		return true
	}
	slices.SortFunc(seeds, func(a, b Reached) int { return int(a.Cost - b.Cost) })
	for _, s := range seeds {
		if cost[s.Index] < 0 || s.Cost < cost[s.Index] {
			cost[s.Index] = s.Cost
		}
	}
	// Dijkstra from the seeds, each put in its bucket when the search's
	// cost comes to it (the ring holds only a dearest step's span).
	b := getBuckets(t.Max)
	open, next := 0, 0
	for c := seeds[0].Cost; open > 0 || next < len(seeds); c++ {
		switch {
		case open == 0:
			c = seeds[next].Cost
		default:
			c = b.next(c)
			if next < len(seeds) && seeds[next].Cost < c {
				c = seeds[next].Cost
			}
		}
		for ; next < len(seeds) && seeds[next].Cost == c; next++ {
			if cost[seeds[next].Index] == c {
				b.push(c, seeds[next].Index)
				open++
			}
		}
		k := c & b.mask
		for j := 0; j < len(b.ring[k]); j++ {
			i := b.ring[k][j]
			open--
			if cost[i] != c {
				continue
			}
			for _, st := range t.Steps[int(i)*6 : int(i)*6+6] {
				if st.Cost < 0 || now[st.To] {
					continue
				}
				if int64(c)+int64(st.Cost) > int64(limit) {
					continue
				}
				nc := c + st.Cost
				if old := cost[st.To]; old >= 0 && old <= nc {
					continue
				}
				cost[st.To] = nc
				b.push(nc, st.To)
				open++
			}
		}
		b.done(c)
	}
	bucketPool.put(b)
	return true
}
