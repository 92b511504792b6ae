package scenario

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestPositions pins the paths of a text to where they stand, through
// comments and strings that hold brackets, equals signs and keys, quoted
// keys, dotted keys, arrays of tables, subtables, and arrays and inline
// tables over several lines.
func TestPositions(t *testing.T) {
	src := `# a comment [[not]]
title = "x = y"
intro = """
[[stop]]
"y" = 1
"""
'quoted key' = 2
"a.b" = 3
"Ürümqi" = { x = 1 }
[[stop]]
  scenario = 'a#b'
points = [
  [1, 2],
  { u = 3, "v w" = 4 },
]
text = "\"" # ]
s.t = 5

[[stop]]
[stop.map]
legend = { "." = "plain", h = '''x
y''' }
lat = 3
`
	var doc map[string]any
	if _, err := toml.Decode(src, &doc); err != nil {
		t.Fatalf("the test text is not TOML: %v", err)
	}
	at := Locate([]byte(src))
	for path, want := range map[string]Pos{
		"":                            {1, 1},
		"title":                       {2, 1},
		"intro":                       {3, 1},
		`"quoted key"`:                {7, 1},
		`"a.b"`:                       {8, 1},
		`"Ürümqi"`:                    {9, 1},
		`"Ürümqi".x`:                  {9, 14}, // columns count characters
		"stop":                        {10, 1},
		"stop[0]":                     {10, 1},
		"stop[0].scenario":            {11, 3},
		"stop[0].points":              {12, 1},
		"stop[0].points[0]":           {13, 3},
		"stop[0].points[0][1]":        {13, 7},
		"stop[0].points[1]":           {14, 3},
		"stop[0].points[1].u":         {14, 5},
		`stop[0].points[1]."v w"`:     {14, 12},
		"stop[0].text":                {16, 1},
		"stop[0].s":                   {17, 1}, // where it is first named
		"stop[0].s.t":                 {17, 3}, // a dotted key at its last part
		"stop[1]":                     {19, 1},
		"stop[1].map":                 {20, 1},
		"stop[1].map.legend":          {21, 1},
		`stop[1].map.legend."."`:      {21, 12},
		"stop[1].map.legend.h":        {21, 27},
		"stop[1].map.lat":             {23, 1},
		Join(Index("stop", 1), "map"): {20, 1},
	} {
		if got, ok := at.At(path); !ok || got != want {
			t.Errorf("At(%s) = %v, %v; want %v", path, got, ok, want)
		}
		if got := at.Near(path); got != want {
			t.Errorf("Near(%s) = %v; want %v", path, got, want)
		}
	}
	for _, path := range []string{"stop[2]", "y", `"y"`, "stop[0].y", "a", "a.b", "stop[0].points[2]", "stop[0].text[0]", "stop[1].scenario"} {
		if got, ok := at.At(path); ok {
			t.Errorf("At(%s) = %v; the text has no such thing", path, got)
		}
	}
	for path, want := range map[string]Pos{
		"stop[1].map.nope":        {20, 1},
		"stop[0].points[1].zz[3]": {14, 3},
		"stop[0].points[7]":       {12, 1},
		"stop[2].scenario":        {10, 1}, // stop, where it is first named
		"nothing":                 {1, 1},
	} {
		if got := at.Near(path); got != want {
			t.Errorf("Near(%s) = %v; want %v", path, got, want)
		}
	}
	if got := (Positions{}).Near("x"); got != (Pos{1, 1}) {
		t.Errorf("Near on no positions = %v, want 1:1", got)
	}
	if got, ok := Locate([]byte("\ufeffa = 1\n")).At("a"); !ok || got != (Pos{1, 1}) {
		t.Errorf("after a byte-order mark, a at %v (%v), want 1:1", got, ok)
	}
}

// TestJoin: Join and Index write the paths that At reads.
func TestJoin(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Join("", "title"), "title"},
		{Join(Index("unit", 3), "men"), "unit[3].men"},
		{Join("map.legend", "."), `map.legend."."`},
		{Join("a", "b c"), `a."b c"`},
		{Join("a", ""), `a.""`},
		{Index(Index("x", 0), 12), "x[0][12]"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
