package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"ili/game/ai"
	"ili/game/scenario"
	"ili/game/whatif"
)

// Lab is the what-if lab: a scenario, its variants, each side's AI level
// and a number of runs, played as a batch of AI-against-AI games on every
// core in the background, the results filling in as they come.
type Lab struct {
	screenSize
	a      *app
	back   scene // the title screen
	ids    []string
	titles []string
	pick   int // the scenario, of ids
	sc     *scenario.Scenario
	// variants ticked, and each side's AI level (an ai.Level).
	variants []bool
	levels   []int
	runs     int // an index of labRuns
	seed     uint64
	watch    int // the run to watch, counted from the batch's first seed
	// unit is the unit whose men the strength control scales (of sc.Units),
	// by scale percent (100: as the setup gives).
	unit  int
	scale int
	// dates are the scenario's movable dates; date is the one the date
	// control moves (of dates), by shift days.
	dates []whatif.Dated
	date  int
	shift int
	// alts are the figures the variants give for the controls' inputs.
	alts labSources
	menu *menu
	// view is the results shown, of labViews.
	view  int
	batch *labBatch
	// study is the sensitivity ranking under way or last played.
	study  *labStudy
	status string
	// kept is the batch kept as A, which the next batch (B) is compared
	// with, paired by seed; cmp is that comparison, once B has ended.
	kept *labBatch
	cmp  *whatif.Comparison
	// settled is set once a frame has been drawn, drawnAt when;
	// the frame is right until the input changes something.
	settled bool
	drawnAt time.Time
	// mx, my are where the pointer was at the last update.
	mx, my int
	// played is the scenario with the ticked variants, as a batch plays
	// it, and playedKey those variants: the figures the scale applies to.
	played    *scenario.Scenario
	playedKey string
}

// labRuns are the batch sizes the lab offers.
var labRuns = []int{10, 50, 100, 200, 500, 1000, 2000, 5000, 10000}

// labLevels are the AI levels, by ai.Level.
var labLevels = []string{"random", "greedy", "easy", "normal", "hard"}

func newLab(a *app, back scene) *Lab {
	l := &Lab{a: a, back: back, runs: 2, seed: 1}
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			continue
		}
		l.ids, l.titles = append(l.ids, id), append(l.titles, sc.Title)
	}
	l.choose(0)
	return l
}

// choose sets the scenario up anew: no variants, every AI normal.
func (l *Lab) choose(i int) {
	if len(l.ids) == 0 {
		l.status = "There are no scenarios to study."
		l.menu = newMenu(l.a, "Back")
		return
	}
	sc, err := scenario.Load(l.ids[i], scenario.Options{})
	if err != nil {
		l.status = err.Error()
		return
	}
	l.pick, l.sc = i, sc
	l.variants = make([]bool, len(sc.Variants))
	l.levels = make([]int, len(sc.Setup.Sides))
	l.unit, l.scale = 0, 100
	l.dates, l.date, l.shift = whatif.Dates(sc), 0, 0
	l.alts = labAlternatives(l.ids[i], sc)
	for k := range l.levels {
		l.levels[k] = int(ai.Normal)
	}
	l.menu = newMenu(l.a, make([]string, l.rows())...)
	l.labels()
}

// ChooseScenario sets the lab up for the scenario of that ID.
func (l *Lab) ChooseScenario(id string) bool {
	for i, x := range l.ids {
		if x == id {
			l.choose(i)
			return true
		}
	}
	return false
}

// The menu's rows: the scenario, each variant, each side's AI, the
// strength control, the runs, Run (or Cancel), watch a run, keep A, the
// results shown, Back.
func (l *Lab) rows() int            { return 1 + len(l.variants) + len(l.levels) + 11 }
func (l *Lab) rowVariant(i int) int { return 1 + i }
func (l *Lab) rowLevel(i int) int   { return 1 + len(l.variants) + i }
func (l *Lab) rowUnit() int         { return 1 + len(l.variants) + len(l.levels) }
func (l *Lab) rowMen() int          { return l.rowUnit() + 1 }
func (l *Lab) rowDate() int         { return l.rowUnit() + 2 }
func (l *Lab) rowShift() int        { return l.rowUnit() + 3 }
func (l *Lab) rowRuns() int         { return l.rowUnit() + 4 }
func (l *Lab) rowRun() int          { return l.rowRuns() + 1 }
func (l *Lab) rowRank() int         { return l.rowRuns() + 2 }
func (l *Lab) rowWatch() int        { return l.rowRuns() + 3 }
func (l *Lab) rowKeep() int         { return l.rowRuns() + 4 }
func (l *Lab) rowView() int         { return l.rowRuns() + 5 }
func (l *Lab) rowBack() int         { return l.rowRuns() + 6 }

// running reports whether a batch or a ranking is under way.
func (l *Lab) running() bool { return l.batching() || l.ranking() }

// batching reports whether a batch is under way.
func (l *Lab) batching() bool { return l.batch != nil && !l.batch.finished }

// ranking reports whether a sensitivity ranking is under way.
func (l *Lab) ranking() bool { return l.study != nil && !l.study.finished }

func (l *Lab) labels() {
	if l.sc == nil {
		return
	}
	it := l.menu.items
	it[0] = "Scenario\t< " + l.titles[l.pick] + " >"
	for i, v := range l.sc.Variants {
		box := "[  ]"
		if l.variants[i] {
			box = "[x]"
		}
		it[l.rowVariant(i)] = box + " " + v.Title
	}
	for i, s := range l.sc.Setup.Sides {
		it[l.rowLevel(i)] = shortSide(l.sc, s.ID) + "\t< " + labLevels[l.levels[i]] + " >"
	}
	if len(l.sc.Units) > 0 {
		u := l.sc.Units[l.unit]
		it[l.rowUnit()] = "Strength of\t< " + u.Name + " >"
		it[l.rowMen()] = fmt.Sprintf("Its men\t< %d%% of %d >", l.scale, l.playedMen(u.ID, u.Strength()))
	}
	it[l.rowDate()], it[l.rowShift()] = "Date of\t(none to move)", "Moved by\t< 0 days >"
	if len(l.dates) > 0 {
		it[l.rowDate()] = "Date of\t< " + l.dates[l.date].Title + " >"
		it[l.rowShift()] = fmt.Sprintf("Moved by\t< %s: %s >", labDays(l.shift), labDay(l.shifted()))
	}
	it[l.rowRuns()] = fmt.Sprintf("Runs\t< %d >", labRuns[l.runs])
	it[l.rowRun()] = "Run the batch (R)"
	if l.kept != nil {
		it[l.rowRun()] = "Run the batch as B, to compare with A (R)"
	}
	if l.batching() {
		it[l.rowRun()] = "Cancel the batch (Esc)"
	}
	it[l.rowRank()] = "Rank the inputs by their effect (S)"
	if l.ranking() {
		it[l.rowRank()] = "Cancel the ranking (Esc)"
	}
	it[l.rowView()] = fmt.Sprintf("Show (1-%d)\t< %s >", len(labViews), labViews[l.view])
	it[l.rowBack()] = "Back to the title"
	it[l.rowWatch()] = "Watch a run of the batch"
	if n := l.watchable(); n > 0 {
		l.watch = max(0, min(l.watch, n-1))
		it[l.rowWatch()] = fmt.Sprintf("Watch a run\t< seed %d of %d >", l.batch.seed+uint64(l.watch), n)
	}
	it[l.rowKeep()] = "Keep this batch as A, to compare the next with it (K)"
	if l.kept != nil {
		it[l.rowKeep()] = "Forget A, the batch compared with (K)"
	}
	for i := range l.menu.off {
		l.menu.off[i] = l.running() && i != l.rowBack() && i != l.rowView() && !(i == l.rowRun() && l.batching()) && !(i == l.rowRank() && l.ranking()) || i == l.rowWatch() && l.watchable() == 0 ||
			i == l.rowKeep() && l.kept == nil && !l.keepable() || (i == l.rowDate() || i == l.rowShift()) && len(l.dates) == 0
	}
}

// playedScenario is the scenario with the ticked variants, as a batch
// plays it (nil when they do not load), kept until they change.
func (l *Lab) playedScenario() *scenario.Scenario {
	var vs []string
	for i, on := range l.variants {
		if on {
			vs = append(vs, l.sc.Variants[i].ID)
		}
	}
	key := l.ids[l.pick] + ":" + strings.Join(vs, ",")
	if l.played == nil || l.playedKey != key {
		l.played, l.playedKey = nil, key
		if sc, err := scenario.Load(l.ids[l.pick], scenario.Options{Variants: vs}); err == nil {
			l.played = sc
		}
	}
	return l.played
}

// playedMen is the unit's strength as the ticked variants leave it, the
// figure a batch scales (fallback, the file's, when they do not load).
func (l *Lab) playedMen(id string, fallback int) int {
	if sc := l.playedScenario(); sc != nil {
		if u := sc.Unit(id); u != nil {
			return u.Strength()
		}
	}
	return fallback
}

// playedTurn is the turn of the movable date key as the ticked variants
// leave it, which a batch moves (fallback, the file's, when they do not
// load).
func (l *Lab) playedTurn(key string, fallback int) int {
	if sc := l.playedScenario(); sc != nil {
		for _, d := range whatif.Dates(sc) {
			if d.Key == key {
				return d.Turn
			}
		}
	}
	return fallback
}

// sourced says where the strength and date controls' figures come from
// and the ranges the sources allow.
func (l *Lab) sourced() string {
	if l.sc == nil || len(l.sc.Units) == 0 {
		return ""
	}
	return l.strengthSourced() + " " + l.dateSourced()
}

// Spec is the setup the controls describe.
func (l *Lab) Spec() whatif.Spec {
	sp := whatif.Spec{Scenario: l.ids[l.pick], AI: map[string]string{}}
	for i, on := range l.variants {
		if on {
			sp.Variants = append(sp.Variants, l.sc.Variants[i].ID)
		}
	}
	for i, s := range l.sc.Setup.Sides {
		sp.AI[s.ID] = labLevels[l.levels[i]]
	}
	if l.scale != 100 && len(l.sc.Units) > 0 {
		sp.Scale = []string{fmt.Sprintf("%s.men=%d%%", l.sc.Units[l.unit].ID, l.scale)}
	}
	if l.shift != 0 && len(l.dates) > 0 {
		sp.Set = []string{l.dates[l.date].Key + "=" + l.shifted().Format("2006-01-02T15:04:05")}
	}
	return sp
}

// Runs is the number of runs chosen.
func (l *Lab) Runs() int { return labRuns[l.runs] }

// SetRuns chooses the batch size nearest n that the lab offers.
func (l *Lab) SetRuns(n int) {
	best := 0
	for i, r := range labRuns {
		if dist(r, n) < dist(labRuns[best], n) {
			best = i
		}
	}
	l.runs = best
	l.labels()
}

func dist(a, b int) int { return max(a-b, b-a) }

// SetVariant ticks or clears a variant by ID.
func (l *Lab) SetVariant(id string, on bool) bool {
	for i, v := range l.sc.Variants {
		if v.ID == id {
			l.variants[i] = on
			l.labels()
			return true
		}
	}
	return false
}

// change steps row i by d.
func (l *Lab) change(i, d int) {
	if l.sc == nil || l.running() && i != l.rowView() {
		return
	}
	switch {
	case i == 0:
		n := len(l.ids)
		l.choose((l.pick + d + n) % n)
		return
	case i < l.rowLevel(0):
		l.variants[i-1] = !l.variants[i-1]
	case i == l.rowUnit() && len(l.sc.Units) > 0:
		n := len(l.sc.Units)
		l.unit, l.scale = (l.unit+d+n)%n, 100
	case i == l.rowMen():
		l.scale = max(10, min(300, l.scale+10*d))
	case i == l.rowDate() && len(l.dates) > 0:
		n := len(l.dates)
		l.date, l.shift = (l.date+d+n)%n, 0
	case i == l.rowShift():
		l.shiftBy(d)
	case i < l.rowUnit():
		n := len(labLevels)
		l.levels[i-l.rowLevel(0)] = (l.levels[i-l.rowLevel(0)] + d + n) % n
	case i == l.rowRuns():
		l.runs = max(0, min(len(labRuns)-1, l.runs+d))
	case i == l.rowWatch():
		l.watch += d
	case i == l.rowView():
		l.Show((l.view + d + len(labViews)) % len(labViews))
	}
	l.labels()
}

// Show shows the results of view v, of labViews.
func (l *Lab) Show(v int) {
	if v >= 0 && v < len(labViews) {
		l.view = v
		l.labels()
	}
}

// Start plays the batch the controls describe, in the background.
func (l *Lab) Start() error {
	if l.running() {
		return nil
	}
	sp := l.Spec()
	set, err := sp.Read()
	if err != nil {
		return err
	}
	l.batch = startLabBatch(sp, set, l.Runs(), l.seed)
	l.status = ""
	l.labels()
	return nil
}

// Cancel stops the batch under way, whose runs so far stay shown, or the
// ranking under way.
func (l *Lab) Cancel() {
	if l.batching() {
		l.batch.stop()
	}
	if l.ranking() {
		l.study.cancel()
	}
}

// Rank starts ranking the inputs of the setup the controls describe by
// their effect, the runs chosen a setup, in the background.
func (l *Lab) Rank() {
	if l.running() || l.sc == nil {
		return
	}
	l.study = startLabStudy(l.Spec(), l.Runs(), l.seed)
	l.view, l.status = labInputs, ""
	l.labels()
}

// Leave stops a batch under way when the lab is left.
func (l *Lab) Leave() { l.Cancel() }

// labRedraw is how often the lab redraws while a batch or a ranking runs
// and nothing else changes: often enough for its progress to move
// smoothly, seldom enough to leave the processor to the games.
const labRedraw = 500 * time.Millisecond

// Idle reports whether the frame drawn is still right: while a batch runs,
// for labRedraw after a frame; and not before the frame that shows how it
// ended is drawn, nor after any input.
func (l *Lab) Idle() bool {
	return l.settled && (!l.running() || time.Since(l.drawnAt) < labRedraw)
}

// Paced is how long the window may rest before the lab's next frame is
// due while a batch or a ranking runs (it redraws every labRedraw then);
// 0 when it is due or nothing runs.
func (l *Lab) Paced() time.Duration {
	if !l.running() {
		return 0
	}
	return max(0, labRedraw-time.Since(l.drawnAt))
}

// Update implements scene.
func (l *Lab) Update(in Input) (scene, error) {
	if !in.still(l.mx, l.my) {
		l.settled = false // the input may change what is drawn
	}
	l.mx, l.my = in.MouseX, in.MouseY
	wasRunning := l.running()
	if l.study != nil {
		l.study.poll()
	}
	if l.batch != nil {
		l.batch.poll()
		l.compared()
	}
	if wasRunning && !l.running() {
		l.settled = false // the frame that shows the end
		l.labels()        // Run again, the controls on
	}
	switch {
	case in.Has(KeyQuit):
		l.Cancel()
		return nil, errQuit
	case in.Has(KeyEscape):
		if l.running() {
			l.Cancel()
			return nil, nil
		}
		return l.back, nil
	case step(in) != 0 && !in.Has(KeyToggle):
		l.change(l.menu.at, step(in))
	}
	for _, r := range in.Chars {
		switch r {
		case 'r', 'R':
			l.run()
		case 'x', 'X':
			l.export()
		case 'k', 'K':
			l.Keep()
		case 's', 'S':
			l.Rank()
		case '1', '2', '3', '4', '5', '6', '7', '8', '9':
			l.Show(int(r - '1'))
		}
	}
	l.layout()
	switch i := l.menu.update(in); {
	case i < 0:
	case i == l.rowBack():
		l.Cancel()
		return l.back, nil
	case i == l.rowRun():
		if l.running() {
			l.Cancel()
		} else {
			l.run()
		}
	case i == l.rowRank():
		if l.running() {
			l.Cancel()
		} else {
			l.Rank()
		}
	case i == l.rowKeep():
		l.Keep()
	case i == l.rowWatch():
		p, err := l.Watch(l.watch)
		if err != nil {
			l.status = "The run cannot be opened: " + err.Error()
			return nil, nil
		}
		return p, nil
	default:
		l.change(i, 1)
	}
	if in.Has(KeyToggle) && l.menu.at > 0 && l.menu.at < l.rowUnit() {
		l.change(l.menu.at, 1)
	}
	return nil, nil
}

// keepable reports whether the batch may be kept as A: it ran to its end.
func (l *Lab) keepable() bool {
	return l.batch != nil && l.batch.finished && l.batch.last.err == nil && !l.batch.last.cancelled && l.batch.last.report != nil
}

// Keep keeps the batch as A, to compare the next batch with; with A kept
// already, it forgets A.
func (l *Lab) Keep() {
	switch {
	case l.running():
	case l.kept != nil:
		l.kept, l.cmp = nil, nil
		l.status = ""
	case l.keepable():
		l.kept, l.batch, l.cmp = l.batch, nil, nil
		l.status = "A is kept: change the setup and run it as B; the runs of the same seed are paired."
	}
	l.labels()
}

// compared compares B with A once B has ended.
func (l *Lab) compared() {
	if l.kept == nil || l.cmp != nil || !l.keepable() {
		return
	}
	c, err := whatif.Compare(l.kept.last.report, l.batch.last.report)
	if err != nil {
		l.status = "The batches cannot be compared: " + err.Error()
		return
	}
	l.cmp = &c
}

// watchable is how many of the batch's runs may be watched: those of a
// batch that has ended, counted in seed order.
func (l *Lab) watchable() int {
	if l.batch == nil || !l.batch.finished || l.batch.last.err != nil {
		return 0
	}
	return l.batch.last.counted
}

// Watch opens the batch's i-th run in the window, a game of AIs from its
// start: the same setup and seed play the same game as in the batch.
func (l *Lab) Watch(i int) (*Play, error) {
	if i < 0 || i >= l.watchable() {
		return nil, fmt.Errorf("the batch has no run %d", i+1)
	}
	b := l.batch
	cfg := b.set.Config(b.seed + uint64(i)) // the run's own strengths and dates too
	opt := Options{Scenario: b.spec.Scenario, Variants: b.spec.Variants, Set: cfg.Set, From: cfg.From, Seed: cfg.Seed, AI: map[string]ai.Level{}}
	for side, lv := range b.spec.AI {
		level, err := ai.ParseLevel(lv)
		if err != nil {
			return nil, err
		}
		opt.AI[side] = level
	}
	p, err := newPlay(l.a, opt)
	if err == nil {
		p.home = l // the lab and its batches stay, to come back to
	}
	return p, err
}

// Export writes the finished batch's report (CSV, one row a run, with the
// whole setup) and its chart (PNG) into the player's files, in the folder
// lab, and says where.
func (l *Lab) Export() (csvName, chartName string, err error) {
	b := l.batch
	if !b.exportable() {
		return "", "", fmt.Errorf("only a batch run to its end is exported; run one first")
	}
	st, err := l.a.store()
	if err != nil {
		return "", "", err
	}
	base := "lab/" + b.exportName()
	if err := st.Write(base+".csv", b.last.csv); err != nil {
		return "", "", err
	}
	csvName = st.Where(base + ".csv")
	if b.last.chart != nil {
		if err := st.Write(base+".png", b.last.chart); err != nil {
			return csvName, "", err
		}
		chartName = st.Where(base + ".png")
	}
	return csvName, chartName, nil
}

// exportable is whether the batch ran to its end and has its report.
func (b *labBatch) exportable() bool {
	return b != nil && b.finished && b.last.err == nil && !b.last.cancelled && b.last.csv != nil
}

// exportName names a batch's exported files: its scenario, variants, the
// strength scaled and the date moved, runs and seed, so that batches of
// different setups never overwrite each other's.
func (b *labBatch) exportName() string {
	base := b.spec.Scenario
	if len(b.spec.Variants) > 0 {
		base += "-" + strings.Join(b.spec.Variants, "+")
	}
	for _, set := range append(slices.Clone(b.spec.Scale), b.spec.Set...) {
		base += "-" + strings.ReplaceAll(set, "%", "pc") // a strength scaled, a date moved
	}
	return safeName(fmt.Sprintf("%s-%druns-seed%d", base, b.runs, b.seed))
}

// download hands the finished batch's CSV and chart to the person as
// downloads, in the browser, and says so.
func (l *Lab) download() {
	b := l.batch
	if !b.exportable() {
		l.status = "Nothing downloaded: only a batch run to its end is exported; run one first."
		return
	}
	name := b.exportName()
	err := offer(name+".csv", "text/csv", b.last.csv)
	if err == nil && b.last.chart != nil {
		err = offer(name+".png", "image/png", b.last.chart)
	}
	if err != nil {
		l.status = "Nothing downloaded: " + err.Error() + "."
		return
	}
	l.status = "The batch is downloaded as " + name + ".csv, with its chart as " + name + ".png."
}

// export exports the batch and says where it went: into the player's
// files on a desktop, as downloads in the browser.
func (l *Lab) export() {
	if onWeb {
		l.download()
		return
	}
	csvName, chartName, err := l.Export()
	switch {
	case err != nil:
		l.status = "Nothing exported: " + err.Error()
	case chartName != "":
		l.status = "The batch is written to " + csvName + " and its chart to " + chartName + "."
	default:
		l.status = "The batch is written to " + csvName + "."
	}
}

// run starts the batch and says why it cannot.
func (l *Lab) run() {
	if l.running() {
		return
	}
	if err := l.Start(); err != nil {
		l.status = "The batch cannot start: " + err.Error()
	}
}

// layout places the controls for the screen's size.
func (l *Lab) layout() {
	w, h := l.size()
	l.menu.place(w*0.03, 80, max(360, w*0.36))
	l.menu.labelMax = 0.4
	l.menu.fit = h*0.95 - 80 - 8*l.a.small.Size*1.4 // room below for the source and the help

}

// sideIDsOf are the IDs of the setup's sides, in order.
func sideIDsOf(set whatif.Setup) []string {
	var ids []string
	for _, s := range set.Scenario.Setup.Sides {
		ids = append(ids, s.ID)
	}
	return ids
}
