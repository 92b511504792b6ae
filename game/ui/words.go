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
)

// The window's sentences are built here: a verb agreeing with the side or
// unit it is said of, the rules' refusals turned into advice, and the
// attack preview in words.

// pluralHeads are head nouns that take a plural verb without ending in -s;
// singularHeads end in -s and take a singular one.
var (
	pluralHeads   = map[string]bool{"men": true, "horsemen": true, "tribesmen": true, "militiamen": true, "police": true, "people": true, "folk": true}
	singularHeads = map[string]bool{"corps": true, "headquarters": true, "series": true, "means": true, "barracks": true}
)

// headEnds are the words that end a name's head phrase: what follows them
// ("from the western suburbs", "of the old town", "west of Kucha") says
// which, not how many.
var headEnds = map[string]bool{"from": true, "of": true, "at": true, "in": true, "on": true, "with": true, "by": true,
	"near": true, "under": true, "for": true, "to": true, "north": true, "south": true, "east": true, "west": true,
	"released": true, "raised": true}

// plural reports whether a side's or a unit's name takes a plural verb:
// "Nilka insurgents win", "Groups from the western suburbs march", "the
// Nilka band, mounted, marches". The head phrase is the name up to a
// comma, a bracket or a word such as "from" or "of"; two things joined by
// "and" in it are plural, else its last word decides: a plural head of the
// list above, or one ending in -s (but not -ss, -us, -is or -'s). A
// lower-case phrase after the comma that is plural names the part of the
// whole that is meant, and so the number: "42nd Cavalry Army, elements".
func plural(name string) bool {
	phrase, rest := name, ""
	if i := strings.IndexAny(phrase, ",(;:"); i >= 0 {
		phrase, rest = phrase[:i], phrase[i:]
	}
	if headPlural(phrase) {
		return true
	}
	if part, ok := strings.CutPrefix(rest, ","); ok {
		if i := strings.IndexAny(part, ",(;:"); i >= 0 {
			part = part[:i]
		}
		return part == strings.ToLower(part) && headPlural(part)
	}
	return false
}

// headPlural reports whether a phrase with no comma or bracket is plural
// by its head, as plural says.
func headPlural(phrase string) bool {
	words := strings.Fields(phrase)
	for i, w := range words {
		if i > 0 && headEnds[strings.ToLower(w)] {
			words = words[:i]
			break
		}
	}
	if len(words) == 0 {
		return false
	}
	for _, w := range words[1:] {
		if w == "and" || w == "&" {
			return true
		}
	}
	head := strings.ToLower(words[len(words)-1])
	switch {
	case pluralHeads[head]:
		return true
	case singularHeads[head]:
		return false
	case strings.HasSuffix(head, "'s") || strings.HasSuffix(head, "’s"):
		return false
	case strings.HasSuffix(head, "ss") || strings.HasSuffix(head, "us") || strings.HasSuffix(head, "is"):
		return false
	}
	return strings.HasSuffix(head, "s")
}

// thirdPerson is the singular present of a verb given in its plain form:
// "march" is "marches", "fall back" is "falls back", "be" is "is".
func thirdPerson(verb string) string {
	first, rest, _ := strings.Cut(verb, " ")
	if rest != "" {
		rest = " " + rest
	}
	switch first {
	case "be":
		return "is" + rest
	case "have":
		return "has" + rest
	case "":
		return verb
	}
	n := len(first)
	switch {
	case strings.HasSuffix(first, "s"), strings.HasSuffix(first, "sh"), strings.HasSuffix(first, "ch"),
		strings.HasSuffix(first, "x"), strings.HasSuffix(first, "z"), strings.HasSuffix(first, "o"):
		first += "es"
	case n > 1 && first[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(first[n-2])):
		first = first[:n-1] + "ies"
	default:
		first += "s"
	}
	return first + rest
}

// plainVerb is the plural present of a verb in its plain form: "be" is
// "are", the others stay as they are.
func plainVerb(verb string) string {
	if first, rest, _ := strings.Cut(verb, " "); first == "be" {
		if rest != "" {
			return "are " + rest
		}
		return "are"
	}
	return verb
}

// says is the subject with the verb (in its plain form, "march", "fall
// back", "be out of supply") agreeing with it: "Nilka insurgents win",
// "Nilka band, mounted, marches".
func says(subject, verb string) string {
	if plural(subject) {
		return closed(subject) + " " + plainVerb(verb)
	}
	return closed(subject) + " " + thirdPerson(verb)
}

// verbOf is the verb alone, agreeing with the subject: a second verb of
// the same sentence.
func verbOf(subject, verb string) string {
	if plural(subject) {
		return plainVerb(verb)
	}
	return thirdPerson(verb)
}

// sayAll is several subjects, "A and B", with the verb agreeing: plural
// for two or more, else as the one subject takes it.
func sayAll(subjects []string, verb string) string {
	if len(subjects) == 1 {
		return says(subjects[0], verb)
	}
	return andNames(subjects) + " " + plainVerb(verb)
}

// andNames names several things, "A and B", each closed for what follows.
func andNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = closed(n)
	}
	return strings.Join(out, " and ")
}

// closed is a name ready for the words after it: one with a comma outside
// brackets ("Nilka band, mounted") has its second part closed by another,
// as a phrase set off in a sentence is.
func closed(name string) string {
	depth := 0
	for _, r := range name {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 && !strings.HasSuffix(name, ",") {
				return name + ","
			}
		}
	}
	return name
}

// refusals turn the rules' refusals into what to do instead. Each pattern
// matches a whole refusal; the advice gets the submatches, units by name
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
