package paint

import (
	"image/color"
	"image/png"
	"math"
	"os"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
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

// TestTextInEveryScript: the painter sets the window's font, with Chinese,
// Cyrillic and Arabic-script letters of their own widths and ink where they
// are drawn, and Latin as wide as in Go Regular, the font it had alone.
func TestTextInEveryScript(t *testing.T) {
	img, err := NewImage(200, 40, color.White)
	if err != nil {
		t.Fatal(err)
	}
	goFont, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := opentype.NewFace(goFont, &opentype.FaceOptions{Size: 12 * Supersample, DPI: 72, Hinting: font.HintingNone})
	const latin = "Ghulja (Yining), Ürümchi"
	w, _ := img.Measure(latin, 12)
	if want := float64(font.MeasureString(f, latin)) / 64 / Supersample; math.Abs(w-want) > 0.01 {
		t.Errorf("Latin measures %.2f, in Go Regular %.2f", w, want)
	}
	if w, _ := img.Measure("伊宁", 12); math.Abs(w-24) > 0.5 {
		t.Errorf("two Chinese characters at 12 px measure %.2f, not two ems", w)
	}
	for _, s := range []string{"伊宁", "Кульджа", "غۇلجا"} {
		img, _ := NewImage(200, 40, color.White)
		w, h := img.Measure(s, 12)
		if w < 10 || w > 60 {
			t.Errorf("%q at 12 px measures %.1f", s, w)
		}
		img.Draw(s, 10, 10, 12, color.Black)
		pic := img.Picture()
		ink := 0
		for y := 10; y < 10+int(h); y++ {
			for x := 10; x < 10+int(w)+1; x++ {
				if pic.RGBAAt(x, y).R < 128 {
					ink++
				}
			}
		}
		if ink < 15 {
			t.Errorf("%q leaves %d dark pixels", s, ink)
		}
	}
}
