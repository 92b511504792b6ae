package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/rules"
	"ili/game/whatif"
	"ili/game/words"
)

// Lab colours.
var (
	labInk   = color.RGBA{235, 235, 228, 255}
	labDim   = color.RGBA{170, 170, 160, 255}
	labTrack = color.RGBA{60, 66, 80, 255}
	labBar   = color.RGBA{196, 150, 60, 255}
	labDraw  = color.RGBA{150, 150, 150, 255}
)

// Draw implements scene.
func (l *Lab) Draw(dst *ebiten.Image) {
	a := l.a
	w, h := l.size()
	l.settled, l.drawnAt = true, time.Now()
	dst.Fill(screenFill)
	l.layout()
	drawText(dst, "What-if lab: many games of AIs, and how often each outcome comes", l.menu.x, 30, a.title, color.White)
	l.menu.draw(dst)
	y := l.menu.y + l.menu.height() + 12
	if l.status != "" {
		y = drawTextLines(dst, a.wrap(l.status, l.menu.w, a.small), l.menu.x, y, h, a.small, color.RGBA{255, 170, 140, 255})
	}
	if src := l.sourced(); src != "" {
		y = drawTextLines(dst, a.wrap(src, l.menu.w, a.small), l.menu.x, y, h, a.small, labInk)
	}
	help := fmt.Sprintf("Up/Down choose a line, Left/Right or Space change it. R runs the batch, S ranks the inputs, K keeps a batch as A, X exports it (CSV and chart), 1 to %d show the views, Esc cancels or goes back. Each run is an AI-against-AI game of its own seed.", len(labViews))
	if lines := a.wrap(help, l.menu.w, a.small); y+4+float64(len(lines))*a.small.Size*1.45 <= h { // whole or not at all
		drawTextLines(dst, lines, l.menu.x, y+4, h, a.small, labDim)
	}
	x := l.menu.x + l.menu.w + w*0.03
	cw := w - x - w*0.03
	if l.view == labInputs {
		l.drawInputs(dst, x, 80, cw, h)
		return
	}
	b := l.batch
	switch {
	case b == nil && l.kept != nil:
		b = l.kept
		drawText(dst, "A, kept to compare the next batch with:", x, 60, a.small, labBar)
	case l.kept != nil:
		drawText(dst, "B, to compare with A:", x, 60, a.small, labBar)
	}
	if b == nil {
		drawTextLines(dst, a.wrap("Choose a setup on the left and run it: the share of each outcome with its 95% interval, the losses, how far the runs went as history did, who held each place turn by turn and where the fights were fill in as the games end.", cw, a.text), x, 80, h, a.text, labDim)
		return
	}
	y = l.drawProgress(dst, b, x, 80, cw, h)
	switch l.view {
	case labOutcomes:
		l.drawOutcomes(dst, b, x, y, cw, h)
	case labPlaces:
		l.drawPlaces(dst, b, x, y, cw, h)
	case labCompare:
		l.drawComparison(dst, x, y, cw, h)
	}
}

// The lab's views of the results.
const (
	labOutcomes = iota
	labPlaces
	labInputs
	labCompare
)

// labViews name the views, by the constants above.
var labViews = []string{"outcomes", "places and map", "inputs ranked", "A against B"}

// drawProgress draws batch b's setup and progress in the column at x and
// returns the y below them.
func (l *Lab) drawProgress(dst *ebiten.Image, b *labBatch, x, y, cw, h float64) float64 {
	a := l.a
	y = drawTextLines(dst, a.wrap(b.set.Scenario.Title+": "+b.spec.Describe(sideIDsOf(b.set)), cw, a.small), x, y, h, a.small, labDim)
	// Progress.
	done := b.last.done
	rate, eta := b.rate()
	state := fmt.Sprintf("%d of %d runs, %.0f a second", done, b.runs, rate)
	switch {
	case b.last.err != nil:
		state = "stopped: " + b.last.err.Error()
	case b.last.cancelled:
		state = fmt.Sprintf("cancelled after %d runs (%d counted, in seed order)", done, b.last.counted)
	case b.finished:
		state += fmt.Sprintf(", done in %s; X exports it (CSV and chart)", b.last.elapsed.Round(100*time.Millisecond))
	case eta > 0:
		state += fmt.Sprintf(", about %s to go", eta.Round(time.Second))
	}
	return l.drawBar(dst, x, y, cw, float64(done)/float64(max(1, b.runs)), state)
}

// drawBar draws a progress bar filled to frac with the words state on it
// at y, and returns the y below it.
func (l *Lab) drawBar(dst *ebiten.Image, x, y, cw, frac float64, state string) float64 {
	a := l.a
	lh := a.text.Size * 1.5
	vector.DrawFilledRect(dst, float32(x), float32(y+4), float32(cw), float32(lh), labTrack, false)
	vector.DrawFilledRect(dst, float32(x), float32(y+4), float32(cw*frac), float32(lh), labBar, false)
	drawText(dst, state, x+8, y+4+(lh-a.text.Size*1.3)/2, a.text, labInk)
	return y + lh + 16
}

// colour is the colour of a side of batch b's, or of nobody or a draw.
func (l *Lab) colour(b *labBatch, side string) color.RGBA {
	pal := l.a.palette()
	for i, sd := range b.set.Scenario.Setup.Sides {
		if sd.ID == side {
			return pal.Sides[i%len(pal.Sides)]
		}
	}
	return labDraw
}

// name is a side of batch b's in short, or the word given.
func (l *Lab) name(b *labBatch, side string) string {
	if b.set.Scenario.Side(side) != nil {
		return shortSide(b.set.Scenario, side)
	}
	return side
}

// drawOutcomes draws batch b's results so far from y: the outcomes, the
// losses, the likeness to history and who held each place at the end.
func (l *Lab) drawOutcomes(dst *ebiten.Image, b *labBatch, x, y, cw, h float64) {
	a := l.a
	lh := a.text.Size * 1.5
	sides := b.set.Scenario.Setup.Sides
	s := b.last.summary
	if s == nil || s.Runs == 0 {
		return
	}
	colour := func(side string) color.RGBA { return l.colour(b, side) }
	name := func(side string) string { return l.name(b, side) }
	drawText(dst, fmt.Sprintf("Outcomes of %d runs (bars: the share; lines: its 95%% interval)", s.Runs), x, y, a.text, color.White)
	y += lh
	labelW := cw * 0.34
	barW := cw - labelW - 90
	outcomes := append(sideIDsOf(b.set), "draw")
	for _, o := range outcomes {
		sh := s.Wins[o]
		label := words.Says(name(o), "win")
		if o == "draw" {
			label = "a draw"
		}
		drawText(dst, fitText(label, labelW-8, a.small), x, y, a.small, labInk)
		bx := x + labelW
		vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(barW), float32(a.small.Size), labTrack, false)
		vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(barW*sh.Share), float32(a.small.Size), colour(o), false)
		my := float32(y + 2 + a.small.Size/2)
		vector.StrokeLine(dst, float32(bx+barW*sh.Lo), my, float32(bx+barW*sh.Hi), my, 2, color.White, false)
		vector.StrokeLine(dst, float32(bx+barW*sh.Lo), my-4, float32(bx+barW*sh.Lo), my+4, 2, color.White, false)
		vector.StrokeLine(dst, float32(bx+barW*sh.Hi), my-4, float32(bx+barW*sh.Hi), my+4, 2, color.White, false)
		drawText(dst, fmt.Sprintf("%.0f%% (%.0f-%.0f)", 100*sh.Share, 100*sh.Lo, 100*sh.Hi), bx+barW+6, y, a.small, labInk)
		y += a.small.Size * 1.6
	}
	y += 6
	var losses []string
	for _, side := range sideIDsOf(b.set) {
		sp := s.Losses[side]
		losses = append(losses, fmt.Sprintf("%s %.0f (%.0f-%.0f)", name(side), sp.Median, sp.Q1, sp.Q3))
	}
	y = drawTextLines(dst, a.wrap("Men lost, median (quartiles): "+strings.Join(losses, "; "), cw, a.small), x, y, h, a.small, labInk)
	y = drawTextLines(dst, a.wrap(labHistory(s), cw, a.small), x, y, h, a.small, labInk)
	if gave := l.gaveUp(b, s); gave != "" {
		y = drawTextLines(dst, a.wrap(gave, cw, a.small), x, y, h, a.small, labInk)
	}
	y += 8
	drawText(dst, "Who held each place at the end", x, y, a.text, color.White)
	y = l.drawKey(dst, b, x, y+lh)
	places := b.set.Scenario.Places
	for _, p := range places {
		held, ok := s.Owners[p.ID]
		if !ok || y+a.small.Size*1.6 > h-10 {
			continue
		}
		drawText(dst, fitText(p.Name, labelW-8, a.small), x, y, a.small, labInk)
		bx := x + labelW
		px := bx
		owners := make([]string, 0, len(held))
		for o := range held {
			owners = append(owners, o)
		}
		sort.Slice(owners, func(i, j int) bool { return labOrder(sides, owners[i]) < labOrder(sides, owners[j]) })
		var words []string
		for _, o := range owners {
			sh := held[o]
			ww := barW * sh.Share
			vector.DrawFilledRect(dst, float32(px), float32(y+2), float32(ww), float32(a.small.Size), colour(o), false)
			px += ww
			if sh.Share > 0 {
				words = append(words, fmt.Sprintf("%.0f%%", 100*sh.Share))
			}
		}
		drawText(dst, strings.Join(words, " / "), bx+barW+6, y, a.small, labInk)
		y += a.small.Size * 1.6
	}
}

// drawKey draws the key of the sides' colours, and nobody's, at y and
// returns the y below it.
func (l *Lab) drawKey(dst *ebiten.Image, b *labBatch, x, y float64) float64 {
	a := l.a
	for _, o := range append(sideIDsOf(b.set), "nobody") {
		label := l.name(b, o)
		vector.DrawFilledRect(dst, float32(x), float32(y+3), float32(a.small.Size), float32(a.small.Size), l.colour(b, o), false)
		drawText(dst, label, x+a.small.Size+4, y, a.small, labInk)
		tw, _ := text.Measure(label, a.small, 0)
		x += a.small.Size + 4 + tw + 16
	}
	return y + a.small.Size*1.8
}

// labOrder orders a place's holders: the sides in order, then nobody.
func labOrder(sides []rules.Side, owner string) int {
	for i, s := range sides {
		if s.ID == owner {
			return i
		}
	}
	return len(sides)
}

// labHistory says how far the batch went as the record did: the whole
// test, each of its parts, and the course score, in words.
func labHistory(s *whatif.Summary) string {
	h := s.AsHistory
	pct := func(sh whatif.Share) string { return fmt.Sprintf("%.0f%%", 100*sh.Share) }
	return fmt.Sprintf("As in history: %s (%.0f-%.0f) of runs; the record's winner won in %s, every key place ended as the record has it in %s (%.1f of %d on average), half the dated checkpoints or more held as the record in %s. Course score %.2f: the share of the record's checkpoints held as the record has them, over all runs.",
		pct(s.Historical), 100*s.Historical.Lo, 100*s.Historical.Hi, pct(h.Winner), pct(h.KeyPlaces), h.MeanKeyPlaces, h.Of, pct(h.Course), s.CourseScore)
}

// gaveUp names the places a side's units left of their own accord (marched
// out, not driven out) in at least one run in ten, with how often; "" if
// none.
func (l *Lab) gaveUp(b *labBatch, s *whatif.Summary) string {
	var parts []string
	for _, g := range s.GaveUp {
		if g.GaveUp.Share >= 0.1 {
			parts = append(parts, fmt.Sprintf("%s %s in %.0f%% (turn %.0f)", l.name(b, g.Side), b.set.Scenario.PlaceName(g.Place), 100*g.GaveUp.Share, g.Turn.Median))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Given up, marched out of, not driven out: " + strings.Join(parts, "; ") + "."
}
