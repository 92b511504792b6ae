package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/game/ai"
	"ili/game/scenario"
)

// Picker is the title screen and scenario picker.
type Picker struct {
	opt    Options
	ids    []string
	titles []string
	cursor int
}

func newPicker(opt Options) *Picker {
	p := &Picker{opt: opt}
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			continue
		}
		p.ids = append(p.ids, id)
		p.titles = append(p.titles, fmt.Sprintf("%s  (%s to %s, %g km hexes)", sc.Title,
			sc.Start.Format("2 Jan 2006"), sc.End.Format("2 Jan 2006"), sc.HexKm))
	}
	return p
}

// Update implements scene.
func (p *Picker) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit) || in.Has(KeyEscape):
		return nil, errQuit
	case in.Has(KeyUp):
		p.cursor = (p.cursor + len(p.ids) - 1) % max(1, len(p.ids))
	case in.Has(KeyDown):
		p.cursor = (p.cursor + 1) % max(1, len(p.ids))
	case in.Has(KeyEnter) && len(p.ids) > 0:
		opt := p.opt
		opt.Scenario = p.ids[p.cursor]
		return newSetup(opt)
	}
	return nil, nil
}

// Setup chooses the side, the opponent and the variants of a scenario.
type Setup struct {
	opt      Options
	sc       *scenario.Scenario
	side     int
	opponent int // an AI level, or len(levels) for a person at the same screen
	variants []bool
	row      int // 0 side, 1 opponent, 2.. variants
}

var opponents = []string{"random", "greedy", "easy", "normal", "hard", "a person at this screen"}

func newSetup(opt Options) (scene, error) {
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	return &Setup{opt: opt, sc: sc, opponent: int(ai.Normal), variants: make([]bool, len(sc.Variants))}, nil
}

// Update implements scene.
func (s *Setup) Update(in Input) (scene, error) {
	rows := 2 + len(s.variants)
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEscape):
		return newPicker(s.opt), nil
	case in.Has(KeyUp):
		s.row = (s.row + rows - 1) % rows
	case in.Has(KeyDown):
		s.row = (s.row + 1) % rows
	case in.Has(KeyLeft) || in.Has(KeyRight) || in.Has(KeyToggle):
		step := 1
		if in.Has(KeyLeft) {
			step = -1
		}
		switch {
		case s.row == 0:
			n := len(s.sc.Setup.Sides)
			s.side = (s.side + step + n) % n
		case s.row == 1:
			n := len(opponents)
			s.opponent = (s.opponent + step + n) % n
		default:
			s.variants[s.row-2] = !s.variants[s.row-2]
		}
	case in.Has(KeyEnter):
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
		return newBriefing(opt)
	}
	return nil, nil
}

// Draw implements scene.
func (s *Setup) Draw(dst *ebiten.Image) {
	dst.Fill(color.RGBA{40, 44, 52, 255})
	y := 50.0
	draw := func(str string, f *text.GoTextFace, c color.Color, dy float64) {
		op := &text.DrawOptions{}
		op.GeoM.Translate(60, y)
		op.ColorScale.ScaleWithColor(c)
		text.Draw(dst, str, f, op)
		y += dy
	}
	draw(s.sc.Title, titleFace, color.White, 36)
	for _, l := range wrap(strings.TrimSpace(strings.ReplaceAll(s.sc.Description, "\n", " ")), 110) {
		draw(l, smallFace, color.RGBA{210, 210, 200, 255}, 16)
	}
	y += 14
	row := func(i int, label string) {
		c, mark := color.RGBA{200, 200, 200, 255}, "  "
		if i == s.row {
			c, mark = color.RGBA{255, 220, 0, 255}, "> "
		}
		draw(mark+label, textFace, c, 24)
	}
	row(0, "You play:  < "+s.sc.Setup.Sides[s.side].Name+" >")
	row(1, "Against:   < "+opponents[s.opponent]+" >")
	for i, v := range s.sc.Variants {
		box := "[ ]"
		if s.variants[i] {
			box = "[x]"
		}
		row(2+i, box+" "+v.Title)
	}
	y += 10
	draw("Up/Down to choose a line, Left/Right or Space to change it, Enter for the briefing, Esc to go back", smallFace, color.RGBA{170, 170, 170, 255}, 16)
}

// Draw implements scene.
func (p *Picker) Draw(dst *ebiten.Image) {
	dst.Fill(color.RGBA{40, 44, 52, 255})
	draw := func(s string, x, y float64, f *text.GoTextFace, c color.Color) {
		op := &text.DrawOptions{}
		op.GeoM.Translate(x, y)
		op.ColorScale.ScaleWithColor(c)
		text.Draw(dst, s, f, op)
	}
	draw("ili", 60, 50, face(48), color.White)
	draw("A wargame of the Ili Rebellion, Xinjiang 1944-1946", 62, 112, textFace, color.RGBA{220, 220, 200, 255})
	for i, t := range p.titles {
		c := color.RGBA{200, 200, 200, 255}
		mark := "  "
		if i == p.cursor {
			c, mark = color.RGBA{255, 220, 0, 255}, "> "
		}
		draw(mark+t, 60, float64(170+30*i), textFace, c)
	}
	draw("Up/Down to choose, Enter to read the briefing, Q to quit", 60, float64(190+30*len(p.titles)), smallFace, color.RGBA{170, 170, 170, 255})
}

// Briefing shows the side's briefing before the game starts.
type Briefing struct {
	opt   Options
	lines []string
	title string
}

func newBriefing(opt Options) (scene, error) {
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	side := sc.Setup.Sides[0]
	if opt.Side != "" && sc.Side(opt.Side) != nil {
		side = *sc.Side(opt.Side)
	}
	b := &Briefing{opt: opt, title: sc.Title + ": " + side.Name}
	for _, para := range strings.Split(strings.TrimSpace(sc.Description)+"\n\n"+strings.TrimSpace(side.Briefing), "\n") {
		b.lines = append(b.lines, wrap(strings.TrimSpace(para), 90)...)
	}
	return b, nil
}

// Update implements scene.
func (b *Briefing) Update(in Input) (scene, error) {
	switch {
	case in.Has(KeyQuit):
		return nil, errQuit
	case in.Has(KeyEnter):
		return newPlay(b.opt)
	case in.Has(KeyEscape):
		return newPicker(b.opt), nil
	}
	return nil, nil
}

// Draw implements scene.
func (b *Briefing) Draw(dst *ebiten.Image) {
	dst.Fill(color.RGBA{236, 230, 214, 255})
	op := &text.DrawOptions{}
	op.GeoM.Translate(50, 40)
	op.ColorScale.ScaleWithColor(color.Black)
	text.Draw(dst, b.title, titleFace, op)
	for i, l := range b.lines {
		op := &text.DrawOptions{}
		op.GeoM.Translate(50, float64(90+20*i))
		op.ColorScale.ScaleWithColor(color.RGBA{30, 30, 30, 255})
		text.Draw(dst, l, textFace, op)
	}
	op = &text.DrawOptions{}
	op.GeoM.Translate(50, float64(110+20*len(b.lines)))
	op.ColorScale.ScaleWithColor(color.RGBA{90, 60, 30, 255})
	text.Draw(dst, "Enter to begin, Esc to choose another scenario", textFace, op)
}
