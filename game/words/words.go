// Package words says the game in English: a verb agreeing with the side
// or unit it is said of, and each event of the rules as a line of the log.
// The window's log and ili sim --log write their lines with it, so that a
// game reads the same in both; it imports no graphics.
package words

import (
	"fmt"
	"strings"
)

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

// Plural reports whether a side's or a unit's name takes a plural verb:
// "Nilka insurgents win", "Groups from the western suburbs march", "the
// Nilka band, mounted, marches". The head phrase is the name up to a
// comma, a bracket or a word such as "from" or "of"; two things joined by
// "and" in it are plural, else its last word decides: a plural head of the
// list above, or one ending in -s (but not -ss, -us, -is or -'s). A
// lower-case phrase after the comma that is plural names the part of the
// whole that is meant, and so the number: "42nd Cavalry Army, elements".
func Plural(name string) bool {
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
// by its head, as Plural says.
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

// Says is the subject with the verb (in its plain form, "march", "fall
// back", "be out of supply") agreeing with it: "Nilka insurgents win",
// "Nilka band, mounted, marches".
func Says(subject, verb string) string {
	if Plural(subject) {
		return Closed(subject) + " " + plainVerb(verb)
	}
	return Closed(subject) + " " + thirdPerson(verb)
}

// VerbOf is the verb alone, agreeing with the subject: a second verb of
// the same sentence.
func VerbOf(subject, verb string) string {
	if Plural(subject) {
		return plainVerb(verb)
	}
	return thirdPerson(verb)
}

// SayAll is several subjects, "A and B", with the verb agreeing: plural
// for two or more, else as the one subject takes it.
func SayAll(subjects []string, verb string) string {
	if len(subjects) == 1 {
		return Says(subjects[0], verb)
	}
	return AndNames(subjects) + " " + plainVerb(verb)
}

// AndNames names several things, "A and B", each closed for what follows.
func AndNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Closed(n)
	}
	return strings.Join(out, " and ")
}

// Closed is a name ready for the words after it: one with a comma outside
// brackets ("Nilka band, mounted") has its second part closed by another,
// as a phrase set off in a sentence is.
func Closed(name string) string {
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

// MarchTime writes march minutes as hours and minutes: "1 h 30 min".
func MarchTime(min int) string { return fmt.Sprintf("%d h %02d min", min/60, min%60) }
