package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestWideFileBounded: a file as long as MaxSize of nothing but short
// unknown keys, the most errors and the most work for the TOML library a
// file may give, is refused with at most a thousand errors listed, in
// bounded memory.
func TestWideFileBounded(t *testing.T) {
	if _, err := DefaultCatalogue(); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < MaxSize-16; i++ {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	var err error
	start := time.Now()
	bytes := allocated(func() { _, err = Parse("wide.toml", []byte(b.String()), Options{}) })
	var errs Errors
	if !errors.As(err, &errs) || len(errs) > maxErrors+1 || !strings.Contains(errs[len(errs)-1].Msg, "more problems") {
		t.Fatalf("%d errors, the last %v", len(errs), errs[len(errs)-1])
	}
	t.Logf("%d bytes of keys: %d errors listed, %d MB allocated, %v", b.Len(), len(errs), bytes>>20, time.Since(start))
	if bytes > 200<<20 {
		t.Errorf("a file of %d bytes allocated %d MB", b.Len(), bytes>>20)
	}
}
