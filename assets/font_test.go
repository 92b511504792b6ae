package assets

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/image/font/sfnt"

	"ili/scenarios"
	"ili/scenarios/campaign"
	"ili/scenarios/encyclopedia"
)

// bundled is every bundled text file, by name: the scenarios and the unit
// catalogue, the encyclopedia, the campaign, and the lessons beside them.
func bundled(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{campaign.File: campaign.Text}
	for dir, fsys := range map[string]fs.FS{"scenarios": scenarios.FS, "scenarios/encyclopedia": encyclopedia.FS} {
		names, err := fs.Glob(fsys, "*.toml")
		if err != nil || len(names) == 0 {
			t.Fatalf("%s: %v %v", dir, names, err)
		}
		for _, n := range names {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				t.Fatal(err)
			}
			files[dir+"/"+n] = b
		}
	}
	lessons, _ := filepath.Glob("../lessons/*.toml")
	for _, p := range lessons {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[strings.TrimPrefix(p, "../")] = b
	}
	return files
}

// eachString calls f with every key and string value in v, a decoded TOML
// document, and where it lies.
func eachString(v any, at string, f func(at, s string)) {
	switch v := v.(type) {
	case string:
		f(at, v)
	case map[string]any:
		for k, x := range v {
			f(at+"."+k, k)
			eachString(x, at+"."+k, f)
		}
	case []map[string]any:
		for i, x := range v {
			eachString(x, fmt.Sprintf("%s[%d]", at, i), f)
		}
	case []any:
		for i, x := range v {
			eachString(x, fmt.Sprintf("%s[%d]", at, i), f)
		}
	}
}

// TestFontCoversTheData: every letter of every string in the bundled
// scenarios, encyclopedia, campaign and lessons has a glyph in Font, so
// that the window draws them all (whitespace and control characters
// aside). A new Chinese character in the data fails it until
// tools/fonts/subset.sh rebuilds the font.
func TestFontCoversTheData(t *testing.T) {
	f, err := sfnt.Parse(Font)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	missing := map[rune][]string{}
	counted := map[string]int{}
	files := bundled(t)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b := files[name]
		var doc map[string]any
		if err := toml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		eachString(doc, name+":", func(at, s string) {
			for _, r := range s {
				if unicode.IsSpace(r) || unicode.IsControl(r) {
					continue
				}
				switch {
				case unicode.Is(unicode.Han, r):
					counted["Chinese"]++
				case unicode.Is(unicode.Cyrillic, r):
					counted["Cyrillic"]++
				case unicode.Is(unicode.Arabic, r):
					counted["Arabic"]++
				}
				if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
					missing[r] = append(missing[r], at)
				}
			}
		})
	}
	var rs []rune
	for r := range missing {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	for _, r := range rs {
		t.Errorf("%q (U+%04X) has no glyph in the font; it is in %s (%d times in all); run tools/fonts/subset.sh", r, r, missing[r][0], len(missing[r]))
	}
	// The check must have seen each script the data uses.
	for _, script := range []string{"Chinese", "Cyrillic", "Arabic"} {
		if counted[script] == 0 {
			t.Errorf("no %s letters were found in the %d files: is the walk of the TOML broken?", script, len(files))
		}
	}
}

// TestFontIsSmall: the Chinese part of the font is cut down to the data's
// characters (all of Noto Sans CJK would be 19 MB in every binary).
func TestFontIsSmall(t *testing.T) {
	if len(Font) > 1<<20 {
		t.Errorf("the font is %d KB", len(Font)>>10)
	}
	f, err := sfnt.Parse(Font)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.NumGlyphs(); n > 6000 {
		t.Errorf("the font has %d glyphs", n)
	}
}
