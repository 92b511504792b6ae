// Package ai plays a side of any scenario. It reads only what its side can
// know, through a rules.Query, and gives the same commands a player gives.
// Levels: random and greedy are baselines for measuring it; easy, normal and
// hard are the operational AI at rising care.
package ai

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
)

// Level is how well the AI plays.
type Level int

// Levels, weakest first.
const (
	Random Level = iota
	Greedy
	Easy
	Normal
	Hard
)

var levelNames = [...]string{"random", "greedy", "easy", "normal", "hard"}

func (l Level) String() string { return levelNames[l] }

// ParseLevel returns the level with the given name.
func ParseLevel(name string) (Level, error) {
	for i, n := range levelNames {
		if n == name {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown AI level %q; use %s", name, strings.Join(levelNames[:], ", "))
}

// Levels lists the level names.
func Levels() []string { return levelNames[:] }

// Player is one side's AI. It is deterministic: the same seed and the same
// game give the same commands.
type Player struct {
	Side  string
	Level Level
	// FollowPlan makes the operational AI pursue the scenario's historical
	// plan for its side (the places the side went for, and when) before its
	// own choices; an objective it cannot reach it leaves aside. Without
	// it the plan weighs at the level's weight beside the AI's own reckoning.
	FollowPlan bool
	seed       uint64
	rng        *rand.Rand
	pcg        *rand.PCG // rng's source, seeded again each phase
	// done marks units that have finished for this phase (turn, phase, id).
	phase [2]int
	done  map[string]bool
	// supply is the side's supply reach, read once a phase: good enough for
	// planning, and a search of the whole map saved on every command.
	supply *rules.Reach
	// previews caches attack odds for this phase, by target, attackers and
	// the defenders' and attackers' men (which change when a fight happens).
	previews map[string]rules.Preview
	// once is the work done for the decision under way (once.go).
	once memo
}

// New returns a player for side at level, seeded. Its random choices
// start afresh from the seed at each phase, so that what it does in a phase
// follows from the seed and the game as the phase begins: a game loaded
// from a save goes on as it would have.
func New(side string, level Level, seed uint64) *Player {
	return &Player{Side: side, Level: level, seed: seed, done: map[string]bool{}}
}

// Next returns the side's next command; it returns an end-of-phase command
// when it has nothing more to do. The caller applies each command before
// asking for the next one.
func (p *Player) Next(q *rules.Query) rules.Command {
	v := p.viewOf(q)
	if key := [2]int{v.Turn, v.Phase}; key != p.phase {
		p.phase = key
		p.reseed(v)
		clear(p.done)
		p.supply = nil
	}
	if v.ActiveSide() != p.Side || v.Over {
		return rules.EndPhase(p.Side)
	}
	w := p.worldOf(v)
	for _, u := range w.mine {
		if p.done[u.ID] {
			continue
		}
		p.done[u.ID] = true // one decision per unit and phase: never loop
		var cmd rules.Command
		var ok bool
		switch p.Level {
		case Random:
			cmd, ok = p.random(q, w, u)
		case Greedy:
			cmd, ok = p.greedy(q, w, u)
		default:
			cmd, ok = p.operational(q, w, u)
		}
		if ok {
			return cmd
		}
	}
	if p.Level >= Easy {
		if cmd, ok := p.finish(q, w); ok {
			return cmd
		}
	}
	return rules.EndPhase(p.Side)
}

// reseed starts the phase's random choices afresh from the seed, turn and
// phase, and empties the phase's previews, in the memory of the last phase.
func (p *Player) reseed(v *rules.View) {
	if p.pcg == nil {
		p.pcg = &rand.PCG{}
		p.rng = rand.New(p.pcg)
	}
	p.pcg.Seed(p.seed, 0xa1a1^uint64(v.Turn)<<8^uint64(v.Phase))
	if p.previews == nil {
		p.previews = map[string]rules.Preview{}
	}
	clear(p.previews)
}

// world is what the AI sees this command: its units, the visible enemy and
// the places, with a few indexes.
type world struct {
	v       *rules.View
	side    string
	mine    []*rules.Unit // active, not aircraft, sorted by ID
	enemies []*rules.Unit
	enemyAt map[hex.Hex][]*rules.Unit
	mineAt  map[hex.Hex][]*rules.Unit
	unit    map[string]*rules.Unit // the side's own active units, by ID
	once    worldOnce              // worked out once per world (once.go)
}

// newWorld builds the world from v afresh. Next builds it in the world the
// Player keeps instead (worldOf, once.go), which TestWorldOfIsNewWorld holds
// to be the same.
func newWorld(v *rules.View, side string) *world {
	w := &world{v: v, side: side, enemyAt: map[hex.Hex][]*rules.Unit{}, mineAt: map[hex.Hex][]*rules.Unit{}, unit: map[string]*rules.Unit{}}
	for i := range v.Units {
		u := &v.Units[i]
		if u.Status != rules.Active {
			continue
		}
		if u.Side == side {
			w.unit[u.ID] = u
			w.mineAt[u.Hex] = append(w.mineAt[u.Hex], u)
			if u.Type.Class != rules.Aircraft {
				w.mine = append(w.mine, u)
			}
		} else {
			w.enemies = append(w.enemies, u)
			w.enemyAt[u.Hex] = append(w.enemyAt[u.Hex], u)
		}
	}
	return w
}

// sortedHexes returns the keys of a hex set in a fixed order.
func sortedHexes[V any](m map[hex.Hex]V) []hex.Hex {
	out := make([]hex.Hex, 0, len(m))
	for h := range m {
		out = append(out, h)
	}
	slices.SortFunc(out, hex.Compare)
	return out
}

// random gives a random legal command for u.
func (p *Player) random(q *rules.Query, w *world, u *rules.Unit) (rules.Command, bool) {
	if u.Spent > 0 || u.Attacked {
		return rules.Command{}, false
	}
	if !u.Disordered && p.rng.IntN(2) == 0 {
		for _, n := range u.Hex.Neighbors() {
			c := rules.Attack(p.Side, n, true, u.ID)
			if len(w.enemyAt[n]) > 0 && q.CanAttack(c) == nil {
				return c, true
			}
		}
	}
	reach := sortedHexes(q.Reachable(u.ID))
	switch {
	case len(reach) > 1 && p.rng.IntN(4) != 0:
		to := reach[p.rng.IntN(len(reach))]
		if to != u.Hex {
			return rules.Move(p.Side, u.ID, to), true
		}
	case p.rng.IntN(3) == 0:
		return rules.Entrench(p.Side, u.ID), true
	}
	return rules.Command{}, false
}

// greedy attacks any adjacent enemy it can, alone, else marches toward the
// nearest objective it does not hold.
func (p *Player) greedy(q *rules.Query, w *world, u *rules.Unit) (rules.Command, bool) {
	if u.Attacked {
		return rules.Command{}, false
	}
	if !u.Disordered {
		for _, n := range u.Hex.Neighbors() {
			c := rules.Attack(p.Side, n, true, u.ID)
			if len(w.enemyAt[n]) > 0 && q.CanAttack(c) == nil {
				return c, true
			}
		}
	}
	if u.Spent > 0 {
		return rules.Command{}, false
	}
	var goal *rules.Place
	for i := range w.v.Places {
		pl := &w.v.Places[i]
		if pl.Owner == p.Side || (pl.VP == 0 && pl.ExitFor != p.Side) {
			continue
		}
		if pl.ExitFor != "" && pl.ExitFor != p.Side {
			continue
		}
		if goal == nil || hex.Distance(u.Hex, pl.Hex) < hex.Distance(u.Hex, goal.Hex) {
			goal = pl
		}
	}
	if goal == nil {
		return rules.Command{}, false
	}
	best, bestD := u.Hex, hex.Distance(u.Hex, goal.Hex)
	for _, h := range sortedHexes(q.Reachable(u.ID)) {
		if d := hex.Distance(h, goal.Hex); d < bestD {
			best, bestD = h, d
		}
	}
	if best == u.Hex {
		return rules.Command{}, false
	}
	return rules.Move(p.Side, u.ID, best), true
}
