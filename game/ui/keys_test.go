package ui

import (
	"testing"

	"ili/game/ai"
	"ili/game/paint"
)

// TestTitleEscape: Esc on the title screen goes to Quit and quits only
// from there; Q quits at once.
func TestTitleEscape(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	title := newTitle(newApp(Settings{Scale: 1, Speed: 3}), Options{Seed: 1})
	esc := Input{Pressed: []Key{KeyEscape}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
	if next, err := title.Update(esc); err != nil || next != nil {
		t.Fatalf("the first Esc gave %v, %v", next, err)
	}
	if title.menu.at != titleQuit {
		t.Errorf("Esc highlighted item %d, not Quit", title.menu.at)
	}
	if _, err := title.Update(esc); err != errQuit {
		t.Errorf("Esc on Quit gave %v", err)
	}
	title = newTitle(title.a, Options{Seed: 1})
	if _, err := title.Update(Input{Pressed: []Key{KeyQuit}, Held: map[Key]bool{}}); err != errQuit {
		t.Errorf("Q gave %v", err)
	}
}

// TestTabShowsUnit: Tab centres the map on the unit it selects when that
// unit is off screen, and leaves the map where it is when it is on.
func TestTabShowsUnit(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "manas-1945", Side: "ina", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 720)
	p.stories = nil
	tab := Input{Pressed: []Key{KeyNext}, Held: map[Key]bool{}}
	// on reports whether the selected unit's hex is wholly in cam's view
	// of the map (shown: its centre at least).
	on := func(cam paint.Camera, whole bool) bool {
		u := p.unit(p.sel.unit)
		sx, sy := cam.ToScreen(paint.Unit.Center(u.Hex))
		r := 0.0
		if whole {
			r = cam.Scale
		}
		return sx >= r && sx <= float64(p.w-p.a.panelW)-r && sy >= float64(p.a.barH)+r && sy <= float64(p.h)-r
	}
	onScreen := func() bool { return on(p.cam, false) }
	ready := len(p.m.Query(p.m.ToMove()).Ready())
	if ready < 2 {
		t.Fatalf("%d units ready", ready)
	}
	stayed := 0
	for range ready {
		p.cam.X += 1e4 // far off the map: every unit off screen
		p.Update(tab)
		if p.sel.unit == "" || !onScreen() {
			t.Fatalf("Tab selected %q off screen", p.sel.unit)
		}
		cam := p.cam
		p.Update(tab)
		if p.sel.unit == "" || !onScreen() {
			t.Fatalf("Tab selected %q off screen", p.sel.unit)
		}
		switch {
		case p.cam == cam:
			stayed++
		case on(cam, true):
			t.Errorf("Tab moved the map to %s, on screen already", p.sel.unit)
		}
	}
	if stayed == 0 {
		t.Error("Tab moved the map even to a unit on screen")
	}
}
