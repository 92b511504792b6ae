package ui

import (
	"testing"

	"ili/game/hex"
)

// TestWholeFlow drives the Game itself, as the window does, with input made
// by hand: title, picker, set-up, briefing, a move and an attack, the end of
// the turn, the menu and a save, then quit; the scenes pass the window's
// size and the settings along as they change hands.
func TestWholeFlow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	defer setScale(1) // the settings screen will make it larger
	var next Input
	settings := Settings{Scale: 1, Speed: 5}
	g := &Game{w: 1280, h: 800, settings: settings, read: func() Input { in := next; next = Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1}; return in }}
	opt := Options{Palette: &Standard, Seed: 4, Speed: 5, Settings: &g.settings, Autosave: true}
	g.scene = newTitle(opt)
	step := func(keys ...Key) {
		t.Helper()
		for _, k := range keys {
			next = Input{Pressed: []Key{k}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
			if err := g.Update(); err != nil {
				t.Fatalf("%T after %v: %v", g.scene, k, err)
			}
		}
	}
	step(KeyEnter) // New game
	if _, ok := g.scene.(*Picker); !ok {
		t.Fatalf("New game opened %T", g.scene)
	}
	step(KeyEnter, KeyEnter, KeyEnter) // Nilka, set-up as it is, briefing
	p, ok := g.scene.(*Play)
	if !ok {
		t.Fatalf("the briefing opened %T", g.scene)
	}
	if p.w != 1280 || p.h != 800 {
		t.Errorf("the game was not told the window's size: %dx%d", p.w, p.h)
	}
	for len(p.stories) > 0 {
		step(KeyEnter)
	}
	p.Select("band-mounted")
	p.ClickHex(hex.FromOffset(11, 8))
	p.ClickHex(hex.FromOffset(11, 7))
	p.ClickHex(hex.FromOffset(11, 7))
	for len(p.stories) > 0 {
		step(KeyEnter)
	}
	turn := p.state.Turn
	step(KeyEndTurn) // the AI plays its phase at once at speed 5
	if p.state.Turn != turn+1 {
		t.Fatalf("the turn did not pass: turn %d", p.state.Turn)
	}
	for len(p.stories) > 0 {
		step(KeyEnter)
	}
	step(KeyMenu) // nothing is selected after the turn: Esc would do as well
	if p.menu == nil {
		t.Fatal("no menu")
	}
	step(KeyDown, KeyDown, KeyDown, KeyEnter) // Settings
	if _, ok := g.scene.(*SettingsScreen); !ok {
		t.Fatalf("Settings opened %T", g.scene)
	}
	step(KeyRight) // larger interface: the game's settings change and are kept
	if g.settings.Scale != 1.25 {
		t.Errorf("the settings screen did not reach the game's settings: %+v", g.settings)
	}
	if back := LoadSettings(1); back.Scale != 1.25 {
		t.Errorf("the change was not saved: %+v", back)
	}
	step(KeyEscape)
	if g.scene != scene(p) {
		t.Fatalf("Esc from the settings went to %T", g.scene)
	}
	if err := func() error { next = Input{Pressed: []Key{KeyQuit}, Held: map[Key]bool{}}; return g.Update() }(); err != errQuit {
		t.Fatalf("Q gave %v", err)
	}
	// Quitting kept the game: the title offers it.
	title := newTitle(opt)
	if title.menu.off[titleContinue] {
		t.Error("no game to continue after quitting")
	}
}
