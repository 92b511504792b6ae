package scenario

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"ili/game/rules"
)

// FromLayouts are the forms a date to take command from may take.
var FromLayouts = []string{"2006-01-02", "2006-01-02T15:04"}

// ParseFrom reads a date to take command from, as 1944-11-10 or
// 1944-11-10T18:00.
func ParseFrom(s string) (time.Time, error) {
	for _, layout := range FromLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date to take command from; give one such as 1944-11-10, or 1944-11-10T18:00 for a time of day", s)
}

// TakenAt is the moment a game taken up from the record (Options.From)
// begins, the start of its first turn; ok is false for a game from the
// start.
func (sc *Scenario) TakenAt() (at time.Time, ok bool) {
	if sc.Setup.FirstTurn <= 1 {
		return time.Time{}, false
	}
	return sc.Setup.TurnTime(sc.Setup.FirstTurn), true
}

// TakenFrom is TakenAt in the form Options.From reads, or "" for a game
// from the start.
func (sc *Scenario) TakenFrom() string {
	at, ok := sc.TakenAt()
	if !ok {
		return ""
	}
	return at.Format(FromLayouts[1])
}

// TakenUp says where a game was taken up from the record, for a heading:
// "taken up from the record at 18:00 on 9 November 1944", or "".
func (sc *Scenario) TakenUp() string {
	at, ok := sc.TakenAt()
	if !ok {
		return ""
	}
	return "taken up from the record at " + at.Format(layout)
}

// turnFrom is the turn a game taken up at the moment from begins: the
// first to begin at that moment or after it. A moment earlier on the
// scenario's first day gives the first turn.
func (sc *Scenario) turnFrom(from time.Time) (int, error) {
	last := sc.Setup.TurnTime(sc.Turns)
	firstDay := time.Date(sc.Start.Year(), sc.Start.Month(), sc.Start.Day(), 0, 0, 0, 0, sc.Start.Location())
	if from.Before(firstDay) || from.After(last) {
		return 0, fmt.Errorf("%s's turns begin from %s to %s; take command at a moment between them, not at %s",
			sc.ID, sc.Start.Format(layout), last.Format(layout), from.Format(layout))
	}
	t := sc.Setup.TurnOf(from)
	if sc.Setup.TurnTime(t).Before(from) {
		t++
	}
	return t, nil
}

// takeFrom makes sc the game the record leaves at the start of the first
// turn that begins at the moment from or after it: the places held and the main bodies where
// the steps before that turn put them, at the strengths the steps give;
// units that left the map before it gone, reinforcements that came before
// it on the map; the stories of earlier turns told already (their morale
// changes made) and the record so far told instead, in the briefing and
// in a first story. The game keeps the scenario's turn numbers, weather
// and schedule, and begins at that turn.
func (sc *Scenario) takeFrom(from time.Time) error {
	t, err := sc.turnFrom(from)
	if err != nil {
		return err
	}
	if t == 1 {
		return nil // the game from the start
	}
	sit := sc.SituationAt(t)
	opening := sc.Opening()
	for i := range sc.Places {
		if h, ok := sit.Holders[sc.Places[i].ID]; ok {
			sc.Places[i].Owner = h
		}
	}
	sc.Units = placeUnits(sc.Units, sit, t)
	sc.Setup.Narrative = told(sc.Setup.Narrative, sc.Units, opening, sit, t)
	sc.History.Course = slices.DeleteFunc(sc.History.Course, func(c Checkpoint) bool { return c.Turn < t })
	sc.Setup.FirstTurn = t
	sc.tellSoFar(t)
	return nil
}

// placeUnits puts the units where the situation has them at the start of
// turn t, and leaves out those gone before it.
func placeUnits(units []rules.Unit, sit Situation, t int) []rules.Unit {
	var out []rules.Unit
	for _, u := range units {
		if sit.Left[u.ID] || (u.WithdrawTurn > 0 && u.WithdrawTurn < t) {
			continue
		}
		if u.Status == rules.Pending && u.ArriveTurn < t {
			u.Status, u.ArriveTurn = rules.Active, 0
		}
		if h, ok := sit.Bodies[u.ID]; ok && h != u.Hex {
			u.Hex, u.DigHours = h, 0 // a body the record moved has not dug in where it came
		}
		if men, ok := sit.Men[u.ID]; ok {
			u.Men = men
		}
		out = append(out, u)
	}
	return out
}

// told returns the stories still to come at turn t, making the morale
// changes of those the record had told by then: the dated ones of earlier
// turns and those of the places that had fallen.
func told(stories []rules.Narrative, units []rules.Unit, opening, sit Situation, t int) []rules.Narrative {
	var out []rules.Narrative
	for _, n := range stories {
		holder := sit.Holders[n.CapturedPlace]
		fell := n.CapturedPlace != "" && holder != opening.Holders[n.CapturedPlace] && (n.CapturedBy == "" || n.CapturedBy == holder)
		if !(n.Turn > 0 && n.Turn < t) && !fell {
			out = append(out, n)
			continue
		}
		for i := range units {
			if u := &units[i]; n.MoraleSide == u.Side && n.Morale != 0 {
				u.Morale = max(0, min(100, u.Morale+n.Morale))
			}
		}
	}
	return out
}

const layout = "15:04 on 2 January 2006"

// tellSoFar tells the record's steps before turn t: in full at the head
// of every side's briefing (a page read before the game: each step's date,
// title and text, and its source), followed by a line that the scenario's
// own briefing, written for its opening, follows; and short, the dates and
// titles, in a story at the start of turn t, since a story is one screen.
func (sc *Scenario) tellSoFar(t int) {
	var steps []Step
	for _, st := range sc.History.Steps {
		if st.Turn >= t {
			break
		}
		steps = append(steps, st)
	}
	at := sc.Setup.TurnTime(t).Format(layout)
	var full strings.Builder
	fmt.Fprintf(&full, "This game takes up the record at %s. What had happened by then, by the sources named:", at)
	for _, st := range steps {
		head := st.On.Format("2 January 2006")
		if st.Title != "" {
			head += ": " + strings.TrimSuffix(st.Title, ".")
		}
		fmt.Fprintf(&full, "\n\n%s. %s", head, oneParagraph(st.Text))
		if st.Source != "" {
			fmt.Fprintf(&full, " Source: %s", sc.Cite(st.Source))
		}
	}
	fmt.Fprintf(&full, "\n\nThe scenario's own briefing, as it opens on %s, follows; what it says of the first days is now history.",
		sc.Start.Format("2 January"))
	for i := range sc.Setup.Sides {
		sd := &sc.Setup.Sides[i]
		sd.Briefing = full.String() + "\n\n" + sd.Briefing
	}
	story := rules.Narrative{ID: "record-so-far", Title: "The record so far", Text: sc.soFarInShort(steps, at), Turn: t}
	sc.Setup.Narrative = append([]rules.Narrative{story}, sc.Setup.Narrative...)
}

// soFarInShort is the record so far as a story tells it, in few lines: a
// paragraph a month, in it each day's date and the titles of its steps.
func (sc *Scenario) soFarInShort(steps []Step, at string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "This game takes up the record at %s. What had happened by then (the briefing gives each step in full, with its source):", at)
	day, month := "", ""
	for _, st := range steps {
		sep := "; "
		switch d, m := st.On.Format("2 January"), st.On.Format("January 2006"); {
		case m != month && month == "":
			day, month, sep = d, m, "\n\n"+d+": "
		case m != month:
			day, month, sep = d, m, ".\n\n"+d+": "
		case d != day:
			day, sep = d, ". "+d+": "
		}
		what := st.Title
		if what == "" {
			what, _, _ = strings.Cut(oneParagraph(st.Text), ". ")
		}
		b.WriteString(sep + strings.TrimSuffix(what, "."))
	}
	if len(steps) > 0 {
		b.WriteString(".")
	}
	return b.String()
}

// oneParagraph is s on one line: its paragraphs run together.
func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }
