package ui

import (
	"fmt"
	"image/color"
	"path/filepath"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/history"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/scenario"
)

// Play is the scene where a game is played. It drives a match: it turns a
// person's clicks and keys into commands, lets the AI take its turns, and
// shows each person what their side may know. It routes input and drawing
// to the parts that do the work, each in a file of its own: the map's
// input (mapinput.go), the orders given (orders.go), the panel, the bar,
// the log, the overlays and the minimap.
type Play struct {
	a     *app
	m     *match.Match
	sc    *scenario.Scenario
	names names
	w, h  int
	// The camera over the map, and whether it has been fitted to the window
	// and whether the mouse dragged it since the button went down.
	cam     paint.Camera
	fitted  bool
	dragged bool
	sel     selection
	ptr     pointer
	// logs is each person's log: what their side may know of.
	logs logbook
	// stories are the narrative events that fired and have not been read.
	stories []rules.NarrativeFired
	// anims are the moves and fights still to be shown, in order.
	anims []anim
	// menu is the game's menu, open over the map, or nil.
	menu *menu
	help bool
	grid bool
	// handover hides the map between two people's phases at one screen;
	// lastPerson is the side of the person who last had the screen.
	handover   bool
	lastPerson string
	view       *rules.View // the viewer's view, until the next command
	terrain    terrainCache
	mini       terrainCache
	// dirty is set when something on screen may change; an unchanged frame
	// is not drawn again, so an idle game costs almost nothing.
	dirty  bool
	aiTick int
	// course is the scenario's record, turn by turn: the ghost of history.
	course *history.Course
	// shownLeft is the lesson's seconds left that the bar shows.
	shownLeft int
}

// newPlay begins a game of the scenario the options name and plays the
// AI's phases that come before a person's, at once or shown step by step.
func newPlay(a *app, opt Options) (*Play, error) {
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	if opt.Side != "" && sc.Side(opt.Side) == nil {
		return nil, fmt.Errorf("%s has no side %q", sc.ID, opt.Side)
	}
	m, evs, err := match.New(sc, opt.config(sc))
	if err != nil {
		return nil, err
	}
	p := newPlayOf(a, m)
	p.record(evs)
	p.runAI()
	return p, nil
}

// loadPlay opens a saved game: any save, a batch's kept run included.
func loadPlay(a *app, name string) (*Play, error) {
	g, err := save.Read(name)
	if err != nil {
		return nil, err
	}
	m, err := g.Replay()
	if err != nil {
		return nil, fmt.Errorf("%s does not replay: %w", name, err)
	}
	p := newPlayOf(a, m)
	p.say("loaded " + name)
	p.runAI()
	return p, nil
}

// newPlayOf is the scene of a match under way.
func newPlayOf(a *app, m *match.Match) *Play {
	sc := m.Scenario()
	return &Play{a: a, m: m, sc: sc, names: namesOf(sc), grid: true, logs: logbook{}, course: history.New(sc)}
}

// Save writes the game so far to name, atomically.
func (p *Play) Save(name string) error { return save.FromMatch(p.m).Write(name) }

// saveAs saves the game in the saved-games folder under base and says so
// in the log.
func (p *Play) saveAs(base string) {
	dir, err := save.Dir()
	if err == nil {
		err = p.Save(filepath.Join(dir, base))
	}
	if err != nil {
		p.say("cannot save: " + err.Error())
		return
	}
	p.say("saved to " + filepath.Join(dir, base))
}

// autosave keeps the game as it stands for "Continue" on the title screen.
func (p *Play) autosave() {
	if p.a.autosave && !p.m.Over() && p.hasPerson() {
		p.saveAs("autosave.json")
	}
}

// hasPerson reports whether a person plays any side.
func (p *Play) hasPerson() bool {
	for _, st := range p.m.Seats() {
		if st.Person() {
			return true
		}
	}
	return false
}

// Leave frees the map's pictures when another screen opens; they are drawn
// anew if the game is come back to (from the settings or a failed load).
func (p *Play) Leave() {
	p.terrain.free()
	p.mini.free()
}

// Quit keeps the game for "Continue" when the window is closed.
func (p *Play) Quit() { p.autosave() }

// Resize fits the map to a new window size the first time.
func (p *Play) Resize(w, h int) {
	if w != p.w || h != p.h {
		p.dirty = true
	}
	p.w, p.h = w, h
	if !p.fitted && w > 0 {
		v := p.m.View(p.viewer())
		p.cam = paint.FitCamera(v.Map, w-p.a.panelW, h-p.a.barH)
		p.cam.Y -= float64(p.a.barH) / p.cam.Scale
		p.fitted = true
	}
}

// viewer is the side whose view is drawn: the side to move if a person
// plays it, else the first side a person plays; in a game of AIs alone,
// the side to move.
func (p *Play) viewer() string {
	toMove := p.m.ToMove()
	if p.m.SeatOf(toMove).Person() {
		return toMove
	}
	for _, st := range p.m.Seats() {
		if st.Person() {
			return st.Side
		}
	}
	return toMove
}

// currentView is the viewer's view, worked out once per command; in a
// game of AIs alone, whoever watches sees every side's units and the whole
// map.
func (p *Play) currentView() *rules.View {
	if p.view != nil && p.view.Side == p.viewer() {
		return p.view
	}
	p.view = p.m.View(p.viewer())
	if !p.hasPerson() {
		p.view = p.watched(p.view)
	}
	return p.view
}

// watched is v with every side's own units and nothing out of sight.
func (p *Play) watched(v *rules.View) *rules.View {
	w := *v
	w.Units = nil
	for _, st := range p.m.Seats() {
		for _, u := range p.m.View(st.Side).Units {
			if u.Side == st.Side {
				w.Units = append(w.Units, u)
			}
		}
	}
	w.Visible = make([]bool, len(v.Visible))
	for i := range w.Visible {
		w.Visible[i] = true
	}
	return &w
}

// unit returns the unit as the viewer knows it, or nil.
func (p *Play) unit(id string) *rules.Unit {
	v := p.currentView()
	for i := range v.Units {
		if v.Units[i].ID == id {
			return &v.Units[i]
		}
	}
	return nil
}

// Idle reports whether the last frame drawn is still right: not when a
// lesson's time left has changed by a second since the bar showed it.
func (p *Play) Idle() bool { return !p.dirty && !p.leftChanged() }

// leftChanged reports whether a lesson's time left, in whole seconds, is
// not what the bar last showed.
func (p *Play) leftChanged() bool {
	left, ok := p.a.lesson.left(p.a.now())
	return ok && !p.m.Over() && int(left.Seconds()) != p.shownLeft
}

// Update implements scene: the menu when it is open, else the hand-over,
// a name clicked for the encyclopedia, the AI's turn, the stories, the
// keys and the map, in that order.
func (p *Play) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		p.autosave()
		return nil, errQuit
	}
	if next := p.timeUp(); next != nil {
		return next, nil
	}
	if p.menu != nil {
		p.dirty = true
		return p.updateMenu(in)
	}
	in = p.noteInput(in)
	if p.handover {
		if in.Has(KeyEnter) || in.Click {
			p.handover, p.view = false, nil
		}
		return nil, nil
	}
	if next := p.updateLinks(in); next != nil {
		return next, nil
	}
	if p.updateAI(in) || p.updateStories(in) {
		return nil, nil
	}
	if next, err := p.updateKeys(in); next != nil || err != nil {
		return next, err
	}
	p.updateMap(in)
	return nil, nil
}

// timeUp stops a lesson's game when its time to play is up: the result
// screen says so, and leads on to the questions. It redraws the bar when
// the seconds left change.
func (p *Play) timeUp() scene {
	left, ok := p.a.lesson.left(p.a.now())
	if !ok {
		return nil
	}
	if p.leftChanged() {
		p.dirty = true
	}
	if left > 0 || p.m.Over() {
		return nil
	}
	p.autosave()
	e := newEnd(p.a, p.m)
	e.stopped(fmt.Sprintf("Time is up: the game stopped on turn %d, before its end.", p.m.Turn()))
	return e
}

// updateStories reads the story on screen away with Enter, a click or Esc;
// it reports whether the input went to it.
func (p *Play) updateStories(in Input) bool {
	if len(p.stories) == 0 || !(in.Has(KeyEnter) || in.Click || in.Has(KeyEscape)) {
		return false
	}
	p.stories = p.stories[1:] // read: the next story, or the map again
	return true
}

// Draw implements scene.
func (p *Play) Draw(dst *ebiten.Image) {
	p.dirty = false
	if left, ok := p.a.lesson.left(p.a.now()); ok {
		p.shownLeft = int(left.Seconds()) // the bar's count, redrawn when it changes
	}
	if p.handover {
		dst.Fill(color.RGBA{40, 44, 52, 255})
		drawText(dst, "Pass the screen to "+p.sideName(p.m.ToMove())+". Enter when ready.", 60, 80, p.a.title, color.White)
		return
	}
	if !p.fitted {
		b := dst.Bounds()
		p.Resize(b.Dx(), b.Dy())
	}
	v := p.currentView()
	p.drawMap(dst, v)
	p.drawAnim(dst, v)
	p.drawBar(dst, v)
	p.drawPanel(dst, v)
	p.drawMinimap(dst, v)
	p.drawHover(dst, v)
	p.drawOverlays(dst)
}

// drawMap draws the ground, what the selected unit can reach and its
// route, the keyboard cursor, the ghost of history, the places and the
// counters.
func (p *Play) drawMap(dst *ebiten.Image, v *rules.View) {
	pal := p.a.palette()
	dst.Fill(color.RGBA{70, 80, 90, 255})
	var visible []bool
	if v.Fog {
		visible = v.Visible
	}
	p.terrain.draw(dst, p.a.scratch(dst), v.Map, visible, p.cam, pal, p.grid)
	p.drawSelection(dst)
	if p.ptr.cursorOn {
		cx, cy := p.cam.ToScreen(paint.Unit.Center(p.ptr.cursor))
		vector.StrokeCircle(dst, float32(cx), float32(cy), float32(p.cam.Scale*0.8), 2.5, pal.Select, false)
	}
	p.drawGhost(dst, v)
	paint.Places(canvas(dst), p.a.scratch(dst), v, p.cam, pal, p.a.small.Size, float64(p.w-p.a.panelW))
	paint.Counters(canvas(dst), p.a.scratch(dst), v, p.cam, pal, p.a.small.Size, p.sel.unit, p.sliding())
}

// placeAt returns the place in h, or nil.
func (p *Play) placeAt(h hex.Hex) *rules.Place {
	for i := range p.sc.Places {
		if p.sc.Places[i].Hex == h {
			return &p.sc.Places[i]
		}
	}
	return nil
}
