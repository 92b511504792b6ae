package encyclopedia

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"ili/internal/browser"
)

// TestInTheBrowser opens the encyclopedia's page in headless Chromium: the
// console stays quiet, nothing fails to load, and it prints on A4 with no
// blank page (TestHTML checks its anchors and links).
func TestInTheBrowser(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := e.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "encyclopedia.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := browser.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.Problems() {
		t.Error(p)
	}
	pages, err := browser.Pages(v.PDF, 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Errorf("the encyclopedia prints on %d pages", len(pages))
	}
	if blank := browser.Blank(pages, 0.003); len(blank) > 0 {
		t.Errorf("pages %v of %d are blank", blank, len(pages))
	}
}
