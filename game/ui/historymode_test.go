package ui

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"reflect"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/scenario"

	"github.com/hajimehoshi/ebiten/v2"
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
	if h.frame != 3 || !h.playing || h.Idle() {
		t.Errorf("after three turns' time the record shows turn %d (playing %v, idle %v): the window would not redraw it", h.frame, h.playing, h.Idle())
	}
	for range playRates[h.rate] * 100 {
		h.Update(idle)
	}
	if h.frame != h.course.Turns() || h.playing {
		t.Errorf("the record does not stop at its end: turn %d, playing %v", h.frame, h.playing)
	}
	h.Draw(ebiten.NewImage(1280, 800))
	if h.Update(idle); !h.Idle() {
		t.Error("a paused record with nothing new is drawn again every frame")
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
	if bar := h.barText(); !strings.Contains(bar, "turn 31/62 begins, "+h.sc.Setup.TurnTime(31).Format("2 Jan 2006 15:04")) {
		t.Errorf("the bar at frame 30 reads %q: it must name the moment a game taken up here begins", bar)
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

// TestHistoryModeGoesBack: Esc in a record opened from a game's set-up
// returns to the set-up; opened by itself, to the title screen.
func TestHistoryModeGoesBack(t *testing.T) {
	next, err := newSetup(testApp(), Options{Scenario: "nilka-1944", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	setup := next.(*Setup)
	setup.menu.at = len(setup.menu.items) - 2
	h, ok := press(t, setup, KeyEnter).(*HistoryMode)
	if !ok {
		t.Fatal("'Watch the record' does not open the record")
	}
	if back := press(t, h, KeyEscape); back != scene(setup) {
		t.Errorf("Esc goes to %T, not back to the set-up", back)
	}
	if _, ok := press(t, historyOf(t, "nilka-1944"), KeyEscape).(*Title); !ok {
		t.Error("Esc from a record opened by itself does not go to the title screen")
	}
}

// TestSetupFromTheRecordReads: the set-up of ghulja-1944 taken up on 10
// November keeps the briefing's paragraphs, the record so far first, and
// names the insurgents within their row (up to the bracket of their long
// name); the briefing page, longer than the screen, scrolls with the
// wheel and the arrows and no further than its end.
func TestSetupFromTheRecordReads(t *testing.T) {
	opt := Options{Scenario: "ghulja-1944", Seed: 1, From: "1944-11-10"}
	next, err := newSetup(testApp(), opt)
	if err != nil {
		t.Fatal(err)
	}
	s := next.(*Setup)
	s.Resize(1280, 800)
	s.layout()
	label, value, _ := strings.Cut(s.menu.items[0], "\t")
	if label != "You play" || value != "< Ghulja insurgents >" || !s.fits(value, s.valueRoom()) {
		t.Errorf("the side's row reads %q %q in %.0f pixels", label, value, s.valueRoom())
	}
	about := s.about(600, 2000)
	if len(about) < 6 || about[0] != s.sc.Setup.Sides[0].Name || about[1] != "" || !strings.HasPrefix(about[2], "This game takes up the record") {
		t.Fatalf("the set-up shows the briefing as %q", about)
	}
	blank := 0
	for _, l := range about[2:] {
		if l == "" {
			blank++
		}
	}
	if paras := strings.Count(strings.TrimSpace(s.sc.Setup.Sides[0].Briefing), "\n\n") + 1; blank != paras {
		t.Errorf("%d paragraphs shown of the briefing's %d", blank, paras)
	}
	if cut := s.about(600, 300); len(cut) > 300/int(s.a.text.Size*1.45)+1 || !strings.Contains(cut[len(cut)-1], "briefing goes on") {
		t.Errorf("a briefing longer than the room is not cut with a note: %q", cut)
	}

	next, err = newBriefing(testApp(), opt)
	if err != nil {
		t.Fatal(err)
	}
	b := next.(*Briefing)
	b.Resize(1280, 800)
	_, _, lines, fit := b.page()
	if len(lines) <= fit {
		t.Fatalf("the briefing has %d lines for %d on the screen: the test needs a long one", len(lines), fit)
	}
	press(t, b, KeyDown)
	if b.scroll != 3 {
		t.Errorf("Down scrolls the briefing to line %d", b.scroll)
	}
	b.Update(Input{Held: map[Key]bool{}, Wheel: 1})
	if b.scroll != 0 {
		t.Errorf("the wheel up scrolls the briefing to line %d", b.scroll)
	}
	for range 100 {
		b.Update(Input{Held: map[Key]bool{}, Wheel: -1})
	}
	if b.scroll != len(lines)-fit {
		t.Errorf("scrolled to the end, the briefing starts at line %d of %d (%d on the screen)", b.scroll, len(lines), fit)
	}
	if !strings.Contains(strings.Join(lines[b.scroll:], " "), "The scenario's own briefing, as it opens on 7 November, follows") {
		t.Error("the briefing's end does not say that the scenario's own briefing follows")
	}
}

// TestHistoryModePanelScrolls: at the end of ghulja-1944 the panel's three
// steps are longer than it; the wheel over the panel and Down scroll them
// (and do not zoom the map) down to the last step's source, no further; a
// new frame starts at the top.
func TestHistoryModePanelScrolls(t *testing.T) {
	h := historyOf(t, "ghulja-1944")
	press(t, h, KeyLast)
	lines, fit := h.panelPage()
	if len(lines) <= fit {
		t.Fatalf("%d lines in a panel of %d: the test needs more", len(lines), fit)
	}
	cam := h.cam
	over := Input{Held: map[Key]bool{}, MouseX: 1280 - h.a.panelW/2, MouseY: 300, Wheel: -1}
	h.Update(over)
	if h.scroll != 3 || h.cam != cam {
		t.Errorf("the wheel over the panel scrolls it to line %d and moves the map from %+v to %+v", h.scroll, cam, h.cam)
	}
	press(t, h, KeyDown)
	if h.scroll != 6 {
		t.Errorf("Down scrolls the panel to line %d", h.scroll)
	}
	for range 100 {
		h.Update(over)
	}
	if h.scroll != len(lines)-fit {
		t.Errorf("the panel scrolls to line %d of %d (%d shown)", h.scroll, len(lines), fit)
	}
	last := h.sc.History.Steps[len(h.sc.History.Steps)-1]
	if tail := strings.Join(lines[h.scroll:], " "); !strings.Contains(tail, "Source: "+latin(h.sc.Cite(last.Source))) {
		t.Errorf("scrolled to its end the panel reads %q, without the last step's source", tail)
	}
	press(t, h, KeyUp)
	if h.scroll != len(lines)-fit-3 {
		t.Errorf("Up scrolls the panel to line %d", h.scroll)
	}
	press(t, h, KeyLeft)
	if h.scroll != 0 {
		t.Errorf("a new frame's narration starts at line %d", h.scroll)
	}
	h.Update(Input{Held: map[Key]bool{}, MouseX: 300, MouseY: 300, Wheel: 1})
	if h.cam.Scale <= cam.Scale || h.scroll != 0 {
		t.Errorf("the wheel over the map zooms it from %.2f to %.2f and scrolls the panel to %d", cam.Scale, h.cam.Scale, h.scroll)
	}
}

// TestHistoryModeKeepsTheMap: however far the map is zoomed and dragged,
// some of it stays in its part of the screen; F fits it to the window
// again.
func TestHistoryModeKeepsTheMap(t *testing.T) {
	h := historyOf(t, "manas-1945")
	fitted := h.cam
	inView := func() (w, ht float64) {
		mw, mh := h.mapArea()
		x0, y0, x1, y1 := paint.MapBounds(h.sc.Setup.Map)
		sx0, sy0 := h.cam.ToScreen(x0, y0)
		sx1, sy1 := h.cam.ToScreen(x1, y1)
		return min(sx1, mw) - max(sx0, 0), min(sy1, mh) - max(sy0, float64(h.a.barH))
	}
	idle := Input{Held: map[Key]bool{}, MouseX: 300, MouseY: 300}
	for _, drag := range [][2]int{{100000, 0}, {-100000, 0}, {0, 100000}, {0, -100000}, {-100000, 100000}} {
		for _, wheel := range []float64{30, -30} {
			in := idle
			in.Wheel = wheel
			h.Update(in)
			in = idle
			in.DragDX, in.DragDY = drag[0], drag[1]
			h.Update(in)
			if w, ht := inView(); w < 50 || ht < 50 {
				t.Errorf("zoomed by %v and dragged by %v, %.0f x %.0f pixels of the map are in view", wheel, drag, w, ht)
			}
		}
	}
	press(t, h, KeyFit)
	if h.cam != fitted {
		t.Errorf("F shows the map at %+v, not fitted at %+v", h.cam, fitted)
	}
}

// TestHistoryModeLegend: the legend names every side of every bundled
// scenario in its colour, and the timeline's two kinds of marker.
func TestHistoryModeLegend(t *testing.T) {
	for _, id := range scenario.Bundled() {
		h := historyOf(t, id)
		rows := h.legend()
		pal := h.a.palette()
		for i, sd := range h.sc.Setup.Sides {
			if i >= len(rows) || strings.Join(rows[i].lines, " ") != latin(sd.Name) || rows[i].marks[0] != pal.Sides[i%len(pal.Sides)] {
				t.Errorf("%s: the legend does not name %s in its colour: %+v", id, sd.Name, rows)
			}
		}
		last := rows[len(rows)-1]
		if !last.diamond || len(last.marks) != len(h.sc.Setup.Sides) || !rows[len(rows)-2].diamond || rows[len(rows)-2].marks[0] != stepAmber {
			t.Errorf("%s: the legend does not explain the timeline's markers: %+v", id, rows)
		}
		if top := h.panelTop(); top < float64(h.a.barH)+h.legendHeight() {
			t.Errorf("%s: the narration begins at %.0f, over the legend", id, top)
		}
	}
}

// TestHistoryModeNamesWhatIsPointedAt: the pointer on a counter names its
// unit with its men and side; on a place without counters, the place and
// its holder; off the map, nothing.
func TestHistoryModeNamesWhatIsPointedAt(t *testing.T) {
	h := historyOf(t, "manas-1945")
	h.show(10)
	point := func(x, y float64) []string {
		h.Update(Input{Held: map[Key]bool{}, MouseX: int(x), MouseY: int(y)})
		return h.tip
	}
	u := h.view.Units[0]
	x, y := h.cam.ToScreen(paint.Unit.Center(u.Hex))
	want := fmt.Sprintf("%s: %d men, %s", u.Name, u.Men, h.sc.SideName(u.Side))
	if tip := strings.Join(point(x, y), " "); !strings.Contains(tip, latin(want)) {
		t.Errorf("the pointer on %s's counter shows %q, not %q", u.ID, tip, want)
	}
	named := ""
	for _, p := range h.view.Places {
		empty := true
		for _, u := range h.view.Units {
			empty = empty && u.Hex != p.Hex
		}
		if !empty || p.Owner == "" {
			continue
		}
		x, y := h.cam.ToScreen(paint.Unit.Center(p.Hex))
		if mw, _ := h.mapArea(); x >= mw {
			continue
		}
		if tip := strings.Join(point(x, y), " "); !strings.Contains(tip, p.Name) || !strings.Contains(tip, "held by "+h.sc.SideName(p.Owner)) {
			t.Errorf("the pointer on %s shows %q", p.ID, tip)
		}
		named = p.ID
		break
	}
	if named == "" {
		t.Error("no place without counters held by a side on the screen: the test needs one")
	}
	if tip := point(1280-float64(h.a.panelW)/2, 400); tip != nil {
		t.Errorf("the pointer on the panel shows %q on the map", tip)
	}
}

// TestTakeCommandAtTheEnd: T on the record's last frame stays in the
// record and says why, for a few seconds or until the next key.
func TestTakeCommandAtTheEnd(t *testing.T) {
	h := historyOf(t, "nilka-1944")
	if next := press(t, h, KeyLast, KeyTake); next != scene(h) || h.note != atTheEnd || h.Idle() {
		t.Fatalf("T at the end goes to %T, noting %q (idle %v)", next, h.note, h.Idle())
	}
	idle := Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1}
	for range noteTime - 1 {
		h.Update(idle)
	}
	if h.note == "" {
		t.Error("the note is gone before its time")
	}
	if h.Update(idle); h.note != "" {
		t.Errorf("the note is still there after %d frames", noteTime)
	}
	press(t, h, KeyTake)
	if press(t, h, KeyFaster); h.note != "" {
		t.Error("a key does not take the note away")
	}
	w, _ := h.size()
	x := eachButton(historyButtons, h.a.small, w, func(b barButton, left, bw float64) bool { return b.key == KeyTake })
	if x != KeyTake {
		t.Fatal("no button to take command")
	}
	eachButton(historyButtons, h.a.small, w, func(b barButton, left, bw float64) bool {
		if b.key == KeyTake {
			h.Update(Input{Held: map[Key]bool{}, MouseX: int(left + bw/2), MouseY: h.a.barH / 2, Click: true})
		}
		return false
	})
	if h.note != atTheEnd {
		t.Error("the button to take command at the end says nothing")
	}
}

// TestHistoryModeFrom: ili play SCENARIO --history --from DATE opens the
// record at the frame a game taken up at that date begins from (T there
// takes up the same game as --from); the scenario's start opens it at the
// opening, and a date out of the turns is refused as --from refuses it.
func TestHistoryModeFrom(t *testing.T) {
	for _, from := range []string{"1945-08-01", "1945-08-01T06:00", "1945-08-01T06:01", "1945-07-21T06:00", "1945-09-20"} {
		next, err := firstScene(testApp(), Options{Scenario: "manas-1945", History: true, From: from, Seed: 1})
		if err != nil {
			t.Fatalf("--history --from %s: %v", from, err)
		}
		h := next.(*HistoryMode)
		taken, err := scenario.Load("manas-1945", scenario.Options{From: from})
		if err != nil {
			t.Fatal(err)
		}
		want := max(0, taken.Setup.FirstTurn-1)
		if h.frame != want {
			t.Errorf("--history --from %s opens at frame %d, not %d", from, h.frame, want)
		}
		at, _ := scenario.ParseFrom(from)
		if begins := h.sc.Setup.TurnTime(h.frame + 1); begins.Before(at) || h.frame > 0 && !h.sc.Setup.TurnTime(h.frame).Before(at) {
			t.Errorf("--history --from %s shows the turn that begins at %v", from, begins)
		}
		if h.opt.From != "" || h.frame == 0 {
			continue
		}
		h.Resize(1280, 800)
		if s, ok := press(t, h, KeyTake).(*Setup); !ok || s.sc.TakenFrom() != taken.TakenFrom() {
			t.Errorf("T at --from %s does not take up the game --from takes up (%q)", from, taken.TakenFrom())
		}
	}
	if _, err := firstScene(testApp(), Options{Scenario: "manas-1945", History: true, From: "1944-01-01", Seed: 1}); err == nil ||
		!strings.Contains(err.Error(), "take command at a moment between them") {
		t.Errorf("--history --from a date before the scenario: %v", err)
	}
}

// TestResultOfAGameTakenUp: the result screen of a game taken up from the
// record says from which turn the game is the player's.
func TestResultOfAGameTakenUp(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", From: "1944-10-09", Seed: 3, AI: map[string]ai.Level{"insurgents": ai.Normal, "provincial": ai.Normal}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.m.Over() {
		t.Fatal("a game of AIs alone is not played out as it opens")
	}
	e := newEnd(p.a, p.m)
	want := fmt.Sprintf("took up the record at the start of turn %d", p.sc.Setup.FirstTurn)
	if !strings.Contains(strings.Join(e.lines, "\n"), want) {
		t.Errorf("the result screen does not say %q", want)
	}
}
