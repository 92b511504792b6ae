package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/scenario"
	"ili/game/whatif"
	"ili/game/words"
)

// drawInputs draws the sensitivity ranking: its progress, then each input
// ranked by its effect on the first side's share of wins, a tornado of
// bars from no change, each with its paired 95% interval.
func (l *Lab) drawInputs(dst *ebiten.Image, x, y, cw, h float64) {
	a := l.a
	s := l.study
	if s == nil {
		msg := fmt.Sprintf("Rank the inputs (S): each strength of the setup scaled by %.0f%% down and up, and each date moved by %.0f%% of the turns earlier and later, one at a time on the same seeds, the runs chosen for each; the inputs are ranked by how far they move the first side's share of wins.", 100*labDelta, 100*labDelta)
		drawTextLines(dst, a.wrap(msg, cw, a.text), x, y, h, a.text, labDim)
		return
	}
	y = drawTextLines(dst, a.wrap("Sensitivity of "+s.spec.Describe(nil), cw, a.small), x, y, h, a.small, labDim)
	y = l.drawBar(dst, x, y, cw, float64(s.last.done)/float64(max(1, s.last.all)), s.state())
	n := s.last
	if len(n.effects) == 0 {
		return
	}
	title := fmt.Sprintf("%s %.0f%% (%.0f-%.0f) as set; each input %.0f%% down and up (bars: high less low, in points; lines: 95%% interval; * larger than chance)",
		words.Says(shortSide(l.sc, n.side), "win"), 100*n.base.Share, 100*n.base.Lo, 100*n.base.Hi, 100*labDelta)
	y = drawTextLines(dst, a.wrap(title, cw, a.small), x, y, h, a.small, color.White) + 4
	reach := 0.05
	for _, e := range n.effects {
		reach = max(reach, math.Abs(e.Lo), math.Abs(e.Hi))
	}
	labelW, numW := cw*0.4, a.small.Size*9
	axisW := cw - labelW - numW
	mid := x + labelW + axisW/2
	rowH := a.small.Size * 1.5
	top := y
	for i, e := range n.effects {
		if y+rowH > h-a.small.Size*2 {
			drawText(dst, fmt.Sprintf("and %d more inputs, with smaller effects", len(n.effects)-i), x, y, a.small, labDim)
			break
		}
		l.drawEffect(dst, e, x, y, labelW, axisW, mid, reach)
		y += rowH
	}
	vector.StrokeLine(dst, float32(mid), float32(top), float32(mid), float32(y), 1, labDim, false)
}

// drawEffect draws one input's row of the tornado.
func (l *Lab) drawEffect(dst *ebiten.Image, e whatif.Effect, x, y, labelW, axisW, mid, reach float64) {
	a := l.a
	sig := false
	for _, d := range e.Shares {
		if d.What == e.Outcome {
			sig = d.Significant
		}
	}
	ink, mark := labInk, ""
	if sig {
		ink, mark = labBar, "* "
	}
	label := fitText(mark+inputTitle(l.sc, e.Name)+" ("+labFigure(e.Low)+" / "+labFigure(e.High)+")", labelW-8, a.small)
	drawText(dst, label, x, y, a.small, ink)
	px := func(v float64) float32 { return float32(mid + v/reach*axisW/2) }
	bh := float32(a.small.Size * 0.9)
	by := float32(y + 2)
	colour := color.RGBA{90, 140, 200, 255}
	if e.Diff < 0 {
		colour = color.RGBA{200, 110, 60, 255}
	}
	x0, x1 := px(0), px(e.Diff)
	vector.DrawFilledRect(dst, min(x0, x1), by, float32(math.Abs(float64(x1-x0))), bh, colour, false)
	my := by + bh/2
	vector.StrokeLine(dst, px(e.Lo), my, px(e.Hi), my, 2, color.White, false)
	vector.StrokeLine(dst, px(e.Lo), my-4, px(e.Lo), my+4, 2, color.White, false)
	vector.StrokeLine(dst, px(e.Hi), my-4, px(e.Hi), my+4, 2, color.White, false)
	drawText(dst, fmt.Sprintf("%s (%s to %s)", points(e.Diff), points(e.Lo), points(e.Hi)), x+labelW+axisW+6, y, a.small, ink)
}

// labFigure is an input's low or high value in brief: a date without its
// time of day.
func labFigure(v string) string {
	if t, err := time.Parse("2006-01-02T15:04:05", v); err == nil {
		return t.Format("2 Jan")
	}
	return strings.TrimSpace(v)
}

// state says how far the ranking has gone.
func (s *labStudy) state() string {
	n := s.last
	switch {
	case s.last.err != nil:
		return "stopped: " + s.last.err.Error()
	case s.last.cancelled:
		return fmt.Sprintf("cancelled after %d of %d games", n.done, n.all)
	case s.finished:
		return fmt.Sprintf("%d games (%d inputs, %d runs a setting), done in %s", n.all, len(n.effects), s.runs, n.elapsed.Round(100*time.Millisecond))
	case n.all == 0:
		return "setting the inputs up"
	}
	state := fmt.Sprintf("%d of %d games", n.done, n.all)
	if n.done > 0 && n.elapsed > 0 {
		left := time.Duration(float64(n.all-n.done) / float64(n.done) * float64(n.elapsed))
		state += fmt.Sprintf(", about %s to go", left.Round(time.Second))
	}
	return state
}

// points is a share's difference in signed whole points, never "-0".
func points(diff float64) string {
	v := math.Round(100 * diff)
	if v == 0 {
		v = 0 // not -0
	}
	return fmt.Sprintf("%+.0f", v)
}

// inputTitle is a sensitivity input named in words, as the lab's controls
// name it (its figures, beside it, say whether it is a strength or a
// date): "Nilka band, mounted" for "band-mounted: strength", the date's
// title for "truck-detachment arrives: date", "Nilka insurgents, every
// unit" for "insurgents (every unit): strength"; the name as it is
// otherwise.
func inputTitle(sc *scenario.Scenario, name string) string {
	what, kind, ok := strings.Cut(name, ": ")
	if !ok {
		return name
	}
	switch kind {
	case "strength":
		if side, ok := strings.CutSuffix(what, " (every unit)"); ok && sc.Side(side) != nil {
			return shortSide(sc, side) + ", every unit"
		}
		if u := sc.Unit(what); u != nil {
			return u.Name
		}
	case "date":
		for _, d := range whatif.Dates(sc) {
			if d.Name == what {
				return d.Title
			}
		}
	}
	return name
}
