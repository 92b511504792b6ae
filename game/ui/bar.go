package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

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

// barPart is a piece of the bar's text: words in a colour, after a
// side's swatch when swatch names a side.
type barPart struct {
	text   string
	ink    color.RGBA
	swatch string
}

var (
	barWhite = color.RGBA{245, 245, 245, 255}
	barDim   = color.RGBA{180, 180, 185, 255}
	barTime  = color.RGBA{250, 200, 90, 255} // a lesson's time left
	barLate  = color.RGBA{255, 110, 90, 255} // the last minutes of it
)

// barParts are the bar's words, left to right: the scenario, a lesson's
// time left (first, so that a narrow window keeps it), the turn, its date
// and weather, who is to move (or the result), and the points by side.
func (p *Play) barParts(v *rules.View) []barPart {
	parts := []barPart{{text: v.Title, ink: barWhite}}
	if left, ok := p.a.lesson.left(p.a.now()); ok && !v.Over {
		ink := barTime
		if left < 5*time.Minute {
			ink = barLate
		}
		parts = append(parts, barPart{text: "    time left " + clockText(left), ink: ink})
	}
	parts = append(parts, barPart{text: fmt.Sprintf("    turn %d/%d   %s   %s    ", v.Turn, v.Turns, v.TurnTime(v.Turn).Format("2 Jan 2006 15:04"), v.WeatherAt(v.Turn)), ink: barDim})
	if v.Over {
		parts = append(parts, barPart{text: p.gameOverWords(v.Winner, v.Reason), ink: barWhite})
	} else {
		active := v.ActiveSide()
		who := "(you)"
		if !p.m.PersonToMove() {
			who = "(AI; Enter skips)"
		}
		parts = append(parts, barPart{text: p.shortName(active) + " to move " + who + "    ", ink: barWhite, swatch: active})
	}
	parts = append(parts, barPart{text: "VP", ink: barDim})
	vp := p.m.VP()
	for _, sd := range v.Sides {
		parts = append(parts, barPart{text: fmt.Sprint(vp[sd.ID]), ink: barWhite, swatch: sd.ID})
	}
	return parts
}

// barText is the bar's words as one line, for tests and reading aloud.
func (p *Play) barText(v *rules.View) string {
	var b strings.Builder
	for _, pt := range p.barParts(v) {
		if pt.swatch != "" {
			b.WriteString(" ")
		}
		b.WriteString(pt.text)
	}
	return b.String()
}

// clockText is a time left as minutes and seconds, or hours, minutes and
// seconds from an hour up: "39:05", "1:02:00".
func clockText(d time.Duration) string {
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// drawBar draws the bar across the top: its words (barParts), with the
// ghost of history how far the game is off the record, and the buttons.
func (p *Play) drawBar(dst *ebiten.Image, v *rules.View) {
	a := p.a
	vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(a.barH), color.RGBA{35, 35, 40, 255}, false)
	x, y := 8.0, (float64(a.barH)-a.text.Size*1.3)/2
	sides := a.palette().Sides
	sz := a.text.Size * 0.8
	for _, pt := range p.barParts(v) {
		if pt.swatch != "" {
			vector.DrawFilledRect(dst, float32(x+4), float32(float64(a.barH)/2-sz/2), float32(sz), float32(sz), sides[max(0, v.SideIndex(pt.swatch))%len(sides)], false)
			x += sz + 8
		}
		drawText(dst, pt.text, x, y, a.text, pt.ink)
		w, _ := text.Measure(pt.text, a.text, 0)
		x += w
	}
	if g := "    " + p.ghostText(v); g != "    " {
		if w, _ := text.Measure(g, a.text, 0); x+w < p.buttonsLeft()-8 {
			drawText(dst, g, x, y, a.text, ghostInk)
		} else { // no room on a narrow window: just under the bar
			p.drawGhostTag(dst, strings.TrimSpace(g))
		}
	}
	p.drawButtons(dst)
}

// gameOverWords are the bar's words for the end of the game: who won, and
// why, the verb agreeing with the winner.
func (p *Play) gameOverWords(winner, reason string) string {
	w := "nobody"
	if winner != "" {
		w = p.shortName(winner)
	}
	why := ""
	if reason != "" {
		why = " (" + p.sc.Named(reason) + ")"
	}
	return fmt.Sprintf("game over: %s%s, Enter for the result    ", says(w, "win"), why)
}
