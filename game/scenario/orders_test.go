package scenario

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
)

// TestOrdersRead: the drill's [[order]] and [[air_supply]] tables come to
// the rules as they read: units sorted, places and hexes, a line, an area
// in metres, the turns of their dates, tonnage in kilograms; a variant that
// removes an order's only unit drops the order, and set = { air_supply =
// [] } takes the air supply away.
func TestOrdersRead(t *testing.T) {
	sc := loadDrill(t, Options{})
	o := sc.Setup.Orders
	if len(o) != 4 {
		t.Fatalf("%d orders, want 4: %+v", len(o), o)
	}
	want := []rules.Order{
		{Side: "east", Units: []string{"e-inf"}, Kind: rules.OrderHold, Place: "city", RadiusM: 5000, FromTurn: 1},
		{Side: "east", Units: []string{"e-police"}, Kind: rules.OrderLine, Line: []hex.Hex{hex.FromOffset(7, 3), hex.FromOffset(7, 4)}, FromTurn: 1, UntilTurn: 4},
		{Side: "west", Units: []string{"w-trucks"}, Kind: rules.OrderReinforce, At: hex.FromOffset(6, 3), HasAt: true, FromTurn: 3},
		{Side: "west", Kind: rules.OrderPlan, FromTurn: 1},
	}
	for i := range want {
		if g, w := o[i], want[i]; !reflect.DeepEqual(g, w) { // the line's hexes too
			t.Errorf("order %d reads %+v, want %+v", i+1, g, w)
		}
	}
	a := sc.Setup.AirSupplies
	if len(a) != 1 || a[0] != (rules.AirSupply{Side: "east", Place: "city", KgPerDay: 2500, KgPerMan: 2, ReachM: 5000, FromTurn: 3, UntilTurn: 6}) {
		t.Errorf("air supply reads %+v", a)
	}
	r := loadDrill(t, Options{Variants: []string{"reinforced"}}) // removes e-police
	if len(r.Setup.Orders) != 3 {
		t.Errorf("with the police removed, %d orders: %+v", len(r.Setup.Orders), r.Setup.Orders)
	}
	if n := loadDrill(t, Options{Set: []string{"air_supply=[]"}}); len(n.Setup.AirSupplies) != 0 {
		t.Errorf("--set air_supply=[] leaves %+v", n.Setup.AirSupplies)
	}
}

// TestOrderMistakes: every mistake in an order or an air supply is one
// sentence at its line, with a suggestion where a name is misspelt.
func TestOrderMistakes(t *testing.T) {
	extra := `
[[order]]
side = "east"
kind = "hodl"

[[order]]
side = "east"
units = ["e-inff", "w-inf"]
kind = "hold"
place = "city"
hex = [8, 5]

[[order]]
side = "east"
kind = "line"

[[order]]
side = "west"
kind = "reinforce"

[[order]]
side = "west"
kind = "plan"
units = ["w-inf"]

[[order]]
side = "west"
kind = "line"
line = [[5, 0]]

[[air_supply]]
side = "east"
place = "citty"
source = "drill"
`
	src := string(mustRead(t)) + extra
	// line is "file:LINE:" of the line of the extra tables that holds s.
	drill := len(mustRead(t))
	line := func(s string) string {
		i := drill + strings.Index(src[drill:], s)
		return "testdata/drill.toml:" + strconv.Itoa(strings.Count(src[:i], "\n")+1) + ":"
	}
	_, err := Parse("testdata/drill.toml", []byte(src), Options{})
	if err == nil {
		t.Fatal("the mistakes pass")
	}
	got := err.Error()
	if strings.Contains(got, "not a known key") {
		t.Errorf("a key read is called unknown:\n%s", got)
	}
	for _, w := range []string{
		line(`kind = "hodl"`), `"hodl"`, `did you mean "hold"?`,
		line(`units = ["e-inff"`), `"e-inff"`, `did you mean "e-inf"?`,
		`w-inf, a unit of west, not of east`,
		line(`hex = [8, 5]`), `hex" is given with place`,
		`is of kind line and has no line`,
		`is of kind reinforce and names no place or hex`,
		`is of kind plan, which the side's whole AI follows`,
		line(`line = [[5, 0]]`), `on lake, where no unit can stand`,
		line(`place = "citty"`), `"citty"`, `did you mean "city"?`,
		`key "tons_per_day" is missing`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("the errors lack %q:\n%s", w, got)
		}
	}
}
