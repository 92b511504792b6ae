package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/scenario"
)

// barButton is a clickable command on a bar: it does what its key does.
type barButton struct {
	label string
	key   Key
}

// historyButtons are the history mode's buttons, right-aligned on its bar.
var historyButtons = []barButton{{"Play/pause (Space)", KeyToggle}, {"Take command here (T)", KeyTake}, {"Back (Esc)", KeyEscape}}

// buttonsAt returns the key of the button of bs under (x, y) on a bar
// right-aligned at right, or KeyNone; each button's box is passed to at.
func eachButton(bs []barButton, f *text.GoTextFace, right float64, at func(b barButton, left, w float64) bool) Key {
	for i := len(bs) - 1; i >= 0; i-- {
		w, _ := text.Measure(bs[i].label, f, f.Size)
		left := right - w - 16
		if at(bs[i], left, w) {
			return bs[i].key
		}
		right = left - 4
	}
	return KeyNone
}

// buttonAt returns the key of the bar button under (x, y), or KeyNone.
func (h *HistoryMode) buttonAt(x, y int) Key {
	if y < 0 || y >= h.a.barH {
		return KeyNone
	}
	w, _ := h.size()
	return eachButton(historyButtons, h.a.small, w, func(_ barButton, left, bw float64) bool {
		return float64(x) >= left && float64(x) < left+bw+16
	})
}

// drawBar draws the bar across the top: the scenario, the turn shown and
// its date, whether the record plays and how fast, and the buttons.
func (h *HistoryMode) drawBar(dst *ebiten.Image) {
	a := h.a
	w, _ := h.size()
	vector.DrawFilledRect(dst, 0, 0, float32(w), float32(a.barH), color.RGBA{35, 35, 40, 255}, false)
	y := (float64(a.barH) - a.text.Size*1.3) / 2
	drawText(dst, h.barText(), 8, y, a.text, color.RGBA{245, 245, 245, 255})
	eachButton(historyButtons, a.small, w, func(b barButton, left, bw float64) bool {
		vector.DrawFilledRect(dst, float32(left), 3, float32(bw+12), float32(a.barH-6), color.RGBA{80, 90, 110, 255}, false)
		drawText(dst, b.label, left+6, 6, a.small, color.White)
		return false
	})
}

// barText is what the bar says: the scenario, the record, the turn shown
// with its date, and the player's state.
func (h *HistoryMode) barText() string {
	s := fmt.Sprintf("%s: the record    %s, %s", h.sc.Title, h.moment(), h.sc.Setup.TurnTime(h.frame+1).Format("2 Jan 2006 15:04"))
	state := "paused"
	if h.playing {
		state = "playing"
	}
	rate := strings.TrimSuffix(fmt.Sprintf("%.1f", 60/float64(playRates[h.rate])), ".0")
	unit := " turns"
	if rate == "1" {
		unit = " turn"
	}
	return s + "    " + state + ", " + rate + unit + " a second"
}

// moment names the moment the frame shows: the start of a turn (the
// situation a game taken up there begins from), or the end.
func (h *HistoryMode) moment() string {
	switch {
	case h.frame == 0:
		return "the opening"
	case h.frame == h.course.Turns():
		return "the end"
	}
	return fmt.Sprintf("turn %d/%d begins", h.frame+1, h.course.Turns())
}

// drawArrows draws the turn's main movements along their routes, in the
// colour of the body's side, with a head at the end.
func (h *HistoryMode) drawArrows(dst *ebiten.Image) {
	pal := h.a.palette()
	b := h.a.scratch(dst)
	wd := math.Max(3, h.cam.Scale/4)
	for _, ar := range h.course.At(h.frame).Arrows {
		col := color.RGBA{60, 60, 60, 255}
		if u := h.sc.Unit(ar.Unit); u != nil {
			col = pal.Sides[max(0, h.sc.Setup.SideIndex(u.Side))%len(pal.Sides)]
		}
		route := ar.Route
		if len(route) < 2 {
			route = []hex.Hex{ar.From, ar.To}
		}
		pts := make([][2]float64, len(route))
		for i, at := range route {
			pts[i][0], pts[i][1] = h.cam.ToScreen(paint.Unit.Center(at))
		}
		for i := 1; i < len(pts); i++ {
			b.Line(pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], wd+2.5, color.RGBA{255, 255, 255, 230})
		}
		n := len(pts)
		arrowHead(dst, b, pts[n-2], pts[n-1], wd*3.6+2, color.RGBA{255, 255, 255, 230})
		for i := 1; i < len(pts); i++ {
			b.Line(pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], wd, col)
		}
		arrowHead(dst, b, pts[n-2], pts[n-1], wd*3.6, col)
	}
	b.Flush()
}

// arrowHead adds a triangle pointing from a to b, its tip at b.
func arrowHead(dst *ebiten.Image, b *paint.Batch, from, to [2]float64, size float64, c color.RGBA) {
	dx, dy := to[0]-from[0], to[1]-from[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	bx, by := to[0]-dx*size, to[1]-dy*size
	px, py := -dy*size*0.55, dx*size*0.55
	b.Quad(to[0], to[1], bx+px, by+py, bx, by, bx-px, by-py, c)
}

// drawNarration fills the panel with what the record says of the turn
// shown: each step's date, title, text and source; on a turn with none,
// the last step before it. Text longer than the panel scrolls, a line at
// its foot saying so.
func (h *HistoryMode) drawNarration(dst *ebiten.Image) {
	a := h.a
	w, _ := h.size()
	_, bottom := h.mapArea()
	x0 := w - float64(a.panelW)
	vector.DrawFilledRect(dst, float32(x0), float32(a.barH), float32(a.panelW), float32(bottom)-float32(a.barH), color.RGBA{244, 240, 228, 255}, false)
	h.drawLegend(dst, x0)
	lines, fit := h.panelPage()
	h.scroll = max(0, min(h.scroll, len(lines)-fit))
	shown := lines[h.scroll:min(len(lines), h.scroll+fit)]
	drawTextLines(dst, shown, x0+12, h.panelTop(), bottom, a.text, color.RGBA{30, 30, 30, 255})
	foot := ""
	switch {
	case h.scroll+fit < len(lines):
		foot = "More below: the wheel or Down"
	case h.scroll > 0:
		foot = "The end: the wheel or Up goes back"
	default:
		return
	}
	fy := bottom - a.text.Size*1.45 - 4
	vector.DrawFilledRect(dst, float32(x0), float32(fy-3), float32(a.panelW), float32(bottom-fy+3), color.RGBA{226, 218, 196, 255}, false)
	drawText(dst, foot, x0+12, fy, a.text, color.RGBA{130, 70, 20, 255})
}

// panelTop is where the panel's text begins, under the legend.
func (h *HistoryMode) panelTop() float64 { return float64(h.a.barH) + h.legendHeight() + 10 }

// stepAmber is the colour of a step's marker on the timeline where no
// place passes to a side.
var stepAmber = color.RGBA{225, 170, 70, 255}

// legendRow is a line of the legend: its marks, boxes in the sides'
// colours or diamonds like the timeline's, and what they stand for.
type legendRow struct {
	marks   []color.RGBA
	diamond bool
	lines   []string
}

// legend is the key to the colours, at the panel's top: each side's
// colour (its counters and the places it holds), a place held by nobody,
// and the timeline's markers.
func (h *HistoryMode) legend() []legendRow {
	a := h.a
	pal := a.palette()
	width := float64(a.panelW) - 24 - h.legendMarkW(len(h.sc.Setup.Sides))
	var rows []legendRow
	var sides []color.RGBA
	for i, sd := range h.sc.Setup.Sides {
		c := pal.Sides[i%len(pal.Sides)]
		sides = append(sides, c)
		rows = append(rows, legendRow{marks: []color.RGBA{c}, lines: a.wrap(latin(sd.Name), width, a.small)})
	}
	rows = append(rows,
		legendRow{marks: []color.RGBA{{60, 60, 60, 255}}, lines: a.wrap("a place held by nobody", width, a.small)},
		legendRow{marks: []color.RGBA{stepAmber}, diamond: true, lines: a.wrap("on the timeline: a dated step of the record", width, a.small)},
		legendRow{marks: sides, diamond: true, lines: a.wrap("on the timeline: a step in which a place passed to the side of that colour", width, a.small)})
	return rows
}

// legendMarkW is the room the marks of a row of n take, with the gap
// after them.
func (h *HistoryMode) legendMarkW(n int) float64 { return float64(n)*h.a.small.Size*0.9 + 8 }

// legendLine is the height of a line of the legend.
func (h *HistoryMode) legendLine() float64 { return h.a.small.Size * 1.35 }

// legendHeight is the height of the legend's band.
func (h *HistoryMode) legendHeight() float64 {
	n := 0
	for _, r := range h.legend() {
		n += len(r.lines)
	}
	return float64(n)*h.legendLine() + 12
}

// drawLegend draws the legend across the panel's top, from x0.
func (h *HistoryMode) drawLegend(dst *ebiten.Image, x0 float64) {
	a := h.a
	top := float64(a.barH)
	ht := h.legendHeight()
	vector.DrawFilledRect(dst, float32(x0), float32(top), float32(a.panelW), float32(ht), color.RGBA{230, 224, 206, 255}, false)
	vector.StrokeLine(dst, float32(x0), float32(top+ht), float32(x0+float64(a.panelW)), float32(top+ht), 1, color.RGBA{180, 170, 150, 255}, false)
	b := a.scratch(dst)
	lh, sz := h.legendLine(), a.small.Size*0.7
	y := top + 6
	type label struct {
		lines []string
		x, y  float64
	}
	var labels []label
	for _, r := range h.legend() {
		cy := y + lh/2
		for k, c := range r.marks {
			cx := x0 + 12 + sz/2 + float64(k)*a.small.Size*0.9
			if r.diamond {
				d := sz * 0.62
				b.Quad(cx, cy-d-1, cx+d+1, cy, cx, cy+d+1, cx-d-1, cy, color.RGBA{20, 20, 20, 255})
				b.Quad(cx, cy-d, cx+d, cy, cx, cy+d, cx-d, cy, c)
				continue
			}
			b.Rect(cx-sz/2-1, cy-sz/2-1, sz+2, sz+2, color.RGBA{20, 20, 20, 255})
			b.Rect(cx-sz/2, cy-sz/2, sz, sz, c)
		}
		labels = append(labels, label{r.lines, x0 + 12 + h.legendMarkW(len(h.sc.Setup.Sides)), y + (lh-a.small.Size*1.3)/2})
		y += lh * float64(len(r.lines))
	}
	b.Flush()
	for _, l := range labels {
		for i, s := range l.lines {
			drawText(dst, s, l.x, l.y+float64(i)*lh, a.small, color.RGBA{40, 40, 40, 255})
		}
	}
}

// panelPage is the panel's text, wrapped, and how many of its lines the
// panel shows at once (one fewer when a line at the foot says there is
// more).
func (h *HistoryMode) panelPage() (lines []string, fit int) {
	a := h.a
	_, bottom := h.mapArea()
	lines = h.narration(float64(a.panelW) - 24)
	fit = max(1, int((bottom-6-h.panelTop())/(a.text.Size*1.45)))
	if len(lines) > fit {
		fit = max(1, fit-1)
	}
	return lines, fit
}

// scrollPanel scrolls the narration by d lines, within its text.
func (h *HistoryMode) scrollPanel(d int) {
	lines, fit := h.panelPage()
	h.scroll = max(0, min(h.scroll+d, len(lines)-fit))
	h.dirty = true
}

// narration is the panel's text, wrapped to width.
func (h *HistoryMode) narration(width float64) []string {
	steps := h.course.At(h.frame).Steps
	var lines []string
	if len(steps) == 0 {
		last, ok := h.lastStep()
		if !ok {
			return h.a.wrap("The record as the scenario opens. Space plays it turn by turn; the timeline below marks the dated steps.", width, h.a.text)
		}
		lines = append(h.a.wrap("Nothing the record dates in this turn. Before it:", width, h.a.text), "")
		steps = []scenario.Step{last}
	}
	for _, st := range steps {
		lines = append(lines, h.stepLines(st, width)...)
	}
	return lines
}

// lastStep is the last step of the record before the frame shown.
func (h *HistoryMode) lastStep() (scenario.Step, bool) {
	var last scenario.Step
	found := false
	for _, st := range h.sc.History.Steps {
		if st.Turn <= h.frame {
			last, found = st, true
		}
	}
	return last, found
}

// stepLines are a step's date and title, its text and its source.
func (h *HistoryMode) stepLines(st scenario.Step, width float64) []string {
	a := h.a
	head := st.On.Format("2 January 2006")
	if st.Title != "" {
		head += ": " + st.Title
	}
	lines := a.wrap(head, width, a.text)
	for _, para := range strings.Split(strings.TrimSpace(st.Text), "\n\n") {
		lines = append(lines, a.wrap(strings.Join(strings.Fields(para), " "), width, a.text)...)
	}
	if st.Source != "" {
		lines = append(lines, a.wrap(latin("Source: "+h.sc.Cite(st.Source)), width, a.text)...)
	}
	return append(lines, "")
}

// pointedAt is what the map shows of the counters or the place at (x, y):
// the units of the stack whose counters the pointer is on (or of the hex
// under it) with their men and sides, and the places there with their
// holders; nil off the map or where there are none.
func (h *HistoryMode) pointedAt(x, y int) []string {
	if !h.overMap(x, y) {
		return nil
	}
	fx, fy := float64(x), float64(y)
	at := paint.Unit.At(h.cam.ToWorld(fx, fy))
	// A counter is drawn larger than its hex when the map is small: the
	// stack whose counters are under the pointer (the top one and those
	// behind it, up and to the right) is the one pointed at.
	size := paint.CounterSize(h.cam.Scale)
	behind := paint.MaxBehind * paint.LayerStep * size
	for _, u := range h.view.Units {
		sx, sy := h.cam.ToScreen(paint.Unit.Center(u.Hex))
		top := sy - size*paint.CounterTop
		if fx >= sx-size/2 && fx < sx+size/2+behind && fy >= top-behind && fy < top+size*paint.CounterHeight {
			at = u.Hex
		}
	}
	var lines []string
	for _, u := range h.view.Units {
		if u.Hex == at {
			lines = append(lines, fmt.Sprintf("%s: %d men, %s", u.Name, u.Men, h.sc.SideName(u.Side)))
		}
	}
	for _, p := range h.view.Places {
		if p.Hex != at {
			continue
		}
		name := p.Name
		if p.VP > 0 {
			name += fmt.Sprintf(" (%d VP)", p.VP)
		}
		holder := "held by nobody"
		if p.Owner != "" {
			holder = "held by " + h.sc.SideName(p.Owner)
		}
		lines = append(lines, name+", "+holder)
	}
	var out []string
	for _, l := range lines {
		out = append(out, h.a.wrap(latin(l), h.a.small.Size*34, h.a.small)...)
	}
	return out
}

// drawPointedMap shows what is under the pointer on the map, under it.
func (h *HistoryMode) drawPointedMap(dst *ebiten.Image) {
	if len(h.tip) == 0 {
		return
	}
	h.drawTip(dst, h.tip, float64(h.lastX), float64(h.lastY)+22, false)
}

// drawNote shows the note, if any, across the top of the map.
func (h *HistoryMode) drawNote(dst *ebiten.Image) {
	if h.note == "" {
		return
	}
	a := h.a
	mw, _ := h.mapArea()
	lines := a.wrap(h.note, mw-60, a.text)
	tw := 0.0
	for _, l := range lines {
		lw, _ := text.Measure(l, a.text, 0)
		tw = math.Max(tw, lw)
	}
	lh := a.text.Size * 1.45
	x, y := math.Max(10, (mw-tw)/2), float64(a.barH)+16
	vector.DrawFilledRect(dst, float32(x-14), float32(y-10), float32(tw+28), float32(lh*float64(len(lines))+18), color.RGBA{35, 35, 40, 235}, false)
	vector.StrokeRect(dst, float32(x-14), float32(y-10), float32(tw+28), float32(lh*float64(len(lines))+18), 1.5, color.RGBA{240, 200, 90, 255}, false)
	drawTextLines(dst, lines, x, y, y+lh*float64(len(lines))+1, a.text, color.RGBA{245, 240, 225, 255})
}

// updateCamera pans the map by dragging and zooms it at the mouse with the
// wheel over the map and the zoom keys; the wheel over the panel scrolls
// its text. Some of the map always stays in view.
func (h *HistoryMode) updateCamera(in Input) {
	if in.DragDX != 0 || in.DragDY != 0 {
		h.cam.X -= float64(in.DragDX) / h.cam.Scale
		h.cam.Y -= float64(in.DragDY) / h.cam.Scale
	}
	zoom, zx, zy := 1.0, float64(in.MouseX), float64(in.MouseY)
	switch {
	case in.Wheel != 0 && h.overPanel(in.MouseX, in.MouseY):
		h.scrollPanel(-int(math.Round(in.Wheel * 3)))
	case in.Wheel != 0 && h.overMap(in.MouseX, in.MouseY):
		zoom = math.Pow(1.15, in.Wheel)
	case in.Has(KeyZoomIn) || in.Has(KeyZoomOut):
		zoom = 0.8
		if in.Has(KeyZoomIn) {
			zoom = 1.25
		}
		if !h.overMap(in.MouseX, in.MouseY) { // the keys zoom at the map's centre
			mw, mh := h.mapArea()
			zx, zy = mw/2, (mh+float64(h.a.barH))/2
		}
	}
	if zoom != 1 {
		h.cam.ZoomAt(zoom, zx, zy, 2, 120)
	}
	h.clampCamera()
}
