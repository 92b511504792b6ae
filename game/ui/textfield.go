package ui

import (
	"image/color"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// textField is a line of text a person types: a name, an answer. It takes
// the characters typed and Backspace, and grows to as many lines as its
// text needs when drawn.
type textField struct {
	a     *app
	value []rune
	max   int // the most characters it takes
}

func newTextField(a *app, max int) *textField { return &textField{a: a, max: max} }

// update takes a frame's typing and reports whether Enter was pressed.
func (f *textField) update(in Input) bool {
	for _, r := range in.Chars {
		if unicode.IsPrint(r) && len(f.value) < f.max {
			f.value = append(f.value, r)
		}
	}
	if in.Has(KeyBack) && len(f.value) > 0 {
		f.value = f.value[:len(f.value)-1]
	}
	return in.Has(KeyEnter)
}

// text is what was typed, trimmed.
func (f *textField) text() string { return trimSpace(string(f.value)) }

func trimSpace(s string) string {
	out := []rune(s)
	for len(out) > 0 && unicode.IsSpace(out[0]) {
		out = out[1:]
	}
	for len(out) > 0 && unicode.IsSpace(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return string(out)
}

// lines are the field's text as drawn w wide, with a caret when it has
// the focus: a line at least.
func (f *textField) lines(w float64, focus bool) []string {
	shown := string(f.value)
	if focus {
		shown += "|"
	}
	lines := f.a.wrap(latin(shown), w-16, f.a.text)
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// height is how tall the field is drawn w wide.
func (f *textField) height(w float64, focus bool) float64 {
	return f.a.text.Size*1.45*float64(len(f.lines(w, focus))) + 12
}

// draw draws the field at (x, y), w wide, its text wrapped, with a caret
// when it has the focus; it returns the y below it.
func (f *textField) draw(dst *ebiten.Image, x, y, w float64, focus bool) float64 {
	a := f.a
	lines := f.lines(w, focus)
	h := f.height(w, focus)
	edge := color.RGBA{150, 130, 100, 255}
	if focus {
		edge = color.RGBA{196, 150, 60, 255}
	}
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{255, 253, 246, 255}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, edge, false)
	drawTextLines(dst, lines, x+8, y+6, y+h, a.text, color.RGBA{30, 30, 30, 255})
	return y + h
}
