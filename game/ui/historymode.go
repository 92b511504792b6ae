package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/history"
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
	cam     Camera
	fitted  bool
	terrain terrainCache
	view    *rules.View // the frame shown, as the map drawing reads it
	hover   int         // the step under the pointer on the timeline, or -1
}

// playRates are the window frames between two turns while playing (60 a
// second): half a turn a second up to four.
var playRates = []int{120, 60, 30, 15}

// newHistoryMode opens the course of events of the scenario the options
// name, at its opening.
func newHistoryMode(a *app, opt Options) (*HistoryMode, error) {
	opt.From = "" // the course is shown from the scenario's start
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	h := &HistoryMode{a: a, opt: opt, sc: sc, course: history.New(sc), rate: 1, hover: -1}
	h.show(0)
	return h, nil
}

// show puts frame t (clamped) on the map.
func (h *HistoryMode) show(t int) {
	h.frame = min(max(t, 0), h.course.Turns())
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

// Resize fits the map to a new window size the first time.
func (h *HistoryMode) Resize(w, ht int) {
	h.screenSize.Resize(w, ht)
	if !h.fitted && w > 0 {
		mw, mh := h.mapArea()
		h.cam = FitCamera(h.sc.Setup.Map, int(mw), int(mh-float64(h.a.barH)))
		h.cam.Y -= float64(h.a.barH) / h.cam.Scale
		h.fitted = true
	}
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
	return nil, nil
}

// updateKeys carries out the player's keys; it returns the scene a key
// opens.
func (h *HistoryMode) updateKeys(in Input) (scene, error) {
	switch {
	case in.Has(KeyEscape):
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
		return nil, nil // the record's end: no turn is left to play
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
	if !h.fitted {
		b := dst.Bounds()
		h.Resize(b.Dx(), b.Dy())
	}
	pal := h.a.palette()
	dst.Fill(color.RGBA{70, 80, 90, 255})
	h.terrain.draw(dst, h.a.scratch(), h.sc.Setup.Map, nil, h.cam, pal, false)
	mw, _ := h.mapArea()
	drawPlaces(dst, h.a.scratch(), h.view, h.cam, pal, h.a.small, mw)
	h.drawArrows(dst)
	drawCounters(dst, h.a.scratch(), h.view, h.cam, pal, h.a.small, "", nil)
	h.drawBar(dst)
	h.drawNarration(dst)
	h.drawTimeline(dst)
}

// Leave frees the map's picture.
func (h *HistoryMode) Leave() { h.terrain.free() }
