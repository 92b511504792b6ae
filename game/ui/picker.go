package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/ai"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
)

// Picker is the scenario picker: the list on the left, the highlighted
// scenario's dates, scale, sides and description on the right.
type Picker struct {
	screenSize
	a    *app
	opt  Options
	ids  []string
	scs  []*scenario.Scenario
	maps []*rules.Map
	// problems say, for an author's file that does not load, why ("" for
	// one that loads); such a file is listed, never opened.
	problems []string
	menu     *menu
	// preview is the highlighted scenario's map, drawn small.
	preview terrainCache
}

func newPicker(a *app, opt Options) *Picker {
	p := &Picker{a: a, opt: opt}
	var items []string
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			continue
		}
		p.ids = append(p.ids, id)
		p.scs = append(p.scs, sc)
		p.maps = append(p.maps, sc.Setup.Map)
	}
	// In the order of the campaign.
	idx := make([]int, len(p.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p.scs[idx[a]].Start.Before(p.scs[idx[b]].Start) })
	ids, scs, maps := p.ids, p.scs, p.maps
	p.ids, p.scs, p.maps = nil, nil, nil
	for _, i := range idx {
		p.ids, p.scs, p.maps = append(p.ids, ids[i]), append(p.scs, scs[i]), append(p.maps, maps[i])
		items = append(items, scs[i].Title)
	}
	p.problems = make([]string, len(p.ids))
	items = p.addAuthors(items) // picker_authors.go
	p.menu = newMenu(a, append(items, "Back")...)
	return p
}

// Leave frees the map preview's picture.
func (p *Picker) Leave() { p.preview.free() }

// Update implements scene.
func (p *Picker) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		return nil, errQuit
	}
	if in.Has(KeyEscape) {
		return newTitle(p.a, p.opt), nil
	}
	p.layout()
	switch i := p.menu.update(in); {
	case i == len(p.ids):
		return newTitle(p.a, p.opt), nil
	case i >= 0 && p.problems[i] != "":
		return nil, nil // a file that does not load: its mistake is shown
	case i >= 0:
		opt := p.opt
		opt.Scenario = p.ids[i]
		return newSetup(p.a, opt)
	}
	return nil, nil
}

// layout places the list for the screen's size.
func (p *Picker) layout() {
	w, _ := p.size()
	p.menu.place(w*0.05, 96, max(280, w*0.3))
}

// details are the lines that describe a scenario in the picker.
func (a *app) details(sc *scenario.Scenario, width float64) []string {
	var sides []string
	for _, sd := range sc.Setup.Sides {
		sides = append(sides, sd.Name)
	}
	lines := []string{
		fmt.Sprintf("%s to %s", sc.Start.Format("2 January 2006"), sc.End.Format("2 January 2006")),
		fmt.Sprintf("%g km hexes, %d-hour turns, %d turns", sc.HexKm, sc.TurnHours, sc.Turns),
		"Sides: " + strings.Join(sides, "; "),
		fmt.Sprintf("What-if variants: %d", len(sc.Variants)),
		"",
	}
	return append(lines, a.paragraphs(sc.Description, width)...)
}

// paragraphs wraps a text of paragraphs (parted by blank lines) to width,
// a blank line after each, without the script the font cannot draw.
func (a *app) paragraphs(s string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		lines = append(lines, a.wrap(latin(strings.Join(strings.Fields(para), " ")), width, a.text)...)
		lines = append(lines, "")
	}
	return lines
}

// Draw implements scene.
func (p *Picker) Draw(dst *ebiten.Image) {
	a := p.a
	w, h := p.size()
	dst.Fill(screenFill)
	p.layout()
	x, mw := p.menu.x, p.menu.w
	drawText(dst, "Choose a battle", x, 36, a.title, color.White)
	p.menu.draw(dst)
	if i := p.menu.at; i < len(p.scs) && p.problems[i] != "" {
		p.drawProblem(dst, i, x+mw+30)
	} else if i < len(p.scs) {
		dx := x + mw + 30
		sc := p.scs[i]
		drawText(dst, sc.Title, dx, 96, a.title, color.RGBA{240, 220, 170, 255})
		y := drawTextLines(dst, p.detailsAt(i, w-dx-30), dx, 96+a.title.Size*2, h-40, a.text, menuText)
		// The map, as large as the room left allows.
		if room := h - 50 - y; room > 120 {
			m := p.maps[i]
			cam := paint.FitCamera(m, int(w-dx-30), int(room))
			x0, y0, _, _ := paint.MapBounds(m)
			cam.X, cam.Y = x0-dx/cam.Scale, y0-y/cam.Scale
			p.preview.draw(dst, a.scratch(dst), m, nil, cam, a.palette(), false)
		}
	}
	drawText(dst, "Up/Down or the mouse to choose, Enter or a click to set the game up, Esc to go back", x, h-30, a.small, menuDim)
}

// Setup chooses the side, the opponent and the variants of a scenario.
type Setup struct {
	screenSize
	a        *app
	opt      Options
	sc       *scenario.Scenario
	side     int
	opponent int // an AI level, or len(opponents)-1 for a person at the same screen
	variants []bool
	menu     *menu // side, opponent, each variant, the briefing, history mode, back
	// back is the scene Esc and Back return to (nil: the picker).
	back scene
	// objectives is the map of the objectives at the right, drawn small.
	objectives terrainCache
}

// Leave frees the map's picture.
func (s *Setup) Leave() { s.objectives.free() }

var opponents = []string{"random", "greedy", "easy", "normal", "hard", "a person at this screen"}

var opponentNotes = []string{
	"moves at random: for testing",
	"attacks whatever it can reach",
	"plans, but one attack at a time and with noisy moves",
	"plans by victory points over march time and attacks where the odds pay",
	"as normal, with more care over every attack",
	"hotseat: the screen is handed over between sides",
}

func newSetup(a *app, opt Options) (scene, error) {
	chosen := opt.Variants // shown ticked, on the scenario as it stands
	opt.Variants = nil
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	s := &Setup{a: a, opt: opt, sc: sc, opponent: int(ai.Normal), variants: make([]bool, len(sc.Variants))}
	s.menu = newMenu(a, make([]string, 5+len(sc.Variants))...)
	s.preselect(chosen) // picker_authors.go
	s.labels()
	return s, nil
}

func (s *Setup) labels() {
	it := s.menu.items
	it[0] = "You play\t< " + s.sideLabel() + " >"
	it[1] = "Against\t< " + opponents[s.opponent] + " >"
	for i, v := range s.sc.Variants {
		box := "[  ]"
		if s.variants[i] {
			box = "[x]"
		}
		it[2+i] = box + " " + v.Title
	}
	it[len(it)-3] = "Read the briefing and begin"
	it[len(it)-2] = "Watch the record: history mode"
	it[len(it)-1] = "Back"
}

// sideLabel is the name of the side chosen as its row has room for it: in
// full, or up to its first bracket ("Ghulja insurgents" for "Ghulja
// insurgents (East Turkestan Republic from 12 November)"), or cut short.
func (s *Setup) sideLabel() string {
	name := s.sc.Setup.Sides[s.side].Name
	room := s.valueRoom()
	if room <= 0 || s.fits("< "+name+" >", room) {
		return name
	}
	if short, _, ok := strings.Cut(name, " ("); ok && s.fits("< "+short+" >", room) {
		return short
	}
	words := strings.Fields(name)
	for n := len(words) - 1; n > 0; n-- {
		if short := strings.Join(words[:n], " ") + "…"; s.fits("< "+short+" >", room) {
			return short
		}
	}
	return name
}

// valueRoom is the width a setting's value has in the menu (0 before the
// menu is placed); fits reports whether a value fits it.
func (s *Setup) valueRoom() float64 { return s.menu.w*0.64 - 14 }

func (s *Setup) fits(value string, room float64) bool {
	w, _ := text.Measure(value, s.a.text, 0)
	return w <= room
}

// change steps row i by d.
func (s *Setup) change(i, d int) {
	switch {
	case i == 0:
		n := len(s.sc.Setup.Sides)
		s.side = (s.side + d + n) % n
	case i == 1:
		n := len(opponents)
		s.opponent = (s.opponent + d + n) % n
	case i-2 < len(s.variants):
		s.variants[i-2] = !s.variants[i-2]
	}
	s.labels()
}

// Update implements scene.
func (s *Setup) Update(in Input) (scene, error) {
	n := len(s.menu.items)
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEscape):
		return s.goBack(), nil
	case step(in) != 0:
		s.change(s.menu.at, step(in))
	}
	s.layout()
	switch i := s.menu.update(in); {
	case i == n-1:
		return s.goBack(), nil
	case i == n-2:
		h, err := newHistoryMode(s.a, s.chosen())
		if err != nil {
			return nil, err
		}
		h.back = s
		return h, nil
	case i == n-3 || i >= 0 && in.Has(KeyEnter):
		return newBriefing(s.a, s.chosen())
	case i >= 0:
		s.change(i, 1)
	}
	return nil, nil
}

// goBack is the scene the set-up came from: the picker, or the history
// mode a person takes command from.
func (s *Setup) goBack() scene {
	if s.back != nil {
		return s.back
	}
	return newPicker(s.a, s.opt)
}

// layout places the lines for the screen's size.
func (s *Setup) layout() {
	w, _ := s.size()
	if mw := max(420, w*0.45); mw != s.menu.w {
		s.menu.place(w*0.05, 96, mw)
		s.labels() // the side's name as its row has room for it
	}
}

// chosen are the options of the game as set up.
func (s *Setup) chosen() Options {
	opt := s.opt
	opt.Side = s.sc.Setup.Sides[s.side].ID
	opt.Hotseat = s.opponent == len(opponents)-1
	if !opt.Hotseat {
		opt.Opponent = ai.Level(s.opponent)
	}
	opt.Variants = nil
	for i, on := range s.variants {
		if on {
			opt.Variants = append(opt.Variants, s.sc.Variants[i].ID)
		}
	}
	return opt
}

// Draw implements scene.
func (s *Setup) Draw(dst *ebiten.Image) {
	a := s.a
	w, h := s.size()
	dst.Fill(screenFill)
	s.layout()
	x, mw := s.menu.x, s.menu.w
	title := s.sc.Title
	if up := s.sc.TakenUp(); up != "" {
		title += ", " + up
	}
	drawText(dst, title, x, 36, a.title, color.White)
	s.menu.draw(dst)
	dx := x + mw + 30
	s.drawColumn(dst, paint.Box{X: dx, Y: 96, W: w - dx - 30, H: h - 50 - 96})
	drawText(dst, "Up/Down choose a line; Left/Right, Space or a click change it; Enter begins; Esc goes back", x, h-30, a.small, menuDim)
}

// drawColumn fills the right of the set-up: what the line chosen is about
// (at most a third of the room), then the battle's map with its objectives, and
// under it the summary.
func (s *Setup) drawColumn(dst *ebiten.Image, col paint.Box) {
	a := s.a
	lh := a.text.Size * 1.45
	y := col.Y
	if about := s.about(col.W, col.H*0.36); len(about) > 0 {
		y = drawTextLines(dst, about, col.X, y, col.Y+col.H*0.36+lh, a.text, menuText) + lh*0.5
	}
	drawText(dst, "This battle", col.X, y, a.text, color.RGBA{240, 220, 170, 255})
	y += lh * 1.1
	sum := s.summary(col.W)
	slh := a.small.Size * 1.45
	mapH := col.Y + col.H - y - slh*float64(len(sum)) - 6
	if mapH >= 90 {
		y = a.drawObjectives(dst, &s.objectives, s.sc, s.sc.Places, paint.Box{X: col.X, Y: y, W: col.W, H: mapH}, menuText) + 6
	}
	drawTextLines(dst, sum, col.X, y, col.Y+col.H+slh, a.small, menuText)
}

// summary is what the set-up says of the battle under its map, width
// wide: the turn limit and its dates, the places worth points, sudden
// death and the what-if variants chosen.
func (s *Setup) summary(width float64) []string {
	a := s.a
	objs := objectivesOf(s.sc.Places)
	total := 0
	for _, o := range objs {
		total += o.vp
	}
	span := turnSpan(s.sc)
	lines := a.wrap(strings.ToUpper(span[:1])+span[1:]+".", width, a.small)
	lines = append(lines, a.wrap(fmt.Sprintf("%d places worth %d points in all (their points in parentheses after their names on the map); the most points at the end wins.", len(objs), total), width, a.small)...)
	for _, r := range otherConditions(s.sc, s.sc.Places) {
		if t, d, _ := strings.Cut(r, "\t"); t == "Sudden death" {
			lines = append(lines, a.wrap(t+": "+d, width, a.small)...)
		}
	}
	var on []string
	for i, v := range s.sc.Variants {
		if s.variants[i] {
			on = append(on, v.Title)
		}
	}
	what := "What-if variants: none chosen; the battle as it stood."
	if len(on) > 0 {
		what = "What-if variants chosen: " + strings.Join(on, "; ") + "."
	}
	return append(lines, a.wrap(what, width, a.small)...)
}

// about is what the screen says, width wide and at most height high, of
// the line chosen: the side's name and briefing, its paragraphs kept (cut
// short with a note where it is longer than the room), the opponent, or
// the variant.
func (s *Setup) about(width, height float64) []string {
	a := s.a
	switch i := s.menu.at; {
	case i == 0:
		sd := s.sc.Setup.Sides[s.side]
		about := append(a.wrap(sd.Name, width, a.text), "")
		about = append(about, a.paragraphs(sd.Briefing, width)...)
		if fit := int(height / (a.text.Size * 1.45)); len(about) > fit && fit > 2 {
			about = append(about[:fit-2], "", "… the briefing goes on: 'Read the briefing and begin' shows it all")
		}
		return about
	case i == 1:
		return a.wrap(opponents[s.opponent]+": "+opponentNotes[s.opponent], width, a.text)
	case i-2 < len(s.sc.Variants):
		v := s.sc.Variants[i-2]
		return a.paragraphs(v.Title+": "+v.Description, width)
	}
	return nil
}

// Briefing shows the side's briefing before the game starts.
type Briefing struct {
	screenSize
	a     *app
	opt   Options
	sc    *scenario.Scenario
	lines []string // the paragraphs, each followed by a blank line
	title string
	// objectives is the map of the objectives beside the text, drawn small.
	objectives terrainCache
	// scroll is the first line shown of the text as wrapped; the wheel and
	// Up/Down scroll a briefing longer than the screen.
	scroll int
}

func newBriefing(a *app, opt Options) (scene, error) {
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	side := sc.Setup.Sides[0]
	if opt.Side != "" && sc.Side(opt.Side) != nil {
		side = *sc.Side(opt.Side)
	}
	b := &Briefing{a: a, opt: opt, sc: sc, title: sc.Title + ": " + side.Name}
	for _, para := range strings.Split(strings.TrimSpace(sc.Description)+"\n\n"+strings.TrimSpace(side.Briefing), "\n\n") {
		b.lines = append(b.lines, latin(strings.Join(strings.Fields(para), " ")), "")
	}
	return b, nil
}

// page is the briefing's text as the screen shows it: x and the width of
// its column (left of the objectives, when the window has room for them
// beside it), its lines wrapped, and how many of them fit.
func (b *Briefing) page() (x, width float64, lines []string, fit int) {
	a := b.a
	w, h := b.size()
	x = math.Max(40, (w-900)/2)
	width = math.Min(900, w-2*x)
	if col := b.column(); col.W > 0 {
		x = 40
		width = math.Min(820, col.X-40-x)
	}
	for _, l := range b.lines {
		lines = append(lines, a.wrap(l, width, a.text)...)
	}
	fit = max(1, int((h-60-b.top())/(a.text.Size*1.45)))
	return x, width, lines, fit
}

// top is where the text begins, under the title.
func (b *Briefing) top() float64 { return 40 + b.a.title.Size*2.2 }

// column is the box beside the text for the victory conditions and the
// map of the objectives; the zero box when the window is too narrow to
// leave the text 420 pixels beside it.
func (b *Briefing) column() paint.Box {
	w, h := b.size()
	cw := math.Max(340, math.Min(620, w*0.38))
	if w-cw-120 < 420 {
		return paint.Box{}
	}
	return paint.Box{X: w - cw - 40, Y: b.top(), W: cw, H: h - 60 - b.top()}
}

// Leave frees the map's picture.
func (b *Briefing) Leave() { b.objectives.free() }

// scrollBy scrolls the text by d lines, kept within it.
func (b *Briefing) scrollBy(d int) {
	_, _, lines, fit := b.page()
	b.scroll = max(0, min(b.scroll+d, len(lines)-fit))
}

// Update implements scene.
func (b *Briefing) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter) || in.Click:
		return newPlay(b.a, b.opt)
	case in.Has(KeyEscape) && b.a.lesson != nil: // a lesson's set-up is locked: back to its first screen
		back := b.a.lesson.back(b.a, b.opt.Seed)
		b.a.lesson = nil
		return back, nil
	case in.Has(KeyEscape):
		return newSetup(b.a, b.opt)
	case in.Has(KeyDown):
		b.scrollBy(3)
	case in.Has(KeyUp):
		b.scrollBy(-3)
	case in.Wheel != 0:
		b.scrollBy(-int(math.Round(in.Wheel * 3)))
	}
	return nil, nil
}

// Draw implements scene.
func (b *Briefing) Draw(dst *ebiten.Image) {
	a := b.a
	_, h := b.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	x, _, lines, fit := b.page()
	drawText(dst, b.title, x, 40, a.title, color.Black)
	b.scroll = max(0, min(b.scroll, len(lines)-fit))
	shown := lines[b.scroll:min(len(lines), b.scroll+fit)]
	if len(shown) > 0 && shown[0] == "" {
		shown = shown[1:] // a paragraph's end scrolled to the top
	}
	y := drawTextLines(dst, shown, x, b.top(), h-60, a.text, color.RGBA{30, 30, 30, 255})
	if col := b.column(); col.W > 0 {
		a.drawVictory(dst, &b.objectives, b.sc, b.sc.Places, col, color.RGBA{30, 30, 30, 255})
	}
	goOn := "Enter or a click to begin, Esc to change the set-up"
	if b.a.lesson != nil {
		goOn = "Enter or a click to begin, Esc to go back to the lesson"
	}
	switch {
	case b.scroll+fit < len(lines):
		goOn = "More below: the wheel or Down scrolls.    " + goOn
	case b.scroll > 0:
		goOn = "The end of the briefing (Up scrolls back).    " + goOn
	}
	drawText(dst, goOn, x, math.Min(y+16, h-44), a.text, color.RGBA{130, 70, 20, 255})
}

// The inks of the victory conditions' terms.
var termInk = color.RGBA{120, 50, 20, 255}

// drawVictory draws a scenario's victory conditions in the box: the turn
// limit and its dates; the map of the objectives (drawObjectives) as large
// as the room left allows; the places worth points, each with its holder's
// colour and its points, in two columns where the box is wide; and the
// other conditions (casualties, exits, sudden death). places gives who
// holds what. It returns the y under what it drew.
func (a *app) drawVictory(dst *ebiten.Image, cache *terrainCache, sc *scenario.Scenario, places []rules.Place, box paint.Box, ink color.Color) float64 {
	f := a.small
	lh := f.Size * 1.45
	drawText(dst, "Victory", box.X, box.Y, a.text, termInk)
	y := box.Y + a.text.Size*1.7
	limit := a.wrap(turnLimit(sc), box.W, f)
	var others []string
	for _, r := range otherConditions(sc, places) {
		t, d, _ := strings.Cut(r, "\t")
		others = append(others, a.wrap(t+": "+d, box.W, f)...)
	}
	objs := objectivesOf(places)
	cols := 1
	if box.W >= 420 && len(objs) > 5 {
		cols = 2
	}
	rows := (len(objs) + cols - 1) / cols
	keyH := a.objectiveKeyHeight(sc, places, box.W)
	words := lh*float64(len(limit)+rows+len(others)) + lh*0.9
	mapH := math.Max(0, box.Y+box.H-y-words-keyH-10)
	y = drawTextLines(dst, limit, box.X, y, box.Y+box.H, f, ink) + lh*0.3
	if mapH >= 100 {
		y = a.drawObjectives(dst, cache, sc, places, paint.Box{X: box.X, Y: y, W: box.W, H: mapH + keyH}, ink) + lh*0.3
	}
	pal := a.palette()
	colW := box.W / float64(cols)
	for i, o := range objs {
		cx, cy := box.X+float64(i/rows)*colW, y+float64(i%rows)*lh
		if cy+lh > box.Y+box.H {
			continue
		}
		col := color.RGBA{60, 60, 60, 255}
		if k := sc.Setup.SideIndex(o.holder); k >= 0 {
			col = pal.Sides[k%len(pal.Sides)]
		}
		r := f.Size * 0.38
		vector.DrawFilledCircle(dst, float32(cx+r+1), float32(cy+f.Size*0.65), float32(r+1), color.Black, true)
		vector.DrawFilledCircle(dst, float32(cx+r+1), float32(cy+f.Size*0.65), float32(r), col, true)
		pts := fmt.Sprint(o.vp)
		pw, _ := text.Measure("00", f, 0)
		tw, _ := text.Measure(pts, f, 0)
		drawText(dst, pts, cx+2*r+6+pw-tw, cy, f, termInk)
		name := o.name
		for room := colW - 2*r - pw - 18; ; {
			if nw, _ := text.Measure(name, f, 0); nw <= room || len(name) < 4 {
				break
			}
			name = strings.TrimSuffix(name[:len(name)-2], " ") + "…"
		}
		drawText(dst, name, cx+2*r+pw+12, cy, f, ink)
	}
	y += lh*float64(rows) + lh*0.3
	return drawTextLines(dst, others, box.X, y, box.Y+box.H, f, ink)
}

// objectiveKey is the key under the map of the objectives: the colour of
// each side holding one, and grey for nobody, each "colour name".
func objectiveKey(sc *scenario.Scenario, places []rules.Place) []string {
	held := map[string]bool{}
	for _, o := range objectivesOf(places) {
		held[o.holder] = true
	}
	var key []string
	for _, sd := range sc.Setup.Sides {
		if held[sd.ID] {
			key = append(key, sd.ID)
		}
	}
	if held[""] {
		key = append(key, "")
	}
	return key
}

// keyEntry is a side's colour and name in the key under the map, where
// it stands: its line and its x from the key's left.
type keyEntry struct {
	side, name string
	line       int
	x          float64
}

// objectiveKeyLayout flows the key under the map into lines w wide: a
// disc in the side's colour and "held by" its name, one after another.
func (a *app) objectiveKeyLayout(sc *scenario.Scenario, places []rules.Place, w float64) ([]keyEntry, int) {
	f := a.small
	var out []keyEntry
	x, line := 0.0, 0
	for i, side := range objectiveKey(sc, places) {
		name := "nobody"
		if side != "" {
			name = holderName(sc, side)
		}
		if i == 0 {
			name = "held by " + name
		}
		nw, _ := text.Measure(name, f, 0)
		ew := f.Size*0.76 + 8 + nw + 16
		if x > 0 && x+ew > w {
			x, line = 0, line+1
		}
		out = append(out, keyEntry{side, name, line, x})
		x += ew
	}
	return out, line + 1
}

// objectiveKeyHeight is the height of the key under the map, w wide.
func (a *app) objectiveKeyHeight(sc *scenario.Scenario, places []rules.Place, w float64) float64 {
	if len(objectiveKey(sc, places)) == 0 {
		return 0
	}
	_, n := a.objectiveKeyLayout(sc, places, w)
	return a.small.Size * 1.45 * float64(n)
}

// drawObjectives draws a scenario's map fitted into the box, the places
// worth points on it as the game marks them (a ringed disc in the colour
// of the side holding it, its name and points beside it where there is
// room), and under it, in ink, which side each colour is. It returns the y
// under what it drew.
func (a *app) drawObjectives(dst *ebiten.Image, cache *terrainCache, sc *scenario.Scenario, places []rules.Place, box paint.Box, ink color.Color) float64 {
	keyH := a.objectiveKeyHeight(sc, places, box.W)
	m := sc.Setup.Map
	cam := paint.FitCamera(m, int(box.W), int(box.H-keyH-4))
	x0, y0, x1, y1 := paint.MapBounds(m)
	mw, mh := (x1-x0)*cam.Scale, (y1-y0)*cam.Scale
	cam.X, cam.Y = x0-box.X/cam.Scale, y0-box.Y/cam.Scale
	pal := a.palette()
	cache.draw(dst, a.scratch(dst), m, nil, cam, pal, false)
	v := &rules.View{Setup: sc.Setup}
	for _, pl := range places {
		if pl.VP > 0 {
			v.Places = append(v.Places, pl)
		}
	}
	area := paint.Box{X: box.X, Y: box.Y, W: mw, H: mh}
	paint.Marks(canvas(dst), a.scratch(dst), v, cam, pal, paint.MarkOptions{FontSize: a.small.Size, Area: area})
	f := a.small
	top := box.Y + mh + 4
	r := f.Size * 0.38
	entries, lines := a.objectiveKeyLayout(sc, places, box.W)
	for _, e := range entries {
		col := color.RGBA{60, 60, 60, 255}
		if k := sc.Setup.SideIndex(e.side); k >= 0 {
			col = pal.Sides[k%len(pal.Sides)]
		}
		x, y := box.X+e.x, top+float64(e.line)*f.Size*1.45
		vector.DrawFilledCircle(dst, float32(x+r+1), float32(y+f.Size*0.65), float32(r+1), color.Black, true)
		vector.DrawFilledCircle(dst, float32(x+r+1), float32(y+f.Size*0.65), float32(r), col, true)
		drawText(dst, e.name, x+2*r+8, y, f, ink)
	}
	return top + float64(lines)*f.Size*1.45
}
