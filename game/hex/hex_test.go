package hex

import (
	"strings"
	"testing"
)

func TestDistanceAndNeighbors(t *testing.T) {
	o := Hex{0, 0}
	for i, n := range o.Neighbors() {
		if Distance(o, n) != 1 || !Adjacent(o, n) {
			t.Errorf("neighbour %d %v not at distance 1", i, n)
		}
		if o.DirectionTo(n) != i {
			t.Errorf("DirectionTo(%v) = %d, want %d", n, o.DirectionTo(n), i)
		}
	}
	tests := []struct {
		a, b Hex
		want int
	}{
		{Hex{0, 0}, Hex{3, 0}, 3},
		{Hex{0, 0}, Hex{3, -3}, 3},
		{Hex{-2, 1}, Hex{2, -1}, 4},
		{Hex{1, 2}, Hex{-3, 5}, 4},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%v,%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRingAndSpiral(t *testing.T) {
	c := Hex{2, -1}
	for r := 0; r <= 4; r++ {
		ring := Ring(c, r)
		want := 6 * r
		if r == 0 {
			want = 1
		}
		if len(ring) != want {
			t.Fatalf("ring %d has %d hexes, want %d", r, len(ring), want)
		}
		seen := map[Hex]bool{}
		for _, h := range ring {
			if Distance(c, h) != r {
				t.Errorf("ring %d holds %v at distance %d", r, h, Distance(c, h))
			}
			if seen[h] {
				t.Errorf("ring %d repeats %v", r, h)
			}
			seen[h] = true
		}
	}
	if n := len(Spiral(c, 3)); n != 37 {
		t.Errorf("spiral of radius 3 has %d hexes, want 37", n)
	}
}

func TestLine(t *testing.T) {
	for _, tt := range []struct{ a, b Hex }{
		{Hex{0, 0}, Hex{5, -2}},
		{Hex{0, 0}, Hex{2, 2}}, // passes exactly along edges
		{Hex{-3, 4}, Hex{3, -4}},
		{Hex{1, 1}, Hex{1, 1}},
	} {
		l := Line(tt.a, tt.b)
		if l[0] != tt.a || l[len(l)-1] != tt.b {
			t.Errorf("Line(%v,%v) = %v: wrong ends", tt.a, tt.b, l)
		}
		if len(l) != Distance(tt.a, tt.b)+1 {
			t.Errorf("Line(%v,%v) has %d hexes", tt.a, tt.b, len(l))
		}
		for i := 1; i < len(l); i++ {
			if !Adjacent(l[i-1], l[i]) {
				t.Errorf("Line(%v,%v) = %v: step %d not adjacent", tt.a, tt.b, l, i)
			}
		}
	}
}

func TestOffsetRoundTrip(t *testing.T) {
	for row := -3; row < 6; row++ {
		for col := -3; col < 6; col++ {
			c, r := FromOffset(col, row).Offset()
			if c != col || r != row {
				t.Errorf("offset (%d,%d) came back as (%d,%d)", col, row, c, r)
			}
		}
	}
	// Odd rows sit half a hex to the right: (0,1) touches (0,0) and (1,0).
	h := FromOffset(0, 1)
	if !Adjacent(h, FromOffset(0, 0)) || !Adjacent(h, FromOffset(1, 0)) {
		t.Error("odd row (0,1) should touch (0,0) and (1,0)")
	}
}

func TestPixelRoundTrip(t *testing.T) {
	l := Layout{Size: 20, OriginX: 7, OriginY: -3}
	for _, h := range Spiral(Hex{1, 1}, 5) {
		x, y := l.Center(h)
		if got := l.At(x, y); got != h {
			t.Errorf("centre of %v maps back to %v", h, got)
		}
		cx, cy := l.Corner(h, 0)
		if got := l.At((x*9+cx)/10, (y*9+cy)/10); got != h {
			t.Errorf("point near the corner of %v maps to %v", h, got)
		}
	}
}

// grid parses an ASCII map: '.' costs 1, digits cost that much, '#' is a wall.
// Rows are odd-row offset. It returns the cost function and the marked hexes.
func grid(rows ...string) (CostFunc, map[byte]Hex, Grid) {
	cells := map[Hex]byte{}
	marks := map[byte]Hex{}
	for r, line := range rows {
		for c := 0; c < len(line); c++ {
			h := FromOffset(c, r)
			ch := line[c]
			if ch >= 'A' && ch <= 'Z' {
				marks[ch] = h
				ch = '.'
			}
			cells[h] = ch
		}
	}
	return func(_, to Hex) (int, bool) {
		ch, ok := cells[to]
		switch {
		case !ok || ch == '#':
			return 0, false
		case ch == '.':
			return 1, true
		default:
			return int(ch - '0'), true
		}
	}, marks, Grid{W: len(rows[0]), H: len(rows)}
}

func TestPath(t *testing.T) {
	cost, m, g := grid(
		"A.#.....",
		"..#.###.",
		"..#...#.",
		"....#.#B",
	)
	path, total, ok := g.Path(m['A'], m['B'], cost, 1, -1)
	if !ok {
		t.Fatal("no path found")
	}
	for i := 1; i < len(path); i++ {
		if !Adjacent(path[i-1], path[i]) {
			t.Fatalf("path step %d not adjacent: %v", i, path)
		}
		if c, ok := cost(path[i-1], path[i]); !ok || c != 1 {
			t.Fatalf("path crosses a wall at %v", path[i])
		}
	}
	if total != len(path)-1 {
		t.Errorf("total %d for %d steps", total, len(path)-1)
	}
	// Dijkstra agrees on the cost.
	if r := g.ReachFrom([]Hex{m['A']}, cost, 100)[g.Index(m['B'])]; int(r) != total {
		t.Errorf("ReachFrom says %d, Path says %d", r, total)
	}
	if _, _, ok := g.Path(m['A'], m['B'], cost, 1, total-1); ok {
		t.Error("path found under a cost limit below its cost")
	}
}

func TestPathPrefersCheapTerrain(t *testing.T) {
	cost, m, g := grid(
		"A9999B",
		"......",
	)
	_, total, ok := g.Path(m['A'], m['B'], cost, 1, -1)
	if !ok || total > 7 {
		t.Errorf("path cost %d, want the detour of at most 7", total)
	}
	cost, m, g = grid("A#B", "###")
	if _, _, ok := g.Path(m['A'], m['B'], cost, 1, -1); ok {
		t.Error("found a path through walls")
	}
}

func BenchmarkPath100x80(b *testing.B) {
	rows := make([]string, 80)
	for r := range rows {
		line := []byte(strings.Repeat(".", 100))
		for c := range line {
			if (c*7+r*13)%11 == 0 {
				line[c] = '3'
			}
			if c == 50 && r > 5 {
				line[c] = '#'
			}
		}
		rows[r] = string(line)
	}
	cost, _, g := grid(rows...)
	start, goal := FromOffset(0, 79), FromOffset(99, 79)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, ok := g.Path(start, goal, cost, 1, -1); !ok {
			b.Fatal("no path")
		}
	}
}

func TestLineAt(t *testing.T) {
	for _, b := range Spiral(Hex{0, 0}, 6) {
		a := Hex{2, -1}
		for i, h := range Line(a, b) {
			if got := LineAt(a, b, i); got != h {
				t.Fatalf("LineAt(%v,%v,%d) = %v, Line says %v", a, b, i, got, h)
			}
		}
	}
}

// TestCompare: row by row, west to east; a total order that agrees with
// equality and is antisymmetric.
func TestCompare(t *testing.T) {
	hs := Spiral(Hex{1, -2}, 3)
	for _, a := range hs {
		for _, b := range hs {
			c := Compare(a, b)
			if (c == 0) != (a == b) || c != -Compare(b, a) {
				t.Fatalf("Compare(%v,%v) = %d, Compare(%v,%v) = %d", a, b, c, b, a, Compare(b, a))
			}
			if want := a.R < b.R || (a.R == b.R && a.Q < b.Q); (c < 0) != want {
				t.Errorf("Compare(%v,%v) = %d; rows first, then west to east", a, b, c)
			}
		}
	}
}
