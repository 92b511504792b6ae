package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/game/rules"
	"ili/game/scenario"
)

// End is the result screen: the outcome, victory points and losses beside
// what happened, and the scenario's epilogue.
type End struct {
	opt   Options
	lines []string
}

func newEnd(opt Options, sc *scenario.Scenario, s *rules.State) *End {
	e := &End{opt: opt}
	winner := s.Winner
	if winner == "" {
		winner = "nobody: a draw"
	}
	hist := sc.History.Winner
	if hist == "" {
		hist = "nobody clearly"
	}
	e.lines = append(e.lines, fmt.Sprintf("%s: %s wins (%s).", sc.Title, winner, s.Reason), "")
	vp := s.VP()
	lost := map[string]int{}
	for _, u := range s.Units {
		lost[u.Side] += u.Casualties + u.Captured
	}
	for _, sd := range s.Sides {
		e.lines = append(e.lines, fmt.Sprintf("%-40s %4d victory points, %6d men lost", sd.Name, vp[sd.ID], lost[sd.ID]))
	}
	e.lines = append(e.lines, "", "IN HISTORY: "+hist+" won.")
	var held []string
	for place, side := range sc.History.Holds {
		now := "nobody"
		if p := s.Place(place); p != nil && p.Owner != "" {
			now = p.Owner
		}
		held = append(held, fmt.Sprintf("  %-14s held by %-12s in history, by %s in your game", place, side, now))
	}
	sort.Strings(held)
	e.lines = append(e.lines, held...)
	e.lines = append(e.lines, "")
	for _, para := range strings.Split(strings.TrimSpace(sc.History.Summary)+"\n\n"+strings.TrimSpace(sc.History.Epilogue), "\n") {
		e.lines = append(e.lines, wrap(strings.TrimSpace(para), 100)...)
	}
	if src, ok := sc.Sources[sc.History.Source]; ok {
		e.lines = append(e.lines, "", "Source: "+src.Author+", "+src.Title)
	}
	return e
}

// Update implements scene.
func (e *End) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter) || in.Has(KeyEscape):
		opt := e.opt
		opt.Scenario = ""
		return newPicker(opt), nil
	}
	return nil, nil
}

// Draw implements scene.
func (e *End) Draw(dst *ebiten.Image) {
	dst.Fill(color.RGBA{236, 230, 214, 255})
	for i, l := range e.lines {
		op := &text.DrawOptions{}
		op.GeoM.Translate(40, float64(30+20*i))
		op.ColorScale.ScaleWithColor(color.RGBA{30, 30, 30, 255})
		f := textFace
		if i == 0 {
			f = titleFace
		}
		text.Draw(dst, l, f, op)
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(40, float64(60+20*len(e.lines)))
	op.ColorScale.ScaleWithColor(color.RGBA{90, 60, 30, 255})
	text.Draw(dst, "Enter for another scenario, Q to quit", textFace, op)
}
