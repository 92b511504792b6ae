package paint

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
)

// MarkOptions say how Marks draws the places and the counters on a map.
type MarkOptions struct {
	FontSize float64 // the places' names
	// Area is the part of the canvas the names stay within: the map, clear
	// of the panels drawn over it (the zero box: the whole canvas).
	Area     Box
	Selected string          // the unit whose counter is framed as chosen
	Hide     map[string]bool // units not drawn (on the move, say)
	Layout   *Layout         // when not nil, the counters and names drawn are appended to it
	// AllLabels gives a name that finds no room beside its mark one a little
	// farther off, tied to the mark by a thin line, where room allows (a
	// map preview for authors: ili shot --labels all).
	AllLabels bool
	// Least is the least importance (importance) a place's name needs to
	// be written: a map zoomed far out names only the places that matter
	// most.
	Least int
}

// Marks draws the places' marks and names and the counters over a map:
// the names clear of each other, of the counters and of the other places'
// marks, within the area (see Places); the counters over them (see
// Counters).
func Marks(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, o MarkOptions) {
	stacks := stacksOf(v, cam, o.Selected, o.Hide)
	area := o.Area
	if area == (Box{}) {
		w, h := cv.Size()
		area = Box{0, 0, float64(w), float64(h)}
	}
	drawPlaces(cv, b, v, cam, pal, placeOptions{o.FontSize, area, o.AllLabels, o.Least}, stacks, o.Layout)
	drawCounters(cv, b, v, pal, stacks, o.Selected, o.Layout)
}

// Places marks places with a square (objectives with a ringed disc) in
// the colour of the side that holds them, and writes their names left of
// right, clear of each other, of the view's counters and of the other
// places' marks. The marks and the names' backgrounds go in one batch, the
// names after it.
//
// Each name is placed in turn, the most important first (victory points,
// then sources of supply, then the rest): below its mark, or beside it,
// above it, or beyond the counters on its hex, whichever is clear first;
// where none is, the name is shortened to the part before " (" (the
// points kept), and where that finds no room either, it is left out.
// Places whose mark lies wholly outside the area get no name.
func Places(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64, right float64) {
	drawPlaces(cv, b, v, cam, pal, placeOptions{fontSize: fontSize, area: Box{0, -1e6, right, 2e6}}, stacksOf(v, cam, "", nil), nil)
}

// placeOptions say how the places' names are laid out: their size, the
// area they stay within, and whether a name may go farther off its mark.
type placeOptions struct {
	fontSize float64
	area     Box
	all      bool
	least    int // the least importance named
}

// placeMark is a place's mark on the canvas: its centre and half its width.
type placeMark struct {
	p      rules.Place
	x, y   float64
	radius float64
}

func (m placeMark) box() Box { return Box{m.x - m.radius, m.y - m.radius, 2 * m.radius, 2 * m.radius} }

// PlaceLabels returns where Places puts the places' names, without
// drawing them: for a screen that draws marks of its own clear of them.
func PlaceLabels(t Text, v *rules.View, cam Camera, fontSize float64, right float64) []LabelBox {
	_, labels := layoutPlaces(t, v, cam, placeOptions{fontSize: fontSize, area: Box{0, -1e6, right, 2e6}}, stacksOf(v, cam, "", nil))
	return labels
}

// placeRadius is the half width of the square that marks a place on a map
// drawn at scale; an objective's disc is larger.
func placeRadius(scale float64) float64 { return math.Max(3, scale/5) }

// layoutPlaces works out the places' marks and where their names go.
func layoutPlaces(t Text, v *rules.View, cam Camera, o placeOptions, stacks []stack) ([]placeMark, []LabelBox) {
	var taken []Box
	stackAt := map[hex.Hex]Box{}
	for _, s := range stacks {
		e := s.extent(v)
		taken = append(taken, e)
		stackAt[s.units[0].Hex] = e
	}
	r := placeRadius(cam.Scale)
	marks := make([]placeMark, 0, len(v.Places))
	for _, p := range v.Places {
		sx, sy := cam.ToScreen(Unit.Center(p.Hex))
		m := placeMark{p: p, x: sx, y: sy, radius: r + 1}
		if p.VP > 0 {
			m.radius = r*1.25 + 2.5
		}
		marks = append(marks, m)
		taken = append(taken, m.box())
	}
	order := make([]int, len(marks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return importance(marks[j].p) - importance(marks[i].p) })
	fixed := len(taken) // the counters and the marks; the names come after
	var labels []LabelBox
	var left []int // the places with no room for a name beside their mark
	for _, i := range order {
		m := marks[i]
		if !m.box().Overlaps(o.area) || importance(m.p) < o.least {
			continue
		}
		e, onStack := stackAt[m.p.Hex]
		if lb, ok := nearLabel(t, m, e, onStack, o, taken); ok {
			taken = append(taken, lb.Box)
			labels = append(labels, lb)
		} else {
			left = append(left, i)
		}
	}
	for _, i := range left {
		if !o.all {
			break
		}
		if lb, ok := farForms(t, marks[i], o, taken, taken[:fixed]); ok {
			taken = append(taken, lb.Box)
			labels = append(labels, lb)
		}
	}
	return marks, labels
}

// nearLabel finds room for a place's name, in each of its forms, beside
// its mark.
func nearLabel(t Text, m placeMark, e Box, onStack bool, o placeOptions, taken []Box) (LabelBox, bool) {
	for _, s := range labelForms(m.p) {
		tw, th := t.Measure(s, o.fontSize)
		if box, ok := placeLabel(m, e, onStack, tw+2, th, o.area, taken); ok {
			return LabelBox{Text: s, Place: m.p.ID, Box: box}, true
		}
	}
	return LabelBox{}, false
}

// farForms finds room for a place's name, in each of its forms, a little
// farther from its mark (see farLabel).
func farForms(t Text, m placeMark, o placeOptions, taken, marks []Box) (LabelBox, bool) {
	for _, s := range labelForms(m.p) {
		tw, th := t.Measure(s, o.fontSize)
		if box, ok := farLabel(m, tw+2, th, o.area, taken, marks); ok {
			return LabelBox{Text: s, Place: m.p.ID, Box: box}, true
		}
	}
	return LabelBox{}, false
}

// farLabel finds room for a name w by h up to four lines of text away
// from its place's mark m, below, above or to either side of it, nearest
// first, within the area, clear of every box taken, its leader crossing
// none of the marks and counters.
func farLabel(m placeMark, w, h float64, area Box, taken, marks []Box) (Box, bool) {
	mk := m.box()
	g := labelGap
	for k := 1.0; k <= 4; k++ {
		d := k * (h + g)
		for _, c := range [][2]float64{
			{m.x - w/2, mk.Y + mk.H + g + d},   // below
			{m.x - w/2, mk.Y - g - h - d},      // above
			{mk.X + mk.W + g + d, m.y - h/2},   // right
			{mk.X - g - w - d, m.y - h/2},      // left
			{mk.X + mk.W + d, mk.Y + mk.H + d}, // below right
			{mk.X - w - d, mk.Y + mk.H + d},    // below left
			{mk.X + mk.W + d, mk.Y - h - d},    // above right
			{mk.X - w - d, mk.Y - h - d},       // above left
		} {
			box := Box{c[0], c[1], w, h}
			if box.Inside(area) && clearOf(box, taken) && leaderClear(m, box, marks) {
				return box, true
			}
		}
	}
	return Box{}, false
}

// leader is the line that ties a name set off its mark to the mark: from
// the mark's edge to the nearest point of the name's box; ok is false when
// the name is beside the mark, and needs none.
func leader(m placeMark, box Box) (x0, y0, x1, y1 float64, ok bool) {
	x1 = math.Max(box.X, math.Min(m.x, box.X+box.W))
	y1 = math.Max(box.Y, math.Min(m.y, box.Y+box.H))
	dx, dy := x1-m.x, y1-m.y
	d := math.Hypot(dx, dy)
	if d <= m.radius+labelGap+1.5 {
		return 0, 0, 0, 0, false
	}
	return m.x + dx/d*m.radius, m.y + dy/d*m.radius, x1, y1, true
}

// leaderClear reports whether the leader from m to a name at box crosses
// none of the marks and counters, its own mark aside.
func leaderClear(m placeMark, box Box, marks []Box) bool {
	x0, y0, x1, y1, ok := leader(m, box)
	if !ok {
		return true
	}
	own := m.box()
	n := int(math.Hypot(x1-x0, y1-y0)/2) + 1
	for i := 1; i < n; i++ {
		x, y := x0+(x1-x0)*float64(i)/float64(n), y0+(y1-y0)*float64(i)/float64(n)
		pt := Box{x, y, 0.01, 0.01}
		if pt.Overlaps(own) {
			continue
		}
		for _, t := range marks {
			if t.Overlaps(pt) {
				return false
			}
		}
	}
	return true
}

// clearOf reports whether box, with a pixel's margin, overlaps none of taken.
func clearOf(box Box, taken []Box) bool {
	spaced := Box{box.X - 1, box.Y - 1, box.W + 2, box.H + 2}
	for _, t := range taken {
		if t.Overlaps(spaced) {
			return false
		}
	}
	return true
}

func drawPlaces(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, o placeOptions, stacks []stack, l *Layout) {
	marks, labels := layoutPlaces(cv, v, cam, o, stacks)
	r := placeRadius(cam.Scale)
	if o.all {
		drawLeaders(b, marks, labels)
	}
	for _, m := range marks {
		col := color.RGBA{60, 60, 60, 255}
		if i := v.SideIndex(m.p.Owner); i >= 0 {
			col = pal.Sides[i%len(pal.Sides)]
		}
		if m.p.VP > 0 { // an objective: a disc in its holder's colour, ringed
			b.Disc(m.x, m.y, r*1.25+2.5, color.RGBA{0, 0, 0, 255})
			b.Disc(m.x, m.y, r*1.25+1.5, color.RGBA{255, 255, 255, 255})
			b.Disc(m.x, m.y, r*1.25, col)
		} else {
			b.Rect(m.x-r-1, m.y-r-1, 2*r+2, 2*r+2, color.RGBA{0, 0, 0, 255})
			b.Rect(m.x-r, m.y-r, 2*r, 2*r, col)
		}
	}
	for _, lb := range labels {
		b.Rect(lb.X, lb.Y, lb.W, lb.H, color.RGBA{225, 225, 222, 230}) // premultiplied, nearly opaque
	}
	b.Flush()
	for _, lb := range labels {
		cv.Draw(lb.Text, lb.X+1, lb.Y, o.fontSize, pal.Text)
	}
	if l != nil {
		l.Labels = append(l.Labels, labels...)
	}
}

// drawLeaders ties each name set off its mark to the mark with a thin
// dark line, from the mark's edge to the nearest point of the name.
func drawLeaders(b *Batch, marks []placeMark, labels []LabelBox) {
	at := map[string]placeMark{}
	for _, m := range marks {
		at[m.p.ID] = m
	}
	for _, lb := range labels {
		if x0, y0, x1, y1, ok := leader(at[lb.Place], lb.Box); ok {
			b.Line(x0, y0, x1, y1, 1.2, color.RGBA{40, 40, 40, 220})
		}
	}
}

// importance ranks places for a name: victory points first, then sources
// of supply, then the ends of withdrawal routes.
func importance(p rules.Place) int {
	n := p.VP * 4
	if p.Supply {
		n += 2
	}
	if p.ExitFor != "" {
		n++
	}
	return n
}

// labelForms are the names a place may be given, longest first: its name
// with its victory points, and the part of its name before " (", with them.
func labelForms(p rules.Place) []string {
	pts := ""
	if p.VP > 0 {
		pts = fmt.Sprintf(" (%d)", p.VP)
	}
	forms := []string{p.Name + pts}
	if short, _, ok := strings.Cut(p.Name, " ("); ok && short != "" {
		forms = append(forms, short+pts)
	}
	return forms
}

// labelGap is the room left between a name and what it names.
const labelGap = 2.0

// placeLabel finds room for a name w by h next to its place's mark m (and
// the counters on its hex, e, if onStack): the first of the places around
// them that lies within the area and clear of every box taken, slid along
// the area's edge where it would cross it. It reports false when there is
// none.
func placeLabel(m placeMark, e Box, onStack bool, w, h float64, area Box, taken []Box) (Box, bool) {
	mk := m.box()
	g := float64(labelGap)
	anchor := mk
	cands := [][2]float64{
		{m.x - w/2, mk.Y + mk.H + g}, // below
		{mk.X + mk.W + g, m.y - h/2}, // right
		{m.x - w/2, mk.Y - g - h},    // above
		{mk.X - g - w, m.y - h/2},    // left
	}
	if onStack {
		anchor = mk.Union(e)
		cands = append(cands,
			[2]float64{m.x - w/2, e.Y + e.H + g}, // below the counters
			[2]float64{e.X + e.W + g, m.y - h/2}, // right of them
			[2]float64{m.x - w/2, e.Y - g - h},   // above them
			[2]float64{e.X - g - w, m.y - h/2},   // left of them
		)
	}
	cands = append(cands,
		[2]float64{mk.X + mk.W, mk.Y + mk.H + g}, // below right
		[2]float64{mk.X - w, mk.Y + mk.H + g},    // below left
		[2]float64{mk.X + mk.W, mk.Y - g - h},    // above right
		[2]float64{mk.X - w, mk.Y - g - h},       // above left
	)
	for _, c := range cands {
		box := Box{c[0], c[1], w, h}
		// Slide it into the area, as long as it stays beside what it names.
		box.X = math.Max(area.X+1, math.Min(box.X, area.X+area.W-w-1))
		box.Y = math.Max(area.Y+1, math.Min(box.Y, area.Y+area.H-h-1))
		if box.X > anchor.X+anchor.W+g+1 || box.X+w < anchor.X-g-1 || box.Y > anchor.Y+anchor.H+g+1 || box.Y+h < anchor.Y-g-1 {
			continue
		}
		if !box.Inside(area) {
			continue
		}
		clear := true
		spaced := Box{box.X - 1, box.Y - 1, box.W + 2, box.H + 2}
		for _, t := range taken {
			if t.Overlaps(spaced) {
				clear = false
				break
			}
		}
		if clear {
			return box, true
		}
	}
	return Box{}, false
}

// Map paints the whole map of a view: the ground (hexes the view does not
// see dimmed when the scenario has fog), rivers and roads, the places and
// the counters, with names at fontSize. The counters keep their size on
// the map (CounterSize): on a map fitted into a small picture they are
// specks of colour, without their men.
func Map(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64) {
	var visible []bool
	if v.Fog {
		visible = v.Visible
	}
	Hexes(cv, b, v.Map, visible, cam, pal, false)
	Lines(cv, b, v.Map, cam, pal)
	Marks(cv, b, v, cam, pal, MarkOptions{FontSize: fontSize})
}
