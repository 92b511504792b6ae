package ui

import (
	"fmt"
	"strings"
	"time"

	"ili/game/scenario"
	"ili/game/whatif"
	"ili/game/words"
)

// labAlt is another figure for an input of the lab's controls, as a
// variant of the scenario gives it: a unit's men or a date.
type labAlt struct {
	variant string // the variant's title
	source  string // the short name of its source, "" for none
	men     int
	at      time.Time
}

// labSources are the figures the sources give for the lab's inputs beyond
// the file's own: by unit ID, the men each variant that changes them
// gives, and by date key (whatif.Dated.Key), the dates.
type labSources struct {
	men   map[string][]labAlt
	dates map[string][]labAlt
}

// labAlternatives loads the scenario id with each of its variants alone
// and keeps the figures that differ from sc's (the file's, no variant).
// A variant that does not load alone is passed over.
func labAlternatives(id string, sc *scenario.Scenario) labSources {
	out := labSources{men: map[string][]labAlt{}, dates: map[string][]labAlt{}}
	baseDates := labDates(sc)
	for _, v := range sc.Variants {
		vs, err := scenario.Load(id, scenario.Options{Variants: []string{v.ID}})
		if err != nil {
			continue
		}
		alt := labAlt{variant: v.Title}
		if v.Source != "" {
			alt.source = words.Log{Scenario: sc}.SourceName(v.Source)
		}
		for _, u := range vs.Units {
			if b := sc.Unit(u.ID); b != nil && b.Strength() != u.Strength() {
				a := alt
				a.men = u.Strength()
				out.men[u.ID] = append(out.men[u.ID], a)
			}
		}
		for key, at := range labDates(vs) {
			if was, ok := baseDates[key]; ok && !was.Equal(at) {
				a := alt
				a.at = at
				out.dates[key] = append(out.dates[key], a)
			}
		}
	}
	return out
}

// labDates are the scenario's movable dates by key, as times.
func labDates(sc *scenario.Scenario) map[string]time.Time {
	out := map[string]time.Time{}
	for _, d := range whatif.Dates(sc) {
		out[d.Key] = sc.Setup.TurnTime(d.Turn)
	}
	return out
}

// others says what the variants give: "Benson's strength (Benson) gives
// 550", joined by semicolons.
func others(alts []labAlt, figure func(labAlt) string) string {
	var parts []string
	for _, a := range alts {
		who := a.variant
		if a.source != "" {
			who += " (" + a.source + ")"
		}
		parts = append(parts, who+" gives "+figure(a))
	}
	return strings.Join(parts, "; ")
}

// strengthSourced says where the strength control's figure comes from,
// the range the sources allow and where the scaled figure lies in it.
func (l *Lab) strengthSourced() string {
	u := l.sc.Units[l.unit]
	base := u.Strength()
	s := fmt.Sprintf("%s: %d men, the figure of %s", u.Name, base, words.Log{Scenario: l.sc}.SourceName(u.Source))
	alts := l.alts.men[u.ID]
	lo, hi := base, base
	for _, a := range alts {
		lo, hi = min(lo, a.men), max(hi, a.men)
	}
	if len(alts) == 0 {
		s += "; no variant gives another figure"
	} else {
		s += "; " + others(alts, func(a labAlt) string { return fmt.Sprint(a.men) }) +
			fmt.Sprintf(": the sources allow %d to %d", lo, hi)
	}
	if note := l.sc.UnitNotes[u.ID]; note != "" {
		s += ". Its note: " + labCut(namedSources(l.sc, note), 160)
	}
	if l.scale == 100 {
		return stop(s)
	}
	played := l.playedMen(u.ID, base)
	of := ""
	if played != base {
		of = fmt.Sprintf(" of the ticked variants' %d", played)
	}
	men := played * l.scale / 100
	where := "within that range"
	switch {
	case men < lo:
		where = "below every source's figure"
	case men > hi:
		where = "above every source's figure"
	}
	return stop(s) + fmt.Sprintf(" At %d%%%s: %d men, %s (the scale applies to the figure the ticked variants leave).", l.scale, of, men, where)
}

// stop ends a sentence with a full stop, unless it ends cut short ("…").
func stop(s string) string {
	if strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// labCut is s cut at a word to at most n bytes, with "…" for the rest,
// and without a closing full stop.
func labCut(s string, n int) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndex(s[:n], " "); i > 0 {
		return s[:i] + "…"
	}
	return s[:n] + "…"
}

// dateSourced says where the date control's date comes from, the other
// dates the variants give and the date moved.
func (l *Lab) dateSourced() string {
	if len(l.dates) == 0 {
		return "The scenario has no dates to move."
	}
	d := l.dates[l.date]
	at := l.sc.Setup.TurnTime(d.Turn)
	src := "the designers' setting"
	if d.Source != "" {
		src = "the date of " + words.Log{Scenario: l.sc}.SourceName(d.Source)
	}
	s := fmt.Sprintf("%s %s (turn %d), %s", d.Title, labDay(at), d.Turn, src)
	if alts := l.alts.dates[d.Key]; len(alts) > 0 {
		s += "; " + others(alts, func(a labAlt) string { return labDay(a.at) })
	}
	from := "the file's date"
	if played := l.playedTurn(d.Key, d.Turn); played != d.Turn {
		from = "the ticked variants' " + labDay(l.sc.Setup.TurnTime(played))
		if l.shift == 0 {
			return s + "; the ticked variants give " + labDay(l.sc.Setup.TurnTime(played)) + ", which is played."
		}
	}
	if l.shift == 0 {
		return s + "."
	}
	return s + fmt.Sprintf(". Moved by %s: %s, from %s.", labDays(l.shift), labDay(l.shifted()), from)
}

// labDay is a date as the lab writes it.
func labDay(t time.Time) string { return t.Format("2 January 2006") }

// shifted is the date control's date moved by the days chosen.
func (l *Lab) shifted() time.Time {
	d := l.dates[l.date]
	return l.sc.Setup.TurnTime(l.playedTurn(d.Key, d.Turn)).Add(time.Duration(l.shift) * 24 * time.Hour)
}

// shiftBy moves the date control's date by d days, within the scenario's
// first and last turns.
func (l *Lab) shiftBy(d int) {
	if len(l.dates) == 0 {
		return
	}
	st := l.sc.Setup
	d0 := l.dates[l.date]
	at := st.TurnTime(l.playedTurn(d0.Key, d0.Turn))
	first, last := st.TurnTime(max(1, st.FirstTurn)), st.TurnTime(l.sc.Turns)
	next := at.Add(time.Duration(l.shift+d) * 24 * time.Hour)
	if !next.Before(first) && !next.After(last) {
		l.shift += d
	}
}

// labDays is a signed number of days: "+1 day", "-3 days".
func labDays(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%+d day", n)
	}
	return fmt.Sprintf("%+d days", n)
}
