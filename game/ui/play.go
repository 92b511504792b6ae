package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/encyclopedia"
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
	// home is the scene the game goes back to in place of a new title
	// screen (the lab, for one of its runs watched); nil for the title.
	home  scene
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
	// helpPage is the help's page shown (overlay.go).
	helpPage int
	grid     bool
	// handover hides the map between two people's phases at one screen;
	// lastPerson is the side of the person who last had the screen.
	handover   bool
	lastPerson string
	view       *rules.View // the viewer's view, until the next command
	terrain    terrainCache
	mini       terrainCache
	objectives terrainCache // the help's map of the objectives
	// dirty is set when something on screen may change; an unchanged frame
	// is not drawn again, so an idle game costs almost nothing.
	dirty  bool
	aiTick int
	// course is the scenario's record, turn by turn: the ghost of history.
	course *history.Course
	// shownLeft is the lesson's seconds left that the bar shows.
	shownLeft int
	// fitUI is the interface size the camera's zoom was chosen for.
	fitUI float64
	// frame is what the frame drew where: the counters and names the map's
	// tags and cards keep clear of, and the panels' words; layout, when not
	// nil, is given a copy of it after each frame (ili shot --layout).
	frame  paint.Layout
	layout *paint.Layout
	// look is how a shot for authors draws the game (preview.go).
	look shotLook
	// panelScroll is the first row the side panel shows of a selection
	// too long for it (the wheel over the panel scrolls it).
	panelScroll int
	// autosaid is set once the log has said the game is autosaved.
	autosaid bool
	// shift is whether Shift is held: a click on a stack selects it whole.
	shift bool
	// links are the encyclopedia's entries the log's lines name, kept.
	links map[string]*encyclopedia.Entry
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

// loadPlay opens a saved game: any save, a batch's kept run included. Its
// log is the game's as it was played, by replaying the record: each person
// gets the last lines of what their side may know, a game of AIs alone
// everything.
func loadPlay(a *app, name string) (*Play, error) {
	g, err := save.Read(name)
	if err != nil {
		return nil, err
	}
	return playSaved(a, g, name)
}

// playSaved opens the saved game g, which name says where it was read
// from.
func playSaved(a *app, g *save.Game, name string) (*Play, error) {
	known := map[string][]rules.Event{}
	keep := func(side string, evs []rules.Event) {
		k := append(known[side], evs...)
		if len(k) > 2*logLimit {
			k = slices.Clone(k[len(k)-logLimit:])
		}
		known[side] = k
	}
	see := func(m *match.Match, evs []rules.Event) {
		people := false
		for _, st := range m.Seats() {
			if st.Person() {
				people = true
				keep(st.Side, m.Known(st.Side, evs))
			}
		}
		if !people {
			keep("", evs)
		}
	}
	sc, err := match.ScenarioOf(g.Record)
	var m *match.Match
	if err == nil {
		m, err = match.ReplayWatched(sc, g.Record, see)
	}
	if err == nil && g.Result != nil {
		m, err = g.Replay() // a finished game: the result it states is checked there
	}
	if err != nil {
		return nil, fmt.Errorf("%s does not replay: %w", name, err)
	}
	p := newPlayOf(a, m)
	for side, evs := range known {
		for _, e := range evs {
			p.logs.add(side, p.logLine(e))
		}
	}
	p.say("loaded " + name)
	p.runAI()
	return p, nil
}

// newPlayOf is the scene of a match under way.
func newPlayOf(a *app, m *match.Match) *Play {
	sc := m.Scenario()
	return &Play{a: a, m: m, sc: sc, names: namesOf(sc), grid: true, logs: logbook{}, course: history.New(sc),
		terrain: terrainCache{ground: mapGround}}
}

// Save writes the game so far to name, atomically.
func (p *Play) Save(name string) error { return save.FromMatch(p.m).Write(name) }

// saveAs saves the game in the saved-games folder under base and says so
// in the log.
func (p *Play) saveAs(base string) {
	where, err := p.a.keep(save.FromMatch(p.m), base)
	if err != nil {
		p.say("cannot save: " + err.Error())
		return
	}
	p.say("saved to " + where)
}

// autosave keeps the game as it stands for "Continue" on the title screen
// (a finished game too, so that Continue does not offer it again). The log
// says so once a game, not every turn; a failure every time.
func (p *Play) autosave() {
	if !p.a.autosave || !p.hasPerson() {
		return
	}
	if _, err := p.a.keep(save.FromMatch(p.m), "autosave.json"); err != nil {
		p.say("cannot autosave: " + err.Error())
	} else if !p.autosaid && !p.m.Over() {
		p.say("the game is kept at the start of every turn, for Continue on the title screen")
		p.autosaid = true
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
	p.objectives.free()
}

// Quit keeps the game for "Continue" when the window is closed.
func (p *Play) Quit() { p.autosave() }

// Resize opens the map at its default zoom the first time (openingCamera);
// after, when the interface's size changes, it zooms the map by as much,
// so that the counters grow and shrink with the text.
func (p *Play) Resize(w, h int) {
	if w != p.w || h != p.h {
		p.dirty = true
	}
	p.w, p.h = w, h
	ui := p.uiScale()
	switch {
	case !p.fitted && w > 0:
		p.cam = p.openingCamera()
		p.fitted, p.fitUI = true, ui
	case p.fitted && p.fitUI == 0: // a camera set from outside
		p.fitUI = ui
	case p.fitted && p.fitUI > 0 && ui != p.fitUI:
		mw, mh := float64(w-p.a.panelW), float64(h-p.a.barH)
		p.cam.ZoomAt(ui/p.fitUI, mw/2, float64(p.a.barH)+mh/2, 2, 120)
		p.fitUI, p.dirty = ui, true
	}
}

// OpeningHex is the least size of a hex, centre to corner, in pixels at an
// interface size of 100%, that the map opens at: its counters are then 33
// pixels wide (paint.CounterSize), with their men in 11-pixel figures.
const OpeningHex = 30

// uiScale is the interface's size, 1 for 100%, as the faces and panels
// are sized for it.
func (p *Play) uiScale() float64 { return math.Max(0.75, math.Min(3, p.a.settings.Scale)) }

// openingCamera is the camera the map opens with: the whole map when its
// hexes are then OpeningHex times the interface's size or larger; else
// hexes of that size, so that the counters read and keep apart, over the
// most of the viewer's units a view of the map holds (the minimap shows
// the whole).
func (p *Play) openingCamera() paint.Camera {
	m := p.sc.Setup.Map
	mw, mh := float64(p.w-p.a.panelW), float64(p.h-p.a.barH)
	cam := paint.FitCamera(m, int(mw), int(mh))
	if least := OpeningHex * p.uiScale(); cam.Scale < least {
		cam.Scale = least
		vw, vh := mw/least, mh/least
		cx, cy := p.unitsCentre(vw, vh)
		x0, y0, x1, y1 := paint.MapBounds(m)
		cam.X = keepOn(cx-vw/2, x0, x1, vw)
		cam.Y = keepOn(cy-vh/2, y0, y1, vh)
	}
	cam.Y -= float64(p.a.barH) / cam.Scale
	return cam
}

// keepOn keeps a view of width w starting at x on the map from lo to hi:
// wholly on it when the map is wider, else centred on it.
func keepOn(x, lo, hi, w float64) float64 {
	if hi-lo <= w {
		return (lo + hi - w) / 2
	}
	return math.Max(lo, math.Min(x, hi-w))
}

// unitsCentre is the centre, in world units, of the viewer's units that a
// view of w by h holds the most of: of each unit, the view centred on it is
// tried, and the one holding the most units (the most men, on a tie) is
// centred on the middle of those it holds. Without units on the map, it is
// the map's centre.
func (p *Play) unitsCentre(w, h float64) (float64, float64) {
	v := p.currentView()
	type pt struct {
		x, y float64
		men  int
	}
	var pts []pt
	for _, u := range v.Units {
		if u.Side == v.Side && u.Status == rules.Active {
			x, y := paint.Unit.Center(u.Hex)
			pts = append(pts, pt{x, y, u.Men})
		}
	}
	if len(pts) == 0 {
		x0, y0, x1, y1 := paint.MapBounds(v.Map)
		return (x0 + x1) / 2, (y0 + y1) / 2
	}
	// Counted in a view a little smaller than the window, clear of its edges.
	w, h = w*0.8, h*0.8
	bestN, bestMen := -1, -1
	var bx0, by0, bx1, by1 float64
	for _, c := range pts {
		n, men := 0, 0
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, q := range pts {
			if math.Abs(q.x-c.x) <= w/2 && math.Abs(q.y-c.y) <= h/2 {
				n, men = n+1, men+q.men
				x0, y0, x1, y1 = math.Min(x0, q.x), math.Min(y0, q.y), math.Max(x1, q.x), math.Max(y1, q.y)
			}
		}
		if n > bestN || (n == bestN && men > bestMen) {
			bestN, bestMen = n, men
			bx0, by0, bx1, by1 = x0, y0, x1, y1
		}
	}
	return (bx0 + bx1) / 2, (by0 + by1) / 2
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
	if !p.hasPerson() || p.look.reveal {
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
	if p.updateHelp(in) {
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
	e := p.end()
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
	p.frame = paint.Layout{Width: p.w, Height: p.h, Counters: p.frame.Counters[:0], Labels: p.frame.Labels[:0],
		Panels: p.frame.Panels[:0], Texts: p.frame.Texts[:0]}
	p.drawMap(dst, v)
	p.drawAnim(dst, v)
	p.drawBar(dst, v)
	p.drawPanel(dst, v)
	p.drawMinimap(dst, v)
	p.drawHover(dst, v)
	p.drawOverlays(dst)
	p.frame.Panels = append(p.panels(v), p.frame.Panels...)
	if p.layout != nil {
		l := p.frame
		l.Counters, l.Labels = slices.Clone(l.Counters), slices.Clone(l.Labels)
		l.Panels, l.Texts = slices.Clone(l.Panels), slices.Clone(l.Texts)
		*p.layout = l
	}
}

// noteText notes words a panel shows, w by h at (x, y), in the frame's
// layout.
func (p *Play) noteText(panel, s string, x, y, w, h float64) {
	p.frame.Texts = append(p.frame.Texts, paint.TextBox{Panel: panel, Text: s, Box: paint.Box{X: x, Y: y, W: w, H: h}})
}

// notePanel notes a box drawn over the map (a button, a card) in the
// frame's layout.
func (p *Play) notePanel(name string, b paint.Box) {
	p.frame.Panels = append(p.frame.Panels, paint.PanelBox{Name: name, Box: b})
}

// mapGround is the colour round the map.
var mapGround = color.RGBA{70, 80, 90, 255}

// drawMap draws the ground, what the selected unit can reach and its
// route, the keyboard cursor, the ghost of history, the places and the
// counters.
func (p *Play) drawMap(dst *ebiten.Image, v *rules.View) {
	pal := p.a.palette()
	// The map shows between the bar and the side panel, which are opaque:
	// the ground is drawn there alone.
	ground := dst.SubImage(image.Rect(0, p.a.barH, p.w-p.a.panelW, p.h)).(*ebiten.Image)
	var visible []bool
	if v.Fog {
		visible = v.Visible
	}
	p.terrain.draw(ground, p.a.scratch(ground), v.Map, visible, p.cam, pal, p.grid)
	p.drawSelection(dst)
	if p.ptr.cursorOn {
		cx, cy := p.cam.ToScreen(paint.Unit.Center(p.ptr.cursor))
		vector.StrokeCircle(dst, float32(cx), float32(cy), float32(p.cam.Scale*0.8), 2.5, pal.Select, false)
	}
	p.drawGhost(dst, v)
	paint.Marks(canvas(dst), p.a.scratch(dst), v, p.cam, pal, p.markOptions())
}

// markOptions say how the places and counters are drawn: the names smaller
// as the map is zoomed out from its opening zoom (to 60% of the panels'
// size, and never under 9 pixels), the least important left out when far
// out, within the map clear of the bar, the panel and the hover line's
// first line.
func (p *Play) markOptions() paint.MarkOptions {
	zoom := p.cam.Scale / (OpeningHex * p.uiScale())
	size := p.a.small.Size
	size = math.Max(math.Min(size, size*zoom), math.Min(size, math.Max(9, size*0.6)))
	thin := 0
	switch {
	case zoom < 0.35:
		thin = 8 // places of 2 points or more
	case zoom < 0.6:
		thin = 1 // places that count for something
	}
	area := paint.Box{X: 0, Y: float64(p.a.barH), W: float64(p.w - p.a.panelW), H: float64(p.h-p.a.barH) - p.hoverLineH()}
	return paint.MarkOptions{FontSize: size, Area: area, Selected: p.sel.unit, Hide: p.sliding(), Layout: &p.frame,
		AllLabels: p.look.allLabels, Least: thin}
}

// hoverLineH is the height of the hover line of one line of words.
func (p *Play) hoverLineH() float64 { return p.a.small.Size*1.4 + 8 }

// panels are the boxes drawn over the map this frame, for the layout: the
// bar, the side panel, the minimap, the hover line and the story, help or
// menu open (the help and the menu as the whole window).
func (p *Play) panels(v *rules.View) []paint.PanelBox {
	a := p.a
	mapW := float64(p.w - a.panelW)
	ps := []paint.PanelBox{
		{Name: "bar", Box: paint.Box{X: 0, Y: 0, W: float64(p.w), H: float64(a.barH)}},
		{Name: "panel", Box: paint.Box{X: mapW, Y: float64(a.barH), W: float64(a.panelW), H: float64(p.h - a.barH)}},
	}
	if _, l, t, w, h := p.minimapCam(); p.h >= 400 && w > 0 {
		ps = append(ps, paint.PanelBox{Name: "minimap", Box: paint.Box{X: l - 2, Y: t - 2, W: w + 4, H: h + 4}})
	}
	if p.ptr.on {
		if desc := p.describeHex(p.ptr.hex, v); desc != "" {
			h := a.small.Size*1.4*float64(len(a.wrap(desc, mapW-20, a.small))) + 8
			ps = append(ps, paint.PanelBox{Name: "hover", Box: paint.Box{X: 0, Y: float64(p.h) - h, W: mapW, H: h}})
		}
	}
	if len(p.stories) > 0 {
		b := p.storyBox(p.stories[0])
		ps = append(ps, paint.PanelBox{Name: "story", Box: paint.Box{X: b.x, Y: b.y, W: b.w, H: b.h}})
	}
	whole := paint.Box{X: 0, Y: 0, W: float64(p.w), H: float64(p.h)}
	if p.help {
		ps = append(ps, paint.PanelBox{Name: "help", Box: whole})
	}
	if p.menu != nil {
		ps = append(ps, paint.PanelBox{Name: "menu", Box: whole})
	}
	return ps
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

// end is the game's result screen, which goes back where the game does.
func (p *Play) end() *End {
	e := newEnd(p.a, p.m)
	e.home = p.home
	return e
}

// leave is where the game goes when the person leaves it: home, or a new
// title screen.
func (p *Play) leave() scene {
	if p.home != nil {
		return p.home
	}
	return newTitle(p.a, Options{Seed: p.m.Seed()})
}
