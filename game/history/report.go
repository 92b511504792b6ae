package history

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"ili/game/hex"
)

// Text writes the course as a teacher's handout: the holders at the start,
// then every turn in which the record has a step (its date, what happened
// and whose account it is, the movements, the places that changed hands),
// the holders at the end, whether the checkpoints are borne out, and the
// sources cited.
func (c *Course) Text(w io.Writer) error {
	sc := c.Scenario
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\nThe course of events by the record, %s to %s, %d turns of %d hours.\n",
		sc.ID, sc.Title, day(sc.Start), day(sc.End), sc.Turns, sc.TurnHours)
	fmt.Fprintf(&b, "\nAt the start (%s):\n%s", stamp(sc.Setup.Start), c.holders(c.At(0)))
	cited := map[string]bool{}
	for _, t := range c.Dated() {
		f := c.At(t)
		fmt.Fprintf(&b, "\nTurn %d, %s\n", t, stamp(f.Date))
		for _, s := range f.Steps {
			cited[s.Source] = true
			title := s.Title
			if title != "" {
				title += ". "
			}
			fmt.Fprintf(&b, "  %s: %s%s [%s]\n", stamp(s.On), title, oneLine(s.Text), s.Source)
		}
		for _, a := range f.Arrows {
			fmt.Fprintf(&b, "  moves: %s from %s to %s\n", c.Scenario.UnitName(a.Unit), c.where(a.From), c.where(a.To))
		}
		prev := c.At(t - 1)
		for _, id := range slices.Sorted(maps.Keys(f.Left)) {
			if !prev.Left[id] {
				fmt.Fprintf(&b, "  leaves the map: %s\n", c.Scenario.UnitName(id))
			}
		}
		for _, id := range slices.Sorted(maps.Keys(f.Holders)) {
			if f.Holders[id] != prev.Holders[id] {
				fmt.Fprintf(&b, "  changes hands: %s to %s\n", c.Scenario.PlaceName(id), c.sideName(f.Holders[id]))
			}
		}
	}
	fmt.Fprintf(&b, "\nAt the end (%s):\n%s", stamp(sc.End), c.holders(c.At(c.Turns())))
	if ms := c.Check(); len(ms) > 0 {
		fmt.Fprintf(&b, "\nThe steps contradict %d of the record's %d checkpoints:\n", len(ms), len(sc.History.Course))
		for _, m := range ms {
			fmt.Fprintf(&b, "  %s\n", m)
		}
	} else if n := len(sc.History.Course); n > 0 {
		fmt.Fprintf(&b, "\nThe steps bear out all %d of the record's checkpoints.\n", n)
	}
	if len(cited) > 0 {
		b.WriteString("\nSources:\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, k := range slices.Sorted(maps.Keys(cited)) {
			s := sc.Sources[k]
			fmt.Fprintf(tw, "  %s\t%s\n", k, strings.Join(nonEmpty(s.Author, s.Title, s.Year, s.URL), ", "))
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *Course) holders(f Frame) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, id := range slices.Sorted(maps.Keys(f.Holders)) {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Scenario.PlaceName(id), c.sideName(f.Holders[id]))
	}
	tw.Flush()
	return b.String()
}

// jsonFrame is a frame as `ili history --format json` writes it.
type jsonFrame struct {
	Turn int    `json:"turn"`
	Date string `json:"date"` // the start of the turn whose steps these are
	At   string `json:"at"`   // the moment the holders and bodies are of: the turn's end

	Holders map[string]string `json:"holders"`
	Bodies  map[string][2]int `json:"bodies"`
	Steps   []jsonStep        `json:"steps,omitempty"`
	Arrows  []jsonArrow       `json:"arrows,omitempty"`
}

type jsonStep struct {
	On     string `json:"on"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

type jsonArrow struct {
	Unit string `json:"unit"`
	From [2]int `json:"from"`
	To   [2]int `json:"to"`
}

// JSON writes every frame of the course, from the start (turn 0) to the
// last turn, with hexes as [column, row] as scenario files give them.
func (c *Course) JSON(w io.Writer) error {
	sc := c.Scenario
	out := struct {
		Scenario   string      `json:"scenario"`
		TurnHours  int         `json:"turn_hours"`
		Frames     []jsonFrame `json:"frames"`
		Mismatches []string    `json:"mismatches"`
	}{Scenario: sc.ID, TurnHours: sc.TurnHours, Mismatches: []string{}}
	for t := 0; t <= c.Turns(); t++ {
		f := c.At(t)
		jf := jsonFrame{Turn: t, Date: f.Date.Format(time.RFC3339), At: sc.Setup.TurnTime(t + 1).Format(time.RFC3339), Holders: f.Holders, Bodies: map[string][2]int{}}
		for id, h := range f.Bodies {
			jf.Bodies[id] = offset(h)
		}
		for _, s := range f.Steps {
			jf.Steps = append(jf.Steps, jsonStep{On: s.On.Format(time.RFC3339), Title: s.Title, Text: oneLine(s.Text), Source: s.Source})
		}
		for _, a := range f.Arrows {
			jf.Arrows = append(jf.Arrows, jsonArrow{Unit: a.Unit, From: offset(a.From), To: offset(a.To)})
		}
		out.Frames = append(out.Frames, jf)
	}
	for _, m := range c.Check() {
		out.Mismatches = append(out.Mismatches, m.String())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}

// sideName names a holder, "nobody" for none.
func (c *Course) sideName(id string) string {
	if id == "" {
		return "nobody"
	}
	return c.Scenario.SideName(id)
}

func offset(h hex.Hex) [2]int {
	col, row := h.Offset()
	return [2]int{col, row}
}

// where names a hex: the place in it, or its column and row.
func (c *Course) where(h hex.Hex) string {
	col, row := h.Offset()
	for _, p := range c.Scenario.Places {
		if p.Hex == h {
			return fmt.Sprintf("%s (%d,%d)", p.Name, col, row)
		}
	}
	return fmt.Sprintf("hex %d,%d", col, row)
}

func day(t time.Time) string   { return t.Format("2 January 2006") }
func stamp(t time.Time) string { return t.Format("2 Jan 2006 15:04") }

// oneLine joins a text's lines, for a handout's single paragraph.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
