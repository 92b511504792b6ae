package ui

import (
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/encyclopedia"
	"ili/game/rules"
)

// drawOverlays draws what lies over the map: the route's march time, the
// story to read, the help and the menu.
func (p *Play) drawOverlays(dst *ebiten.Image) {
	p.drawRouteTime(dst)
	if len(p.stories) > 0 {
		p.drawStory(dst, p.stories[0])
	}
	if p.help {
		drawHelp(dst, p.a)
	}
	if p.menu != nil {
		vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(p.h), color.RGBA{0, 0, 0, 110}, false)
		p.placeMenu()
		// An opaque box under the menu's buttons: the map does not show
		// through them.
		m := p.menu
		vector.DrawFilledRect(dst, float32(m.x-8), float32(m.y-6), float32(m.w+16), float32(m.height()+12), screenFill, false)
		vector.StrokeRect(dst, float32(m.x-8), float32(m.y-6), float32(m.w+16), float32(m.height()+12), 1.5, menuHot, false)
		m.draw(dst)
	}
}

// drawStory shows a narrative event as it fires, with its source and the
// encyclopedia's entries on the names it gives.
func (p *Play) drawStory(dst *ebiten.Image, n rules.NarrativeFired) {
	a := p.a
	b := p.storyBox(n)
	x, y, w, h := b.x, b.y, b.w, b.h
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{250, 246, 232, 255}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, color.RGBA{90, 60, 30, 255}, false)
	drawText(dst, n.Title, x+16, y+12, a.title, color.RGBA{90, 40, 20, 255})
	drawTextLines(dst, b.lines, x+16, y+12+a.title.Size*2, y+h, a.text, color.RGBA{30, 30, 30, 255})
	drawLinks(dst, b.links, a.small, color.RGBA{90, 80, 70, 255}, p.ptr.lastX, p.ptr.lastY)
	goOn := "Enter or a click to go on"
	if len(b.links) > 1 {
		goOn += "; a name opens its entry in the encyclopedia"
	}
	drawText(dst, goOn, x+16, b.end, a.small, color.RGBA{130, 70, 20, 255})
}

// storyBox is where a story stands: its box, its lines, the links to the
// names it gives, and the line to go on.
type storyBox struct {
	x, y, w, h float64
	lines      []string
	links      []linkBox
	end        float64
}

func (p *Play) storyBox(n rules.NarrativeFired) storyBox {
	a := p.a
	mapW := float64(p.w - a.panelW)
	w := math.Min(a.text.Size*46, mapW-40)
	inner := w - 32
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(n.Text), "\n\n") {
		lines = append(lines, a.wrap(strings.Join(strings.Fields(para), " "), inner, a.text)...)
		lines = append(lines, "")
	}
	if _, ok := p.sc.Sources[n.Source]; ok {
		lines = append(lines, a.wrap(latin("Source: "+p.sc.Cite(n.Source)), inner, a.text)...)
	}
	lh := a.text.Size * 1.45
	x, y := math.Max(10, mapW/2-w/2), float64(a.barH)+40
	b := storyBox{x: x, y: y, w: w, lines: lines}
	b.end = y + 12 + a.title.Size*2 + lh*float64(len(lines)) + lh*0.5
	var seen []*encyclopedia.Entry
	for _, m := range namesIn(n.Text) {
		if !slices.Contains(seen, m.Entry) {
			seen = append(seen, m.Entry)
		}
	}
	if len(seen) > 0 {
		var used float64
		b.links, used = flowLinks("See also:", seen, x+16, b.end, inner, a.small)
		b.end += used + lh*0.3
	}
	b.h = b.end - y + a.title.Size*0.2 + lh*1.5 + 4
	return b
}

// storyLinkAt is the entry of the name at (x, y) under the story on
// screen, or nil.
func (p *Play) storyLinkAt(x, y int) *encyclopedia.Entry {
	for _, l := range p.storyBox(p.stories[0]).links {
		if l.entry != nil && l.at(x, y) {
			return l.entry
		}
	}
	return nil
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
	"M\tthe menu: save, load, settings, the encyclopedia, quit",
	"click a name\tits encyclopedia entry: the unit's name, commander or source, a log line, a name under a story",
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
