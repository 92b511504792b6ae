package campaign

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"ili/game/scenario"
	data "ili/scenarios/campaign"
)

func load(t *testing.T) *Campaign {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEveryScenarioIsAStop: the bundled campaign loads; every bundled
// scenario is a stop, once, spanning the days its scenario spans, and the
// stops come in date order.
func TestEveryScenarioIsAStop(t *testing.T) {
	c := load(t)
	var ids []string
	for i, st := range c.Stops {
		ids = append(ids, st.Scenario)
		sc, err := scenario.Load(st.Scenario, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if st.Title != sc.Title || !sameDay(st.From.Time, sc.Start) || !sameDay(st.To.Time, sc.End) {
			t.Errorf("stop %s: %q %s, its scenario %q %s to %s", st.Scenario, st.Title, st.Dates(), sc.Title, sc.Start, sc.End)
		}
		if i > 0 && !c.Stops[i-1].From.Time.Before(st.From.Time) {
			t.Errorf("stop %s comes after %s, which begins later", st.Scenario, c.Stops[i-1].Scenario)
		}
		if !st.IsStop() || st.Text == "" || len(st.Sources) == 0 {
			t.Errorf("stop %s has no text or source", st.Scenario)
		}
	}
	got, want := slices.Clone(ids), scenario.Bundled()
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the stops are %v; the bundled scenarios %v", ids, want)
	}
	if c.Map != "manas-1945" {
		t.Errorf("the campaign is drawn on the map of %q", c.Map)
	}
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// TestTimelineInOrder: the timeline runs from July 1944 to the crash of
// 1949 in date order, with 15 to 25 episodes, each resting on sources the
// file defines, none ending before it begins.
func TestTimelineInOrder(t *testing.T) {
	c := load(t)
	if n := len(c.Episodes); n < 15 || n > 25 {
		t.Errorf("%d episodes", n)
	}
	items := c.Timeline()
	if len(items) != len(c.Episodes)+len(c.Stops) {
		t.Fatalf("the timeline has %d items", len(items))
	}
	for i, it := range items {
		if i > 0 && it.From.Time.Before(items[i-1].From.Time) {
			t.Errorf("%q (%s) comes after %q (%s)", it.Title, it.Dates(), items[i-1].Title, items[i-1].Dates())
		}
		if it.Last().Time.Before(it.From.Time) {
			t.Errorf("%q ends before it begins: %s", it.Title, it.Dates())
		}
		for _, k := range it.Sources {
			if s, ok := c.Sources[k]; !ok || s.Author == "" || s.Title == "" {
				t.Errorf("%q rests on %q, which the file does not define", it.Title, k)
			}
		}
	}
	from, to := c.Span()
	if from != time.Date(1944, 7, 1, 0, 0, 0, 0, time.UTC) || to.Year() != 1949 || to.Month() < time.September {
		t.Errorf("the timeline runs from %s to %s", from, to)
	}
}

// IssueEpisodes are the episodes issue 14 asks for, by a month each falls
// in and a word of its title.
var IssueEpisodes = []struct {
	Year  int
	Month time.Month
	Word  string
}{
	{1944, time.July, "Altai"},
	{1945, time.January, "Airambek"},
	{1945, time.June, "Jinghe"},
	{1945, time.September, "Wusu"},
	{1945, time.September, "Jinghe"},
	{1945, time.September, "Aksu"},
	{1945, time.October, "Talks"},
	{1946, time.June, "annex"},
	{1946, time.July, "coalition"},
	{1947, time.August, "coalition collapses"},
	{1947, time.April, "Osman"},
	{1949, time.August, "crash"},
}

// Covers reports whether the item's dates take in the given month.
func covers(it Item, year int, month time.Month) bool {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return it.From.Time.Before(first.AddDate(0, 1, 0)) && it.Last().End().After(first)
}

// TestTheIssuesEpisodes: every episode the issue names is on the timeline.
func TestTheIssuesEpisodes(t *testing.T) {
	c := load(t)
	for _, want := range IssueEpisodes {
		if !slices.ContainsFunc(c.Episodes, func(it Item) bool {
			return covers(it, want.Year, want.Month) && strings.Contains(it.Title, want.Word)
		}) {
			t.Errorf("no episode of %s %d has %q in its title", want.Month, want.Year, want.Word)
		}
	}
}

func TestSpan(t *testing.T) {
	for _, c := range []struct {
		from, to Date
		want     string
	}{
		{Day(1944, 7, 3), Date{}, "3 July 1944"},
		{Day(1944, 7, 3), Day(1944, 7, 27), "3-27 July 1944"},
		{Day(1945, 4, 5), Day(1945, 6, 6), "5 April - 6 June 1945"},
		{Day(1944, 11, 14), Day(1945, 2, 1), "14 November 1944 - 1 February 1945"},
		{Date{Time: time.Date(1947, 2, 1, 0, 0, 0, 0, time.UTC), Month: true}, Date{Time: time.Date(1947, 4, 1, 0, 0, 0, 0, time.UTC), Month: true}, "February-April 1947"},
		{Date{Time: time.Date(1944, 8, 1, 0, 0, 0, 0, time.UTC), Month: true}, Day(1944, 9, 2), "August - 2 September 1944"},
	} {
		if got := Span(c.from, c.to); got != c.want {
			t.Errorf("Span(%v, %v) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

// TestBadFiles: a mistake in the file is one sentence with the file, the
// line and the column of what is wrong.
func TestBadFiles(t *testing.T) {
	base := string(data.Text)
	lineOf := func(s, needle string) int {
		i := strings.Index(s, needle)
		if i < 0 {
			t.Fatalf("the file lacks %q", needle)
		}
		return strings.Count(s[:i], "\n") + 1
	}
	cases := []struct {
		name     string
		old, new string
		at       string // the text at whose line the error stands; "" the new text, "^" the top
		want     string
	}{
		{"unknown source", `source = "F44b"`, `source = "F44z"`, "", `episode "Fukang burned": key "source" names "F44z", which no [[source]] defines`},
		{"unknown source in a list", `source = ["tx2", "kin"]`, `source = ["tx2", "kn"]`, "", `names "kn", which no [[source]] defines`},
		{"bad date", "from = 1945-06-28", `from = "28 June 1945"`, "", `episode "Fighting around Jinghe": key "from" must be a day such as 1944-07-03`},
		{"date out of order", "to = 1944-10-11", "to = 1944-10-01", "", `key "to" is 1 October 1944, which is not after from (8 October 1944)`},
		{"unknown stop", `scenario = "aksu-1946"`, `scenario = "aksu-1947"`, "", `names "aksu-1947", which is not a bundled scenario`},
		{"a scenario left out", "scenario = \"aksu-1946\"\n", "scenario = \"nilka-1944\"\n", "^", `the bundled scenario "aksu-1946" is not a stop`},
		{"misspelt key", "region = \"altai\"\nlat = 47.42", "regoin = \"altai\"\nlat = 47.42", "", `episode "Fighting in the Altai": key "regoin" is not a known key here`},
		{"unknown region", `region = "ili"`, `region = "illi"`, "", `names "illi", which no [[region]] defines`},
		{"half a place", "lat = 44.15\nlon = 87.98", "lat = 44.15", "[[episode]]\nfrom = 1944-10-08", "give both lat and lon"},
		{"no such river", `river = "Manas River"`, `river = "Manas"`, "", `"Manas", which is not a river of the map of manas-1945`},
		{"not TOML", `title = "Baitag Bogd"`, `title = "Baitag Bogd`, "", "this is not valid TOML"},
		{"latitude out of range", "lat = 47.86", "lat = 147.86", "", `key "lat" is 147.86; it must be from -90 to 90`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("the file lacks %q", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			_, err := Parse(data.File, []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			var errs scenario.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("%T: %v", err, err)
			}
			line := 1
			switch c.at {
			case "":
				line = lineOf(src, c.new)
			case "^":
			default:
				line = lineOf(src, c.at)
			}
			prefix := fmt.Sprintf("%s:%d:", data.File, line)
			found := false
			for _, e := range errs {
				if strings.Contains(e.Msg, "\n") || e.Pos.Col < 1 {
					t.Errorf("not one sentence at a column: %q", e.Error())
				}
				found = found || strings.HasPrefix(e.Error(), prefix) && strings.Contains(e.Error(), c.want)
			}
			if !found {
				t.Errorf("got\n  %v\nwant %s... %s", err, prefix, c.want)
			}
		})
	}
}
