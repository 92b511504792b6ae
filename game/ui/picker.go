package ui

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/ai"
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
	for _, para := range strings.Split(strings.TrimSpace(sc.Description), "\n\n") {
		lines = append(lines, a.wrap(strings.Join(strings.Fields(para), " "), width, a.text)...)
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
			cam := FitCamera(m, int(w-dx-30), int(room))
			x0, y0, _, _ := mapBounds(m)
			cam.X, cam.Y = x0-dx/cam.Scale, y0-y/cam.Scale
			p.preview.draw(dst, a.scratch(), m, nil, cam, a.palette(), false)
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
	it[0] = "You play\t< " + s.sc.Setup.Sides[s.side].Name + " >"
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
		return newHistoryMode(s.a, s.chosen())
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
	s.menu.place(w*0.05, 96, max(420, w*0.45))
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
	var about []string
	switch i := s.menu.at; {
	case i == 0:
		sd := s.sc.Setup.Sides[s.side]
		about = a.wrap(strings.Join(strings.Fields(sd.Briefing), " "), w-dx-30, a.text)
	case i == 1:
		about = []string{opponents[s.opponent] + ": " + opponentNotes[s.opponent]}
	case i-2 < len(s.sc.Variants):
		v := s.sc.Variants[i-2]
		about = a.wrap(v.Title+": "+strings.Join(strings.Fields(v.Description), " "), w-dx-30, a.text)
	}
	drawTextLines(dst, about, dx, 96, h-40, a.text, menuText)
	drawText(dst, "Up/Down choose a line; Left/Right, Space or a click change it; Enter begins; Esc goes back", x, h-30, a.small, menuDim)
}

// Briefing shows the side's briefing before the game starts.
type Briefing struct {
	screenSize
	a     *app
	opt   Options
	lines []string
	title string
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
		b.lines = append(b.lines, strings.Join(strings.Fields(para), " "), "")
	}
	return b, nil
}

// Update implements scene.
func (b *Briefing) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter) || in.Click:
		return newPlay(b.a, b.opt)
	case in.Has(KeyEscape):
		return newSetup(b.a, b.opt)
	}
	return nil, nil
}

// Draw implements scene.
func (b *Briefing) Draw(dst *ebiten.Image) {
	a := b.a
	w, h := b.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	x := math.Max(40, (w-900)/2)
	drawText(dst, b.title, x, 40, a.title, color.Black)
	var lines []string
	for _, l := range b.lines {
		lines = append(lines, a.wrap(l, math.Min(900, w-2*x), a.text)...)
	}
	y := drawTextLines(dst, lines, x, 40+a.title.Size*2.2, h-60, a.text, color.RGBA{30, 30, 30, 255})
	drawText(dst, "Enter or a click to begin, Esc to change the set-up", x, y+16, a.text, color.RGBA{130, 70, 20, 255})
}
