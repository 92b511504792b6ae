package whatif

import (
	"slices"

	"ili/game/scenario"
)

// Holding counts, for each place that gives points and each turn, how many
// runs each side (or nobody) held it at that turn's end: the lab's chart of
// who held each place turn by turn. A run that ended early counts its last
// holder for the turns after its end.
type Holding struct {
	Places []string // the places that give points, in the scenario's order
	Sides  []string // the sides in order; nobody is counted after them
	First  int      // the first turn counted
	Turns  int      // the last turn counted
	Runs   int
	start  []int // by place: the index of its holder at the start
	// held is by place, by turn from First, by holder (the sides, then
	// nobody): runs.
	held [][][]int
}

// NewHolding starts counting the holders of the scenario's places.
func NewHolding(sc *scenario.Scenario) *Holding {
	h := &Holding{First: max(1, sc.Setup.FirstTurn), Turns: sc.Turns}
	for _, s := range sc.Setup.Sides {
		h.Sides = append(h.Sides, s.ID)
	}
	n := max(0, h.Turns-h.First+1)
	for _, p := range sc.Places {
		if p.VP <= 0 {
			continue
		}
		h.Places = append(h.Places, p.ID)
		h.start = append(h.start, h.holder(p.Owner))
		turns := make([][]int, n)
		for t := range turns {
			turns[t] = make([]int, len(h.Sides)+1)
		}
		h.held = append(h.held, turns)
	}
	return h
}

// holder is the index of a side among the holders, nobody last.
func (h *Holding) holder(side string) int {
	if i := slices.Index(h.Sides, side); i >= 0 {
		return i
	}
	return len(h.Sides)
}

// Add counts a run in: each place's holder from its captures, turn by turn.
func (h *Holding) Add(r Result) {
	h.Runs++
	for i, p := range h.Places {
		who := h.start[i]
		next := 0
		for t := range h.held[i] {
			turn := h.First + t
			for ; next < len(r.Captures); next++ {
				c := r.Captures[next]
				if c.Turn > turn {
					break
				}
				if c.Place == p {
					who = h.holder(c.Side)
				}
			}
			h.held[i][t][who]++
		}
	}
}

// Share is the share of the runs counted in which holder k (a side's
// index, or len(Sides) for nobody) held place i at the end of turn t.
func (h *Holding) Share(i, t, k int) float64 {
	if h.Runs == 0 || t < h.First || t > h.Turns {
		return 0
	}
	return float64(h.held[i][t-h.First][k]) / float64(h.Runs)
}

// Clone is a copy that later runs counted in leave as it is.
func (h *Holding) Clone() *Holding {
	c := *h
	c.held = make([][][]int, len(h.held))
	for i, turns := range h.held {
		c.held[i] = make([][]int, len(turns))
		for t, k := range turns {
			c.held[i][t] = slices.Clone(k)
		}
	}
	return &c
}
