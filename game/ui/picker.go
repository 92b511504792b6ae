package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

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
	menu *menu
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
	if i := p.menu.at; i < len(p.scs) {
		dx := x + mw + 30
		sc := p.scs[i]
		drawText(dst, sc.Title, dx, 96, a.title, color.RGBA{240, 220, 170, 255})
		y := drawTextLines(dst, a.details(sc, w-dx-30), dx, 96+a.title.Size*2, h-40, a.text, menuText)
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
}

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
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	s := &Setup{a: a, opt: opt, sc: sc, opponent: int(ai.Normal), variants: make([]bool, len(sc.Variants))}
	s.menu = newMenu(a, make([]string, 5+len(sc.Variants))...)
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
	if !s.sc.From.IsZero() {
		title += ", taken up from the record at " + s.sc.From.Format("15:04 on 2 January 2006")
	}
	drawText(dst, title, x, 36, a.title, color.White)
	s.menu.draw(dst)
	dx := x + mw + 30
	drawTextLines(dst, s.about(w-dx-30, h-40-96), dx, 96, h-40, a.text, menuText)
	drawText(dst, "Up/Down choose a line; Left/Right, Space or a click change it; Enter begins; Esc goes back", x, h-30, a.small, menuDim)
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
	lines []string // the paragraphs, each followed by a blank line
	title string
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
	b := &Briefing{a: a, opt: opt, title: sc.Title + ": " + side.Name}
	for _, para := range strings.Split(strings.TrimSpace(sc.Description)+"\n\n"+strings.TrimSpace(side.Briefing), "\n\n") {
		b.lines = append(b.lines, latin(strings.Join(strings.Fields(para), " ")), "")
	}
	return b, nil
}

// page is the briefing's text as the screen shows it: x and the width of
// its column, its lines wrapped, and how many of them fit.
func (b *Briefing) page() (x, width float64, lines []string, fit int) {
	a := b.a
	w, h := b.size()
	x = math.Max(40, (w-900)/2)
	width = math.Min(900, w-2*x)
	for _, l := range b.lines {
		lines = append(lines, a.wrap(l, width, a.text)...)
	}
	fit = max(1, int((h-60-b.top())/(a.text.Size*1.45)))
	return x, width, lines, fit
}

// top is where the text begins, under the title.
func (b *Briefing) top() float64 { return 40 + b.a.title.Size*2.2 }

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
