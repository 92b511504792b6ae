package ui

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"ili/game/scenario"
)

// campaignScreen opens the campaign in a 1280x800 window.
func campaignScreen(t *testing.T) *Campaign {
	t.Helper()
	c, err := newCampaign(testApp(), Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	c.Resize(1280, 800)
	return c
}

// click gives a scene a click at (x, y) and returns the scene it leads to.
func click(t *testing.T, sc scene, x, y float64) scene {
	t.Helper()
	next, err := sc.Update(Input{Held: map[Key]bool{}, MouseX: int(x), MouseY: int(y), Click: true})
	if err != nil {
		t.Fatal(err)
	}
	if next == nil {
		return sc
	}
	return next
}

// TestTitleOpensTheCampaign: the title's second item opens the campaign,
// and Esc there goes back to the title.
func TestTitleOpensTheCampaign(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	title := newTitle(testApp(), Options{Seed: 1})
	if title.menu.items[titleCampaign] != "The campaign, 1944-1949" {
		t.Errorf("the title's second item is %q", title.menu.items[titleCampaign])
	}
	c, ok := press(t, title, KeyDown, KeyEnter).(*Campaign)
	if !ok {
		t.Fatal("the campaign item does not open the campaign")
	}
	if _, ok := press(t, c, KeyEscape).(*Title); !ok {
		t.Error("Esc from the campaign does not go back to the title")
	}
}

// TestCampaignStopsInDateOrder: every bundled scenario is a stop on the
// timeline, once, the stops numbered 1-4 in the order of their dates and
// marked left to right; the arrows walk the timeline in date order.
func TestCampaignStopsInDateOrder(t *testing.T) {
	c := campaignScreen(t)
	l := c.layout()
	var ids []string
	var starts []time.Time
	var xs []float64
	for i, it := range c.items {
		if !it.IsStop() {
			continue
		}
		ids = append(ids, it.Scenario)
		sc, err := scenario.Load(it.Scenario, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		starts = append(starts, sc.Start)
		xs = append(xs, l.tl[i][0])
		if c.stopNo[i] != len(ids) {
			t.Errorf("%s is numbered %d, the %d. stop", it.Scenario, c.stopNo[i], len(ids))
		}
	}
	got := slices.Clone(ids)
	slices.Sort(got)
	if !slices.Equal(got, scenario.Bundled()) {
		t.Errorf("the stops %v are not the bundled scenarios %v", ids, scenario.Bundled())
	}
	for k := 1; k < len(ids); k++ {
		if !starts[k-1].Before(starts[k]) || xs[k-1] >= xs[k] {
			t.Errorf("stop %s (%s, x %.0f) before %s (%s, x %.0f)", ids[k-1], starts[k-1], xs[k-1], ids[k], starts[k], xs[k])
		}
	}
	var seen []time.Time
	for range c.items {
		press(t, c, KeyRight)
		seen = append(seen, c.items[c.sel].From.Time)
	}
	if c.sel != len(c.items)-1 || !slices.IsSortedFunc(seen, time.Time.Compare) {
		t.Errorf("Right walks the timeline to item %d, not in date order", c.sel)
	}
}

// TestCampaignOpensEachStop: on each stop, Enter watches the record in
// history mode and Down, Enter sets a game of it up (whose Esc comes back
// here); a click on the actions does the same.
func TestCampaignOpensEachStop(t *testing.T) {
	c := campaignScreen(t)
	for i, it := range c.items {
		if !it.IsStop() {
			continue
		}
		c.choose(i)
		h, ok := press(t, c, KeyEnter).(*HistoryMode)
		if !ok || h.sc.ID != it.Scenario {
			t.Fatalf("Enter on stop %s opens %T", it.Scenario, h)
		}
		c.choose(i)
		s, ok := press(t, c, KeyDown, KeyEnter).(*Setup)
		if !ok || s.sc.ID != it.Scenario {
			t.Fatalf("Down, Enter on stop %s opens %T", it.Scenario, s)
		}
		if back := press(t, s, KeyEscape); back != scene(c) {
			t.Errorf("Esc from the set-up of %s goes to %T", it.Scenario, back)
		}
		c.choose(i)
		c.placeActions()
		rh := c.actions.rowHeight()
		if s, ok := click(t, c, c.actions.x+20, c.actions.y+rh*1.5).(*Setup); !ok || s.sc.ID != it.Scenario {
			t.Errorf("a click on Play for %s does not set its game up", it.Scenario)
		}
		c.choose(i)
		if h, ok := click(t, c, c.actions.x+20, c.actions.y+rh*0.5).(*HistoryMode); !ok || h.sc.ID != it.Scenario {
			t.Errorf("a click on Watch the record for %s does not open its history mode", it.Scenario)
		}
	}
	// An episode offers no actions: Enter stays.
	for i, it := range c.items {
		if !it.IsStop() {
			c.choose(i)
			if next := press(t, c, KeyEnter); next != scene(c) {
				t.Errorf("Enter on the episode %q opens %T", it.Title, next)
			}
			break
		}
	}
}

// TestCampaignHasTheIssuesEpisodes: every episode of the campaign (the
// campaign package's test holds it to the ones the issue names) has a
// marker on the timeline, within the band, at its date; choosing it tells
// its dates, text and sources in the panel.
func TestCampaignHasTheIssuesEpisodes(t *testing.T) {
	c := campaignScreen(t)
	l := c.layout()
	x0, x1, _ := c.track()
	_, h := c.size()
	for i, it := range c.items {
		if it.IsStop() {
			continue
		}
		p := l.tl[i]
		if p[0] < x0 || p[0] > x1 || p[1] < h-c.timelineHeight() || p[1] > h {
			t.Errorf("%q is marked at %v, off the timeline", c.items[i].Title, p)
		}
		if x := c.dateX(c.items[i].From.Time); math.Abs(x-p[0]) > 0.5 {
			t.Errorf("%q is marked at x %.0f, its date at %.0f", c.items[i].Title, p[0], x)
		}
		next := click(t, c, p[0], p[1])
		if next != scene(c) || c.sel != i {
			t.Fatalf("a click on the marker of %q chose item %d", c.items[i].Title, c.sel)
		}
		panel := c.panelText()
		src := c.c.Sources[c.items[i].Sources[0]]
		for _, part := range []string{c.items[i].Dates(), c.items[i].Title, src.Author} {
			if !strings.Contains(panel, latin(part)) {
				t.Errorf("the panel on %q lacks %q:\n%s", c.items[i].Title, part, panel)
			}
		}
	}
}

// panelText is the panel's text as one line.
func (s *Campaign) panelText() string {
	var parts []string
	for _, l := range s.panelLines(s.panelWidth()-24, false) {
		parts = append(parts, l.s)
	}
	return strings.Join(parts, " ")
}

// TestCampaignMap: the located items have marks in the map's part of the
// screen, and a click on one chooses it; places off the map (Aksu) are
// marked at its edge and said to be off it; every panel fits above the
// timeline (and the stops' actions) at 1280x800.
func TestCampaignMap(t *testing.T) {
	c := campaignScreen(t)
	l := c.layout()
	mw, mh := c.mapArea()
	marks := 0
	for i, it := range c.items {
		p := l.mark[i]
		if !it.Located {
			if !math.IsNaN(p[0]) {
				t.Errorf("%q has no place but a mark", it.Title)
			}
			continue
		}
		marks++
		if p[0] < 0 || p[0] > mw || p[1] < float64(c.a.barH) || p[1] > mh {
			t.Errorf("%q is marked at %v, outside the map's part of the screen", it.Title, p)
		}
		if next := click(t, c, p[0], p[1]); next != scene(c) || c.sel != i {
			t.Errorf("a click on the mark of %q chose %d", it.Title, c.sel)
		}
		if strings.Contains(it.Title, "Aksu") || it.Scenario == "aksu-1946" {
			if !l.off[i] || !strings.Contains(l.offDir[i], "south") || !strings.Contains(c.panelText(), "Off the map") {
				t.Errorf("%q is not marked off the map to the south: %v %q", it.Title, l.off[i], l.offDir[i])
			}
		}
	}
	if marks < 15 {
		t.Errorf("only %d marks on the map", marks)
	}
	for i := -1; i < len(c.items); i++ {
		c.choose(i)
		room := c.laidH - c.timelineHeight() - float64(c.a.barH) - 18
		if c.stop() != nil {
			c.placeActions()
			room = c.actions.y - 6 - float64(c.a.barH) - 10
		}
		lines, compact := c.panelFit(room)
		used := 0.0
		for _, ln := range lines {
			used += c.lineFace(ln.style, compact).Size * 1.45
		}
		if used > room {
			name := "the introduction"
			if i >= 0 {
				name = c.items[i].Title
			}
			t.Errorf("the panel on %s needs %.0f px, has %.0f", name, used, room)
		}
	}
}

// TestCampaignGoldenFrame renders the campaign with the Ghulja stop chosen
// and compares it with testdata/campaign.png; -update rewrites it.
func TestCampaignGoldenFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	c := campaignScreen(t)
	for i, it := range c.items {
		if it.Scenario == "ghulja-1944" {
			c.choose(i)
		}
	}
	data, err := renderScene(c, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/campaign.png")
}
