package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
)

// TestCampaignMarksClearOfNames: no battle's or episode's mark on the
// campaign's map covers a place's name where paint.Places writes it.
func TestCampaignMarksClearOfNames(t *testing.T) {
	c := campaignScreen(t)
	l := c.layout()
	mw, _ := c.mapArea()
	labels := paint.PlaceLabels(screen{}, c.view, c.cam, c.a.small.Size, mw)
	if len(labels) < 10 {
		t.Fatalf("only %d names on the campaign's map", len(labels))
	}
	for i, it := range c.items {
		p := l.mark[i]
		if math.IsNaN(p[0]) {
			continue
		}
		r := c.markRadius(it)
		for _, lb := range labels {
			nx := math.Max(lb.X, math.Min(p[0], lb.X+lb.W))
			ny := math.Max(lb.Y, math.Min(p[1], lb.Y+lb.H))
			if d := math.Hypot(nx-p[0], ny-p[1]); d < r {
				t.Errorf("the mark of %q (%.0f, %.0f, radius %.1f) covers %q by %.1f px", it.Title, p[0], p[1], r, lb.Text, r-d)
			}
		}
	}
}

// TestReachTinted: the hexes the selection tints are the selected unit's
// Reachable, each once, and none when nothing is selected.
func TestReachTinted(t *testing.T) {
	p := nilkaAtTheGates(t)
	p.Select("band-foot")
	want := p.m.Query(p.m.ToMove()).Reachable("band-foot")
	got := p.reachHexes()
	if len(want) < 3 || len(got) != len(want) {
		t.Fatalf("%d hexes tinted, the unit reaches %d", len(got), len(want))
	}
	seen := map[hex.Hex]bool{}
	for _, h := range got {
		if _, ok := want[h]; !ok || seen[h] {
			t.Errorf("%s is tinted: not in the reach, or twice", rules.Label(h))
		}
		seen[h] = true
	}
	p.Select("")
	if n := len(p.reachHexes()); n != 0 {
		t.Errorf("%d hexes tinted with nothing selected", n)
	}
}

// helpOpen is a game of scen at 1280x720, its stories read, with the help
// open.
func helpOpen(t *testing.T, scen string) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: scen, Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 720)
	p.stories = nil
	p = press(t, p, KeyHelp).(*Play)
	if !p.help {
		t.Fatal("F1 does not open the help")
	}
	return p
}

// TestHelpPages: the help has the keys, the rules in short, the legend and
// this battle's victory conditions, each page whole at 1280x720 for
// Nilka; Left and Right turn the pages, a click on a tab opens its page, a
// click elsewhere the next; the arrows do not pan the map under it; Esc
// closes it.
func TestHelpPages(t *testing.T) {
	p := helpOpen(t, "nilka-1944")
	pages := p.helpPages()
	var tabs []string
	for _, pg := range pages {
		tabs = append(tabs, pg.tab)
	}
	if got := strings.Join(tabs, ", "); got != "Keys, Rules, Legend, Victory" {
		t.Fatalf("the help's pages are %s", got)
	}
	rules := strings.Join(pages[helpRules].rows, "\n")
	for _, topic := range []string{"Turns and phases", "Moving", "Zones of control", "Attacking", "Supply", "Entrenching", "Victory points", "Fog of war"} {
		if !strings.Contains(rules, topic+"\t") {
			t.Errorf("the rules say nothing of %s", topic)
		}
	}
	if !strings.Contains(rules, "A turn is 12 hours; this battle has 16") {
		t.Error("the rules do not give this battle's turns")
	}
	victory := strings.Join(pages[helpVictory].rows, "\n")
	for _, want := range []string{
		"Turn limit\tThe game runs 16 turns of 12 hours, from 06:00 on 5 October 1944 to 06:00 on 13 October 1944",
		"Nilka (Gongha)\t10 points, held by Provincial garrison",
		"Insurgent camp\t5 points, held by Nilka insurgents",
		"Casualties\tEach 1,000 enemy men put out of action (killed, wounded, missing or captured): 2 points.",
		"Sudden death\tVictory at once for Provincial garrison on holding Nilka (Gongha) and Insurgent camp at the end of a turn, from turn 7 on.",
	} {
		if !strings.Contains(victory, want) {
			t.Errorf("the victory page lacks %q:\n%s", want, victory)
		}
	}
	cam := p.cam
	p = press(t, p, KeyRight).(*Play)
	p.Update(Input{Pressed: []Key{KeyRight}, Held: map[Key]bool{KeyRight: true}, MouseX: -1, MouseY: -1})
	if p.helpPage != helpLegend || p.cam != cam {
		t.Errorf("Right twice: page %d, the map moved %v", p.helpPage, p.cam != cam)
	}
	p = press(t, p, KeyLeft).(*Play)
	if p.helpPage != helpRules {
		t.Errorf("Left: page %d", p.helpPage)
	}
	tab := p.helpTabBoxes(pages)[helpVictory]
	p = click(t, p, tab.X+tab.W/2, tab.Y+tab.H/2).(*Play)
	if p.helpPage != helpVictory {
		t.Errorf("a click on the Victory tab: page %d", p.helpPage)
	}
	x, y, w, h := p.helpBox()
	p = click(t, p, x+w/2, y+h/2).(*Play)
	if p.helpPage != helpKeys || p.sel.unit != "" {
		t.Errorf("a click on the last page: page %d, %q selected", p.helpPage, p.sel.unit)
	}
	p = press(t, p, KeyEscape).(*Play)
	if p.help || p.menu != nil {
		t.Error("Esc does not close the help, or opens the menu")
	}
}

// TestHelpVictoryOverPages: Manas's fifteen objectives go on over two
// victory pages, each place once with its points; the rules in short fit
// one page at 1280x720 and at 150% of the interface on 1920x1080.
func TestHelpVictoryOverPages(t *testing.T) {
	p := helpOpen(t, "manas-1945")
	var victory []string
	rulePages := 0
	for _, pg := range p.helpPages() {
		switch pg.kind {
		case helpVictory:
			victory = append(victory, pg.rows...)
		case helpRules:
			rulePages++
		}
	}
	if rulePages != 1 {
		t.Errorf("the rules take %d pages at 1280x720", rulePages)
	}
	all := strings.Join(victory, "\n")
	for _, pl := range p.sc.Places {
		if pl.VP > 0 && strings.Count(all, fmt.Sprintf("%s\t%d points, held by ", latin(pl.Name), pl.VP)) != 1 {
			t.Errorf("%s (%d points) is not on the victory pages once", pl.Name, pl.VP)
		}
	}
	big := testApp()
	big.settings.Scale = 1.5
	big.fit()
	q, err := newPlay(big, Options{Scenario: "manas-1945", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	q.Resize(1920, 1080)
	for _, pg := range q.helpPages() {
		if pg.tab == "Rules 2" {
			t.Error("the rules take two pages at 150% on 1920x1080")
		}
	}
}

// TestBriefingObjectives: the briefing's column beside the text gives the
// turn limit and lists every place worth points with its points, the most
// first; at 800 pixels wide the text has the screen to itself.
func TestBriefingObjectives(t *testing.T) {
	next, err := newBriefing(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	b := next.(*Briefing)
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		b.Resize(size[0], size[1])
		col := b.column()
		x, width, _, _ := b.page()
		if col.W < 340 || x+width > col.X-20 || col.X+col.W > float64(size[0]) {
			t.Errorf("at %dx%d the text is %.0f+%.0f, the objectives' column %+v", size[0], size[1], x, width, col)
		}
	}
	var got []string
	for _, o := range objectivesOf(b.sc.Places) {
		got = append(got, fmt.Sprintf("%d %s %s", o.vp, o.name, o.holder))
	}
	if want := "10 Nilka (Gongha) provincial, 5 Insurgent camp insurgents, 4 Road to Ghulja provincial"; strings.Join(got, ", ") != want {
		t.Errorf("the briefing lists the objectives as %q, want %q", strings.Join(got, ", "), want)
	}
	if !strings.HasPrefix(turnLimit(b.sc), "The game runs 16 turns of 12 hours, from 06:00 on 5 October 1944") {
		t.Errorf("the turn limit reads %q", turnLimit(b.sc))
	}
	b.Resize(800, 600)
	if col := b.column(); col.W != 0 {
		t.Errorf("at 800x600 the objectives take %+v beside the text", col)
	}
}

// TestSetupSummary: the set-up shows the battle's summary under its map
// whatever line is chosen: the turns and dates, the places worth points,
// sudden death and the what-if variants chosen.
func TestSetupSummary(t *testing.T) {
	next, err := newSetup(testApp(), Options{Scenario: "nilka-1944", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := next.(*Setup)
	s.Resize(1280, 720)
	sum := strings.Join(s.summary(2000), " ")
	for _, want := range []string{
		"16 turns of 12 hours, from 06:00 on 5 October 1944 to 06:00 on 13 October 1944.",
		"3 places worth 19 points in all",
		"Sudden death: Victory at once for Provincial garrison on holding Nilka (Gongha) and Insurgent camp",
		"What-if variants: none chosen",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("the summary lacks %q: %s", want, sum)
		}
	}
	s.change(2, 1)
	if sum := strings.Join(s.summary(2000), " "); !strings.Contains(sum, "What-if variants chosen: "+s.sc.Variants[0].Title) {
		t.Errorf("the summary does not name the variant chosen: %s", sum)
	}
}

// TestHelpLegendGoldenFrame renders the help's legend over Nilka at
// 1280x720 and compares it with testdata/help-legend.png; -update
// rewrites it.
func TestHelpLegendGoldenFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	p := helpOpen(t, "nilka-1944")
	p.helpPage = helpLegend
	data, err := renderScene(p, 1280, 720)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/help-legend.png")
}

// TestBriefingGoldenFrame renders the insurgents' briefing for Nilka at
// 1280x720, the objectives' map and the victory conditions beside the
// text, and compares it with testdata/briefing.png; -update rewrites it.
func TestBriefingGoldenFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	b, err := newBriefing(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	data, err := renderScene(b, 1280, 720)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/briefing.png")
}

// TestHistoryNamesClearOfTimeline: with a place just above the timeline,
// history mode's names all stay on the map: under the bar, left of the
// panel, above the timeline.
func TestHistoryNamesClearOfTimeline(t *testing.T) {
	h := historyOf(t, "manas-1945")
	mw, mh := h.mapArea()
	var dihua rules.Place
	for _, pl := range h.view.Places {
		if pl.ID == "dihua" {
			dihua = pl
		}
	}
	// Dihua a few pixels above the timeline, in the middle of the map.
	h.cam.Scale = 30
	wx, wy := paint.Unit.Center(dihua.Hex)
	h.cam.X, h.cam.Y = wx-mw/2/h.cam.Scale, wy-(mh-8)/h.cam.Scale
	img, err := paint.NewImage(1280, 800, color.White)
	if err != nil {
		t.Fatal(err)
	}
	var l paint.Layout
	o := h.markOptions()
	o.Layout = &l
	var b paint.Batch
	paint.Marks(img, b.On(img), h.view, h.cam, h.a.palette(), o)
	if len(l.Labels) == 0 {
		t.Fatal("no names drawn")
	}
	for _, lb := range l.Labels {
		if lb.Y < float64(h.a.barH) || lb.Y+lb.H > mh || lb.X < 0 || lb.X+lb.W > mw {
			t.Errorf("%q at %+v leaves the map (%.0f wide, from %d down to %.0f)", lb.Text, lb.Box, mw, h.a.barH, mh)
		}
	}
}
