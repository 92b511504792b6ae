package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/paint"
	"ili/game/rules"
)

// whitePixel is the source image for coloured triangles.
var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(imageRect(1, 1, 2, 2)).(*ebiten.Image)
}()

// terrainCache keeps the map's ground, grid, rivers, roads and fog drawn
// at the current zoom: panning only moves the picture, and the map is drawn
// again only when the zoom, grid, palette or what the side sees change. A
// map whose picture would be larger than maxCachePixels is kept for the part
// on screen and a margin round it (regionMargin), drawn again when the view
// leaves it.
type terrainCache struct {
	img   *ebiten.Image
	scale float64
	grid  bool
	pal   *paint.Palette
	m     *rules.Map
	seen  []bool  // the visibility drawn (nil: all of the map)
	x0    float64 // world point at the image's top-left
	y0    float64
	whole bool // the image holds the whole map, not a region of it
}

// draw draws the map; hexes that visible marks false are dimmed (visible
// nil shows all of it).
func (c *terrainCache) draw(dst *ebiten.Image, b *paint.Batch, m *rules.Map, visible []bool, cam paint.Camera, pal *paint.Palette, grid bool) {
	x0, y0, x1, y1 := paint.MapBounds(m)
	w, h := int((x1-x0)*cam.Scale)+2, int((y1-y0)*cam.Scale)+2
	whole := w <= 4096 && h <= 4096 && w*h <= maxCachePixels
	if !whole {
		// A region: the screen and a margin round it, from the view's top-left.
		d := dst.Bounds()
		w, h = d.Dx()+2*regionMargin, d.Dy()+2*regionMargin
		x0, y0 = cam.X-regionMargin/cam.Scale, cam.Y-regionMargin/cam.Scale
	}
	same := c.img != nil && c.scale == cam.Scale && c.grid == grid && c.pal == pal && c.m == m && sameSeen(c.seen, visible) && c.whole == whole
	if same && !whole {
		// The region drawn still holds the view.
		sx, sy := cam.ToScreen(c.x0, c.y0)
		b := c.img.Bounds()
		same = sx <= 0 && sy <= 0 && sx+float64(b.Dx()) >= float64(dst.Bounds().Dx()) && sy+float64(b.Dy()) >= float64(dst.Bounds().Dy())
	}
	if !same {
		if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
			if c.img != nil {
				c.img.Deallocate()
			}
			c.img = newLayer(w, h)
		} else {
			c.img.Clear()
		}
		local := paint.Camera{X: x0, Y: y0, Scale: cam.Scale}
		cv := canvas(c.img)
		paint.Hexes(cv, b.On(cv), m, visible, local, pal, grid)
		paint.Lines(cv, b, m, local, pal)
		c.scale, c.grid, c.pal, c.m, c.x0, c.y0, c.whole = cam.Scale, grid, pal, m, x0, y0, whole
		c.seen = append(c.seen[:0], visible...)
		if visible == nil {
			c.seen = nil
		}
	}
	op := &ebiten.DrawImageOptions{}
	sx, sy := cam.ToScreen(c.x0, c.y0)
	op.GeoM.Translate(math.Round(sx), math.Round(sy))
	dst.DrawImage(c.img, op)
}

// free gives the cached picture's texture back; the next draw makes it anew.
func (c *terrainCache) free() {
	if c.img != nil {
		c.img.Deallocate()
		c.img = nil
	}
}

func sameSeen(a, b []bool) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// maxCachePixels bounds the picture of the whole map kept: a larger one
// would cost the memory of its texture (4 bytes a pixel, and more under a
// software renderer) for a map mostly off screen. regionMargin is the room
// round the screen kept of a larger map, in pixels: a drag of 3 pixels a
// frame draws the region again once in 50 frames.
const (
	maxCachePixels = 2_500_000
	regionMargin   = 160
)

// newLayer makes an image for a cached picture of the map. It is unmanaged:
// a texture of its own, of just its size. On Ebiten's shared atlas a
// picture the size of the screen doubles the atlas (to 4096x2048, 32 MB),
// and is copied into a second atlas once it is drawn from.
func newLayer(w, h int) *ebiten.Image {
	return ebiten.NewImageWithOptions(image.Rect(0, 0, w, h), &ebiten.NewImageOptions{Unmanaged: true})
}
