package scenario

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestLocate(t *testing.T) {
	src := `# a comment
id = "x"
title = """two
lines"""

[map]
width = 3 # trailing
rows = [
  "...",
  'hh.',
]
legend = { "." = "plain", h = "hills" }

[[unit]]
id = "a"
hex = [1, 2]

[[unit]]
id = "b"
strength.men = 5

[[variant]]
id = "v"
[[variant.add]]
id = "c"
[[variant.add]]
id = "d"
[[variant]]
id = "w"
[[variant.add]]
id = "e"
`
	pos := flatten(locate(src))
	want := map[string]Pos{
		"id":                   {2, 1},
		"title":                {3, 1},
		"map":                  {6, 1},
		"map.width":            {7, 1},
		"map.rows":             {8, 1},
		"map.rows[0]":          {9, 3},
		"map.rows[1]":          {10, 3},
		"map.legend":           {12, 1},
		`map.legend."."`:       {12, 12},
		"map.legend.h":         {12, 27},
		"unit[0]":              {14, 1},
		"unit[0].id":           {15, 1},
		"unit[0].hex[1]":       {16, 11},
		"unit[1].id":           {19, 1},
		"unit[1].strength":     {20, 1},
		"unit[1].strength.men": {20, 10},
		"variant[0].add[0].id": {25, 1},
		"variant[0].add[1].id": {27, 1},
		"variant[1].id":        {29, 1},
		"variant[1].add[0].id": {31, 1},
	}
	for path, p := range want {
		if got, ok := pos[path]; !ok || got != p {
			t.Errorf("%s at %v (found %v), want %v", path, got, ok, p)
		}
	}
}

// flatten lists every position of a tree by path, as join and index write
// paths.
func flatten(n *posNode) map[string]Pos {
	out := map[string]Pos{}
	var walk func(path string, n *posNode)
	walk = func(path string, n *posNode) {
		for k, c := range n.keys {
			p := join(path, k)
			out[p] = c.at
			walk(p, c)
		}
		for i, at := range n.elems {
			out[index(path, i)] = at
		}
		for i, c := range n.inner {
			walk(index(path, i), c)
		}
	}
	walk("", n)
	return out
}

// TestLocateGenerated checks the position scanner against the TOML library
// on generated documents: every key and element the library decodes is
// located, nothing else is, and each stands where the generator put it.
func TestLocateGenerated(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for seed := range uint64(n) {
		src, want := generate(seed)
		if msg := checkLocate(src, want); msg != "" {
			t.Fatalf("seed %d: %s\n%s", seed, msg, src)
		}
	}
}

// checkLocate compares the scanner with the TOML library on a document the
// library must parse: every key and element the library decodes must be
// located. With want, the positions must be exactly those. (Not the other
// way round with the library: BurntSushi/toml 1.6 loses the keys of a dotted
// table in some documents, such as one whose key "" holds an array, or one
// named like an array in an earlier [[table]].)
func checkLocate(src string, want map[string]Pos) string {
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		return fmt.Sprintf("not valid TOML: %v", err)
	}
	root, err := scan(src)
	if err != nil {
		return fmt.Sprintf("the scanner refused it: %v", err)
	}
	got := flatten(root)
	decoded := map[string]bool{}
	walkPaths("", doc, decoded)
	var diffs []string
	for p := range decoded {
		if _, ok := got[p]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s not located", p))
		}
	}
	for p, w := range want {
		if at, ok := got[p]; !ok || at != w {
			diffs = append(diffs, fmt.Sprintf("%s at %v (located %v), want %v", p, at, ok, w))
		}
	}
	for p, at := range got {
		if _, ok := want[p]; want != nil && !ok {
			diffs = append(diffs, fmt.Sprintf("%s located at %v, but the document has no such thing", p, at))
		}
	}
	sort.Strings(diffs)
	return strings.Join(diffs, "\n")
}

// walkPaths adds the path of every key and element below path.
func walkPaths(path string, v any, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := join(path, k)
			out[p] = true
			walkPaths(p, e, out)
		}
	case []map[string]any:
		for i, e := range x {
			out[index(path, i)] = true
			walkPaths(index(path, i), e, out)
		}
	case []any:
		for i, e := range x {
			out[index(path, i)] = true
			walkPaths(index(path, i), e, out)
		}
	}
}
