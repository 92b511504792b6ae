package ui

import (
	"strings"
	"unicode/utf8"

	"ili/game/encyclopedia"
	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
	"ili/game/words"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// names are the units' names and sides as the scenario gives them, for the
// log and the result cards: public, whatever a side can see.
type names map[string]rules.Unit

func namesOf(sc *scenario.Scenario) names {
	n := names{}
	for _, u := range sc.Units {
		n[u.ID] = u
	}
	return n
}

// unit is a unit's name, or its ID.
func (n names) unit(id string) string {
	if u, ok := n[id]; ok && u.Name != "" {
		return u.Name
	}
	return id
}

// logbook is each person's log, by side: the lines of what their side may
// know. A game of AIs alone keeps one log, under "", of everything.
type logbook map[string][]string

// logLimit is how many lines a log keeps.
const logLimit = 200

func (l logbook) add(side, line string) {
	lines := append(l[side], line)
	if n := len(lines); n > logLimit {
		lines = lines[n-logLimit:]
	}
	l[side] = lines
}

// record shows what events did: each person's log gets what their side
// may know of them, the person at the screen sees it happen on the map,
// stories wait to be read, between two people's phases at one screen the
// map is hidden until the next is ready, and each new turn is autosaved.
func (p *Play) record(evs []rules.Event) {
	viewer := p.viewer()
	shown := evs
	people := 0
	for _, st := range p.m.Seats() {
		if !st.Person() {
			continue
		}
		people++
		known := p.m.Known(st.Side, evs)
		for _, e := range known {
			p.logs.add(st.Side, p.logLine(e))
		}
		if st.Side == viewer {
			shown = known
		}
	}
	if people == 0 {
		for _, e := range evs {
			p.logs.add("", p.logLine(e))
		}
	}
	for _, e := range evs {
		switch e := e.(type) {
		case rules.NarrativeFired:
			p.stories = append(p.stories, e)
		case rules.PhaseStarted:
			p.handOver(e.Side, people)
		case rules.TurnStarted:
			if e.Turn > 1 {
				p.autosave() // each new turn, for Continue
			}
		case rules.GameOver:
			p.autosave() // finished: Continue no longer offers it
		}
	}
	p.animate(shown)
}

// handOver hides the map when the phase passes to another person at the
// same screen and the game has fog of war.
func (p *Play) handOver(side string, people int) {
	if !p.m.SeatOf(side).Person() {
		return
	}
	last := p.lastPerson
	p.lastPerson = side
	if last != "" && last != side && people >= 2 && p.sc.Setup.Fog && !p.m.Over() && side == p.m.ToMove() {
		p.handover, p.anims = true, nil
	}
}

// logKey is the log shown: the viewer's, or the one log of a game of AIs.
func (p *Play) logKey() string {
	if p.m.SeatOf(p.viewer()).Person() {
		return p.viewer()
	}
	return ""
}

// wrapLog breaks a log line into lines no wider than w: at spaces, and a
// word too long for a line of its own (a saved game's path) after a
// slash, a backslash or a hyphen, or else wherever it must.
func (p *Play) wrapLog(s string, w float64) []string {
	f := p.a.small
	key := wrapKey{"\x00log " + s, w, f.Size}
	if lines, ok := p.a.wraps[key]; ok {
		return lines
	}
	var out []string
	for _, l := range p.a.wrap(s, w, f) {
		for {
			if tw, _ := text.Measure(l, f, 0); tw <= w {
				break
			}
			// The longest head that fits, ended at a break if there is one.
			cut, brk := 0, 0
			for i, r := range l {
				if i > 0 {
					if tw, _ := text.Measure(l[:i], f, 0); tw > w {
						break
					}
					cut = i
				}
				if r == '/' || r == '\\' || r == '-' || r == ' ' {
					brk = i + utf8.RuneLen(r)
				}
			}
			if brk > 0 && brk <= cut {
				cut = brk
			}
			if cut == 0 {
				_, size := utf8.DecodeRuneInString(l)
				cut = size
			}
			out = append(out, strings.TrimRight(l[:cut], " "))
			l = l[cut:]
		}
		out = append(out, l)
	}
	p.a.wraps[key] = out
	return out
}

// say adds a line to the log of the person at the screen.
func (p *Play) say(msg string) { p.logs.add(p.logKey(), msg) }

// sayOver says msg in place of the log's last line when that began with
// prefix (a setting changed twice in a row), else as a new line.
func (p *Play) sayOver(prefix, msg string) {
	if l := p.logs[p.logKey()]; len(l) > 0 && strings.HasPrefix(l[len(l)-1], prefix) {
		l[len(l)-1] = msg
		return
	}
	p.say(msg)
}

// Log returns the log of the person at the screen.
func (p *Play) Log() []string { return p.logs[p.logKey()] }

// logLine is an event's line in the log, as package words writes it: with
// units, places and sides by name; a fight in short (its factors were in
// the preview).
func (p *Play) logLine(e rules.Event) string {
	return words.Log{Scenario: p.sc, Units: p.names}.Line(e)
}

// log is the scenario's log writer, units named.
func (p *Play) log() words.Log { return words.Log{Scenario: p.sc, Units: p.names} }

// placeName names the hex by its place, or by its distance and direction
// from the nearest: "2 km south-east of Nilka (Gongha)".
func (p *Play) placeName(h hex.Hex) string { return p.log().PlaceName(h) }

// shortSide is a side's name without its bracketed note:
// "Ili National Army (East Turkestan Republic)" is "Ili National Army".
func shortSide(sc *scenario.Scenario, id string) string {
	return words.Log{Scenario: sc}.ShortSide(id)
}

// sideName and shortName name a side of this game's scenario.
func (p *Play) sideName(side string) string  { return p.sc.SideName(side) }
func (p *Play) shortName(side string) string { return shortSide(p.sc, side) }

// namedIn is the encyclopedia's entry for the first unit, place or person
// a log line names (the longest name where two begin together): the names
// Find knows, and the scenario's units and places by their names here.
// The sides' names, which begin most lines, are passed over.
func (p *Play) namedIn(line string) *encyclopedia.Entry {
	enc, err := theEncyclopedia()
	if err != nil {
		return nil
	}
	for _, sd := range p.sc.Setup.Sides {
		for _, name := range []string{p.sideName(sd.ID), p.shortName(sd.ID)} {
			if name != "" {
				line = strings.ReplaceAll(line, name, strings.Repeat(" ", len(name)))
			}
		}
	}
	var found *encyclopedia.Entry
	at, long := len(line), 0
	consider := func(i, n int, e *encyclopedia.Entry) {
		if e != nil && i >= 0 && (i < at || i == at && n > long) {
			found, at, long = e, i, n
		}
	}
	if m := namesIn(line); len(m) > 0 {
		consider(m[0].Start, m[0].End-m[0].Start, m[0].Entry)
	}
	for _, u := range p.sc.Units {
		if u.Name != "" {
			consider(strings.Index(line, u.Name), len(u.Name), enc.ForUnit(p.sc.ID, u.ID))
		}
	}
	for _, pl := range p.sc.Places {
		if pl.Name != "" {
			consider(strings.Index(line, pl.Name), len(pl.Name), enc.ForPlace(p.sc.ID, pl.ID))
		}
	}
	return found
}
