package paint

import (
	"fmt"
	"ili/game/hex"
	"ili/game/rules"
	"image/color"
	"math"
	"slices"
	"sort"
)

// Places marks places with a square (objectives with a ringed disc) in
// the colour of the side that holds them, and their names, kept left of right
// and skipping names that would overlap one already drawn. The marks and the
// names' backgrounds go in one batch, the names after it.
func Places(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64, right float64) {
	var taken []Box
	var labels []string
	places := append([]rules.Place(nil), v.Places...)
	sort.SliceStable(places, func(i, j int) bool { return places[i].VP > places[j].VP })
	for _, p := range places {
		cx, cy := Unit.Center(p.Hex)
		sx, sy := cam.ToScreen(cx, cy)
		r := math.Max(3, cam.Scale/5)
		col := color.RGBA{60, 60, 60, 255}
		if i := v.SideIndex(p.Owner); i >= 0 {
			col = pal.Sides[i%len(pal.Sides)]
		}
		if p.VP > 0 { // an objective: a disc in its holder's colour, ringed
			b.Disc(sx, sy, r*1.25+2.5, color.RGBA{0, 0, 0, 255})
			b.Disc(sx, sy, r*1.25+1.5, color.RGBA{255, 255, 255, 255})
			b.Disc(sx, sy, r*1.25, col)
		} else {
			b.Rect(sx-r-1, sy-r-1, 2*r+2, 2*r+2, color.RGBA{0, 0, 0, 255})
			b.Rect(sx-r, sy-r, 2*r, 2*r, col)
		}
		label := p.Name
		if p.VP > 0 {
			label = fmt.Sprintf("%s (%d)", p.Name, p.VP)
		}
		// The name goes under the hex's centre, clear of the counters there.
		tw, th := cv.Measure(label, fontSize)
		box := Box{sx - tw/2, sy + math.Max(r+1, cam.Scale*0.42), tw, th}
		box.X = math.Max(2, math.Min(box.X, right-tw-2))
		clash := false
		for _, t := range taken {
			if t.Overlaps(box) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		taken = append(taken, box)
		labels = append(labels, label)
		b.Rect(box.X-1, box.Y, box.W+2, box.H, color.RGBA{225, 225, 222, 230}) // premultiplied, nearly opaque
	}
	b.Flush()
	for i, box := range taken {
		cv.Draw(labels[i], box.X, box.Y, fontSize, pal.Text)
	}
}

// Box is a rectangle on the canvas: a label's, for one.
type Box struct{ X, Y, W, H float64 }

// Overlaps reports whether a and b overlap.
func (a Box) Overlaps(b Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Counters draws each stack as NATO-style counters: a frame in the
// side's colour, the symbol of the class, the strength in men, and markers
// for entrenched, out of supply and disordered units; a stack shows the top
// counter with the others offset behind it and a count. The counters go in
// one batch; the top counters' strengths and the counts are drawn after it.
func Counters(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64, selected string, hide map[string]bool) {
	stacks := map[hex.Hex][]rules.Unit{}
	var order []hex.Hex
	for _, u := range v.Units {
		if u.Status != rules.Active || hide[u.ID] {
			continue
		}
		if _, ok := stacks[u.Hex]; !ok {
			order = append(order, u.Hex)
		}
		stacks[u.Hex] = append(stacks[u.Hex], u)
	}
	slices.SortFunc(order, hex.Compare)
	size := math.Max(10, cam.Scale*1.1)
	// Texts go on after the batch: each stack's top counter and its count.
	type top struct {
		men, count int
		x, y, sx   float64
	}
	var tops []top
	for _, h := range order {
		us := stacks[h]
		sort.Slice(us, func(i, j int) bool { return us[i].Men > us[j].Men })
		cx, cy := Unit.Center(h)
		sx, sy := cam.ToScreen(cx, cy)
		for k := len(us) - 1; k >= 0; k-- {
			off := float64(k) * size * 0.12
			b.counter(us[k], v, sx-size/2+off, sy-size*0.35-off, size, pal, us[k].ID == selected)
		}
		tops = append(tops, top{us[0].Men, len(us), sx - size/2, sy - size*0.35, sx})
	}
	b.Flush()
	for _, t := range tops {
		drawStrength(cv, t.men, t.x, t.y, size, fontSize)
		if t.count > 1 {
			cv.Draw(fmt.Sprint(t.count), t.sx+size/2+2, t.y, fontSize, color.Black)
		}
	}
}

// strength is a counter's men: 450, 2500, 14k.
func strength(men int) string {
	if men >= 10000 {
		return fmt.Sprintf("%.0fk", float64(men)/1000)
	}
	return fmt.Sprintf("%d", men)
}

// Counter draws one counter, with its strength, at once.
func Counter(cv Canvas, b *Batch, u rules.Unit, v *rules.View, x, y, size float64, pal *Palette, fontSize float64, selected bool) {
	b.counter(u, v, x, y, size, pal, selected)
	b.Flush()
	drawStrength(cv, u.Men, x, y, size, fontSize)
}

// drawStrength writes a counter's men across its lower half, when the
// counter at (x, y) is large enough to read them.
func drawStrength(cv Canvas, men int, x, y, size, fontSize float64) {
	if size < 22 {
		return
	}
	s := strength(men)
	tw, _ := cv.Measure(s, fontSize)
	cv.Draw(s, x+(size-tw)/2, y+size*0.7*0.55, fontSize, color.White)
}

// counter adds a counter's frame, symbol and markers to the batch.
func (b *Batch) counter(u rules.Unit, v *rules.View, x, y, size float64, pal *Palette, selected bool) {
	w, h := size, size*0.7
	col := pal.Sides[max(0, v.SideIndex(u.Side))%len(pal.Sides)]
	border, bw := color.RGBA{20, 20, 20, 255}, 1.0
	if selected {
		border, bw = pal.Select, 3
	}
	b.Rect(x, y, w, h, col)
	b.Frame(x, y, w, h, bw, border)
	// The symbol box in the upper middle.
	sw, sh := w*0.6, h*0.45
	sx0, sy0 := x+(w-sw)/2, y+h*0.08
	white := color.RGBA{250, 250, 250, 255}
	b.Frame(sx0, sy0, sw, sh, 1, white)
	line := func(ax, ay, bx, by float64) { b.Line(ax, ay, bx, by, 1, white) }
	switch u.Type.Class {
	case rules.Infantry:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Cavalry:
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Artillery:
		b.Disc(sx0+sw/2, sy0+sh/2, sh/5, white)
	case rules.Motorised:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
		b.RingCircle(sx0+sw/2, sy0+sh+sh*0.05, sh/6, 1, white)
	case rules.Headquarters:
		line(sx0, sy0, sx0, sy0+sh*1.6)
	case rules.Militia:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0+sw*0.3, sy0+sh*0.5, sx0+sw*0.7, sy0+sh*0.5)
	case rules.Aircraft:
		line(sx0+sw*0.2, sy0+sh/2, sx0+sw*0.8, sy0+sh/2)
		line(sx0+sw/2, sy0+sh*0.15, sx0+sw/2, sy0+sh*0.85)
	}
	// Markers: entrenched (bar on top), out of supply (red corner), disordered (greyed).
	if u.Posture(v.Map) >= rules.Prepared {
		b.Rect(x, y-3, w, 3, color.RGBA{90, 60, 30, 255})
	}
	if !u.InSupply {
		b.Rect(x+w-6, y, 6, 6, color.RGBA{230, 30, 30, 255})
	}
	if u.Disordered {
		b.Rect(x, y, w, h, color.RGBA{35, 35, 35, 110}) // premultiplied grey
	}
}

// Map paints the whole map of a view: the ground (hexes the view does not
// see dimmed when the scenario has fog), rivers and roads, the places and
// the counters, with text at fontSize.
func Map(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64) {
	var visible []bool
	if v.Fog {
		visible = v.Visible
	}
	w, _ := cv.Size()
	Hexes(cv, b, v.Map, visible, cam, pal, false)
	Lines(cv, b, v.Map, cam, pal)
	Places(cv, b, v, cam, pal, fontSize, float64(w))
	Counters(cv, b, v, cam, pal, fontSize, "", nil)
}
