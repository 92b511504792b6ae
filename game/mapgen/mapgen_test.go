package mapgen

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"ili/game/hex"
	"ili/game/scenario"
	"ili/scenarios"
)

// mapText is the part of a scenario file a drawing makes.
type mapText struct {
	Projection struct {
		OriginLat   float64 `toml:"origin_lat"`
		OriginLon   float64 `toml:"origin_lon"`
		StandardLat float64 `toml:"standard_lat"`
	}
	Map struct {
		Width, Height int
		Rows          []string
		River         []struct {
			Name, Size string
			Edges      [][]int
		}
		Road []struct {
			Name, Kind string
			Path       [][]int
		}
	}
}

func decodeMap(t *testing.T, text string) mapText {
	t.Helper()
	var m mapText
	if _, err := toml.Decode(text, &m); err != nil {
		t.Fatalf("the TOML does not read: %v\n%s", err, text)
	}
	return m
}

// TestBundledMapsRedrawn: the shapes files in tools/mapgen, drawn by
// package mapgen, give the projection, rows, rivers and roads of the
// bundled scenarios, as the Python scripts drew them.
func TestBundledMapsRedrawn(t *testing.T) {
	for _, tt := range []struct {
		shapes, scenario string
		proj             scenario.Projection
		cols, rows       int
		ground           string
	}{
		{"ghulja", "ghulja-1944", scenario.Projection{OriginLat: 43.962, OriginLon: 81.218, HexKm: 0.4}, 24, 29, "farm"},
		{"manas", "manas-1945", scenario.Projection{OriginLat: 48.05, OriginLon: 80.6, HexKm: 10, StandardLat: 45.8}, 62, 56, "plain"},
		{"aksu", "aksu-1946", scenario.Projection{OriginLat: 43.45, OriginLon: 79.8, HexKm: 8, StandardLat: 42.2}, 36, 41, "desert"},
	} {
		t.Run(tt.shapes, func(t *testing.T) {
			name := filepath.Join("..", "..", "tools", "mapgen", tt.shapes+".shapes.toml")
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			g := New(tt.proj, tt.cols, tt.rows, tt.ground)
			if err := Read(name, src, g); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			g.WriteTOML(&b, "")
			got := decodeMap(t, b.String())
			text, err := scenarios.FS.ReadFile(tt.scenario + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			want := decodeMap(t, string(text))
			if got.Projection != want.Projection {
				t.Errorf("projection %+v, the scenario's %+v", got.Projection, want.Projection)
			}
			if got.Map.Width != want.Map.Width || got.Map.Height != want.Map.Height || !slices.Equal(got.Map.Rows, want.Map.Rows) {
				t.Errorf("the rows differ from %s's:\n%s\nwant\n%s", tt.scenario, strings.Join(got.Map.Rows, "\n"), strings.Join(want.Map.Rows, "\n"))
			}
			if len(got.Map.River) != len(want.Map.River) || len(got.Map.Road) != len(want.Map.Road) {
				t.Fatalf("%d rivers and %d roads; the scenario has %d and %d", len(got.Map.River), len(got.Map.Road), len(want.Map.River), len(want.Map.Road))
			}
			for i, r := range want.Map.River {
				g := got.Map.River[i]
				if g.Name != r.Name || g.Size != r.Size || !slices.EqualFunc(g.Edges, r.Edges, slices.Equal) {
					t.Errorf("river %q differs from the scenario's:\n%v\nwant\n%v", r.Name, g.Edges, r.Edges)
				}
			}
			for i, r := range want.Map.Road {
				g := got.Map.Road[i]
				if g.Name != r.Name || g.Kind != r.Kind || !slices.EqualFunc(g.Path, r.Path, slices.Equal) {
					t.Errorf("road %q differs from the scenario's:\n%v\nwant\n%v", r.Name, g.Path, r.Path)
				}
			}
		})
	}
}

// TestShapes: each shape paints the hexes whose centres it covers, later
// areas over earlier ones; a road follows the hex line and leaves out what
// is off the map; a river takes the edges it crosses; a named point is
// found; a road over a lake is warned of.
func TestShapes(t *testing.T) {
	p := scenario.Projection{OriginLat: 44, OriginLon: 81, HexKm: 10}
	g := New(p, 6, 5, "")
	at := func(c, r int) Point {
		lat, lon := p.LatLon(hexAt(c, r))
		return Point{lat, lon}
	}
	// Hex centres: x = 10(col + row%2/2) km east, y = 8.66 row km south.
	km := func(x, y float64) Point {
		return Point{p.OriginLat - y/110.574, p.OriginLon + x/(111.320*math.Cos(p.OriginLat*math.Pi/180))}
	}
	g.Box("farm", km(-1, -1), km(21, 9.7))                                    // row 0: 0-2; row 1: 0-1
	g.Disc("hills", at(4, 2), 6)                                              // the hex alone: its neighbours are 10 km off
	g.Poly("desert", []Point{km(-1, 24), km(21, 24), km(21, 36), km(-1, 36)}) // row 3: 0-1; row 4: 0-2
	g.Strip("mountain", []Point{km(50, -1), km(50, 36)}, 12)                  // column 5, and 4 on odd rows
	g.Set("lake", at(3, 4))
	g.Set("town", Point{10, 10}) // off the map: nothing
	want := []string{
		"fff..m",
		"ff..mm",
		"....hm",
		"dd..mm",
		"ddd~.m",
	}
	var rows []string
	for r := 0; r < g.Rows; r++ {
		var b strings.Builder
		for c := 0; c < g.Cols; c++ {
			b.WriteString(letters[g.Terrain(c, r)])
		}
		rows = append(rows, b.String())
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	mid := func(a, b Point) Point { return Point{(a.Lat + b.Lat) / 2, (a.Lon + b.Lon) / 2} }
	// A river between rows 1 and 2 at column 1: across the edge there.
	g.River("Test River", "minor", []Point{mid(at(0, 1), at(0, 2)), mid(at(2, 1), at(1, 2))})
	if e := g.Rivers[0].Edges; len(e) == 0 {
		t.Error("the river crosses no edge")
	}
	g.Road("Lake road", "track", []Point{at(3, 2), at(3, 4), {10, 10}})
	path := g.Roads[0].Path
	if len(path) < 3 || path[0] != hexAt(3, 2) || path[len(path)-1] != hexAt(3, 4) {
		t.Errorf("the road runs %v", path)
	}
	g.Mark("lake", at(3, 4))
	var b bytes.Buffer
	g.WriteTOML(&b, "ili mapgen test")
	out := b.String()
	for _, w := range []string{"# Drawn by: ili mapgen test", "# hex_km = 10", "[projection]", "origin_lat = 44", "[[map.river]]", `name = "Test River"`,
		`kind = "track"`, "# lake: hex = [3, 4], lake", "# WARNING: road Lake road crosses ground no unit can enter at 3,4 (lake)"} {
		if !strings.Contains(out, w) {
			t.Errorf("the TOML lacks %q:\n%s", w, out)
		}
	}
	// What it prints is a map the scenario decoder reads back.
	m := decodeMap(t, out)
	if m.Map.Width != 6 || len(m.Map.Rows) != 5 || len(m.Map.Road) != 1 {
		t.Errorf("read back: %+v", m.Map)
	}
}

// TestShapesFileMistakes: every mistake in a shapes file is one sentence
// at its line and column, with a suggestion for a misspelt terrain.
func TestShapesFileMistakes(t *testing.T) {
	src := `[[area]]
terrain = "mountian"
polygon = [[44, 81], [44, 82], [43.5, 81.5]]

[[area]]
terrain = "hills"
box = [[44, 81], [43, 82]]
disc = [44, 81]

[[area]]
terrain = "farm"

[[river]]
size = "huge"
points = [[44, 81]]

[[road]]
kind = "road"
points = [[44, 81], [144, 81]]

[[place]]
id = "x"
at = [44, 81, 3]

[[bridge]]
at = [1, 2]
`
	g := New(scenario.Projection{OriginLat: 44, OriginLon: 81, HexKm: 10}, 5, 5, "")
	err := Read("shapes.toml", []byte(src), g)
	var errs scenario.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want scenario.Errors, got %v", err)
	}
	got := errs.Error()
	for _, w := range []string{
		`shapes.toml:2:`, `did you mean "mountain"?`,
		`shapes.toml:8:1: `, `second shape beside box`,
		`shapes.toml:10:`, `has no shape`,
		`shapes.toml:14:`, `"huge"`,
		`shapes.toml:15:`, `has 1 point; give at least 2`,
		`shapes.toml:19:`, `item 2`,
		`shapes.toml:23:`, `must be one point`,
		`shapes.toml:25:`, `"bridge"`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("the errors lack %q:\n%s", w, got)
		}
	}
}

func hexAt(c, r int) hex.Hex { return hex.FromOffset(c, r) }
