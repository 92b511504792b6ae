// Package rulestest helps tests drive games: a random player that gives legal
// commands and the invariants every state must keep.
package rulestest

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"ili/game/hex"
	"ili/game/rules"
)

// RandomCommand picks a random command for the side to move: often an attack
// on a visible adjacent enemy, a move (half the time towards the nearest
// enemy, so that games have fights), digging in, or the end of the phase.
// It may occasionally give an illegal move; Apply must then change nothing.
func RandomCommand(s *rules.State, rng *rand.Rand) rules.Command {
	side := s.ActiveSide()
	var mine []*rules.Unit
	for i := range s.Units {
		u := &s.Units[i]
		if u.Side == side && u.Status == rules.Active && u.Spent == 0 && !u.Attacked && u.Type.Class != rules.Aircraft {
			mine = append(mine, u)
		}
	}
	if len(mine) == 0 || rng.IntN(8) == 0 {
		return rules.EndPhase(side)
	}
	u := mine[rng.IntN(len(mine))]
	if !u.Disordered {
		for _, n := range u.Hex.Neighbors() {
			c := rules.Attack(side, n, rng.IntN(2) == 0, u.ID)
			if s.CanAttack(c) == nil && rng.IntN(4) != 0 {
				return c
			}
		}
	}
	var goals []hex.Hex
	for h := range s.Reachable(u.ID) {
		if h != u.Hex {
			goals = append(goals, h)
		}
	}
	if len(goals) == 0 || rng.IntN(6) == 0 {
		return rules.Entrench(side, u.ID)
	}
	slices.SortFunc(goals, hex.Compare)
	if rng.IntN(2) == 0 {
		best, bestD := goals[0], 1<<30
		for _, g := range goals {
			for i := range s.Units {
				e := &s.Units[i]
				if e.Status == rules.Active && rules.Hostile(e.Side, side) && hex.Distance(g, e.Hex) < bestD {
					best, bestD = g, hex.Distance(g, e.Hex)
				}
			}
		}
		return rules.Move(side, u.ID, best)
	}
	return rules.Move(side, u.ID, goals[rng.IntN(len(goals))])
}

// Strengths records each unit's starting strength for CheckInvariants.
func Strengths(s *rules.State) map[string]int {
	out := map[string]int{}
	for _, u := range s.Units {
		out[u.ID] = u.Strength()
	}
	return out
}

// CheckInvariants returns what is wrong with a state: men not conserved
// between strength, casualties and captured; negative quantities; hostile
// units sharing a hex; units on impassable ground.
func CheckInvariants(s *rules.State, start map[string]int) error {
	held := map[hex.Hex]string{}
	for _, u := range s.Units {
		if u.Strength() != start[u.ID] {
			return fmt.Errorf("%s: %d men + %d casualties + %d captured != %d at the start",
				u.ID, u.Men, u.Casualties, u.Captured, start[u.ID])
		}
		if u.Men < 0 || u.Guns < 0 || u.MGs < 0 || u.Armour < 0 || u.Morale < 0 || u.SupplyHours < 0 {
			return fmt.Errorf("%s has a negative quantity: %+v", u.ID, u)
		}
		if u.Status != rules.Active {
			continue
		}
		if !s.Map.Passable(u.Hex) {
			return fmt.Errorf("%s stands on impassable ground at %s", u.ID, rules.Label(u.Hex))
		}
		if other, ok := held[u.Hex]; ok && rules.Hostile(other, u.Side) {
			return fmt.Errorf("hostile units share %s", rules.Label(u.Hex))
		}
		held[u.Hex] = u.Side
	}
	return nil
}

// Play plays a game to the end with RandomCommand and returns its event log
// and the state hash after every command; it stops with an error at the
// first broken invariant or after maxCommands.
func Play(s *rules.State, seed uint64, maxCommands int) (log string, hashes []string, err error) {
	rng := rand.New(rand.NewPCG(seed, 0xd1ce))
	start := Strengths(s)
	evs := s.Begin()
	for _, e := range evs {
		log += e.String() + "\n"
	}
	for n := 0; !s.Over; n++ {
		if n >= maxCommands {
			return log, hashes, fmt.Errorf("the game did not end within %d commands", maxCommands)
		}
		before := s.Hash()
		evs, aerr := s.Apply(RandomCommand(s, rng))
		if aerr != nil {
			if s.Hash() != before {
				return log, hashes, fmt.Errorf("an illegal command (%v) changed the state", aerr)
			}
			continue
		}
		for _, e := range evs {
			log += e.String() + "\n"
		}
		hashes = append(hashes, s.Hash())
		if err := CheckInvariants(s, start); err != nil {
			return log, hashes, err
		}
	}
	return log, hashes, nil
}
