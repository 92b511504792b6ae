package history

import (
	"maps"

	"ili/game/scenario"
)

// Change is a place changing hands in a game, on the turn it did: a
// match's captures, which this package cannot name.
type Change struct {
	Place, Side string
	Turn        int
}

// Played returns who held each place in a game turn by turn, from the
// scenario's opening owners and the game's changes of hands: out[t] is the
// holders at the end of turn t and out[0] at the start, as the course's
// frames are counted, so that out[t-1] is the start of turn t. It runs to
// turn last (the game's turn so far); changes after it are left out.
func Played(sc *scenario.Scenario, last int, changes []Change) []map[string]string {
	last = max(0, last)
	cur := sc.Opening().Holders
	out := make([]map[string]string, last+1)
	out[0] = cur
	for t := 1; t <= last; t++ {
		next := maps.Clone(cur)
		for _, ch := range changes {
			if ch.Turn == t {
				next[ch.Place] = ch.Side
			}
		}
		out[t], cur = next, next
	}
	return out
}

// Divergence compares a game's holders (place ID to side, "" or missing
// for nobody) with the record's at the start of turn: it returns the
// places held otherwise than the record has them, in the scenario's order,
// and the victory points those places are worth.
func (c *Course) Divergence(turn int, holders map[string]string) (vp int, places []string) {
	rec := c.At(turn - 1).Holders
	for _, p := range c.Scenario.Places {
		if holders[p.ID] != rec[p.ID] {
			vp += p.VP
			places = append(places, p.ID)
		}
	}
	return vp, places
}

// Drift is a game's divergence from the record over time: out[t] is the
// victory points of the places held otherwise than the record has them at
// the end of turn t (0: the start), for each frame of played.
func (c *Course) Drift(played []map[string]string) []int {
	out := make([]int, len(played))
	for t, h := range played {
		out[t], _ = c.Divergence(t+1, h)
	}
	return out
}

// Strip is one place's holders over time, in a game and by the record:
// Game[t] and Record[t] are who held it at the end of turn t (0: the
// start), "" for nobody. The game's runs as far as the game has gone, the
// record's over the whole course.
type Strip struct {
	Place        string
	VP           int
	Game, Record []string
}

// Strips set a game's holders (as Played gives them) beside the record's,
// for each place worth victory points, in the scenario's order.
func (c *Course) Strips(played []map[string]string) []Strip {
	var out []Strip
	for _, p := range c.Scenario.Places {
		if p.VP <= 0 {
			continue
		}
		s := Strip{Place: p.ID, VP: p.VP, Game: make([]string, len(played)), Record: make([]string, len(c.frames))}
		for t, h := range played {
			s.Game[t] = h[p.ID]
		}
		for t, f := range c.frames {
			s.Record[t] = f.Holders[p.ID]
		}
		out = append(out, s)
	}
	return out
}
