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
	s := fmt.Sprintf("%s: the record    ", h.sc.Title)
	if h.frame == 0 {
		s += "the opening, " + h.sc.Start.Format("2 Jan 2006 15:04")
	} else {
		s += fmt.Sprintf("turn %d/%d, %s", h.frame, h.course.Turns(), h.sc.Setup.TurnTime(h.frame).Format("2 Jan 2006 15:04"))
	}
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

// drawArrows draws the turn's main movements along their routes, in the
// colour of the body's side, with a head at the end.
func (h *HistoryMode) drawArrows(dst *ebiten.Image) {
	pal := h.a.palette()
	b := h.a.scratch()
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
			pts[i][0], pts[i][1] = h.cam.ToScreen(unit.Center(at))
		}
		for i := 1; i < len(pts); i++ {
			b.line(dst, pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], wd+2.5, color.RGBA{255, 255, 255, 230})
		}
		n := len(pts)
		arrowHead(dst, b, pts[n-2], pts[n-1], wd*3.6+2, color.RGBA{255, 255, 255, 230})
		for i := 1; i < len(pts); i++ {
			b.line(dst, pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], wd, col)
		}
		arrowHead(dst, b, pts[n-2], pts[n-1], wd*3.6, col)
	}
	b.flush(dst)
}

// arrowHead adds a triangle pointing from a to b, its tip at b.
func arrowHead(dst *ebiten.Image, b *batch, from, to [2]float64, size float64, c color.RGBA) {
	dx, dy := to[0]-from[0], to[1]-from[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	dx, dy = dx/l, dy/l
	bx, by := to[0]-dx*size, to[1]-dy*size
	px, py := -dy*size*0.55, dx*size*0.55
	b.quad(dst, to[0], to[1], bx+px, by+py, bx, by, bx-px, by-py, c)
}

// drawNarration fills the panel with what the record says of the turn
// shown: each step's date, title, text and source; on a turn with none,
// the last step before it.
func (h *HistoryMode) drawNarration(dst *ebiten.Image) {
	a := h.a
	w, ht := h.size()
	x0 := w - float64(a.panelW)
	bottom := ht - h.timelineHeight()
	vector.DrawFilledRect(dst, float32(x0), float32(a.barH), float32(a.panelW), float32(bottom)-float32(a.barH), color.RGBA{244, 240, 228, 255}, false)
	drawTextLines(dst, h.narration(float64(a.panelW)-24), x0+12, float64(a.barH)+10, bottom-6, a.text, color.RGBA{30, 30, 30, 255})
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
		lines = append(lines, "Nothing the record dates in this turn. Before it:", "")
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
	if src, ok := h.sc.Sources[st.Source]; ok {
		lines = append(lines, a.wrap(latin("Source: "+src.Author+", "+src.Title), width, a.text)...)
	}
	return append(lines, "")
}

// updateCamera pans the map by dragging and zooms it at the mouse with the
// wheel and the zoom keys.
func (h *HistoryMode) updateCamera(in Input) {
	if in.DragDX != 0 || in.DragDY != 0 {
		h.cam.X -= float64(in.DragDX) / h.cam.Scale
		h.cam.Y -= float64(in.DragDY) / h.cam.Scale
	}
	zoom := 1.0
	switch {
	case in.Wheel != 0:
		zoom = math.Pow(1.15, in.Wheel)
	case in.Has(KeyZoomIn):
		zoom = 1.25
	case in.Has(KeyZoomOut):
		zoom = 0.8
	}
	if zoom != 1 {
		h.cam.ZoomAt(zoom, float64(in.MouseX), float64(in.MouseY), 2, 120)
	}
}
