package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/scenario"
	"ili/game/words"
)

const oddsSynopsis = "odds SCENARIO --attack U1,U2... --defend U3 [--turn N] [--variant V]... [--set KEY=VALUE]... [--seed S]"

// oddsTrials is how many times the preview fights the attack: the
// window's number, so that the odds are the ones it shows.
const oddsTrials = 200

// cmdOdds prints the attack preview the window shows before a person
// commits: the headline, the share of each outcome, the loss ranges and
// every factor with its effect, from the same code (rules.PreviewAttack,
// words). The units stand as the file places them, or, with --turn N, where
// a game of AIs has them at the attacking side's phase of turn N.
func cmdOdds(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("odds", oddsSynopsis, stderr)
	cli.HelpTo(fs, stdout)
	attack := fs.String("attack", "", "the attacking units' IDs, joined by commas: units of one side next to the defender")
	defend := fs.String("defend", "", "the defending unit's ID; every enemy unit in its hex defends with it")
	turn := fs.Int("turn", 0, "play the game on, every side by the AI at normal level, to the attacking side's phase of turn N, and weigh the attack then (default: the units as the file places them)")
	seed := fs.Uint64("seed", 1, "the game's random seed, for --turn (the preview's own trials are the window's)")
	var variants, sets cli.List
	fs.Var(&variants, "variant", "a what-if variant to switch on (repeatable)")
	fs.Var(&sets, "set", "an override KEY=VALUE, such as unit.band.men=900 (repeatable)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *attack == "" || *defend == "" {
		fmt.Fprintln(stderr, "ili odds needs a scenario, --attack and --defend, such as: ili odds nilka-1944 --attack band-mounted --defend garrison.")
		return cli.Usage
	}
	sc, err := scenario.Load(fs.Arg(0), scenario.Options{Variants: variants, Set: sets})
	if err != nil {
		return cli.Report(stderr, err)
	}
	if *turn != 0 && (*turn < max(1, sc.Setup.FirstTurn) || *turn > sc.Turns) {
		fmt.Fprintf(stderr, "--turn %d: %s has turns %d to %d; give one of them.\n", *turn, sc.ID, max(1, sc.Setup.FirstTurn), sc.Turns)
		return cli.Usage
	}
	attackers := strings.Split(*attack, ",")
	for i := range attackers {
		attackers[i] = strings.TrimSpace(attackers[i])
	}
	side, msg := oddsSides(sc, attackers, *defend)
	if msg != "" {
		fmt.Fprintln(stderr, msg)
		return cli.Bad
	}
	var seats []match.Seat
	for _, sd := range sc.Setup.Sides {
		seats = append(seats, match.Seat{Side: sd.ID, AI: "normal"})
	}
	m, _, err := match.New(sc, match.Config{Scenario: fs.Arg(0), Variants: variants, Set: sets, Seed: *seed, Seats: seats})
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	if *turn != 0 {
		for !m.Over() && (m.Turn() < *turn || m.ToMove() != side) {
			if _, ok, err := m.Step(); err != nil || !ok {
				break
			}
		}
		if m.Over() || m.Turn() != *turn {
			fmt.Fprintf(stderr, "ili: the game of AIs ended on turn %d, before %s's phase of turn %d; give an earlier --turn.\n", m.Turn(), sc.SideName(side), *turn)
			return cli.Bad
		}
	}
	truth := m.Truth()
	units := map[string]*rules.Unit{}
	for i := range truth.Units {
		units[truth.Units[i].ID] = &truth.Units[i]
	}
	target, msg := oddsTarget(sc, units, attackers, *defend, m.Turn(), *turn != 0)
	if msg != "" {
		fmt.Fprintln(stderr, msg)
		return cli.Bad
	}
	pre, err := m.Query(side).PreviewAttack(rules.Attack(side, target, true, attackers...), oddsTrials)
	if err != nil {
		fmt.Fprintf(stderr, "%s\n", oddsRefusal(sc, err))
		return cli.Bad
	}
	writeOdds(stdout, sc, truth, pre, side, attackers, target, m.Turn())
	return cli.OK
}

// oddsSides checks that the units are the scenario's, the attackers of one
// side and the defender of a side hostile to it, and returns the attacking
// side; msg says, in one sentence, what is wrong and what to do.
func oddsSides(sc *scenario.Scenario, attackers []string, defender string) (side, msg string) {
	var ids []string
	for _, u := range sc.Units {
		ids = append(ids, u.ID)
	}
	known := func(id, flag string) string {
		if sc.Unit(id) == nil {
			hint := scenario.DidYouMean(id, ids)
			if hint == "" {
				hint = "."
			}
			return fmt.Sprintf("ili: %s has no unit %q (%s); give a unit's id as the file writes it%s", sc.ID, id, flag, hint)
		}
		return ""
	}
	seen := map[string]bool{}
	for _, id := range attackers {
		if m := known(id, "--attack"); m != "" {
			return "", m
		}
		if seen[id] {
			return "", fmt.Sprintf("ili: --attack names %s twice; name each attacking unit once.", id)
		}
		seen[id] = true
		u := sc.Unit(id)
		if side == "" {
			side = u.Side
		} else if u.Side != side {
			return "", fmt.Sprintf("ili: %s (%s) and %s (%s) are not of one side; an attack is made by one side's units: give --attack units of one side.",
				attackers[0], sc.SideName(side), id, sc.SideName(u.Side))
		}
	}
	if m := known(defender, "--defend"); m != "" {
		return "", m
	}
	if d := sc.Unit(defender); !rules.Hostile(d.Side, side) {
		return "", fmt.Sprintf("ili: %s and %s are both of %s, not enemies; give --defend a unit of the side the attackers fight.",
			attackers[0], defender, sc.SideName(side))
	}
	return side, ""
}

// oddsTarget checks that the units stand on the map on the turn and every
// attacker next to the defender, and returns the defender's hex.
func oddsTarget(sc *scenario.Scenario, units map[string]*rules.Unit, attackers []string, defender string, turn int, played bool) (hex.Hex, string) {
	onMap := func(id string) string {
		u := units[id]
		switch {
		case u == nil:
			return fmt.Sprintf("ili: %s is not in this game of %s.", id, sc.ID)
		case u.Status == rules.Pending:
			return fmt.Sprintf("ili: %s is not on the map on turn %d: it arrives on turn %d; give --turn %d or later.", id, turn, u.ArriveTurn, u.ArriveTurn)
		case u.Status != rules.Active:
			return fmt.Sprintf("ili: %s is no longer on the map on turn %d (%s); give an earlier --turn.", id, turn, u.Status)
		}
		return ""
	}
	if m := onMap(defender); m != "" {
		return hex.Hex{}, m
	}
	d := units[defender]
	for _, id := range attackers {
		if m := onMap(id); m != "" {
			return hex.Hex{}, m
		}
		a := units[id]
		if a.Type.Class == rules.Aircraft {
			return hex.Hex{}, fmt.Sprintf("ili: %s is an air unit: it supports the attacks in its range but does not lead one; give --attack the ground units next to %s.", id, defender)
		}
		if !hex.Adjacent(a.Hex, d.Hex) {
			when := "as the file places them"
			if played {
				when = fmt.Sprintf("on turn %d", turn)
			}
			return hex.Hex{}, fmt.Sprintf("ili: %s (at %s) is not next to %s (at %s), %d hexes apart %s; only units next to the defender attack: give --attack units beside it, move them there in the file, or give a --turn by which the AIs have closed in (ili shot --turn N shows where they stand).",
				id, rules.Label(a.Hex), defender, rules.Label(d.Hex), hex.Distance(a.Hex, d.Hex), when)
		}
	}
	return d.Hex, ""
}

// oddsRefusal says the rules' refusal of the preview in one sentence that
// says what to do.
func oddsRefusal(sc *scenario.Scenario, err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "cannot see into"):
		return "ili: the attacking side cannot see into the defender's hex on this turn, so the window would not weigh the attack; give a --turn on which it sees the enemy there."
	case strings.Contains(msg, "disordered"):
		return "ili: " + msg + "; it rallies at the start of its side's next phase: give a later --turn."
	}
	return fmt.Sprintf("ili: %s cannot weigh the attack: %s; check the units with 'ili shot %s --no-fog --turn N'.", sc.ID, msg, sc.ID)
}

// writeOdds prints the preview as the window's panel shows it, and every
// factor with its value and its effect in words.
func writeOdds(w io.Writer, sc *scenario.Scenario, v *rules.View, pre rules.Preview, side string, attackers []string, target hex.Hex, turn int) {
	l := words.Log{Scenario: sc}
	place := ""
	where := rules.Label(target)
	if pl := l.PlaceAt(target); pl != nil {
		place = pl.Name
		where = pl.Name + " (" + rules.Label(target) + ")"
	}
	byID := map[string]rules.Unit{}
	for _, u := range v.Units {
		byID[u.ID] = u
	}
	force := func(u rules.Unit) string {
		return fmt.Sprintf("%s (%s, %d men)", u.Name, u.ID, u.Men)
	}
	fmt.Fprintf(w, "%s: an attack on %s, turn %d (%s)\n", sc.Title, where, turn, sc.Setup.TurnTime(turn).Format("2 January 2006, 15:04"))
	var att []string
	for _, id := range attackers {
		att = append(att, force(byID[id]))
	}
	fmt.Fprintf(w, "  by %s: %s\n", sc.SideName(side), strings.Join(att, "; "))
	var def []string
	defSide := ""
	for _, u := range v.Units {
		if u.Status == rules.Active && u.Hex == target && rules.Hostile(u.Side, side) {
			def = append(def, force(u))
			defSide = u.Side
		}
	}
	fmt.Fprintf(w, "  against %s: %s; posture %s\n", sc.SideName(defSide), strings.Join(def, "; "), pre.Input.Posture)
	fmt.Fprintln(w)
	fmt.Fprintln(w, words.Headline(&pre))
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Outcomes (%d trials, as the window weighs them):\n", pre.Trials)
	for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
		share := pre.Odds[o]
		fmt.Fprintf(w, "  %-20s %4.0f%%  %s\n", o, 100*share, strings.Repeat("#", int(math.Round(40*share))))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Losses, men lost and captured (10th, 50th and 90th percentile):")
	fmt.Fprintf(w, "  the attackers lose %d to %d men (median %d)\n", pre.AttLoss[0], pre.AttLoss[2], pre.AttLoss[1])
	fmt.Fprintf(w, "  the defenders lose %d to %d men (median %d)\n", pre.DefLoss[0], pre.DefLoss[2], pre.DefLoss[1])
	fmt.Fprintln(w)
	fmt.Fprintln(w, "What weighs most:")
	for _, c := range words.TopCauses(&pre, 3) {
		fmt.Fprintf(w, "  %s\n", words.CauseWords(c, &pre, place))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Every factor (%d; x1.00 changes nothing; odds: on the attacker's odds of winning, else on a side's strength):\n", len(pre.Factors))
	for _, f := range pre.Factors {
		value := fmt.Sprintf("x%.2f", f.Value)
		if f.Side == "odds" {
			value = "odds " + value
		}
		effect := ""
		if f.Value > 0 && f.Value != 1 {
			effect = ": " + words.FactorEffect(f)
		}
		fmt.Fprintf(w, "  %-10s %s%s\n", value, words.FactorLabel(f, &pre, place), effect)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Strength after every factor: attackers %.0f, defenders %.0f (ratio %.2f); the fight is decided within the turn %.0f%% of the time.\n",
		pre.Expected.PowerA, pre.Expected.PowerD, pre.Expected.Ratio, 100*pre.Expected.PDecide)
}
