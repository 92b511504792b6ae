package ui

import (
	"errors"
	"fmt"
	"regexp"
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

// The attack preview in words is package words', which ili odds shares;
// these are its names here.
var (
	headline    = words.Headline
	topFactors  = words.TopFactors
	factorName  = words.FactorName
	factorWords = words.FactorWords
)
