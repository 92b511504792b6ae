package ui

import (
	"math"

	"ili/game/hex"
	"ili/game/paint"
)

// placeCard finds where a card w by h beside anchor hides least of the
// map: of the places round it, near then farther, within the map clear of
// the bar and the hover line, the one that covers the least of the
// places' names and the counters drawn this frame, the counters in keep
// (those the card is about) counting most. The first place is taken on a
// tie, so that a card with room stays where the eye expects it.
func (p *Play) placeCard(w, h float64, anchor paint.Box, keep []paint.Box) (x, y float64) {
	mapW := float64(p.w - p.a.panelW)
	top, bottom := float64(p.a.barH)+4, float64(p.h)-p.hoverLineH()-4
	clamp := func(x, y float64) (float64, float64) {
		return math.Max(4, math.Min(x, mapW-w-4)), math.Max(top, math.Min(y, bottom-h))
	}
	cx, cy := anchor.X+anchor.W/2, anchor.Y+anchor.H/2
	var cands [][2]float64
	for _, d := range []float64{6, 6 + anchor.W, 6 + 2*anchor.W} {
		cands = append(cands,
			[2]float64{anchor.X + anchor.W + d, cy - h/2}, // right
			[2]float64{anchor.X - d - w, cy - h/2},        // left
			[2]float64{cx - w/2, anchor.Y - d - h},        // above
			[2]float64{cx - w/2, anchor.Y + anchor.H + d}, // below
			[2]float64{anchor.X + anchor.W + d, anchor.Y - d - h},
			[2]float64{anchor.X - d - w, anchor.Y - d - h},
			[2]float64{anchor.X + anchor.W + d, anchor.Y + anchor.H + d},
			[2]float64{anchor.X - d - w, anchor.Y + anchor.H + d},
		)
	}
	best := math.Inf(1)
	for _, c := range cands {
		bx, by := clamp(c[0], c[1])
		box := paint.Box{X: bx, Y: by, W: w, H: h}
		cost := 0.0
		for _, l := range p.frame.Labels {
			cost += overlapArea(box, l.Box)
		}
		for _, k := range p.frame.Counters {
			cost += 2 * overlapArea(box, k.Extent)
		}
		for _, k := range keep {
			cost += 8 * overlapArea(box, k)
		}
		cost += 4 * overlapArea(box, anchor)
		if cost < best-0.5 {
			best, x, y = cost, bx, by
		}
	}
	return x, y
}

// overlapArea is the area a and b have in common.
func overlapArea(a, b paint.Box) float64 {
	w := math.Min(a.X+a.W, b.X+b.W) - math.Max(a.X, b.X)
	h := math.Min(a.Y+a.H, b.Y+b.H) - math.Max(a.Y, b.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// hexBox is the box a hex's counters take on screen.
func (p *Play) hexBox(h hex.Hex) paint.Box {
	x, y := p.cam.ToScreen(paint.Unit.Center(h))
	s := paint.CounterSize(p.cam.Scale)
	return paint.Box{X: x - s/2, Y: y - s*paint.CounterTop - s*paint.LayerStep*paint.MaxBehind, W: s * (1 + paint.LayerStep*paint.MaxBehind), H: s * (paint.CounterHeight + paint.LayerStep*paint.MaxBehind)}
}
