package ui

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// fillRect fills r of dst with c, as Fill does: without reading what was
// under it or blending with it, which an opaque colour makes no difference
// to, and which saves a software rasteriser the work.
func fillRect(dst *ebiten.Image, r image.Rectangle, c color.Color) {
	if r = r.Intersect(dst.Bounds()); !r.Empty() {
		dst.SubImage(r).(*ebiten.Image).Fill(c)
	}
}

// fillOutside fills what of dst lies outside r.
func fillOutside(dst *ebiten.Image, r image.Rectangle, c color.Color) {
	d := dst.Bounds()
	r = r.Intersect(d)
	if r.Empty() {
		dst.Fill(c)
		return
	}
	for _, band := range []image.Rectangle{
		{d.Min, image.Pt(d.Max.X, r.Min.Y)},                      // above
		{image.Pt(d.Min.X, r.Max.Y), d.Max},                      // below
		{image.Pt(d.Min.X, r.Min.Y), image.Pt(r.Min.X, r.Max.Y)}, // left
		{image.Pt(r.Max.X, r.Min.Y), image.Pt(d.Max.X, r.Max.Y)}, // right
	} {
		fillRect(dst, band, c)
	}
}
