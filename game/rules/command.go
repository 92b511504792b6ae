package rules

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"ili/game/hex"
)

// CommandKind is what a command asks for.
type CommandKind string

// Command kinds.
const (
	CmdMove     CommandKind = "move"
	CmdAttack   CommandKind = "attack"
	CmdEntrench CommandKind = "entrench"
	CmdEnd      CommandKind = "end" // end the side's phase
)

// Command is an order from a player or the AI. A game is its scenario, seed
// and list of commands, so commands are plain values that serialise as JSON.
type Command struct {
	Kind    CommandKind `json:"kind"`
	Side    string      `json:"side"`
	Unit    string      `json:"unit,omitempty"`    // move, entrench
	To      hex.Hex     `json:"to,omitzero"`       // move
	Units   []string    `json:"units,omitempty"`   // attack: the attackers
	Target  hex.Hex     `json:"target,omitzero"`   // attack
	Advance bool        `json:"advance,omitempty"` // attack: take the hex if it is emptied
	// Leave, with Advance, lets the attacker that advances be the last of its
	// side in a place the side holds. Without it no attacker empties such a
	// place: another attacker advances, or none does.
	Leave bool `json:"leave,omitempty"`
}

// Move orders unit to hex to.
func Move(side, unit string, to hex.Hex) Command {
	return Command{Kind: CmdMove, Side: side, Unit: unit, To: to}
}

// Attack orders units to attack the enemy in target.
func Attack(side string, target hex.Hex, advance bool, units ...string) Command {
	return Command{Kind: CmdAttack, Side: side, Units: units, Target: target, Advance: advance}
}

// Entrench orders unit to dig in for the phase.
func Entrench(side, unit string) Command { return Command{Kind: CmdEntrench, Side: side, Unit: unit} }

// EndPhase ends side's phase.
func EndPhase(side string) Command { return Command{Kind: CmdEnd, Side: side} }

// ErrGameOver is returned for any command after the game has ended.
var ErrGameOver = errors.New("the game is over")

// Apply checks cmd against the rules, carries it out and returns what
// happened. An illegal command returns an error that says why, in one
// sentence, and changes nothing.
func (s *State) Apply(cmd Command) ([]Event, error) {
	if s.Over {
		return nil, ErrGameOver
	}
	if s.Turn == 0 {
		return nil, errors.New("the game has not begun: call Begin first")
	}
	switch {
	case cmd.Side == "":
		return nil, errors.New("the command names no side")
	case cmd.Side != s.ActiveSide():
		return nil, fmt.Errorf("it is the phase of %s, not of %s", s.ActiveSide(), cmd.Side)
	}
	var evs []Event
	switch cmd.Kind {
	case CmdMove:
		u, err := s.ownUnit(cmd.Side, cmd.Unit)
		if err != nil {
			return nil, err
		}
		if u.Attacked {
			return nil, fmt.Errorf("%s has attacked this phase and cannot move", u.ID)
		}
		path, _, ok := s.PlanPath(u.ID, cmd.To)
		if !ok {
			return nil, fmt.Errorf("%s cannot reach %s this phase", u.ID, Label(cmd.To))
		}
		evs = s.move(u, path)
	case CmdAttack:
		var err error
		evs, err = s.attack(cmd)
		if err != nil {
			return nil, err
		}
	case CmdEntrench:
		u, err := s.ownUnit(cmd.Side, cmd.Unit)
		if err != nil {
			return nil, err
		}
		if u.Spent > 0 || u.Attacked {
			return nil, fmt.Errorf("%s has already acted this phase and cannot dig in", u.ID)
		}
		u.DigHours += s.TurnHours
		u.Spent = s.Budget()
		p := u.Posture(s.Map)
		evs = []Event{Entrenched{Unit: u.ID, Hours: u.DigHours, Posture: p}}
	case CmdEnd:
		return s.endPhase(), nil
	default:
		return nil, fmt.Errorf("unknown command %q", cmd.Kind)
	}
	return append(evs, s.checkVictory(false)...), nil
}

func (s *State) ownUnit(side, id string) (*Unit, error) {
	u := s.Unit(id)
	switch {
	case u == nil:
		return nil, fmt.Errorf("there is no unit %q", id)
	case u.Side != side:
		return nil, fmt.Errorf("%s belongs to %s, not %s", id, u.Side, side)
	case u.Status != Active:
		return nil, fmt.Errorf("%s is not on the map (%s)", id, u.Status)
	}
	return u, nil
}

// combatSetup gathers the attackers and defenders of an attack command, or
// says why the attack is not allowed.
func (s *State) combatSetup(cmd Command) (att, def []*Unit, err error) {
	if len(cmd.Units) == 0 {
		return nil, nil, errors.New("an attack needs at least one attacking unit")
	}
	// The lists are the state's own, kept from one fight to the next: a
	// caller reads them before it sets up another.
	att, def = s.scratchAtt[:0], s.scratchDef[:0]
	defer func() { s.scratchAtt, s.scratchDef = att[:0], def[:0] }()
	for k, id := range cmd.Units {
		u, err := s.ownUnit(cmd.Side, id)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case slices.Contains(cmd.Units[:k], id):
			return nil, nil, fmt.Errorf("%s is listed twice in the attack", id)
		case u.Type.Class == Aircraft:
			return nil, nil, fmt.Errorf("%s is an air unit: it supports attacks in its range but does not lead one", id)
		case u.Attacked:
			return nil, nil, fmt.Errorf("%s has already attacked this phase", id)
		case u.Disordered:
			return nil, nil, fmt.Errorf("%s is disordered and cannot attack this phase", id)
		case !hex.Adjacent(u.Hex, cmd.Target):
			return nil, nil, fmt.Errorf("%s is not next to %s", id, Label(cmd.Target))
		}
		att = append(att, u)
	}
	if s.Fog && !s.visibility(cmd.Side)[max(0, s.Map.Index(cmd.Target))] {
		return nil, nil, fmt.Errorf("%s cannot see into %s", cmd.Side, Label(cmd.Target))
	}
	for i := range s.Units { // UnitsAt's, the enemy's only
		if u := &s.Units[i]; u.Status == Active && u.Hex == cmd.Target && Hostile(u.Side, cmd.Side) {
			def = append(def, u)
		}
	}
	if len(def) == 0 {
		return nil, nil, fmt.Errorf("there is no enemy in %s to attack", Label(cmd.Target))
	}
	return att, def, nil
}

// CanAttack reports why an attack command is not allowed now, or nil.
func (s *State) CanAttack(cmd Command) error {
	_, _, err := s.combatSetup(cmd)
	return err
}

// CombatInputFor builds the combat model's input for attackers against the
// defenders of target, with the terrain, river, weather, season, surprise and
// air of this turn.
func (s *State) CombatInputFor(att, def []*Unit, target hex.Hex) CombatInput {
	return s.combatInput(att, def, target, nil)
}

// combatInput is CombatInputFor with the defender's aircraft counted only
// where seen marks their hex (every one when seen is nil): an attacker
// weighing an attack knows only of the aircraft it has seen.
func (s *State) combatInput(att, def []*Unit, target hex.Hex, seen []bool) CombatInput {
	in := CombatInput{Hours: s.TurnHours}
	in.Attacker = s.force(att, target, nil)
	in.Defender = s.force(def, target, seen)
	biggest := def[0]
	for _, u := range def {
		if u.Men > biggest.Men {
			biggest = u
		}
	}
	in.Posture = biggest.Posture(s.Map)
	// A fight goes on across turns while the defender stands and is attacked
	// every turn; a turn's pause ends it.
	going := biggest.BattleTurn >= s.Turn-1 && biggest.BattleTurn > 0
	if going {
		in.Elapsed = biggest.BattleHours
	}
	// A turn's fight is decided once, and a prepared or fortified defence
	// is not carried in the turn the attackers close up on it.
	in.Again = biggest.BattleTurn == s.Turn
	in.Closing = !going && (in.Posture == Prepared || in.Posture == Fortified)
	info := s.Map.At(target).Info()
	in.Relief, in.Cover, in.Urban, in.Marsh, in.Desert = info.Relief, info.Cover, info.Urban, info.Marsh, info.Desert
	across, total := 0, 0
	for _, u := range att {
		total += u.Men
		if s.Map.RiverBetween(u.Hex, target) != NoRiver {
			across += u.Men
		}
	}
	in.River = total > 0 && 2*across > total
	in.Weather = s.WeatherAt(s.Turn)
	in.Season = SeasonOf(int(s.TurnTime(s.Turn).Month()))
	if si := s.SideIndex(att[0].Side); si >= 0 && s.Turn <= s.Sides[si].SurpriseTurn {
		in.Surprise = s.Sides[si].SurpriseLevel
	}
	switch {
	case in.Attacker.Aircraft > 0 && in.Defender.Aircraft == 0:
		in.Air = 1
	case in.Defender.Aircraft > 0 && in.Attacker.Aircraft == 0:
		in.Air = -1
	}
	return in
}

// force sums units into one side of a fight, with the side's aircraft in
// range (those in hexes seen marks, when it is not nil).
func (s *State) force(units []*Unit, target hex.Hex, seen []bool) Force {
	var f Force
	var q, m int64 // sums of quality and morale by men: 40 units of 300,000 men at quality 200 pass 32 bits
	supplied := 0
	for _, u := range units {
		f.Men += u.Men
		f.Guns += u.Guns
		f.MGs += u.MGs
		f.Armour += u.Armour
		if u.Type.Class == Cavalry {
			f.Cavalry += u.Men
		}
		q += int64(u.Quality) * int64(u.Men)
		m += int64(u.Morale) * int64(u.Men)
		if u.InSupply {
			supplied += u.Men
		}
	}
	side := units[0].Side
	for i := range s.Units {
		a := &s.Units[i]
		if a.Status == Active && a.Side == side && a.Type.Class == Aircraft && a.Aircraft > 0 &&
			float64(hex.Distance(a.Hex, target)*s.HexM) <= a.Type.RangeKm*1000 &&
			(seen == nil || seen[s.Map.Index(a.Hex)]) {
			f.Aircraft += a.Aircraft
		}
	}
	if f.Men > 0 {
		f.Quality = float64(q) / float64(f.Men) / 100
		f.Morale = float64(m) / float64(f.Men) / 100
	}
	f.Supplied = 2*supplied >= f.Men
	return f
}

func (s *State) attack(cmd Command) ([]Event, error) {
	att, def, err := s.combatSetup(cmd)
	if err != nil {
		return nil, err
	}
	in := s.CombatInputFor(att, def, cmd.Target)
	res := Resolve(in, s.rng)
	for _, u := range def {
		if u.BattleTurn < s.Turn-1 || u.BattleTurn == 0 {
			u.BattleHours = 0
		}
		if u.BattleTurn != s.Turn {
			u.BattleHours += s.TurnHours
		}
		u.BattleTurn = s.Turn
	}
	evs := []Event{CombatResolved{Attackers: ids(att), Defenders: ids(def), Target: cmd.Target, Input: in, Result: res}}
	for _, u := range att {
		u.Attacked = true
		u.Spent = s.Budget()
		u.DigHours = 0
	}
	evs = append(evs, s.applyLosses(att, res.Attacker, res.AttackerFraction)...)
	evs = append(evs, s.applyLosses(def, res.Defender, res.DefenderFraction)...)
	if res.Outcome == AttackFails {
		for _, u := range att {
			u.Disordered = true
		}
	}
	switch res.Outcome {
	case DefenderRetreats, DefenderRouts:
		routed := res.Outcome == DefenderRouts
		for _, u := range def {
			if u.Status == Active {
				evs = append(evs, s.retreat(u, att, routed)...)
			}
		}
	case DefenderSurrenders:
		for _, u := range def {
			if u.Status == Active {
				evs = append(evs, s.surrender(u, "surrendered"))
			}
		}
	}
	if cmd.Advance && s.occupant(cmd.Target) == "" {
		if lead := s.advancer(att, cmd.Leave); lead != nil {
			lead.Hex = cmd.Target
			evs = append(evs, Advanced{Unit: lead.ID, To: cmd.Target})
			evs = append(evs, s.capturePlace(lead.Side, cmd.Target)...)
		}
	}
	return evs, nil
}

// advancer is the attacker that takes a hex its attack emptied: the largest
// active one that is not artillery and, unless leave, not the last of its
// side in a place the side holds; nil when there is none.
func (s *State) advancer(att []*Unit, leave bool) *Unit {
	var lead *Unit
	for _, u := range att {
		if u.Status == Active && u.Type.Class != Artillery && (leave || !s.lastHolder(u)) && (lead == nil || u.Men > lead.Men) {
			lead = u
		}
	}
	return lead
}

// lastHolder reports whether u stands in a place its side holds with no
// other active unit of the side there: the place would be empty without it.
func (s *State) lastHolder(u *Unit) bool {
	if p := s.PlaceAt(u.Hex); p == nil || p.Owner != u.Side {
		return false
	}
	for _, o := range s.UnitsAt(u.Hex) {
		if o != u && o.Side == u.Side {
			return false
		}
	}
	return true
}

// applyLosses spreads a side's losses over its units in proportion to their
// men (the largest unit takes the rounding), lowers morale by the fraction
// lost and eliminates units left with no men.
func (s *State) applyLosses(units []*Unit, l Losses, frac float64) []Event {
	total := 0
	for _, u := range units {
		total += u.Men
	}
	if total == 0 {
		return nil
	}
	k := len(units)
	all := make([]int, 5*k) // each share's and the prisoners', in one
	share := func(n int, get func(*Unit) int) []int {
		out := all[:k:k]
		all = all[k:]
		given, big := 0, 0
		for i, u := range units {
			out[i] = int(int64(n) * int64(u.Men) / int64(total)) // the product passes 32 bits in large stacks
			given += out[i]
			if u.Men > units[big].Men {
				big = i
			}
		}
		out[big] += n - given
		for i, u := range units { // never more than a unit has; spill the rest
			if have := get(u); out[i] > have {
				spill := out[i] - have
				out[i] = have
				for j := range units {
					if room := get(units[j]) - out[j]; spill > 0 && room > 0 {
						d := min(room, spill)
						out[j] += d
						spill -= d
					}
				}
			}
		}
		return out
	}
	men := share(l.Men, func(u *Unit) int { return u.Men })
	guns := share(l.Guns, func(u *Unit) int { return u.Guns })
	mgs := share(l.MGs, func(u *Unit) int { return u.MGs })
	arm := share(l.Armour, func(u *Unit) int { return u.Armour })
	capt := all[:k:k]
	if l.Captured > 0 {
		left := total - l.Men
		given := 0
		for i, u := range units {
			if left > 0 {
				capt[i] = min(u.Men-men[i], int(int64(l.Captured)*int64(u.Men-men[i])/int64(left))) // past 32 bits in large stacks
				given += capt[i]
			}
		}
		for i, u := range units {
			if extra := min(l.Captured-given, u.Men-men[i]-capt[i]); extra > 0 {
				capt[i] += extra
				given += extra
			}
		}
	}
	var evs []Event
	hit := roundInt(mul(frac, 50))
	for i, u := range units {
		u.Men -= men[i] + capt[i]
		u.Casualties += men[i]
		u.Captured += capt[i]
		u.Guns -= guns[i]
		u.MGs -= mgs[i]
		u.Armour -= arm[i]
		u.Morale = max(0, u.Morale-hit)
		if u.Men <= 0 && u.Status == Active {
			u.Status = Eliminated
			why := "destroyed"
			if capt[i] > 0 {
				why = "surrendered"
			}
			evs = append(evs, UnitEliminated{Unit: u.ID, Captured: capt[i], Reason: why})
		}
	}
	return evs
}

// retreat moves u away from the attackers: one hex, two when routed. It picks
// the free passable neighbour farthest from the attackers, outside enemy
// zones of control if it can, nearest its supply; with nowhere to go the unit
// surrenders.
func (s *State) retreat(u *Unit, att []*Unit, routed bool) []Event {
	steps := 1
	if routed {
		steps = 2
		u.Disordered = true
		u.Morale = max(0, u.Morale-15)
	}
	from := u.Hex
	net := s.supplyNet(u.Side)
	for step := 0; step < steps; step++ {
		best, bestScore := hex.Hex{}, -1<<30
		for _, n := range u.Hex.Neighbors() {
			if !s.Map.Passable(n) || Hostile(s.occupant(n), u.Side) {
				continue
			}
			if u.Type.Mode != nil { // aircraft fly off to any free ground
				if _, ok := s.StepCost(u.Type.Mode, u.Hex, n); !ok {
					continue
				}
			}
			score := 0
			for _, a := range att {
				score += 10 * hex.Distance(a.Hex, n)
			}
			if s.enemyZOC(u.Side, n) {
				score -= 100
			}
			if c, ok := net.Cost(n); ok {
				score += 20 - min(20, c/60)
			}
			if score > bestScore {
				best, bestScore = n, score
			}
		}
		if bestScore == -1<<30 {
			if step == 0 {
				return []Event{s.surrender(u, "cut off with no line of retreat")}
			}
			break
		}
		u.Hex = best
	}
	u.DigHours = 0
	u.BattleHours, u.BattleTurn = 0, 0 // a new position, a new fight
	return []Event{Retreated{Unit: u.ID, From: from, To: u.Hex, Routed: routed}}
}

func (s *State) surrender(u *Unit, why string) Event {
	n := u.Men
	u.Captured += n
	u.Men = 0
	u.Status = Eliminated
	return UnitEliminated{Unit: u.ID, Captured: n, Reason: why}
}

func ids(units []*Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.ID
	}
	return out
}

// Preview is the spread of outcomes an attack could have, for the UI and AI.
type Preview struct {
	Input    CombatInput
	Odds     [NumOutcomes]float64 // share of trials with each outcome
	AttLoss  [3]int               // attacker men lost: 10th, 50th, 90th percentile
	DefLoss  [3]int               // defender men lost and captured: same
	Factors  []Factor
	Trials   int
	Expected CombatResult // one representative resolution
}

// PreviewAttack resolves cmd's fight n times on a private generator, without
// touching the game, and reports the odds of each outcome and the loss ranges,
// as the attacking side can weigh them: with the enemy aircraft it has seen.
func (s *State) PreviewAttack(cmd Command, n int) (Preview, error) {
	if n <= 0 {
		n = 200
	}
	attackers, defenders, err := s.combatSetup(cmd)
	if err != nil {
		return Preview{}, err
	}
	var seen []bool
	if s.Fog {
		seen = s.visibility(cmd.Side)
	}
	in := s.combatInput(attackers, defenders, cmd.Target, seen)
	return Trials(in, n, uint64(s.Turn)<<32|uint64(n)), nil
}

// Trials resolves the fight in n times (n > 0) on a private generator of
// the given seed and reports the odds of each outcome and the loss ranges.
func Trials(in CombatInput, n int, seed uint64) Preview {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	p := Preview{Input: in, Trials: n}
	var attBuf, defBuf [128]int
	att, def := attBuf[:0], defBuf[:0]
	if n > len(attBuf) {
		att, def = make([]int, 0, n), make([]int, 0, n)
	}
	// The first throw in full, for its factors; the rest from the dice,
	// which give the same throws for less.
	r := Resolve(in, rng)
	p.Expected, p.Factors = r, r.Factors
	p.Odds[r.Outcome]++
	att = append(att, r.Attacker.Men+r.Attacker.Captured)
	def = append(def, r.Defender.Men+r.Defender.Captured)
	if n > 1 {
		d := Default.dice(in)
		for i := 1; i < n; i++ {
			o, a, l := d.throw(rng)
			p.Odds[o]++
			att = append(att, a)
			def = append(def, l)
		}
	}
	for i := range p.Odds {
		p.Odds[i] /= float64(n)
	}
	p.AttLoss = percentiles(att)
	p.DefLoss = percentiles(def)
	return p
}

// percentiles sorts x and reads the 10th, 50th and 90th percentiles.
func percentiles(sorted []int) [3]int {
	sortInts(sorted)
	at := func(p int) int { return sorted[min(len(sorted)-1, p*len(sorted)/100)] }
	return [3]int{at(10), at(50), at(90)}
}
