package scenario

import "testing"

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
