package ui

import (
	"image"
	"testing"
)

// TestTileSpan checks which tiles of the map's picture are drawn and kept:
// those on the screen's part given, or within the margin of it, and none
// beyond the picture's edges.
func TestTileSpan(t *testing.T) {
	screen := image.Rect(0, 40, 1500, 1080) // under a bar 40 high, beside a panel
	cases := []struct {
		name           string
		ox, oy         float64
		w, h, margin   int
		i0, j0, i1, j1 int
	}{
		{"a large map from its corner", 0, 40, 4000, 3000, 0, 0, 0, 5, 4},
		{"panned: the picture's corner off the screen", -300, -500, 4000, 3000, 0, 1, 2, 7, 6},
		{"with a margin", -300, -500, 4000, 3000, 64, 0, 1, 7, 6},
		{"a small map on the screen", 100, 100, 600, 300, 64, 0, 0, 2, 1},
		{"a tile starting at the screen's edge is not on it", -36, 40, 4000, 3000, 0, 0, 0, 5, 4},
	}
	for _, c := range cases {
		got := tileSpan(c.ox, c.oy, screen, c.w, c.h, c.margin)
		if want := (span{c.i0, c.j0, c.i1, c.j1}); got != want {
			t.Errorf("%s: tiles %+v, want %+v", c.name, got, want)
		}
	}
}
