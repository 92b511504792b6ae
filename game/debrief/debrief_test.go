package debrief

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	htmlstd "html"

	"golang.org/x/net/html"

	"ili/game/hex"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/save"
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
// scenario in the bibliography, the fights that took places, each named by
// a place rather than a hex, and no doubled punctuation in the words.
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
		checkPunctuation(t, id, page)
		took += tookPlaces(t, d)
		for _, f := range d.Fights {
			if strings.HasPrefix(f.At, "hex ") {
				t.Errorf("%s: a fight of turn %d at %s, which no map shows", id, f.Turn, f.At)
			}
		}
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

// stopped plays a seeded game of AIs until turn is under way and returns
// its record with the first side's seat given to a person: a lesson's game
// whose time ran out.
func stopped(t *testing.T, id string, seed uint64, turn int, variants ...string) (*scenario.Scenario, match.Record) {
	t.Helper()
	sc, err := scenario.Load(id, scenario.Options{Variants: variants})
	if err != nil {
		t.Fatal(err)
	}
	var seats []match.Seat
	for _, sd := range sc.Setup.Sides {
		seats = append(seats, match.Seat{Side: sd.ID, AI: "normal"})
	}
	m, _, err := match.New(sc, match.Config{Scenario: id, Seed: seed, Seats: seats, Variants: variants})
	if err != nil {
		t.Fatal(err)
	}
	for m.Turn() < turn && !m.Over() {
		if _, ok, err := m.Step(); err != nil || !ok {
			t.Fatalf("the game stops on turn %d: %v", m.Turn(), err)
		}
	}
	rec := m.Record()
	rec.Seats[0].AI = ""
	return sc, rec
}

// writePage builds and writes a debrief and returns its page's text.
func writePage(t *testing.T, d *Debrief) string {
	t.Helper()
	path, err := d.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkHTML(t, d.Scenario.ID, data)
	return htmlstd.UnescapeString(string(data))
}

// TestStripsRunToTheLastTurn: the strips draw turns 1 to the last, each
// cell the holders at the end of its turn, so the record's strip of
// Ghulja's police station ends in the insurgents' colour (it fell on 13
// November, the last day) and has a cell for every turn.
func TestStripsRunToTheLastTurn(t *testing.T) {
	sc, rec := played(t, "ghulja-1944", 2)
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	strips, legend := d.stripPages()
	var police *stripPage
	for i, s := range d.Strips {
		if s.Place == "police" {
			police = &strips[i]
		}
	}
	if police == nil {
		t.Fatal("no strip of the police station")
	}
	if len(police.Record) != sc.Turns {
		t.Errorf("the record's strip has %d cells for %d turns", len(police.Record), sc.Turns)
	}
	last := police.Record[len(police.Record)-1]
	c := d.sideColour("insurgents")
	if want := fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B); last.Side != "insurgents" || !strings.Contains(string(last.Style), want) {
		t.Errorf("the last cell of the police station's record is %q (%s), not the insurgents' %s", last.Side, last.Style, want)
	}
	if first := police.Record[0]; first.Side != "provincial" {
		t.Errorf("the police station's first cell is %q", first.Side)
	}
	// The sides stay apart without colour: one plain, the other hatched,
	// in the cells and in the legend.
	ins, prov := string(d.cellStyle("insurgents")), string(d.cellStyle("provincial"))
	if strings.Contains(ins, "gradient") == strings.Contains(prov, "gradient") {
		t.Errorf("the sides' cells differ only in colour: %s, %s", ins, prov)
	}
	for _, l := range legend[1:3] {
		if !strings.Contains(string(l.Style), "background-color") {
			t.Errorf("the legend's box for %s: %s", l.Name, l.Style)
		}
	}
}

// TestVerdict: the page states the scenario's test as match makes it (at
// least half of the places the record names), says how many places held
// as the record has them, and puts names for the ids of a reason.
func TestVerdict(t *testing.T) {
	sc, rec := played(t, "ghulja-1944", 2)
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	page := writePage(t, d)
	for _, want := range []string{"every key place (each place the record says who held at the end) ended held as the record has it",
		fmt.Sprintf("Of the %d places the record names", len(d.Result.Holds)), "Points at the end: "} {
		if !strings.Contains(page, want) {
			t.Errorf("the verdict lacks %q", want)
		}
	}
	if strings.Contains(page, "()") || strings.Contains(page, "no clear winner (") {
		t.Error("the verdict has an empty or misplaced reason")
	}
	aksu, err := scenario.Load("aksu-1946", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := reasonLine(aksu, "ina has no units left on the map", "roc"); !strings.Contains(got, aksu.SideName("ina")+" has no units") || strings.Contains(got, " ina ") {
		t.Errorf("the reason reads %q", got)
	}
	manas, err := scenario.Load("manas-1945", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := reasonLine(manas, "holds dihua", "ina"); got != "The game ended because the winner holds "+manas.PlaceName("dihua")+"." {
		t.Errorf("the reason reads %q", got)
	}
}

// TestStoppedGame: a game stopped before its end (a lesson whose time ran
// out) is said to be stopped on its turn, with no verdict on the winner
// and no test against history; its variants are named by their titles.
func TestStoppedGame(t *testing.T) {
	sc, rec := stopped(t, "ghulja-1944", 5, 3, "relief-early")
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Over || d.Result.Winner != "" || d.Result.Reason != "" {
		t.Fatalf("the stopped game: over %v, %+v", d.Over, d.Result)
	}
	page := writePage(t, d)
	for _, want := range []string{"This game was stopped on turn 3 of ", "before its end: there is no verdict on its winner", "Points when it stopped: ",
		"judges only a finished game", "the relief column comes at once", "not played"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{"no clear winner", "()", "went otherwise than history", "relief-early"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page says %q", bad)
		}
	}
}

// TestLessonInDebrief: the debrief of a lesson's game names the student
// and the lesson, without doubled punctuation after a title that asks,
// and sets each answer under its question.
func TestLessonInDebrief(t *testing.T) {
	sc, rec := played(t, "nilka-1944", 7)
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	d.Lesson = &save.Lesson{ID: "nilka", Title: "Why did Nilka fall?", Student: "Aygul Turdi", Answers: []save.Answer{
		{Question: "why", Asked: "Why did the town fall?", Text: "The garrison was cut off."},
		{Question: "which", Asked: "Which side held the bridge?", Text: ""}}}
	page := writePage(t, d)
	for _, want := range []string{"Aygul Turdi played this game in the lesson “Why did Nilka fall?”", "The student's answers",
		"<dt>Why did the town fall?</dt><dd>The garrison was cut off.</dd>", "<dt>Which side held the bridge?</dt><dd>(no answer)</dd>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, "?.") || strings.Contains(page, "?”.") {
		t.Error("the page has doubled punctuation after the lesson's title")
	}
}

// TestCitations: the bibliography is sorted by author whatever the case,
// its addresses are links, no entry doubles its punctuation, and the page
// links to the encyclopedia written beside it.
func TestCitations(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		cs := citations(sc)
		if len(cs) != len(sc.Sources) {
			t.Errorf("%s: %d citations of %d sources", id, len(cs), len(sc.Sources))
		}
		for i, c := range cs {
			if i > 0 && strings.ToLower(sc.Sources[cs[i-1].Key].Author) > strings.ToLower(sc.Sources[c.Key].Author) {
				t.Errorf("%s: %q comes after %q", id, sc.Sources[c.Key].Author, sc.Sources[cs[i-1].Key].Author)
			}
			for _, bad := range []string{"?.", "..", "!.", ". ."} {
				if strings.Contains(c.Text, bad) {
					t.Errorf("%s: %q", id, c.Text)
				}
			}
			if c.URL != sc.Sources[c.Key].URL || strings.Contains(c.Text, "http") {
				t.Errorf("%s: the address of %s is not apart: %+v", id, c.Key, c)
			}
		}
	}
	sc, rec := played(t, "ghulja-1944", 2)
	d, err := Build(sc, rec, "")
	if err != nil {
		t.Fatal(err)
	}
	page := writePage(t, d)
	for _, want := range []string{`<a href="https://en.wikipedia.org/wiki/Ili_Rebellion">https://en.wikipedia.org/wiki/Ili_Rebellion</a>`,
		`The encyclopedia, if it was written beside this page: <a href="encyclopedia.html">encyclopedia.html</a>.`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for in, want := range map[string]string{"Why did Nilka fall?": "Why did Nilka fall?", "Jacobs, J.": "Jacobs, J.", "Xinjiang": "Xinjiang.",
		"(memoir)": "(memoir).", `"Quoted?"`: `"Quoted?"`, "": ""} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMapsFitTheirNames: on every bundled map, the name of every place
// (drawn under its hex, 1.2 times the text's size tall) ends inside the
// picture, so that the places of the bottom row (manas-1945's Dihua,
// aksu-1946's road west) are not cut; the page's legend under the maps
// gives each side's colour and name, and the dimmed ground a side's view
// did not see.
func TestMapsFitTheirNames(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, rec := stopped(t, id, 1, 2)
		d, err := Build(sc, rec, "")
		if err != nil {
			t.Fatal(err)
		}
		v := d.Shots[0].Truth
		cam, total := mapLayout(v.Map)
		for _, p := range sc.Places {
			cx, cy := paint.Unit.Center(p.Hex)
			sx, sy := cam.ToScreen(cx, cy)
			if bottom := sy + max(max(3, cam.Scale/5)*1.25+3, cam.Scale*0.42) + 1.2*11; bottom > float64(total-2) {
				t.Errorf("%s: the name of %s ends at %.0f, below the picture (%d)", id, p.Name, bottom, total)
			}
			if sx < mapPad-1 || sx > MapWidth-mapPad+1 || sy < mapPad-1 {
				t.Errorf("%s: %s at %.0f,%.0f is in the margin", id, p.Name, sx, sy)
			}
		}
		data, err := d.mapPNG(v)
		if err != nil {
			t.Fatal(err)
		}
		if img, err := png.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dy() != total {
			t.Errorf("%s: the map is not a PNG %d high: %v", id, total, err)
		}
		legend := d.mapLegend()
		var names []string
		for _, l := range legend {
			names = append(names, l.Name)
		}
		for i, sd := range sc.Setup.Sides {
			c := d.sideColour(sd.ID)
			if i >= len(legend) || legend[i].Name != shortName(sd.Name) || !strings.Contains(string(legend[i].Style), fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)) {
				t.Errorf("%s: the maps' legend %v lacks %s", id, legend, sd.Name)
			}
		}
		dimmed := slices.ContainsFunc(d.Shots, func(s Shot) bool { return s.Seen.Fog && slices.Contains(s.Seen.Visible, false) })
		if dimmed != slices.Contains(names, "ground not seen (dimmed)") {
			t.Errorf("%s: the maps' legend %v, when the ground not seen is dimmed: %v", id, names, dimmed)
		}
		if !dimmed && d.Shots[0].Seen.Fog {
			// A view that did not see a hex: the legend says what dimmed means.
			seen := *d.Shots[0].Seen
			seen.Visible = slices.Clone(seen.Visible)
			seen.Visible[0] = false
			d.Shots[0].Seen = &seen
			if l := d.mapLegend(); l[len(l)-1].Name != "ground not seen (dimmed)" {
				t.Errorf("%s: the maps' legend %v, when the ground not seen is dimmed", id, l)
			}
		}
		if page := writePage(t, d); !strings.Contains(page, "On the maps: ") {
			t.Errorf("%s: no legend under the maps", id)
		}
	}
}

// TestFightsNamedByPlaces: a fight is named by its place, or by how far it
// is from the nearest ("2 hexes from Power station"), never by a hex's
// coordinates, which the maps do not show.
func TestFightsNamedByPlaces(t *testing.T) {
	sc, err := scenario.Load("ghulja-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var power rules.Place
	for _, p := range sc.Places {
		if p.ID == "power" {
			power = p
		}
	}
	if got := nearPlace(sc, power.Hex); got != power.Name {
		t.Errorf("at the power station: %q", got)
	}
	checked := 0
	for far, want := range map[int]string{1: "next to " + power.Name, 2: "2 hexes from " + power.Name} {
		for _, h := range hex.Ring(power.Hex, far) {
			if !slices.Equal(nearest(sc, h), []string{power.ID}) {
				continue // another place is as near
			}
			if got := nearPlace(sc, h); got != want {
				t.Errorf("%d from the power station: %q", far, got)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no hex near the power station is nearer it than any other place")
	}
}

// nearest are the places nearest h.
func nearest(sc *scenario.Scenario, h hex.Hex) []string {
	best, out := -1, []string(nil)
	for _, p := range sc.Places {
		switch d := hex.Distance(p.Hex, h); {
		case best < 0 || d < best:
			best, out = d, []string{p.ID}
		case d == best:
			out = append(out, p.ID)
		}
	}
	return out
}

// TestDoubled: the check finds doubled punctuation in the words, not in
// the style sheet or an ellipsis.
func TestDoubled(t *testing.T) {
	if d := doubled([]byte("<style>a .b { x: 1.5em; }</style><p>Why? Because... it fell.</p>")); len(d) > 0 {
		t.Errorf("a good page: %q", d)
	}
	for _, bad := range []string{"<p>Why did it fall?.</p>", "<p>In 1945..</p>", "<p><b>Title</b> .</p>"} {
		if len(doubled([]byte(bad))) == 0 {
			t.Errorf("%s passes", bad)
		}
	}
}

// TestTurnTicks: the charts' turn axes are marked in whole turns.
func TestTurnTicks(t *testing.T) {
	var labels []string
	for _, tk := range (turnTicks{}).Ticks(0, 25.4) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
		if tk.Value != float64(int(tk.Value)) {
			t.Errorf("a tick at %v", tk.Value)
		}
	}
	if strings.Join(labels, " ") != "0 5 10 15 20 25" {
		t.Errorf("the labels: %v", labels)
	}
	if n := len((turnTicks{}).Ticks(1, 6)); n != 6 {
		t.Errorf("%d ticks for turns 1 to 6", n)
	}
}

// checkPunctuation fails on doubled punctuation in a page's words.
func checkPunctuation(t *testing.T, id string, page []byte) {
	t.Helper()
	for _, d := range doubled(page) {
		t.Errorf("%s: doubled punctuation: %q", id, d)
	}
}

// doubled finds doubled punctuation in a page's words (not in its style
// sheet): "fall?." or "1945..", but not an ellipsis.
func doubled(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	style := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.EndTagToken:
			tok := z.Token()
			style = tok.Data == "style" && tok.Type == html.StartTagToken
		case html.TextToken:
			if style {
				continue
			}
			text := strings.ReplaceAll(htmlstd.UnescapeString(string(z.Text())), "...", "…")
			for _, bad := range []string{"?.", "!.", "..", ",.", ";.", ":.", " ."} {
				if i := strings.Index(text, bad); i >= 0 {
					out = append(out, text[max(0, i-40):min(len(text), i+10)])
				}
			}
		}
	}
}
