package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ili/game/files"
	"ili/game/rules"
	"ili/game/scenario"
	"ili/game/whatif"
)

// labSetup is the lab on nilka-1944 with the Benson variant ticked and
// runs games.
func labSetup(t *testing.T, runs int) *Lab {
	t.Helper()
	l := newLab(testApp(), nil)
	if !l.ChooseScenario("nilka-1944") {
		t.Fatal("the lab does not offer nilka-1944")
	}
	if !l.SetVariant("benson", true) {
		t.Fatal("nilka-1944 has no variant benson")
	}
	l.SetRuns(runs)
	if l.Runs() != runs {
		t.Fatalf("asked for %d runs, the lab has %d", runs, l.Runs())
	}
	return l
}

// sameAsWhatif checks that the lab's summary is the one whatif.Run gives
// for the first n runs of the same setup and seeds.
func sameAsWhatif(t *testing.T, l *Lab, n int) {
	t.Helper()
	b := l.batch
	batch, err := whatif.Run(b.set, whatif.Options{Runs: n, Seed: b.seed})
	if err != nil {
		t.Fatal(err)
	}
	want := whatif.NewReport(b.set, whatif.Meta{}, batch).Summary
	got := *b.last.summary
	got.RunsPerSecond, want.RunsPerSecond = 0, 0
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the lab's summary of %d runs differs from whatif.Run's:\nlab    %+v\nwhatif %+v", n, got.Wins, want.Wins)
	}
}

// TestLabRunsFifty: a variant ticked and 50 runs chosen, the batch runs in
// the background while Update is called (never blocking), and its results
// are whatif.Run's on the same setup and seeds.
func TestLabRunsFifty(t *testing.T) {
	l := labSetup(t, 50)
	if sp := l.Spec(); strings.Join(sp.Variants, ",") != "benson" || sp.AI["insurgents"] != "normal" {
		t.Fatalf("the lab's setup is %+v", sp)
	}
	if _, err := l.Update(Input{Chars: []rune{'r'}, Held: map[Key]bool{}}); err != nil {
		t.Fatal(err)
	}
	if !l.running() {
		t.Fatal("R does not start the batch")
	}
	if l.Idle() {
		t.Error("the lab says it is idle while a batch runs")
	}
	deadline := time.Now().Add(5 * time.Minute)
	var slowest time.Duration
	for l.running() && time.Now().Before(deadline) {
		start := time.Now()
		if _, err := l.Update(Input{Held: map[Key]bool{}}); err != nil {
			t.Fatal(err)
		}
		slowest = max(slowest, time.Since(start))
		time.Sleep(2 * time.Millisecond)
	}
	if l.running() {
		t.Fatal("50 runs did not end in 5 minutes")
	}
	// An Update that waited for the batch would take seconds; a busy
	// machine's slowest frame is not this test's business (ili play
	// --bench-lab measures the frames).
	if slowest > labBlocked {
		t.Errorf("an Update took %s while the batch ran: it waits for the batch", slowest)
	}
	t.Logf("the slowest Update while the batch ran: %s", slowest)
	b := l.batch
	if b.last.err != nil || b.last.cancelled || b.last.done != 50 || b.last.counted != 50 || b.last.summary == nil || b.last.summary.Runs != 50 {
		t.Fatalf("the batch ended with %v, cancelled %v, %d done, %d counted", b.last.err, b.last.cancelled, b.last.done, b.last.counted)
	}
	if !strings.Contains(l.menu.items[l.rowRun()], "Run the batch") {
		t.Errorf("after the batch the button reads %q", l.menu.items[l.rowRun()])
	}
	sameAsWhatif(t, l, 50)

	// X exports the batch into the player's files: the CSV of every run,
	// which is ili sim's, and the chart.
	dir := t.TempDir()
	l.a.st = files.Folder(dir)
	l.Update(Input{Chars: []rune{'x'}, Held: map[Key]bool{}})
	if !strings.Contains(l.status, "nilka-1944-benson-50runs-seed1.csv") || !strings.Contains(l.status, ".png") {
		t.Fatalf("X says %q", l.status)
	}
	got, err := os.ReadFile(filepath.Join(dir, "lab", "nilka-1944-benson-50runs-seed1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	batch, err := whatif.Run(l.batch.set, whatif.Options{Runs: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := whatif.NewReport(l.batch.set, whatif.Meta{Seed: 1}, batch).WriteCSV(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the exported CSV differs from the batch's report:\n%s\nwant\n%s", got, want.Bytes())
	}
	if png, err := os.ReadFile(filepath.Join(dir, "lab", "nilka-1944-benson-50runs-seed1.png")); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("the chart was not exported: %v", err)
	}
}

// TestLabCancel: Esc cancels a long batch; the runs counted so far are
// kept, and are whatif.Run's first runs.
func TestLabCancel(t *testing.T) {
	l := labSetup(t, 10000)
	if err := l.Start(); err != nil {
		t.Fatal(err)
	}
	for l.running() && (l.batch.last.summary == nil || l.batch.last.counted < 3) {
		l.Update(Input{Held: map[Key]bool{}})
		time.Sleep(2 * time.Millisecond)
	}
	if _, err := l.Update(Input{Pressed: []Key{KeyEscape}, Held: map[Key]bool{}}); err != nil {
		t.Fatal(err)
	}
	if !l.batch.wait(time.Minute) {
		t.Fatal("the batch did not stop within a minute of Esc")
	}
	b := l.batch
	if !b.last.cancelled || b.last.counted >= 10000 || b.last.summary == nil || b.last.summary.Runs != b.last.counted {
		t.Fatalf("cancelled %v after %d counted, summary %+v", b.last.cancelled, b.last.counted, b.last.summary)
	}
	if next, _ := l.Update(Input{Held: map[Key]bool{}}); next != nil {
		t.Error("the lab left after the cancel")
	}
	sameAsWhatif(t, l, b.last.counted)
}

// TestLabControls: the title leads to the lab; Right changes the
// scenario, Space ticks a variant, the AI levels and the runs step, and Esc
// goes back to the title.
func TestLabControls(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := testApp()
	title := newTitle(a, Options{Seed: 1})
	l, ok := press(t, title, KeyDown, KeyDown, KeyDown, KeyDown, KeyDown, KeyEnter).(*Lab)
	if !ok {
		t.Fatal("the title's sixth line does not open the lab")
	}
	first := l.Spec().Scenario
	press(t, l, KeyRight)
	if l.Spec().Scenario == first {
		t.Error("Right on the scenario's line does not change it")
	}
	l.ChooseScenario("nilka-1944")
	press(t, l, KeyDown, KeyToggle)
	if v := l.Spec().Variants; len(v) != 1 || v[0] != l.sc.Variants[0].ID {
		t.Errorf("Space on the first variant gives variants %v", v)
	}
	l.menu.at = l.rowLevel(0)
	press(t, l, KeyRight)
	if lv := l.Spec().AI[l.sc.Setup.Sides[0].ID]; lv != "hard" {
		t.Errorf("Right on the first side's AI gives %q", lv)
	}
	l.menu.at = l.rowRuns()
	press(t, l, KeyLeft)
	if l.Runs() != 50 { // from 100
		t.Errorf("Left on the runs gives %d", l.Runs())
	}
	if back := press(t, l, KeyEscape); back != scene(title) {
		t.Errorf("Esc from the lab went to %T", back)
	}
}

// TestLabGolden draws the lab's views of the batches of labFromFiles and
// the ranking of labRankedFromFile and compares them with their goldens:
// the outcomes, the comparison and the inputs ranked at 1280x720, who held
// each place turn by turn and the map of the fights at 1920x1080 and at
// 1280x720.
func TestLabGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		view int
		w, h int
		lab  func(*testing.T) *Lab
	}{
		{"lab-results", labOutcomes, 1280, 720, labFromFiles},
		{"lab-places", labPlaces, 1920, 1080, labFromFiles},
		{"lab-places-small", labPlaces, 1280, 720, labFromFiles},
		{"lab-compare", labCompare, 1280, 720, labFromFiles},
		{"lab-inputs", labInputs, 1280, 720, labRankedFromFile},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !ownProcess(t) {
				return
			}
			l := c.lab(t)
			l.Show(c.view)
			data, err := renderScene(l, c.w, c.h)
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, data, "testdata/"+c.name+".png")
		})
	}
}

// TestLabWatchARun: once a batch has ended, a run opens in the window as a
// game of AIs of the same setup and seed, which plays the run's game to
// the same end (state hash) and result.
func TestLabWatchARun(t *testing.T) {
	l := labSetup(t, 10)
	if !l.menu.off[l.rowWatch()] {
		t.Error("a run can be watched before any batch")
	}
	// A strength scaled and a date moved: the run watched must play them too.
	l.scale, l.shift = 150, -1
	l.labels()
	if err := l.Start(); err != nil {
		t.Fatal(err)
	}
	if !l.batch.wait(5 * time.Minute) {
		t.Fatal("10 runs did not end in 5 minutes")
	}
	l.Update(Input{Held: map[Key]bool{}})
	l.menu.at = l.rowWatch()
	press(t, l, KeyRight, KeyRight)
	if !strings.Contains(l.menu.items[l.rowWatch()], "seed 3 of 10") {
		t.Fatalf("the watch line reads %q", l.menu.items[l.rowWatch()])
	}
	p, ok := press(t, l, KeyEnter).(*Play)
	if !ok {
		t.Fatalf("Enter on %q does not open the run", l.menu.items[l.rowWatch()])
	}
	want := l.batch.set.Config(3)
	got := p.m.Record().Config
	if len(want.Set) != 2 {
		t.Fatalf("the batch's setup has no strength and date settings: %v", want.Set)
	}
	if got.Seed != 3 || !reflect.DeepEqual(got.Variants, want.Variants) || !reflect.DeepEqual(got.Set, want.Set) || !reflect.DeepEqual(got.Seats, want.Seats) {
		t.Fatalf("the run opened as %+v, the batch played %+v", got, want)
	}
	for {
		_, more, err := p.m.Step()
		if err != nil {
			t.Fatal(err)
		}
		if !more {
			break
		}
	}
	m, err := whatif.Match(l.batch.set, 3)
	if err != nil {
		t.Fatal(err)
	}
	if p.m.Hash() != m.Hash() || !reflect.DeepEqual(p.m.Result(), m.Result()) {
		t.Errorf("the run watched ends as %s %+v, the batch's as %s %+v", p.m.Hash(), p.m.Result(), m.Hash(), m.Result())
	}
	// Its result screen goes back to the lab, its batch still there, as
	// does the game menu's way out.
	if back, _ := p.end().Update(Input{Pressed: []Key{KeyEnter}, Held: map[Key]bool{}}); back != l || l.batch == nil || !l.batch.finished {
		t.Errorf("Enter on the run's result screen goes to %T, not back to the lab and its batch", back)
	}
	if p.leave() != l || !strings.Contains(strings.Join(p.newGameMenu().items, "|"), "Back to the lab") {
		t.Error("the run's game menu does not lead back to the lab")
	}
}

// runLab runs the lab's batch to its end and reads its news.
func runLab(t *testing.T, l *Lab) {
	t.Helper()
	if err := l.Start(); err != nil {
		t.Fatal(err)
	}
	if !l.batch.wait(5 * time.Minute) {
		t.Fatal("the batch did not end in 5 minutes")
	}
	l.Update(Input{Held: map[Key]bool{}})
}

// TestLabCompare: a batch kept as A (K) and another run as B are compared
// paired by seed, as whatif.Compare compares the same batches.
func TestLabCompare(t *testing.T) {
	l := labSetup(t, 50)
	l.SetVariant("benson", false)
	if !l.menu.off[l.rowKeep()] {
		t.Error("a batch can be kept as A before any has run")
	}
	runLab(t, l)
	l.Update(Input{Chars: []rune{'k'}, Held: map[Key]bool{}})
	if l.kept == nil || l.batch != nil {
		t.Fatal("K does not keep the batch as A")
	}
	l.SetVariant("benson", true)
	runLab(t, l)
	if l.cmp == nil {
		t.Fatalf("no comparison once B has ended: %s", l.status)
	}
	if l.cmp.Paired != 50 {
		t.Errorf("%d runs paired, not 50", l.cmp.Paired)
	}
	report := func(set whatif.Setup) *whatif.Report {
		b, err := whatif.Run(set, whatif.Options{Runs: 50, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		return whatif.NewReport(set, whatif.Meta{Seed: 1}, b)
	}
	want, err := whatif.Compare(report(l.kept.set), report(l.batch.set))
	if err != nil {
		t.Fatal(err)
	}
	got := *l.cmp
	got.A, got.B, want.A, want.B = "", "", "", ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the lab's comparison differs from whatif.Compare's:\nlab    %+v\nwhatif %+v", got.Shares, want.Shares)
	}
	if got := l.setupDiffers(); got != "What differs: B has variant Benson's strength: 1,000 insurgents." {
		t.Errorf("the comparison says %q", got)
	}
	if got := l.setupLine(l.kept); !strings.Contains(got, "50 runs from seed 1: as the file has it; Nilka insurgents played by the normal AI") {
		t.Errorf("A is described as %q", got)
	}
	if got := l.shareWords(l.cmp.Shares[0]); got != "Nilka insurgents win" {
		t.Errorf("the first share is named %q", got)
	}
	l.Update(Input{Chars: []rune{'k'}, Held: map[Key]bool{}})
	if l.kept != nil || l.cmp != nil {
		t.Error("K again does not forget A")
	}
}

// TestLabStrength: the strength control names a unit with its sourced
// figure and scales its men, which the batch plays.
func TestLabStrength(t *testing.T) {
	l := labSetup(t, 10)
	u := l.sc.Units[0]
	l.menu.at = l.rowMen()
	press(t, l, KeyRight, KeyRight)
	if want := u.ID + ".men=120%"; len(l.Spec().Scale) != 1 || l.Spec().Scale[0] != want {
		t.Fatalf("two steps right give the scale %v, not %s", l.Spec().Scale, want)
	}
	// The scale applies to the figure the ticked variant (Benson's) leaves.
	withBenson, err := scenario.Load("nilka-1944", scenario.Options{Variants: []string{"benson"}})
	if err != nil {
		t.Fatal(err)
	}
	label := l.menu.items[l.rowMen()]
	if played := withBenson.Unit(u.ID).Strength(); !strings.Contains(label, fmt.Sprintf("120%% of %d >", played)) {
		t.Errorf("the strength reads %q, not 120%% of the %d men the batch scales", label, played)
	}
	if src := l.sourced(); !strings.Contains(src, fmt.Sprintf("%s: %d men, the figure of ", u.Name, u.Strength())) || u.Source == "" {
		t.Errorf("the strength's source reads %q (its key %q)", src, u.Source)
	}
	runLab(t, l)
	var got *rules.Unit
	for i := range l.batch.set.Scenario.Units {
		if l.batch.set.Scenario.Units[i].ID == u.ID {
			got = &l.batch.set.Scenario.Units[i]
		}
	}
	if got == nil || got.Men == u.Men {
		t.Errorf("the batch played %s with %+v men, as the file gives (%d)", u.ID, got, u.Men)
	}
	sameAsWhatif(t, l, 10)
	l.menu.at = l.rowUnit()
	press(t, l, KeyRight)
	if l.Spec().Scale != nil {
		t.Errorf("another unit keeps the scale %v", l.Spec().Scale)
	}
}

// TestLabIdle: the lab asks for frames whenever the input may change it,
// while a batch runs once labRedraw has passed since the last frame, and
// for the frame that shows the batch's end.
func TestLabIdle(t *testing.T) {
	l := labSetup(t, 10)
	still := Input{Held: map[Key]bool{}}
	l.Update(still)
	l.settled = true // as after a frame drawn
	if !l.Idle() {
		t.Fatal("the lab is not idle with nothing to do")
	}
	l.Update(Input{Pressed: []Key{KeyDown}, Held: map[Key]bool{}})
	if l.Idle() {
		t.Error("a key pressed leaves the lab idle: its frame would not be drawn again")
	}
	l.settled = true
	if err := l.Start(); err != nil {
		t.Fatal(err)
	}
	if l.Idle() {
		t.Error("the lab is idle as its batch starts")
	}
	l.settled, l.drawnAt = true, time.Now() // a frame drawn
	if !l.Idle() {
		t.Error("the lab draws again at once while its batch runs")
	}
	l.drawnAt = time.Now().Add(-labRedraw)
	if l.running() && l.Idle() {
		t.Errorf("the lab is idle %s after its last frame while its batch runs", labRedraw)
	}
	l.drawnAt = time.Now().Add(time.Hour) // no redraws for the progress
	for l.running() {
		l.Update(still)
		time.Sleep(2 * time.Millisecond)
	}
	if l.Idle() {
		t.Error("the lab is idle before the frame that shows the batch's end is drawn")
	}
}

// TestLabHeldByTurn: the lab counts who held each place turn by turn as
// whatif.Holding counts the same runs of whatif.Run, and paints the map of
// the fights once the batch has ended.
func TestLabHeldByTurn(t *testing.T) {
	l := labSetup(t, 10)
	runLab(t, l)
	b := l.batch
	batch, err := whatif.Run(b.set, whatif.Options{Runs: 10, Seed: b.seed})
	if err != nil {
		t.Fatal(err)
	}
	want := whatif.NewHolding(b.set.Scenario)
	for _, r := range batch.Results {
		want.Add(r)
	}
	if !reflect.DeepEqual(b.last.held, want) {
		t.Errorf("the lab's holders by turn differ from whatif.Holding's of the same runs")
	}
	if b.last.fights == nil || b.last.fights.Bounds().Dx() == 0 {
		t.Error("no map of the fights once the batch has ended")
	}
	l.Update(Input{Chars: []rune{'2'}, Held: map[Key]bool{}})
	if l.view != labPlaces || !strings.Contains(l.menu.items[l.rowView()], "places and map") {
		t.Errorf("2 shows view %d, the line reads %q", l.view, l.menu.items[l.rowView()])
	}
}

// TestLabSources: the strength control gives the unit's sourced figure and
// the range the variants' sources allow, and where the scaled figure lies;
// the date control gives a date with its source and the variants' other
// dates, and moves it by days, which the batch plays.
func TestLabSources(t *testing.T) {
	l := labSetup(t, 10)
	l.SetVariant("benson", false)
	for l.sc.Units[l.unit].ID != "band-mounted" {
		l.menu.at = l.rowUnit()
		press(t, l, KeyRight)
	}
	src := l.sourced()
	if !strings.Contains(src, "Benson's strength: 1,000 insurgents (Linda Benson) gives 550: the sources allow 450 to 550.") {
		t.Errorf("the strength's sources read %q", src)
	}
	if !strings.Contains(src, "Its note: PRC reference encyclopedia gives 650-800 men in all;") {
		t.Errorf("the strength's sources give no note with its other figures: %q", src)
	}
	l.menu.at = l.rowMen()
	press(t, l, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight, KeyRight)
	if src := l.sourced(); !strings.Contains(src, "At 210%: 945 men, above every source's figure") {
		t.Errorf("at 210%% the strength's sources read %q", src)
	}
	// With Benson's variant ticked, the scale applies to its 550, as the
	// batch plays it: the figure shown must be the one played.
	l.SetVariant("benson", true)
	l.labels()
	if src := l.sourced(); !strings.Contains(src, "At 210% of the ticked variants' 550: 1155 men, above every source's figure") {
		t.Errorf("with Benson's variant ticked, at 210%% the strength's sources read %q", src)
	}
	if got := l.menu.items[l.rowMen()]; !strings.Contains(got, "210% of 550") {
		t.Errorf("with Benson's variant ticked the men's line reads %q", got)
	}
	set, err := l.Spec().Read()
	if err != nil {
		t.Fatal(err)
	}
	if u := set.Scenario.Unit("band-mounted"); u.Strength() != 1155 {
		t.Errorf("the batch plays the band with %d men, the lab says 1155", u.Strength())
	}
	l.SetVariant("benson", false)
	l.labels()
	for l.dates[l.date].Key != "unit.ghulja-column.arrive" {
		l.menu.at = l.rowDate()
		press(t, l, KeyRight)
	}
	d := l.dates[l.date]
	src = l.sourced()
	if !strings.Contains(src, d.Title+" ") || !strings.Contains(src, "What if: the column comes early gives 7 October 1944") {
		t.Errorf("the date's sources read %q", src)
	}
	l.menu.at = l.rowShift()
	press(t, l, KeyRight, KeyRight, KeyRight) // a day later, then past the last turn: refused
	if l.shift != 1 {
		t.Errorf("the column's arrival moved %d days, not to the last turn", l.shift)
	}
	press(t, l, KeyLeft, KeyLeft, KeyLeft)
	want := "unit.ghulja-column.arrive=" + l.sc.Setup.TurnTime(d.Turn).Add(-48*time.Hour).Format("2006-01-02T15:04:05")
	if sp := l.Spec(); len(sp.Set) != 1 || sp.Set[0] != want {
		t.Fatalf("two days earlier give --set %v, not %s", sp.Set, want)
	}
	if !strings.Contains(l.menu.items[l.rowShift()], "-2 days") || !strings.Contains(l.sourced(), "Moved by -2 days") {
		t.Errorf("the shift reads %q; %q", l.menu.items[l.rowShift()], l.sourced())
	}
	runLab(t, l)
	u := l.batch.set.Scenario.Unit("ghulja-column")
	if u.ArriveTurn >= d.Turn {
		t.Errorf("the column arrives on turn %d in the batch, on turn %d in the file", u.ArriveTurn, d.Turn)
	}
	sameAsWhatif(t, l, 10)

	// With the variant that brings the column early ticked, the date moves
	// from the variant's date, which is played, not from the file's.
	early, err := scenario.Load("nilka-1944", scenario.Options{Variants: []string{"benson", "column-early"}})
	if err != nil {
		t.Fatal(err)
	}
	earlyAt := early.Setup.TurnTime(early.Unit("ghulja-column").ArriveTurn)
	l.SetVariant("column-early", true)
	l.shift = 1
	l.labels()
	want = "unit.ghulja-column.arrive=" + earlyAt.Add(24*time.Hour).Format("2006-01-02T15:04:05")
	if sp := l.Spec(); len(sp.Set) != 1 || sp.Set[0] != want {
		t.Errorf("a day after the early column's date gives --set %v, not %s", sp.Set, want)
	}
	if src := l.sourced(); !strings.Contains(src, "Moved by +1 day: ") || !strings.Contains(src, "from the ticked variants' "+labDay(earlyAt)) {
		t.Errorf("the moved early date reads %q", src)
	}
}

// TestLabRank: S ranks the inputs of the setup in the background, polled
// by Update, as whatif's sensitivity study of the same setup, runs and
// seeds ranks them; Esc cancels a ranking, which keeps no effects.
func TestLabRank(t *testing.T) {
	l := labSetup(t, 10)
	l.Update(Input{Chars: []rune{'s'}, Held: map[Key]bool{}})
	if !l.ranking() || l.view != labInputs {
		t.Fatal("S does not start the ranking and show it")
	}
	if !l.menu.off[l.rowRun()] || l.menu.off[l.rowRank()] || !strings.Contains(l.menu.items[l.rowRank()], "Cancel") {
		t.Errorf("while ranking, Run is on %v and the ranking's line reads %q", !l.menu.off[l.rowRun()], l.menu.items[l.rowRank()])
	}
	deadline := time.Now().Add(10 * time.Minute)
	for l.ranking() && time.Now().Before(deadline) {
		l.Update(Input{Held: map[Key]bool{}})
		time.Sleep(5 * time.Millisecond)
	}
	if l.ranking() || l.study.last.err != nil || l.study.last.cancelled {
		t.Fatalf("the ranking ended with %v, cancelled %v", l.study.last.err, l.study.last.cancelled)
	}
	file, text, err := scenario.Read("nilka-1944")
	if err != nil {
		t.Fatal(err)
	}
	inputs, arms, skipped, err := whatif.SensitivityArms(l.study.spec, labDelta, func(sp whatif.Spec) (whatif.Setup, error) { return sp.Load(file, text) })
	if err != nil {
		t.Fatal(err)
	}
	head := whatif.StudyHead{Kind: whatif.KindSensitivity, Scenario: "nilka-1944", Delta: labDelta, Inputs: inputs, Skipped: skipped}
	st, err := whatif.RunStudy(context.Background(), head, arms, whatif.Options{Runs: 10, Seed: 1}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Effects) == 0 || !reflect.DeepEqual(l.study.last.effects, st.Effects) {
		t.Errorf("the lab ranks %d inputs, whatif %d, differently", len(l.study.last.effects), len(st.Effects))
	}
	l.Rank()
	for l.study.last.all == 0 {
		l.Update(Input{Held: map[Key]bool{}})
		time.Sleep(2 * time.Millisecond)
	}
	l.Update(Input{Pressed: []Key{KeyEscape}, Held: map[Key]bool{}})
	if !l.study.wait(time.Minute) || !l.study.last.cancelled || l.study.last.effects != nil {
		t.Errorf("Esc did not cancel the ranking: cancelled %v", l.study.last.cancelled)
	}
}

// TestBenchLab: the lab's benchmark plays the batch as ili sim does and in
// the lab while the window draws, and reports both times and the frames
// (their bounds are for ili play --bench-lab on a quiet machine, not for a
// test).
func TestBenchLab(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	r, err := BenchLab(Options{Scenario: "nilka-1944", Variants: []string{"benson"}, Seed: 1}, 50, 1280, 720)
	if err != nil {
		t.Fatal(err)
	}
	if r.Runs != 50 || r.Workers < 1 || r.SimRuns[0] <= 0 || r.SimRuns[1] <= 0 || r.Lab <= 0 || r.Shown < r.Lab || r.Frames == 0 || r.P99 < r.P50 {
		t.Errorf("the benchmark reports %+v", r)
	}
	if s := r.String(); !strings.Contains(s, "lab batch of 50 runs of nilka-1944") || !strings.Contains(s, "p99") {
		t.Errorf("it says %q", s)
	}
	if _, err := BenchLab(Options{Scenario: "nilka-1944"}, 7, 1280, 720); err == nil {
		t.Error("a batch of 7 runs, which the lab does not offer, is benchmarked")
	}
}

// labBlocked is how long an Update must take before a test says it waited
// for the batch: far above a frame on a loaded machine, far below a batch.
const labBlocked = time.Second

// TestLabCut: a long note is cut at a word with an ellipsis, which no full
// stop follows; a short one keeps its words and takes one full stop.
func TestLabCut(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Some men.", "Some men."},
		{"one account says a force crossed the river", "one account says a…"},
	} {
		if got := stop(labCut(c.in, 20)); got != c.want {
			t.Errorf("%q cut to 20 reads %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLabHistoryWords: the outcomes view gives "as in history" with its
// parts, and the places a side gave up in a run in ten or more, by name.
func TestLabHistoryWords(t *testing.T) {
	l := labFromFiles(t)
	b := l.batch
	s := *b.last.summary
	s.AsHistory = whatif.HistoryStat{Winner: whatif.Share{Share: 0.74}, KeyPlaces: whatif.Share{Share: 0.6}, Course: whatif.Share{Share: 0.88}, MeanKeyPlaces: 2.5, Of: 3}
	got := labHistory(&s)
	for _, want := range []string{"the record's winner won in 74%", "every key place ended as the record has it in 60% (2.5 of 3 on average)", "in 88%", "Course score"} {
		if !strings.Contains(got, want) {
			t.Errorf("as in history reads %q, without %q", got, want)
		}
	}
	s.GaveUp = []whatif.GaveUpStat{{Side: "provincial", Place: "nilka", GaveUp: whatif.Share{Share: 0.3}, Turn: whatif.Spread{Median: 4}},
		{Side: "insurgents", Place: "camp", GaveUp: whatif.Share{Share: 0.05}}}
	if got := l.gaveUp(b, &s); got != "Given up, marched out of, not driven out: Provincial garrison Nilka (Gongha) in 30% (turn 4)." {
		t.Errorf("the places given up read %q", got)
	}
	s.GaveUp = s.GaveUp[1:]
	if got := l.gaveUp(b, &s); got != "" {
		t.Errorf("a place given up in 5%% of runs is named: %q", got)
	}
}

// TestPoints: a difference that rounds to nothing is +0, never -0.
func TestPoints(t *testing.T) {
	for in, want := range map[float64]string{-0.004: "+0", 0.004: "+0", -0.3: "-30", 0.2: "+20"} {
		if got := points(in); got != want {
			t.Errorf("points(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestInputTitle: the ranking names its inputs as the controls do.
func TestInputTitle(t *testing.T) {
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"band-mounted: strength":            "Nilka band, mounted",
		"insurgents (every unit): strength": shortSide(sc, "insurgents") + ", every unit",
		"truck-detachment arrives: date":    "Truck-borne detachment from Ghulja arrives",
		"nobody: strength":                  "nobody: strength",
	} {
		if got := inputTitle(sc, in); got != want {
			t.Errorf("inputTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabExportName: batches of different setups are exported under
// different names.
func TestLabExportName(t *testing.T) {
	b := &labBatch{spec: whatif.Spec{Scenario: "nilka-1944", Variants: []string{"benson"}}, runs: 50, seed: 1}
	if got := b.exportName(); got != "nilka-1944-benson-50runs-seed1" {
		t.Errorf("a batch with a variant is exported as %q", got)
	}
	b.spec.Scale = []string{"band-mounted.men=120%"}
	b.spec.Set = []string{"unit.ghulja-column.arrive=1944-10-08T06:00:00"}
	if got := b.exportName(); got != "nilka-1944-benson-band-mounted-men-120pc-unit-ghulja-column-arrive-1944-10-08T06-00-00-50runs-seed1" {
		t.Errorf("a batch scaled and moved is exported as %q", got)
	}
}
