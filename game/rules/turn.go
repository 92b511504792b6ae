package rules

import (
	"fmt"
	"sort"
	"strings"

	"ili/game/hex"
)

// Begin starts the game: turn 1, the first side's phase, with everything that
// happens at the start of a turn. Call it once on a new State.
func (s *State) Begin() []Event {
	if s.Turn != 0 {
		return nil
	}
	s.Turn, s.Phase = max(1, s.FirstTurn), 0
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Pending && u.ArriveTurn <= 0 {
			u.Status = Active
		}
	}
	return s.startTurn()
}

func (s *State) startTurn() []Event {
	evs := []Event{TurnStarted{Turn: s.Turn, Date: s.TurnTime(s.Turn), Weather: s.WeatherAt(s.Turn)}}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Active && u.WithdrawTurn > 0 && u.WithdrawTurn <= s.Turn {
			u.Status = Withdrawn
			evs = append(evs, UnitWithdrawn{Unit: u.ID})
		}
	}
	for i, n := range s.Narrative {
		if !s.Fired[i] && n.Turn > 0 && n.Turn <= s.Turn {
			evs = append(evs, s.fire(i))
		}
	}
	return append(evs, s.startPhase()...)
}

func (s *State) startPhase() []Event {
	side := s.ActiveSide()
	evs := []Event{PhaseStarted{Side: side}}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Side != side {
			continue
		}
		if u.Status == Pending && u.ArriveTurn <= s.Turn {
			evs = append(evs, s.arrive(u)...)
		}
		u.Spent, u.Attacked = 0, false
		u.Disordered = false
	}
	return append(evs, s.checkSupply(side)...)
}

// arrive puts a reinforcement on the map at its entry hex, or the nearest
// free hex within two of it; if all are blocked it waits a turn.
func (s *State) arrive(u *Unit) []Event {
	for _, h := range hex.Spiral(u.Hex, 2) {
		if !s.Map.In(h) || !s.Map.Passable(h) || Hostile(s.occupant(h), u.Side) {
			continue
		}
		u.Hex = h
		u.Status = Active
		evs := []Event{ReinforcementArrived{Unit: u.ID, At: h}}
		return append(evs, s.capturePlace(u.Side, h)...)
	}
	return []Event{ReinforcementDelayed{Unit: u.ID}}
}

func (s *State) fire(i int) Event {
	n := s.Narrative[i]
	s.Fired[i] = true
	if n.MoraleSide != "" && n.Morale != 0 {
		for j := range s.Units {
			u := &s.Units[j]
			if u.Side == n.MoraleSide {
				u.Morale = max(0, min(100, u.Morale+n.Morale))
			}
		}
	}
	return NarrativeFired{ID: n.ID, Title: n.Title, Text: n.Text, Source: n.Source}
}

func (s *State) fireCaptureNarratives(place, side string) []Event {
	var evs []Event
	for i, n := range s.Narrative {
		if !s.Fired[i] && n.CapturedPlace == place && (n.CapturedBy == "" || n.CapturedBy == side) {
			evs = append(evs, s.fire(i))
		}
	}
	return evs
}

// endPhase passes the move to the next side, or ends the turn.
func (s *State) endPhase() []Event {
	s.Phase++
	if s.Phase < len(s.Sides) {
		return s.startPhase()
	}
	s.Phase = 0
	evs := s.checkVictory(true)
	if s.Over {
		return evs
	}
	s.Turn++
	return append(evs, s.startTurn()...)
}

// VP returns each side's victory points now: the places it holds and the
// enemy men it has put out of action.
func (s *State) VP() map[string]int {
	vp := map[string]int{}
	for _, sd := range s.Sides {
		vp[sd.ID] = 0
	}
	for _, p := range s.Places {
		if p.Owner != "" {
			vp[p.Owner] += p.VP
		}
	}
	for _, u := range s.Units {
		vp[u.Side] += u.ExitVP
	}
	if s.Victory.CasualtyVP > 0 {
		lost := map[string]int{}
		for _, u := range s.Units {
			lost[u.Side] += u.Casualties + u.Captured
		}
		for _, sd := range s.Sides {
			enemyLost := 0
			for side, n := range lost {
				if Hostile(side, sd.ID) {
					enemyLost += n
				}
			}
			vp[sd.ID] += enemyLost * s.Victory.CasualtyVP / 1000
		}
	}
	return vp
}

// checkVictory ends the game on sudden death, on a side with nothing left, or
// (at the end of a turn) on the turn limit.
func (s *State) checkVictory(endOfTurn bool) []Event {
	if s.Over {
		return nil
	}
	// A side with nothing left on the map or to come ends the game: beaten if
	// every unit it had was destroyed, otherwise on victory points (a side
	// that withdrew its army in good order is not beaten for that).
	alive := map[string]bool{}
	left := map[string]bool{}
	for _, u := range s.Units {
		switch u.Status {
		case Active, Pending:
			alive[u.Side] = true
		case Withdrawn:
			left[u.Side] = true
		}
	}
	for _, sd := range s.Sides {
		if alive[sd.ID] || len(s.Sides) < 2 {
			continue
		}
		if left[sd.ID] {
			return s.finishOnVP(fmt.Sprintf("%s has no units left on the map", sd.ID))
		}
		var standing []string
		for _, o := range s.Sides {
			if alive[o.ID] {
				standing = append(standing, o.ID)
			}
		}
		if len(standing) == 1 {
			return s.finish(standing[0], "every enemy unit is out of action")
		}
		return s.finishOnVP(fmt.Sprintf("%s has no units left", sd.ID))
	}
	if endOfTurn {
		for _, sd := range s.Victory.SuddenDeath {
			if s.Turn < sd.FromTurn {
				continue
			}
			held := true
			for _, id := range sd.Hold {
				if p := s.Place(id); p == nil || p.Owner != sd.Side {
					held = false
				}
			}
			if held {
				return s.finish(sd.Side, fmt.Sprintf("holds %s", joinIDs(sd.Hold)))
			}
		}
		if s.Turn >= s.Turns {
			return s.finishOnVP("the turn limit is reached")
		}
	}
	return nil
}

// finishOnVP ends the game with the side holding the most victory points as
// the winner, or a draw on a tie.
func (s *State) finishOnVP(reason string) []Event {
	vp := s.VP()
	best, second := "", ""
	for _, sd := range s.Sides {
		switch {
		case best == "" || vp[sd.ID] > vp[best]:
			best, second = sd.ID, best
		case second == "" || vp[sd.ID] > vp[second]:
			second = sd.ID
		}
	}
	if second != "" && vp[best] == vp[second] {
		best = ""
	}
	return s.finish(best, reason)
}

func (s *State) finish(winner, reason string) []Event {
	s.Over, s.Winner, s.Reason = true, winner, reason
	return []Event{GameOver{Winner: winner, Reason: reason, VP: s.VP()}}
}

func joinIDs(ids []string) string { return strings.Join(ids, ", ") }

func sortStrings(x []string) { sort.Strings(x) }

func sortInts(x []int) { sort.Ints(x) }
