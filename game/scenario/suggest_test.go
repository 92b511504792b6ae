package scenario

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"men", "mgs", "guns", "horses", "commander", "infantry", "cavalry", "fortified", "prepared"}
	for _, tt := range []struct{ word, want string }{
		{"msg", "mgs"},            // two letters swapped: one slip
		{"gun", "guns"},           // a letter missing
		{"comander", "commander"}, // a letter missing in a long word
		{"Infantry", "infantry"},  // letter case aside
		{"cavlary", "cavalry"},    // swapped, in the middle
		{"prepard", "prepared"},
		{"fortifed", "fortified"},
		{"xyz", ""},   // nothing close
		{"tanks", ""}, // two mistakes in a short word are too many
		{"", ""},      // nothing to go on
		{"mgs", ""},   // a known word suggests no other
		{"horsse", "horses"},
	} {
		if got := Suggest(tt.word, known); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := DidYouMean("msg", known); got != `; did you mean "mgs"?` {
		t.Errorf("DidYouMean = %q", got)
	}
	if got := DidYouMean("zzz", known); got != "" {
		t.Errorf("DidYouMean of nothing close = %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"mgs", "msg", 1}, {"kitten", "sitting", 3},
		{"ca", "abc", 3}, {"Ürümqi", "Urumqi", 2}, {"abcd", "badc", 2},
	} {
		if got := editDistance([]rune(tt.a), []rune(tt.b), nil); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMisspeltKeysAndValuesSuggested: an unknown key or an unknown
// enumerated value close to a known one gets "did you mean", in the error
// at the line and column of the key.
func TestMisspeltKeysAndValuesSuggested(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"key", "mgs = 40", "msg = 40", `drill.toml:120:1: unit "w-inf": key "msg" is not a known key here; did you mean "mgs"?`},
		{"top-level key", "turn_hours = 12", "turn_hour = 12", `drill.toml:10:1: the scenario: key "turn_hour" is not a known key here; did you mean "turn_hours"?`},
		{"unit type", "type = \"cavalry\"", "type = \"cavlary\"", `did you mean "cavalry"?`},
		{"posture", `posture = "fortified"`, `posture = "fortifed"`, `drill.toml:52:1: fort "Redoubt": key "posture" is "fortifed"; use prepared or fortified; did you mean "fortified"?`},
		{"weather", `kind = "rain"`, `kind = "rian"`, `key "kind" is "rian"; use one of`},
		{"road kind", `kind = "track"`, `kind = "trak"`, `did you mean "track"?`},
		{"side", "side = \"west\"\ntype = \"cavalry\"", "side = \"wset\"\ntype = \"cavalry\"", `drill.toml:130:1: unit "w-cav": key "side" names side "wset", which no [[side]] defines; did you mean "west"?`},
		{"place", `place = "west-depot"`, `place = "west-dept"`, `did you mean "west-depot"?`},
		{"surprise", `surprise = "minor"`, `surprise = "minr"`, `did you mean "minor"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parseDrill(t, tt.old, tt.new, Options{})
			for _, e := range errs {
				if strings.HasPrefix(tt.want, "drill.toml:") && e.Error() == tt.want ||
					!strings.HasPrefix(tt.want, "drill.toml:") && strings.Contains(e.Msg, tt.want) {
					return
				}
			}
			t.Errorf("no error reads %q; got:\n%v", tt.want, errs)
		})
	}
}

// TestMisspeltTerrainSuggested: a legend's terrain close to a known one.
func TestMisspeltTerrainSuggested(t *testing.T) {
	old, new := "[map]\n", "[map.legend]\n\"*\" = \"hils\"\n\n[map]\n"
	if strings.Contains(string(mustRead(t)), "[map.legend]") { // the file has a legend of its own
		old, new = "[map.legend]", "[map.legend]\n\"*\" = \"hils\" #"
	}
	for _, e := range parseDrill(t, old, new, Options{}) {
		if strings.Contains(e.Msg, `is "hils"; use one of`) && strings.HasSuffix(e.Msg, `; did you mean "hills"?`) {
			return
		}
	}
	t.Errorf("no suggestion for the terrain \"hils\": %v", parseDrill(t, old, new, Options{}))
}

// TestMisspeltVariantSuggested: a variant, or a unit a --set names, that is
// close to one the scenario has gets "did you mean".
func TestMisspeltVariantSuggested(t *testing.T) {
	_, err := Parse("drill.toml", mustRead(t), Options{Variants: []string{"reinforcd"}})
	if err == nil || !strings.Contains(err.Error(), `did you mean "reinforced"?`) {
		t.Errorf("unknown variant: %v", err)
	}
	_, err = Parse("drill.toml", mustRead(t), Options{Set: []string{"unit.w-cv.men=5"}})
	if err == nil || !strings.Contains(err.Error(), `did you mean "w-cav"?`) {
		t.Errorf("--set of an unknown unit: %v", err)
	}
}

// TestMapErrorsNameRoadsRiversAndForts: an error in a road, a river or a
// fort names it by its name where it has one, by its number where not.
func TestMapErrorsNameRoadsRiversAndForts(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"named road", "kind = \"track\"\npath = [[1,3], [1,2]", "name = \"Pass track\"\nkind = \"track\"\npath = [[1,3], [3,2]",
			`drill.toml:49:16: road "Pass track": step 3,2 is not next to the step before it`},
		{"unnamed road", "kind = \"track\"\npath = [[1,3], [1,2]", "kind = \"track\"\npath = [[1,3], [3,2]",
			`drill.toml:48:16: road 2: step 3,2 is not next to the step before it`},
		{"named road off the map", "kind = \"track\"\npath = [[1,3]", "name = \"Pass track\"\nkind = \"track\"\npath = [[1,30]",
			`drill.toml:49:9: road "Pass track": key "path" puts it at 1,30, off the 12x8 map`},
		{"river", "edges = [[2,4, 2,5]", "edges = [[2,4, 2,6]", `drill.toml:40:10: river "Brook": edge 2,4-2,6 joins hexes that are not neighbours`},
		{"fort", "hexes = [[8,5]]", "hexes = [[8,50]]", `drill.toml:53:10: fort "Redoubt": key "hexes" puts it at 8,50, off the 12x8 map`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, parseDrill(t, tt.old, tt.new, Options{}), tt.want)
		})
	}
}
