package match

import (
	"fmt"
	"strings"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// garrisonScenario is the case: a garrison in a fort, an empty
// village worth more a few hours' march away, raiders beyond it; orders
// are added to it as given.
const garrisonScenario = `
id = "garrison"
title = "A garrison and an empty village"
description = "The AI's orders test."
start = 1945-01-01T06:00:00
turns = 30
turn_hours = 24
hex_km = 5
fog = true

[map]
width = 10
height = 6
rows = [
  "ffffffffff",
  "ffffffffff",
  "ffffffffff",
  "ffffffffff",
  "ffffffffff",
  "ffffffffff",
]

[[map.fort]]
name = "The fort"
posture = "fortified"
hexes = [[2, 2]]

[[side]]
id = "gov"
name = "Government"
briefing = "Hold the fort."

[[side]]
id = "reb"
name = "Rebels"
briefing = "Take what you can."

[[place]]
id = "fort"
name = "The fort"
hex = [2, 2]
vp = 2
owner = "gov"
supply = true

[[place]]
id = "village"
name = "The village"
hex = [6, 2]
vp = 10

[[place]]
id = "camp"
name = "The camp"
hex = [9, 5]
owner = "reb"
supply = true

[[unit]]
id = "garrison"
name = "Garrison"
side = "gov"
type = "infantry"
place = "fort"
men = 500
mgs = 6
dug_hours = 96
source = "t"

[[unit]]
id = "raiders"
name = "Raiders"
side = "reb"
type = "militia"
place = "camp"
men = 600
source = "t"

[history]
winner = "draw"
summary = "None."
epilogue = "None."
source = "t"

[[source]]
key = "t"
author = "the tests"
title = "made up"
year = 2025
`

// playGarrison plays the scenario with the orders given, AI against AI,
// from seed, and reports whether the garrison ever stood outside the fort
// while it was on the map (checked after every command), and whether it was
// destroyed.
func playGarrison(t *testing.T, orders string, seed uint64) (left, destroyed bool, turns int) {
	t.Helper()
	sc, err := scenario.Parse("garrison.toml", []byte(garrisonScenario+orders), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := New(sc, Config{Scenario: "garrison.toml", Seed: seed, Seats: []Seat{{Side: "gov", AI: "normal"}, {Side: "reb", AI: "normal"}}})
	if err != nil {
		t.Fatal(err)
	}
	fort := hex.FromOffset(2, 2)
	for !m.Over() {
		if _, ok, err := m.Step(); err != nil || !ok {
			t.Fatalf("seed %d: the game stopped: %v", seed, err)
		}
		for _, u := range m.Truth().Units {
			if u.ID == "garrison" {
				left = left || u.Status == rules.Active && u.Hex != fort
				destroyed = u.Status == rules.Eliminated
			}
		}
	}
	return left, destroyed, m.Turn()
}

// TestOrdersHoldTheFort: without orders the garrison marches out of its
// fort toward the empty village, in most games of a batch; with an order
// to hold the fort it stays in it through every game of 30 turns, unless it
// is destroyed. The same order given to the side as a whole (no units)
// and as an area of 0 km holds it too.
func TestOrdersHoldTheFort(t *testing.T) {
	const runs = 12
	out := 0
	for seed := uint64(1); seed <= runs; seed++ {
		if left, _, _ := playGarrison(t, "", seed); left {
			out++
		}
	}
	if out < runs/2 {
		t.Fatalf("without orders the garrison left the fort in %d of %d games: the test shows nothing", out, runs)
	}
	t.Logf("without orders the garrison left its fort in %d of %d games", out, runs)
	for _, orders := range []string{
		"[[order]]\nside = \"gov\"\nunits = [\"garrison\"]\nkind = \"hold\"\nplace = \"fort\"\n",
		"[[order]]\nside = \"gov\"\nkind = \"hold\"\n",                              // every unit, where it stands
		"[[order]]\nside = \"gov\"\nkind = \"hold\"\nhex = [2, 2]\nradius_km = 0\n", // a hex
	} {
		for seed := uint64(1); seed <= runs; seed++ {
			left, destroyed, turns := playGarrison(t, orders, seed)
			if left {
				t.Errorf("seed %d, with %q: the garrison left the fort (destroyed: %v)", seed, strings.ReplaceAll(orders, "\n", "; "), destroyed)
			}
			if turns != 30 && !destroyed {
				t.Errorf("seed %d: the game ended on turn %d", seed, turns)
			}
		}
	}
}

// TestOrdersAreaLineReinforce plays the drill, whose east holds the city
// as an area of 5 km and the river line at the bridge, and whose motor
// column makes for the west bank: over a batch, the garrison never moves of
// its own accord out of a hex of the city (nor, pushed out, farther from
// it), the police never march away from their hex of the line while the
// order stands (the first, the line's only unit), and the column's marches
// under its order bring it no farther from the bank.
func TestOrdersAreaLineReinforce(t *testing.T) {
	sc, err := scenario.Load("../scenario/testdata/drill.toml", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	city, bank := hex.FromOffset(8, 5), hex.FromOffset(6, 3)
	line := []hex.Hex{hex.FromOffset(7, 3), hex.FromOffset(7, 4)}
	for seed := uint64(1); seed <= 8; seed++ {
		m, _, err := New(sc, Config{Scenario: "../scenario/testdata/drill.toml", Seed: seed, Seats: []Seat{{Side: "west", AI: "normal"}, {Side: "east", AI: "normal"}}})
		if err != nil {
			t.Fatal(err)
		}
		for !m.Over() {
			before := map[string]hex.Hex{}
			for _, u := range m.Truth().Units {
				before[u.ID] = u.Hex
			}
			side, turn := m.ToMove(), m.Turn()
			evs, ok, err := m.Step()
			if err != nil || !ok {
				t.Fatalf("seed %d: %v", seed, err)
			}
			for _, e := range evs {
				mv, isMove := e.(rules.Moved)
				if !isMove {
					continue
				}
				to := mv.Path[len(mv.Path)-1]
				where := fmt.Sprintf("seed %d, turn %d (%s): %s marches %s to %s", seed, turn, side, mv.Unit, rules.Label(before[mv.Unit]), rules.Label(to))
				from := before[mv.Unit]
				switch {
				case mv.Unit == "e-inf" && hex.Distance(to, city) > max(1, hex.Distance(from, city)):
					t.Errorf("%s, out of its area about the city", where)
				case mv.Unit == "e-police" && turn <= 4 && hex.Distance(to, line[0]) > hex.Distance(from, line[0]):
					t.Errorf("%s, away from its place on the line", where)
				case mv.Unit == "w-trucks" && turn >= 3 && hex.Distance(to, bank) > hex.Distance(from, bank):
					t.Errorf("%s, away from the bank it reinforces", where)
				}
			}
		}
	}
}
