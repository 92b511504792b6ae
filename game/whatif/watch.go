package whatif

import (
	"encoding/json"
	"fmt"
	"slices"

	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/scenario"
)

// GaveUp is a place a side's units stood in at the start that they left of
// their own accord, and the turn the last of them left.
type GaveUp struct {
	Side  string `json:"side"`
	Place string `json:"place"`
	Turn  int    `json:"turn"`
}

// Garrison is a place a side's units stood in at the start.
type Garrison struct {
	Side  string `json:"side"`
	Place string `json:"place"`
}

// HexCount is a number of things at a hex, by the column and row the
// scenario files use; it is written as [column, row, count].
type HexCount struct {
	Col, Row, N int
}

func (h HexCount) MarshalJSON() ([]byte, error) { return json.Marshal([3]int{h.Col, h.Row, h.N}) }

func (h *HexCount) UnmarshalJSON(b []byte) error {
	var a [3]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("a hex count is [column, row, count]: %w", err)
	}
	h.Col, h.Row, h.N = a[0], a[1], a[2]
	return nil
}

// Garrisons are the places each side's units stand in at the start of a
// game of the scenario, by side in the scenario's order, then by place.
func Garrisons(sc *scenario.Scenario) []Garrison {
	var out []Garrison
	for _, side := range sc.Setup.Sides {
		for _, p := range sc.Places {
			for _, u := range sc.Units {
				if u.Side == side.ID && u.Status == rules.Active && u.Hex == p.Hex {
					out = append(out, Garrison{Side: side.ID, Place: p.ID})
					break
				}
			}
		}
	}
	return out
}

// watch follows a game's events for what its result does not keep: which
// garrisons left their places of their own accord, and where the fights
// were.
type watch struct {
	turn   int
	at     map[string]hex.Hex // active units' hexes
	side   map[string]string  // every unit's side
	posts  []post
	fights map[hex.Hex]int
}

// post is a garrison being watched: the units of its side at its place,
// until the last of them leaves.
type post struct {
	Garrison
	hex    hex.Hex
	units  map[string]bool
	done   bool
	gaveUp int // the turn they left of their own accord, 0 if not
}

func newWatch(sc *scenario.Scenario, turn int) *watch {
	w := &watch{turn: turn, at: map[string]hex.Hex{}, side: map[string]string{}, fights: map[hex.Hex]int{}}
	for _, u := range sc.Units {
		w.side[u.ID] = u.Side
		if u.Status == rules.Active {
			w.at[u.ID] = u.Hex
		}
	}
	for _, g := range Garrisons(sc) {
		p := post{Garrison: g, units: map[string]bool{}}
		for _, pl := range sc.Places {
			if pl.ID == g.Place {
				p.hex = pl.Hex
			}
		}
		for id, h := range w.at {
			if h == p.hex && w.side[id] == g.Side {
				p.units[id] = true
			}
		}
		w.posts = append(w.posts, p)
	}
	return w
}

// see takes in the events of one command.
func (w *watch) see(evs []rules.Event) {
	for _, e := range evs {
		switch e := e.(type) {
		case rules.TurnStarted:
			w.turn = e.Turn
		case rules.Moved:
			if len(e.Path) > 0 {
				w.move(e.Unit, e.Path[len(e.Path)-1], true)
			}
		case rules.Advanced:
			w.move(e.Unit, e.To, true)
		case rules.Retreated:
			w.move(e.Unit, e.To, false)
		case rules.UnitExited:
			w.gone(e.Unit, true)
		case rules.UnitEliminated:
			w.gone(e.Unit, false)
		case rules.UnitWithdrawn:
			w.gone(e.Unit, false)
		case rules.ReinforcementArrived:
			w.arrive(e.Unit, e.At)
		case rules.CombatResolved:
			w.fights[e.Target]++
		}
	}
}

// move takes a unit to a hex: of its own accord or driven.
func (w *watch) move(unit string, to hex.Hex, own bool) {
	if from, ok := w.at[unit]; ok && from != to {
		w.leave(unit, from, own)
	}
	w.arrive(unit, to)
}

// gone takes a unit off the map.
func (w *watch) gone(unit string, own bool) {
	if from, ok := w.at[unit]; ok {
		w.leave(unit, from, own)
	}
	delete(w.at, unit)
}

func (w *watch) arrive(unit string, h hex.Hex) {
	w.at[unit] = h
	for i := range w.posts {
		p := &w.posts[i]
		if !p.done && p.hex == h && p.Side == w.side[unit] {
			p.units[unit] = true
		}
	}
}

// leave takes a unit out of a hex; a post it leaves empty is done with,
// given up when it left of its own accord.
func (w *watch) leave(unit string, h hex.Hex, own bool) {
	for i := range w.posts {
		p := &w.posts[i]
		if p.done || p.hex != h || !p.units[unit] {
			continue
		}
		delete(p.units, unit)
		if len(p.units) == 0 {
			p.done = true
			if own {
				p.gaveUp = w.turn
			}
		}
	}
}

// result is the game's result with what the watch saw: the owner of each
// place that gives points at the end, the places given up, the fights.
func (w *watch) result(sc *scenario.Scenario, seed uint64, r match.Result) Result {
	if r.Captures == nil {
		r.Captures = []match.Capture{}
	}
	out := Result{Seed: seed, Result: r, Owners: map[string]string{}, GaveUp: []GaveUp{}, Fights: []HexCount{}}
	for _, p := range sc.Places {
		if p.VP > 0 {
			out.Owners[p.ID] = p.Owner
		}
	}
	for _, c := range r.Captures {
		if _, ok := out.Owners[c.Place]; ok {
			out.Owners[c.Place] = c.Side
		}
	}
	for _, p := range w.posts {
		if p.gaveUp > 0 {
			out.GaveUp = append(out.GaveUp, GaveUp{Side: p.Side, Place: p.Place, Turn: p.gaveUp})
		}
	}
	hexes := make([]hex.Hex, 0, len(w.fights))
	for h := range w.fights {
		hexes = append(hexes, h)
	}
	slices.SortFunc(hexes, func(a, b hex.Hex) int {
		ac, ar := a.Offset()
		bc, br := b.Offset()
		if ar != br {
			return ar - br
		}
		return ac - bc
	})
	for _, h := range hexes {
		c, r := h.Offset()
		out.Fights = append(out.Fights, HexCount{Col: c, Row: r, N: w.fights[h]})
	}
	return out
}
