package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/history"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
)

// HistoryMode is the documented course of events replayed on the map, turn
// by turn, like a video: the main bodies where the record puts them, the
// places with the side that held them, arrows along the routes of the
// turn's movements, each step's narration with its source beside the map,
// and a timeline of the dated steps below it. From any turn a person can
// take command of the game as it stood then.
type HistoryMode struct {
	screenSize
	a       *app
	opt     Options
	sc      *scenario.Scenario
	course  *history.Course
	frame   int // the situation shown: at the end of this turn (0: the opening)
	playing bool
	rate    int // index into playRates
	ticks   int // frames of the window since the last step while playing
	cam     paint.Camera
	fitted  bool
	terrain terrainCache
	view    *rules.View // the frame shown, as the map drawing reads it
	hover   int         // the step under the pointer on the timeline, or -1
	// scroll is the first line shown of the panel's narration: the wheel
	// over the panel and Up/Down scroll it; a new frame starts at the top.
	scroll int
	// tip is what the map shows of the counters or the place under the
	// pointer: the units' names, men and sides, the place's name and
	// holder.
	tip []string
	// note is a line the screen shows for a while (noteTicks frames of the
	// window, or until the next key, click or wheel): why a key did
	// nothing.
	note      string
	noteTicks int
	// back is the scene Esc returns to (nil: the title screen).
	back scene
	// dirty is set when the frame on screen is out of date; lastX and
	// lastY are where the pointer was.
	dirty        bool
	lastX, lastY int
}

// Idle reports whether the frame on screen is still right: never while
// the record plays, whose turns come with the clock, not with input.
func (h *HistoryMode) Idle() bool { return !h.playing && !h.dirty && h.note == "" }

// noteTime is how long a note stays on the screen: four seconds.
const noteTime = 240

// atTheEnd is the note for T on the record's last frame.
const atTheEnd = "The record ends here: there is no turn left to take command of."

// say shows a note for a while.
func (h *HistoryMode) say(note string) { h.note, h.noteTicks, h.dirty = note, noteTime, true }

// updateNote takes the note away when its time is up or at the next
// key, click or wheel.
func (h *HistoryMode) updateNote(in Input) {
	if h.note == "" {
		return
	}
	if h.noteTicks--; h.noteTicks <= 0 || len(in.Pressed) > 0 || in.Click || in.Wheel != 0 {
		h.note, h.dirty = "", true
	}
}

// playRates are the window frames between two turns while playing (60 a
// second): half a turn a second up to four.
var playRates = []int{120, 60, 30, 15}

// newHistoryMode opens the course of events of the scenario the options
// name, at its opening or, with a date to take command from, at the frame
// a game taken up then begins from: the one whose next turn is the first
// to begin at that moment or after it.
func newHistoryMode(a *app, opt Options) (*HistoryMode, error) {
	from := opt.From
	opt.From = "" // the course is shown from the scenario's start
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	h := &HistoryMode{a: a, opt: opt, sc: sc, course: history.New(sc), rate: 1, hover: -1}
	frame := 0
	if from != "" { // the frame a game taken up then begins from
		taken, err := loadScenario(Options{Scenario: opt.Scenario, Variants: opt.Variants, From: from})
		if err != nil {
			return nil, err
		}
		frame = max(taken.Setup.FirstTurn, 1) - 1
	}
	h.show(frame)
	return h, nil
}

// show puts frame t (clamped) on the map, its narration from the top.
func (h *HistoryMode) show(t int) {
	h.dirty = true
	t = min(max(t, 0), h.course.Turns())
	if t != h.frame || h.view == nil {
		h.scroll = 0
	}
	h.frame = t
	h.view = frameView(h.sc, h.course.At(h.frame))
}

// frameView is a frame of the record as the map drawing reads a view: the
// whole map seen, the scenario's units the record places where it places
// them (in supply: the record says nothing of supply), the places with
// their holders.
func frameView(sc *scenario.Scenario, f history.Frame) *rules.View {
	v := &rules.View{Setup: sc.Setup, Turn: f.Turn, Visible: make([]bool, sc.Setup.Map.Width*sc.Setup.Map.Height)}
	for i := range v.Visible {
		v.Visible[i] = true
	}
	for _, u := range sc.Units {
		at, ok := f.Bodies[u.ID]
		if !ok {
			continue
		}
		u.Hex, u.Status, u.InSupply = at, rules.Active, true
		if men, ok := f.Men[u.ID]; ok {
			u.Men = men
		}
		v.Units = append(v.Units, u)
	}
	for _, p := range sc.Places {
		p.Owner = f.Holders[p.ID]
		v.Places = append(v.Places, p)
	}
	return v
}

// Resize fits the map to a new window size the first time, and keeps
// some of it in view after.
func (h *HistoryMode) Resize(w, ht int) {
	h.screenSize.Resize(w, ht)
	h.dirty = true
	if !h.fitted && w > 0 {
		h.fit()
	}
	h.clampCamera()
}

// fit shows the whole map in its part of the screen, under the bar.
func (h *HistoryMode) fit() {
	mw, mh := h.mapArea()
	h.cam = paint.FitCamera(h.sc.Setup.Map, int(mw), int(mh-float64(h.a.barH)))
	h.cam.Y -= float64(h.a.barH) / h.cam.Scale
	h.fitted, h.dirty = true, true
}

// clampCamera keeps some of the map in view: a band of it (up to a third
// of the map's part of the screen, the whole map when it is smaller) on
// each axis, so that no zoom or drag loses it.
func (h *HistoryMode) clampCamera() {
	mw, mh := h.mapArea()
	top := float64(h.a.barH)
	if mw <= 0 || mh <= top || h.cam.Scale <= 0 {
		return
	}
	x0, y0, x1, y1 := paint.MapBounds(h.sc.Setup.Map)
	s := h.cam.Scale
	kx := math.Min(mw/3, (x1-x0)*s) / s // world units kept in view
	ky := math.Min((mh-top)/3, (y1-y0)*s) / s
	h.cam.X = math.Max(x0+kx-mw/s, math.Min(h.cam.X, x1-kx))
	h.cam.Y = math.Max(y0+ky-mh/s, math.Min(h.cam.Y, y1-ky-top/s))
}

// overPanel reports whether (x, y) is on the narration panel.
func (h *HistoryMode) overPanel(x, y int) bool {
	mw, mh := h.mapArea()
	return float64(x) >= mw && y >= h.a.barH && float64(y) < mh
}

// overMap reports whether (x, y) is on the map's part of the screen.
func (h *HistoryMode) overMap(x, y int) bool {
	mw, mh := h.mapArea()
	return x >= 0 && float64(x) < mw && y >= h.a.barH && float64(y) < mh
}

// mapArea is the size of the map's part of the screen, from the top left
// corner: left of the panel, above the timeline.
func (h *HistoryMode) mapArea() (w, ht float64) {
	sw, sh := h.size()
	return sw - float64(h.a.panelW), sh - h.timelineHeight()
}

// Update implements scene: the keys and buttons of the player, the
// timeline, the map's camera and, while playing, the next turn.
func (h *HistoryMode) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		return nil, errQuit
	}
	if !in.still(h.lastX, h.lastY) {
		h.dirty = true
	}
	h.lastX, h.lastY = in.MouseX, in.MouseY
	h.updateNote(in)
	if in.Click {
		if k := h.buttonAt(in.MouseX, in.MouseY); k != KeyNone {
			in.Pressed, in.Click = append(in.Pressed, k), false
		}
	}
	if next, err := h.updateKeys(in); next != nil || err != nil {
		return next, err
	}
	h.updateTimeline(in)
	h.updateCamera(in)
	h.advance()
	h.tip = nil
	if in.DragDX == 0 && in.DragDY == 0 {
		h.tip = h.pointedAt(in.MouseX, in.MouseY)
	}
	return nil, nil
}

// updateKeys carries out the player's keys; it returns the scene a key
// opens.
func (h *HistoryMode) updateKeys(in Input) (scene, error) {
	switch {
	case in.Has(KeyEscape):
		if h.back != nil {
			return h.back, nil
		}
		return newTitle(h.a, Options{Seed: h.opt.Seed}), nil
	case in.Has(KeyTake):
		return h.takeCommand()
	case in.Has(KeyToggle):
		h.toggle()
	case in.Has(KeyRight):
		h.playing = false
		h.show(h.frame + 1)
	case in.Has(KeyLeft):
		h.playing = false
		h.show(h.frame - 1)
	case in.Has(KeyFirst):
		h.show(0)
	case in.Has(KeyLast):
		h.show(h.course.Turns())
	case in.Has(KeyFaster):
		h.rate = min(h.rate+1, len(playRates)-1)
	case in.Has(KeySlower):
		h.rate = max(h.rate-1, 0)
	case in.Has(KeyFit):
		h.fit()
	case in.Has(KeyDown):
		h.scrollPanel(3)
	case in.Has(KeyUp):
		h.scrollPanel(-3)
	}
	return nil, nil
}

// toggle plays or pauses; playing at the end starts again from the opening.
func (h *HistoryMode) toggle() {
	h.playing, h.ticks = !h.playing, 0
	if h.playing && h.frame == h.course.Turns() {
		h.show(0)
	}
}

// advance shows the next turn when its time has come while playing, and
// stops at the end.
func (h *HistoryMode) advance() {
	if !h.playing {
		return
	}
	if h.ticks++; h.ticks < playRates[h.rate] {
		return
	}
	h.ticks = 0
	h.show(h.frame + 1)
	if h.frame == h.course.Turns() {
		h.playing = false
	}
}

// takeCommand sets up a game that begins where the record stands in the
// frame shown: the side, the opponent and the variants are chosen as for
// any game, and the briefing tells what had happened so far.
func (h *HistoryMode) takeCommand() (scene, error) {
	if h.frame >= h.course.Turns() {
		h.say(atTheEnd) // the record's end: no turn is left to play
		return nil, nil
	}
	opt := h.opt
	opt.From = h.sc.Setup.TurnTime(h.frame + 1).Format(scenario.FromLayouts[1])
	next, err := newSetup(h.a, opt)
	if s, ok := next.(*Setup); ok {
		s.back, h.playing = h, false
	}
	return next, err
}

// Draw implements scene.
func (h *HistoryMode) Draw(dst *ebiten.Image) {
	h.dirty = false
	if !h.fitted {
		b := dst.Bounds()
		h.Resize(b.Dx(), b.Dy())
	}
	pal := h.a.palette()
	dst.Fill(color.RGBA{70, 80, 90, 255})
	h.terrain.draw(dst, h.a.scratch(dst), h.sc.Setup.Map, nil, h.cam, pal, false)
	h.drawArrows(dst)
	paint.Marks(canvas(dst), h.a.scratch(dst), h.view, h.cam, pal, h.markOptions())
	h.drawBar(dst)
	h.drawNarration(dst)
	h.drawTimeline(dst)
	h.drawPointedMap(dst)
	h.drawNote(dst)
}

// Leave frees the map's picture.
func (h *HistoryMode) Leave() { h.terrain.free() }

// markOptions are how the places and counters are drawn: the places'
// names on the map, clear of the bar, the panel and the timeline.
func (h *HistoryMode) markOptions() paint.MarkOptions {
	mw, mh := h.mapArea()
	area := paint.Box{Y: float64(h.a.barH), W: mw, H: mh - float64(h.a.barH)}
	return paint.MarkOptions{FontSize: h.a.small.Size, Area: area}
}
