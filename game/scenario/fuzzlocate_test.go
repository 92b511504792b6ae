package scenario

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"ili/scenarios"
)

// FuzzLocate feeds arbitrary text to the position scanner: it must return,
// soon, on anything. On a document the TOML library parses, and that is
// within the limits, every key and element the library decodes must be
// located, at the key (or the header) that names it or where its value
// starts; a document the scanner finds too deep must be too deep.
func FuzzLocate(f *testing.F) {
	drill, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(drill))
	for _, id := range []string{"ghulja-1944", "units"} {
		src, err := scenarios.FS.ReadFile(id + ".toml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for seed := range uint64(20) {
		src, _ := generate(seed)
		f.Add(src)
	}
	for _, s := range []string{
		"a = [{b=1,\n c=2}]\n", "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "[[a]]\n[a.b]\n[[a]]\n[[a.c]]\n",
		"\ufeffa = 1\r\n", "s = \"\"\"\\\n  x\"\"\"\"\"\n", "'''' = 1", "a = {\n}\n", "a.\"b\\u0000\".'c' = 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		type result struct {
			root *posNode
			err  *Error
		}
		done := make(chan result, 1)
		go func() { r, err := scan(src); done <- result{r, err} }()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the scanner still runs after 10 s on %d bytes", len(src))
		}
		if r.err != nil && len(src) > 1000 {
			return // too big to check with the TOML library, whose memory goes with the square of the depth
		}
		var doc map[string]any
		if _, err := toml.Decode(src, &doc); err != nil {
			return
		}
		depth := maxDepth(doc)
		if r.err != nil {
			if depth <= MaxDepth && !strings.Contains(r.err.Msg, "characters long") {
				t.Fatalf("refused a document %d deep: %v", depth, r.err)
			}
			return
		}
		if depth > MaxDepth {
			t.Fatalf("took a document %d deep", depth)
		}
		checkPositions(t, strings.TrimPrefix(src, "\ufeff"), doc, r.root)
	})
}

// maxDepth returns how many keys and indices down the deepest value is.
func maxDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, 1+maxDepth(e))
		}
	case []map[string]any:
		for _, e := range x {
			d = max(d, 1+maxDepth(e))
		}
	case []any:
		for _, e := range x {
			d = max(d, 1+maxDepth(e))
		}
	}
	return d
}

// checkPositions checks that every key and element of doc is located, at
// text that names it.
func checkPositions(t *testing.T, src string, doc map[string]any, root *posNode) {
	lines := strings.SplitAfter(src, "\n")
	paths := map[string]bool{}
	walkPaths("", doc, paths)
	for p := range paths {
		at, ok := root.find(p)
		if !ok {
			t.Fatalf("%s is not located", p)
		}
		if at.Line > len(lines) || at.Col < 1 || at.Col > len([]rune(lines[at.Line-1])) {
			t.Fatalf("%s is located at %v, outside the text", p, at)
		}
		text := string([]rune(lines[at.Line-1])[at.Col-1:]) + strings.Join(lines[at.Line:], "")
		if msg := names(p, text); msg != "" {
			t.Fatalf("%s is located at %v, where %s: %q", p, at, msg, firstLine(text))
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// names says what is wrong if text does not start where path stands: the
// key that names it, the header of the table or array of tables, or (for an
// element) its value.
func names(path, text string) string {
	last, isKey := lastKey(path)
	switch {
	case !isKey:
		if strings.IndexByte(`"'[{+-0123456789tfin`, text[0]) < 0 {
			return "no value starts"
		}
	case strings.HasPrefix(text, "["):
		name, ok := headerLast(text)
		if !ok {
			return "there is no header"
		}
		if name != last {
			return "the header names " + name
		}
	default:
		name, _, ok := keyAt(text)
		if !ok || name != last {
			return "the key is " + name
		}
	}
	return ""
}

// lastKey returns the last key of a path, and whether the path ends in it
// (not in an index); for "a.b[2]" it returns "b", false.
func lastKey(path string) (string, bool) {
	isKey := !strings.HasSuffix(path, "]")
	for strings.HasSuffix(path, "]") {
		path = path[:strings.LastIndexByte(path, '[')]
	}
	last := ""
	for rest := path; rest != ""; {
		if rest[0] == '.' {
			rest = rest[1:]
		}
		name, w := pathSegment(rest)
		last, rest = name, rest[w:]
		for strings.HasPrefix(rest, "[") {
			rest = rest[strings.IndexByte(rest, ']')+1:]
		}
	}
	return last, isKey
}

// keyAt reads one part of a key at the start of text, using the TOML library
// for quoted keys, and returns it with the text after it.
func keyAt(text string) (string, string, bool) {
	if text == "" {
		return "", "", false
	}
	if q := text[0]; q == '"' || q == '\'' {
		end := 1
		for end < len(text) && text[end] != q && text[end] != '\n' {
			if q == '"' && text[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(text) || text[end] != q {
			return "", "", false
		}
		var m map[string]any
		if _, err := toml.Decode("k = "+text[:end+1], &m); err != nil {
			return "", "", false
		}
		s, _ := m["k"].(string)
		return s, text[end+1:], true
	}
	end := 0
	for end < len(text) && isBare(text[end]) {
		end++
	}
	return text[:end], text[end:], end > 0
}

// headerLast returns the last key of the header at the start of text.
func headerLast(text string) (string, bool) {
	rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(text, "["), "["), " \t")
	for {
		name, after, ok := keyAt(rest)
		if !ok {
			return "", false
		}
		rest = strings.TrimLeft(after, " \t")
		if !strings.HasPrefix(rest, ".") {
			return name, strings.HasPrefix(rest, "]")
		}
		rest = strings.TrimLeft(rest[1:], " \t")
	}
}
