package paint

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"ili/assets"
)

// Image is a canvas without a display: it paints into an RGBA picture in
// memory, at Supersample times its size, and Picture averages it down, so
// that edges come out smooth. The window's font, assets.Font, sets the
// text: Latin, Cyrillic, Chinese and Arabic script, every letter the
// bundled data uses. Unlike the window it does not shape: Arabic script
// comes out letter by letter in the order written, unjoined and left to
// right (no map label is in it).
type Image struct {
	w, h  int
	big   *image.RGBA // Supersample times w by h
	faces map[float64]font.Face
}

// Supersample is how many samples an Image takes along each side of a pixel.
const Supersample = 2

// MaxImageSide bounds an Image's width and height.
const MaxImageSide = 8192

// NewImage returns a w x h canvas filled with bg.
func NewImage(w, h int, bg color.Color) (*Image, error) {
	if w <= 0 || h <= 0 || w > MaxImageSide || h > MaxImageSide {
		return nil, fmt.Errorf("a picture of %dx%d pixels: each side must be from 1 to %d", w, h, MaxImageSide)
	}
	img := &Image{w: w, h: h, big: image.NewRGBA(image.Rect(0, 0, w*Supersample, h*Supersample)), faces: map[float64]font.Face{}}
	r, g, b, a := bg.RGBA()
	px := [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	for i := 0; i < len(img.big.Pix); i += 4 {
		copy(img.big.Pix[i:i+4], px[:])
	}
	return img, nil
}

// Size implements Canvas.
func (m *Image) Size() (w, h int) { return m.w, m.h }

// Triangles implements Target: each triangle is filled with its corners'
// colours blended across it, drawn over what is there (premultiplied
// source-over), every pixel of a shared edge by one triangle only.
func (m *Image) Triangles(vs []Vertex, is []uint16) {
	for k := 0; k+2 < len(is); k += 3 {
		m.triangle(vs[is[k]], vs[is[k+1]], vs[is[k+2]])
	}
}

// edgeFn is twice the signed area of (a, b, p): which side of a->b p lies on.
func edgeFn(ax, ay, bx, by, px, py float64) float64 {
	return (bx-ax)*(py-ay) - (by-ay)*(px-ax)
}

// topLeft reports whether the edge a->b of a triangle whose area is
// positive owns the pixels exactly on it (the top-left fill rule).
func topLeft(ax, ay, bx, by float64) bool {
	return by < ay || (by == ay && bx > ax)
}

func (m *Image) triangle(a, b, c Vertex) {
	s := float64(Supersample)
	ax, ay, bx, by, cx, cy := float64(a.X)*s, float64(a.Y)*s, float64(b.X)*s, float64(b.Y)*s, float64(c.X)*s, float64(c.Y)*s
	area := edgeFn(ax, ay, bx, by, cx, cy)
	if area == 0 || math.IsNaN(area) {
		return
	}
	if area < 0 {
		b, c = c, b
		bx, by, cx, cy = cx, cy, bx, by
		area = -area
	}
	bw, bh := m.big.Rect.Dx(), m.big.Rect.Dy()
	x0, x1 := max(0, int(math.Floor(min(ax, bx, cx)))), min(bw-1, int(math.Ceil(max(ax, bx, cx))))
	y0, y1 := max(0, int(math.Floor(min(ay, by, cy)))), min(bh-1, int(math.Ceil(max(ay, by, cy))))
	tl0, tl1, tl2 := topLeft(bx, by, cx, cy), topLeft(cx, cy, ax, ay), topLeft(ax, ay, bx, by)
	for y := y0; y <= y1; y++ {
		py := float64(y) + 0.5
		for x := x0; x <= x1; x++ {
			px := float64(x) + 0.5
			w0, w1, w2 := edgeFn(bx, by, cx, cy, px, py), edgeFn(cx, cy, ax, ay, px, py), edgeFn(ax, ay, bx, by, px, py)
			if !inside(w0, tl0) || !inside(w1, tl1) || !inside(w2, tl2) {
				continue
			}
			m.blend(x, y, mixVertex(a, b, c, w0/area, w1/area, w2/area))
		}
	}
}

func inside(w float64, owns bool) bool { return w > 0 || (w == 0 && owns) }

// mixVertex is the colour at barycentric weights (u, v, w) of a, b, c.
func mixVertex(a, b, c Vertex, u, v, w float64) [4]float64 {
	f := func(x, y, z float32) float64 { return u*float64(x) + v*float64(y) + w*float64(z) }
	return [4]float64{f(a.R, b.R, c.R), f(a.G, b.G, c.G), f(a.B, b.B, c.B), f(a.A, b.A, c.A)}
}

// blend draws a premultiplied colour over the sample at (x, y).
func (m *Image) blend(x, y int, src [4]float64) {
	i := m.big.PixOffset(x, y)
	p := m.big.Pix[i : i+4 : i+4]
	keep := 1 - math.Min(1, math.Max(0, src[3]))
	for k := range 4 {
		v := math.Min(1, math.Max(0, src[k]))*255 + float64(p[k])*keep
		p[k] = uint8(math.Min(255, v+0.5))
	}
}

var (
	fontOnce sync.Once
	iliFont  *opentype.Font
	fontErr  error
)

// face returns the window's font at size pixels on the big picture.
func (m *Image) face(size float64) font.Face {
	if f, ok := m.faces[size]; ok {
		return f
	}
	fontOnce.Do(func() { iliFont, fontErr = opentype.Parse(assets.Font) })
	if fontErr != nil {
		panic(fontErr) // the embedded font is always valid
	}
	f, err := opentype.NewFace(iliFont, &opentype.FaceOptions{Size: size * Supersample, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // a positive size never fails
	}
	m.faces[size] = f
	return f
}

// Measure implements Text: the width of s and a line's height, 1.2 times
// the size, as the window measures them.
func (m *Image) Measure(s string, size float64) (w, h float64) {
	adv := font.MeasureString(m.face(size), s)
	return float64(adv) / 64 / Supersample, size * 1.2
}

// Draw implements Text: as in the window, y is the top of the line and the
// baseline lies the face's ascent below it.
func (m *Image) Draw(s string, x, y, size float64, c color.Color) {
	f := m.face(size)
	d := font.Drawer{Dst: m.big, Src: image.NewUniform(c), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * Supersample * 64), Y: fixed.Int26_6(y*Supersample*64) + f.Metrics().Ascent}}
	d.DrawString(s)
}

// Picture returns the canvas at its size: each pixel the mean of its
// samples.
func (m *Image) Picture() *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, m.w, m.h))
	const n = Supersample * Supersample
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			var sum [4]int
			for dy := 0; dy < Supersample; dy++ {
				i := m.big.PixOffset(x*Supersample, y*Supersample+dy)
				for dx := 0; dx < Supersample; dx++ {
					for k := range 4 {
						sum[k] += int(m.big.Pix[i+4*dx+k])
					}
				}
			}
			j := out.PixOffset(x, y)
			for k := range 4 {
				out.Pix[j+k] = uint8((sum[k] + n/2) / n)
			}
		}
	}
	return out
}
