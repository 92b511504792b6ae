package ui

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// menu is a column of buttons, chosen with the arrows and Enter or with the
// mouse: the pointer highlights an item and a click chooses it. An item
// "label\tvalue" shows the value in a column of its own.
type menu struct {
	a     *app
	items []string
	off   []bool // items shown but not available
	at    int    // the highlighted item
	x, y  float64
	w     float64
	lastX int
	lastY int
	// pointed is set once the menu has seen where the pointer is.
	pointed bool
	// fit, when more than 0, is the height the menu's rows must fit in:
	// they close up to it, down to 1.4 times the text's size.
	fit float64
	// labelMax, when more than 0, is the share of the width past which
	// the values of settings begin at the latest, longer labels cut.
	labelMax float64
}

// Menu colours.
var (
	menuFill   = color.RGBA{52, 58, 70, 240}
	menuHot    = color.RGBA{196, 150, 60, 255}
	menuText   = color.RGBA{235, 235, 228, 255}
	menuDim    = color.RGBA{130, 130, 130, 255}
	screenFill = color.RGBA{34, 38, 46, 255}
)

func newMenu(a *app, items ...string) *menu {
	return &menu{a: a, items: items, off: make([]bool, len(items))}
}

// rowHeight is the height of one item at the interface size in use.
func (m *menu) rowHeight() float64 {
	rh := m.a.text.Size * 2.4
	if m.fit > 0 && len(m.items) > 0 {
		rh = max(m.a.text.Size*1.4, min(rh, m.fit/float64(len(m.items))))
	}
	return rh
}

// place puts the menu's top-left corner at (x, y), w wide.
func (m *menu) place(x, y, w float64) { m.x, m.y, m.w = x, y, w }

// height is the menu's height on screen.
func (m *menu) height() float64 { return float64(len(m.items)) * m.rowHeight() }

// itemAt returns the item under (x, y), or -1.
func (m *menu) itemAt(x, y int) int {
	fx, fy := float64(x), float64(y)
	if fx < m.x || fx >= m.x+m.w || fy < m.y {
		return -1
	}
	i := int((fy - m.y) / m.rowHeight())
	if i >= len(m.items) {
		return -1
	}
	return i
}

// move steps the highlight by d, over items that are off.
func (m *menu) move(d int) {
	n := len(m.items)
	for k := 0; k < n; k++ {
		m.at = (m.at + d + n) % n
		if !m.off[m.at] {
			return
		}
	}
}

// update reads a frame of input and returns the item chosen, or -1.
func (m *menu) update(in Input) int {
	if len(m.items) == 0 {
		return -1
	}
	if m.off[m.at] {
		m.move(1)
	}
	// The pointer highlights the item it moves onto; a menu that opens
	// under a still pointer keeps its highlight where it is.
	if m.pointed && (in.MouseX != m.lastX || in.MouseY != m.lastY) {
		if i := m.itemAt(in.MouseX, in.MouseY); i >= 0 && !m.off[i] {
			m.at = i
		}
	}
	m.lastX, m.lastY, m.pointed = in.MouseX, in.MouseY, true
	switch {
	case in.Has(KeyUp):
		m.move(-1)
	case in.Has(KeyDown):
		m.move(1)
	case in.Has(KeyEnter):
		return m.at
	case in.Click:
		if i := m.itemAt(in.MouseX, in.MouseY); i >= 0 && !m.off[i] {
			m.at = i
			return i
		}
	}
	return -1
}

// step reads the keys that change a setting's value: -1 for Left, +1 for
// Right or Space, 0 for neither.
func step(in Input) int {
	switch {
	case in.Has(KeyLeft):
		return -1
	case in.Has(KeyRight) || in.Has(KeyToggle):
		return 1
	}
	return 0
}

// valueX is where the values of the menu's settings ("label\tvalue")
// begin: past the widest label, and at least a third of the way across.
func (m *menu) valueX() float64 {
	x := m.w * 0.36
	for _, s := range m.items {
		if label, _, two := strings.Cut(s, "\t"); two {
			lw, _ := text.Measure(label, m.a.text, 0)
			x = math.Max(x, 14+lw+m.a.text.Size*1.5)
		}
	}
	if m.labelMax > 0 {
		x = math.Min(x, m.w*m.labelMax)
	}
	return x
}

// draw draws the menu's buttons.
func (m *menu) draw(dst *ebiten.Image) {
	rh := m.rowHeight()
	vx := m.valueX()
	for i, s := range m.items {
		y := m.y + float64(i)*rh
		fill, ink := menuFill, menuText
		if m.off[i] {
			ink = menuDim
		} else if i == m.at {
			fill = menuHot
		}
		vector.DrawFilledRect(dst, float32(m.x), float32(y)+2, float32(m.w), float32(rh)-4, fill, false)
		ty := y + (rh-m.a.text.Size*1.3)/2
		label, value, two := strings.Cut(s, "\t")
		if two {
			label = fitText(label, vx-14-m.a.text.Size, m.a.text)
		}
		drawText(dst, label, m.x+14, ty, m.a.text, ink)
		if two { // a setting: its value in a column of its own, cut to fit
			drawText(dst, fitText(value, m.w-vx-8, m.a.text), m.x+vx, ty, m.a.text, ink)
		}
	}
}

// fitText is s, or as much of it as fits in w with "…" in place of the
// rest (before a closing " >" that s ends with, which stays).
func fitText(s string, w float64, f *text.GoTextFace) string {
	if tw, _ := text.Measure(s, f, 0); tw <= w {
		return s
	}
	body, tail := s, ""
	if strings.HasSuffix(s, " >") {
		body, tail = strings.TrimSuffix(s, " >"), " >"
	}
	r := []rune(body)
	for len(r) > 0 {
		r = r[:len(r)-1]
		out := strings.TrimRight(string(r), " ") + "…" + tail
		if tw, _ := text.Measure(out, f, 0); tw <= w {
			return out
		}
	}
	return tail
}

// drawText draws s with its top-left corner at (x, y).
func drawText(dst *ebiten.Image, s string, x, y float64, f *text.GoTextFace, c color.Color) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	text.Draw(dst, s, f, op)
}

// drawLines draws lines of text from (x, y) down, one line height apart,
// stopping at the bottom; it returns the y below the last line drawn.
func drawTextLines(dst *ebiten.Image, lines []string, x, y, bottom float64, f *text.GoTextFace, c color.Color) float64 {
	lh := f.Size * 1.45
	for _, l := range lines {
		if y+lh > bottom {
			break
		}
		drawText(dst, l, x, y, f, c)
		y += lh
	}
	return y
}

// wrap wraps s to lines no wider than w pixels in face f, breaking
// at spaces (a word longer than a line has a line of its own). It
// measures each word and adds the spaces' width, rather than each line as
// it grows: Ebiten keeps what it measured, the last 512 strings at least,
// and every beginning of every line kept took megabytes. Lines are kept
// per text, width and size, so a redraw measures nothing.
func (a *app) wrap(s string, w float64, f *text.GoTextFace) []string {
	key := wrapKey{s, w, f.Size}
	if lines, ok := a.wraps[key]; ok {
		return lines
	}
	var out []string
	line, lineW := "", 0.0
	space, _ := text.Measure(" ", f, 0)
	for _, word := range strings.Fields(s) {
		ww, _ := text.Measure(word, f, 0)
		switch {
		case line == "":
			line, lineW = word, ww
		case lineW+space+ww > w:
			out = append(out, line)
			line, lineW = word, ww
		default:
			line, lineW = line+" "+word, lineW+space+ww
		}
	}
	out = append(out, line)
	if len(a.wraps) > 2000 {
		clear(a.wraps)
	}
	a.wraps[key] = out
	return out
}

type wrapKey struct {
	s    string
	w    float64
	size float64
}

// latin is s without the letters the interface's font lacks, and without
// the brackets that leaves empty, so that no boxes show. The font has every
// script the bundled data uses (Chinese, Cyrillic and Uyghur's Arabic
// script among them; go test ./assets checks it), so only text from
// elsewhere, such as a name typed in, loses anything. (The name is from
// when the font had Latin alone.)
func latin(s string) string {
	clean := true
	for _, r := range s {
		if !drawable(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if drawable(r) {
			b.WriteRune(r)
		}
	}
	out := strings.NewReplacer("()", "", "( )", "", "[]", "").Replace(b.String())
	return strings.Join(strings.Fields(out), " ")
}
