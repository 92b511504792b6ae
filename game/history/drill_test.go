package history

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"ili/game/hex"
	"ili/game/scenario"
)

func drill(t *testing.T, old, new string) (*scenario.Scenario, error) {
	t.Helper()
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("the drill lacks %q", old)
	}
	return scenario.Parse("drill.toml", []byte(strings.Replace(string(src), old, new, 1)), scenario.Options{})
}

// drillWith loads the drill with variants or overrides.
func drillWith(t *testing.T, opt scenario.Options) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Parse("drill.toml", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestFrames: the drill's steps move its bodies and change its holders on
// their turns, with an arrow for each movement; a frame is the same however
// it is reached (forward, back, by a jump), and turns past the ends clamp.
func TestFrames(t *testing.T) {
	sc, err := drill(t, "", "")
	if err != nil {
		t.Fatal(err)
	}
	c := New(sc)
	if n := len(sc.History.Steps); n != 2 || sc.History.Steps[0].Turn != 3 || sc.History.Steps[1].Turn != 6 {
		t.Fatalf("the drill has %d steps: %+v", n, sc.History.Steps)
	}
	at := func(col, row int) hex.Hex { return hex.FromOffset(col, row) }
	if c.At(2).Holders["bridge"] != "east" || c.At(3).Holders["bridge"] != "west" || c.At(8).Holders["bridge"] != "west" {
		t.Errorf("the bridge: %q on turn 2, %q on 3, %q on 8", c.At(2).Holders["bridge"], c.At(3).Holders["bridge"], c.At(8).Holders["bridge"])
	}
	f3 := c.At(3)
	if len(f3.Arrows) != 2 || f3.Arrows[0].Unit != "w-inf" || f3.Arrows[0].From != at(2, 3) || f3.Arrows[0].To != at(6, 3) || f3.Bodies["w-inf"] != at(6, 3) {
		t.Errorf("turn 3's arrows %+v, w-inf at %v", f3.Arrows, f3.Bodies["w-inf"])
	} else if r := f3.Arrows[0].Route; len(r) < 5 || r[0] != at(2, 3) || r[len(r)-1] != at(6, 3) {
		t.Errorf("the infantry's route to the bridge is %v", r)
	} else {
		for i := 1; i < len(r); i++ {
			if !hex.Adjacent(r[i-1], r[i]) || !sc.Setup.Map.Passable(r[i]) {
				t.Errorf("the route steps from %v to %v", r[i-1], r[i])
			}
		}
	}
	if c.At(2).Bodies["e-police"] != at(7, 3) || c.At(5).Bodies["e-police"] != at(8, 4) || c.At(6).Bodies["e-police"] != at(8, 5) || len(c.At(4).Steps) != 0 {
		t.Errorf("the police: %v on turn 5, %v on 6", c.At(5).Bodies["e-police"], c.At(6).Bodies["e-police"])
	}
	if _, ok := c.At(8).Bodies["w-air"]; ok {
		t.Error("an aircraft is placed as a main body")
	}
	if _, ok := c.At(6).Bodies["e-hq"]; ok || c.At(5).Bodies["e-hq"] != at(9, 5) {
		t.Error("the headquarters do not leave the map on turn 6")
	}
	forward := make([]Frame, 9)
	for i := range forward {
		forward[i] = c.At(i)
	}
	for i := 8; i >= 0; i-- {
		if !reflect.DeepEqual(c.At(i), forward[i]) {
			t.Errorf("turn %d differs stepping back", i)
		}
	}
	if !reflect.DeepEqual(c.At(-3), c.At(0)) || !reflect.DeepEqual(c.At(40), c.At(8)) || c.Turns() != 8 {
		t.Error("turns past the ends do not clamp")
	}
	if got := c.Dated(); !reflect.DeepEqual(got, []int{3, 6}) {
		t.Errorf("dated turns %v, want [3 6]", got)
	}
}

// TestVariantRemovesABody: a variant that removes a unit the record names
// drops its moves, and the record still loads.
func TestVariantRemovesABody(t *testing.T) {
	sc := drillWith(t, scenario.Options{Variants: []string{"reinforced"}})
	if m := sc.History.Steps[1].Moves; len(m) != 1 || m[0].Unit != "e-hq" {
		t.Errorf("the removed police still move: %+v", m)
	}
	if _, ok := New(sc).At(8).Bodies["e-police"]; ok {
		t.Error("the removed police stand on the map")
	}
}

// TestMovedSpanDropsSteps: an override that moves the scenario's end
// leaves out the record's steps outside them rather than refusing the file,
// while the file itself still refuses a step outside its span.
func TestMovedSpanDropsSteps(t *testing.T) {
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	checkpoint := "\n[[history.checkpoint]]\nplace = \"bridge\"\nheld_by = \"west\"\non = 1945-09-03T20:00:00\nsource = \"drill\"\n"
	src = []byte(strings.Replace(string(src), "[history.holds]\ncity = \"east\"\n", "[history.holds]\ncity = \"east\"\n"+checkpoint, 1))
	whole, err := scenario.Parse("drill.toml", src, scenario.Options{})
	if err != nil || len(whole.History.Course) == 0 || whole.History.Course[len(whole.History.Course)-1].Place != "bridge" {
		t.Fatalf("the drill with a checkpoint on the bridge: %v", err)
	}
	sc, err := scenario.Parse("drill.toml", src, scenario.Options{Set: []string{"turns=5"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sc.History.Steps); n != 1 || sc.History.Steps[0].Title != "The bridge falls" {
		t.Errorf("with the end moved to 3 September 18:00, %d steps remain: %+v", n, sc.History.Steps)
	}
	for _, c := range sc.History.Course {
		if c.Place == "bridge" {
			t.Errorf("the checkpoint of 3 September 20:00 remains: %+v", c)
		}
	}
	if _, err := drill(t, "on = 1945-09-03T20:00:00", "on = 1945-09-09T20:00:00"); err == nil || !strings.Contains(err.Error(), "outside the scenario") {
		t.Errorf("a step after the file's end: %v", err)
	}
}

// TestStepErrors: a step's mistakes are reported with file, line and column.
func TestStepErrors(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{`unit = "w-inf"
hex = [6, 3]`, `unit = "w-infantry"
hex = [6, 3]`, `drill.toml:247:1: history step 1 move 1: key "unit" names unit "w-infantry"`},
		{`by = "west"`, `by = "north"`, `names side "north"`},
		{`on = 1945-09-03T20:00:00`, `on = 1946-09-03T20:00:00`, `outside the scenario`},
		{`text = "East's police fall back on the city."`, ``, `text`},
	} {
		_, err := drill(t, c.old, c.new)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.new, err, c.want)
		}
	}
}
