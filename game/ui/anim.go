package ui

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/words"
)

// anim is one thing shown happening on the map: a counter sliding along
// its path, a fight's result over the hex where it was fought, or the
// banner of a new turn. They play
// one after another; the game's state has already moved on, so an
// animation only changes what is drawn, never what is true.
type anim struct {
	unit   string    // the counter that slides
	path   []hex.Hex // its path, hex by hex
	fight  *rules.CombatResolved
	lines  []string // a fight's result, as the card over the hex shows it
	banner []string // a new turn: its number, date and weather
	frames int      // its length
	left   int      // frames still to play
}

// Frames per hex of a slide and per fight, by animation speed 1 to 4;
// at 5 nothing is animated.
var (
	slideFrames  = [...]int{0, 10, 6, 4, 2, 0}
	fightFrames  = [...]int{0, 150, 100, 60, 35, 0}
	bannerFrames = [...]int{0, 100, 70, 50, 30, 0}
)

// animate queues what evs show: moves, retreats and fights.
func (p *Play) animate(evs []rules.Event) {
	speed := max(0, min(5, p.a.speed()))
	if slideFrames[speed] == 0 {
		return
	}
	for _, e := range evs {
		switch e := e.(type) {
		case rules.Moved:
			if len(e.Path) > 1 {
				n := slideFrames[speed] * (len(e.Path) - 1)
				p.anims = append(p.anims, anim{unit: e.Unit, path: e.Path, frames: n, left: n})
			}
		case rules.Retreated:
			n := slideFrames[speed] * 2
			p.anims = append(p.anims, anim{unit: e.Unit, path: []hex.Hex{e.From, e.To}, frames: n, left: n})
		case rules.CombatResolved:
			n := fightFrames[speed]
			p.anims = append(p.anims, anim{fight: &e, lines: p.fightLines(e), frames: n, left: n})
		case rules.TurnStarted:
			n := bannerFrames[speed]
			p.anims = append(p.anims, anim{banner: []string{
				fmt.Sprintf("Turn %d of %d", e.Turn, p.sc.Turns),
				fmt.Sprintf("%s, %s", e.Date.Format("Monday 2 January 2006, 15:04"), e.Weather),
			}, frames: n, left: n})
		}
	}
}

// fightLines says what a fight came to, side by side: the outcome and
// where, then each side's losses, the verb agreeing with the side.
func (p *Play) fightLines(e rules.CombatResolved) []string {
	name := func(ids []string) string {
		if len(ids) == 0 {
			return "?"
		}
		if u, ok := p.names[ids[0]]; ok {
			return p.shortName(u.Side)
		}
		return ids[0]
	}
	r := e.Result
	def := says(name(e.Defenders), "lose") + " " + words.Men(r.Defender.Men)
	if r.Defender.Captured > 0 {
		def += fmt.Sprintf(" and %d captured", r.Defender.Captured)
	}
	return []string{
		capital(r.Outcome.String()) + " " + p.log().At(e.Target),
		says(name(e.Attackers), "lose") + " " + words.Men(r.Attacker.Men),
		def,
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// stepAnim plays a frame of the animation under way; it reports whether
// one is.
func (p *Play) stepAnim() bool {
	if len(p.anims) == 0 {
		return false
	}
	p.anims[0].left--
	if p.anims[0].left <= 0 {
		p.anims = p.anims[1:]
	}
	p.dirty = true
	return true
}

// sliding returns the units whose slides are still to be shown: they are
// drawn by the animation, not at the hex where the state has them.
func (p *Play) sliding() map[string]bool {
	var out map[string]bool
	for _, a := range p.anims {
		if a.unit != "" {
			if out == nil {
				out = map[string]bool{}
			}
			out[a.unit] = true
		}
	}
	return out
}

// drawAnim draws the animation under way.
func (p *Play) drawAnim(dst *ebiten.Image, v *rules.View) {
	if len(p.anims) == 0 {
		return
	}
	an := p.anims[0]
	t := 1 - float64(an.left)/float64(max(1, an.frames)) // 0 to 1
	switch {
	case an.banner != nil:
		p.drawBanner(dst, an.banner, t)
	case an.unit != "":
		p.drawSlide(dst, v, an, t)
	default:
		p.drawFight(dst, an, t)
	}
}

// drawBanner draws a new turn: a band across the top of the map, fading at
// the end.
func (p *Play) drawBanner(dst *ebiten.Image, banner []string, t float64) {
	a := p.a
	alpha := math.Min(1, 4*(1-t))
	mapW := float64(p.w - a.panelW)
	bw, _ := text.Measure(banner[1], a.text, 0)
	w := math.Max(bw, a.title.Size*8) + 60
	x, y := (mapW-w)/2, float64(a.barH)+16
	h := a.title.Size*1.5 + a.text.Size*1.6 + 20
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{uint8(30 * alpha), uint8(32 * alpha), uint8(38 * alpha), uint8(225 * alpha)}, false)
	tw, _ := text.Measure(banner[0], a.title, 0)
	ink := color.RGBA{uint8(245 * alpha), uint8(235 * alpha), uint8(205 * alpha), uint8(255 * alpha)}
	drawText(dst, banner[0], (mapW-tw)/2, y+8, a.title, ink)
	drawText(dst, banner[1], (mapW-bw)/2, y+12+a.title.Size*1.5, a.text, ink)
}

// drawSlide draws a counter part of the way along its path.
func (p *Play) drawSlide(dst *ebiten.Image, v *rules.View, an anim, t float64) {
	u := p.unit(an.unit)
	if u == nil {
		return
	}
	seg := t * float64(len(an.path)-1)
	i := min(int(seg), len(an.path)-2)
	f := seg - float64(i)
	x0, y0 := paint.Unit.Center(an.path[i])
	x1, y1 := paint.Unit.Center(an.path[i+1])
	sx, sy := p.cam.ToScreen(x0+(x1-x0)*f, y0+(y1-y0)*f)
	size := paint.CounterSize(p.cam.Scale)
	paint.Counter(canvas(dst), p.a.scratch(dst), *u, v, sx-size/2, sy-size*paint.CounterTop, size, p.a.palette(), p.a.small.Size, u.ID == p.sel.unit)
}

// drawFight draws a fight: a ring spreading from the hex, and the result
// beside it.
func (p *Play) drawFight(dst *ebiten.Image, an anim, t float64) {
	f := p.a.small
	fx, fy := p.cam.ToScreen(paint.Unit.Center(an.fight.Target))
	r := float32(p.cam.Scale * (0.7 + 0.8*t))
	alpha := uint8(230 * (1 - t))
	vector.StrokeCircle(dst, float32(fx), float32(fy), r, 3, color.RGBA{alpha, uint8(float64(alpha) * 0.15), 0, alpha}, false)
	w := 0.0
	for _, l := range an.lines {
		lw, _ := text.Measure(l, f, f.Size)
		w = math.Max(w, lw)
	}
	lh := f.Size * 1.4
	bw, bh := w+20, lh*float64(len(an.lines))+12
	keep := []paint.Box{p.hexBox(an.fight.Target)}
	for _, id := range append(append([]string(nil), an.fight.Attackers...), an.fight.Defenders...) {
		if u := p.unit(id); u != nil {
			keep = append(keep, p.hexBox(u.Hex))
		}
	}
	bx, by := p.placeCard(bw, bh, p.hexBox(an.fight.Target), keep)
	p.notePanel("fight", paint.Box{X: bx, Y: by, W: bw, H: bh})
	vector.DrawFilledRect(dst, float32(bx), float32(by), float32(bw), float32(bh), color.RGBA{250, 246, 232, 255}, false)
	vector.StrokeRect(dst, float32(bx), float32(by), float32(bw), float32(bh), 2, color.RGBA{170, 40, 30, 255}, false)
	for i, l := range an.lines {
		c := color.RGBA{30, 30, 30, 255}
		if i == 0 {
			c = color.RGBA{150, 30, 20, 255}
		}
		drawText(dst, l, bx+10, by+6+float64(i)*lh, f, c)
	}
}
