package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/debrief"
)

// drawPlaces draws who held each place that gives points turn by turn (a
// strip of cells a place, each cell a turn split by the share of runs each
// side held it at the turn's end) and, once the batch has ended, the map
// of its fights and captures in the room left.
func (l *Lab) drawPlaces(dst *ebiten.Image, b *labBatch, x, y, cw, h float64) {
	a := l.a
	held := b.last.held
	if held == nil || held.Runs == 0 {
		return
	}
	sc := b.set.Scenario
	drawText(dst, fmt.Sprintf("Who held each place, turn by turn, over %d runs", held.Runs), x, y, a.text, color.White)
	y = l.drawKey(dst, b, x, y+a.text.Size*1.5)
	labelW := cw * 0.3
	stripW := cw - labelW
	turns := held.Turns - held.First + 1
	cellW := stripW / float64(max(1, turns))
	rowH := a.small.Size * 1.4
	for i, id := range held.Places {
		drawText(dst, sc.PlaceName(id), x, y, a.small, labInk)
		l.drawStrip(dst, b, i, x+labelW, y+2, cellW, rowH-4)
		y += rowH
	}
	drawText(dst, fmt.Sprintf("turn %d", held.First), x+labelW, y, a.small, labDim)
	last := fmt.Sprintf("turn %d: %s", held.Turns, sc.Setup.TurnTime(held.Turns).Format("2 January 2006"))
	lw, _ := text.Measure(last, a.small, 0)
	drawText(dst, last, x+cw-lw, y, a.small, labDim)
	y += a.small.Size * 1.8
	l.drawFightMap(dst, b, x, y, cw, h)
}

// drawStrip draws place i's cells, one a turn, each split from the top by
// the share of runs each side (then nobody) held the place.
func (l *Lab) drawStrip(dst *ebiten.Image, b *labBatch, i int, x, y, cellW, cellH float64) {
	held := b.last.held
	owners := append(sideIDsOf(b.set), "nobody")
	gap := 0.0
	if cellW >= 6 {
		gap = 1
	}
	for t := held.First; t <= held.Turns; t++ {
		cx := x + float64(t-held.First)*cellW
		cy := y
		for k, o := range owners {
			part := cellH * held.Share(i, t, k)
			if part > 0 {
				vector.DrawFilledRect(dst, float32(cx), float32(cy), float32(cellW-gap), float32(part), l.colour(b, o), false)
			}
			cy += part
		}
	}
}

// drawFightMap draws the batch's map of fights and captures scaled into
// the column below y, with its legend under it.
func (l *Lab) drawFightMap(dst *ebiten.Image, b *labBatch, x, y, cw, h float64) {
	a := l.a
	if b.last.fights == nil {
		msg := "The map of the fights and captures shows once the batch has ended."
		drawTextLines(dst, a.wrap(msg, cw, a.small), x, y, h, a.small, labDim)
		return
	}
	if b.fightsImage == nil {
		b.fightsImage = ebiten.NewImageFromImage(b.last.fights)
	}
	legend := debrief.BatchLegend(*b.last.summary)
	var lines []string
	for _, s := range legend {
		lines = append(lines, a.wrap(s, cw, a.small)...)
	}
	room := h - y - float64(len(lines))*a.small.Size*1.4 - 12
	sz := b.fightsImage.Bounds().Size()
	scale := min(cw/float64(sz.X), room/float64(sz.Y), 1)
	if scale <= 0.1 {
		return
	}
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(scale, scale)
	op.GeoM.Translate(x, y)
	dst.DrawImage(b.fightsImage, op)
	drawTextLines(dst, lines, x, y+float64(sz.Y)*scale+4, h, a.small, labInk)
}
