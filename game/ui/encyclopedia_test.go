package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/game/encyclopedia"
	"ili/game/rules"
)

// enc is the bundled encyclopedia, for the tests.
func enc(t *testing.T) *encyclopedia.Encyclopedia {
	t.Helper()
	e, err := theEncyclopedia()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// pageText is the text of the entry a screen shows, its lines joined.
func pageText(s *Encyclopedia) string {
	s.layout(s.geom())
	var b strings.Builder
	y := -1.0
	for _, f := range s.page.frags {
		if f.y != y {
			b.WriteString("\n")
			y = f.y
		} else {
			b.WriteString(" ")
		}
		b.WriteString(f.s)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\n", " \n ")), " ")
}

// TestEncyclopediaFromTheTitle: the title's menu opens the encyclopedia,
// and Esc comes back to the same title screen.
func TestEncyclopediaFromTheTitle(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	title := newTitle(testApp(), Options{Seed: 1})
	if title.menu.items[titleEncyclopedia] != "Encyclopedia" {
		t.Fatalf("the title's item %d is %q", titleEncyclopedia, title.menu.items[titleEncyclopedia])
	}
	// Down: the campaign, then Load (Continue is off), then the encyclopedia.
	s, ok := press(t, title, KeyDown, KeyDown, KeyDown, KeyEnter).(*Encyclopedia)
	if !ok {
		t.Fatal("the title's Encyclopedia does not open the encyclopedia")
	}
	if s.entry == nil || s.status != "" {
		t.Fatalf("the encyclopedia opens on no entry: %q", s.status)
	}
	if back := press(t, s, KeyEscape); back != scene(title) {
		t.Errorf("Esc from the encyclopedia went to %T, not the title it came from", back)
	}
}

// TestEncyclopediaFromTheGameMenu: the game's menu opens the encyclopedia
// at the player's side, and Esc comes back to the game as it was.
func TestEncyclopediaFromTheGameMenu(t *testing.T) {
	p := nilkaAtTheGates(t)
	p.Select("")
	hash, cmds := p.m.Hash(), p.m.Commands()
	press(t, p, KeyMenu)
	if p.menu.items[menuEncyclopedia] != "Encyclopedia" {
		t.Fatalf("the game menu's item %d is %q", menuEncyclopedia, p.menu.items[menuEncyclopedia])
	}
	p.menu.at = menuEncyclopedia
	s, ok := press(t, p, KeyEnter).(*Encyclopedia)
	if !ok {
		t.Fatal("the game menu's Encyclopedia does not open the encyclopedia")
	}
	if want := enc(t).ForSide("nilka-1944", "insurgents"); s.entry != want {
		t.Errorf("the encyclopedia opens at %v, not the player's side", s.entry.ID)
	}
	if back := press(t, s, KeyEscape); back != scene(p) {
		t.Fatalf("Esc from the encyclopedia went to %T, not the game", back)
	}
	if p.menu != nil || p.m.Hash() != hash || p.m.Commands() != cmds {
		t.Error("the game is not as it was left")
	}
}

// TestPanelNamesOpenTheirEntries: a click on the selected unit's name, or
// on its source line, opens the unit's entry or the source's.
func TestPanelNamesOpenTheirEntries(t *testing.T) {
	p := nilkaAtTheGates(t)
	p.Select("band-foot")
	rows, _, _ := p.panelRows(p.currentView())
	lh := p.a.small.Size * 1.3
	x := float64(p.w-p.a.panelW) + 20
	rowY := func(i int) float64 { return float64(p.a.barH+8) + (float64(i)+0.5)*lh }
	s, ok := click(t, p, x, rowY(0)).(*Encyclopedia)
	if !ok {
		t.Fatalf("a click on %q in the panel does not open the encyclopedia", rows[0].text)
	}
	if want := enc(t).ForUnit("nilka-1944", "band-foot"); want == nil || s.entry != want {
		t.Errorf("the unit's name opens %v", s.entry.ID)
	}
	if back := press(t, s, KeyEscape); back != scene(p) || p.sel.unit != "band-foot" {
		t.Error("Esc does not come back to the game with the unit selected")
	}
	u := p.unit("band-foot")
	for i, r := range rows {
		if !strings.HasPrefix(r.text, "source:") {
			continue
		}
		s, ok := click(t, p, x, rowY(i)).(*Encyclopedia)
		if want := enc(t).ForSource(u.Source); !ok || want == nil || s.entry != want {
			t.Errorf("the source line %q does not open the entry on %s", r.text, u.Source)
		}
		return
	}
	t.Error("the panel has no source line")
}

// TestLogLineOpensItsPlace: a click on a line of the log that names a
// place opens the place's entry.
func TestLogLineOpensItsPlace(t *testing.T) {
	p := nilkaAtTheGates(t)
	p.Select("")
	p.logs.add(p.logKey(), p.logLine(rules.PlaceCaptured{Place: "camp", Side: "insurgents"}))
	rows, _, _ := p.panelRows(p.currentView())
	lh := p.a.small.Size * 1.3
	for i := len(rows) - 1; i >= 0; i-- {
		if !strings.Contains(rows[i].text, "Insurgent camp") {
			continue
		}
		y := float64(p.a.barH+8) + (float64(i)+0.5)*lh
		s, ok := click(t, p, float64(p.w-p.a.panelW)+20, y).(*Encyclopedia)
		if want := enc(t).ForPlace("nilka-1944", "camp"); !ok || want == nil || s.entry != want {
			t.Fatalf("a click on the log's %q does not open the camp's entry", rows[i].text)
		}
		return
	}
	t.Fatalf("the log does not show the capture: %q", p.Log())
}

// TestStoryOffersItsNames: a story lists the names it gives that the
// encyclopedia has, and a click on one opens it; the story is still there
// after Esc.
func TestStoryOffersItsNames(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 800)
	if len(p.stories) == 0 {
		t.Fatal("no story at the start")
	}
	liu := enc(t).Entry("liu-bindi")
	if liu == nil || !strings.Contains(p.stories[0].Text, "Liu Bindi") {
		t.Fatalf("the first story does not name Liu Bindi, or he has no entry")
	}
	var at *linkBox
	for _, l := range p.storyBox(p.stories[0]).links {
		if l.entry == liu {
			at = &l
		}
	}
	if at == nil {
		t.Fatal("the story does not offer Liu Bindi's entry")
	}
	stories := len(p.stories)
	s, ok := click(t, p, at.x+at.w/2, at.y+at.h/2).(*Encyclopedia)
	if !ok || s.entry != liu {
		t.Fatal("a click on the name under the story does not open its entry")
	}
	if press(t, s, KeyEscape) != scene(p) || len(p.stories) != stories {
		t.Error("Esc does not come back to the story")
	}
	// A click elsewhere reads the story away, as before.
	click(t, p, 5, float64(p.h)-5)
	if len(p.stories) != stories-1 {
		t.Error("a click off the names does not go on")
	}
}

// TestEntryShowsItsSources: an entry shows each claim with its source by
// author and title, the disagreements with whose account each view is,
// and the quotations attributed; a source is a link to its entry, and
// Backspace comes back.
func TestEntryShowsItsSources(t *testing.T) {
	e := enc(t)
	elihan := e.Entry("elihan-tore")
	s := newEncyclopedia(testApp(), nil, elihan)
	s.Resize(1280, 800)
	text := pageText(s)
	wants := []string{"Elihan Tore", "OTHER NAMES Alikhan Tura, Alixon To'ra: Uzbek and English writers", "WHAT THE SOURCES SAY",
		"WHERE THE SOURCES DISAGREE", "His birth year", "Wikipedia, in every language version seen:", "FROM THE PERIOD",
		"— L. Beria and A. Vyshinsky, report to I. V. Stalin, 29 April 1945", "SEE ALSO"}
	for _, c := range elihan.Claims {
		wants = append(wants, "Source: "+citeName(e, c.Source))
	}
	for _, want := range wants {
		if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the entry lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(citeName(e, "Ber1"), "L. Beria and A. Vyshinsky") || !strings.Contains(citeName(e, "Ber1"), "On the situation in the Ili district") {
		t.Errorf("a source is cited as %q", citeName(e, "Ber1"))
	}
	// Tab to the first link, the summary's source, and Enter follows it.
	s = press(t, s, KeyNext).(*Encyclopedia)
	first := s.page.links[0]
	press(t, s, KeyEnter)
	if s.entry != first || first != e.ForSource("YNzh") {
		t.Errorf("Enter on the first link shows %s, not the entry on the source of the Chinese name", s.entry.ID)
	}
	press(t, s, KeyUndo)
	if s.entry != elihan {
		t.Errorf("Backspace shows %s, not the entry before", s.entry.ID)
	}
	// A click on a link of the page follows it.
	g := s.geom()
	s.layout(g)
	top, _ := g.pageView(s.a)
	for _, f := range s.page.frags {
		if f.link >= 0 {
			click(t, s, g.colX+f.x+f.w/2, top+f.y+f.h/2)
			break
		}
	}
	if s.entry != first {
		t.Errorf("a click on the first link shows %s", s.entry.ID)
	}
}

// TestEncyclopediaScrolls: the wheel scrolls the index or the entry,
// whichever it is over, within their lengths; Down shows the next entry,
// its row kept in view.
func TestEncyclopediaScrolls(t *testing.T) {
	s := newEncyclopedia(testApp(), nil, nil)
	s.Resize(1280, 800)
	g := s.geom()
	wheel := func(x int, d float64) {
		s.Update(Input{Held: map[Key]bool{}, MouseX: x, MouseY: 300, Wheel: d})
	}
	wheel(50, -100)
	top, h := g.listView()
	last := s.index.rows[len(s.index.rows)-1]
	if s.listTop <= 0 || last.y+last.h > s.listTop+h || last.y < s.listTop {
		t.Errorf("the index scrolled to %.0f of %.0f, its last row at %.0f out of view", s.listTop, s.index.height, last.y)
	}
	at := s.listTop
	wheel(50, -1)
	if s.listTop != at {
		t.Errorf("the wheel at the index's end moves it from %.0f to %.0f", at, s.listTop)
	}
	wheel(50, 100)
	if s.listTop != 0 {
		t.Errorf("the index scrolled back to %.0f", s.listTop)
	}
	s.show(enc(t).Entry("elihan-tore"))
	s.layout(g)
	wheel(int(g.colX)+20, -3)
	if s.pageTop <= 0 {
		t.Error("the wheel does not scroll a long entry")
	}
	for range s.order {
		press(t, s, KeyDown)
	}
	if s.entry != s.order[len(s.order)-1] {
		t.Errorf("Down to the end shows %s", s.entry.ID)
	}
	s.layout(g)
	for _, r := range s.index.rows {
		if r.entry == s.entry && (r.y < s.listTop || r.y+r.h > s.listTop+h) {
			t.Errorf("the last entry's row (%.0f) is out of view (%.0f from %.0f)", r.y, s.listTop, top)
		}
	}
}

// TestShownDropsWhatTheFontLacks: the scripts of the bundled entries are
// kept; names in scripts the font cannot draw (Korean, here) are left out,
// with the brackets and separators they leave.
func TestShownDropsWhatTheFontLacks(t *testing.T) {
	for in, want := range map[string]string{
		"艾力汗·吐烈 (Ailihan Tulie)":     "艾力汗·吐烈 (Ailihan Tulie)",
		"盛世才, Sheng Shih-ts'ai":      "盛世才, Sheng Shih-ts'ai",
		"Ghulja (غۇلجا)":             "Ghulja (غۇلجا)",
		"이승만 (Syngman Rhee)":         "Syngman Rhee",
		"서울, Seoul":                  "Seoul",
		"서울":                         "",
		"Kuldja, Kul'dzha (Кульджа)": "Kuldja, Kul'dzha (Кульджа)",
		"“Quoted”, 1944–1946":        "“Quoted”, 1944–1946",
	} {
		if got := shown(in); got != want {
			t.Errorf("shown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDebriefKey: D on the result screen writes the debrief and the
// encyclopedia's page into a folder of their own and says where; a folder
// that cannot be made is said in a sentence.
func TestDebriefKey(t *testing.T) {
	e, _ := nilkaEnded(t)
	e.a.debriefs = t.TempDir()
	press(t, e, KeyRight)
	if !e.writing || !strings.Contains(e.debrief, "Writing") {
		t.Fatalf("D does not say the debrief is being written: %q", e.debrief)
	}
	e.Update(Input{Held: map[Key]bool{}})
	dirs, _ := filepath.Glob(filepath.Join(e.a.debriefs, "nilka-1944-*"))
	if len(dirs) != 1 {
		t.Fatalf("the debrief's folders: %v (%s)", dirs, e.debrief)
	}
	for _, name := range []string{"index.html", "encyclopedia.html"} {
		if st, err := os.Stat(filepath.Join(dirs[0], name)); err != nil || st.Size() == 0 {
			t.Errorf("%s is not written: %v", name, err)
		}
	}
	if !e.written || !strings.Contains(e.debrief, dirs[0]) {
		t.Errorf("the screen says %q", e.debrief)
	}
	press(t, e, KeyRight)
	if again, _ := filepath.Glob(filepath.Join(e.a.debriefs, "nilka-1944-*")); len(again) != 1 || e.writing {
		t.Error("D again writes the debrief again")
	}
	if _, ok := press(t, e, KeyEnter).(*Title); !ok {
		t.Error("Enter does not go on to the title screen")
	}

	bad, _ := nilkaEnded(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	bad.a.debriefs = file
	bx, by, bw, bh := bad.button()
	if next := click(t, bad, bx+bw/2, by+bh/2); next != scene(bad) {
		t.Fatalf("a click on the button went to %T", next)
	}
	bad.Update(Input{Held: map[Key]bool{}})
	if bad.written || !strings.HasPrefix(bad.debrief, "The debrief could not be written: ") || strings.Count(bad.debrief, "\n") > 0 {
		t.Errorf("a folder that cannot be made is said as %q", bad.debrief)
	}
}

// TestEncyclopediaFrame renders the encyclopedia at Elihan Tore's entry,
// 1280x800, and compares it with testdata/encyclopedia.png.
func TestEncyclopediaFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	s := newEncyclopedia(testApp(), nil, enc(t).Entry("elihan-tore"))
	s.Resize(1280, 800)
	data, err := renderScene(s, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/encyclopedia.png")
}
