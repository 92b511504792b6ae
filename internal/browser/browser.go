// Package browser opens the pages ili writes (the debrief, the
// encyclopedia) in a real browser, headless Chromium, for the tests: what
// the console said, which pictures did not load, the page printed to PDF
// and its pages as pictures.
package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Visit is what the browser made of a page.
type Visit struct {
	Console []string // every console message, uncaught exception and log entry
	Broken  []string // the pictures that did not load
	PDF     []byte   // the page printed on A4, with its backgrounds unless Options.NoBackgrounds
}

// Options are how a page is opened and printed.
type Options struct {
	// NoBackgrounds prints as a browser does with its default print
	// settings: without the page's background colours and pictures, but
	// where the page asks for them (print-color-adjust: exact).
	NoBackgrounds bool
}

// ErrNoBrowser is returned when Chromium is not installed (scripts/setup.sh
// installs it).
var ErrNoBrowser = errors.New("chromium is not installed; run scripts/setup.sh")

// Path is the browser's program, or "" when there is none.
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Open loads the HTML file at path, waits for it and its pictures, and
// prints it with its backgrounds.
func Open(path string) (*Visit, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, o Options) (*Visit, error) {
	exe := Path()
	if exe == "" {
		return nil, ErrNoBrowser
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()
	if err := chromedp.Do(ctx); err != nil { // start the browser before listening
		return nil, fmt.Errorf("the browser does not start: %w", err)
	}
	listen, stop := context.WithCancel(ctx)
	v := &Visit{}
	done := make(chan struct{})
	msgs := chromedp.Console(listen)
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			v.Console = append(v.Console, m.String())
		}
	}()
	err = v.load(ctx, "file://"+abs, o)
	stop()
	<-done
	return v, err
}

// load navigates, lists the broken pictures and prints the page.
func (v *Visit) load(ctx context.Context, url string, o Options) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("the browser does not open %s: %w", url, err)
	}
	broken, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute("src"))`))
	if err != nil {
		return fmt.Errorf("cannot look at the pictures of %s: %w", url, err)
	}
	v.Broken = broken
	popts := []chromedp.PDFOption{chromedp.PDFPaper(chromedp.PaperA4)}
	if !o.NoBackgrounds {
		popts = append(popts, chromedp.PDFPrintBackground())
	}
	v.PDF, err = chromedp.Run(ctx, chromedp.PrintToPDF(popts...))
	if err != nil {
		return fmt.Errorf("cannot print %s: %w", url, err)
	}
	return nil
}

// Pages turns a PDF into one picture per page at dpi dots per inch, with
// pdftoppm (Debian's poppler-utils, which scripts/setup.sh installs).
func Pages(pdf []byte, dpi int) ([]image.Image, error) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return nil, errors.New("pdftoppm is not installed; run scripts/setup.sh")
	}
	dir, err := os.MkdirTemp("", "ili-pdf")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	cmd := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(names) // p-01.png, p-02.png...: one width of number for every page
	var out []image.Image
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, nil
}

// Texts are the words of a PDF, page by page, with pdftotext (Debian's
// poppler-utils, beside pdftoppm): which page a heading fell on.
func Texts(pdf []byte) ([]string, error) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil, errors.New("pdftotext is not installed; run scripts/setup.sh")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %v: %s", err, stderr.Bytes())
	}
	pages := strings.Split(string(out), "\f") // a form feed ends every page
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages, nil
}

// Inked is the share of a picture's pixels that are not near white.
func Inked(img image.Image) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// Problems are what a page should not have: the console's errors, warnings
// and uncaught exceptions, and the pictures that did not load.
func (v *Visit) Problems() []string {
	var out []string
	for _, m := range v.Console {
		if strings.HasPrefix(m, "error") || strings.HasPrefix(m, "exception") || strings.HasPrefix(m, "warning") {
			out = append(out, "the console says: "+m)
		}
	}
	for _, src := range v.Broken {
		out = append(out, "a picture did not load: "+src)
	}
	return out
}

// Blank lists the pages (from 1) with less than the share min of their
// pixels inked.
func Blank(pages []image.Image, min float64) []int {
	var out []int
	for i, p := range pages {
		if Inked(p) < min {
			out = append(out, i+1)
		}
	}
	return out
}

// Printed opens the page at path, fails t for each of its Problems, prints
// it and returns the visit and its pages as pictures at dpi, failing t for
// each page with less than minInk of it inked: the checks every page ili
// writes must pass.
func Printed(t testing.TB, path string, dpi int, minInk float64) (*Visit, []image.Image) {
	t.Helper()
	v, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.Problems() {
		t.Error(p)
	}
	pages, err := Pages(v.PDF, dpi)
	if err != nil {
		t.Fatal(err)
	}
	if blank := Blank(pages, minInk); len(blank) > 0 {
		t.Errorf("pages %v of %d of %s are blank", blank, len(pages), filepath.Base(path))
	}
	return v, pages
}
