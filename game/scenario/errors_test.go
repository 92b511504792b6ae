package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// lineOf returns the 1-based line of the first occurrence of needle in src.
func lineOf(t *testing.T, src, needle string) int {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("fixture lacks %q", needle)
	}
	return strings.Count(src[:i], "\n") + 1
}

func TestErrorsNameLineColumnAndKey(t *testing.T) {
	base := string(mustRead(t))
	tests := []struct {
		name     string
		old, new string
		at       string // text at whose line the error stands ("" = the new text)
		want     string
	}{
		{"unknown key", "commander = \"A. Commander\"", "comander = \"A. Commander\"", "", `key "comander" is not a known key here`},
		{"wrong type", "men = 2400", `men = "many"`, "", `key "men" must be a whole number, not a string`},
		{"negative strength", "men = 800", "men = -800", "", `key "men" is -800; it must be from 0 to 300000`},
		{"absurd strength", "men = 300\nguns = 12", "men = 3000000\nguns = 12", "", `it must be from 0 to 300000`},
		{"unknown unit type", `type = "artillery"`, `type = "howitzer"`, "", `"howitzer", which the unit catalogue does not have`},
		{"dangling side", "side = \"east\"\ntype = \"militia\"", "side = \"south\"\ntype = \"militia\"", "", `names side "south", which no [[side]] defines`},
		{"dangling place", `place = "west-depot"`, `place = "nowhere"`, "", `names "nowhere", which no [[place]] defines`},
		{"dangling source", "source = \"drill\"\n\n[[unit]]\nid = \"w-cav\"", "source = \"drlil\"\n\n[[unit]]\nid = \"w-cav\"", "", `names source "drlil"`},
		{"impassable hex", "hex = [0, 4]", "hex = [3, 0]", "", "on glacier, where no unit can stand"},
		{"off the map", "hex = [9, 5]", "hex = [19, 5]", "", "off the 12x8 map"},
		{"dates out of order", "withdraw = 1945-09-02T18:00:00", "withdraw = 1945-09-02T18:00:00\narrive = 1945-09-03T06:00:00", "withdraw = ", "out of order"},
		{"date outside", "date = 1945-09-03T06:00:00", "date = 1946-09-03T06:00:00", "", "at or after the end of the scenario's last turn"},
		{"duplicate id", `id = "e-police"`, `id = "e-inf" # again`, "", `"e-inf" is used twice`},
		{"not adjacent", "[6,5, 7,5]", "[6,5, 9,5]", "", "not neighbours"},
		{"bad terrain char", `"..f..w...f..",`, `"..f..w..Xf..",`, "", `"X" is not in the legend`},
		{"syntax", `title = "Drill: a valley crossing"`, `title = "Drill: a valley crossing`, "", "not valid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("fixture lacks %q", tt.old)
			}
			src := strings.Replace(base, tt.old, tt.new, 1)
			_, err := Parse("drill.toml", []byte(src), Options{})
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			at := tt.at
			if at == "" {
				at = strings.SplitN(tt.new, "\n", 2)[0]
			}
			line := lineOf(t, src, at)
			for _, e := range errs {
				if strings.Contains(e.Msg, tt.want) {
					if e.Pos.Line != line || e.Pos.Col < 1 {
						t.Errorf("%q reported at %d:%d, want line %d", tt.want, e.Pos.Line, e.Pos.Col, line)
					}
					if !strings.HasPrefix(e.Error(), fmt.Sprintf("drill.toml:%d:%d: ", e.Pos.Line, e.Pos.Col)) {
						t.Errorf("message not in file:line:col form: %s", e.Error())
					}
					return
				}
			}
			t.Errorf("no error says %q; got:\n%v", tt.want, err)
		})
	}
}

func TestEveryErrorIsReported(t *testing.T) {
	src := string(mustRead(t))
	src = strings.Replace(src, "commander = \"A. Commander\"", "comander = \"A. Commander\"", 1)
	src = strings.Replace(src, "men = 800", "men = -800", 1)
	src = strings.Replace(src, `type = "artillery"`, `type = "howitzer"`, 1)
	_, err := Parse("drill.toml", []byte(src), Options{})
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("want three errors, got:\n%v", err)
	}
	for i := 1; i < len(errs); i++ {
		if errs[i].Pos.Line < errs[i-1].Pos.Line {
			t.Errorf("errors not in file order: %v", err)
		}
	}
}

func TestCharacterColumns(t *testing.T) {
	src := strings.Replace(string(mustRead(t)), `name = "Cavalry"`, `name = "Конница"
mén = 5`, 1)
	_, err := Parse("drill.toml", []byte(src), Options{})
	if err == nil || !strings.Contains(err.Error(), "is not valid TOML") && !strings.Contains(err.Error(), `"mén"`) {
		t.Errorf("bare non-ASCII key: %v", err)
	}
}
