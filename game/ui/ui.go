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
	"golang.org/x/image/font/gofont/goregular"

	"ili/game/ai"
	"ili/game/scenario"
)

// Options choose what to open.
type Options struct {
	Scenario string   // bundled id or path; "" opens the scenario picker
	Side     string   // the side the person plays; "" the first
	Variants []string // what-if variants
	Seed     uint64
	Opponent ai.Level // the AI's level for the other sides
	Hotseat  bool     // a person plays every side at the same screen
	Palette  *Palette
	Width    int
	Height   int
	Autosave bool // save at the start of every turn in the user's config folder
	// Speed animates the AI's turn: 1 (slow) to 4 shows its commands one by
	// one; 0 or 5 plays it at once. Enter or Space skips to the end of it.
	Speed int
	// Settings are the settings in use, which a settings screen changes;
	// nil in tests.
	Settings *Settings
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

var faceSource = func() *text.GoTextFaceSource {
	s, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		panic(err) // the embedded font is always valid
	}
	return s
}()

func face(size float64) *text.GoTextFace { return &text.GoTextFace{Source: faceSource, Size: size} }

func imageRect(x0, y0, x1, y1 int) image.Rectangle { return image.Rect(x0, y0, x1, y1) }

// scene is one screen of the game.
type scene interface {
	Update(in Input) (scene, error)
	Draw(dst *ebiten.Image)
}

// Game is the ebiten.Game: it gathers input and passes it to the scene.
type Game struct {
	scene    scene
	w, h     int
	input    inputReader
	drawn    bool
	still    bool // nothing came in this frame
	idle     int  // frames in a row with nothing to draw
	settings Settings
	read     func() Input // where input comes from; nil: the keyboard and mouse
}

// Update implements ebiten.Game. Settings keys work on every screen.
func (g *Game) Update() error {
	if ebiten.IsWindowBeingClosed() {
		// The window's close button: keep the game, as quitting does.
		if q, ok := g.scene.(interface{ Quit() }); ok {
			q.Quit()
		}
		return errQuit
	}
	px, py := g.input.lastX, g.input.lastY
	var in Input
	if g.read != nil {
		in = g.read()
		px, py = in.MouseX, in.MouseY
	} else {
		in = g.input.read()
	}
	in.MouseIn = in.MouseX >= 0 && in.MouseY >= 0 && in.MouseX < g.w && in.MouseY < g.h && ebiten.IsFocused()
	g.still = in.still(px, py)
	before := g.settings
	g.settings.apply(in)
	next, err := g.scene.Update(in) // a settings screen may change them too
	if err != nil {
		if errors.Is(err, errQuit) {
			if l, ok := g.scene.(interface{ Leave() }); ok {
				l.Leave()
			}
		}
		return err
	}
	if next != nil && next != g.scene {
		if l, ok := g.scene.(interface{ Leave() }); ok {
			l.Leave()
		}
		g.scene, g.drawn = next, false
		if r, ok := g.scene.(interface{ Resize(w, h int) }); ok {
			r.Resize(g.w, g.h)
		}
	}
	if g.settings != before {
		g.applySettings()
	}
	// Nothing to show for a second: give the processor back between frames.
	if g.idleNow() {
		g.idle++
		if g.idle == 61 {
			// Settled: hand the garbage of the busy frames back to the system.
			debug.FreeOSMemory()
		}
		if g.idle > 60 {
			time.Sleep(40 * time.Millisecond)
		}
	} else {
		g.idle = 0
	}
	return nil
}

// applySettings puts changed settings into effect and keeps them.
func (g *Game) applySettings() {
	if s, ok := g.scene.(interface{ SetPalette(*Palette) }); ok {
		s.SetPalette(g.settings.palette())
	}
	if s, ok := g.scene.(interface{ SetSpeed(int) }); ok {
		s.SetSpeed(g.settings.Speed)
	}
	ebiten.SetFullscreen(g.settings.Fullscreen)
	setScale(g.settings.Scale)
	if s, ok := g.scene.(interface{ Resize(w, h int) }); ok {
		s.Resize(g.w, g.h)
	}
	g.drawn = false
	g.settings.Save()
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
}

// Layout implements ebiten.Game: the game uses the window's size.
func (g *Game) Layout(w, h int) (int, int) {
	if w != g.w || h != g.h {
		g.drawn = false
	}
	g.w, g.h = w, h
	if s, ok := g.scene.(interface{ Resize(w, h int) }); ok {
		s.Resize(w, h)
	}
	return w, h
}

// Run opens the game window and plays until the person quits.
func Run(opt Options) error {
	if !hasDisplay() {
		return ErrNoDisplay
	}
	opt.Autosave = true
	settings := LoadSettings(ebiten.Monitor().DeviceScaleFactor())
	if opt.Palette == nil {
		opt.Palette = settings.palette()
	}
	opt.Speed = settings.Speed
	setScale(settings.Scale)
	w, h := opt.Width, opt.Height
	if w == 0 {
		w, h = 1280, 800
	}
	g := &Game{w: w, h: h, settings: settings}
	opt.Settings = &g.settings
	first, err := firstScene(opt)
	if err != nil {
		return err
	}
	g.scene = first
	if r, ok := first.(interface{ Resize(w, h int) }); ok {
		r.Resize(w, h)
	}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("ili - the Ili Rebellion, 1944-1946")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowClosingHandled(true)
	ebiten.SetFullscreen(settings.Fullscreen)
	err = ebiten.RunGame(g)
	if errors.Is(err, errQuit) {
		return nil
	}
	return err
}

var errQuit = errors.New("quit")

func firstScene(opt Options) (scene, error) {
	if opt.Palette == nil {
		opt.Palette = &Standard
	}
	if opt.Scenario == "" {
		return newTitle(opt), nil
	}
	return newPlay(opt)
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

// Shot renders the first frame of a game of the scenario, w x h, as a PNG.
func Shot(opt Options, w, h int) ([]byte, error) {
	if !hasDisplay() {
		return nil, ErrNoDisplay
	}
	if opt.Palette == nil {
		opt.Palette = &Standard
	}
	sc, err := newPlay(opt)
	if err != nil {
		return nil, err
	}
	return renderScene(sc, w, h)
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
	if err := ebiten.RunGameWithOptions(g, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil && !errors.Is(err, ebiten.Termination) {
		return nil, err
	}
	if g.err != nil {
		return nil, fmt.Errorf("cannot encode the picture: %w", g.err)
	}
	return g.png, nil
}

// loadScenario loads a scenario for the UI.
func loadScenario(opt Options) (*scenario.Scenario, error) {
	return scenario.Load(opt.Scenario, scenario.Options{Variants: opt.Variants})
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
