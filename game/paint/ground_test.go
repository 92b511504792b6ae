package paint

import (
	"image"
	"image/color"
	"math"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
)

// groundPicture paints the ground of m (hexes, rivers and roads, no
// places or counters) into a w x h picture through cam.
func groundPicture(t *testing.T, m *rules.Map, cam Camera, w, h int, pal *Palette) *image.RGBA {
	t.Helper()
	img, err := NewImage(w, h, color.Black)
	if err != nil {
		t.Fatal(err)
	}
	var b Batch
	b.On(img)
	Hexes(img, &b, m, nil, cam, pal, false)
	Lines(img, &b, m, cam, pal)
	return img.Picture()
}

// luminance is a colour's relative luminance, from 0 to 1.
func luminance(c color.RGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

// TestReliefLitFromNorthWest: a lone mountain on a plain is lit on its
// north-west slopes and in shadow on its south-east ones, and flat ground
// gets no light or shadow at all.
func TestReliefLitFromNorthWest(t *testing.T) {
	m := rules.NewMap(5, 5)
	mid := hex.FromOffset(2, 2)
	m.Terrain[m.Index(mid)] = rules.Mountain
	rl := reliefOf(m)
	i := m.Index(mid)
	var nw, se int // the corners facing north-west and south-east
	for k := range 6 {
		x, y := Corners[k][0], Corners[k][1]
		if x < 0 && y < 0 {
			nw = k
		}
		if x > 0 && y > 0 {
			se = k
		}
	}
	if l := rl.corner[i][nw]; l <= 0.1 {
		t.Errorf("the mountain's north-west corner gets light %.2f", l)
	}
	if l := rl.corner[i][se]; l >= -0.1 {
		t.Errorf("the mountain's south-east corner gets light %.2f", l)
	}
	// The picture: lighter up and left of the summit than down and right.
	cam := Camera{Scale: 40}
	x, y := Unit.Center(mid)
	cam.X, cam.Y = x-5, y-4
	pic := groundPicture(t, m, cam, 400, 320, &Standard)
	sx, sy := cam.ToScreen(x, y)
	up := pic.RGBAAt(int(sx-0.45*cam.Scale), int(sy-0.72*cam.Scale))
	down := pic.RGBAAt(int(sx+0.45*cam.Scale), int(sy+0.72*cam.Scale))
	if luminance(up) <= luminance(down)+0.05 {
		t.Errorf("north-west of the summit %v is not lighter than south-east of it %v", up, down)
	}

	flat := reliefOf(rules.NewMap(4, 4))
	for i := range flat.centre {
		if flat.centre[i] != 0 || flat.corner[i] != [6]float32{} {
			t.Fatalf("flat ground at %d gets light %v, %v", i, flat.centre[i], flat.corner[i])
		}
	}
}

// TestRiversAsWideAsTheyAreLarge: a major river is drawn about three times
// as wide as a minor one, at the zooms of the window and of a whole map.
func TestRiversAsWideAsTheyAreLarge(t *testing.T) {
	m := rules.NewMap(4, 3)
	// Two vertical sides between the hexes of the middle row: a minor river
	// left, a major river right.
	a, b, c := hex.FromOffset(0, 1), hex.FromOffset(1, 1), hex.FromOffset(2, 1)
	m.Rivers[rules.EdgeOf(a, b)] = rules.MinorRiver
	m.Rivers[rules.EdgeOf(b, c)] = rules.MajorRiver
	for _, scale := range []float64{10, 16, 32} {
		cam := Camera{Scale: scale}
		_, y := Unit.Center(b)
		cam.Y = y - 100/scale
		pic := groundPicture(t, m, cam, int(8*scale), 200, &Standard)
		width := func(e0, e1 hex.Hex) int {
			x0, _, x1, _ := EdgeSegment(cam, e0, e1)
			n := 0
			for x := int(x0) - int(scale); x <= int(x1)+int(scale); x++ {
				if near(pic.RGBAAt(x, 100), Standard.River, 30) {
					n++
				}
			}
			return n
		}
		minor, major := width(a, b), width(b, c)
		if minor < 1 || major < 2*minor || float64(major) < scale/5 {
			t.Errorf("at %.0f px a hex: the minor river is %d px wide, the major %d px", scale, minor, major)
		}
	}
}

// TestRoadCasedTrackDashed: a road is a light line between two dark ones,
// a track a dark line broken into dashes.
func TestRoadCasedTrackDashed(t *testing.T) {
	m := rules.NewMap(4, 3)
	a, b, c := hex.FromOffset(0, 0), hex.FromOffset(1, 0), hex.FromOffset(2, 0)
	m.Roads[rules.EdgeOf(a, b)] = rules.MainRoad
	m.Roads[rules.EdgeOf(b, c)] = rules.Track
	for _, pal := range []*Palette{&Standard, &ColourBlind} {
		for _, scale := range []float64{12, 30} {
			cam := Camera{Scale: scale}
			ax, ay := Unit.Center(a)
			cam.X, cam.Y = ax-1, ay-1
			pic := groundPicture(t, m, cam, int(7*scale), int(3*scale), pal)
			// Across the road, halfway between a and b.
			sx, sy := cam.ToScreen(Unit.Center(a))
			sx += cam.Scale * math.Sqrt(3) / 2
			var seen []string
			for y := int(sy - scale/2); y <= int(sy+scale/2); y++ {
				switch p := pic.RGBAAt(int(sx), y); {
				case near(p, pal.Road, 30):
					seen = appendOnce(seen, "fill")
				case near(p, pal.RoadCase, 30):
					seen = appendOnce(seen, "case")
				}
			}
			if len(seen) != 3 || seen[0] != "case" || seen[1] != "fill" || seen[2] != "case" {
				t.Errorf("at %.0f px a hex, across the road: %v", scale, seen)
			}
			// Along the track, from b's centre to c's.
			bx, by := cam.ToScreen(Unit.Center(b))
			cx, _ := cam.ToScreen(Unit.Center(c))
			ground := luminance(pic.RGBAAt(int(bx+cx)/2, int(by+scale*0.4)))
			dashes, on := 0, false
			for x := int(bx) + 1; x < int(cx); x++ {
				is := luminance(pic.RGBAAt(x, int(by))) < ground-0.1
				if is && !on {
					dashes++
				}
				on = is
			}
			if dashes < 2 {
				t.Errorf("at %.0f px a hex, the track shows %d dashes", scale, dashes)
			}
		}
	}
}

func appendOnce(s []string, v string) []string {
	if len(s) > 0 && s[len(s)-1] == v {
		return s
	}
	return append(s, v)
}

// TestGroundContrastModerate: the ground of the biggest map, in both
// palettes and at the zooms played, keeps away from the darkest and the
// lightest tones (text, counters' frames and names' backgrounds), so that
// counters, names and places stay what stands out: almost no pixel of it
// darker than 15% luminance or lighter than 93%, outside glaciers.
func TestGroundContrastModerate(t *testing.T) {
	v := openingView(t, "manas-1945")
	m := v.Map
	for _, pal := range []*Palette{&Standard, &ColourBlind} {
		for _, scale := range []float64{0, 15, 32} {
			w, h := 640, 400
			cam := FitCamera(m, w, h)
			if scale > 0 {
				x, y := Unit.Center(hex.FromOffset(16, 44))
				cam = Camera{X: x - float64(w)/2/scale, Y: y - float64(h)/2/scale, Scale: scale}
			}
			pic := groundPicture(t, m, cam, w, h, pal)
			dark, light, all := 0, 0, 0
			for y := range h {
				for x := range w {
					wx, wy := cam.ToWorld(float64(x)+0.5, float64(y)+0.5)
					ter := m.At(Unit.At(wx, wy))
					if ter >= rules.NumTerrain || ter == rules.Glacier {
						continue
					}
					all++
					switch l := luminance(pic.RGBAAt(x, y)); {
					case l < 0.15:
						dark++
					case l > 0.93:
						light++
					}
				}
			}
			if all == 0 || float64(dark+light) > 0.005*float64(all) {
				t.Errorf("at scale %.0f: %d of %d pixels of ground too dark, %d too light", scale, dark, all, light)
			}
		}
	}
}

// TestGroundTriangleBudget: the ground of the biggest map, whole at the
// window's zooms with the grid, stays within a budget of vertices and
// triangles a hex: what the window pays for a change of zoom (Ebiten keeps
// the vertices of a frame, and its buffer at the largest size a frame
// needed; before the ground's relief and textures it took some 25 vertices
// a hex) and the headless painter for a picture.
func TestGroundTriangleBudget(t *testing.T) {
	v := openingView(t, "manas-1945")
	hexes := float64(len(v.Map.Terrain))
	for _, scale := range []float64{8, 15, 30} {
		var ct countTarget
		var b Batch
		b.On(&ct)
		big := Camera{Scale: scale}
		Hexes(&ct, &b, v.Map, nil, big, &Standard, true)
		Lines(&ct, &b, v.Map, big, &Standard)
		vs, ts := float64(ct.verts)/hexes, float64(ct.tris)/hexes
		t.Logf("at %.0f px a hex: %.1f vertices and %.1f triangles a hex", scale, vs, ts)
		if vs > 27 || ts > 27 {
			t.Errorf("at %.0f px a hex: %.1f vertices and %.1f triangles a hex", scale, vs, ts)
		}
	}
}
