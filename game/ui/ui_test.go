package ui

import (
	"flag"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/save"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// testApp is the shared state of a window in the standard settings, with
// the AI's turns played at once, and nothing saved.
func testApp() *app { return newApp(Settings{Scale: 1, Speed: 5}) }

// nilkaAtTheGates is nilka-1944 with the mounted band moved next to the town.
func nilkaAtTheGates(t *testing.T) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	if len(p.stories) != 2 || p.stories[0].ID != "rising" {
		t.Fatalf("the opening events are not shown: %+v", p.stories)
	}
	p.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}})
	p.Update(Input{Click: true, Held: map[Key]bool{}})
	if len(p.stories) != 0 {
		t.Fatal("Enter and a click did not dismiss the two stories")
	}
	p.Select("band-mounted")
	if p.sel.unit != "band-mounted" || len(p.sel.reach) == 0 {
		t.Fatalf("cannot select the mounted band: %q, %d hexes", p.sel.unit, len(p.sel.reach))
	}
	// Hovering a reachable hex shows the route and its cost.
	tx, ty := p.cam.ToScreen(paint.Unit.Center(hex.FromOffset(11, 8)))
	p.Update(Input{MouseX: int(tx), MouseY: int(ty), Held: map[Key]bool{}})
	if len(p.sel.path) < 2 || p.sel.path[len(p.sel.path)-1] != hex.FromOffset(11, 8) || p.sel.cost <= 0 {
		t.Fatalf("no route shown to the hex under the mouse: %v (%d min)", p.sel.path, p.sel.cost)
	}
	p.ClickHex(hex.FromOffset(11, 8)) // the bank below the town
	if u := p.unit("band-mounted"); u.Hex != hex.FromOffset(11, 8) {
		t.Fatalf("the click did not move the band: it is at %s\n%s", rules.Label(u.Hex), strings.Join(p.Log(), "\n"))
	}
	return p
}

// TestPlayScene drives the play scene as a person would, without pixels:
// select, move, preview an attack, commit it, end the turn; then replays the
// same commands on a fresh game and finds the same state hash, as a saved
// game must.
func TestPlayScene(t *testing.T) {
	p := nilkaAtTheGates(t)
	nilka := hex.FromOffset(11, 7)
	p.ClickHex(nilka)
	if p.sel.preview == nil {
		t.Fatalf("no attack preview: %s", strings.Join(p.Log(), "\n"))
	}
	sum := 0.0
	for _, o := range p.sel.preview.Odds {
		sum += o
	}
	if sum < 0.99 || sum > 1.01 || len(p.sel.preview.Factors) == 0 {
		t.Errorf("preview odds sum to %.2f with %d factors", sum, len(p.sel.preview.Factors))
	}
	// The band took the ford on its way: that is not taken back. The foot
	// band's march is, until the attack.
	if p.Undo() {
		t.Fatal("a move that took a place was taken back")
	}
	p.Select("band-foot")
	from := p.unit("band-foot").Hex
	p.ClickHex(hex.FromOffset(12, 11))
	if p.unit("band-foot").Hex == from || !p.Undo() || p.unit("band-foot").Hex != from {
		t.Fatalf("the foot band's march could not be taken back:\n%s", strings.Join(p.Log(), "\n"))
	}
	p.Select("band-mounted")
	p.ClickHex(nilka)
	p.ClickHex(nilka)
	if !strings.Contains(strings.Join(p.Log(), "\n"), "attacks Nilka county garrison") {
		t.Fatalf("the second click did not attack:\n%s", strings.Join(p.Log(), "\n"))
	}
	if p.Undo() {
		t.Error("an attack was taken back")
	}
	turn := p.m.Turn()
	p.Update(Input{Pressed: []Key{KeyEndTurn}, Held: map[Key]bool{}})
	if p.m.Turn() != turn+1 || p.m.ToMove() != "insurgents" {
		t.Errorf("after ending the phase: turn %d, %s to move; want turn %d, insurgents", p.m.Turn(), p.m.ToMove(), turn+1)
	}
	// The camera pans with the keys and zooms at the cursor.
	cam := p.cam
	p.Update(Input{Held: map[Key]bool{KeyRight: true}})
	if p.cam.X <= cam.X {
		t.Error("the right key did not pan the map")
	}
	p.stories = nil // read whatever the new turn brought
	// The screen's edge pans the map too.
	edgeCam := p.cam
	p.Update(Input{MouseIn: true, MouseX: 1, MouseY: 300, Held: map[Key]bool{}})
	if p.cam.X >= edgeCam.X {
		t.Error("the mouse at the left edge did not pan the map")
	}
	// A click on the minimap moves the view there.
	_, l, top, w, h := p.minimapCam()
	before := p.cam
	p.Update(Input{Click: true, MouseX: int(l + w - 3), MouseY: int(top + h - 3), Held: map[Key]bool{}})
	if p.cam == before {
		t.Error("a click on the minimap did not move the view")
	}
	wx, wy := p.cam.ToWorld(300, 200)
	p.Update(Input{Wheel: 1, MouseX: 300, MouseY: 200, Held: map[Key]bool{}})
	if ax, ay := p.cam.ToWorld(300, 200); p.cam.Scale <= cam.Scale || abs(ax-wx) > 1e-9 || abs(ay-wy) > 1e-9 {
		t.Error("zoom is not anchored at the cursor")
	}
}

// TestSaveLoad plays, saves with F5, loads with F9 and finds the same game:
// the same state hash and the same commands; the autosave exists after a turn.
func TestSaveLoad(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := nilkaAtTheGates(t)
	p.a.autosave = true
	p.ClickHex(hex.FromOffset(11, 7))
	p.ClickHex(hex.FromOffset(11, 7))
	p.Update(Input{Pressed: []Key{KeyEndTurn}, Held: map[Key]bool{}})
	p.Update(Input{Pressed: []Key{KeySave}, Held: map[Key]bool{}})
	next, err := p.Update(Input{Pressed: []Key{KeyLoad}, Held: map[Key]bool{}})
	if err != nil || next == nil {
		t.Fatalf("load: %v, %v\n%s", next, err, strings.Join(p.Log(), "\n"))
	}
	q := next.(*Play)
	if q.m.Hash() != p.m.Hash() || q.m.Commands() != p.m.Commands() || q.m.Turn() != p.m.Turn() {
		t.Errorf("loaded game differs: hash %s vs %s, %d vs %d commands", q.m.Hash(), p.m.Hash(), q.m.Commands(), p.m.Commands())
	}
	dir, _ := save.Dir()
	if _, err := os.Stat(filepath.Join(dir, "autosave.json")); err != nil {
		t.Errorf("no autosave after a turn: %v", err)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestGoldenFrame renders the map, the counters and the attack preview and
// compares the frame with testdata/nilka-preview.png (a few levels per
// channel of tolerance for font rendering); -update rewrites it.
func TestGoldenFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	p := nilkaAtTheGates(t)
	p.ClickHex(hex.FromOffset(11, 7)) // open the preview
	p.cam = paint.Camera{X: 8, Y: 5, Scale: 26}
	p.fitted = true
	data, err := renderScene(p, 1000, 700)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/nilka-preview.png")
}

func differing(a, b image.Image, tol int) int {
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if d(r1, r2) > tol || d(g1, g2) > tol || d(b1, b2) > tol {
				n++
			}
		}
	}
	return n
}

func d(a, b uint32) int {
	x := int(a>>8) - int(b>>8)
	if x < 0 {
		return -x
	}
	return x
}

// TestEndScreen plays a game to its end (both sides by the AI) and opens the
// result, which sets the outcome beside history and gives the epilogue.
func TestEndScreen(t *testing.T) {
	ais := map[string]ai.Level{"insurgents": ai.Normal, "provincial": ai.Greedy}
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Seed: 2, AI: ais})
	if err != nil {
		t.Fatal(err)
	}
	if !p.m.Over() {
		t.Fatal("the game did not end")
	}
	p.stories = nil // read
	next, _ := p.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}})
	e, ok := next.(*End)
	if !ok {
		t.Fatalf("Enter at the end opened %T", next)
	}
	all := strings.Join(e.lines, "\n")
	for _, want := range []string{"IN HISTORY", "victory points", "men lost", "Ghulja itself rose", "THE COURSE OF EVENTS", "7 Oct 1944, Nilka (Gongha): Provincial garrison in history"} {
		if !strings.Contains(all, want) {
			t.Errorf("the result lacks %q:\n%s", want, all)
		}
	}
}

// TestPickerToPlay drives the start screens: pick a scenario, choose the
// other side, a variant and an opponent, read the briefing and begin.
func TestPickerToPlay(t *testing.T) {
	press := func(sc scene, k Key) scene {
		next, err := sc.Update(Input{Pressed: []Key{k}, Held: map[Key]bool{}})
		if err != nil {
			t.Fatal(err)
		}
		if next != nil {
			return next
		}
		return sc
	}
	var sc scene = newPicker(testApp(), Options{Seed: 1})
	for sc.(*Picker).ids[sc.(*Picker).menu.at] != "nilka-1944" {
		sc = press(sc, KeyDown)
	}
	sc = press(sc, KeyEnter)
	setup, ok := sc.(*Setup)
	if !ok {
		t.Fatalf("Enter on the list opened %T", sc)
	}
	sc = press(sc, KeyRight)  // the other side
	sc = press(sc, KeyDown)   // opponent row
	sc = press(sc, KeyLeft)   // normal -> easy
	sc = press(sc, KeyDown)   // first variant
	sc = press(sc, KeyToggle) // switch it on
	sc = press(sc, KeyEnter)
	if _, ok := sc.(*Briefing); !ok {
		t.Fatalf("Enter on the setup opened %T", sc)
	}
	sc = press(sc, KeyEnter)
	p, ok := sc.(*Play)
	if !ok {
		t.Fatalf("Enter on the briefing opened %T", sc)
	}
	rec := p.m.Record()
	if len(rec.Variants) != 1 || rec.Variants[0] != setup.sc.Variants[0].ID {
		t.Errorf("setup gave the variants %v", rec.Variants)
	}
	if st := p.m.SeatOf("insurgents"); st.AI != "easy" || !p.m.SeatOf("provincial").Person() {
		t.Errorf("the seats are %+v", rec.Seats)
	}
}

// TestSettingsKept: settings changed by key are saved and read back.
func TestSettingsKept(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	s := LoadSettings(1.5)
	if s.Scale != 1.5 || s.ColourBlind {
		t.Fatalf("defaults: %+v", s)
	}
	if !s.apply(Input{Pressed: []Key{KeyPalette}}) || !s.ColourBlind || s.palette() != &paint.ColourBlind {
		t.Fatal("F2 did not switch the palette")
	}
	s.apply(Input{Pressed: []Key{KeyLarger}})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	back := LoadSettings(1)
	if back != s {
		t.Errorf("read back %+v, saved %+v", back, s)
	}
}

// TestAITurnAnimated: at a slow speed the AI's turn unfolds over frames, and
// Enter skips to its end.
func TestAITurnAnimated(t *testing.T) {
	slow := testApp()
	slow.settings.Speed = 2
	p, err := newPlay(slow, Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	p.stories, p.anims = nil, nil // read, and the first turn's banner seen
	p.Apply(rules.EndPhase("insurgents"))
	if p.m.ToMove() != "provincial" {
		t.Fatal("at speed 2 the AI played its turn at once")
	}
	n := p.m.Commands()
	for i := 0; i < 40; i++ {
		p.Update(Input{Held: map[Key]bool{}})
	}
	if p.m.Commands() == n {
		t.Error("the AI gave no command over 40 frames")
	}
	p.stories = nil
	p.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}})
	if p.m.ToMove() != "insurgents" {
		t.Errorf("Enter did not skip to the end of the AI's turn: %s to move", p.m.ToMove())
	}
}

// TestInterfaceScale: a larger interface has larger text and panels, and
// every screen of the window reads the one size.
func TestInterfaceScale(t *testing.T) {
	a := testApp()
	before := a.settings
	a.settings.Scale = 1.5
	a.changed(before)
	if a.panelW != 450 || a.text.Size != 21 {
		t.Errorf("at 1.5: panel %d, text %.0f", a.panelW, a.text.Size)
	}
	title, picker := newTitle(a, Options{}), newPicker(a, Options{})
	if title.menu.rowHeight() != picker.menu.rowHeight() || title.menu.rowHeight() != 21*2.4 {
		t.Errorf("menus of %.1f and %.1f px a row", title.menu.rowHeight(), picker.menu.rowHeight())
	}
	before = a.settings
	a.settings.Scale = 10
	a.changed(before)
	if a.panelW != 900 {
		t.Errorf("the scale is not capped at 3: panel %d", a.panelW)
	}
}

// TestHotseatHandover: between two people's phases the map is hidden until
// the next player is ready, so that neither sees the other's units.
func TestHotseatHandover(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Seed: 1, Hotseat: true})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(800, 600)
	p.stories = nil
	p.Apply(rules.EndPhase("insurgents"))
	if !p.handover || p.m.ToMove() != "provincial" || !p.m.PersonToMove() {
		t.Fatalf("no hand-over to the second player: handover %v, %s to move", p.handover, p.m.ToMove())
	}
	p.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}})
	if p.handover || p.viewer() != "provincial" {
		t.Errorf("after Enter: handover %v, drawing %s's view", p.handover, p.viewer())
	}
}

// TestKeyboardOnly plays a move with the keyboard alone: Tab, the cursor,
// the arrows and Enter.
func TestKeyboardOnly(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	p.stories = nil
	key := func(k Key) { p.Update(Input{Pressed: []Key{k}, Held: map[Key]bool{}}) }
	key(KeyNext)
	if p.sel.unit == "" {
		t.Fatal("Tab selected nothing")
	}
	from := p.unit(p.sel.unit).Hex
	key(KeyCursor)
	key(KeyUp)
	key(KeyEnter)
	if u := p.unit(p.sel.unit); u == nil || u.Hex == from {
		t.Errorf("the unit did not move by keyboard: %s", strings.Join(p.Log(), "\n"))
	}
}

// TestBarButtons: the bar's buttons do what their keys do.
func TestBarButtons(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 800)
	p.stories = nil
	x := -1
	for i := p.w - 1; i > 0; i-- {
		if p.buttonAt(i, 10) == KeyEndTurn {
			x = i
			break
		}
	}
	if x < 0 {
		t.Fatal("no End turn button on the bar")
	}
	turn := p.m.Turn()
	p.Update(Input{Click: true, MouseX: x, MouseY: 10, Held: map[Key]bool{}})
	if p.m.Turn() != turn+1 {
		t.Errorf("the End turn button did not end the turn (turn %d)", p.m.Turn())
	}
}
