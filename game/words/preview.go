package words

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"ili/game/rules"
)

// The attack preview in words, as the window's panel shows it and ili odds
// prints it: the headline, and each factor of the combat model plainly with
// its effect on the attack.

// OutcomeWords say an outcome as a clause: "the defender falls back".
var OutcomeWords = [rules.NumOutcomes]string{"the attack fails", "the defender holds", "the defender falls back", "the defender routs", "the defender surrenders"}

// Headline is the preview in one line that reads true: the attacker's
// chance of winning (the defender falling back, routing or surrendering)
// and the likeliest single result, "Attacker wins 64%; most likely the
// defender falls back". Where the likeliest single result lies on the
// other side of the line from the likelier side, both are said with their
// shares: "Attacker wins 52% (the defender falls back, routs or
// surrenders); the likeliest single result: the attack fails (37%)". A
// turn that cannot decide the fight says why: the attackers closing up on
// prepared or fortified works, or a second attack in the same turn.
func Headline(pre *rules.Preview) string {
	pct := func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }
	switch {
	case pre.Input.Again:
		return "Attacked already this turn: the turn's fight is decided once, by its first attack, so this one only trades losses"
	case pre.Input.Closing:
		return fmt.Sprintf("Closing up on %s works: no decision this turn; attack again next turn, and once decided the attacker wins about %s",
			pre.Input.Posture, pct(pre.Expected.PWin))
	}
	win, likeliest := 0.0, rules.Outcome(0)
	for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
		if o.AttackerWins() {
			win += pre.Odds[o]
		}
		if pre.Odds[o] > pre.Odds[likeliest] {
			likeliest = o
		}
	}
	switch {
	case likeliest.AttackerWins() == (win >= 0.5):
		return fmt.Sprintf("Attacker wins %s; most likely %s", pct(win), OutcomeWords[likeliest])
	case win >= 0.5:
		return fmt.Sprintf("Attacker wins %s (the defender falls back, routs or surrenders); the likeliest single result: %s (%s)",
			pct(win), OutcomeWords[likeliest], pct(pre.Odds[likeliest]))
	}
	return fmt.Sprintf("Attacker wins %s; the likeliest single result is that %s (%s), but the attack fails or is held %s of the time",
		pct(win), OutcomeWords[likeliest], pct(pre.Odds[likeliest]), pct(1-win))
}

// A Cause is one thing that weighs on a fight, with every factor of the
// model it works through: a defender's posture counts on the attacker's
// strength and on the odds of holding, surprise on strength and odds.
type Cause struct {
	Factors []rules.Factor
	Weight  float64 // how far it moves the fight: the sum of |ln value|
}

// causeOf is the key of the cause a factor works for.
func causeOf(f rules.Factor) string {
	switch k := f.Side + " " + f.Name; {
	case strings.HasPrefix(f.Name, "posture "):
		return "posture"
	case f.Name == "air superiority":
		return "air"
	case k == "odds surprise" || k == "attacker surprise":
		return "surprise"
	case k == "odds the defender's surprise" || k == "defender surprise":
		return "defender surprise"
	}
	return f.Side + " " + f.Name
}

// TopCauses are the causes that weigh most on the preview's fight, at most
// n of them, the factors of each cause together: the same cause never
// fills two of them.
func TopCauses(pre *rules.Preview, n int) []Cause {
	var cs []Cause
	at := map[string]int{}
	for _, f := range pre.Factors {
		if f.Value <= 0 || f.Value == 1 {
			continue
		}
		k := causeOf(f)
		i, ok := at[k]
		if !ok {
			i = len(cs)
			at[k] = i
			cs = append(cs, Cause{})
		}
		cs[i].Factors = append(cs[i].Factors, f)
		cs[i].Weight += math.Abs(math.Log(f.Value))
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Weight > cs[j].Weight })
	return cs[:min(n, len(cs))]
}

// CauseWords say a cause with its effects: "the defender fortified at
// Central police station: the attacker's odds about a fifth as good and
// its strength about half as great".
func CauseWords(c Cause, pre *rules.Preview, place string) string {
	name := FactorLabel(c.Factors[0], pre, place)
	for _, f := range c.Factors {
		if f.Side != "odds" { // the odds' form of a posture adds "holding on"
			name = FactorLabel(f, pre, place)
			break
		}
	}
	var effects []string
	for i, f := range c.Factors {
		e := FactorEffect(f)
		if i > 0 {
			e = strings.Replace(e, "the attacker's ", "its ", 1)
		}
		effects = append(effects, e)
	}
	return name + ": " + strings.Join(effects, " and ")
}

// FactorLabel is FactorName with what the preview adds: the balance of
// strength with its ratio, "the balance of strength, 2.5 to 1 for the
// attacker".
func FactorLabel(f rules.Factor, pre *rules.Preview, place string) string {
	s := FactorName(f, pre.Input, place)
	if f.Side+" "+f.Name == "odds power ratio" {
		s += RatioWords(pre.Expected.Ratio)
	}
	return s
}

// RatioWords say a power ratio after "the balance of strength": ", 2.5 to
// 1 for the attacker", ", 3 to 1 for the defender"; "" when it is not
// known.
func RatioWords(r float64) string {
	if r <= 0 || math.IsInf(r, 0) || math.IsNaN(r) {
		return ""
	}
	who := "the attacker"
	if r < 1 {
		r, who = 1/r, "the defender"
	}
	n := strings.TrimSuffix(fmt.Sprintf("%.1f", r), ".0")
	if r >= 10 {
		n = fmt.Sprintf("%.0f", r)
	}
	return fmt.Sprintf(", %s to 1 for %s", n, who)
}

// TopFactors are the preview's factors that weigh most, by how far each
// moves a side's power or the odds (|ln value|), at most n of them.
func TopFactors(pre *rules.Preview, n int) []rules.Factor {
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
	postureWords  = map[string]string{"hasty": "the defender in hasty positions", "prepared": "the defender dug in",
		"fortified": "the defender fortified", "delaying": "the defender fighting a delaying action"}
	weatherWords = map[string]string{"clear": "clear weather", "rain": "rain", "snow": "snow", "blizzard": "a blizzard", "heat": "heat"}
)

// FactorName says a factor of the combat model plainly, the attacker and
// the defender each as one, as the headline and the effects say them, from
// the fight's input (the ground, the level of surprise); place is where
// the defender stands ("" for no place).
func FactorName(f rules.Factor, in rules.CombatInput, place string) string {
	whose := map[string]string{"attacker": "the attacker's", "defender": "the defender's"}[f.Side]
	level := surpriseWords[min(3, max(-in.Surprise, in.Surprise))]
	if post, ok := strings.CutPrefix(f.Name, "posture "); ok {
		s := postureWords[post]
		if s == "" {
			s = "the defender's posture: " + post
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
		return "the attacker out of supply"
	case "defender out of supply":
		return "the defender out of supply"
	case "defender terrain":
		return "the ground " + GroundWords(in)
	case "defender river":
		return "a river in front of the defender"
	case "attacker cavalry":
		if f.Value > 1 {
			return "horsemen charging in the open"
		}
		return "horsemen fighting on foot in broken or built-up ground"
	case "attacker winter":
		return "winter cold"
	case "attacker surprise":
		return "the attacker's " + level + " surprise"
	case "defender surprise", "odds the defender's surprise":
		return "the defender's " + level + " surprise"
	case "odds surprise":
		return "the shock of " + level + " surprise"
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

// GroundWords say the defender's ground in brackets: "(built-up, dense
// cover)".
func GroundWords(in rules.CombatInput) string {
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

// FactorEffect says what a factor does to the attack: a factor on a
// side's power changes the attacker's strength against the defender, one
// on the odds the attacker's odds of making the defender give way.
func FactorEffect(f rules.Factor) string {
	m := f.Value
	if f.Side == "defender" {
		m = 1 / m
	}
	if f.Side == "odds" {
		return "the attacker's odds " + HowMuch(m, "as good", "better", "worse")
	}
	return "the attacker's strength " + HowMuch(m, "as great", "greater", "less")
}

// fractions name 1/n for n up to ten.
var fractions = [...]string{2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 6: "a sixth", 7: "a seventh", 8: "an eighth", 9: "a ninth", 10: "a tenth"}

// HowMuch says a multiplier in words: "about 9 times as good", "about 30%
// better", "about a third as good".
func HowMuch(m float64, as, more, less string) string {
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

// FactorWords is a factor in words with its effect: "the defender
// fortified at Central police station: the attacker's strength about half
// as great".
func FactorWords(f rules.Factor, in rules.CombatInput, place string) string {
	return FactorName(f, in, place) + ": " + FactorEffect(f)
}
