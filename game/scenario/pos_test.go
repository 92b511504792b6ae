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
	pos := locate(src)
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
		"unit[1].strength.men": {20, 1},
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
