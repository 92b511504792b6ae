package debrief

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"

	"ili/internal/browser"
)

var update = flag.Bool("update", false, "rewrite the golden page in testdata")

// TestDebriefInTheBrowser opens the debrief of a seeded ghulja-1944 game in
// headless Chromium: the console stays quiet, every picture loads, and the
// page prints to A4 on several pages, none of them blank; the first page,
// as a picture, is kept in testdata/debrief-page1.png (-update rewrites it)
// and compared with a tolerance for the browser's font rendering.
func TestDebriefInTheBrowser(t *testing.T) {
	sc, rec := played(t, "ghulja-1944", 2)
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	path, err := d.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	v, pages := browser.Printed(t, path, 40, 0.01)
	if len(pages) < 3 {
		t.Errorf("the debrief prints on %d pages", len(pages))
	}
	if len(pages) > 0 {
		comparePage(t, pages[0], "testdata/debrief-page1.png")
	}
	// Printed as a browser prints by default, without backgrounds, the
	// strips keep their colours (print-color-adjust) as when printed with
	// them.
	plain, err := browser.OpenWith(path, browser.Options{NoBackgrounds: true})
	if err != nil {
		t.Fatal(err)
	}
	with, without := stripsInk(t, v.PDF), stripsInk(t, plain.PDF)
	if with < 500 || without < with*9/10 {
		t.Errorf("the strips' page has %d coloured pixels printed with backgrounds, %d without", with, without)
	}
}

// stripsInk counts the coloured pixels (the sides' colours, not the greys
// of text and paper) on the printed page that holds the strips.
func stripsInk(t *testing.T, pdf []byte) int {
	t.Helper()
	texts, err := browser.Texts(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := browser.Pages(pdf, 40)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		if !strings.Contains(text, "Who held each place") || i >= len(pages) {
			continue
		}
		b, n := pages[i].Bounds(), 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := pages[i].At(x, y).RGBA()
				if max(r, g, bl)-min(r, g, bl) > 60<<8 {
					n++
				}
			}
		}
		return n
	}
	t.Fatal("no printed page holds the strips")
	return 0
}

// comparePage compares a printed page with a golden picture: at most 2% of
// its pixels may differ by more than 40 levels in a channel.
func comparePage(t *testing.T, got image.Image, golden string) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, got); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	want, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("the page is %v, the golden %v", got.Bounds(), want.Bounds())
	}
	b, bad := got.Bounds(), 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if far(got.At(x, y), want.At(x, y)) {
				bad++
			}
		}
	}
	if bad > b.Dx()*b.Dy()/50 {
		os.WriteFile(strings.TrimSuffix(golden, ".png")+".got.png", buf.Bytes(), 0o644)
		t.Errorf("%d pixels of the first page differ from %s; see the .got.png beside it, and run with -update if the change is intended", bad, golden)
	}
}

func far(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return max(x, y)-min(x, y) > 40<<8 }
	return d(ar, br) || d(ag, bg) || d(ab, bb)
}
