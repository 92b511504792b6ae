package ui

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/rules"
)

// TestShotForAuthors: a shot for a scenario's author (ili shot --no-fog
// --no-stories --turn N --labels all) is the game played on to the start
// of turn N, every side's units drawn whoever's view it is, the stories
// out of the log, and the names clear of each other, the counters and the
// panels; without --no-fog the same turn hides what the side cannot see.
func TestShotForAuthors(t *testing.T) {
	opt := Options{Scenario: "ghulja-1944", Side: "insurgents", Seed: 1}
	so := ShotOptions{Width: 1280, Height: 800, Scale: 1, NoFog: true, NoStories: true, Turn: 3, AllLabels: true}
	p, err := shotPlay(opt, so)
	if err != nil {
		t.Fatal(err)
	}
	if p.m.Turn() != 3 || p.m.ToMove() != "insurgents" {
		t.Errorf("the shot is of turn %d, %s to move; want turn 3, the insurgents' phase", p.m.Turn(), p.m.ToMove())
	}
	truth := p.m.Truth()
	shown := p.currentView()
	if n, want := active(shown.Units), active(truth.Units); n != want {
		t.Errorf("--no-fog shows %d units on the map, of %d", n, want)
	}
	log := strings.Join(p.Log(), "\n")
	for _, n := range p.sc.Setup.Narrative {
		if strings.Contains(log, n.Title) {
			t.Errorf("--no-stories left the story %q in the log:\n%s", n.Title, log)
		}
	}
	if !strings.Contains(log, "turn 3 begins") {
		t.Errorf("the log does not tell the game up to turn 3:\n%s", log)
	}
	img := ebiten.NewImage(so.Width, so.Height)
	defer img.Deallocate()
	p.Draw(img)
	checkLayout(t, p.layout, so, true)

	so.NoFog, so.NoStories = false, false
	fogged, err := shotPlay(opt, so)
	if err != nil {
		t.Fatal(err)
	}
	if n := active(fogged.currentView().Units); n >= active(truth.Units) {
		t.Errorf("without --no-fog the insurgents see all %d units: the test shows nothing", n)
	}
	if !strings.Contains(strings.Join(fogged.Log(), "\n"), p.sc.Setup.Narrative[0].Title) {
		t.Error("without --no-stories the opening story is not in the log")
	}
}

// active counts the units on the map.
func active(us []rules.Unit) int {
	n := 0
	for _, u := range us {
		if u.Status == rules.Active {
			n++
		}
	}
	return n
}
