package debrief

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	htmlstd "html"

	"golang.org/x/net/html"

	"ili/game/match"
	"ili/game/scenario"
)

// played plays a seeded game of AIs to its end and returns its record
// with the first side's seat given to a person, as if one had played it.
func played(t *testing.T, id string, seed uint64) (*scenario.Scenario, match.Record) {
	t.Helper()
	sc, err := scenario.Load(id, scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var seats []match.Seat
	for _, sd := range sc.Setup.Sides {
		seats = append(seats, match.Seat{Side: sd.ID, AI: "normal"})
	}
	m, _, err := match.New(sc, match.Config{Scenario: id, Seed: seed, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	rec.Seats[0].AI = ""
	return sc, rec
}

// TestDebriefOfEveryScenario writes the debrief of a full seeded game of
// each bundled scenario: a page that parses with every element closed,
// every picture it shows written beside it as a PNG, the maps of the start
// and the end with what the person's side saw, every source of the
// scenario in the bibliography, and the fights that took places.
func TestDebriefOfEveryScenario(t *testing.T) {
	took := 0
	for _, id := range scenario.Bundled() {
		sc, rec := played(t, id, 3)
		d, err := Build(sc, rec, "")
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		dir := t.TempDir()
		path, err := d.Write(dir)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		page, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		imgs := checkHTML(t, id, page)
		for _, src := range imgs {
			data, err := os.ReadFile(filepath.Join(dir, src))
			if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
				t.Errorf("%s: the picture %s is missing or no PNG: %v", id, src, err)
			}
		}
		if n := len(d.Shots); n < 2 || d.Shots[0].Title != "The start" || d.Shots[n-1].Title != "The end" || d.Shots[0].Seen == nil {
			t.Errorf("%s: %d maps, the first %q", id, n, d.Shots[0].Title)
		}
		text := string(page)
		for _, l := range sc.History.Losses {
			if !strings.Contains(text, htmlstd.EscapeString(l.Counts)) {
				t.Errorf("%s: the record's figure %q is not on the page", id, l.Counts)
			}
		}
		for k := range sc.Sources {
			if !strings.Contains(text, "["+k+"]") {
				t.Errorf("%s: the source %s is not in the bibliography", id, k)
			}
		}
		if len(d.Turns) != d.Result.Turns+1 || d.Turns[0].Turn != 1 {
			t.Errorf("%s: %d moments for a game of %d turns", id, len(d.Turns), d.Result.Turns)
		}
		took += tookPlaces(t, d)
	}
	if took == 0 {
		t.Error("no fight of the four games took a place")
	}
}

// tookPlaces counts the places the fights took, each of which must be a
// change of hands of the game on the fight's turn.
func tookPlaces(t *testing.T, d *Debrief) int {
	n := 0
	for _, f := range d.Fights {
		for _, id := range f.Took {
			if !slices.ContainsFunc(d.Result.Captures, func(c match.Capture) bool { return c.Place == id && c.Turn == f.Turn }) {
				t.Errorf("a fight of turn %d took %s, which did not change hands then", f.Turn, id)
			}
			n++
		}
	}
	return n
}

// voids are the elements that have no end tag.
var voids = []string{"meta", "img", "br", "hr", "link", "input"}

// checkHTML parses a page and checks that every element is closed in
// order; it returns the pictures it shows.
func checkHTML(t *testing.T, id string, page []byte) []string {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	var open, imgs []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Errorf("%s: %v", id, z.Err())
			}
			if len(open) > 0 {
				t.Errorf("%s: elements left open: %v", id, open)
			}
			return imgs
		case html.StartTagToken:
			tok := z.Token()
			if tok.Data == "img" {
				imgs = append(imgs, attr(tok, "src"))
				if attr(tok, "alt") == "" {
					t.Errorf("%s: a picture without a description: %s", id, attr(tok, "src"))
				}
			}
			if !slices.Contains(voids, tok.Data) {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				t.Fatalf("%s: </%s> closes %v", id, tok.Data, open)
			}
			open = open[:len(open)-1]
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
