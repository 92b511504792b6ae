package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/paint"
	"ili/game/rules"
)

// buttons are the bar's clickable commands, right-aligned: each does what
// its key does; short is the label the bar gives it when it is short of
// room.
var buttons = []struct {
	label, short string
	key          Key
}{{"End turn (E)", "End turn", KeyEndTurn}, {"Menu (M)", "Menu", KeyMenu}, {"Help (F1)", "Help", KeyHelp}}

// playButton is a bar button as laid out: its key, label and box.
type playButton struct {
	key   Key
	label string
	box   paint.Box
}

// barButtons lays out the bar's buttons from the right edge, in the
// compact form when the bar's words need the room.
func (p *Play) barButtons(compact bool) []playButton {
	out := make([]playButton, len(buttons))
	right := float64(p.w)
	for i := len(buttons) - 1; i >= 0; i-- {
		label := buttons[i].label
		if compact {
			label = buttons[i].short
		}
		w, _ := text.Measure(label, p.a.small, 0)
		left := right - w - 16
		out[i] = playButton{buttons[i].key, label, paint.Box{X: left, Y: 3, W: w + 12, H: float64(p.a.barH - 6)}}
		right = left - 4
	}
	return out
}

// buttonAt returns the key of the bar button under (x, y), or KeyNone.
func (p *Play) buttonAt(x, y int) Key {
	if y < 0 || y >= p.a.barH {
		return KeyNone
	}
	for _, b := range p.barButtons(p.barLook(p.currentView()).compact) {
		if float64(x) >= b.box.X && float64(x) < b.box.X+b.box.W+4 {
			return b.key
		}
	}
	return KeyNone
}

func (p *Play) drawButtons(dst *ebiten.Image, bs []playButton) {
	for _, b := range bs {
		vector.DrawFilledRect(dst, float32(b.box.X), float32(b.box.Y), float32(b.box.W), float32(b.box.H), color.RGBA{80, 90, 110, 255}, false)
		drawText(dst, b.label, b.box.X+6, 6, p.a.small, color.White)
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

// barForm is how much the bar says: the full form first, and shorter ones
// for a narrow window or a large interface, each giving up a little more.
type barForm struct {
	gap     string // between the groups of words
	year    bool   // the date's year (the title gives it)
	ai      bool   // "Enter skips" after the AI to move
	compact bool   // the buttons without their keys (help lists them)
	title   int    // 0 the whole title, 1 its part before a comma, 2 none
	weather bool
	you     bool // "(you)" after the side to move
	reason  bool // why the game ended, on the bar
}

// barForms are the bar's forms, the fullest first.
var barForms = []barForm{
	{gap: "    ", year: true, ai: true, weather: true, you: true, reason: true},
	{gap: "  ", year: true, ai: true, weather: true, you: true, reason: true},
	{gap: "  ", weather: true, you: true, reason: true},
	{gap: "  ", weather: true, you: true, title: 1},
	{gap: "  ", weather: true, you: true, title: 1, compact: true},
	{gap: "  ", you: true, title: 1, compact: true},
	{gap: "  ", title: 1, compact: true},
	{gap: " ", title: 2, compact: true},
}

// barLook is the fullest form of the bar whose words fit left of its
// buttons (the last form when none does).
func (p *Play) barLook(v *rules.View) barForm {
	for _, f := range barForms {
		if p.barWidth(v, f) <= p.barButtons(f.compact)[0].box.X-8 {
			return f
		}
	}
	return barForms[len(barForms)-1]
}

// barWidth is the width of the bar's words in form f.
func (p *Play) barWidth(v *rules.View, f barForm) float64 {
	x := 8.0
	sz := p.a.text.Size * 0.8
	for _, pt := range p.barParts(v, f) {
		if pt.swatch != "" {
			x += sz + 8
		}
		w, _ := text.Measure(pt.text, p.a.text, 0)
		x += w
	}
	return x
}

// barParts are the bar's words, left to right, in the form f: the
// scenario, a lesson's time left (first, so that a narrow window keeps
// it), the turn, its date and weather, who is to move (or the result), and
// the points by side.
func (p *Play) barParts(v *rules.View, f barForm) []barPart {
	var parts []barPart
	title := v.Title
	if f.title == 1 {
		title, _, _ = strings.Cut(title, ",")
	}
	if f.title < 2 {
		parts = append(parts, barPart{text: title + f.gap, ink: barWhite})
	}
	if left, ok := p.a.lesson.left(p.a.now()); ok && !v.Over {
		ink := barTime
		if left < 5*time.Minute {
			ink = barLate
		}
		parts = append(parts, barPart{text: "time left " + clockText(left) + f.gap, ink: ink})
	}
	date := "2 Jan 15:04"
	if f.year {
		date = "2 Jan 2006 15:04"
	}
	when := fmt.Sprintf("turn %d/%d  %s", v.Turn, v.Turns, v.TurnTime(v.Turn).Format(date))
	if f.weather {
		when += "  " + v.WeatherAt(v.Turn).String()
	}
	parts = append(parts, barPart{text: when + f.gap, ink: barDim})
	if v.Over {
		parts = append(parts, barPart{text: p.gameOverWords(v.Winner, v.Reason, f.reason) + f.gap, ink: barWhite})
	} else {
		active := v.ActiveSide()
		who := ""
		switch {
		case !p.m.PersonToMove() && f.ai:
			who = " (AI; Enter skips)"
		case !p.m.PersonToMove():
			who = " (AI)"
		case f.you:
			who = " (you)"
		}
		parts = append(parts, barPart{text: p.shortName(active) + " to move" + who + f.gap, ink: barWhite, swatch: active})
	}
	parts = append(parts, barPart{text: "VP", ink: barDim})
	vp := p.m.VP()
	for _, sd := range v.Sides {
		parts = append(parts, barPart{text: fmt.Sprint(vp[sd.ID]), ink: barWhite, swatch: sd.ID})
	}
	return parts
}

// barText is the bar's words as one line, in its fullest form, for tests
// and reading aloud.
func (p *Play) barText(v *rules.View) string {
	var b strings.Builder
	for _, pt := range p.barParts(v, barForms[0]) {
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

// drawBar draws the bar across the top: its words (barParts) in the
// fullest form that fits left of the buttons, with the ghost of history
// how far the game is off the record, and the buttons.
func (p *Play) drawBar(dst *ebiten.Image, v *rules.View) {
	a := p.a
	fillRect(dst, image.Rect(0, 0, p.w, a.barH), color.RGBA{35, 35, 40, 255})
	f := p.barLook(v)
	bs := p.barButtons(f.compact)
	x, y := 8.0, (float64(a.barH)-a.text.Size*1.3)/2
	sides := a.palette().Sides
	sz := a.text.Size * 0.8
	for _, pt := range p.barParts(v, f) {
		if pt.swatch != "" {
			vector.DrawFilledRect(dst, float32(x+4), float32(float64(a.barH)/2-sz/2), float32(sz), float32(sz), sides[max(0, v.SideIndex(pt.swatch))%len(sides)], false)
			x += sz + 8
		}
		drawText(dst, pt.text, x, y, a.text, pt.ink)
		w, _ := text.Measure(pt.text, a.text, 0)
		p.noteText("bar", pt.text, x, y, w, a.text.Size*1.2)
		x += w
	}
	if g := p.ghostText(v); g != "" {
		if w, _ := text.Measure(f.gap+g, a.text, 0); x+w < bs[0].box.X-8 {
			drawText(dst, f.gap+g, x, y, a.text, ghostInk)
			p.noteText("bar", f.gap+g, x, y, w, a.text.Size*1.2)
		} else { // no room on a narrow window: just under the bar
			p.drawGhostTag(dst, g)
		}
	}
	p.drawButtons(dst, bs)
	for _, b := range bs {
		p.notePanel("button", b.box)
	}
}

// gameOverWords are the bar's words for the end of the game: who won, and
// why (when why is set), the verb agreeing with the winner.
func (p *Play) gameOverWords(winner, reason string, why bool) string {
	w := "nobody"
	if winner != "" {
		w = p.shortName(winner)
	}
	if !why {
		return fmt.Sprintf("game over: %s; Enter", says(w, "win"))
	}
	because := ""
	if reason != "" {
		because = " (" + p.sc.Named(reason) + ")"
	}
	return fmt.Sprintf("game over: %s%s, Enter for the result", says(w, "win"), because)
}
