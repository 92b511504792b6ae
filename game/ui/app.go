package ui

import (
	"fmt"
	"ili/game/files"
	"ili/game/paint"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// app is what every screen shares and reads: the settings in use, and what
// follows from them (the palette, the interface's faces and sizes), with the
// drawing batch and the text already measured. There is one per window;
// screens hold a pointer to it, never a copy, so that a change made on any
// screen or by a key is the change every screen sees.
type app struct {
	settings Settings
	// persist saves the settings when they change (the window; not tests).
	persist bool
	// window applies full screen to the real window (not in tests).
	window bool
	// autosave keeps the game at the start of every turn and on quitting.
	autosave bool
	// st is where games and settings are kept; nil is the player's store,
	// files.UserStore (saves.go).
	st files.Store
	// debriefs is the folder the result screen writes debriefs into, each
	// in a folder of its own; "" is ili/debriefs in the home folder.
	debriefs string
	// lessons is the folder a lesson's games are handed in to; "" is
	// ili/lessons in the home folder.
	lessons string
	// lesson is the lesson under way, from its first screen to the hand-in.
	lesson *lessonRun
	// clock gives the time for a lesson's time limit (nil: the real time).
	clock func() time.Time
	// The faces and sizes of the interface, from settings.Scale.
	small, text, title *text.GoTextFace
	panelW, barH       int
	// batch gathers the triangles a drawing function draws, reused from
	// frame to frame; drawing happens on one goroutine.
	batch paint.Batch
	// wraps keeps text wrapped to a width, so that a redraw measures nothing.
	wraps map[wrapKey][]string
}

// newApp returns the shared state for the settings s.
func newApp(s Settings) *app {
	a := &app{settings: s, wraps: map[wrapKey][]string{}}
	a.fit()
	return a
}

// palette is the palette the settings ask for.
func (a *app) palette() *paint.Palette { return a.settings.palette() }

// speed is how fast the AI's turn is shown: 1 (slow) to 4 step by step;
// 5 (or 0) at once.
func (a *app) speed() int { return a.settings.Speed }

// fit sizes the faces and panels for the interface size (1 = standard,
// kept between 0.75 and 3).
func (a *app) fit() {
	s := math.Max(0.75, math.Min(3, a.settings.Scale))
	a.small, a.text, a.title = face(12*s), face(14*s), face(22*s)
	a.panelW, a.barH = int(300*s), int(28*s)
}

// changed puts settings that changed from before into effect: sizes, full
// screen, and the file that keeps them.
func (a *app) changed(before Settings) {
	if a.settings == before {
		return
	}
	a.fit()
	if a.window && a.settings.Fullscreen != before.Fullscreen {
		ebiten.SetFullscreen(a.settings.Fullscreen)
	}
	if a.persist {
		a.settings.Save()
	}
}

// now is the time, by the app's clock.
func (a *app) now() time.Time {
	if a.clock != nil {
		return a.clock()
	}
	return time.Now()
}

// lessonsDir is the folder lessons' games are handed in to.
func (a *app) lessonsDir() (string, error) {
	if a.lessons != "" {
		return a.lessons, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("there is no home folder to save in: %w", err)
	}
	return filepath.Join(home, "ili", "lessons"), nil
}
