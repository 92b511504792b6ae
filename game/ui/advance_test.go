package ui

import (
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/rules"
)

// policeSortie is ghulja-1944 from the provincial side, the police
// selected: the last of their side in the central police station, which
// they hold, next to the old town's armed groups in 13,16.
func policeSortie(t *testing.T) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: "ghulja-1944", Side: "provincial", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	p.stories = nil
	p.Select("police-force")
	if p.sel.unit != "police-force" {
		t.Fatal("cannot select the police")
	}
	return p
}

// TestAttackHoldsPlace: the preview of an attack from a held place says the
// winner stays; the attack made so does not ask to leave the place, and the
// garrison is still in it afterwards.
func TestAttackHoldsPlace(t *testing.T) {
	p := policeSortie(t)
	station, target := hex.FromOffset(13, 17), hex.FromOffset(13, 16)
	p.ClickHex(target)
	if p.sel.preview == nil {
		t.Fatalf("no preview: %s", strings.Join(p.Log(), "\n"))
	}
	if rows := p.panelText(); !strings.Contains(rows, "stay to hold Central police station (Space: advance out of Central police station)") {
		t.Errorf("the preview does not say the garrison stays:\n%s", rows)
	}
	p.ClickHex(target)
	rec := p.m.Record()
	last := rec.Commands[len(rec.Commands)-1]
	if !last.Advance || last.Leave {
		t.Errorf("the attack asks advance %v, leave %v; want advance, not leave", last.Advance, last.Leave)
	}
	if u := p.unit("police-force"); u.Hex != station {
		t.Errorf("the police left their station for %s", p.placeName(u.Hex))
	}
}

// TestAttackLeavesPlace: Space, while the preview is shown, lets the winner
// advance out of its place, and the preview says so; Space again takes it
// back.
func TestAttackLeavesPlace(t *testing.T) {
	p := policeSortie(t)
	target := hex.FromOffset(13, 16)
	p.ClickHex(target)
	press(t, p, KeyToggle)
	if rows := p.panelText(); p.sel.advance != advanceLeave || !strings.Contains(rows, "leave Central police station empty (Space: stay)") {
		t.Fatalf("Space did not offer the advance: %d,\n%s", p.sel.advance, rows)
	}
	press(t, p, KeyToggle, KeyToggle)
	p.ClickHex(target)
	rec := p.m.Record()
	if last := rec.Commands[len(rec.Commands)-1]; !last.Advance || !last.Leave {
		t.Errorf("the attack asks advance %v, leave %v; want both", last.Advance, last.Leave)
	}
	// Without a preview, Space does nothing.
	press(t, p, KeyToggle)
	if p.sel.advance != advanceOn {
		t.Error("Space without a preview changed the advance")
	}
}

// TestAdvanceSaid: an attack from off the places says in its preview that
// its winner advances into the target, and Space keeps it where it is.
func TestAdvanceSaid(t *testing.T) {
	p := nilkaAtTheGates(t)
	target := hex.FromOffset(11, 7)
	p.ClickHex(target)
	if p.sel.preview == nil {
		t.Fatalf("no preview of the attack on %v: %s", target, strings.Join(p.Log(), "\n"))
	}
	rows := p.panelText()
	if !strings.Contains(rows, "If it wins, Nilka band, mounted, advances into Nilka (Gongha) (Space: stay)") {
		t.Fatalf("the preview does not say who advances:\n%s", rows)
	}
	press(t, p, KeyToggle)
	if rows := p.panelText(); !strings.Contains(rows, "every attacker stays where it is (Space: advance)") {
		t.Fatalf("Space did not keep the attackers:\n%s", rows)
	}
	p.ClickHex(target)
	rec := p.m.Record()
	if last := rec.Commands[len(rec.Commands)-1]; last.Kind != "attack" || last.Advance {
		t.Errorf("the attack %+v advances", last)
	}
}

// panelText is what the side panel shows, a line to a row.
func (p *Play) panelText() string {
	var b strings.Builder
	for _, r := range p.panelLayout(p.currentView()).rows {
		b.WriteString(r.text + "\n")
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// panelRows are the rows the panel shows, its inner width and its bottom.
func (p *Play) panelRows(v *rules.View) ([]panelRow, float64, float64) {
	l := p.panelLayout(v)
	return l.rows, l.inner, l.bottom
}

// logRows are the log's last entries' rows, under its head.
func (p *Play) logRows(inner float64) []panelRow {
	rows := []panelRow{head("Log")}
	for _, e := range p.logEntries(inner) {
		rows = append(rows, e...)
	}
	return rows
}
