package encyclopedia

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"ili/game/scenario"
	data "ili/scenarios/encyclopedia"
)

// good is a valid entry, for building files with one mistake each.
const good = `[[entry]]
id = "good"
kind = "person"
name = "A good entry"
summary = "Nothing wrong."
source = "IRw"

[[entry.claim]]
text = "A claim."
source = "IRw"
`

// TestParseErrors: each mistake is reported once, at its file, line and
// column, in one sentence that says what to do.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string // "file:line:col: part of the message"
	}{
		{"not TOML", map[string]string{"a.toml": good + "\n[[entry]\nid = 1\n"},
			[]string{"a.toml:13:8: this is not valid TOML"}},
		{"unknown key", map[string]string{"a.toml": good + "colour = \"red\"\n"},
			[]string{`a.toml:11:1: entry "good", claim 1: key "colour" is not a known key here; check its spelling`}},
		{"unknown source", map[string]string{"a.toml": good + "\n[[entry.claim]]\ntext = \"More.\"\nsource = \"Nope\"\n"},
			[]string{`a.toml:14:1: entry "good", claim 2: key "source" names source "Nope", which no scenario, the unit catalogue or the encyclopedia defines`}},
		{"source of another file", map[string]string{
			"a.toml": good + "\n[[entry.claim]]\ntext = \"More.\"\nsource = \"Mine\"\n",
			"b.toml": "[[source]]\nkey = \"Mine\"\nauthor = \"Someone\"\ntitle = \"A book\"\nyear = 1950\n"}, nil},
		{"duplicate id", map[string]string{"a.toml": good, "b.toml": good},
			[]string{`b.toml:2:1: entry "good": key "id" "good" is used already, in a.toml`}},
		{"unknown kind and missing claim", map[string]string{"a.toml": "[[entry]]\nid = \"x\"\nkind = \"ship\"\nname = \"X\"\nsummary = \"S\"\nsource = \"IRw\"\n"},
			[]string{`a.toml:1:1: entry "x": has no [[entry.claim]]`, `a.toml:3:1: entry "x": key "kind" is "ship"; use one of side, person`}},
		{"missing key", map[string]string{"a.toml": strings.Replace(good, "name = \"A good entry\"\n", "", 1)},
			[]string{`a.toml:1:1: entry "good": key "name" is missing; add it`}},
		{"links", map[string]string{"a.toml": good + `
[entry.links]
units = ["nilka-1944/garrison", "nilka-1944", "nilka-1944/no-such", "atlantis/x",
  "nilka-1944/garrison"]
places = ["ghulja-1944/police"]
sides = ["manas-1945/ina"]
commanders = ["Osman Batur", "Napoleon"]
sources = ["F44c", "Nope"]
`},
			[]string{
				`a.toml:13:33: entry "good", links: units item 2 is "nilka-1944"; write it as scenario/unit`,
				`a.toml:13:47: entry "good", links: units item 3 names unit "no-such", which nilka-1944 does not define`,
				`a.toml:13:69: entry "good", links: units item 4 names scenario "atlantis", which is not bundled`,
				`a.toml:14:3: entry "good", links: unit nilka-1944/garrison is linked from entry "good" already`,
				`a.toml:17:30: entry "good", links: commanders item 2 is "Napoleon", which no unit of a bundled scenario has as its commander`,
				`a.toml:18:20: entry "good", links: sources item 2 names "Nope"`,
			}},
		{"disagreement", map[string]string{"a.toml": good + `
[[entry.disagreement]]
topic = "When"

[[entry.disagreement.view]]
by = "One"
text = "Then."
source = "IRw"
`},
			[]string{`a.toml:12:1: entry "good", disagreement 1: has 1 [[entry.disagreement.view]]; a disagreement needs at least two views`}},
		{"quote without who", map[string]string{"a.toml": good + "\n[[entry.quote]]\ntext = \"Words.\"\nwhen = \"1945\"\nsource = \"IRw\"\n"},
			[]string{`a.toml:12:1: entry "good", quote 1: key "who" is missing; add it`}},
		{"source defined twice", map[string]string{"a.toml": good + "\n[[source]]\nkey = \"F44c\"\nauthor = \"A\"\ntitle = \"T\"\n"},
			[]string{`a.toml:13:1: source "F44c": key "key" "F44c" is defined already`}},
		{"see", map[string]string{"a.toml": strings.Replace(good, "summary = \"Nothing wrong.\"", "summary = \"Nothing wrong.\"\nsee = [\"good\", \"nowhere\"]", 1)},
			[]string{`a.toml:6:8: entry "good": see names the entry itself`, `a.toml:6:16: entry "good": see names entry "nowhere", which no file defines`}},
		{"wrong types", map[string]string{"a.toml": strings.Replace(good, `summary = "Nothing wrong."`, "summary = 3\nsee = \"x\"", 1)},
			[]string{`a.toml:5:1: entry "good": key "summary" must be a string, not a whole number`, `a.toml:6:1: entry "good": key "see" must be a list of strings`}},
		{"reserved id", map[string]string{"a.toml": strings.Replace(good, `id = "good"`, `id = "src-x"`, 1)},
			[]string{`a.toml:2:1: entry "src-x": key "id" is "src-x", which the exported page uses for itself`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := map[string][]byte{}
			for k, v := range c.files {
				in[k] = []byte(v)
			}
			_, err := Parse(in)
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error:\n%v", err)
				}
				return
			}
			var errs scenario.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v, want scenario.Errors", err)
			}
			if len(errs) != len(c.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(errs), len(c.want), err)
			}
			for i, w := range c.want {
				if i >= len(errs) {
					break
				}
				if got := errs[i].Error(); !strings.HasPrefix(got, w) {
					t.Errorf("error %d:\n got %s\nwant %s...", i+1, got, w)
				}
				if strings.Contains(errs[i].Msg, "\n") {
					t.Errorf("error %d is more than one line: %q", i+1, errs[i].Msg)
				}
			}
		})
	}
}

// TestErrorsInBundledFiles: in each bundled file, a source key and a link
// spoilt deep in the file are reported at their own lines: the positions
// hold through the files' multi-line strings, lists and tables.
func TestErrorsInBundledFiles(t *testing.T) {
	entries, err := fs.ReadDir(data.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		src, err := data.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		i := strings.LastIndex(text, "\nsource = \"")
		if i < 0 {
			t.Fatalf("%s has no source key", e.Name())
		}
		j := i + 1 + strings.IndexByte(text[i+1:], '\n')
		bad := text[:i+1] + `source = "NoSuchSource"` + text[j:]
		line := strings.Count(text[:i+1], "\n") + 1
		in := map[string][]byte{}
		for _, o := range entries {
			if b, err := data.FS.ReadFile(o.Name()); err == nil && strings.HasSuffix(o.Name(), ".toml") {
				in[o.Name()] = b
			}
		}
		in[e.Name()] = []byte(bad)
		_, err = Parse(in)
		want := fmt.Sprintf("%s:%d:1: ", e.Name(), line)
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `"NoSuchSource"`) {
			t.Errorf("%s: got %v, want an error starting %s", e.Name(), err, want)
		}
	}
}
