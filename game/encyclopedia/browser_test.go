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
	_, pages := browser.Printed(t, path, 30, 0.003)
	if len(pages) < 10 {
		t.Errorf("the encyclopedia prints on %d pages", len(pages))
	}
}
