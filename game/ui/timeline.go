package ui

import (
	"ili/game/paint"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The timeline runs under the map and the panel: a track from the opening
// to the last turn, a tick per turn, a marker per dated step of the record
// (steps of one turn stacked; two sources' dates for one event are two
// markers, each naming its source when pointed at) and a handle at the turn
// shown. A click jumps to the turn under it.

// timelineHeight is the height of the timeline's band.
func (h *HistoryMode) timelineHeight() float64 { return h.a.small.Size*5 + 12 }

// track returns the timeline's left and right ends and its height on
// screen.
func (h *HistoryMode) track() (x0, x1, y float64) {
	w, ht := h.size()
	top := ht - h.timelineHeight()
	return 24, w - 24, top + h.a.small.Size*2.6
}

// frameX is where frame t sits on the track.
func (h *HistoryMode) frameX(t int) float64 {
	x0, x1, _ := h.track()
	return x0 + (x1-x0)*float64(t)/float64(max(1, h.course.Turns()))
}

// markerR is the size of a step's marker.
func (h *HistoryMode) markerR() float64 { return math.Max(4, h.a.small.Size*0.42) }

// marker returns where the i-th step of the record is marked: at its turn,
// above the steps before it in that turn.
func (h *HistoryMode) marker(i int) (x, y float64) {
	steps := h.sc.History.Steps
	k := 0
	for j := i - 1; j >= 0 && steps[j].Turn == steps[i].Turn; j-- {
		k++
	}
	_, _, ty := h.track()
	return h.frameX(steps[i].Turn), ty - float64(k)*h.markerR()*1.6
}

// markerAt returns the step whose marker is under (x, y), or -1.
func (h *HistoryMode) markerAt(x, y int) int {
	r := h.markerR() * 1.3
	for i := range h.sc.History.Steps {
		mx, my := h.marker(i)
		if math.Abs(float64(x)-mx) <= r && math.Abs(float64(y)-my) <= r {
			return i
		}
	}
	return -1
}

// updateTimeline notes the marker pointed at, and jumps to the turn of a
// click on the timeline (a marker's turn for a click on a marker).
func (h *HistoryMode) updateTimeline(in Input) {
	_, ht := h.size()
	h.hover = h.markerAt(in.MouseX, in.MouseY)
	if !in.Click || float64(in.MouseY) < ht-h.timelineHeight() {
		return
	}
	h.playing = false
	if h.hover >= 0 {
		h.show(h.sc.History.Steps[h.hover].Turn)
		return
	}
	x0, x1, _ := h.track()
	f := (float64(in.MouseX) - x0) / (x1 - x0)
	h.show(int(math.Round(f * float64(h.course.Turns()))))
}

// drawTimeline draws the band: the track and its ticks, the dates at its
// ends, the markers, the handle with the date shown, the keys, and the
// step pointed at.
func (h *HistoryMode) drawTimeline(dst *ebiten.Image) {
	a := h.a
	w, ht := h.size()
	top := ht - h.timelineHeight()
	vector.DrawFilledRect(dst, 0, float32(top), float32(w), float32(h.timelineHeight()), color.RGBA{35, 35, 40, 255}, false)
	x0, x1, y := h.track()
	b := a.scratch(dst)
	b.Line(x0, y, x1, y, 2, color.RGBA{150, 150, 155, 255})
	if n := h.course.Turns(); (x1-x0)/float64(n) >= 3 {
		for t := 0; t <= n; t++ {
			b.Line(h.frameX(t), y-3, h.frameX(t), y+3, 1, color.RGBA{120, 120, 125, 255})
		}
	}
	h.drawMarkers(dst, b)
	hx := h.frameX(h.frame)
	b.Rect(hx-2, y-h.markerR()*3.2, 4, h.markerR()*4.4, color.RGBA{240, 200, 90, 255})
	b.Flush()
	dim, ink := color.RGBA{170, 170, 175, 255}, color.RGBA{240, 240, 240, 255}
	ly := y + a.small.Size*0.9
	drawText(dst, h.sc.Start.Format("2 Jan 2006"), x0, ly, a.small, dim)
	end := h.sc.Setup.TurnTime(h.course.Turns() + 1).Format("2 Jan 2006")
	ew, _ := text.Measure(end, a.small, 0)
	drawText(dst, end, x1-ew, ly, a.small, dim)
	drawText(dst, "Space plays or pauses · Left/Right a turn · Home/End · [ ] slower/faster · a click on the line jumps · Up/Down scroll the text · F fits the map · T takes command here · Esc back",
		x0, top+h.timelineHeight()-a.small.Size*1.5, a.small, dim)
	h.drawHandleDate(dst, hx, top, ink)
	h.drawPointedStep(dst, top)
}

// drawMarkers adds a diamond per step: in the colour of the side a place
// passed to, where the step changes a holder; amber otherwise.
func (h *HistoryMode) drawMarkers(dst *ebiten.Image, b *paint.Batch) {
	pal := h.a.palette()
	r := h.markerR()
	for i, st := range h.sc.History.Steps {
		col := stepAmber
		if len(st.Captures) > 0 {
			if k := h.sc.Setup.SideIndex(st.Captures[0].Side); k >= 0 {
				col = pal.Sides[k%len(pal.Sides)]
			}
		}
		x, y := h.marker(i)
		edge := color.RGBA{20, 20, 20, 255}
		if i == h.hover || st.Turn == h.frame {
			edge = color.RGBA{255, 255, 255, 255}
		}
		b.Quad(x, y-r-1.5, x+r+1.5, y, x, y+r+1.5, x-r-1.5, y, edge)
		b.Quad(x, y-r, x+r, y, x, y+r, x-r, y, col)
	}
}

// drawHandleDate writes the date shown above the handle, kept on screen.
func (h *HistoryMode) drawHandleDate(dst *ebiten.Image, hx, top float64, c color.Color) {
	label := h.sc.Setup.TurnTime(h.frame + 1).Format("2 Jan 15:04")
	w, _ := h.size()
	tw, _ := text.Measure(label, h.a.small, 0)
	x := math.Max(4, math.Min(hx-tw/2, w-tw-4))
	drawText(dst, label, x, top+3, h.a.small, c)
}

// drawPointedStep shows the step under the pointer above the timeline:
// its date, its title and whose account it is, the source named in full.
func (h *HistoryMode) drawPointedStep(dst *ebiten.Image, top float64) {
	if h.hover < 0 {
		return
	}
	a := h.a
	st := h.sc.History.Steps[h.hover]
	label := st.On.Format("2 January 2006")
	if st.Title != "" {
		label += ": " + st.Title
	}
	w, _ := h.size()
	lines := a.wrap(latin(label), math.Min(w-24, a.small.Size*60), a.small)
	if st.Source != "" {
		lines = append(lines, a.wrap(latin("Source: "+h.sc.Cite(st.Source)), math.Min(w-24, a.small.Size*60), a.small)...)
	}
	mx, _ := h.marker(h.hover)
	h.drawTip(dst, lines, mx, top-10, true)
}

// drawTip draws lines of small text in a light box centred on x and kept
// on screen, its foot at y (above: true) or its head at y.
func (h *HistoryMode) drawTip(dst *ebiten.Image, lines []string, x, y float64, above bool) {
	a := h.a
	tw := 0.0
	for _, l := range lines {
		lw, _ := text.Measure(l, a.small, 0)
		tw = math.Max(tw, lw)
	}
	lh := a.small.Size * 1.45
	th := lh * float64(len(lines))
	w, ht := h.size()
	x = math.Max(8, math.Min(x-tw/2, w-tw-12))
	if above {
		y -= th
	}
	y = math.Max(float64(a.barH)+4, math.Min(y, ht-th-4))
	vector.DrawFilledRect(dst, float32(x-4), float32(y-3), float32(tw+8), float32(th+4), color.RGBA{250, 246, 232, 245}, false)
	vector.StrokeRect(dst, float32(x-4), float32(y-3), float32(tw+8), float32(th+4), 1, color.RGBA{120, 110, 90, 255}, false)
	drawTextLines(dst, lines, x, y, y+th+1, a.small, color.RGBA{30, 30, 30, 255})
}
