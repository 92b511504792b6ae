package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/game/paint"
)

// screen is an Ebiten image as a canvas the map is painted on: the same
// drawing (package paint) that the debrief paints without a display.
type screen struct{ img *ebiten.Image }

// canvas returns img as a canvas.
func canvas(img *ebiten.Image) screen { return screen{img} }

// vertices is the buffer the triangles are handed to Ebiten in, reused:
// drawing happens on one goroutine.
var vertices []ebiten.Vertex

// Triangles implements paint.Target.
func (s screen) Triangles(vs []paint.Vertex, is []uint16) {
	vertices = vertices[:0]
	for _, v := range vs {
		vertices = append(vertices, ebiten.Vertex{DstX: v.X, DstY: v.Y, SrcX: 1, SrcY: 1, ColorR: v.R, ColorG: v.G, ColorB: v.B, ColorA: v.A})
	}
	s.img.DrawTriangles(vertices, is, whitePixel, &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModePremultipliedAlpha})
}

// Measure implements paint.Text: the width of s and a line's height, 1.2
// times the size.
func (s screen) Measure(str string, size float64) (w, h float64) {
	return text.Measure(str, face(size), size*1.2)
}

// Draw implements paint.Text.
func (s screen) Draw(str string, x, y, size float64, c color.Color) {
	drawText(s.img, str, x, y, face(size), c)
}

// Size implements paint.Canvas.
func (s screen) Size() (w, h int) {
	b := s.img.Bounds()
	return b.Dx(), b.Dy()
}

// scratch returns the shared batch, empty, drawing on dst.
func (a *app) scratch(dst *ebiten.Image) *paint.Batch { return a.batch.On(canvas(dst)) }
