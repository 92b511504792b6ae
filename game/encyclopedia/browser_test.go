package encyclopedia

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	for _, m := range v.Console {
		if strings.HasPrefix(m, "error") || strings.HasPrefix(m, "exception") || strings.HasPrefix(m, "warning") {
			t.Errorf("the console says: %s", m)
		}
	}
	if len(v.Broken) > 0 {
		t.Errorf("pictures that did not load: %v", v.Broken)
	}
	pages, err := browser.Pages(v.PDF, 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 10 {
		t.Errorf("the encyclopedia prints on %d pages", len(pages))
	}
	for i, p := range pages {
		if ink := browser.Inked(p); ink < 0.003 {
			t.Errorf("page %d of %d is blank (%.2f%% inked)", i+1, len(pages), 100*ink)
		}
	}
}
