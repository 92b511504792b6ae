package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"ili/game/hex"
	"ili/game/save"
)

// press gives a scene one key and returns the scene it leads to.
func press(t *testing.T, sc scene, keys ...Key) scene {
	t.Helper()
	for _, k := range keys {
		next, err := sc.Update(Input{Pressed: []Key{k}, Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
		if err != nil {
			t.Fatalf("%T: %v", sc, err)
		}
		if next != nil {
			sc = next
		}
	}
	return sc
}

// TestTitleScreen: the title leads to the picker, the settings and back,
// and offers Continue only when there is a game to continue.
func TestTitleScreen(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := newApp(Settings{Scale: 1, Speed: 3})
	settings := &a.settings
	opt := Options{Seed: 1}
	title := newTitle(a, opt)
	if !title.menu.off[titleContinue] {
		t.Error("Continue is offered with no autosave")
	}
	if _, ok := press(t, title, KeyEnter).(*Picker); !ok {
		t.Fatal("New game does not open the picker")
	}
	title = newTitle(a, opt)
	// Down: the campaign; then, skipping Continue, which is off: Load, the
	// encyclopedia, then Settings.
	sc := press(t, title, KeyDown, KeyDown, KeyDown, KeyDown, KeyEnter)
	st, ok := sc.(*SettingsScreen)
	if !ok {
		t.Fatalf("the fourth item opened %T", sc)
	}
	sc = press(t, sc, KeyRight, KeyDown, KeyToggle, KeyDown, KeyLeft)
	if settings.Scale != 1.25 || !settings.ColourBlind || settings.Speed != 2 {
		t.Errorf("the settings screen did not change the settings in use: %+v", settings)
	}
	if !strings.Contains(st.menu.items[0], "125%") {
		t.Errorf("the size line reads %q", st.menu.items[0])
	}
	if back := press(t, sc, KeyEscape); back != scene(title) {
		t.Errorf("Esc from the settings went to %T", back)
	}
	// The mouse: a click on "Quit" quits.
	title.Resize(1280, 800)
	title.layout()
	x, y := int(title.menu.x+10), int(title.menu.y+title.menu.rowHeight()*(titleQuit+0.5))
	if _, err := title.Update(Input{Held: map[Key]bool{}, MouseX: x, MouseY: y, Click: true}); err != errQuit {
		t.Errorf("a click on Quit gave %v", err)
	}
}

// TestPickerDescribes: the picker lists the scenarios in the campaign's
// order and describes the highlighted one.
func TestPickerDescribes(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no scenarios of the user's own
	p := newPicker(testApp(), Options{})
	if strings.Join(p.ids, ",") != "nilka-1944,ghulja-1944,manas-1945,aksu-1946" {
		t.Errorf("picker order %v", p.ids)
	}
	d := strings.Join(p.a.details(p.scs[1], 600), "\n")
	for _, want := range []string{"November 1944", "hexes", "turns", "Sides:", "variants"} {
		if !strings.Contains(d, want) {
			t.Errorf("the description of %s lacks %q:\n%s", p.ids[1], want, d)
		}
	}
}

// TestGameMenu: the menu saves a game under a name of its own, the load
// screen lists it and opens exactly that game, and quitting keeps an
// autosave that the title screen continues.
func TestGameMenu(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := nilkaAtTheGates(t)
	p.a.autosave = true
	p.Select("")
	sc := press(t, p, KeyEscape) // nothing selected: the menu
	if p.menu == nil {
		t.Fatal("Esc with nothing selected does not open the menu")
	}
	press(t, sc, KeyDown, KeyEnter) // Save the game
	if p.menu != nil {
		t.Error("the menu stays open after saving")
	}
	dir, _ := save.Dir()
	list, err := save.List(dir)
	if err != nil || len(list) != 1 || list[0].Game == nil {
		t.Fatalf("saved games: %+v, %v", list, err)
	}
	if g := list[0].Game; g.Title != "Nilka, October 1944" || g.Turn != 1 || !strings.HasPrefix(filepath.Base(list[0].Path), "nilka-1944-turn01-") {
		t.Errorf("the save is %s: %q turn %d", list[0].Path, g.Title, g.Turn)
	}
	// Move on, then load the saved game back from the menu.
	p.ClickHex(hex.FromOffset(11, 7))
	p.ClickHex(hex.FromOffset(11, 7))
	whole, err := save.Read(list[0].Path) // the list keeps no commands
	if err != nil {
		t.Fatal(err)
	}
	saved := len(whole.Commands)
	sc = press(t, p, KeyMenu, KeyDown, KeyDown, KeyEnter)
	ls, ok := sc.(*LoadScreen)
	if !ok {
		t.Fatalf("Load from the menu opened %T", sc)
	}
	if !strings.Contains(ls.menu.items[0], "Nilka, October 1944, turn 1") {
		t.Errorf("the list shows %q", ls.menu.items[0])
	}
	q, ok := press(t, ls, KeyEnter).(*Play)
	if !ok {
		t.Fatal("choosing the save did not open the game")
	}
	if q.m.Commands() != saved {
		t.Errorf("loaded %d commands, saved %d", q.m.Commands(), saved)
	}
	g, _ := save.Read(list[0].Path)
	m, err := g.Replay()
	if err != nil || m.Hash() != q.m.Hash() {
		t.Errorf("the loaded game is not the saved one: %v", err)
	}
	// Quit from the menu: the autosave keeps the game for Continue.
	q.menu = q.newGameMenu()
	for q.menu.at != menuQuit {
		q.menu.move(1)
	}
	if _, err := q.Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}}); err != errQuit {
		t.Fatalf("Quit gave %v", err)
	}
	title := newTitle(q.a, Options{})
	if title.menu.off[titleContinue] || !strings.Contains(title.menu.items[titleContinue], "Nilka, October 1944, turn 1") {
		t.Fatalf("Continue is %q (off %v)", title.menu.items[titleContinue], title.menu.off[titleContinue])
	}
	c, ok := press(t, title, KeyDown, KeyDown, KeyEnter).(*Play)
	if !ok || c.m.Hash() != q.m.Hash() {
		t.Error("Continue did not bring back the game that was quit")
	}
}

// TestLoadScreenBadFile: a file that is not a saved game is listed as
// unreadable and cannot be chosen; an empty folder says what to do.
func TestLoadScreenBadFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	empty := newLoadScreen(testApp(), nil)
	if !strings.Contains(empty.status, "no saved games") {
		t.Errorf("an empty folder says %q", empty.status)
	}
	dir, _ := save.Dir()
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{"), 0o644)
	l := newLoadScreen(testApp(), nil)
	if len(l.entries) != 1 || !l.menu.off[0] || !strings.Contains(l.menu.items[0], "cannot be read") {
		t.Errorf("a broken file is listed as %q (off %v)", l.menu.items, l.menu.off)
	}
}

// TestLatin: the scripts of the bundled data are kept; what the font lacks
// (Korean, here) is dropped with the brackets it leaves empty.
func TestLatin(t *testing.T) {
	for in, want := range map[string]string{
		"Gongha County herders' uprising (巩哈县牧民暴动)": "Gongha County herders' uprising (巩哈县牧民暴动)",
		"Ghulja (غۇلجا), Kuldja (Кульджа)":          "Ghulja (غۇلجا), Kuldja (Кульджа)",
		"Seoul (서울)":                "Seoul",
		"Benson, The Ili Rebellion": "Benson, The Ili Rebellion",
		"1944–1946 “quoted”":        "1944–1946 “quoted”",
	} {
		if got := latin(in); got != want {
			t.Errorf("latin(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHostileFilesInTheSavesFolder: a FIFO or a link to /dev/zero where the
// autosave or a saved game should be neither hangs the title screen or the
// load screen nor offers to continue; the files are listed as unreadable.
func TestHostileFilesInTheSavesFolder(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir, _ := save.Dir()
	os.MkdirAll(dir, 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "autosave.json"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")); err != nil {
		t.Skipf("no links here: %v", err)
	}
	done := make(chan *LoadScreen, 1)
	go func() {
		if title := newTitle(testApp(), Options{Seed: 1}); !title.menu.off[titleContinue] {
			t.Error("a FIFO at autosave.json is offered to continue")
		}
		done <- newLoadScreen(testApp(), nil)
	}()
	select {
	case l := <-done:
		if len(l.entries) != 2 || !l.menu.off[0] || !l.menu.off[1] {
			t.Errorf("the FIFO and the link are listed as %q (off %v)", l.menu.items, l.menu.off)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a FIFO or /dev/zero in the saves folder hung the title or load screen")
	}
}
