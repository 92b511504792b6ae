package ui

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/scenario"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/paint"
)

// TestTitleEscape: Esc on the title screen goes to Quit and says Enter
// quits; a second Esc does not quit, Enter there does; Q quits at once.
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
	if !strings.Contains(title.status, "Enter quits") {
		t.Errorf("Esc said %q", title.status)
	}
	if _, err := title.Update(esc); err != nil || title.menu.at != titleQuit {
		t.Errorf("Esc on Quit gave %v", err)
	}
	if _, err := title.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1}); err != errQuit {
		t.Errorf("Enter on Quit gave %v", err)
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

// TestContinueNotFinished: a game autosaved when it ended is not offered
// by Continue on the title screen.
func TestContinueNotFinished(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := match.New(sc, match.Config{Scenario: "nilka-1944", Seed: 1, Seats: []match.Seat{{Side: "insurgents", AI: "normal"}, {Side: "provincial", AI: "normal"}}})
	if err != nil {
		t.Fatal(err)
	}
	for !m.Over() {
		if _, ok, err := m.Step(); err != nil || !ok && !m.Over() {
			t.Fatalf("the game stopped: %v", err)
		}
	}
	a := newApp(Settings{Scale: 1, Speed: 5})
	if _, err := a.keep(save.FromMatch(m), "autosave.json"); err != nil {
		t.Fatal(err)
	}
	title := newTitle(a, Options{Seed: 1})
	if !title.menu.off[titleContinue] || !strings.Contains(title.menu.items[titleContinue], "over") {
		t.Errorf("Continue offers the finished game: %q, off %v", title.menu.items[titleContinue], title.menu.off[titleContinue])
	}
}

// TestVerdict: the result screen tells the person who played one side
// whether they won or lost.
func TestVerdict(t *testing.T) {
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"insurgents", "provincial"} {
		var seats []match.Seat
		for _, sd := range sc.Setup.Sides {
			st := match.Seat{Side: sd.ID, AI: "normal"}
			if sd.ID == side {
				st.AI = ""
			}
			seats = append(seats, st)
		}
		m, _, err := match.New(sc, match.Config{Scenario: "nilka-1944", Seed: 1, Seats: seats})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; !m.Over() && i < 10000; i++ {
			if m.PersonToMove() {
				if _, err := m.Give(rules.EndPhase(m.ToMove())); err != nil {
					t.Fatal(err)
				}
			} else if _, _, err := m.Step(); err != nil {
				t.Fatal(err)
			}
		}
		r := m.Result()
		want := ": you lost"
		switch r.Winner {
		case side:
			want = ": you won"
		case "":
			want = ": a draw"
		}
		e := newEnd(newApp(Settings{Scale: 1, Speed: 5}), m)
		if got := e.game[0]; got != "YOUR GAME"+want {
			t.Errorf("playing %s, won by %q: %q", side, r.Winner, got)
		}
	}
}

// TestSettingsValuesClear: at every interface size, each setting's value
// begins right of its label, and the settings fit the window.
func TestSettingsValuesClear(t *testing.T) {
	for _, scale := range []float64{1, 1.5, 2} {
		a := newApp(Settings{Scale: scale, Speed: 3})
		st := newSettingsScreen(a, nil)
		st.Resize(1280, 720)
		st.layout()
		vx := st.menu.valueX()
		for _, it := range st.menu.items {
			label, value, ok := strings.Cut(it, "\t")
			if !ok {
				continue
			}
			lw, _ := text.Measure(label, a.text, 0)
			vw, _ := text.Measure(value, a.text, 0)
			if 14+lw > vx {
				t.Errorf("at %.0f%% %q runs into its value at %.0f", 100*scale, label, vx)
			}
			if st.menu.x+vx+vw > 1280 {
				t.Errorf("at %.0f%% the value %q leaves the window", 100*scale, value)
			}
		}
	}
}
