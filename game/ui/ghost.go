package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
)

// The ghost of history (H) lays the record over a game in play: a faint,
// dashed outline where the record's main bodies stood at the start of the
// turn, in their side's colour, under the real counters (under fog of war,
// another side's only on hexes the viewer sees); a dashed ring in
// the record's holder's colour (grey for nobody) round the hex of each
// place the game holds otherwise; and, on the bar, the points of those
// places.

// ghostOn reports whether the ghost of history is shown.
func (p *Play) ghostOn() bool { return p.a.settings.Ghost && p.course != nil }

// toggleGhost switches the ghost of history, kept with the settings.
func (p *Play) toggleGhost() {
	before := p.a.settings
	p.a.settings.Ghost = !p.a.settings.Ghost
	p.a.changed(before)
	p.dirty = true
}

// holders is who holds each place in the view, "" for nobody.
func holders(v *rules.View) map[string]string {
	out := make(map[string]string, len(v.Places))
	for _, pl := range v.Places {
		out[pl.ID] = pl.Owner
	}
	return out
}

// offRecord is how the game stands against the record at the start of the
// turn: the places held otherwise and the points they are worth.
func (p *Play) offRecord(v *rules.View) (vp int, places []string) {
	return p.course.Divergence(v.Turn, holders(v))
}

// ghostText is the bar's figure with the ghost shown: the points of the
// places held otherwise than the record has them; "" with the ghost off.
func (p *Play) ghostText(v *rules.View) string {
	if !p.ghostOn() {
		return ""
	}
	vp, places := p.offRecord(v)
	if len(places) == 0 {
		return "as the record has it"
	}
	return fmt.Sprintf("off the record %d VP", vp)
}

// ghostInk is the amber of the ghost's figure on the bar.
var ghostInk = color.RGBA{232, 190, 110, 255}

// drawGhostTag shows the ghost's figure on a tag just under the bar, at
// the map's top left, for a window too narrow to give it room on the bar.
func (p *Play) drawGhostTag(dst *ebiten.Image, s string) {
	a := p.a
	w, _ := text.Measure(s, a.text, 0)
	y := float64(a.barH) + 4
	vector.DrawFilledRect(dst, 4, float32(y), float32(w+16), float32(a.text.Size*1.6), color.RGBA{35, 35, 40, 230}, false)
	drawText(dst, s, 12, y+a.text.Size*0.15, a.text, ghostInk)
}

// drawGhost draws the ghost of history on the map, when it is on: the
// record's main bodies at the start of the turn, then the outlines of the
// places held otherwise, in one batch under the places and counters.
func (p *Play) drawGhost(dst *ebiten.Image, v *rules.View) {
	if !p.ghostOn() {
		return
	}
	b, pal := p.a.scratch(dst), p.a.palette()
	p.drawGhostBodies(dst, b, v, pal)
	p.drawGhostPlaces(dst, b, v, pal)
	b.Flush()
}

// ghostBody is one of the record's main bodies as the ghost draws it: the
// unit, its side and the hex the record puts it in.
type ghostBody struct {
	Unit, Side string
	Hex        hex.Hex
}

// ghostBodies lists the record's main bodies at the start of v's turn that
// the ghost draws for v's side, in the scenario's order, so a frame is
// always the same. The side's own bodies are always drawn. Under fog of
// war another side's body is drawn only on a hex v's side can see: the
// record's positions are where the enemy stood, and in a game that took
// command from the record they are exactly where the hidden enemy stands
// now, so the ghost must not show what the fog hides.
func (p *Play) ghostBodies(v *rules.View) []ghostBody {
	bodies := p.course.At(v.Turn - 1).Bodies
	var out []ghostBody
	for _, u := range p.sc.Units {
		at, ok := bodies[u.ID]
		if !ok {
			continue
		}
		if v.Fog && u.Side != v.Side && !v.Seen(at) {
			continue
		}
		out = append(out, ghostBody{Unit: u.ID, Side: u.Side, Hex: at})
	}
	return out
}

// drawGhostBodies adds a dashed, see-through counter for each of the
// ghost's bodies (ghostBodies), a stack's offset as counters' are.
func (p *Play) drawGhostBodies(dst *ebiten.Image, b *paint.Batch, v *rules.View, pal *paint.Palette) {
	size := paint.CounterSize(p.cam.Scale)
	pad := math.Max(3, size*0.16) // clear of a counter standing on it
	lw := math.Max(1.5, size/14)
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	stacked := map[hex.Hex]int{}
	for _, g := range p.ghostBodies(v) {
		sx, sy := p.cam.ToScreen(paint.Unit.Center(g.Hex))
		if sx < -size || sy < -size || sx > float64(w)+size || sy > float64(h)+size {
			continue
		}
		off := float64(min(stacked[g.Hex], paint.MaxBehind)) * size * paint.LayerStep
		stacked[g.Hex]++
		col := pal.Sides[max(0, v.SideIndex(g.Side))%len(pal.Sides)]
		x, y := sx-size/2-pad+off, sy-size*paint.CounterTop-pad-off
		bw, bh := size+2*pad, size*paint.CounterHeight+2*pad
		b.Rect(x, y, bw, bh, faint(col, 56))
		dashedFrame(b, x, y, bw, bh, lw, math.Max(3, size/6), faint(paint.Shade(col, 0.8), 230))
	}
}

// drawGhostPlaces outlines, in dashes, the hex of each place the game
// holds otherwise than the record at the start of the turn, in the colour
// of the record's holder (grey for nobody): round the hex, clear of the
// counters that may stand on the place.
func (p *Play) drawGhostPlaces(dst *ebiten.Image, b *paint.Batch, v *rules.View, pal *paint.Palette) {
	_, places := p.offRecord(v)
	rec := p.course.At(v.Turn - 1).Holders
	lw := math.Max(2, p.cam.Scale/14)
	r := p.cam.Scale * 0.95
	for _, pl := range v.Places {
		if !slices.Contains(places, pl.ID) {
			continue
		}
		sx, sy := p.cam.ToScreen(paint.Unit.Center(pl.Hex))
		col := color.RGBA{120, 120, 120, 255}
		if i := v.SideIndex(rec[pl.ID]); i >= 0 {
			col = pal.Sides[i%len(pal.Sides)]
		}
		dashedHex(b, sx, sy, r, lw+2, faint(color.RGBA{255, 255, 255, 255}, 110))
		dashedHex(b, sx, sy, r-1, lw, faint(col, 215))
	}
}

// faint is c at opacity a, premultiplied as the batch draws.
func faint(c color.RGBA, a uint8) color.RGBA {
	f := float64(a) / 255
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), a}
}

// dashedFrame adds the outline of a rectangle, w pixels wide inside it, in
// dashes of about dash pixels with gaps as long.
func dashedFrame(b *paint.Batch, x, y, wd, ht, w, dash float64, c color.RGBA) {
	dashes(b, x, y, wd, w, dash, true, c)
	dashes(b, x, y+ht-w, wd, w, dash, true, c)
	dashes(b, x, y, ht, w, dash, false, c)
	dashes(b, x+wd-w, y, ht, w, dash, false, c)
}

// dashes adds a dashed bar w thick from (x, y), across or down, n long:
// an odd number of dashes, so that the bar begins and ends with one.
func dashes(b *paint.Batch, x, y, n, w, dash float64, across bool, c color.RGBA) {
	k := max(1, int(n/dash))
	if k%2 == 0 {
		k++
	}
	step := n / float64(k)
	for i := 0; i < k; i += 2 {
		if across {
			b.Rect(x+float64(i)*step, y, step, w, c)
		} else {
			b.Rect(x, y+float64(i)*step, w, step, c)
		}
	}
}

// dashedHex adds the outline of a hex of radius r, w pixels wide inside
// it, each side in three dashes: one at each corner and one in the middle.
func dashedHex(b *paint.Batch, x, y, r, w float64, c color.RGBA) {
	const parts = 5 // every other one drawn
	for k := 0; k < 6; k++ {
		ax, ay := x+r*paint.Corners[k][0], y+r*paint.Corners[k][1]
		bx, by := x+r*paint.Corners[(k+1)%6][0], y+r*paint.Corners[(k+1)%6][1]
		// Inward from the side by half the width, so the dash lies inside.
		mx, my := x-(ax+bx)/2, y-(ay+by)/2
		n := math.Hypot(mx, my)
		ix, iy := mx/n*w/2, my/n*w/2
		for j := 0; j < parts; j += 2 {
			f0, f1 := float64(j)/parts, float64(j+1)/parts
			b.Line(ax+(bx-ax)*f0+ix, ay+(by-ay)*f0+iy, ax+(bx-ax)*f1+ix, ay+(by-ay)*f1+iy, w, c)
		}
	}
}
