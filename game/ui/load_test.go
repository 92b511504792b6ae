package ui

import (
	"slices"
	"strings"
	"testing"

	"ili/game/hex"
)

// TestLoadKeepsLogAndZoom: a game saved with F5 and loaded with F9 keeps its
// log (the lines of the game's events, replayed as the side knew them) and
// the map as it was zoomed and panned.
func TestLoadKeepsLogAndZoom(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := nilkaAtTheGates(t)
	p.ClickHex(hex.FromOffset(11, 7))
	p.ClickHex(hex.FromOffset(11, 7))
	p.Update(Input{Pressed: []Key{KeyEndTurn}, Held: map[Key]bool{}})
	p.stories = nil
	p.Update(Input{Wheel: 2, MouseX: 300, MouseY: 300, Held: map[Key]bool{}})
	p.Update(Input{Held: map[Key]bool{KeyRight: true}})
	p.Update(Input{Pressed: []Key{KeySave}, Held: map[Key]bool{}})
	played := p.Log()
	next, err := p.Update(Input{Pressed: []Key{KeyLoad}, Held: map[Key]bool{}})
	if err != nil || next == nil {
		t.Fatalf("load: %v, %v\n%s", next, err, strings.Join(p.Log(), "\n"))
	}
	q := next.(*Play)
	loaded := q.Log()
	if len(loaded) == 0 || !strings.HasPrefix(loaded[len(loaded)-1], "loaded ") {
		t.Fatalf("the loaded game's log does not end by saying so:\n%s", strings.Join(loaded, "\n"))
	}
	// What the game said of its events, the replay says again; what the
	// screen said of itself (the save) is not in the record.
	var events []string
	for _, l := range played {
		if !strings.HasPrefix(l, "saved to ") && !strings.HasPrefix(l, "if it wins") {
			events = append(events, l)
		}
	}
	if got := loaded[:len(loaded)-1]; !slices.Equal(got, events) {
		t.Errorf("the loaded log is not the played one:\n%s\n--- played:\n%s", strings.Join(got, "\n"), strings.Join(events, "\n"))
	}
	if !strings.Contains(strings.Join(loaded, "\n"), "attacks Nilka county garrison") {
		t.Error("the attack is not in the loaded log")
	}
	if q.cam != p.cam {
		t.Errorf("the camera was %+v, after loading %+v", p.cam, q.cam)
	}
}

// TestMenuLoadKeepsZoom: a game of the same scenario loaded from the game's
// menu keeps the map's zoom and place, as F9 does.
func TestMenuLoadKeepsZoom(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := nilkaAtTheGates(t)
	p.Update(Input{Wheel: 2, MouseX: 300, MouseY: 300, Held: map[Key]bool{}})
	p.Update(Input{Pressed: []Key{KeySave}, Held: map[Key]bool{}})
	l := newLoadScreen(p.a, p)
	l.Resize(1000, 700)
	for i, e := range l.entries {
		if strings.Contains(e.Path, "quicksave") {
			l.menu.at = i
		}
	}
	next, err := l.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
	q, ok := next.(*Play)
	if err != nil || !ok {
		t.Fatalf("the load screen gave %T, %v (%s)", next, err, l.status)
	}
	if q.cam != p.cam {
		t.Errorf("the camera was %+v, after loading %+v", p.cam, q.cam)
	}
}
