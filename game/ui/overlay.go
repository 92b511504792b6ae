package ui

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/rules"
)

// drawOverlays draws what lies over the map: the story to read, the help
// and the menu.
func (p *Play) drawOverlays(dst *ebiten.Image) {
	if len(p.stories) > 0 {
		p.drawStory(dst, p.stories[0])
	}
	if p.help {
		drawHelp(dst, p.a)
	}
	if p.menu != nil {
		vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(p.h), color.RGBA{0, 0, 0, 110}, false)
		p.placeMenu()
		p.menu.draw(dst)
	}
}

// drawStory shows a narrative event as it fires, with its source.
func (p *Play) drawStory(dst *ebiten.Image, n rules.NarrativeFired) {
	a := p.a
	mapW := float64(p.w - a.panelW)
	w := math.Min(a.text.Size*46, mapW-40)
	inner := w - 32
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(n.Text), "\n\n") {
		lines = append(lines, a.wrap(strings.Join(strings.Fields(para), " "), inner, a.text)...)
		lines = append(lines, "")
	}
	if src, ok := p.sc.Sources[n.Source]; ok {
		lines = append(lines, a.wrap(latin("Source: "+src.Author+", "+src.Title), inner, a.text)...)
	}
	lh := a.text.Size * 1.45
	h := a.title.Size*2.2 + lh*float64(len(lines)+2) + 16
	x, y := math.Max(10, mapW/2-w/2), float64(a.barH)+40
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{250, 246, 232, 245}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, color.RGBA{90, 60, 30, 255}, false)
	drawText(dst, n.Title, x+16, y+12, a.title, color.RGBA{90, 40, 20, 255})
	ty := drawTextLines(dst, lines, x+16, y+12+a.title.Size*2, y+h, a.text, color.RGBA{30, 30, 30, 255})
	drawText(dst, "Enter or a click to go on", x+16, ty+lh*0.5, a.small, color.RGBA{130, 70, 20, 255})
}

var helpLines = []string{
	"arrows, WASD\tpan the map (or drag it with the mouse, or touch the screen's edge)",
	"wheel, + and -\tzoom at the cursor",
	"minimap click\tcentre the map there",
	"click\tselect a unit, move it, or preview an attack on an enemy next to it",
	"click again\tmake the previewed attack",
	"Tab\tnext unit that can act",
	"C\tkeyboard cursor: the arrows move it, Enter clicks its hex",
	"U, Backspace\ttake back the last move (until a fight, a sighting, an arrival or a capture)",
	"E\tend your phase",
	"Enter, Space\tskip the rest of the AI's turn",
	"[ and ]\tslower or faster AI turns",
	"G\thex grid on or off",
	"H\tthe ghost of history: where the record's main bodies stood, the places held otherwise",
	"F5, F9\tquick save, quick load (autosave each turn and on quitting)",
	"F2\tcolour-blind-safe palette on or off",
	"F3, F4\tsmaller or larger interface",
	"F11\tfull screen",
	"Esc\tclear the selection; with nothing selected, the menu",
	"M\tthe menu: save, load, settings, quit",
	"F1, ?\tthis help (Esc closes it)",
	"Q\tquit (the game is kept for Continue)",
}

// drawHelp lists every key with what it does, in two columns.
func drawHelp(dst *ebiten.Image, a *app) {
	keyW, w := 0.0, 0.0
	for _, l := range helpLines {
		k, d, _ := strings.Cut(l, "\t")
		kw, _ := text.Measure(k, a.text, 0)
		dw, _ := text.Measure(d, a.text, 0)
		keyW, w = math.Max(keyW, kw), math.Max(w, dw)
	}
	lh := a.text.Size * 1.4
	x, y := 60.0, 60.0
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(keyW+w+70), float32(lh*float64(len(helpLines)+1)+30), color.RGBA{250, 248, 240, 245}, false)
	drawText(dst, "Keys", x+20, y+12, a.title, color.RGBA{120, 50, 20, 255})
	for i, l := range helpLines {
		k, d, _ := strings.Cut(l, "\t")
		ly := y + 16 + lh*float64(i+1)
		drawText(dst, k, x+20, ly, a.text, color.RGBA{120, 50, 20, 255})
		drawText(dst, d, x+40+keyW, ly, a.text, color.Black)
	}
}
