package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/debrief"
	"ili/game/files"
	"ili/game/history"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/save"
	"ili/game/scenario"
)

// End is the result screen: the outcome, victory points and losses of the
// game on the left, with who held each place turn by turn beside the
// record and how far the game was off it; what happened in history on the
// right, and the scenario's epilogue below.
type End struct {
	screenSize
	a       *app
	seed    uint64
	title   string
	game    []string // the game's result, a line each
	history []string // the record, a line each (paragraphs unwrapped)
	lines   []string // all of it, for tests and for reading aloud
	// beside is who held each scored place turn by turn in the game and
	// by the record, and how far the game was off the record.
	beside beside
	// The game, for its debrief: the scenario and the record.
	sc  *scenario.Scenario
	rec match.Record
	m   *match.Match // for a lesson's hand-in
	// debrief says where the debrief was written, or why it was not;
	// writing is set while it is being written, to say so first.
	debrief string
	written bool
	writing bool
	// note says why the game stopped before its end (a lesson's time up).
	note string
	// dirty is set when the frame on screen is out of date.
	dirty        bool
	lastX, lastY int
	// home is where Enter goes: the lab, for one of its runs watched; nil
	// for a new title screen.
	home scene
}

// newEnd sums up a finished match: the same result the batches count.
func newEnd(a *app, m *match.Match) *End {
	sc, r := m.Scenario(), m.Result()
	e := &End{a: a, seed: m.Seed(), sc: sc, rec: m.Record(), m: m, dirty: true}
	name := sc.SideName
	e.title = resultTitle(sc, r, m.Over())
	e.game = append(e.game, "YOUR GAME"+verdict(m, r.Winner), "")
	for _, sd := range sc.Setup.Sides {
		e.game = append(e.game, name(sd.ID),
			fmt.Sprintf("    %d victory points", r.VP[sd.ID]),
			fmt.Sprintf("    %d men lost (killed, wounded, captured), %d still in the field", r.Losses[sd.ID].Men, r.Field[sd.ID]), "")
	}
	e.history = historyLines(sc, r)
	e.beside = besideOf(sc, r)
	e.lines = append(append(append([]string{e.title}, e.game...), e.history...), e.beside.lines()...)
	return e
}

// verdict tells the person who played one side whether they won: ": you
// won", ": you lost", ": a draw"; "" for a game of two people or of AIs,
// or one stopped before its end.
func verdict(m *match.Match, winner string) string {
	var people []string
	for _, st := range m.Seats() {
		if st.Person() {
			people = append(people, st.Side)
		}
	}
	switch {
	case len(people) != 1 || !m.Over():
		return ""
	case winner == "":
		return ": a draw"
	case winner == people[0]:
		return ": you won"
	}
	return ": you lost"
}

// resultTitle heads the result screen: who won and why, the sides and
// places of the reason named; or, for a game stopped before its end
// (Winner and Reason empty), the turn it stopped on.
func resultTitle(sc *scenario.Scenario, r match.Result, over bool) string {
	if !over {
		return fmt.Sprintf("%s: stopped on turn %d of %d, before its end", sc.Title, r.Turns, sc.Turns)
	}
	t := sc.Title + ": nobody: a draw"
	if r.Winner != "" {
		t = sc.Title + ": " + says(sc.SideName(r.Winner), "win")
	}
	if r.Reason != "" {
		t += " (" + sc.Named(r.Reason) + ")"
	}
	return t
}

// stopped notes why the game stopped before its end: said under the title,
// and again over the lesson's questions.
func (e *End) stopped(why string) {
	e.note = why
	e.lines = append([]string{e.lines[0], why}, e.lines[1:]...)
}

// historyLines set the game beside the record: who won, who held each
// place the record names, the summary, the epilogue and the source.
func historyLines(sc *scenario.Scenario, r match.Result) []string {
	var held []string
	for _, h := range r.Holds {
		now := h.Game
		if now == "" {
			now = "nobody"
		}
		mark := " "
		if now != h.History {
			mark = "*"
		}
		title := h.Place
		for _, p := range sc.Places {
			if p.ID == h.Place {
				title = p.Name
			}
		}
		held = append(held, fmt.Sprintf("%s %s: %s in history, %s in your game", mark, title, shortSide(sc, h.History), shortSide(sc, now)))
	}
	sort.Strings(held)
	hist := "nobody clearly"
	if sc.History.Winner != "" {
		hist = sc.SideName(sc.History.Winner)
	}
	out := append([]string{"IN HISTORY: " + hist + " won.", ""}, held...)
	out = append(out, courseLines(sc, r)...)
	out = append(out, "(* where your game differs)", "")
	for _, para := range strings.Split(strings.TrimSpace(sc.History.Summary)+"\n\n"+strings.TrimSpace(sc.History.Epilogue), "\n\n") {
		out = append(out, strings.Join(strings.Fields(para), " "), "")
	}
	if _, ok := sc.Sources[sc.History.Source]; ok {
		out = append(out, latin("Source: "+sc.Cite(sc.History.Source)))
	}
	return out
}

// courseLines set the game beside the record's course of events, date by
// date: who held each place at the start of that day's turn.
func courseLines(sc *scenario.Scenario, r match.Result) []string {
	if len(r.Course) == 0 {
		return nil
	}
	out := []string{"", fmt.Sprintf("THE COURSE OF EVENTS: your game held %.0f%% of the record's dates as they were.", 100*r.CourseScore)}
	for _, c := range r.Course {
		date := ""
		for _, h := range sc.History.Course {
			if h.Place == c.Place && h.Turn == c.Turn {
				date = h.On.Format("2 Jan 2006")
			}
		}
		mark := " "
		if c.Game != c.History {
			mark = "*"
		}
		out = append(out, fmt.Sprintf("%s %s, %s: %s in history, %s in your game", mark, date, placeName(sc, c.Place),
			shortSide(sc, orNobody(c.History)), shortSide(sc, orNobody(c.Game))))
	}
	return out
}

func orNobody(side string) string {
	if side == "" {
		return "nobody"
	}
	return side
}

func placeName(sc *scenario.Scenario, id string) string {
	for _, p := range sc.Places {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// Update implements scene. D (or Right), or the button, writes the
// debrief: its message is shown first, and the debrief, which replays the
// game, is written at the next frame.
func (e *End) Update(in Input) (scene, error) {
	if !in.still(e.lastX, e.lastY) {
		e.dirty = true
	}
	e.lastX, e.lastY = in.MouseX, in.MouseY
	if e.writing {
		e.writeDebrief()
		e.writing, e.dirty = false, true
		return nil, nil
	}
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyRight) || in.Click && e.onButton(in.MouseX, in.MouseY):
		if !e.written {
			e.writing = true
			e.debrief = "Writing the debrief: the game is replayed, which takes a moment..."
		}
	case (in.Has(KeyEnter) || in.Click) && e.a.lesson != nil:
		return newQuestions(e.a, e.a.lesson, e.m, e.note), nil
	case e.a.lesson != nil: // a lesson goes on to its questions, not away
	case in.Has(KeyEnter) || in.Has(KeyEscape) || in.Click:
		if e.home != nil {
			return e.home, nil
		}
		return newTitle(e.a, Options{Seed: e.seed}), nil
	}
	return nil, nil
}

// Idle reports whether the frame on screen is still right.
func (e *End) Idle() bool { return !e.dirty }

// debriefDir is the folder this game's debrief goes into: a folder of its
// own, by scenario and time, under the app's debriefs folder.
func (e *End) debriefDir() (string, error) {
	base := e.a.debriefs
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("there is no home folder to write it into (%v)", err)
		}
		base = filepath.Join(home, "ili", "debriefs")
	}
	name := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '-'
	}, e.sc.ID)
	return filepath.Join(base, name+"-"+time.Now().Format("20060102-150405")), nil
}

// writeDebrief writes the game's debrief, index.html with its pictures,
// and the encyclopedia's page beside it, and says where or why not.
func (e *End) writeDebrief() {
	if onWeb {
		e.downloadDebrief()
		return
	}
	dir, err := e.debriefDir()
	if err == nil {
		err = writeDebrief(e.sc, e.rec, e.a.lesson.record(), dir)
	}
	if err != nil {
		e.debrief = "The debrief could not be written: " + err.Error() + "."
		return
	}
	e.written = true
	e.debrief = "The debrief is written in " + dir + ": open index.html in a browser; encyclopedia.html is beside it."
}

// writeDebrief replays the game of rec and writes its debrief into dir,
// with the encyclopedia's page beside it; a lesson's (nil: none) names the
// student and the lesson.
func writeDebrief(sc *scenario.Scenario, rec match.Record, l *save.Lesson, dir string) error {
	d, err := debrief.Build(sc, rec, "")
	if err != nil {
		return err
	}
	d.Lesson = l
	if _, err := d.Write(dir); err != nil {
		return err
	}
	page, err := encyclopediaPage()
	if err != nil {
		return err
	}
	return files.Write(filepath.Join(dir, "encyclopedia.html"), page)
}

// encyclopediaPage is the encyclopedia as the one page a debrief carries
// beside it, on a desktop's disk or in the browser's zip.
func encyclopediaPage() ([]byte, error) {
	enc, err := theEncyclopedia()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := enc.WriteHTML(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// debriefLabel is the debrief button's label.
const debriefLabel = "D   Write the debrief"

// button is where the debrief button stands.
func (e *End) button() (x, y, w, h float64) {
	a := e.a
	sw, sh := e.size()
	tw, _ := text.Measure(debriefLabel, a.text, 0)
	w, h = tw+28, math.Round(a.text.Size*2)
	return sw - 40 - w, sh - 34 + a.text.Size*0.65 - h/2, w, h
}

func (e *End) onButton(x, y int) bool {
	bx, by, bw, bh := e.button()
	fx, fy := float64(x), float64(y)
	return fx >= bx && fx < bx+bw && fy >= by && fy < by+bh
}

// drawButton draws the debrief button, filled when pointed at, dimmed
// once the debrief is written.
func (e *End) drawButton(dst *ebiten.Image) {
	x, y, w, h := e.button()
	ink := color.RGBA{130, 70, 20, 255}
	switch {
	case e.written || e.writing:
		ink = legendInk
	case e.onButton(e.lastX, e.lastY):
		vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), menuHot, false)
		ink = color.RGBA{30, 24, 10, 255}
	}
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 1, ink, false)
	drawText(dst, debriefLabel, x+14, y+(h-e.a.text.Size*1.3)/2, e.a.text, ink)
}

// Draw implements scene.
func (e *End) Draw(dst *ebiten.Image) {
	e.dirty = false
	a := e.a
	w, h := e.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	ink := color.RGBA{30, 30, 30, 255}
	// The title wraps in a narrow window or a large interface.
	titled := drawTextLines(dst, a.wrap(e.title, w-80, a.title), 40, 30, h, a.title, color.Black)
	bx, _, _, _ := e.button()
	var note []string
	if e.debrief != "" {
		note = a.wrap(e.debrief, bx-60, a.text)
	}
	lift := float64(len(note)) * a.text.Size * 1.45
	top := titled + a.title.Size*0.95
	if e.note != "" {
		drawText(dst, e.note, 40, titled+a.title.Size*0.25, a.text, color.RGBA{170, 40, 30, 255})
		top += a.text.Size * 1.6
	}
	colW := math.Max(300, w*0.36)
	var game []string
	for _, l := range e.game { // each line within its column, wrapped with its indent
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		for i, wl := range a.wrap(strings.TrimLeft(l, " "), colW-20-float64(len(indent))*a.text.Size*0.3, a.text) {
			if i > 0 {
				wl = "  " + wl
			}
			game = append(game, indent+wl)
		}
	}
	below := drawTextLines(dst, game, 40, top, h-50-lift, a.text, ink)
	e.drawBeside(dst, 40, below+a.text.Size*0.5, colW, h-60-lift)
	rx := 40 + colW + 30
	vector.StrokeLine(dst, float32(rx-15), float32(top), float32(rx-15), float32(h-60-lift), 1, color.RGBA{150, 130, 100, 255}, false)
	var lines []string
	for _, l := range e.history {
		lines = append(lines, a.wrap(l, w-rx-40, a.text)...)
	}
	drawTextLines(dst, lines, rx, top, h-50-lift, a.text, ink)
	if len(note) > 0 {
		noteInk := color.RGBA{30, 80, 40, 255}
		if !e.written && !e.writing {
			noteInk = color.RGBA{170, 40, 30, 255}
		}
		drawTextLines(dst, note, 40, h-40-lift, h, a.text, noteInk)
	}
	foot := "Enter or a click for the title screen, Q to quit"
	if e.a.lesson != nil {
		foot = "Enter or a click for the lesson's questions, Q to quit"
	} else if e.home != nil {
		foot = "Enter or a click for the lab, Q to quit"
	}
	drawText(dst, foot, 40, h-34, a.text, color.RGBA{130, 70, 20, 255})
	e.drawButton(dst)
}

// beside is a game set beside the record over time: who held each place
// worth points turn by turn in both, the places worth most first, and the
// points held otherwise than the record has them.
type beside struct {
	sc     *scenario.Scenario
	strips []history.Strip
	drift  []int // points off the record at the end of each turn; 0 the start
	total  int   // the points of every place: the most the game can be off
}

// besideOf sets the game whose result r is beside the record of sc.
func besideOf(sc *scenario.Scenario, r match.Result) beside {
	course := history.New(sc)
	played := history.Played(sc, r.Turns, changesOf(r.Captures))
	b := beside{sc: sc, strips: course.Strips(played), drift: course.Drift(played)}
	sort.SliceStable(b.strips, func(i, j int) bool { return b.strips[i].VP > b.strips[j].VP })
	for _, s := range b.strips {
		b.total += s.VP
	}
	return b
}

// changesOf are a match's captures as the record's course reads them.
func changesOf(caps []match.Capture) []history.Change {
	out := make([]history.Change, len(caps))
	for i, c := range caps {
		out[i] = history.Change{Place: c.Place, Side: c.Side, Turn: c.Turn}
	}
	return out
}

// lines tell the strips and the drift in words, for reading aloud.
func (b beside) lines() []string {
	if len(b.strips) == 0 {
		return nil
	}
	out := []string{"", "TURN BY TURN"}
	if ft := b.sc.Setup.FirstTurn; ft > 1 {
		out = append(out, fmt.Sprintf("Your game took up the record at the start of turn %d; the turns before it are the record's, veiled on the strips.", ft))
	}
	for _, s := range b.strips {
		out = append(out, fmt.Sprintf("%s (%d VP): in your game %s; by the record %s",
			b.sc.PlaceName(s.Place), s.VP, b.runs(s.Game), b.runs(s.Record)))
	}
	vps := make([]string, len(b.drift))
	for i, v := range b.drift {
		vps[i] = fmt.Sprint(v)
	}
	return append(out, "Off the record, in VP, from the start turn by turn: "+strings.Join(vps, " "))
}

// runs tells who held a place over time: "Provincial from the start,
// Insurgents from turn 5".
func (b beside) runs(cells []string) string {
	var parts []string
	for t, side := range cells {
		if t > 0 && side == cells[t-1] {
			continue
		}
		when := "from the start"
		if t > 0 {
			when = fmt.Sprintf("from turn %d", t)
		}
		parts = append(parts, shortSide(b.sc, orNobody(side))+" "+when)
	}
	return strings.Join(parts, ", ")
}

// colour is the colour a side's cells are drawn in; grey for nobody.
func (b beside) colour(pal *paint.Palette, side string) color.RGBA {
	for i, sd := range b.sc.Setup.Sides {
		if sd.ID == side {
			return pal.Sides[i%len(pal.Sides)]
		}
	}
	return nobodyGrey
}

var (
	nobodyGrey = color.RGBA{160, 156, 148, 255}
	driftInk   = color.RGBA{150, 85, 35, 255}
	legendInk  = color.RGBA{90, 80, 70, 255}
)

// besideLayout is where the strips and the chart go in the left column.
type besideLayout struct {
	shown     int     // the strips drawn, the places worth most
	row       float64 // a strip's row: your game's, then the record's
	nameW, cw float64 // the names' column and a turn's cell
	chartH    float64
}

// layBeside fits the strips and the chart into w x h: rows as tall as the
// small text allows, shorter to fit every place, and the places worth
// least left out when rows just over half the text's size do not fit.
func (e *End) layBeside(w, h float64) besideLayout {
	bs, sm := e.beside, e.a.small
	slh := sm.Size * 1.4
	l := besideLayout{shown: len(bs.strips), chartH: math.Max(36, sm.Size*4.5)}
	fixed := e.a.text.Size*1.45 + e.drawLegend(nil, 0, 0, w) + sm.Size*0.6 + e.drawDrift(nil, 0, 0, w, l)
	minRow := sm.Size * 0.6 // a name over a strip's two rows and the gap
	for l.shown > 0 && fixed+float64(l.shown)*2.5*minRow > h {
		l.shown--
	}
	if l.shown == 0 {
		return l
	}
	if l.shown < len(bs.strips) {
		fixed += slh
	}
	l.row = math.Min(sm.Size*0.9, (h-fixed)/(float64(l.shown)*2.5))
	for _, s := range bs.strips[:l.shown] {
		tw, _ := text.Measure(bs.sc.PlaceName(s.Place), sm, 0)
		l.nameW = math.Max(l.nameW, tw)
	}
	l.nameW = math.Min(l.nameW, w*0.32) + 10
	l.cw = (w - l.nameW) / float64(len(bs.strips[0].Record))
	return l
}

// drawBeside draws, in the column at x, w wide, from y down to bottom,
// who held each place turn by turn (your game's row above the record's,
// drawn fainter, as the ghost is) and under it the points off the record
// as bars on the same turns.
func (e *End) drawBeside(dst *ebiten.Image, x, y, w, bottom float64) {
	bs, a := e.beside, e.a
	if len(bs.strips) == 0 {
		return
	}
	l := e.layBeside(w, bottom-y)
	if l.shown == 0 {
		return
	}
	sm, pal := a.small, a.palette()
	ink := color.RGBA{30, 30, 30, 255}
	drawText(dst, "TURN BY TURN", x, y, a.text, ink)
	y += a.text.Size * 1.45
	y += e.drawLegend(dst, x, y, w)
	cx := x + l.nameW
	b := a.scratch(dst)
	names := make([]float64, l.shown)
	top := y
	for i, s := range bs.strips[:l.shown] {
		names[i] = y + l.row - sm.Size*0.65
		addCells(dst, b, pal, bs, s.Game, cx, y, l.cw, l.row, 255)
		addCells(dst, b, pal, bs, s.Record, cx, y+l.row, l.cw, l.row, 120)
		y += l.row * 2.5
	}
	if ft := bs.sc.Setup.FirstTurn; ft > 1 {
		// A game taken up from the record: the turns before it are the
		// record's alone, veiled, and a line marks where the game began.
		b.Rect(cx, top, float64(ft-1)*l.cw, y-top-l.row*0.5, faint(color.RGBA{236, 230, 214, 255}, 170))
		b.Line(cx+float64(ft-1)*l.cw, top-2, cx+float64(ft-1)*l.cw, y-l.row*0.5+2, 2, color.RGBA{60, 40, 20, 255})
	}
	b.Flush()
	for i, s := range bs.strips[:l.shown] {
		drawText(dst, clip(bs.sc.PlaceName(s.Place), l.nameW-10, sm), x, names[i], sm, ink)
	}
	if left := len(bs.strips) - l.shown; left > 0 {
		more := fmt.Sprintf("and %d places worth less, left out for room", left)
		if left == 1 {
			more = "and 1 place worth less, left out for room"
		}
		drawText(dst, clip(more, w, sm), x, y, sm, legendInk)
		y += sm.Size * 1.4
	}
	e.drawDrift(dst, x, y+sm.Size*0.6, w, l)
}

// addCells adds a strip's row: a cell a turn in its holder's colour, at
// opacity alpha, with a hair of paper between cells wide enough for it.
func addCells(dst *ebiten.Image, b *paint.Batch, pal *paint.Palette, bs beside, cells []string, x, y, cw, row float64, alpha uint8) {
	gap := 0.0
	if cw >= 7 {
		gap = 1
	}
	for t, side := range cells {
		b.Rect(x+float64(t)*cw, y, cw-gap, row-1, faint(bs.colour(pal, side), alpha))
	}
}

// drawLegend keys the strips, w wide from (x, y): your game above, the
// record below, then each side's colour and nobody's, as many to a line
// as fit. It returns its height; with dst nil it only measures.
func (e *End) drawLegend(dst *ebiten.Image, x, y, w float64) float64 {
	sm, pal := e.a.small, e.a.palette()
	lh, sz := sm.Size*1.4, sm.Size*0.8
	top := y
	for _, l := range e.a.wrap("each place: your game, and under it the record as its sources have it, drawn fainter", w, sm) {
		if dst != nil {
			drawText(dst, l, x, y, sm, legendInk)
		}
		y += lh
	}
	kx := x
	key := func(c color.RGBA, s string) {
		tw, _ := text.Measure(s, sm, 0)
		if kx > x && kx+sz+4+tw > x+w {
			kx, y = x, y+lh
		}
		if dst != nil {
			vector.DrawFilledRect(dst, float32(kx), float32(y+sm.Size*0.3), float32(sz), float32(sz), c, false)
			drawText(dst, clip(s, x+w-kx-sz-4, sm), kx+sz+4, y, sm, legendInk)
		}
		kx += sz + 4 + tw + 14
	}
	for _, sd := range e.beside.sc.Setup.Sides {
		key(e.beside.colour(pal, sd.ID), shortSide(e.beside.sc, sd.ID))
	}
	key(nobodyGrey, "nobody")
	return y + lh*1.5 - top
}

// chartTitle heads the drift chart.
const chartTitle = "OFF THE RECORD: the points of the places held otherwise"

// drawDrift draws the points off the record turn by turn as bars under
// the strips' cells, against the points of every place, with the turns
// numbered under them as often as there is room. It returns its height;
// with dst nil it only measures.
func (e *End) drawDrift(dst *ebiten.Image, x, y, w float64, l besideLayout) float64 {
	bs, sm := e.beside, e.a.small
	title := e.a.wrap(chartTitle, w, sm)
	height := float64(len(title))*sm.Size*1.4 + sm.Size*0.6 + l.chartH + sm.Size*1.4
	if dst == nil {
		return height
	}
	for _, line := range title {
		drawText(dst, line, x, y, sm, color.RGBA{30, 30, 30, 255})
		y += sm.Size * 1.4
	}
	y += sm.Size * 0.6
	cx, base := x+l.nameW, y+l.chartH
	right := cx + l.cw*float64(len(bs.strips[0].Record))
	b := e.a.scratch(dst)
	b.Rect(cx, y, right-cx, 1, faint(legendInk, 90))
	b.Rect(cx, base, right-cx, 1, legendInk)
	gap := 0.0
	if l.cw >= 5 {
		gap = 1
	}
	for t, vp := range bs.drift {
		if hgt := float64(vp) / float64(max(1, bs.total)) * l.chartH; hgt > 0 {
			b.Rect(cx+float64(t)*l.cw, base-hgt, l.cw-gap, hgt, driftInk)
		}
	}
	b.Flush()
	for _, mark := range []struct {
		s string
		y float64
	}{{fmt.Sprintf("%d VP", bs.total), y}, {"0", base}} {
		tw, _ := text.Measure(mark.s, sm, 0)
		drawText(dst, mark.s, cx-tw-6, mark.y-sm.Size*0.65, sm, legendInk)
	}
	drawText(dst, "turn", x, base+2, sm, legendInk)
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50} {
		if step = s; float64(s)*l.cw >= sm.Size*2.2 {
			break
		}
	}
	for t := step; t < len(bs.strips[0].Record); t += step {
		n := fmt.Sprint(t)
		nw, _ := text.Measure(n, sm, 0)
		drawText(dst, n, cx+(float64(t)+0.5)*l.cw-nw/2, base+2, sm, legendInk)
	}
	return height
}

// clip shortens s with an ellipsis to fit w pixels in face f.
func clip(s string, w float64, f *text.GoTextFace) string {
	if tw, _ := text.Measure(s, f, 0); tw <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if tw, _ := text.Measure(string(r)+"…", f, 0); tw <= w {
			break
		}
	}
	return string(r) + "…"
}
