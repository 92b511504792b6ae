package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/match"
	"ili/game/scenario"
)

// End is the result screen: the outcome, victory points and losses of the
// game on the left, what happened in history on the right, and the
// scenario's epilogue below.
type End struct {
	screenSize
	a       *app
	seed    uint64
	title   string
	game    []string // the game's result, a line each
	history []string // the record, a line each (paragraphs unwrapped)
	lines   []string // all of it, for tests and for reading aloud
}

// newEnd sums up a finished match: the same result the batches count.
func newEnd(a *app, m *match.Match) *End {
	sc, r := m.Scenario(), m.Result()
	e := &End{a: a, seed: m.Seed()}
	name := sc.SideName
	winner := "nobody: a draw"
	if r.Winner != "" {
		winner = name(r.Winner) + " wins"
	}
	e.title = sc.Title + ": " + winner
	if r.Reason != "" {
		e.title += " (" + r.Reason + ")"
	}
	e.game = append(e.game, "YOUR GAME", "")
	for _, sd := range sc.Setup.Sides {
		e.game = append(e.game, name(sd.ID),
			fmt.Sprintf("    %d victory points", r.VP[sd.ID]),
			fmt.Sprintf("    %d men lost (killed, wounded, captured), %d still in the field", r.Losses[sd.ID].Men, r.Field[sd.ID]), "")
	}
	e.history = historyLines(sc, r)
	e.lines = append(append([]string{e.title}, e.game...), e.history...)
	return e
}

// historyLines set the game beside the record: who won, who held each
// place the record names, the summary, the epilogue and the source.
func historyLines(sc *scenario.Scenario, r match.Result) []string {
	var held []string
	for _, h := range r.Holds {
		now := h.Game
		if now == "" {
			now = "nobody"
		}
		mark := " "
		if now != h.History {
			mark = "*"
		}
		title := h.Place
		for _, p := range sc.Places {
			if p.ID == h.Place {
				title = p.Name
			}
		}
		held = append(held, fmt.Sprintf("%s %s: %s in history, %s in your game", mark, title, shortSide(sc, h.History), shortSide(sc, now)))
	}
	sort.Strings(held)
	hist := "nobody clearly"
	if sc.History.Winner != "" {
		hist = sc.SideName(sc.History.Winner)
	}
	out := append([]string{"IN HISTORY: " + hist + " won.", ""}, held...)
	out = append(out, courseLines(sc, r)...)
	out = append(out, "(* where your game differs)", "")
	for _, para := range strings.Split(strings.TrimSpace(sc.History.Summary)+"\n\n"+strings.TrimSpace(sc.History.Epilogue), "\n\n") {
		out = append(out, strings.Join(strings.Fields(para), " "), "")
	}
	if src, ok := sc.Sources[sc.History.Source]; ok {
		out = append(out, latin("Source: "+src.Author+", "+src.Title))
	}
	return out
}

// courseLines set the game beside the record's course of events, date by
// date: who held each place at the start of that day's turn.
func courseLines(sc *scenario.Scenario, r match.Result) []string {
	if len(r.Course) == 0 {
		return nil
	}
	out := []string{"", fmt.Sprintf("THE COURSE OF EVENTS: your game held %.0f%% of the record's dates as they were.", 100*r.CourseScore)}
	for _, c := range r.Course {
		date := ""
		for _, h := range sc.History.Course {
			if h.Place == c.Place && h.Turn == c.Turn {
				date = h.On.Format("2 Jan 2006")
			}
		}
		mark := " "
		if c.Game != c.History {
			mark = "*"
		}
		out = append(out, fmt.Sprintf("%s %s, %s: %s in history, %s in your game", mark, date, placeName(sc, c.Place),
			shortSide(sc, orNobody(c.History)), shortSide(sc, orNobody(c.Game))))
	}
	return out
}

func orNobody(side string) string {
	if side == "" {
		return "nobody"
	}
	return side
}

func placeName(sc *scenario.Scenario, id string) string {
	for _, p := range sc.Places {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// Update implements scene.
func (e *End) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter) || in.Has(KeyEscape) || in.Click:
		return newTitle(e.a, Options{Seed: e.seed}), nil
	}
	return nil, nil
}

// Draw implements scene.
func (e *End) Draw(dst *ebiten.Image) {
	a := e.a
	w, h := e.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	ink := color.RGBA{30, 30, 30, 255}
	drawText(dst, e.title, 40, 30, a.title, color.Black)
	top := 30 + a.title.Size*2.4
	colW := math.Max(300, w*0.36)
	drawTextLines(dst, e.game, 40, top, h-50, a.text, ink)
	rx := 40 + colW + 30
	vector.StrokeLine(dst, float32(rx-15), float32(top), float32(rx-15), float32(h-60), 1, color.RGBA{150, 130, 100, 255}, false)
	var lines []string
	for _, l := range e.history {
		lines = append(lines, a.wrap(l, w-rx-40, a.text)...)
	}
	drawTextLines(dst, lines, rx, top, h-50, a.text, ink)
	drawText(dst, "Enter or a click for the title screen, Q to quit", 40, h-34, a.text, color.RGBA{130, 70, 20, 255})
}
