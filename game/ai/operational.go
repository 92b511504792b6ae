package ai

import (
	"math"
	"slices"

	"ili/game/hex"
	"ili/game/rules"
)

// Tunings by level: how many trials the attack preview runs, the odds it
// wants before it attacks, and how much it cares about danger and supply.
type tuning struct {
	trials   int
	minWin   float64 // attack when the attacker wins at least this often...
	minTrade float64 // ...or when the defender loses this many times what the attacker does
	caution  float64 // weight of the danger of standing next to a stronger enemy
	supply   bool    // keep to the supply net
	noise    float64 // random spread in move scores (easy plays sloppily)
	minEV    float64 // ...or when the attack is worth this many victory points
	alone    bool    // attacks with one unit at a time, never a combined attack
	plan     float64 // weight of the side's historical plan beside its own reckoning
}

var tunings = map[Level]tuning{
	Easy:   {trials: 12, minWin: 0.75, minTrade: 3, caution: 0.3, noise: 4, minEV: 4, alone: true, plan: 0.5},
	Normal: {trials: 40, minWin: 0.45, minTrade: 1.5, caution: 1, supply: true, minEV: 1, plan: 0.5},
	Hard:   {trials: 100, minWin: 0.55, minTrade: 2, caution: 1.2, supply: true, minEV: 0.8, plan: 0.5},
}

// operational plays one decision: the best attack on offer if it is worth it,
// else the next unit's move, else nothing.
func (p *Player) operational(q *rules.Query, w *world, u *rules.Unit) (rules.Command, bool) {
	t := tunings[p.Level]
	pl := p.planOnce(q, w)
	if cmd, ok := p.grab(q, w, pl); ok {
		p.done[u.ID] = false
		return cmd, true
	}
	if cmd, ok := p.attackOnce(q, w, t, pl); ok {
		p.done[u.ID] = false // u has not had its turn yet
		return p.keepOrders(w, pl, cmd), true
	}
	if u.Spent > 0 || u.Attacked {
		return rules.Command{}, false
	}
	if cmd, ok, done := p.ordered(q, w, u, t, pl); done { // orders.go
		return cmd, ok
	}
	return p.bestMove(q, w, u, t, pl)
}

// finish gives the attacks still worth making once every unit has had its
// turn: a unit that marched up to the enemy late in the phase joins the
// fight rather than stand beside it.
func (p *Player) finish(q *rules.Query, w *world) (rules.Command, bool) {
	pl := p.planOnce(q, w)
	cmd, ok := p.attackOnce(q, w, tunings[p.Level], pl)
	return p.keepOrders(w, pl, cmd), ok // orders.go
}

// plan is the side's objectives and which unit goes to which, worked out once
// per decision and read by both the attack and the move.
type plan struct {
	objs   []objective
	assign map[string]int // unit ID -> index in objs
	// held is what the units under orders hold (orders.go).
	held map[string]hold
}

func (p *Player) plan(q *rules.Query, w *world) plan {
	held := p.holds(w) // orders.go
	objs := p.objectives(w, p.supplyReach(q, tunings[p.Level]), held)
	pl := plan{objs: objs, assign: p.assign(w, objs)}
	p.applyOrders(w, &pl, held) // orders.go
	return pl
}

// exiting reports whether unit id is bound for an exit: it marches, it does
// not fight for ground it is leaving.
func (pl plan) exiting(id string) bool {
	i, ok := pl.assign[id]
	return ok && pl.objs[i].exit
}

// bestAttack finds the visible enemy hex whose attack, by every eligible
// adjacent unit together, has the best odds, and returns it if worth it.
func (p *Player) bestAttack(q *rules.Query, w *world, t tuning, pl plan) (rules.Command, bool) {
	var best rules.Command
	bestScore := 0.0
	// A side that is losing on points with little time left takes longer odds.
	if p.behind(w) {
		left := float64(w.v.Turns-w.v.Turn+1) / float64(w.v.Turns)
		t.minWin *= 0.5 + 0.5*left
		t.minTrade *= 0.5 + 0.5*left
		t.minEV *= left
	}
	for _, target := range w.enemyHexes() {
		buf := &p.once
		group, garrisons := buf.group[:0], buf.garrisons[:0]
		buf.attackers = q.AppendAttackers(buf.attackers[:0], target)
		for _, id := range buf.attackers {
			m := w.unit[id]
			if m == nil || m.Men == 0 || pl.exiting(id) {
				continue
			}
			if pl.garrison(m) {
				// A garrison that attacks out loses the works it has dug.
				if m.Posture(w.v.Map) <= w.v.Map.FortAt(m.Hex) {
					garrisons = append(garrisons, id)
				}
				continue
			}
			group = append(group, id)
		}
		// A garrison holds its place: it sallies only where there is no one
		// else to attack and the odds are clearly with it.
		buf.group, buf.garrisons = group, garrisons // the buffers, grown
		sally := len(group) == 0
		if sally {
			group = garrisons
		}
		if len(group) == 0 {
			continue
		}
		if t.alone {
			group = group[:1]
		}
		cmd, pre, ok := p.previewAttack(q, w, t, target, group)
		if !ok {
			continue
		}
		// The chance of winning the battle, fought on until it is decided:
		// a fight of a few hours rarely decides it, and the odds of those
		// that are decided are the battle's.
		win := pre.Expected.PWin
		if pre.Input.Again {
			// The turn's fight was decided by the first attack: another
			// is worth only the losses it trades.
			win = 0
		}
		// The attack's worth in victory points: the place it may take, and
		// the men each side would lose (each side scores the other's losses).
		place := float64(placeVP(w, target))
		if p.notYet(w, target) {
			// The plan has it for later: only a clearly winning attack
			// is made now.
			if pre.Expected.PWin < max(t.minWin, 0.7) {
				continue
			}
			place /= 4
		}
		casVP := float64(w.v.Victory.CasualtyVP) / 1000
		ev := win*(place+0.5) + float64(pre.DefLoss[1]-pre.AttLoss[1])*casVP
		trade := float64(pre.DefLoss[1]+1) / float64(pre.AttLoss[1]+1)
		// Attack from strength: for the points alone at fair odds, for the
		// losses it trades only where the odds are not long.
		odds := pre.Expected.PWin
		// A garrison sallies, and a shaken force strikes back, only with
		// the odds clearly on its side.
		if (sally || pre.Input.Attacker.Morale < 0.35) && odds < max(t.minWin, 0.6) {
			continue
		}
		if win < t.minWin && !(ev >= t.minEV && odds >= t.minWin*2/3) && !(trade >= t.minTrade && odds >= t.minWin/2) {
			continue
		}
		if ev < 0 && win < 0.5 {
			continue
		}
		score := ev + win
		if score > bestScore {
			cmd.Units = slices.Clone(cmd.Units) // group is a buffer
			best, bestScore = cmd, score
		}
	}
	return best, bestScore > 0
}

// grab moves a unit that has yet to act into an empty place worth points it
// can reach this phase: the enemy's or nobody's, points for the walking in,
// or the side's own, left empty with the enemy a turn away. The most
// valuable place goes first, and the unit nearest it goes.
func (p *Player) grab(q *rules.Query, w *world, pl plan) (rules.Command, bool) {
	budget := int32(w.v.TurnHours * 60)
	for _, place := range p.grabbableOnce(w) {
		var best *rules.Unit
		bestD := budget + 1
		vp := placeVP(w, place)
		for _, u := range w.mine {
			if u.Spent > 0 || u.Attacked || u.Type.Mode == nil || pl.exiting(u.ID) || pl.garrison(u) || p.done[u.ID+"@grab"] {
				continue
			}
			if p.leavesEmpty(w, u, vp/2) { // never trade a place for a smaller one
				continue
			}
			if d := distances(w.v, u.Type.Mode, place).at(w.v, u.Hex); d < bestD {
				best, bestD = u, d
			}
		}
		if best == nil {
			continue
		}
		p.done[best.ID+"@grab"] = true // one try a unit and phase
		if _, _, ok := q.PlanPath(best.ID, place); ok {
			return rules.Move(p.Side, best.ID, place), true
		}
	}
	return rules.Command{}, false
}

// grabbable lists the empty places worth taking or holding now, the most
// valuable first.
func (p *Player) grabbable(w *world) []hex.Hex {
	cs := p.once.cands[:0]
	for i := range w.v.Places {
		pl := &w.v.Places[i]
		if pl.VP == 0 || pl.ExitFor != "" || !w.v.Seen(pl.Hex) || len(w.enemyAt[pl.Hex]) > 0 || len(w.mineAt[pl.Hex]) > 0 {
			continue
		}
		if pl.Owner == p.Side && threatTurns(w, pl.Hex) > 1 {
			continue
		}
		cs = append(cs, grabCand{pl.Hex, pl.VP})
	}
	slices.SortStableFunc(cs, func(a, b grabCand) int { return b.vp - a.vp })
	p.once.cands = cs
	out := p.once.grab[:0] // the last world's list, read no more
	for _, c := range cs {
		out = append(out, c.h)
	}
	return out
}

// grabCand is a place grabbable may list, with its points.
type grabCand struct {
	h  hex.Hex
	vp int
}

// previewAttack is the attack by group on target, advancing unless that
// would leave a place worth more empty, and its preview, cached for the
// phase by the men and morale on both sides.
func (p *Player) previewAttack(q *rules.Query, w *world, t tuning, target hex.Hex, group []string) (rules.Command, rules.Preview, bool) {
	// The largest unit advances into a hex the defender leaves; it stays
	// when that would leave a place worth more empty.
	// Having weighed the place it would leave, it may leave it (Leave).
	advance := !p.leavesEmpty(w, lead(w, group), placeVP(w, target))
	cmd := rules.Attack(p.Side, target, advance, group...)
	cmd.Leave = advance
	key := p.previewKey(w, target, group)
	pre, cached := p.previews[string(key)]
	if !cached {
		var err error
		if pre, err = q.PreviewAttack(cmd, t.trials); err != nil {
			return cmd, pre, false
		}
		if p.previews != nil {
			p.previews[string(key)] = pre
		}
	}
	return cmd, pre, true
}

// objective is a place worth going to, for one side.
type objective struct {
	at    hex.Hex
	value float64
	own   bool // a place to defend rather than take
	// threat is, for a place to defend, the enemy men who could reach it
	// within two turns (nearer ones counting more).
	threat float64
	exit   bool // value is per 1,000 men who leave the map there
}

func (p *Player) objectives(w *world, net *rules.Reach, held map[string]hold) []objective {
	out := p.once.objectives(len(w.v.Places) + len(w.v.Plans))
	// The side's historical plan, while it is in force: with FollowPlan it
	// comes first; otherwise it weighs as the side's intent beside the AI's
	// own reckoning.
	weight := tunings[p.Level].plan
	if p.FollowPlan || p.planOrdered(w) { // orders.go
		weight = 1
	}
	for _, st := range w.v.Plans {
		if weight == 0 || st.Side != p.Side || !st.InForce(w.v.Turn) {
			continue
		}
		for i := range w.v.Places {
			pl := &w.v.Places[i]
			if pl.ID != st.Place {
				continue
			}
			switch {
			case pl.ExitFor == p.Side && !p.FollowPlan:
				// The way home is an objective of its own already.
			case pl.ExitFor == p.Side:
				out = append(out, objective{at: pl.Hex, value: weight * float64(st.Value), exit: true})
			case pl.Owner == p.Side:
				out = append(out, objective{at: pl.Hex, value: weight * float64(st.Value), own: true, threat: threat(w, pl.Hex)})
			default:
				out = append(out, objective{at: pl.Hex, value: weight * float64(st.Value)})
			}
		}
	}
	critical := p.critical(w)
	for i := range w.v.Places {
		pl := &w.v.Places[i]
		switch {
		case critical[pl.ID] > 0 && pl.Owner == p.Side:
			// A place the enemy lacks for a sudden-death win, as far as
			// it could reach it.
			if t := threat(w, pl.Hex); t > 0 {
				v := float64(pl.VP)*min(1.5, 0.5+t/2000) + critical[pl.ID]*min(1, 0.25+t/1000)
				out = append(out, objective{at: pl.Hex, value: v, own: true, threat: t})
			} else if len(w.mineAt[pl.Hex]) > 0 {
				// Out of sight is not out of reach: its garrison stays
				// (one unit: threat 1 says that one is enough).
				out = append(out, objective{at: pl.Hex, value: (float64(pl.VP) + critical[pl.ID]) / 4, own: true, threat: 1})
			}
		case critical[pl.ID] > 0:
			out = append(out, objective{at: pl.Hex, value: float64(pl.VP) + critical[pl.ID]})
		case pl.ExitFor == p.Side && pl.ExitVP > 0:
			out = append(out, objective{at: pl.Hex, value: float64(pl.ExitVP), exit: true})
		case pl.ExitFor != "" && pl.ExitFor != p.Side:
		case pl.VP == 0:
		case pl.Owner == p.Side && heldByOrder(w, held, pl.Hex):
			// A unit under orders holds it: no other is sent.
		case pl.Owner == p.Side:
			// A place wants holding by the enemy men who could reach it
			// within two turns, an empty one most: the first enemy to walk
			// in takes it.
			if threat := threat(w, pl.Hex); threat > 0 {
				v := float64(pl.VP) * min(1.5, 0.5+threat/2000)
				if len(w.mineAt[pl.Hex]) == 0 {
					v *= 2
				}
				out = append(out, objective{at: pl.Hex, value: v, own: true, threat: threat})
			} else if len(w.mineAt[pl.Hex]) > 0 {
				// A garrison stays where it stands until it is sent to
				// something better, though no enemy is in sight.
				out = append(out, objective{at: pl.Hex, value: float64(pl.VP) / 4, own: true})
			}
		case p.notYet(w, pl.Hex):
			// One the plan has for later is no place to gather before the
			// day: the side goes for what the plan wants now.
		default:
			v := float64(pl.VP)
			// An empty place is points for the taking.
			if w.v.Seen(pl.Hex) && len(w.enemyAt[pl.Hex]) == 0 {
				v *= 2
			}
			out = append(out, objective{at: pl.Hex, value: v})
		}
	}
	// A place more than two days' march beyond the side's supply lines is
	// a raid it could not keep up: worth a quarter as much.
	if net != nil {
		r := 2
		if w.v.HexM > 0 {
			r = min(6, max(2, 50000/w.v.HexM))
		}
		for i := range out {
			if o := &out[i]; !o.own && !o.exit && !p.once.nearOnce(net, w.v.Map, o.at, r) {
				o.value /= 4
			}
		}
	}
	// The plan's weight and the place's own worth add up: one objective
	// a place, so that the units sent to it are counted together.
	merged := out[:0]
	for _, o := range out {
		i := slices.IndexFunc(merged, func(m objective) bool { return m.at == o.at && m.own == o.own && m.exit == o.exit })
		if i < 0 {
			merged = append(merged, o)
			continue
		}
		merged[i].value += o.value
		merged[i].threat = max(merged[i].threat, o.threat)
	}
	return merged
}

// notYet reports whether the side's historical plan has the place at h for
// later: every plan entry of the side for it begins after this turn. Until
// then the side leaves it be, unless the odds are on its side.
func (p *Player) notYet(w *world, h hex.Hex) bool {
	if tunings[p.Level].plan == 0 && !p.FollowPlan {
		return false
	}
	later := false
	for _, st := range w.v.Plans {
		if st.Side != p.Side {
			continue
		}
		for i := range w.v.Places {
			if pl := &w.v.Places[i]; pl.ID == st.Place && pl.Hex == h {
				if w.v.Turn >= st.FromTurn {
					return false
				}
				later = true
			}
		}
	}
	return later
}

// nearNet reports whether the supply net reaches within r hexes of h. It
// looks at every hex of hex.Spiral(h, r) without building the list.
func nearNet(net *rules.Reach, h hex.Hex, r int) bool {
	for dq := -r; dq <= r; dq++ {
		for dr := max(-r, -dq-r); dr <= min(r, -dq+r); dr++ {
			if _, ok := net.Cost(hex.Hex{Q: h.Q + dq, R: h.R + dr}); ok {
				return true
			}
		}
	}
	return false
}

// critical values the places a sudden death turns on, by place ID: those
// the side holds of an enemy's set when the enemy lacks no more than two
// (or any the enemy holds, when it holds them all), and the last one the
// side lacks of a set of its own of several places. A set is worth as much
// as every place on the map together, shared among the places it lacks.
func (p *Player) critical(w *world) map[string]float64 {
	out := p.once.critical()
	all := 0
	for _, pl := range w.v.Places {
		all += pl.VP
	}
	for _, sd := range w.v.Victory.SuddenDeath {
		if w.v.Turn+2 < sd.FromTurn {
			continue
		}
		missing := p.once.missing[:0]
		for _, id := range sd.Hold {
			if ownerOf(w, id) != sd.Side {
				missing = append(missing, id)
			}
		}
		p.once.missing = missing // the buffer, grown
		switch {
		case sd.Side != p.Side && len(missing) == 0:
			missing = sd.Hold
		case sd.Side != p.Side && len(missing) <= 2:
		case sd.Side == p.Side && len(sd.Hold) > 1 && len(missing) == 1:
		default:
			continue
		}
		for _, id := range missing {
			out[id] += float64(all) / float64(len(missing))
		}
	}
	return out
}

// assign gives each unit one objective, the best pairing first: the most
// valuable for the march it costs, each objective less attractive the more
// units are already bound for it. A unit standing in a place it holds is
// the first to be given it.
func (p *Player) assign(w *world, objs []objective) map[string]int {
	out := p.once.assignMap()
	if len(objs) == 0 {
		return out
	}
	sums, rows := p.once.floats(3*len(objs), len(w.mine)*len(objs))
	taken := sums[:len(objs)]
	sent := sums[len(objs) : 2*len(objs)] // men bound for each objective so far
	enemyMen := sums[2*len(objs):]        // the enemy men seen holding it
	for i, o := range objs {
		if !o.own && !o.exit {
			for _, e := range w.enemyAt[o.at] {
				enemyMen[i] += float64(e.Men)
			}
		}
	}
	left := float64((w.v.Turns-w.v.Turn+1)*w.v.TurnHours) / 24
	// Once most of the side has left the map, the rest follow it out
	// rather than stay behind to be cut off.
	out_, on := 0, 0
	for _, u := range w.v.Units {
		switch {
		case u.Side != p.Side:
		case u.Status == rules.Withdrawn && u.ExitVP > 0:
			out_ += u.Men
		case u.Status == rules.Active:
			on += u.Men
		}
	}
	rearguard := out_ > on
	// base[k][i] is what objective i is worth to unit k for its march
	// alone; -1 where the unit cannot get there.
	units, base := p.once.lists(len(w.mine)) // base's rows lie one after another in rows
	for _, u := range w.mine {
		if u.Type.Mode == nil {
			continue
		}
		row := rows[len(base)*len(objs) : (len(base)+1)*len(objs)]
		fs := fieldsOf(w.v.Map, u.Type.Mode)
		for i, o := range objs {
			d := fs.toward(w.v, o.at).at(w.v, u.Hex)
			if d >= unreachable {
				row[i] = -1
				continue
			}
			days := float64(d) / 1440
			row[i] = o.value / (1 + days)
			if o.exit {
				// Every man brought home counts, however far home is, as
				// long as there is time to get there.
				row[i] = o.value * float64(u.Men) / 1000 * 1.5 / (1 + days/10)
				if days > left {
					row[i] *= 0.2
				}
				if rearguard {
					row[i] *= 5
				}
			}
		}
		units = append(units, u)
		base = append(base, row)
	}
	// A side that is leaving the map does not stay to hold.
	withdrawing := slices.ContainsFunc(objs, func(o objective) bool { return o.exit })
	// A place the side holds keeps its holder: the unit standing in it (of
	// several, the smallest that matches the threat). With the enemy a
	// turn's march away it stays; otherwise it leaves the place empty only
	// for an objective worth half as much again, counted at the march.
	done := make([]bool, len(units))
	for j, o := range objs {
		if !o.own || withdrawing {
			continue
		}
		hk := -1
		need := int(threat(w, o.at) / 2)
		for k, u := range units {
			if u.Hex != o.at || base[k][j] < 0 || done[k] {
				continue
			}
			if hk < 0 || betterHolder(u, units[hk], need) {
				hk = k
			}
		}
		if hk < 0 {
			continue
		}
		if threatTurns(w, o.at) <= 1 {
			done[hk] = true
			out[units[hk].ID] = j
			sent[j] += float64(units[hk].Men)
			taken[j] += 2
			continue
		}
		for i := range objs {
			if i != j && base[hk][i] > 0 {
				base[hk][i] -= o.value / 2
			}
		}
		// The others standing there leave the holding to it.
		for k, u := range units {
			if k != hk && u.Hex == o.at && base[k][j] > 0 {
				base[k][j] /= 2
			}
		}
	}
	score := func(k, i int) float64 {
		v := base[k][i]
		if done[k] {
			return 0 // a holder kept in its place is not free
		}
		if v <= 0 || (rearguard && objs[i].own) {
			return 0 // the last of a side that has left hold nothing
		}
		if held := enemyMen[i]; held > 0 {
			// A place held by far more men than are bound for it is
			// taken seldom, as the odds go: by the root of the ratio.
			v *= math.Sqrt(min(1, (sent[i]+float64(units[k].Men))/held))
		}
		if o := objs[i]; o.own && o.threat > 0 && sent[i] >= o.threat {
			// A place held by as many men as could come against it
			// needs no more.
			v /= 10
		}
		return v / (1 + taken[i])
	}
	// Round by round, the best pairing of a unit still free and an
	// objective (the first of equals, by unit, then objective) until none
	// scores above nothing (once.go); a holder kept in its place is not
	// free.
	p.once.greedy(len(units), len(objs), score, func(bk, bi int) {
		u := units[bk]
		out[u.ID] = bi
		sent[bi] += float64(u.Men)
		switch {
		case objs[bi].exit: // an exit takes everyone
		case objs[bi].own: // one unit holds a place; more add little
			taken[bi] += 2
		default:
			// Attack from strength: a place the enemy holds wants twice
			// his men before it is thought well covered.
			taken[bi] += float64(u.Men) / max(o2need(objs[bi]), 2*enemyMen[bi])
		}
	})
	return out
}

// betterHolder reports whether u should hold a place rather than v, with
// need men wanted there: a unit that holds ground rather than guns that
// support an attack; then one with the men needed rather than one without,
// the larger of two without; of two with them, the poorer troops, and then
// the fewer men, so that the best are free to go.
func betterHolder(u, v *rules.Unit, need int) bool {
	if ua, va := u.Type.Class == rules.Artillery, v.Type.Class == rules.Artillery; ua != va {
		return va
	}
	switch uo, vo := u.Men >= need, v.Men >= need; {
	case uo != vo:
		return uo
	case !uo:
		return u.Men > v.Men
	case u.Quality != v.Quality:
		return u.Quality < v.Quality
	}
	return u.Men < v.Men
}

// placeVP is the victory points of the place in h, 0 if none.
func placeVP(w *world, h hex.Hex) int {
	for i := range w.v.Places {
		if w.v.Places[i].Hex == h {
			return w.v.Places[i].VP
		}
	}
	return 0
}

// lead is the unit of an attacking group that advances after a win, as the
// rules choose it: the largest that is not artillery, the first of equals.
func lead(w *world, group []string) *rules.Unit {
	var l *rules.Unit
	for _, id := range group {
		if u := w.unit[id]; u.Type.Class != rules.Artillery && (l == nil || u.Men > l.Men) {
			l = u
		}
	}
	return l
}

// leavesEmpty reports whether u moving off would leave a place the side
// owns, worth more than vp, with none of the side's units in it.
func (p *Player) leavesEmpty(w *world, u *rules.Unit, vp int) bool {
	if u == nil {
		return false
	}
	held := placeVP(w, u.Hex)
	if held == 0 || held <= vp {
		return false
	}
	for i := range w.v.Places {
		if pl := &w.v.Places[i]; pl.Hex == u.Hex && pl.Owner != p.Side {
			return false
		}
	}
	for _, m := range w.mineAt[u.Hex] {
		if m != u && m.Type.Class != rules.Aircraft {
			return false
		}
	}
	return true
}

// garrison reports whether u holds the place it stands in: its objective
// is that place, the side's own.
func (pl plan) garrison(u *rules.Unit) bool {
	i, ok := pl.assign[u.ID]
	return pl.holding(u) || ok && pl.objs[i].own && pl.objs[i].at == u.Hex // orders.go
}

// threat is the enemy men the side can see who could march to h within
// two turns, each counted less the longer it would take.
func threat(w *world, h hex.Hex) float64 {
	sum := 0.0
	budget := float64(w.v.TurnHours * 60)
	for _, e := range w.enemies {
		if e.Type.Mode == nil || e.Men == 0 {
			continue
		}
		if d := distances(w.v, e.Type.Mode, h).at(w.v, e.Hex); d < unreachable {
			if t := float64(d) / budget; t <= 2 {
				sum += float64(e.Men) / (1 + t)
			}
		}
	}
	return sum
}

// threatTurns is how many turns the nearest enemy the side can see would
// need to march to h, over the ground alone; +Inf when none can.
func threatTurns(w *world, h hex.Hex) float64 {
	best := math.Inf(1)
	budget := float64(w.v.TurnHours * 60)
	for _, e := range w.enemies {
		if e.Type.Mode == nil || e.Men == 0 {
			continue
		}
		if d := distances(w.v, e.Type.Mode, h).at(w.v, e.Hex); d < unreachable {
			best = min(best, float64(d)/budget)
		}
	}
	return best
}

// behind reports whether the side trails on the points it can count: the
// places held and the exits made.
func (p *Player) behind(w *world) bool {
	// The points by side, in a short list on the stack (a game has few
	// sides): every side holding a place or with units counts, at 0 too.
	var buf [8]sidePoints
	vp := buf[:0]
	add := func(side string, n int) {
		for i := range vp {
			if vp[i].side == side {
				vp[i].n += n
				return
			}
		}
		vp = append(vp, sidePoints{side, n})
	}
	for i := range w.v.Places {
		if pl := &w.v.Places[i]; pl.Owner != "" {
			add(pl.Owner, pl.VP)
		}
	}
	for i := range w.v.Units {
		add(w.v.Units[i].Side, w.v.Units[i].ExitVP)
	}
	own := 0
	for _, e := range vp {
		if e.side == p.Side {
			own = e.n
		}
	}
	for _, e := range vp {
		if e.side != p.Side && e.n >= own {
			return true
		}
	}
	return false
}

// sidePoints is one side's points, for behind.
type sidePoints struct {
	side string
	n    int
}

// cutOff reports whether u did not refill at the start of the phase though
// the supply lines its side can trace reach it: an enemy it has not seen
// stands across them, and it had better fall back on its supply (unless it
// is leaving the map).
func (p *Player) cutOff(u *rules.Unit, net *rules.Reach, pl plan) bool {
	if net == nil || u.SupplyHours >= u.Type.SupplyDays*24 || pl.exiting(u.ID) {
		return false
	}
	_, traced := net.Cost(u.Hex)
	return traced
}

// supplyReach is the side's supply reach, read once a phase, for a level
// that keeps to it; nil for one that does not.
func (p *Player) supplyReach(q *rules.Query, t tuning) *rules.Reach {
	if !t.supply {
		return nil
	}
	if p.supply == nil {
		r := q.SupplyReach()
		p.supply = &r
	}
	return p.supply
}

// supplyScore adds to a move's score s what supply says of hex h for u:
// off the net costs a little, and a weak unit is drawn to its supply.
func supplyScore(s float64, net *rules.Reach, h hex.Hex, u *rules.Unit, weak bool) float64 {
	if net == nil {
		return s
	}
	if c, ok := net.Cost(h); !ok {
		if u.SupplyHours <= 48 { // with days in hand a unit may leave the net a while
			s -= 0.5
		}
		if weak {
			s -= 5
		}
	} else if weak {
		s += 3 - float64(c)/1440
	}
	return s
}

// o2need is the strength, in men, an objective is worth sending.
func o2need(o objective) float64 { return 1000 + 300*o.value }

// bestMove scores every hex u can reach: nearer (by march) its objective,
// good ground, in supply, not beside a much stronger enemy; then moves there,
// or digs in if staying put is best.
func (p *Player) bestMove(q *rules.Query, w *world, u *rules.Unit, t tuning, pl plan) (rules.Command, bool) {
	if u.Type.Mode == nil || w.v.Map.Index(u.Hex) < 0 {
		return rules.Command{}, false // off the map it has no reach
	}
	net := p.supplyReach(q, t)
	var goal field
	var target objective
	if i, ok := pl.assign[u.ID]; ok {
		target = pl.objs[i]
		goal = distances(w.v, u.Type.Mode, target.at)
	}
	// A spent or cut-off unit falls back on its supply instead of pressing on.
	weak := u.Morale < 25 || (!u.InSupply && u.SupplyHours == 0) || u.Men*4 < u.Strength()
	// A unit holding its place stays there and digs in.
	if !weak && pl.garrison(u) {
		if u.Spent == 0 && u.Posture(w.v.Map) != rules.Fortified {
			return rules.Entrench(p.Side, u.ID), true
		}
		return rules.Command{}, false
	}
	weak = weak || p.cutOff(u, net, pl)
	// The search for where it can go, once a garrison has dug in without
	// it (its start is in it: empty only for a unit not in the game).
	reach := &p.once.reach
	q.ReachInto(u.ID, reach)
	if reach.Len() == 0 {
		return rules.Command{}, false
	}
	score := func(h hex.Hex) float64 {
		s := 0.0
		if goal != nil {
			d := goal.at(w.v, h)
			if d < unreachable {
				s -= float64(d) / 1440 * 2 // two points a day's march
			}
			if d == 0 {
				s += target.value / 4
			}
		}
		if goal != nil && target.own && target.at == h {
			s += target.value / 2 // hold what you were sent to hold
		}
		info := w.v.Map.At(h).Info()
		s += 0.2*float64(info.Height) + 0.2*float64(info.Cover)
		danger := w.dangerAt(h)
		// Standing next to a stronger enemy is a risk, unless that enemy
		// holds the place the unit was sent to take.
		if danger > 0 && (weak || goal == nil || target.own || hex.Distance(h, target.at) > 1) {
			if ratio := danger / float64(max(u.Men, 1)); ratio > 1.5 {
				s -= t.caution * ratio
			}
		}
		s = supplyScore(s, net, h, u, weak)
		if t.noise > 0 {
			s += t.noise * (p.rng.Float64() - 0.5)
		}
		return s
	}
	best, bestScore := u.Hex, score(u.Hex)
	for h := range reach.All() { // in the order of hex.Compare
		if h == u.Hex || len(w.enemyAt[h]) > 0 {
			continue
		}
		if s := score(h); s > bestScore+0.01 {
			best, bestScore = h, s
		}
	}
	if best != u.Hex {
		return rules.Move(p.Side, u.ID, best), true
	}
	if u.Spent == 0 && u.Posture(w.v.Map) != rules.Fortified {
		return rules.Entrench(p.Side, u.ID), true
	}
	return rules.Command{}, false
}
