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
// at the current zoom, in tiles of tileSize pixels on a grid from the map's
// top-left corner: panning only moves the tiles, and draws the few that
// come into view; the map is drawn again only when the zoom, grid, palette
// or what the side sees change. Tiles more than keepMargin pixels off the
// screen are let go, so the memory held is about the screen's whatever
// the map's size, and each tile's texture is of just its size (a picture
// of the screen and a margin took a texture of the next powers of two,
// 4096x2048 at 1920x1080: 32 MB).
type terrainCache struct {
	tiles map[[2]int]*ebiten.Image
	scale float64
	grid  bool
	pal   *paint.Palette
	m     *rules.Map
	seen  []bool // the visibility drawn (nil: all of the map)
	// ground, when set, is what the tiles are filled with before the map
	// is drawn on them, and what draw fills the rest of its picture with:
	// each pixel is then drawn once, not filled and then covered.
	ground color.Color
	fresh  int // the tiles drawn in this draw
}

// tileSize is a tile's side in pixels, a power of two: a texture takes the
// next power of two of each side. keepMargin is how far off the screen a
// tile is still kept, for a drag back and forth. drawTogether is how many
// tiles a draw draws before it hands their draws over (handOver) after each further tile: the column or row of
// tiles that comes on screen as the map is panned goes with the frame, and
// waits for nothing; the whole screen's tiles, at a change of zoom, do not
// all wait in Ebiten's buffer.
const (
	tileSize      = 256
	keepMargin    = 64
	drawnTogether = 6
)

// draw draws the map; hexes that visible marks false are dimmed (visible
// nil shows all of it).
func (c *terrainCache) draw(dst *ebiten.Image, b *paint.Batch, m *rules.Map, visible []bool, cam paint.Camera, pal *paint.Palette, grid bool) {
	c.keepFor(m, visible, cam.Scale, pal, grid)
	x0, y0, x1, y1 := paint.MapBounds(m)
	w, h := int((x1-x0)*cam.Scale)+2, int((y1-y0)*cam.Scale)+2 // the whole map's picture
	ox, oy := cam.ToScreen(x0, y0)
	ox, oy = math.Round(ox), math.Round(oy) // the picture's top-left on the screen, at a whole pixel
	d := dst.Bounds()
	keep := tileSpan(ox, oy, d, w, h, keepMargin)
	for k, img := range c.tiles {
		if !keep.holds(k) {
			img.Deallocate()
			delete(c.tiles, k)
		}
	}
	on := tileSpan(ox, oy, d, w, h, 0)
	c.fresh = 0
	for j := on.j0; j <= on.j1; j++ {
		for i := on.i0; i <= on.i1; i++ {
			img := c.tile(b, i, j, w, h, paint.Camera{X: x0, Y: y0, Scale: cam.Scale}, visible)
			op := &ebiten.DrawImageOptions{}
			if c.ground != nil {
				op.Blend = ebiten.BlendCopy // an opaque tile: what is under it is neither read nor blended
			}
			op.GeoM.Translate(ox+float64(i*tileSize), oy+float64(j*tileSize))
			dst.DrawImage(img, op)
		}
	}
	if c.ground != nil {
		fillOutside(dst, image.Rect(int(ox), int(oy), int(ox)+w, int(oy)+h), c.ground)
	}
}

// keepFor lets the tiles go when they were drawn otherwise than asked.
func (c *terrainCache) keepFor(m *rules.Map, visible []bool, scale float64, pal *paint.Palette, grid bool) {
	if c.tiles != nil && c.scale == scale && c.grid == grid && c.pal == pal && c.m == m && sameSeen(c.seen, visible) {
		return
	}
	c.free()
	c.tiles = map[[2]int]*ebiten.Image{}
	c.scale, c.grid, c.pal, c.m = scale, grid, pal, m
	c.seen = append(c.seen[:0], visible...)
	if visible == nil {
		c.seen = nil
	}
}

// tile returns tile (i, j) of the map's picture, w x h pixels in all from
// whole's top-left, drawing it when it is not kept.
func (c *terrainCache) tile(b *paint.Batch, i, j, w, h int, whole paint.Camera, visible []bool) *ebiten.Image {
	if img, ok := c.tiles[[2]int{i, j}]; ok {
		return img
	}
	img := newLayer(min(tileSize, w-i*tileSize), min(tileSize, h-j*tileSize))
	if c.ground != nil {
		img.Fill(c.ground)
	}
	local := paint.Camera{X: whole.X + float64(i*tileSize)/whole.Scale, Y: whole.Y + float64(j*tileSize)/whole.Scale, Scale: whole.Scale}
	cv := canvas(img)
	paint.Hexes(cv, b.On(cv), c.m, visible, local, c.pal, c.grid)
	paint.Lines(cv, b, c.m, local, c.pal)
	if c.fresh++; c.fresh > drawnTogether {
		handOver(img)
	}
	c.tiles[[2]int{i, j}] = img
	return img
}

// span is a range of tiles, columns i0 to i1 and rows j0 to j1 (empty when
// i1 < i0 or j1 < j0).
type span struct{ i0, j0, i1, j1 int }

// tileSpan is the tiles of a w x h picture at (ox, oy) that lie on the
// screen's rectangle d or within margin of it.
func tileSpan(ox, oy float64, d image.Rectangle, w, h, margin int) span {
	first := func(lo int, o float64) int { return max(0, int(math.Floor((float64(lo-margin)-o)/tileSize))) }
	last := func(hi int, o float64, size int) int {
		return min((size-1)/tileSize, int(math.Floor((float64(hi-1+margin)-o)/tileSize)))
	}
	return span{first(d.Min.X, ox), first(d.Min.Y, oy), last(d.Max.X, ox, w), last(d.Max.Y, oy, h)}
}

func (s span) holds(k [2]int) bool {
	return k[0] >= s.i0 && k[0] <= s.i1 && k[1] >= s.j0 && k[1] <= s.j1
}

// free gives the cached tiles' textures back; the next draw makes them anew.
func (c *terrainCache) free() {
	for _, img := range c.tiles {
		img.Deallocate()
	}
	c.tiles = nil
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

// newLayer makes an image for a tile of the map's picture. It is unmanaged:
// a texture of its own, of just its size (to the next power of two),
// without the padding pixel of Ebiten's shared atlas, which would double a
// tile's texture; an image on the atlas is copied into a second atlas once
// it is drawn from.
func newLayer(w, h int) *ebiten.Image {
	return ebiten.NewImageWithOptions(image.Rect(0, 0, w, h), &ebiten.NewImageOptions{Unmanaged: true})
}
