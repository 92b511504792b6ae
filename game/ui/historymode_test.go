package ui

import (
	"bytes"
	"image/png"
	"os"
	"reflect"
	"strings"
	"testing"

	"ili/game/match"
	"ili/game/scenario"
)

// historyOf opens a scenario's history mode in a 1280x800 window.
func historyOf(t *testing.T, id string) *HistoryMode {
	t.Helper()
	h, err := newHistoryMode(testApp(), Options{Scenario: id, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	h.Resize(1280, 800)
	return h
}

// TestHistoryModeFollowsTheRecord: stepping through each bundled
// scenario's record turn by turn, every checkpoint of the record holds on
// the map at its turn, and stepping back and forward again shows the same
// map at every turn.
func TestHistoryModeFollowsTheRecord(t *testing.T) {
	for _, id := range scenario.Bundled() {
		h := historyOf(t, id)
		views := []any{h.view}
		for h.frame < h.course.Turns() {
			press(t, h, KeyRight)
			views = append(views, h.view)
			for _, cp := range h.sc.History.Course {
				if cp.Turn-1 != h.frame {
					continue
				}
				for _, p := range h.view.Places {
					if p.ID == cp.Place && p.Owner != cp.Side {
						t.Errorf("%s turn %d: %s shown held by %q, by the record (%s) %q", id, h.frame, p.ID, p.Owner, cp.Source, cp.Side)
					}
				}
			}
		}
		if len(views) != h.sc.Turns+1 {
			t.Fatalf("%s: %d frames for %d turns", id, len(views), h.sc.Turns)
		}
		press(t, h, KeyFirst)
		press(t, h, KeyLast)
		for i := len(views) - 1; i >= 0; i-- {
			if !reflect.DeepEqual(views[i], any(h.view)) {
				t.Errorf("%s: turn %d differs stepping back", id, i)
			}
			press(t, h, KeyLeft)
		}
	}
}

// TestHistoryModePlays: Space plays the record at the rate chosen and
// stops at the end; a click on a step's marker jumps to its turn and
// pauses; the panel tells the step with its source.
func TestHistoryModePlays(t *testing.T) {
	h := historyOf(t, "ghulja-1944")
	press(t, h, KeyToggle, KeyFaster) // four turns a second... at 30 frames a turn
	idle := Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
	for range playRates[h.rate] * 3 {
		h.Update(idle)
	}
	if h.frame != 3 || !h.playing {
		t.Errorf("after three turns' time the record shows turn %d (playing %v)", h.frame, h.playing)
	}
	for range playRates[h.rate] * 100 {
		h.Update(idle)
	}
	if h.frame != h.course.Turns() || h.playing {
		t.Errorf("the record does not stop at its end: turn %d, playing %v", h.frame, h.playing)
	}
	last := len(h.sc.History.Steps) - 3
	x, y := h.marker(last)
	h.Update(Input{Held: map[Key]bool{}, MouseX: int(x), MouseY: int(y), Click: true})
	st := h.sc.History.Steps[last]
	if h.frame != st.Turn || h.hover != last {
		t.Errorf("a click on the marker of turn %d shows turn %d", st.Turn, h.frame)
	}
	text := strings.Join(h.narration(400), " ")
	if !strings.Contains(text, st.Title) || !strings.Contains(text, "Source: "+h.sc.Sources[st.Source].Author) {
		t.Errorf("the panel at turn %d reads %q", h.frame, text)
	}
}

// TestTakeCommandFromHistoryMode: taking command at a turn of the record
// sets the game up from there; its briefing tells the record so far, and
// the game begins on the next turn with the record's holders and bodies,
// the game a match taken up at that date plays (same seed, same game).
func TestTakeCommandFromHistoryMode(t *testing.T) {
	h := historyOf(t, "manas-1945")
	for h.frame < 30 {
		press(t, h, KeyRight)
	}
	setup, ok := press(t, h, KeyTake).(*Setup)
	if !ok {
		t.Fatal("T does not set a game up")
	}
	from := setup.sc.TakenFrom()
	if want := h.sc.Setup.TurnTime(31).Format(scenario.FromLayouts[1]); from != want {
		t.Fatalf("taken up at %q, not %q", from, want)
	}
	if back := press(t, setup, KeyEscape); back != scene(h) {
		t.Errorf("Esc from the set-up goes to %T, not back to the record", back)
	}
	n := len(setup.menu.items)
	setup.menu.at = n - 3
	brief, ok := press(t, setup, KeyEnter).(*Briefing)
	if !ok || !strings.Contains(strings.Join(brief.lines, " "), "takes up the record at") {
		t.Fatalf("the briefing does not tell the record so far: %T", brief)
	}
	p, ok := press(t, brief, KeyEnter).(*Play)
	if !ok {
		t.Fatal("the briefing does not begin the game")
	}
	if p.m.Turn() != 31 {
		t.Errorf("the game begins on turn %d", p.m.Turn())
	}
	want := h.course.At(30)
	for _, pl := range p.m.View(p.viewer()).Places {
		if pl.Owner != want.Holders[pl.ID] {
			t.Errorf("%s is held by %q, by the record %q", pl.ID, pl.Owner, want.Holders[pl.ID])
		}
	}
	sc, err := scenario.Load("manas-1945", scenario.Options{From: from})
	if err != nil {
		t.Fatal(err)
	}
	direct, _, err := match.New(sc, p.m.Record().Config)
	if err != nil || direct.Hash() != p.m.Hash() {
		t.Errorf("the game taken up in the window is not the match taken up at %s: %v", from, err)
	}
}

// TestHistoryModeGoldenFrame renders the record of the 1945 offensive in
// August, with the turn's arrows and a step pointed at on the timeline,
// and compares it with testdata/history-mode.png; -update rewrites it.
func TestHistoryModeGoldenFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	h := historyOf(t, "manas-1945")
	i := 0
	for k, st := range h.sc.History.Steps {
		if len(h.course.At(st.Turn).Arrows) > 0 && st.Turn > 5 {
			i = k
			break
		}
	}
	h.show(h.sc.History.Steps[i].Turn)
	x, y := h.marker(i)
	h.Update(Input{Held: map[Key]bool{}, MouseX: int(x), MouseY: int(y)})
	data, err := renderScene(h, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/history-mode.png")
}

// compareGolden compares a rendered frame with a golden PNG (a few levels
// per channel of tolerance for font rendering); -update rewrites it.
func compareGolden(t *testing.T, data []byte, golden string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	got, err1 := png.Decode(bytes.NewReader(data))
	exp, err2 := png.Decode(bytes.NewReader(want))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if got.Bounds() != exp.Bounds() {
		t.Fatalf("size %v, golden %v", got.Bounds(), exp.Bounds())
	}
	if bad := differing(got, exp, 12); bad > got.Bounds().Dx()*got.Bounds().Dy()/200 {
		gotName := strings.TrimSuffix(golden, ".png") + ".got.png"
		os.WriteFile(gotName, data, 0o644)
		t.Errorf("%d pixels differ from %s by more than 12 levels; see %s, and run with -update if the change is intended", bad, golden, gotName)
	}
}
