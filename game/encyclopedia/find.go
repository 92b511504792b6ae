package encyclopedia

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is a form in which a text names an entry's subject.
type mention struct {
	text  string
	entry *Entry
}

// Match is a name found in a text: the bytes Start to End of the text name
// Entry.
type Match struct {
	Start, End int
	Entry      *Entry
}

func (e *Encyclopedia) mentionOwner(text string) *Entry {
	for _, m := range e.mentions {
		if m.text == text {
			return m.entry
		}
	}
	return nil
}

// indexMentions adds every entry's name to the mentions it gives, unless
// another entry claims that form, and sorts them longest first, so that
// "Ehmetjan Qasim" is found before "Ehmetjan".
func (e *Encyclopedia) indexMentions() {
	for _, en := range e.Entries {
		if en.Kind == Person && e.mentionOwner(en.Name) == nil {
			e.mentions = append(e.mentions, mention{text: en.Name, entry: en})
		}
	}
	sort.SliceStable(e.mentions, func(i, j int) bool { return len(e.mentions[i].text) > len(e.mentions[j].text) })
}

// Find returns the names of entries that a text (a story, a briefing, a
// line of the log) contains, in the order they stand, none overlapping:
// the names of people and the mentions entries list, matched whole words
// only, the longest first.
func (e *Encyclopedia) Find(text string) []Match {
	var out []Match
	taken := make([]bool, len(text))
	for _, m := range e.mentions {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], m.text)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(m.text)
			from = end
			if !wordEdge(text, start, end) || anyTaken(taken[start:end]) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			out = append(out, Match{Start: start, End: end, Entry: m.entry})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// wordEdge reports whether text[start:end] is a whole word or words: no
// letter or digit touches it on either side (a possessive 's may follow).
func wordEdge(text string, start, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	return true
}

func anyTaken(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}
