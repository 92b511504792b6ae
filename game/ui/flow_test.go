package ui

import (
	"testing"

	"ili/game/hex"
	"ili/game/paint"
)

// flow drives a Game as the window does, with input made by hand.
type flow struct {
	t    *testing.T
	g    *Game
	next Input
}

func newFlow(t *testing.T, settings Settings) *flow {
	f := &flow{t: t}
	a := newApp(settings)
	a.persist, a.autosave = true, true
	f.g = &Game{a: a, w: 1280, h: 800, read: func() Input {
		in := f.next
		f.next = Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
		return in
	}}
	f.g.scene = newTitle(a, Options{Seed: 4})
	return f
}

// step presses keys one frame each.
func (f *flow) step(keys ...Key) {
	f.t.Helper()
	for _, k := range keys {
		f.next = Input{Pressed: []Key{k}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
		if err := f.g.Update(); err != nil {
			f.t.Fatalf("%T after %v: %v", f.g.scene, k, err)
		}
	}
}

// play opens a new game of Nilka from the title screen, set up as it is.
func (f *flow) play() *Play {
	f.t.Helper()
	f.step(KeyEnter) // New game
	if _, ok := f.g.scene.(*Picker); !ok {
		f.t.Fatalf("New game opened %T", f.g.scene)
	}
	f.step(KeyEnter, KeyEnter, KeyEnter) // Nilka, set-up as it is, briefing
	p, ok := f.g.scene.(*Play)
	if !ok {
		f.t.Fatalf("the briefing opened %T", f.g.scene)
	}
	for len(p.stories) > 0 {
		f.step(KeyEnter)
	}
	return p
}

// TestWholeFlow drives the Game itself from the title screen through a
// move, an attack, the end of a turn, the settings and quitting; the scenes
// pass the window's size and the settings along as they change hands.
func TestWholeFlow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	f := newFlow(t, Settings{Scale: 1, Speed: 5})
	p := f.play()
	if p.w != 1280 || p.h != 800 {
		t.Errorf("the game was not told the window's size: %dx%d", p.w, p.h)
	}
	p.Select("band-mounted")
	p.ClickHex(hex.FromOffset(11, 8))
	p.ClickHex(hex.FromOffset(11, 7))
	p.ClickHex(hex.FromOffset(11, 7))
	for len(p.stories) > 0 {
		f.step(KeyEnter)
	}
	turn := p.m.Turn()
	f.step(KeyEndTurn) // the AI plays its phase at once at speed 5
	if p.m.Turn() != turn+1 {
		t.Fatalf("the turn did not pass: turn %d", p.m.Turn())
	}
	for len(p.stories) > 0 {
		f.step(KeyEnter)
	}
	f.step(KeyMenu) // nothing is selected after the turn: Esc would do as well
	if p.menu == nil {
		t.Fatal("no menu")
	}
	f.step(KeyDown, KeyDown, KeyDown, KeyEnter) // Settings
	if _, ok := f.g.scene.(*SettingsScreen); !ok {
		t.Fatalf("Settings opened %T", f.g.scene)
	}
	f.step(KeyRight) // larger interface: the game's settings change and are kept
	if f.g.a.settings.Scale != 1.25 || p.a.text.Size != 14*1.25 {
		t.Errorf("the settings screen did not reach the game: %+v, text %.1f", f.g.a.settings, p.a.text.Size)
	}
	if back := LoadSettings(1); back.Scale != 1.25 {
		t.Errorf("the change was not saved: %+v", back)
	}
	f.step(KeyEscape)
	if f.g.scene != scene(p) {
		t.Fatalf("Esc from the settings went to %T", f.g.scene)
	}
	f.next = Input{Pressed: []Key{KeyQuit}, Held: map[Key]bool{}}
	if err := f.g.Update(); err != errQuit {
		t.Fatalf("Q gave %v", err)
	}
	// Quitting kept the game: the title offers it.
	if newTitle(f.g.a, Options{}).menu.off[titleContinue] {
		t.Error("no game to continue after quitting")
	}
}

// TestSettingsReachTheMap: the palette and the AI's speed changed from the
// game's menu are the ones the map is drawn in and the AI's turn is shown
// at; F2 afterwards switches from what is in use; settings changed on the
// title screen reach the game begun after.
func TestSettingsReachTheMap(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	f := newFlow(t, Settings{Scale: 1, Speed: 5})
	p := f.play()
	f.step(KeyMenu, KeyDown, KeyDown, KeyDown, KeyEnter) // the game's settings
	f.step(KeyDown, KeyToggle)                           // colours: colour-blind safe
	f.step(KeyDown, KeyLeft, KeyLeft, KeyLeft)           // AI turns shown: 5 -> 2
	f.step(KeyEscape)
	if f.g.scene != scene(p) {
		t.Fatalf("back from the settings at %T", f.g.scene)
	}
	if p.a.palette() != &paint.ColourBlind || !p.animated() || p.a.speed() != 2 {
		t.Fatalf("the game draws in %v and shows the AI at speed %d", p.a.palette() == &paint.ColourBlind, p.a.speed())
	}
	f.step(KeyPalette) // F2: back to the standard colours, from those in use
	if p.a.palette() != &paint.Standard || f.g.a.settings.ColourBlind {
		t.Error("F2 after the settings screen did not switch the palette in use")
	}
	// From the title screen: the settings, then a new game.
	f = newFlow(t, Settings{Scale: 1, Speed: 5})
	title := f.g.scene.(*Title)
	title.menu.at = titleSettings
	f.step(KeyEnter, KeyDown, KeyToggle, KeyEscape)
	title.menu.at = titleNew
	if p := f.play(); p.a.palette() != &paint.ColourBlind {
		t.Error("a game begun after the title's settings does not use them")
	}
}
