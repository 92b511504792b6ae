package ui

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// handOver makes Ebiten hand the draws queued so far to the graphics
// driver: Ebiten keeps a frame's vertices in one buffer until the frame
// ends, and the buffer at its largest after, so the map drawn again at a
// change of zoom, some 300,000 vertices, would hold 16 MB for the rest of
// the game; handed over a tile at a time, it holds one tile's. Reading a
// pixel hands them over; the pixel is read from a probe of one pixel,
// drawn to first (a read keeps a copy of the image read from).
func handOver(img *ebiten.Image) {
	if !looping {
		return // drawn off-screen, in a test: Ebiten reads no pixels then
	}
	probe.DrawImage(img.SubImage(image.Rect(0, 0, 1, 1)).(*ebiten.Image), nil)
	var px [4]byte
	probe.ReadPixels(px[:])
}

// probe is the image handOver reads.
var probe = newLayer(1, 1)

// looping is whether Ebiten's game loop runs (runGame): only then can
// pixels be read.
var looping bool

// runGame runs Ebiten's game loop with g.
func runGame(g ebiten.Game, opt *ebiten.RunGameOptions) error {
	looping = true
	defer func() { looping = false }()
	return ebiten.RunGameWithOptions(g, opt)
}
