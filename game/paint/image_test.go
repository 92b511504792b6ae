package paint

import (
	"image/color"
	"image/png"
	"os"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestSharedEdgesBlendOnce: two half-transparent triangles that share a
// diagonal cover their square evenly, each pixel blended once, and nothing
// outside it.
func TestSharedEdgesBlendOnce(t *testing.T) {
	img, err := NewImage(20, 20, color.White)
	if err != nil {
		t.Fatal(err)
	}
	var b Batch
	b.On(img).Rect(2, 3, 10, 7, color.RGBA{0, 0, 128, 128}) // half-transparent blue
	b.Flush()
	pic := img.Picture()
	want := pic.RGBAAt(6, 6)
	if want.R < 120 || want.R > 135 || want.B < 250 {
		t.Fatalf("inside the square: %v", want)
	}
	for y := 3; y < 10; y++ {
		for x := 2; x < 12; x++ {
			if got := pic.RGBAAt(x, y); got != want {
				t.Errorf("(%d,%d) is %v, the rest of the square %v", x, y, got, want)
			}
		}
	}
	if got := pic.RGBAAt(1, 6); got != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("outside the square: %v", got)
	}
}

// TestMapPicture paints the opening of nilka-1944 without a display: each
// objective's disc in its holder's colour, each counter's frame in its
// side's, text measured as the window measures it.
func TestMapPicture(t *testing.T) {
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	s.Begin()
	v := s.View(sc.Setup.Sides[0].ID)
	img, err := NewImage(900, 640, color.Black)
	if err != nil {
		t.Fatal(err)
	}
	cam := FitCamera(sc.Setup.Map, 900, 640)
	var b Batch
	Map(img, b.On(img), v, cam, &Standard, 12)
	pic := img.Picture()
	for _, p := range v.Places {
		if p.VP == 0 || p.Owner == "" {
			continue
		}
		x, y := cam.ToScreen(Unit.Center(p.Hex))
		want := Standard.Sides[v.SideIndex(p.Owner)]
		if got := pic.RGBAAt(int(x), int(y)); !near(got, want, 40) && !counterAt(v, p.Hex) {
			t.Errorf("%s at (%.0f,%.0f) is %v, its holder's colour %v", p.ID, x, y, got, want)
		}
	}
	for _, u := range v.Units {
		if u.Status != rules.Active {
			continue
		}
		x, y := cam.ToScreen(Unit.Center(u.Hex))
		size := max(10, cam.Scale*1.1)
		got := pic.RGBAAt(int(x-size/2+2), int(y-size*0.35+size*0.6))
		if want := Standard.Sides[v.SideIndex(u.Side)]; !near(got, want, 60) {
			t.Errorf("%s's counter at (%.0f,%.0f) shows %v, its side's colour %v", u.ID, x, y, got, want)
		}
	}
	if out := os.Getenv("ILI_PAINT_OUT"); out != "" {
		f, _ := os.Create(out)
		png.Encode(f, pic)
		f.Close()
	}
	if w, h := img.Measure("Nilka", 12); w < 25 || w > 40 || h < 14.39 || h > 14.41 {
		t.Errorf("\"Nilka\" at 12 px measures %.1f by %.1f", w, h)
	}
}

func counterAt(v *rules.View, h hex.Hex) bool {
	for _, u := range v.Units {
		if u.Status == rules.Active && u.Hex == h {
			return true
		}
	}
	return false
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
}
