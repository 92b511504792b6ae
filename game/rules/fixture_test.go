package rules

import (
	"strings"
	"testing"
	"time"

	"ili/game/hex"
)

// Test modes with speeds in km/day like the catalogue's.
var (
	foot  = &Mode{ID: "foot", Road: 30, Track: 25, Speed: [NumTerrain]int{22, 20, 15, 12, 7, 6, 0, 5, 0, 20, 10}, CrossMajor: true}
	horse = &Mode{ID: "horse", Road: 40, Track: 40, Speed: [NumTerrain]int{40, 30, 30, 25, 12, 10, 0, 8, 0, 30, 15}, CrossMajor: true}
	motor = &Mode{ID: "motor", Road: 150, Track: 60, Speed: [NumTerrain]int{50, 25, 40, 20, 0, 0, 0, 0, 0, 40, 20}}

	infantry = &UnitType{ID: "infantry", Class: Infantry, Mode: foot, ObserveKm: 10, SupplyDays: 2, ZOC: true}
	cavalry  = &UnitType{ID: "cavalry", Class: Cavalry, Mode: horse, ObserveKm: 15, SupplyDays: 3, ZOC: true}
)

var legend = map[byte]Terrain{'.': Plain, 'f': Farm, 'd': Desert, 'h': Hills, 'm': Mountain, 'p': Pass,
	'g': Glacier, 'w': Marsh, '~': Lake, 't': Town, 'c': City}

// world builds a state from an ASCII map (odd-row offset, one char a hex),
// 10 km hexes and 24-hour turns, two sides "red" and "blue", fog off.
type world struct {
	setup  *Setup
	units  []Unit
	places []Place
}

func newWorld(t testing.TB, rows ...string) *world {
	t.Helper()
	m := NewMap(len(rows[0]), len(rows))
	for r, line := range rows {
		if len(line) != m.Width {
			t.Fatalf("row %d is %d wide, want %d", r, len(line), m.Width)
		}
		for c := 0; c < len(line); c++ {
			ter, ok := legend[line[c]]
			if !ok {
				t.Fatalf("unknown terrain %q", line[c])
			}
			m.Terrain[r*m.Width+c] = ter
		}
	}
	return &world{setup: &Setup{
		Scenario: "test", Start: time.Date(1945, 9, 1, 6, 0, 0, 0, time.UTC),
		TurnHours: 24, Turns: 10, HexM: 10000, Map: m, SupplyMode: foot,
		Sides: []Side{{ID: "red", SupplyReachHours: 72}, {ID: "blue", SupplyReachHours: 72}},
	}}
}

func at(c, r int) hex.Hex { return hex.FromOffset(c, r) }

func (w *world) unit(id, side string, ty *UnitType, c, r, men int) *world {
	w.units = append(w.units, Unit{ID: id, Side: side, Type: ty, Hex: at(c, r), Status: Active,
		Men: men, Quality: 100, Morale: 70, BaseMorale: 70, SupplyHours: ty.SupplyDays * 24, InSupply: true})
	return w
}

func (w *world) place(id, owner string, c, r, vp int, supply bool) *world {
	w.places = append(w.places, Place{ID: id, Name: id, Hex: at(c, r), VP: vp, Owner: owner, Supply: supply})
	return w
}

func (w *world) road(kind Road, cells ...[2]int) *world {
	for i := 1; i < len(cells); i++ {
		w.setup.Map.Roads[EdgeOf(at(cells[i-1][0], cells[i-1][1]), at(cells[i][0], cells[i][1]))] = kind
	}
	return w
}

func (w *world) river(size River, a, b [2]int) *world {
	w.setup.Map.Rivers[EdgeOf(at(a[0], a[1]), at(b[0], b[1]))] = size
	return w
}

func (w *world) start(t testing.TB, seed uint64) (*State, []Event) {
	t.Helper()
	s, err := New(w.setup, w.units, w.places, seed)
	if err != nil {
		t.Fatal(err)
	}
	return s, s.Begin()
}

func mustApply(t testing.TB, s *State, c Command) []Event {
	t.Helper()
	evs, err := s.Apply(c)
	if err != nil {
		t.Fatalf("%+v: %v", c, err)
	}
	return evs
}

func logOf(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}
