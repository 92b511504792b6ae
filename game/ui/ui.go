// Package ui is the desktop game on Ebiten, and the only package that
// imports it. Scenes take Input (gathered once a frame, or made by a test)
// and give commands to the rules; they never edit the game's state. The
// renderer reads a side's View.
package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/assets"
	"ili/game/ai"
	"ili/game/lesson"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/scenario"
)

// Options choose what to open: a game to set up or play, or a saved game.
type Options struct {
	Scenario string   // bundled id or path; "" opens the title screen
	Side     string   // the side the person plays; "" the first one the AI does not
	Variants []string // what-if variants
	// Set are KEY=VALUE overrides after the variants, as ili sim --set
	// gives them (a lab's run watched: its strengths and dates).
	Set     []string
	From    string // take command from the record at this date ("" from the start)
	History bool   // open the scenario's course of events in history mode
	// Lesson opens a lesson: its setup locked, its questions at the end.
	Lesson   *lesson.Lesson
	Seed     uint64
	Opponent ai.Level // the AI's level for the sides no person plays
	Hotseat  bool     // a person plays every side the AI does not, at one screen
	// AI gives sides to the AI at a level; when every side is the AI's,
	// the window shows their game.
	AI map[string]ai.Level
	// Load opens a saved game (a batch's kept run too) instead.
	Load string
	// ScenarioDirs are folders of authors' scenarios the picker lists
	// beside the bundled ones and the user's own (scenario.UserDir).
	ScenarioDirs []string
	// SetUp opens the scenario's set-up screen (side, opponent, variants,
	// then the briefing) rather than the game itself.
	SetUp       bool
	Width       int
	Height      int
	ColourBlind bool // the colour-blind-safe palette, whatever the settings say
	// Note is said on the title screen, when it opens first: why a link
	// to the browser's game could not open what it named.
	Note string
	// TestHook lets the browser's page read where the units are (Probe),
	// for the browser test (?test=1).
	TestHook bool
}

// seats are who plays each side of sc.
func (o Options) seats(sc *scenario.Scenario) []match.Seat {
	person := o.Side
	var seats []match.Seat
	for _, sd := range sc.Setup.Sides {
		if lv, ok := o.AI[sd.ID]; ok {
			seats = append(seats, match.Seat{Side: sd.ID, AI: lv.String()})
			continue
		}
		if person == "" {
			person = sd.ID
		}
		st := match.Seat{Side: sd.ID, AI: o.Opponent.String()}
		if o.Hotseat || sd.ID == person {
			st.AI = ""
		}
		seats = append(seats, st)
	}
	return seats
}

// config is the match the options set up.
func (o Options) config(sc *scenario.Scenario) match.Config {
	return match.Config{Scenario: o.Scenario, Variants: o.Variants, Set: o.Set, From: o.From, Seed: o.Seed, Seats: o.seats(sc)}
}

// ErrNoDisplay is returned when there is no display to open a window on.
var ErrNoDisplay = errors.New("there is no display to open the game window on; run it under xvfb-run, or use 'ili sim' for games without a window")

// hasDisplay reports whether a window can be opened.
func hasDisplay() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// faceSource is the interface's font, assets.Font: Go Regular for Latin
// and glyphs for every other script the bundled data uses (Cyrillic,
// Chinese, Uyghur in Arabic script). It is one font, so a face of it is a
// *text.GoTextFace, as every screen holds its faces, and a line that mixes
// scripts is shaped in one go: the runs of Arabic script right to left,
// joined, in their place in a left-to-right line.
var faceSource = func() *text.GoTextFaceSource {
	s, err := text.NewGoTextFaceSource(bytes.NewReader(assets.Font))
	if err != nil {
		panic(err) // the embedded font is always valid
	}
	return s
}()

// face is the interface's font at size pixels.
func face(size float64) *text.GoTextFace { return &text.GoTextFace{Source: faceSource, Size: size} }

func imageRect(x0, y0, x1, y1 int) image.Rectangle { return image.Rect(x0, y0, x1, y1) }

// scene is one screen of the game.
type scene interface {
	Update(in Input) (scene, error)
	Draw(dst *ebiten.Image)
}

// Game is the ebiten.Game: it gathers input and passes it to the scene.
type Game struct {
	a     *app
	scene scene
	w, h  int
	input inputReader
	drawn bool
	still bool          // nothing came in this frame
	idle  int           // frames in a row with nothing to draw
	slept time.Duration // how long the last update rested
	read  func() Input  // where input comes from; nil: the keyboard and mouse
	// frames counts the frames drawn; firstFrame, when set, is called after
	// the first (the browser's page takes its loading notice away).
	frames     int
	ticks      int // updates
	firstFrame func()
	// opened is a saved game the browser's page handed over (a file dropped
	// on the page or picked), opened at the next update.
	opened *openedFile
}

// openedFile is a file the person gave the page.
type openedFile struct {
	name string
	data []byte
}

// Update implements ebiten.Game. Settings keys work on every screen.
func (g *Game) Update() error {
	if g.read == nil && ebiten.IsWindowBeingClosed() {
		// The window's close button: keep the game, as quitting does.
		if q, ok := g.scene.(interface{ Quit() }); ok {
			q.Quit()
		}
		return errQuit
	}
	if f := g.opened; f != nil {
		g.opened = nil
		g.switchTo(openFile(g.a, f))
	}
	g.ticks++
	in := g.nextInput()
	before := g.a.settings
	if g.a.settings.apply(in) {
		g.a.changed(before)
	}
	next, err := g.scene.Update(in) // a settings screen may change them too
	if err != nil && onWeb && errors.Is(err, errQuit) {
		next, err = newTitle(g.a, Options{}), nil // a page is closed by its tab, not quit: back to the title
	}
	if err != nil {
		if errors.Is(err, errQuit) {
			leave(g.scene)
		}
		return err
	}
	g.switchTo(next)
	if g.a.settings != before {
		resize(g.scene, g.w, g.h)
		g.drawn = false
	}
	g.rest()
	return nil
}

// switchTo puts the scene next on the screen, if it is another.
func (g *Game) switchTo(next scene) {
	if next != nil && next != g.scene {
		leave(g.scene)
		g.scene, g.drawn = next, false
		resize(g.scene, g.w, g.h)
	}
}

// nextInput reads a frame of input and notes whether anything came in.
func (g *Game) nextInput() Input {
	px, py := g.input.lastX, g.input.lastY
	var in Input
	if g.read != nil {
		in = g.read()
		px, py = in.MouseX, in.MouseY
	} else {
		in = g.input.read()
		in.MouseIn = ebiten.IsFocused() && pointerOver()
	}
	in.MouseIn = in.MouseIn && in.MouseX >= 0 && in.MouseY >= 0 && in.MouseX < g.w && in.MouseY < g.h
	g.still = in.still(px, py)
	return in
}

// rest gives the processor back between frames when there has been
// nothing to show for a second, or at once, until its next frame is due,
// when the scene paces its own frames (the lab while its games run, which
// need the processor more than the window does: a frame not drawn is not
// presented either, once a few have passed); slept is how long it slept
// this update.
func (g *Game) rest() {
	g.slept = 0
	if !g.idleNow() {
		g.idle = 0
		return
	}
	g.idle++
	if g.idle == 61 {
		// Settled: hand the garbage of the busy frames back to the system.
		debug.FreeOSMemory()
	}
	nap := time.Duration(0)
	if g.idle > 60 {
		nap = 40 * time.Millisecond
	}
	if p, ok := g.scene.(interface{ Paced() time.Duration }); ok {
		nap = max(nap, min(p.Paced(), 100*time.Millisecond))
	}
	if nap > 0 {
		t0 := time.Now()
		time.Sleep(nap)
		g.slept = time.Since(t0)
	}
}

// leave tells a scene that another takes its place.
func leave(sc scene) {
	if l, ok := sc.(interface{ Leave() }); ok {
		l.Leave()
	}
}

// resize tells a scene the window's size.
func resize(sc scene, w, h int) {
	if r, ok := sc.(interface{ Resize(w, h int) }); ok {
		r.Resize(w, h)
	}
}

// idleNow reports whether the last frame drawn is still right: a scene
// that animates says so itself; the others change only with input.
func (g *Game) idleNow() bool {
	if !g.drawn {
		return false
	}
	if s, ok := g.scene.(interface{ Idle() bool }); ok {
		return s.Idle()
	}
	return g.still
}

// Draw implements ebiten.Game. An idle scene keeps the last frame (the
// screen is not cleared between frames).
func (g *Game) Draw(screen *ebiten.Image) {
	if g.idleNow() {
		return
	}
	g.scene.Draw(screen)
	g.drawn = true
	g.frames++
	if g.frames == 1 && g.firstFrame != nil {
		g.firstFrame()
	}
}

// Layout implements ebiten.Game: the game uses the window's size.
func (g *Game) Layout(w, h int) (int, int) {
	if w != g.w || h != g.h {
		g.drawn = false
	}
	g.w, g.h = w, h
	resize(g.scene, w, h)
	return w, h
}

// Run opens the game window and plays until the person quits.
func Run(opt Options) error {
	if !hasDisplay() {
		return ErrNoDisplay
	}
	settings := LoadSettings(ebiten.Monitor().DeviceScaleFactor())
	if onWeb {
		settings.Fullscreen = false // a page goes full screen at a click, not on its own
	}
	if opt.ColourBlind {
		settings.ColourBlind = true
	}
	a := newApp(settings)
	a.persist, a.window, a.autosave = true, true, true
	w, h := opt.Width, opt.Height
	if w == 0 {
		w, h = 1280, 800
	}
	first, err := firstScene(a, opt)
	if err != nil {
		return err
	}
	g := &Game{a: a, scene: first, w: w, h: h}
	resize(first, w, h)
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili - the Ili Rebellion, 1944-1946")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowClosingHandled(true)
	ebiten.SetFullscreen(settings.Fullscreen)
	startWeb(g, opt)
	err = runGame(g, nil)
	if errors.Is(err, errQuit) {
		return nil
	}
	return err
}

var errQuit = errors.New("quit")

// firstScene is the screen the window opens on: a saved game, a game of a
// scenario, or the title screen.
func firstScene(a *app, opt Options) (scene, error) {
	switch {
	case opt.Lesson != nil:
		return newLessonStart(a, opt.Lesson, opt.Seed), nil
	case opt.Load != "":
		return loadPlay(a, opt.Load)
	case opt.Scenario != "" && opt.History:
		return newHistoryMode(a, opt)
	case opt.Scenario != "" && opt.SetUp:
		return newSetup(a, opt)
	case opt.Scenario != "":
		return newPlay(a, opt)
	}
	t := newTitle(a, opt)
	t.status = opt.Note
	return t, nil
}

// shotGame draws one frame of a scene, keeps the pixels and ends.
type shotGame struct {
	scene  scene
	w, h   int
	frames int
	png    []byte
	err    error
}

func (g *shotGame) Update() error {
	if g.png != nil || g.err != nil {
		return ebiten.Termination
	}
	return nil
}

func (g *shotGame) Draw(screen *ebiten.Image) {
	g.scene.Draw(screen)
	g.frames++
	if g.frames < 2 || g.png != nil { // the first frame may come before the window settles
		return
	}
	img := image.NewRGBA(image.Rect(0, 0, g.w, g.h))
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	g.err = png.Encode(&buf, img)
	g.png = buf.Bytes()
}

func (g *shotGame) Layout(int, int) (int, int) { return g.w, g.h }

// ShotOptions are how a shot is taken: its size in pixels and the
// interface's size (1 for 100%; 0 is 1).
type ShotOptions struct {
	Width, Height int
	Scale         float64
	// For a scenario's author: NoFog draws every side's units and the whole
	// map; NoStories leaves the stories out of the log too; Turn (above 1)
	// plays the game on, every side by the AI, to the side's phase of that
	// turn; and
	// AllLabels looks farther for room for the places' names.
	NoFog, NoStories, AllLabels bool
	Turn                        int
}

// Shot renders a game of the scenario as it opens, Width x Height, as a
// PNG, in the standard settings at the interface size asked for, and
// returns what it drew where (the counters, the places' names and the
// panels, in pixels). The map is shown as it is played: the stories that
// open the game are taken as read (the log lists them), so that none
// covers it.
func Shot(opt Options, so ShotOptions) ([]byte, *paint.Layout, error) {
	if !hasDisplay() {
		return nil, nil, ErrNoDisplay
	}
	p, err := shotPlay(opt, so)
	if err != nil {
		return nil, nil, err
	}
	data, err := renderScene(p, so.Width, so.Height)
	if err != nil {
		return nil, nil, err
	}
	return data, p.layout, nil
}

// shotPlay is the game a shot draws, at its size, its stories read, its
// layout kept.
func shotPlay(opt Options, so ShotOptions) (*Play, error) {
	scale := so.Scale
	if scale == 0 {
		scale = 1
	}
	a := newApp(Settings{Scale: scale, Speed: 5, ColourBlind: opt.ColourBlind})
	p, err := newPlay(a, opt)
	if err != nil {
		return nil, err
	}
	p.look = shotLook{reveal: so.NoFog, allLabels: so.AllLabels}
	if so.Turn > p.m.Turn() {
		if err := p.advanceTo(so.Turn); err != nil {
			return nil, err
		}
	}
	if so.NoStories {
		p.dropStories()
	}
	p.stories, p.anims, p.view = nil, nil, nil
	p.layout = &paint.Layout{}
	p.Resize(so.Width, so.Height)
	return p, nil
}

// renderScene opens a window of w x h, draws the scene and returns the frame
// as a PNG. Ebiten runs one game per process, so a process renders once.
func renderScene(sc scene, w, h int) ([]byte, error) {
	if r, ok := sc.(interface{ Resize(w, h int) }); ok {
		r.Resize(w, h)
	}
	g := &shotGame{scene: sc, w: w, h: h}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili")
	if err := runGame(g, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil && !errors.Is(err, ebiten.Termination) {
		return nil, err
	}
	if g.err != nil {
		return nil, fmt.Errorf("cannot encode the picture: %w", g.err)
	}
	return g.png, nil
}

// loadScenario loads the scenario the options name.
func loadScenario(opt Options) (*scenario.Scenario, error) {
	return scenario.Load(opt.Scenario, scenario.Options{Variants: opt.Variants, Set: opt.Set, From: opt.From})
}

// apply changes the settings by the keys pressed and reports a change.
func (s *Settings) apply(in Input) bool {
	changed := true
	switch {
	case in.Has(KeyPalette):
		s.ColourBlind = !s.ColourBlind
	case in.Has(KeySmaller):
		s.Scale = max(0.75, s.Scale-0.25)
	case in.Has(KeyLarger):
		s.Scale = min(3, s.Scale+0.25)
	case in.Has(KeyFull):
		s.Fullscreen = !s.Fullscreen
	case in.Has(KeySlower):
		s.Speed = max(1, s.Speed-1)
	case in.Has(KeyFaster):
		s.Speed = min(5, s.Speed+1)
	default:
		changed = false
	}
	return changed
}
