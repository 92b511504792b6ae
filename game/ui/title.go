package ui

import (
	"fmt"
	"image/color"
	"path"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/paint"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/scenario"
)

// screenSize is the size a scene lays itself out in until told otherwise.
type screenSize struct{ w, h int }

// Resize implements the scenes' Resize.
func (s *screenSize) Resize(w, h int) {
	if w > 0 && h > 0 {
		s.w, s.h = w, h
	}
}

func (s *screenSize) size() (float64, float64) {
	if s.w == 0 {
		return 1280, 800
	}
	return float64(s.w), float64(s.h)
}

// Title is the title screen: a new game, the campaign, the last game, a
// saved game, the encyclopedia, the settings, or quit, over the map of the
// largest scenario.
type Title struct {
	screenSize
	a        *app
	opt      Options // the seed new games start from
	menu     *menu
	autosave string // the autosave's name in the store, if there is one to continue
	status   string
	backdrop *rules.Map // the map drawn behind the menu
	terrain  terrainCache
}

// The title menu's items.
const (
	titleNew = iota
	titleCampaign
	titleContinue
	titleLoad
	titleEncyclopedia
	titleSettings
	titleLab
	titleQuit
)

func newTitle(a *app, opt Options) *Title {
	t := &Title{a: a, opt: opt}
	cont := "Continue the last game"
	if st, err := a.store(); err == nil {
		if g, err := save.ReadStore(st, autosave); err == nil && g.Result == nil {
			t.autosave = autosave
			if g.Title != "" {
				cont = fmt.Sprintf("Continue: %s, turn %d", g.Title, g.Turn)
			}
		} else if err == nil {
			cont = "Continue: the last game is over" // a finished game is not offered again
		}
	}
	quit := "Quit"
	if onWeb {
		quit = "Open a saved game from a file" // a page is left by its tab
	}
	t.menu = newMenu(a, "New game", "The campaign, 1944-1949", cont, "Load a saved game", "Encyclopedia", "Settings", "What-if lab: many games of AIs", quit)
	t.menu.off[titleContinue] = t.autosave == ""
	if sc, err := scenario.Load("manas-1945", scenario.Options{}); err == nil {
		t.backdrop = sc.Setup.Map
	}
	return t
}

// Update implements scene. Q quits; Esc goes to Quit and says that Enter
// quits, but never quits itself, so that a second Esc does not end the
// game unasked (in the browser, where a page is left by its tab, neither
// key does anything).
func (t *Title) Update(in Input) (scene, error) {
	switch {
	case onWeb:
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEscape):
		t.menu.at = titleQuit
		t.status = "Enter quits ili; the arrows or the mouse choose another line."
		return nil, nil
	}
	t.layout()
	switch t.menu.update(in) {
	case titleNew:
		return newPicker(t.a, t.opt), nil
	case titleCampaign:
		c, err := newCampaign(t.a, t.opt)
		if err != nil {
			t.status = "The campaign cannot be opened: " + err.Error()
			return nil, nil
		}
		return c, nil
	case titleContinue:
		p, err := loadStored(t.a, t.autosave)
		if err != nil {
			t.status = "The last game cannot be continued: " + err.Error()
			return nil, nil
		}
		return p, nil
	case titleLoad:
		return newLoadScreen(t.a, t), nil
	case titleEncyclopedia:
		return newEncyclopedia(t.a, t, nil), nil
	case titleSettings:
		return newSettingsScreen(t.a, t), nil
	case titleLab:
		return newLab(t.a, t), nil // lab.go
	case titleQuit:
		if onWeb {
			if err := pickFile(); err != nil {
				t.status = err.Error()
			}
			return nil, nil
		}
		return nil, errQuit
	}
	return nil, nil
}

// Draw implements scene.
func (t *Title) Draw(dst *ebiten.Image) {
	a := t.a
	w, h := t.size()
	dst.Fill(screenFill)
	if t.backdrop != nil {
		cam := paint.FitCamera(t.backdrop, int(w), int(h))
		t.terrain.draw(dst, a.scratch(dst), t.backdrop, nil, cam, a.palette(), false)
		vector.DrawFilledRect(dst, 0, 0, float32(w), float32(h), color.RGBA{20, 22, 28, 170}, false)
	}
	x := t.layout()
	drawText(dst, "ili", x, h*0.12, face(a.title.Size*3), color.White)
	drawText(dst, "The Ili Rebellion, Xinjiang 1944-1946: a wargame at the scale of the record", x+4, h*0.12+a.title.Size*4, a.text, color.RGBA{230, 222, 200, 255})
	t.menu.draw(dst)
	y := t.menu.y + t.menu.height() + 20
	if t.status != "" {
		drawTextLines(dst, a.wrap(t.status, w*0.8, a.small), x, y, h, a.small, color.RGBA{255, 150, 130, 255})
	}
	note := "A contested history with communities on every side: every strength and claim in the game names its source."
	drawText(dst, note, x, h-a.small.Size*3, a.small, color.RGBA{190, 190, 180, 255})
}

// layout places the menu and returns the left margin.
func (t *Title) layout() float64 {
	w, h := t.size()
	x := w * 0.08
	t.menu.place(x, h*0.36, max(320, w*0.3))
	return x
}

// Leave frees the backdrop's picture when the screen is left.
func (t *Title) Leave() { t.terrain.free() }

// LoadScreen lists the saved games, newest first, and opens the one chosen.
type LoadScreen struct {
	screenSize
	a       *app
	back    scene
	entries []save.Entry
	menu    *menu
	status  string
}

func newLoadScreen(a *app, back scene) *LoadScreen {
	l := &LoadScreen{a: a, back: back}
	var items []string
	where := savesDir
	st, err := a.store()
	if err == nil {
		where = st.Where(savesDir)
		l.entries, err = save.ListStore(st, savesDir)
	}
	if err != nil {
		l.status = err.Error()
	}
	for _, e := range l.entries {
		items = append(items, entryLabel(e))
	}
	if onWeb {
		items = append(items, "Open a saved game from a file...")
	}
	items = append(items, "Back")
	l.menu = newMenu(a, items...)
	for i, e := range l.entries {
		l.menu.off[i] = e.Game == nil
	}
	if len(l.entries) == 0 && l.status == "" {
		l.status = "There are no saved games yet in " + where + ". Save with F5 or from the menu during a game."
		if onWeb {
			l.status += " A saved game's file (from this page's downloads or a desktop's ili) opens from a file, or dropped on the page."
		}
	}
	return l
}

// entryLabel is one saved game's line in the list.
func entryLabel(e save.Entry) string {
	name := strings.TrimSuffix(path.Base(e.Path), ".json")
	if e.Game == nil {
		return name + ": cannot be read"
	}
	title := e.Game.Title
	if title == "" {
		title = e.Game.Scenario
	}
	who := "AI against AI"
	switch people := e.Game.People(); {
	case len(people) == 1:
		who = people[0]
	case len(people) > 1:
		who = "two players"
	}
	turn := ""
	if e.Game.Turn > 0 {
		turn = fmt.Sprintf(", turn %d", e.Game.Turn)
	}
	return fmt.Sprintf("%s%s (%s)   %s, saved %s", title, turn, who, name, e.Time.Format("2 Jan 15:04"))
}

// layout places the list for the screen's size.
func (l *LoadScreen) layout() {
	w, _ := l.size()
	l.menu.place(w*0.08, 100, w*0.84)
}

// Update implements scene.
func (l *LoadScreen) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		return nil, errQuit
	}
	if in.Has(KeyEscape) {
		return l.back, nil
	}
	l.layout()
	i := l.menu.update(in)
	switch {
	case i < 0:
	case onWeb && i == len(l.entries):
		if err := pickFile(); err != nil {
			l.status = err.Error()
		}
	case i >= len(l.entries):
		return l.back, nil
	default:
		p, err := loadStored(l.a, l.entries[i].Path)
		if err != nil {
			l.status = err.Error()
			return nil, nil
		}
		if from, ok := l.back.(*Play); ok {
			p.keepCamera(from) // loaded from the game's menu: the map as it was looked at
		}
		return p, nil
	}
	return nil, nil
}

// Draw implements scene.
func (l *LoadScreen) Draw(dst *ebiten.Image) {
	w, h := l.size()
	dst.Fill(screenFill)
	l.layout()
	x := l.menu.x
	drawText(dst, "Load a saved game", x, 40, l.a.title, color.White)
	l.menu.draw(dst)
	if l.status != "" {
		drawTextLines(dst, l.a.wrap(l.status, w*0.84, l.a.small), x, l.menu.y+l.menu.height()+16, h, l.a.small, color.RGBA{255, 190, 160, 255})
	}
}

// SettingsScreen changes the settings kept between runs: interface size,
// palette, the AI's speed and full screen.
type SettingsScreen struct {
	screenSize
	a    *app
	back scene
	s    *Settings // the app's settings, changed in place
	menu *menu
}

func newSettingsScreen(a *app, back scene) *SettingsScreen {
	st := &SettingsScreen{a: a, back: back, s: &a.settings, menu: newMenu(a, "", "", "", "", "Back")}
	st.labels()
	return st
}

func (st *SettingsScreen) labels() {
	pal := "standard"
	if st.s.ColourBlind {
		pal = "colour-blind safe (Okabe-Ito)"
	}
	speed := fmt.Sprintf("%d of 5", st.s.Speed)
	switch {
	case st.s.Speed >= 5:
		speed = "5 of 5: at once"
	case st.s.Speed <= 1:
		speed = "1 of 5: slowest"
	}
	full := "off"
	if st.s.Fullscreen {
		full = "on"
	}
	st.menu.items[0] = fmt.Sprintf("Interface size\t< %.0f%% >   (F3 / F4)", 100*st.s.Scale)
	st.menu.items[1] = "Colours\t< " + pal + " >   (F2)"
	st.menu.items[2] = "AI's turn shown at speed\t< " + speed + " >   ([ and ])"
	st.menu.items[3] = "Full screen\t< " + full + " >   (F11)"
}

// change steps the setting on row i by d.
func (st *SettingsScreen) change(i, d int) {
	s := st.s
	before := *s
	defer func() { st.a.changed(before) }()
	switch i {
	case 0:
		s.Scale = max(0.75, min(3, s.Scale+0.25*float64(d)))
	case 1:
		s.ColourBlind = !s.ColourBlind
	case 2:
		s.Speed = max(1, min(5, s.Speed+d))
	case 3:
		s.Fullscreen = !s.Fullscreen
	}
	st.labels()
}

// layout places the lines for the screen's size.
func (st *SettingsScreen) layout() {
	w, _ := st.size()
	mw := max(560, w*0.5)
	st.menu.place(w*0.08, 100, mw)
	// Wide enough for the widest label and value side by side.
	for _, it := range st.menu.items {
		if _, value, ok := strings.Cut(it, "\t"); ok {
			vw, _ := text.Measure(value, st.a.text, 0)
			mw = max(mw, st.menu.valueX()+vw+20)
		}
	}
	st.menu.place(w*0.08, 100, min(mw, w*0.92-w*0.08))
}

// Update implements scene.
func (st *SettingsScreen) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		return nil, errQuit
	}
	if in.Has(KeyEscape) {
		return st.back, nil
	}
	if d := step(in); d != 0 {
		st.change(st.menu.at, d)
	}
	st.layout()
	switch i := st.menu.update(in); {
	case i == len(st.menu.items)-1:
		return st.back, nil
	case i >= 0:
		st.change(i, 1)
	}
	st.labels() // the keys that work everywhere may have changed them
	return nil, nil
}

// Draw implements scene.
func (st *SettingsScreen) Draw(dst *ebiten.Image) {
	w, h := st.size()
	dst.Fill(screenFill)
	st.layout()
	x := st.menu.x
	drawText(dst, "Settings", x, 40, st.a.title, color.White)
	st.menu.draw(dst)
	help := "Up/Down choose a line; Left/Right, Space, Enter or a click change it; Esc goes back. Settings are kept between runs."
	drawTextLines(dst, st.a.wrap(help, w*0.84, st.a.small), x, st.menu.y+st.menu.height()+16, h, st.a.small, color.RGBA{190, 190, 180, 255})
}
