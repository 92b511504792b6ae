package ui

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/words"
)

// The window's sentences are built here: a verb agreeing with the side or
// unit it is said of, the rules' refusals turned into advice, and the
// attack preview in words.

// The grammar is package words', which the log and ili sim --log share;
// these are its names here.
var (
	plural   = words.Plural
	says     = words.Says
	verbOf   = words.VerbOf
	sayAll   = words.SayAll
	andNames = words.AndNames
	closed   = words.Closed
)

// and hexes by place.
var refusals = []struct {
	re     *regexp.Regexp
	advice string
}{
	{regexp.MustCompile(`^an attack needs at least one attacking unit$`),
		"none of your units is next to it; move one next to it first, then click the enemy to weigh the attack"},
	{regexp.MustCompile(`^(\S+) is not next to (\S+)$`),
		"%[1]s is not next to %[2]s; move it next to the enemy first"},
	{regexp.MustCompile(`^(\S+) has already attacked this phase$`),
		"%[1]s has already attacked this phase; a unit attacks once a phase, so attack with another or wait for your next turn"},
	{regexp.MustCompile(`^(\S+) is disordered and cannot attack this phase$`),
		"%[1]s is disordered; it rallies at the start of your next phase and may attack then"},
	{regexp.MustCompile(`^(\S+) is an air unit: .*$`),
		"%[1]s is an air unit; it supports attacks in its range but cannot lead one, so attack with a ground unit next to the enemy"},
	{regexp.MustCompile(`^(\S+) cannot see into (\S+)$`),
		"you cannot see into %[2]s; move a unit next to it to see who is there"},
	{regexp.MustCompile(`^there is no enemy in (\S+) to attack$`),
		"you see no enemy in %[1]s to attack"},
	{regexp.MustCompile(`^(\S+) has attacked this phase and cannot move$`),
		"%[1]s has attacked this phase and stays where it is until your next turn"},
	{regexp.MustCompile(`^(\S+) cannot reach (\S+) this phase$`),
		"%[1]s cannot reach %[2]s this phase; choose a hex in its marked reach, or march part of the way now"},
	{regexp.MustCompile(`^(\S+) has already acted this phase and cannot dig in$`),
		"%[1]s has already moved or attacked this phase; only a unit that has not acted can dig in"},
	{regexp.MustCompile(`^it is the phase of (\S+), not of (\S+)$`),
		"it is the phase of %[1]s; wait for your turn"},
}

// advise is the rules' refusal err as advice, what to do instead, with
// units, sides and hexes by name; known is false for a refusal it does not
// know, said as the rules put it.
func (p *Play) advise(err error) (advice string, known bool) {
	if errors.Is(err, rules.ErrGameOver) {
		return "the game is over; Enter shows the result", true
	}
	msg := err.Error()
	for _, r := range refusals {
		m := r.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, s := range m[1:] {
			args[i] = p.nameOf(s)
		}
		return fmt.Sprintf(r.advice, args...), true
	}
	return msg, false
}

// refused is the log's line for a command the rules refused: the advice,
// or "cannot: " and the rules' words.
func (p *Play) refused(err error) string {
	if advice, ok := p.advise(err); ok {
		return advice
	}
	return "cannot: " + err.Error()
}

// nameOf is what a word of a refusal names: a unit or a side by its name,
// a hex ("11,7") by its place, anything else as it is.
func (p *Play) nameOf(s string) string {
	if _, ok := p.names[s]; ok {
		return closed(p.names.unit(s))
	}
	for _, sd := range p.sc.Setup.Sides {
		if sd.ID == s {
			return p.shortName(s)
		}
	}
	if c, r, ok := strings.Cut(s, ","); ok {
		col, err1 := strconv.Atoi(c)
		row, err2 := strconv.Atoi(r)
		if err1 == nil && err2 == nil {
			return p.placeName(hex.FromOffset(col, row))
		}
	}
	return s
}

// outcomeWords say an outcome as a clause: "the defender falls back".
var outcomeWords = [rules.NumOutcomes]string{"the attack fails", "the defender holds", "the defender falls back", "the defender routs", "the defender surrenders"}

// headline is the preview in one line: the attacker's chance of winning
// (the defender retreating, routing or surrendering) and the likeliest
// outcome.
func headline(pre *rules.Preview) string {
	win, likeliest := 0.0, rules.Outcome(0)
	for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
		if o.AttackerWins() {
			win += pre.Odds[o]
		}
		if pre.Odds[o] > pre.Odds[likeliest] {
			likeliest = o
		}
	}
	return fmt.Sprintf("Attacker wins %.0f%%; most likely %s", 100*win, outcomeWords[likeliest])
}

// topFactors are the preview's factors that weigh most, by how far each
// moves a side's power or the odds (|ln value|), at most n of them.
func topFactors(pre *rules.Preview, n int) []rules.Factor {
	fs := append([]rules.Factor(nil), pre.Factors...)
	sort.SliceStable(fs, func(i, j int) bool {
		return math.Abs(math.Log(fs[i].Value)) > math.Abs(math.Log(fs[j].Value))
	})
	var out []rules.Factor
	for _, f := range fs {
		if len(out) == n {
			break
		}
		if f.Value > 0 && f.Value != 1 {
			out = append(out, f)
		}
	}
	return out
}

var (
	surpriseWords = [...]string{"", "minor", "substantial", "complete"}
	postureWords  = map[string]string{"hasty": "defenders in hasty positions", "prepared": "defenders dug in",
		"fortified": "defenders fortified", "delaying": "defenders fighting a delaying action"}
	weatherWords = map[string]string{"clear": "clear weather", "rain": "rain", "snow": "snow", "blizzard": "a blizzard", "heat": "heat"}
)

// factorName says a factor of the combat model plainly, from the fight's
// input (the ground, the level of surprise); place is where the defender
// stands ("" for no place).
func factorName(f rules.Factor, in rules.CombatInput, place string) string {
	whose := map[string]string{"attacker": "the attackers'", "defender": "the defenders'"}[f.Side]
	level := surpriseWords[min(3, max(-in.Surprise, in.Surprise))]
	if post, ok := strings.CutPrefix(f.Name, "posture "); ok {
		s := postureWords[post]
		if s == "" {
			s = "defenders' posture: " + post
		}
		if place != "" {
			s += " at " + place
		}
		if f.Side == "odds" {
			s += ", holding on"
		}
		return s
	}
	if w, ok := strings.CutPrefix(f.Name, "weather "); ok && weatherWords[w] != "" {
		return weatherWords[w]
	}
	switch f.Side + " " + f.Name {
	case "attacker quality":
		return fmt.Sprintf("%s quality (%.0f%%)", whose, 100*in.Attacker.Quality)
	case "defender quality":
		return fmt.Sprintf("%s quality (%.0f%%)", whose, 100*in.Defender.Quality)
	case "attacker morale":
		return fmt.Sprintf("%s morale (%.0f)", whose, 100*in.Attacker.Morale)
	case "defender morale":
		return fmt.Sprintf("%s morale (%.0f)", whose, 100*in.Defender.Morale)
	case "attacker out of supply":
		return "the attackers out of supply"
	case "defender out of supply":
		return "the defenders out of supply"
	case "defender terrain":
		return "the ground " + groundWords(in)
	case "defender river":
		return "a river in front of the defenders"
	case "attacker cavalry":
		if f.Value > 1 {
			return "horsemen charging in the open"
		}
		return "horsemen fighting on foot in broken or built-up ground"
	case "attacker winter":
		return "winter cold"
	case "attacker surprise":
		return level + " surprise"
	case "defender surprise":
		return "the defenders' " + level + " surprise"
	case "odds surprise":
		return "the shock of " + level + " surprise"
	case "odds the defender's surprise":
		return "the defenders' " + level + " surprise"
	case "attacker air superiority", "odds air superiority":
		if in.Air < 0 {
			return "the enemy's air superiority"
		}
		return "air superiority"
	case "defender air superiority":
		return "the enemy's air superiority"
	case "odds power ratio":
		return "the balance of strength"
	case "odds era":
		return "the era's way of fighting"
	}
	return f.Side + " " + f.Name
}

// groundWords say the defender's ground in brackets: "(built-up, dense
// cover)".
func groundWords(in rules.CombatInput) string {
	var w []string
	if in.Urban {
		w = append(w, "built-up")
	}
	if in.Marsh {
		w = append(w, "marsh")
	}
	switch in.Relief {
	case rules.Rolling:
		w = append(w, "rolling")
	case rules.Rugged:
		w = append(w, "rugged")
	}
	switch in.Cover {
	case 1:
		w = append(w, "some cover")
	case 2:
		w = append(w, "dense cover")
	}
	if len(w) == 0 {
		return "(open)"
	}
	return "(" + strings.Join(w, ", ") + ")"
}

// factorEffect says what a factor does to the attack: a factor on a
// side's power changes the attacker's strength against the defender, one
// on the odds the attacker's odds of making the defender give way.
func factorEffect(f rules.Factor) string {
	m := f.Value
	if f.Side == "defender" {
		m = 1 / m
	}
	if f.Side == "odds" {
		return "the attacker's odds " + howMuch(m, "as good", "better", "worse")
	}
	return "the attacker's strength " + howMuch(m, "as great", "greater", "less")
}

// fractions name 1/n for n up to ten.
var fractions = [...]string{2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 6: "a sixth", 7: "a seventh", 8: "an eighth", 9: "a ninth", 10: "a tenth"}

// howMuch says a multiplier in words: "about 9 times as good", "about 30%
// better", "about a third as good".
func howMuch(m float64, as, more, less string) string {
	switch {
	case m >= 2.5:
		return fmt.Sprintf("about %.0f times %s", m, as)
	case m >= 1.75:
		return "about twice " + as
	case m >= 1.15:
		return fmt.Sprintf("about %.0f%% %s", 5*math.Round(20*(m-1)), more)
	case m >= 1:
		return "a little " + more
	case m > 1/1.15:
		return "a little " + less
	case m > 0.6:
		return fmt.Sprintf("about %.0f%% %s", 5*math.Round(20*(1-m)), less)
	}
	n := int(math.Round(1 / m))
	if n < len(fractions) {
		return "about " + fractions[n] + " " + as
	}
	return fmt.Sprintf("about 1/%d %s", n, as)
}

// factorWords is a factor in words with its effect: "defenders fortified
// at Central police station: the attacker's strength about half as great".
func factorWords(f rules.Factor, in rules.CombatInput, place string) string {
	return factorName(f, in, place) + ": " + factorEffect(f)
}
