package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/rules"
	"ili/game/scenario"
)

// End is the result screen: the outcome, victory points and losses of the
// game on the left, what happened in history on the right, and the
// scenario's epilogue below.
type End struct {
	screenSize
	opt     Options
	title   string
	game    []string // the game's result, a line each
	history []string // the record, a line each (paragraphs unwrapped)
	lines   []string // all of it, for tests and for reading aloud
}

func newEnd(opt Options, sc *scenario.Scenario, s *rules.State) *End {
	e := &End{opt: opt}
	name := func(id string) string { return sideName(sc, id) }
	winner := "nobody: a draw"
	if s.Winner != "" {
		winner = name(s.Winner) + " wins"
	}
	e.title = sc.Title + ": " + winner
	if s.Reason != "" {
		e.title += " (" + s.Reason + ")"
	}
	vp := s.VP()
	lost, left, took := map[string]int{}, map[string]int{}, map[string]int{}
	for _, u := range s.Units {
		lost[u.Side] += u.Casualties + u.Captured
		if u.Status == rules.Active {
			left[u.Side] += u.Men
		}
	}
	for _, u := range s.Units {
		for _, sd := range s.Sides {
			if sd.ID != u.Side {
				took[sd.ID] += u.Captured
			}
		}
	}
	e.game = append(e.game, "YOUR GAME", "")
	for _, sd := range s.Sides {
		e.game = append(e.game, name(sd.ID),
			fmt.Sprintf("    %d victory points", vp[sd.ID]),
			fmt.Sprintf("    %d men lost (killed, wounded, captured), %d still in the field", lost[sd.ID], left[sd.ID]), "")
	}
	var held []string
	for place, side := range sc.History.Holds {
		now := "nobody"
		if p := s.Place(place); p != nil && p.Owner != "" {
			now = p.Owner
		}
		mark := " "
		if now != side {
			mark = "*"
		}
		title := place
		if p := s.Place(place); p != nil {
			title = p.Name
		}
		held = append(held, fmt.Sprintf("%s %s: %s in history, %s in your game", mark, title, shortSide(sc, side), shortSide(sc, now)))
	}
	sort.Strings(held)
	hist := "nobody clearly"
	if sc.History.Winner != "" {
		hist = name(sc.History.Winner)
	}
	e.history = append(e.history, "IN HISTORY: "+hist+" won.", "")
	e.history = append(e.history, held...)
	e.history = append(e.history, "(* where your game differs)", "")
	for _, para := range strings.Split(strings.TrimSpace(sc.History.Summary)+"\n\n"+strings.TrimSpace(sc.History.Epilogue), "\n\n") {
		e.history = append(e.history, strings.Join(strings.Fields(para), " "), "")
	}
	if src, ok := sc.Sources[sc.History.Source]; ok {
		e.history = append(e.history, latin("Source: "+src.Author+", "+src.Title))
	}
	e.lines = append(append([]string{e.title}, e.game...), e.history...)
	return e
}

// Update implements scene.
func (e *End) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter) || in.Has(KeyEscape) || in.Click:
		opt := e.opt
		opt.Scenario = ""
		return newTitle(opt), nil
	}
	return nil, nil
}

// Draw implements scene.
func (e *End) Draw(dst *ebiten.Image) {
	w, h := e.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	ink := color.RGBA{30, 30, 30, 255}
	drawText(dst, e.title, 40, 30, titleFace, color.Black)
	top := 30 + titleFace.Size*2.4
	colW := math.Max(300, w*0.36)
	drawTextLines(dst, e.game, 40, top, h-50, textFace, ink)
	rx := 40 + colW + 30
	vector.StrokeLine(dst, float32(rx-15), float32(top), float32(rx-15), float32(h-60), 1, color.RGBA{150, 130, 100, 255}, false)
	var lines []string
	for _, l := range e.history {
		lines = append(lines, wrapWidth(l, w-rx-40, textFace)...)
	}
	drawTextLines(dst, lines, rx, top, h-50, textFace, ink)
	drawText(dst, "Enter or a click for the title screen, Q to quit", 40, h-34, textFace, color.RGBA{130, 70, 20, 255})
}
