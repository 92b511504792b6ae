package scenario

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// parseDrill parses the drill with old replaced by new and returns its errors
// (failing if it loads, or fails otherwise than with Errors).
func parseDrill(t *testing.T, old, new string, opt Options) Errors {
	t.Helper()
	src := string(mustRead(t))
	if !strings.Contains(src, old) {
		t.Fatalf("the drill lacks %q", old)
	}
	_, err := Parse("drill.toml", []byte(strings.Replace(src, old, new, 1)), opt)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	return errs
}

// wantError fails unless errs holds one error that reads want in full.
func wantError(t *testing.T, errs Errors, want string) {
	t.Helper()
	for _, e := range errs {
		if e.Error() == want {
			return
		}
	}
	t.Errorf("no error reads\n\t%s\ngot:\n%v", want, errs)
}

// TestSetErrorsStandAtTheKey: an error in a value that --set gave names the
// --set and stands where the file has the key (or the table it is in).
func TestSetErrorsStandAtTheKey(t *testing.T) {
	tests := []struct{ set, want string }{
		{"turns=0", `drill.toml:9:1: --set turns=0: the scenario: key "turns" is 0; it must be from 1 to 1000`},
		{"turns=many", `drill.toml:9:1: --set turns=many: the scenario: key "turns" must be a whole number, not a string`},
		{"unit.w-cav.men=-5", `drill.toml:133:1: --set unit.w-cav.men=-5: unit "w-cav": key "men" is -5; it must be from 0 to 300000`},
		{"unit.w-art.horses=-1", `drill.toml:138:1: --set unit.w-art.horses=-1: unit "w-art": key "horses" is -1; it must be from 0 to 200000`},
		{"turnz=3", `drill.toml: --set turnz=3: the scenario: key "turnz" is not a known key here; did you mean "turns"?`},
		{"start=06:00:00", `drill.toml:8:1: --set start=06:00:00: the scenario: key "start" is a time of day with no date; give the date too, such as 1944-11-07T06:00:00`},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			wantError(t, parseDrill(t, "", "", Options{Set: []string{tt.set}}), tt.want)
		})
	}
}

// TestVariantSetErrorsStandInTheVariant: a value a variant sets is checked
// where the variant sets it.
func TestVariantSetErrorsStandInTheVariant(t *testing.T) {
	errs := parseDrill(t, "set = { turns = 6 }", "set = { turns = 0 }", Options{Variants: []string{"reinforced"}})
	wantError(t, errs, `drill.toml:271:9: the scenario: key "turns" is 0; it must be from 1 to 1000`)
}

func TestSetRefused(t *testing.T) {
	for _, tt := range []struct{ set, want string }{
		{"turns", `--set "turns": write it as key=value`},
		{"unit.w-cav.me\x01n=5", `--set "unit.w-cav.me\x01n=5": the key holds a control character`},
		{`unit.w-cav.strength={"\u0000origin"="unit[0]"}`, `key "\x00origin" holds a control character`},
		{"turns=" + strings.Repeat("[", 1000), `: this is nested more than 32 levels deep`},
		{"unit.nobody.men=5", `--set "unit.nobody.men=5": there is no unit "nobody" in this scenario`},
	} {
		_, err := Parse("drill.toml", mustRead(t), Options{Set: []string{tt.set}})
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") || len(err.Error()) > 300 {
			t.Errorf("--set %.40q: got %v, want one short line with %q", tt.set, err, tt.want)
		}
	}
}

// TestTopLevelErrorsStandSomewhere: errors about the file as a whole stand at
// its top, or at the table they are about.
func TestTopLevelErrorsStandSomewhere(t *testing.T) {
	wantError(t, parseDrill(t, "title = \"Drill: a valley crossing\"\n", "", Options{}),
		`drill.toml:1:1: the scenario: key "title" is missing`)
	errs := parseDrill(t, "[[side]]", "[[sides]]", Options{})
	wantError(t, errs, `drill.toml:71:1: the scenario needs at least two [[side]] tables`) // at the one left
	src := strings.ReplaceAll(string(mustRead(t)), "[[side]]", "[[sides]]")
	_, err := Parse("drill.toml", []byte(src), Options{})
	if !errors.As(err, &errs) {
		t.Fatal(err)
	}
	wantError(t, errs, `drill.toml:1:1: the scenario needs at least two [[side]] tables`)
	for _, e := range errs {
		if e.Pos.Line == 0 {
			t.Errorf("no line: %v", e)
		}
	}
}

// TestListOfTablesNamed: [[map.rows]] is a list of tables, and the error says
// so rather than "must be a list, not a list".
func TestListOfTablesNamed(t *testing.T) {
	src := string(mustRead(t))
	i, j := strings.Index(src, "rows = ["), strings.Index(src, "[[map.river]]")
	src = src[:i] + "[[map.rows]]\nrow = \"mmm\"\n\n" + src[j:]
	_, err := Parse("drill.toml", []byte(src), Options{})
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatal(err)
	}
	wantError(t, errs, `drill.toml:21:1: map: key "rows" must be a list of strings, one a row, not a list of tables`)
}

func TestTypeName(t *testing.T) {
	clock := func(s string) time.Time {
		var m map[string]any
		if _, err := toml.Decode("v = "+s, &m); err != nil {
			t.Fatal(err)
		}
		return m["v"].(time.Time)
	}
	for _, tt := range []struct {
		v    any
		want string
	}{
		{"x", "a string"}, {int64(1), "a whole number"}, {1.5, "a decimal number"}, {true, "true or false"},
		{[]any{}, "an empty list"}, {[]any{"a", "b"}, "a list of strings"}, {[]any{int64(1), "b"}, "a list of mixed values"},
		{[]any{[]any{}}, "a list of lists"}, {[]map[string]any{{}}, "a list of tables"}, {[]any{map[string]any{}}, "a list of tables"},
		{map[string]any{}, "a table"}, {clock("1944-11-07"), "a date"}, {clock("06:00:00"), "a time of day"},
	} {
		if got := typeName(tt.v); got != tt.want {
			t.Errorf("typeName(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestClock: start and every other date are local time in Xinjiang; a time
// of day alone, or a time with an offset from UTC, is refused, not read as
// year 0 or with the offset dropped.
func TestClock(t *testing.T) {
	const old = "start = 1945-09-01T06:00:00"
	for _, tt := range []struct{ start, want string }{
		{"06:00:00", `key "start" is a time of day with no date; give the date too, such as 1944-11-07T06:00:00`},
		{"1945-09-01T06:00:00+14:00", `key "start" is 1945-09-01T06:00:00+14:00, with an offset from UTC; the game's clock is local time in Xinjiang, so give the local time there with no offset, such as 1945-09-01T06:00:00`},
		{"1945-09-01T06:00:00Z", `key "start" is 1945-09-01T06:00:00Z, with an offset from UTC`},
		{"1945-09-01 06:00+06:00", `key "start" is 1945-09-01T06:00:00+06:00, with an offset from UTC`},
	} {
		errs := parseDrill(t, old, "start = "+tt.start, Options{})
		if len(errs) != 1 || errs[0].Pos != (Pos{8, 1}) || !strings.HasPrefix(errs[0].Msg, "the scenario: "+tt.want) {
			t.Errorf("start = %s: got\n%v\nwant at 8:1 %q", tt.start, errs, tt.want)
		}
	}
	src := strings.Replace(string(mustRead(t)), old, "start = 1945-09-01T06:00", 1)
	sc, err := Parse("drill.toml", []byte(src), Options{})
	if err != nil || !sc.Start.Equal(time.Date(1945, 9, 1, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("a time without seconds: %v, %v", sc, err)
	}
}

// TestControlCharacterKeys: a key holding a NUL or another control character
// is an error where it stands, and does not move the table's other errors
// (a key "\u0000origin" once posed as the decoder's own mark).
func TestControlCharacterKeys(t *testing.T) {
	errs := parseDrill(t, "men = 800\n", "men = -800\n\"\\u0000origin\" = \"unit[0]\"\n'tab\there' = 1\n", Options{})
	if len(errs) != 3 {
		t.Fatalf("want three errors, got:\n%v", errs)
	}
	wantError(t, errs, `drill.toml:133:1: unit "w-cav": key "men" is -800; it must be from 0 to 300000`)
	wantError(t, errs, `drill.toml:134:1: key "\x00origin" holds the control character U+0000; a key may hold only characters that can be seen or typed`)
	wantError(t, errs, `drill.toml:135:1: key "tab\there" holds the control character U+0009; a key may hold only characters that can be seen or typed`)
}
