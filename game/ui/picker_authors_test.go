package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/game/scenario"
	"ili/scenarios"
)

// authorsFolder makes the user's scenarios folder under a config folder
// of the test's own and writes into it an author's scenario (nilka-1944 as
// a file of its own, retitled), one with a mistake, and a lesson; it
// returns the folder.
func authorsFolder(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir, err := scenario.UserDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := scenarios.FS.ReadFile("nilka-1944.toml")
	if err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(string(src), `title = "Nilka, October 1944"`, `title = "My Nilka"`, 1)
	mine = strings.Replace(mine, `id = "nilka-1944"`, `id = "my-nilka"`, 1)
	broken := strings.Replace(mine, "turn_hours = 12", "turn_hours = 12\nturn_hour = 6", 1)
	for name, text := range map[string]string{"my-nilka.toml": mine, "broken.toml": broken,
		"lesson.toml": "[lesson]\nscenario = \"nilka-1944\"\n", "notes.txt": "not a scenario"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPickerListsAuthorsScenarios: the picker lists the scenarios of the
// user's folder after the bundled ones, a file that loads with its
// description, map and variants, opened through the set-up and the
// briefing like a bundled one, and a file with a mistake listed with that
// mistake in one sentence, never opened; --scenarios adds a folder.
func TestPickerListsAuthorsScenarios(t *testing.T) {
	dir := authorsFolder(t)
	p := newPicker(testApp(), Options{Seed: 1})
	bundled := len(scenario.Bundled())
	want := []string{filepath.Join(dir, "broken.toml"), filepath.Join(dir, "my-nilka.toml")}
	if len(p.ids) != bundled+2 || strings.Join(p.ids[bundled:], ",") != strings.Join(want, ",") {
		t.Fatalf("the picker lists %v; want the bundled then %v", p.ids, want)
	}
	if p.ids[0] != "nilka-1944" {
		t.Errorf("the bundled battles no longer come first: %v", p.ids)
	}
	broken, mine := bundled, bundled+1
	if got := p.menu.items[broken]; got != "broken.toml (does not load)" {
		t.Errorf("the broken file is listed as %q", got)
	}
	prob := p.problems[broken]
	if !strings.HasPrefix(prob, "broken.toml:") || !strings.Contains(prob, "turn_hour") || !strings.Contains(prob, "turn_hours") || strings.Count(prob, "\n") > 0 {
		t.Errorf("the broken file's problem is %q; want its first mistake, at its line, in one sentence with the suggestion", prob)
	}
	if p.menu.items[mine] != "My Nilka" || p.problems[mine] != "" {
		t.Errorf("the author's scenario is listed as %q (%q)", p.menu.items[mine], p.problems[mine])
	}
	d := strings.Join(p.detailsAt(mine, 2000), "\n")
	for _, w := range []string{"From " + want[1], "October 1944", "4 km hexes", "Sides:", "What-if variants: 4", "Nilka rising"} {
		if !strings.Contains(d, w) {
			t.Errorf("the author's scenario is described without %q:\n%s", w, d)
		}
	}
	if p.maps[mine] == nil {
		t.Error("the author's scenario has no map to preview")
	}

	// Drawing the entries' words does not need a display.
	var sc scene = p
	for p.menu.at != broken {
		sc = press(t, sc, KeyDown)
	}
	if next := press(t, sc, KeyEnter); next != p {
		t.Fatalf("Enter on a file that does not load opened %T", next)
	}
	sc = press(t, p, KeyDown, KeyEnter)
	setup, ok := sc.(*Setup)
	if !ok {
		t.Fatalf("Enter on the author's scenario opened %T", sc)
	}
	if setup.sc.Title != "My Nilka" || len(setup.sc.Variants) != 4 {
		t.Errorf("the set-up is of %q with %d variants", setup.sc.Title, len(setup.sc.Variants))
	}
	sc = press(t, sc, KeyDown, KeyDown, KeyToggle) // the first variant on
	about := strings.Join(setup.about(800, 600), " ")
	if !strings.Contains(about, "Benson") {
		t.Errorf("the set-up says of the variant: %q", about)
	}
	for i := 0; i < 10 && setup.menu.at != len(setup.menu.items)-3; i++ {
		sc = press(t, sc, KeyDown)
	}
	b, ok := press(t, sc, KeyEnter).(*Briefing)
	if !ok {
		t.Fatal("the set-up did not open the briefing")
	}
	if !strings.Contains(strings.Join(b.lines, " "), "Nilka rising") {
		t.Error("the briefing does not give the author's description")
	}
	pl, ok := press(t, b, KeyEnter).(*Play)
	if !ok {
		t.Fatal("the briefing did not open the game")
	}
	if rec := pl.m.Record(); rec.Scenario != want[1] || len(rec.Variants) != 1 || rec.Variants[0] != "benson" {
		t.Errorf("the game is of %q with %v", rec.Scenario, rec.Variants)
	}

	// --scenarios adds a folder; a file in both is listed once.
	extra := t.TempDir()
	src, _ := os.ReadFile(want[1])
	if err := os.WriteFile(filepath.Join(extra, "another.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	q := newPicker(testApp(), Options{ScenarioDirs: []string{extra, dir}})
	if len(q.ids) != bundled+3 || q.ids[bundled+2] != filepath.Join(extra, "another.toml") {
		t.Errorf("with --scenarios the picker lists %v", q.ids)
	}
}

// TestPlayFileSetsUp: a scenario given alone opens on its set-up, the
// variants the command line gives ticked, as the picker's does.
func TestPlayFileSetsUp(t *testing.T) {
	dir := authorsFolder(t)
	file := filepath.Join(dir, "my-nilka.toml")
	first, err := firstScene(testApp(), Options{Scenario: file, Variants: []string{"no-trucks"}, Side: "provincial", SetUp: true, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := first.(*Setup)
	if !ok {
		t.Fatalf("ili play FILE opened %T, not the set-up", first)
	}
	if s.sc.Setup.Sides[s.side].ID != "provincial" {
		t.Errorf("the side chosen is %s", s.sc.Setup.Sides[s.side].ID)
	}
	var on []string
	for i, v := range s.variants {
		if v {
			on = append(on, s.sc.Variants[i].ID)
		}
	}
	if strings.Join(on, ",") != "no-trucks" {
		t.Errorf("the variants ticked are %v", on)
	}
	if opt := s.chosen(); opt.Side != "provincial" || strings.Join(opt.Variants, ",") != "no-trucks" || opt.Scenario != file {
		t.Errorf("the set-up gives %+v", opt)
	}
	// Without SetUp the scenario opens on the game, as before.
	if p, err := firstScene(testApp(), Options{Scenario: file, Side: "provincial", Seed: 1}); err != nil {
		t.Fatal(err)
	} else if _, ok := p.(*Play); !ok {
		t.Errorf("ili play FILE --side opened %T", p)
	}
}

// TestPickerDrawsAProblem draws the picker on an author's file that does
// not load: its name, its folder and its first mistake, with what to do.
func TestPickerDrawsAProblem(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := newPicker(testApp(), Options{ScenarioDirs: []string{filepath.Join("testdata", "authors")}})
	for p.menu.at < len(p.ids)-1 {
		press(t, p, KeyDown)
	}
	if !strings.Contains(p.problems[p.menu.at], "men_per_hex") {
		t.Fatalf("the problem shown is %q", p.problems[p.menu.at])
	}
	data, err := renderScene(p, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, filepath.Join("testdata", "picker-authors.png"))
}
