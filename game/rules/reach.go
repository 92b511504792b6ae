package rules

import (
	"iter"
	"slices"

	"ili/game/hex"
)

// Reach is the result of a search over the map: a cost for each hex reached.
// A search that covers much of the map (a supply network) keeps a cost for
// every hex; one that reaches few (a unit's march) keeps the list of those
// it reaches.
type Reach struct {
	m    *Map
	cost []int32       // per map index, -1 where not reached; nil for a list
	list []hex.Reached // the hexes reached, in index order, when cost is nil
}

// All yields every hex reached with its cost, in the order of hex.Compare
// (the map's order).
func (r Reach) All() iter.Seq2[hex.Hex, int] {
	return func(yield func(hex.Hex, int) bool) {
		if r.cost == nil {
			for _, e := range r.list {
				if !yield(r.m.HexAt(int(e.Index)), int(e.Cost)) {
					return
				}
			}
			return
		}
		for i, c := range r.cost {
			if c >= 0 && !yield(r.m.HexAt(i), int(c)) {
				return
			}
		}
	}
}

// Len returns how many hexes are reached.
func (r Reach) Len() int {
	if r.cost == nil {
		return len(r.list)
	}
	n := 0
	for _, c := range r.cost {
		if c >= 0 {
			n++
		}
	}
	return n
}

// Cost returns the cost to reach h, and false if it is not reached.
func (r Reach) Cost(h hex.Hex) (int, bool) {
	if r.m == nil {
		return 0, false
	}
	i := r.m.Index(h)
	if i < 0 {
		return 0, false
	}
	if r.cost == nil {
		k, found := slices.BinarySearchFunc(r.list, int32(i), func(e hex.Reached, i int32) int { return int(e.Index - i) })
		if !found {
			return 0, false
		}
		return int(r.list[k].Cost), true
	}
	if r.cost[i] < 0 {
		return 0, false
	}
	return int(r.cost[i]), true
}
