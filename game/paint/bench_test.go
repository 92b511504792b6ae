package paint

import (
	"image/color"
	"testing"

	"ili/game/rules"
	"ili/game/scenario"
)

// openingView is the opening of a bundled scenario as its first side sees it.
func openingView(tb testing.TB, name string) *rules.View {
	tb.Helper()
	sc, err := scenario.Load(name, scenario.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	s, err := sc.NewState(1)
	if err != nil {
		tb.Fatal(err)
	}
	s.Begin()
	return s.View(sc.Setup.Sides[0].ID)
}

// BenchmarkMapPicture paints the whole of manas-1945, the largest map,
// fitted into 1920x1080 without a display, as the debrief and the layout
// test do: ground, rivers and roads, places and counters, then the picture
// averaged down.
func BenchmarkMapPicture(b *testing.B) {
	v := openingView(b, "manas-1945")
	cam := FitCamera(v.Map, 1920, 1080)
	for b.Loop() {
		img, err := NewImage(1920, 1080, color.Black)
		if err != nil {
			b.Fatal(err)
		}
		var bt Batch
		Map(img, bt.On(img), v, cam, &Standard, 12)
		img.Picture()
	}
}

// BenchmarkGround is the ground alone (hexes, rivers and roads) of
// manas-1945 at 1920x1080, hexes about 30 pixels across, in triangles
// without a rasteriser: what the window pays when the zoom changes.
func BenchmarkGround(b *testing.B) {
	v := openingView(b, "manas-1945")
	cam := Camera{Scale: 15}
	var t countTarget
	for b.Loop() {
		var bt Batch
		bt.On(&t)
		Hexes(&t, &bt, v.Map, nil, cam, &Standard, true)
		Lines(&t, &bt, v.Map, cam, &Standard)
	}
	b.ReportMetric(float64(t.tris)/float64(b.N), "triangles/op")
}

// countTarget counts the triangles and vertices it is given.
type countTarget struct{ tris, verts int }

func (c *countTarget) Triangles(vs []Vertex, is []uint16) {
	c.tris += len(is) / 3
	c.verts += len(vs)
}
func (c *countTarget) Size() (int, int)                                  { return 1920 * 4, 1080 * 4 }
func (c *countTarget) Measure(s string, size float64) (w, h float64)     { return 0, 0 }
func (c *countTarget) Draw(s string, x, y, size float64, c2 color.Color) {}

// BenchmarkSmallMaps paints each bundled scenario's map whole at 760
// pixels wide, the size of the debrief's maps.
func BenchmarkSmallMaps(b *testing.B) {
	var views []*rules.View
	for _, name := range []string{"nilka-1944", "ghulja-1944", "manas-1945", "aksu-1946"} {
		views = append(views, openingView(b, name))
	}
	for b.Loop() {
		for _, v := range views {
			x0, y0, x1, y1 := MapBounds(v.Map)
			h := int(760 * (y1 - y0) / (x1 - x0))
			img, err := NewImage(760, h, color.Black)
			if err != nil {
				b.Fatal(err)
			}
			var bt Batch
			Map(img, bt.On(img), v, FitCamera(v.Map, 760, h), &Standard, 11)
			img.Picture()
		}
	}
}
