package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/ai"
	"ili/game/rules"
	"ili/game/scenario"
	"ili/game/whatif"
	"ili/game/words"
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
	unit   int
	scale  int
	menu   *menu
	batch  *labBatch
	status string
	// kept is the batch kept as A, which the next batch (B) is compared
	// with, paired by seed; cmp is that comparison, once B has ended.
	kept *labBatch
	cmp  *whatif.Comparison
	// settled is set once a frame has been drawn with no batch running:
	// the frame is right until the input changes something.
	settled bool
	// mx, my are where the pointer was at the last update.
	mx, my int
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
	for k := range l.levels {
		l.levels[k] = int(ai.Normal)
	}
	at := 0
	if l.menu != nil {
		at = min(l.menu.at, 0)
	}
	l.menu = newMenu(l.a, make([]string, l.rows())...)
	l.menu.at = at
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

// The menu's rows: the scenario, each variant, each side's AI, the runs,
// Run (or Cancel), watch a run, Back.
func (l *Lab) rows() int            { return 1 + len(l.variants) + len(l.levels) + 7 }
func (l *Lab) rowVariant(i int) int { return 1 + i }
func (l *Lab) rowLevel(i int) int   { return 1 + len(l.variants) + i }
func (l *Lab) rowUnit() int         { return 1 + len(l.variants) + len(l.levels) }
func (l *Lab) rowMen() int          { return l.rowUnit() + 1 }
func (l *Lab) rowRuns() int         { return l.rowUnit() + 2 }
func (l *Lab) rowRun() int          { return l.rowRuns() + 1 }
func (l *Lab) rowWatch() int        { return l.rowRuns() + 2 }
func (l *Lab) rowKeep() int         { return l.rowRuns() + 3 }
func (l *Lab) rowBack() int         { return l.rowRuns() + 4 }

// running reports whether a batch is under way.
func (l *Lab) running() bool { return l.batch != nil && !l.batch.finished }

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
		it[l.rowMen()] = fmt.Sprintf("Its men\t< %d%% of %d >", l.scale, u.Strength())
	}
	it[l.rowRuns()] = fmt.Sprintf("Runs\t< %d >", labRuns[l.runs])
	it[l.rowRun()] = "Run the batch (R)"
	if l.kept != nil {
		it[l.rowRun()] = "Run the batch as B, to compare with A (R)"
	}
	if l.running() {
		it[l.rowRun()] = "Cancel the batch (Esc)"
	}
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
		l.menu.off[i] = l.running() && i != l.rowRun() && i != l.rowBack() || i == l.rowWatch() && l.watchable() == 0 ||
			i == l.rowKeep() && l.kept == nil && !l.keepable()
	}
}

// sourced says where the strength control's figure comes from.
func (l *Lab) sourced() string {
	if l.sc == nil || len(l.sc.Units) == 0 {
		return ""
	}
	u := l.sc.Units[l.unit]
	return fmt.Sprintf("%s: %d men, the figure of %s; the scale applies to the figure the ticked variants leave.",
		u.Name, u.Strength(), words.Log{Scenario: l.sc}.SourceName(u.Source))
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
	if l.sc == nil || l.running() {
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
	case i < l.rowUnit():
		n := len(labLevels)
		l.levels[i-l.rowLevel(0)] = (l.levels[i-l.rowLevel(0)] + d + n) % n
	case i == l.rowRuns():
		l.runs = max(0, min(len(labRuns)-1, l.runs+d))
	case i == l.rowWatch():
		l.watch += d
	}
	l.labels()
}

// Start plays the batch the controls describe, in the background.
func (l *Lab) Start() error {
	if l.running() {
		return nil
	}
	sp := l.Spec()
	file, text, err := scenario.Read(sp.Scenario)
	if err != nil {
		return err
	}
	set, err := sp.Load(file, text)
	if err != nil {
		return err
	}
	l.batch = startLabBatch(sp, set, l.Runs(), l.seed)
	l.status = ""
	l.labels()
	return nil
}

// Cancel stops the batch under way; its runs so far stay shown.
func (l *Lab) Cancel() {
	if l.running() {
		l.batch.stop()
	}
}

// Leave stops a batch under way when the lab is left.
func (l *Lab) Leave() { l.Cancel() }

// Idle reports whether the frame drawn is still right: never while a
// batch runs, nor before the frame that shows how it ended is drawn.
func (l *Lab) Idle() bool { return l.settled && !l.running() }

// Update implements scene.
func (l *Lab) Update(in Input) (scene, error) {
	if !in.still(l.mx, l.my) {
		l.settled = false // the input may change what is drawn
	}
	l.mx, l.my = in.MouseX, in.MouseY
	if l.batch != nil {
		if l.running() {
			l.settled = false
		}
		l.batch.poll()
		l.compared()
		l.labels() // Run or Cancel, the controls on or off
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
	return l.batch != nil && l.batch.finished && l.batch.err == nil && !l.batch.cancelled && l.batch.last.report != nil
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
	c.A, c.B = l.kept.spec.Describe(sideIDsOf(l.kept.set)), l.batch.spec.Describe(sideIDsOf(l.batch.set))
	l.cmp = &c
}

// watchable is how many of the batch's runs may be watched: those of a
// batch that has ended, counted in seed order.
func (l *Lab) watchable() int {
	if l.batch == nil || !l.batch.finished || l.batch.err != nil {
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
	opt := Options{Scenario: b.spec.Scenario, Variants: b.spec.Variants, Seed: b.seed + uint64(i), AI: map[string]ai.Level{}}
	for side, lv := range b.spec.AI {
		level, err := ai.ParseLevel(lv)
		if err != nil {
			return nil, err
		}
		opt.AI[side] = level
	}
	return newPlay(l.a, opt)
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
	return b != nil && b.finished && b.err == nil && !b.cancelled && b.last.csv != nil
}

// exportName names a batch's exported files: its scenario, variants,
// runs and seed.
func (b *labBatch) exportName() string {
	base := b.spec.Scenario
	if len(b.spec.Variants) > 0 {
		base += "-" + strings.Join(b.spec.Variants, "+")
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
	w, _ := l.size()
	l.menu.place(w*0.03, 80, max(360, w*0.36))
}

// Lab colours.
var (
	labInk   = color.RGBA{235, 235, 228, 255}
	labDim   = color.RGBA{170, 170, 160, 255}
	labTrack = color.RGBA{60, 66, 80, 255}
	labBar   = color.RGBA{196, 150, 60, 255}
	labDraw  = color.RGBA{150, 150, 150, 255}
)

// Draw implements scene.
func (l *Lab) Draw(dst *ebiten.Image) {
	a := l.a
	w, h := l.size()
	l.settled = !l.running()
	dst.Fill(screenFill)
	l.layout()
	drawText(dst, "What-if lab: many games of AIs, and how often each outcome comes", l.menu.x, 30, a.title, color.White)
	l.menu.draw(dst)
	y := l.menu.y + l.menu.height() + 12
	if l.status != "" {
		y = drawTextLines(dst, a.wrap(l.status, l.menu.w, a.small), l.menu.x, y, h, a.small, color.RGBA{255, 170, 140, 255})
	}
	if src := l.sourced(); src != "" {
		y = drawTextLines(dst, a.wrap(src, l.menu.w, a.small), l.menu.x, y, h, a.small, labInk)
	}
	help := "Up/Down choose a line; Left/Right or Space change it; Enter or R runs the batch; X exports a finished batch as CSV and a chart; Esc cancels a batch, or goes back. Every run is an AI-against-AI game of its own seed, on every core; Watch a run plays one again in the window from its start."
	drawTextLines(dst, a.wrap(help, l.menu.w, a.small), l.menu.x, y+4, h, a.small, labDim)
	x := l.menu.x + l.menu.w + w*0.03
	cw := w - x - w*0.03
	switch {
	case l.batch == nil && l.kept != nil:
		drawText(dst, "A, kept to compare the next batch with:", x, 60, a.small, labBar)
		l.drawResults(dst, l.kept, x, 80, cw, h)
	case l.batch == nil:
		drawTextLines(dst, a.wrap("Choose a setup on the left and run it: the share of each outcome with its 95% interval, the losses, how far the runs went as history did and who held each place at the end fill in as the games end.", cw, a.text), x, 80, h, a.text, labDim)
	default:
		if l.kept != nil {
			drawText(dst, "B, to compare with A:", x, 60, a.small, labBar)
		}
		y := l.drawResults(dst, l.batch, x, 80, cw, h)
		l.drawComparison(dst, x, y+10, cw, h)
	}
}

// drawComparison draws B against A, each difference with its 95% interval,
// those larger than chance (p < 0.05) marked.
func (l *Lab) drawComparison(dst *ebiten.Image, x, y, cw, h float64) {
	a := l.a
	c := l.cmp
	if c == nil {
		return
	}
	drawText(dst, fmt.Sprintf("B against A (%d runs paired by seed): B less A, with its 95%% interval", c.Paired), x, y, a.text, color.White)
	y += a.text.Size * 1.5
	y = drawTextLines(dst, a.wrap("A: "+c.A+".   B: "+c.B+".   Marked *: larger than chance (p < 0.05).", cw, a.small), x, y, h, a.small, labDim)
	line := func(s string, hot bool) {
		ink := labInk
		if hot {
			ink = labBar
		}
		y = drawTextLines(dst, a.wrap(s, cw, a.small), x, y, h, a.small, ink)
	}
	for _, d := range c.Shares {
		if d.Measure == "gave up" {
			continue
		}
		mark := ""
		if d.Significant {
			mark = "* "
		}
		line(fmt.Sprintf("%s%s (%s): %.0f%% to %.0f%%, %+.0f points (%+.0f to %+.0f), p %.3f", mark, d.What, d.Measure, 100*d.A.Share, 100*d.B.Share,
			100*d.Diff, 100*d.Lo, 100*d.Hi, d.P), d.Significant)
	}
	for _, d := range c.Losses {
		mark := ""
		if d.Significant {
			mark = "* "
		}
		line(fmt.Sprintf("%smen lost by %s, mean: %.0f to %.0f, %+.0f (%+.0f to %+.0f), p %.3f", mark, d.Side, d.MeanA, d.MeanB, d.Diff, d.Lo, d.Hi, d.P), d.Significant)
	}
}

// drawResults draws batch b's progress and results in the column at x and
// returns the y below them.
func (l *Lab) drawResults(dst *ebiten.Image, b *labBatch, x, y, cw, h float64) float64 {
	a := l.a
	lh := a.text.Size * 1.5
	sides := b.set.Scenario.Setup.Sides
	y = drawTextLines(dst, a.wrap(b.set.Scenario.Title+": "+b.spec.Describe(sideIDsOf(b.set)), cw, a.small), x, y, h, a.small, labDim)
	// Progress.
	done := b.last.done
	rate, eta := b.rate()
	frac := float32(done) / float32(max(1, b.runs))
	vector.DrawFilledRect(dst, float32(x), float32(y+4), float32(cw), float32(lh), labTrack, false)
	vector.DrawFilledRect(dst, float32(x), float32(y+4), float32(cw)*frac, float32(lh), labBar, false)
	state := fmt.Sprintf("%d of %d runs, %.0f a second", done, b.runs, rate)
	switch {
	case b.err != nil:
		state = "stopped: " + b.err.Error()
	case b.cancelled:
		state = fmt.Sprintf("cancelled after %d runs (%d counted, in seed order)", done, b.last.counted)
	case b.finished:
		state += fmt.Sprintf(", done in %s", b.elapsed.Round(100*time.Millisecond))
	case eta > 0:
		state += fmt.Sprintf(", about %s to go", eta.Round(time.Second))
	}
	drawText(dst, state, x+8, y+4+(lh-a.text.Size*1.3)/2, a.text, labInk)
	y += lh + 16
	s := b.last.summary
	if s == nil || s.Runs == 0 {
		return y
	}
	pal := a.palette()
	colour := func(side string) color.RGBA {
		for i, sd := range sides {
			if sd.ID == side {
				return pal.Sides[i%len(pal.Sides)]
			}
		}
		return labDraw
	}
	name := func(side string) string {
		for _, sd := range sides {
			if sd.ID == side {
				return shortSide(b.set.Scenario, sd.ID)
			}
		}
		return side
	}
	drawText(dst, fmt.Sprintf("Outcomes of %d runs (bars: the share; lines: its 95%% interval)", s.Runs), x, y, a.text, color.White)
	y += lh
	labelW := cw * 0.34
	barW := cw - labelW - 90
	outcomes := append(sideIDsOf(b.set), "draw")
	for _, o := range outcomes {
		sh := s.Wins[o]
		label := name(o) + " wins"
		if o == "draw" {
			label = "a draw"
		}
		drawText(dst, label, x, y, a.small, labInk)
		bx := x + labelW
		vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(barW), float32(a.small.Size), labTrack, false)
		vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(barW*sh.Share), float32(a.small.Size), colour(o), false)
		my := float32(y + 2 + a.small.Size/2)
		vector.StrokeLine(dst, float32(bx+barW*sh.Lo), my, float32(bx+barW*sh.Hi), my, 2, color.White, false)
		vector.StrokeLine(dst, float32(bx+barW*sh.Lo), my-4, float32(bx+barW*sh.Lo), my+4, 2, color.White, false)
		vector.StrokeLine(dst, float32(bx+barW*sh.Hi), my-4, float32(bx+barW*sh.Hi), my+4, 2, color.White, false)
		drawText(dst, fmt.Sprintf("%.0f%% (%.0f-%.0f)", 100*sh.Share, 100*sh.Lo, 100*sh.Hi), bx+barW+6, y, a.small, labInk)
		y += a.small.Size * 1.6
	}
	y += 6
	var losses []string
	for _, side := range sideIDsOf(b.set) {
		sp := s.Losses[side]
		losses = append(losses, fmt.Sprintf("%s %.0f (%.0f-%.0f)", name(side), sp.Median, sp.Q1, sp.Q3))
	}
	y = drawTextLines(dst, a.wrap("Men lost, median (quartiles): "+strings.Join(losses, "; "), cw, a.small), x, y, h, a.small, labInk)
	hist := fmt.Sprintf("As in history (the record's winner, every key place, half the dated checkpoints): %.0f%% (%.0f-%.0f); course score %.2f",
		100*s.Historical.Share, 100*s.Historical.Lo, 100*s.Historical.Hi, s.CourseScore)
	y = drawTextLines(dst, a.wrap(hist, cw, a.small), x, y, h, a.small, labInk)
	y += 8
	drawText(dst, "Who held each place at the end", x, y, a.text, color.White)
	y += lh
	kx := x
	for _, o := range append(sideIDsOf(b.set), "nobody") {
		label := name(o)
		vector.DrawFilledRect(dst, float32(kx), float32(y+3), float32(a.small.Size), float32(a.small.Size), colour(o), false)
		drawText(dst, label, kx+a.small.Size+4, y, a.small, labInk)
		tw, _ := text.Measure(label, a.small, 0)
		kx += a.small.Size + 4 + tw + 16
	}
	y += a.small.Size * 1.8
	places := b.set.Scenario.Places
	for _, p := range places {
		held, ok := s.Owners[p.ID]
		if !ok || y+a.small.Size*1.6 > h-10 {
			continue
		}
		drawText(dst, p.Name, x, y, a.small, labInk)
		bx := x + labelW
		px := bx
		owners := make([]string, 0, len(held))
		for o := range held {
			owners = append(owners, o)
		}
		sort.Slice(owners, func(i, j int) bool { return labOrder(sides, owners[i]) < labOrder(sides, owners[j]) })
		var words []string
		for _, o := range owners {
			sh := held[o]
			ww := barW * sh.Share
			vector.DrawFilledRect(dst, float32(px), float32(y+2), float32(ww), float32(a.small.Size), colour(o), false)
			px += ww
			if sh.Share > 0 {
				words = append(words, fmt.Sprintf("%.0f%%", 100*sh.Share))
			}
		}
		drawText(dst, strings.Join(words, " / "), bx+barW+6, y, a.small, labInk)
		y += a.small.Size * 1.6
	}
	return y
}

// labOrder orders a place's holders: the sides in order, then nobody.
func labOrder(sides []rules.Side, owner string) int {
	for i, s := range sides {
		if s.ID == owner {
			return i
		}
	}
	return len(sides)
}

// sideIDsOf are the IDs of the setup's sides, in order.
func sideIDsOf(set whatif.Setup) []string {
	var ids []string
	for _, s := range set.Scenario.Setup.Sides {
		ids = append(ids, s.ID)
	}
	return ids
}
