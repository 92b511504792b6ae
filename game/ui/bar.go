package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/rules"
)

// buttons are the bar's clickable commands, right-aligned: each does what
// its key does.
var buttons = []struct {
	label string
	key   Key
}{{"End turn (E)", KeyEndTurn}, {"Menu (M)", KeyMenu}, {"Help (F1)", KeyHelp}}

// buttonAt returns the key of the bar button under (x, y), or KeyNone.
func (p *Play) buttonAt(x, y int) Key {
	if y < 0 || y >= p.a.barH {
		return KeyNone
	}
	right := p.w
	for i := len(buttons) - 1; i >= 0; i-- {
		w, _ := text.Measure(buttons[i].label, p.a.small, p.a.small.Size)
		left := right - int(w) - 16
		if x >= left && x < right {
			return buttons[i].key
		}
		right = left - 4
	}
	return KeyNone
}

// buttonsLeft is the left edge of the bar's buttons.
func (p *Play) buttonsLeft() float64 {
	right := float64(p.w)
	for _, b := range buttons {
		w, _ := text.Measure(b.label, p.a.small, p.a.small.Size)
		right -= w + 16 + 4
	}
	return right + 4
}

func (p *Play) drawButtons(dst *ebiten.Image) {
	right := float64(p.w)
	for i := len(buttons) - 1; i >= 0; i-- {
		w, _ := text.Measure(buttons[i].label, p.a.small, p.a.small.Size)
		left := right - w - 16
		vector.DrawFilledRect(dst, float32(left), 3, float32(w+12), float32(p.a.barH-6), color.RGBA{80, 90, 110, 255}, false)
		drawText(dst, buttons[i].label, left+6, 6, p.a.small, color.White)
		right = left - 4
	}
}

// drawBar draws the bar across the top: the scenario, the turn, its date
// and weather, who is to move (or the result), the points by side, with
// the ghost of history how far the game is off the record, and the buttons.
func (p *Play) drawBar(dst *ebiten.Image, v *rules.View) {
	a := p.a
	vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(a.barH), color.RGBA{35, 35, 40, 255}, false)
	x, y := 8.0, (float64(a.barH)-a.text.Size*1.3)/2
	put := func(str string, c color.Color) {
		drawText(dst, str, x, y, a.text, c)
		w, _ := text.Measure(str, a.text, 0)
		x += w
	}
	swatch := func(side string) {
		sides := a.palette().Sides
		sz := a.text.Size * 0.8
		vector.DrawFilledRect(dst, float32(x+4), float32(float64(a.barH)/2-sz/2), float32(sz), float32(sz), sides[max(0, v.SideIndex(side))%len(sides)], false)
		x += sz + 8
	}
	white, dim := color.RGBA{245, 245, 245, 255}, color.RGBA{180, 180, 185, 255}
	put(v.Title, white)
	put(fmt.Sprintf("    turn %d/%d   %s   %s    ", v.Turn, v.Turns, v.TurnTime(v.Turn).Format("2 Jan 2006 15:04"), v.WeatherAt(v.Turn)), dim)
	if v.Over {
		w := "nobody"
		if v.Winner != "" {
			w = p.shortName(v.Winner)
		}
		put(fmt.Sprintf("game over: %s wins (%s), Enter for the result    ", w, v.Reason), white)
	} else {
		active := v.ActiveSide()
		who := "(you)"
		if !p.m.PersonToMove() {
			who = "(AI; Enter skips)"
		}
		swatch(active)
		put(p.shortName(active)+" to move "+who+"    ", white)
	}
	put("VP", dim)
	vp := p.m.VP()
	for _, sd := range v.Sides {
		swatch(sd.ID)
		put(fmt.Sprint(vp[sd.ID]), white)
	}
	if g := "    " + p.ghostText(v); g != "    " {
		if w, _ := text.Measure(g, a.text, 0); x+w < p.buttonsLeft()-8 {
			put(g, ghostInk)
		} else { // no room on a narrow window: just under the bar
			p.drawGhostTag(dst, strings.TrimSpace(g))
		}
	}
	p.drawButtons(dst)
}
