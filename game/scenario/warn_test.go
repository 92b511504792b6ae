package scenario

import (
	"strings"
	"testing"
	"time"
)

// TestDateWithoutTimeWarns: a date without a time of day is taken as
// midnight, and the load says so in a warning at the key, without failing.
func TestDateWithoutTimeWarns(t *testing.T) {
	src := strings.Replace(string(mustRead(t)), "start = 1945-09-01T06:00:00", "start = 1945-09-01", 1)
	sc, err := Parse("drill.toml", []byte(src), Options{})
	if err != nil {
		t.Fatalf("a date without a time must load: %v", err)
	}
	if !sc.Start.Equal(time.Date(1945, 9, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("start is %v, want midnight", sc.Start)
	}
	want := `drill.toml:8:1: warning: the scenario: key "start" is 1945-09-01, a date without a time of day, so it is taken as midnight (1945-09-01T00:00:00); give the hour, such as 1945-09-01T06:00:00`
	if len(sc.Warnings) != 1 || sc.Warnings[0].Error() != want {
		t.Errorf("warnings:\n%v\nwant\n%s", sc.Warnings, want)
	}
}

// TestDateStringWithoutTimeWarns: a date given as a string warns too, and
// one a --set gives says so.
func TestDateStringWithoutTimeWarns(t *testing.T) {
	src := strings.Replace(string(mustRead(t)), "date = 1945-09-03T06:00:00", `date = "1945-09-03"`, 1)
	sc, err := Parse("drill.toml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Warnings) != 1 || !strings.Contains(sc.Warnings[0].Msg, `key "date" is 1945-09-03, a date without a time of day`) ||
		sc.Warnings[0].Pos.Line != lineOf(t, src, `date = "1945-09-03"`) {
		t.Errorf("warnings: %v", sc.Warnings)
	}
	sc, err = Parse("drill.toml", mustRead(t), Options{Set: []string{"start=1945-09-01"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Warnings) != 1 || !strings.HasPrefix(sc.Warnings[0].Error(), `drill.toml:8:1: warning: --set start=1945-09-01: the scenario: key "start"`) {
		t.Errorf("warnings of a --set: %v", sc.Warnings)
	}
}

// TestNoWarningsInBundled: the bundled scenarios give every date its hour.
func TestNoWarningsInBundled(t *testing.T) {
	for _, id := range Bundled() {
		sc, err := Load(id, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Warnings) > 0 {
			t.Errorf("%s warns:\n%v", id, sc.Warnings)
		}
	}
}
