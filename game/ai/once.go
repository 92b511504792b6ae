package ai

import (
	"slices"
	"strconv"

	"ili/game/hex"
	"ili/game/rules"
)

// memo is the AI's work for one world (one command's decision): the plan,
// and that no attack is worth making, which hold for every unit the
// decision goes through until a command changes the game. It also keeps
// what the next decision is built in: the view, the world and its indexes.
type memo struct {
	w        *world
	gen      int
	plan     plan
	planned  bool
	noAttack bool
	grab     []hex.Hex
	grabOK   bool
	// the last plan's, to make the next in (of)
	freeObjs   []objective
	freeAssign map[string]int
	key        []byte // previewKey's buffer

	view   rules.View
	world  world
	byHex  []*rules.Unit // the world's units by hex (worldOf)
	worlds int           // worlds built

	// nearNet's answers for one supply net and radius, by map index
	// (nearOnce): 0 not asked yet, 1 no, 2 yes
	nearOf  *rules.Reach
	nearR   int
	nearMap []uint8

	reach rules.Reach // bestMove's, one unit's after another
	cands []grabCand  // grabbable's scratch

	// bestAttack's and critical's scratch (critical's map is handed out
	// until the next call)
	attackers, group, garrisons, missing []string
	crit                                 map[string]float64

	// assign's scratch (floats, lists, greedy)
	sums, rows []float64
	units      []*rules.Unit
	base       [][]float64
	scores     []float64
	best       []int
}

// floats returns two zeroed slices of n and k floats, the same memory from
// one decision to the next.
func (m *memo) floats(n, k int) ([]float64, []float64) {
	if cap(m.sums) < n {
		m.sums = make([]float64, n)
	}
	if cap(m.rows) < k {
		m.rows = make([]float64, k)
	}
	a, b := m.sums[:n], m.rows[:k]
	clear(a)
	clear(b)
	return a, b
}

// lists returns empty lists of units and rows with room for n each, the
// same memory from one decision to the next.
func (m *memo) lists(n int) ([]*rules.Unit, [][]float64) {
	if cap(m.units) < n {
		m.units = make([]*rules.Unit, 0, n)
	}
	if cap(m.base) < n {
		m.base = make([][]float64, 0, n)
	}
	return m.units[:0], m.base[:0]
}

// of returns the memo for w, empty when w is a new world. The last world's
// plan is no one's once a new world is built: its objectives and map are
// kept to make the next plan in.
func (m *memo) of(w *world) *memo {
	if m.w != w || m.gen != w.once.gen {
		if m.planned {
			m.freeObjs, m.freeAssign = m.plan.objs[:0], m.plan.assign
		}
		m.w, m.gen, m.plan, m.planned, m.noAttack, m.grabOK = w, w.once.gen, plan{}, false, false, false
	}
	return m
}

// objectives returns an empty list of objectives with room for n, the last
// plan's when there is one.
func (m *memo) objectives(n int) []objective {
	out := m.freeObjs
	m.freeObjs = nil
	if cap(out) < n {
		out = make([]objective, 0, n)
	}
	return out[:0]
}

// assignMap returns an empty map for assign, the last plan's when there is
// one.
func (m *memo) assignMap() map[string]int {
	out := m.freeAssign
	m.freeAssign = nil
	if out == nil {
		return map[string]int{}
	}
	clear(out)
	return out
}

// worldOnce is what is worked out once per world.
type worldOnce struct {
	gen      int       // which world this is, for memo
	danger   []float64 // enemy men next to each hex (dangerAt)
	dangerOK bool
	enemyAt  []hex.Hex // the hexes of enemyAt in hex.Compare's order
}

// enemyHexes returns the hexes the visible enemy stands in, in the order of
// hex.Compare (sortedHexes(w.enemyAt), worked out with the world).
func (w *world) enemyHexes() []hex.Hex {
	if w.once.gen == 0 { // not built by worldOf
		return sortedHexes(w.enemyAt)
	}
	return w.once.enemyAt
}

// viewOf is the side's view, written into the view the Player keeps.
func (p *Player) viewOf(q *rules.Query) *rules.View { return q.ViewTo(&p.once.view) }

// worldOf is newWorld, built in the world the Player keeps, its indexes
// reused: the units of each hex are one run of a list sorted by hex (in
// the view's order within the hex), not a slice of their own.
func (p *Player) worldOf(v *rules.View) *world {
	m := &p.once
	w := &m.world
	m.worlds++
	if w.enemyAt == nil {
		w.enemyAt, w.mineAt, w.unit = map[hex.Hex][]*rules.Unit{}, map[hex.Hex][]*rules.Unit{}, map[string]*rules.Unit{}
	}
	clear(w.enemyAt)
	clear(w.mineAt)
	clear(w.unit)
	w.v, w.side = v, p.Side
	w.mine, w.enemies = w.mine[:0], w.enemies[:0]
	w.once.gen, w.once.dangerOK = m.worlds, false
	// The side's units (aircraft too) first, then the enemy's, each part
	// sorted by hex apart.
	all := m.byHex[:0]
	for i := range v.Units {
		if u := &v.Units[i]; u.Status == rules.Active && u.Side == p.Side {
			all = append(all, u)
			w.unit[u.ID] = u
			if u.Type.Class != rules.Aircraft {
				w.mine = append(w.mine, u)
			}
		}
	}
	nMine := len(all)
	for i := range v.Units {
		if u := &v.Units[i]; u.Status == rules.Active && u.Side != p.Side {
			all = append(all, u)
			w.enemies = append(w.enemies, u)
		}
	}
	m.byHex = all
	byHex := func(a, b *rules.Unit) int { return hex.Compare(a.Hex, b.Hex) }
	slices.SortStableFunc(all[:nMine], byHex)
	slices.SortStableFunc(all[nMine:], byHex)
	w.once.enemyAt = w.once.enemyAt[:0]
	runs := func(units []*rules.Unit, into map[hex.Hex][]*rules.Unit, hexes *[]hex.Hex) {
		for i := 0; i < len(units); {
			j := i + 1
			for j < len(units) && units[j].Hex == units[i].Hex {
				j++
			}
			into[units[i].Hex] = units[i:j:j] // an append elsewhere copies
			if hexes != nil {
				*hexes = append(*hexes, units[i].Hex)
			}
			i = j
		}
	}
	runs(all[:nMine], w.mineAt, nil)
	runs(all[nMine:], w.enemyAt, &w.once.enemyAt)
	return w
}

// planOnce is plan, worked out once per world.
func (p *Player) planOnce(q *rules.Query, w *world) plan {
	m := p.once.of(w)
	if !m.planned {
		m.plan, m.planned = p.plan(q, w), true
	}
	return m.plan
}

// grabbableOnce is grabbable, worked out once per world.
func (p *Player) grabbableOnce(w *world) []hex.Hex {
	m := p.once.of(w)
	if !m.grabOK {
		m.grab, m.grabOK = p.grabbable(w), true
	}
	return m.grab
}

// attackOnce is bestAttack, which needs working out again only once a
// command has changed the game: when it finds nothing worth it for one unit
// of a decision, it finds nothing for the next.
func (p *Player) attackOnce(q *rules.Query, w *world, t tuning, pl plan) (rules.Command, bool) {
	m := p.once.of(w)
	if m.noAttack {
		return rules.Command{}, false
	}
	cmd, ok := p.bestAttack(q, w, t, pl)
	m.noAttack = !ok
	return cmd, ok
}

// previewKey is the key of an attack's preview in the phase's cache: the
// target, the attackers, the men of the defenders and the men and morale of
// the attackers, as fmt.Sprint wrote them ("(q,r) [a b]" and the numbers),
// built in a buffer the Player keeps.
func (p *Player) previewKey(w *world, target hex.Hex, group []string) []byte {
	b := p.once.key[:0]
	b = append(b, '(')
	b = strconv.AppendInt(b, int64(target.Q), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(target.R), 10)
	b = append(b, ") ["...)
	for i, id := range group {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, id...)
	}
	b = append(b, ']')
	for _, e := range w.enemyAt[target] {
		b = strconv.AppendInt(b, int64(e.Men), 10)
	}
	for _, id := range group {
		b = strconv.AppendInt(b, int64(w.unit[id].Men), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(w.unit[id].Morale), 10)
	}
	p.once.key = b
	return b
}

// dangerAt is the enemy men the side sees next to h, from a table worked
// out once per world.
func (w *world) dangerAt(h hex.Hex) float64 {
	m := w.v.Map
	o := &w.once
	if !o.dangerOK {
		if len(o.danger) != len(m.Terrain) {
			o.danger = make([]float64, len(m.Terrain))
		}
		clear(o.danger)
		for _, e := range w.enemies {
			for _, n := range e.Hex.Neighbors() {
				if i := m.Index(n); i >= 0 {
					o.danger[i] += float64(e.Men) // whole numbers: the sum is exact in any order
				}
			}
		}
		o.dangerOK = true
	}
	if i := m.Index(h); i >= 0 {
		return o.danger[i]
	}
	// Off the map: as the neighbours' enemies count.
	d := 0.0
	for _, n := range h.Neighbors() {
		for _, e := range w.enemyAt[n] {
			d += float64(e.Men)
		}
	}
	return d
}

// ownerOf is the side holding the place with the given ID, "" for none or
// no such place.
func ownerOf(w *world, id string) string {
	for i := range w.v.Places {
		if w.v.Places[i].ID == id {
			return w.v.Places[i].Owner
		}
	}
	return ""
}

// greedy gives, round after round, the pairing of a unit (0..units-1) not
// yet given one and an objective (0..objs-1) with the highest score above
// 0, the first of equals in the order of units and then objectives, to
// give, until no pairing scores above 0. This is the scan of every pairing
// every round, for fewer scores: give changes what the scores of the
// objective it is given read and nothing else, so each round scores that
// objective again for every unit still free and keeps the rest, each unit's
// best pairing with it.
func (m *memo) greedy(units, objs int, score func(k, i int) float64, give func(k, i int)) {
	if units == 0 || objs == 0 {
		return
	}
	need := units*objs + units
	if cap(m.scores) < need {
		m.scores = make([]float64, need)
	}
	sc, bestVal := m.scores[:units*objs], m.scores[units*objs:need]
	if cap(m.best) < units {
		m.best = make([]int, units)
	}
	best := m.best[:units] // each unit's first best objective, -1 for none above 0; -2 once given
	rescan := func(k int) {
		best[k], bestVal[k] = -1, 0
		for i, v := range sc[k*objs : (k+1)*objs] {
			if v > bestVal[k] {
				best[k], bestVal[k] = i, v
			}
		}
	}
	for k := 0; k < units; k++ {
		for i := 0; i < objs; i++ {
			sc[k*objs+i] = score(k, i)
		}
		rescan(k)
	}
	for {
		bk, top := -1, 0.0
		for k, b := range best {
			if b >= 0 && bestVal[k] > top {
				bk, top = k, bestVal[k]
			}
		}
		if bk < 0 {
			return
		}
		bi := best[bk]
		best[bk] = -2
		give(bk, bi)
		for k := range best {
			if best[k] == -2 {
				continue
			}
			v := score(k, bi)
			sc[k*objs+bi] = v
			switch {
			case best[k] == bi:
				rescan(k)
			case best[k] < 0 && v > 0, best[k] >= 0 && (v > bestVal[k] || v == bestVal[k] && bi < best[k]):
				best[k], bestVal[k] = bi, v
			}
		}
	}
}

// nearOnce is nearNet, asked once per supply net, radius and hex: the net
// is read once a phase, and a plan asks it again for the same places on
// every command.
func (m *memo) nearOnce(net *rules.Reach, mp *rules.Map, h hex.Hex, r int) bool {
	i := mp.Index(h)
	if i < 0 {
		return nearNet(net, h, r)
	}
	if m.nearOf != net || m.nearR != r || len(m.nearMap) != len(mp.Terrain) {
		if len(m.nearMap) != len(mp.Terrain) {
			m.nearMap = make([]uint8, len(mp.Terrain))
		}
		clear(m.nearMap)
		m.nearOf, m.nearR = net, r
	}
	if m.nearMap[i] == 0 {
		m.nearMap[i] = 1
		if nearNet(net, h, r) {
			m.nearMap[i] = 2
		}
	}
	return m.nearMap[i] == 2
}

// critical returns an empty map for critical, the same from one call to
// the next.
func (m *memo) critical() map[string]float64 {
	if m.crit == nil {
		m.crit = map[string]float64{}
	}
	clear(m.crit)
	return m.crit
}
