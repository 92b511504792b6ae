package ui

import (
	"math"
	"testing"

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
