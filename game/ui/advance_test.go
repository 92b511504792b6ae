package ui

import (
	"slices"
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

// TestStackSelect: a click on the selected unit's hex selects the next
// unit of its stack, then the whole stack, which moves together; Shift-
// click selects it whole at once; the panel and the hover line say so.
func TestStackSelect(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "provincial", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 720)
	p.stories = nil
	nilka := hex.FromOffset(11, 7)
	ids := p.ownStack(nilka)
	if len(ids) < 2 {
		t.Fatalf("Nilka holds %v", ids)
	}
	if hover := p.describeHex(nilka, p.currentView()); !strings.Contains(hover, "Shift-click the whole stack") {
		t.Errorf("the hover line over the stack reads %q", hover)
	}
	p.ClickHex(nilka)
	if p.sel.unit != ids[0] || !strings.Contains(p.panelText(), "1 of 2 units here") {
		t.Fatalf("the first click selected %q:\n%s", p.sel.unit, p.panelText())
	}
	p.ClickHex(nilka)
	if p.sel.unit != ids[1] || len(p.sel.stack) > 1 {
		t.Fatalf("the second click selected %q, stack %v", p.sel.unit, p.sel.stack)
	}
	p.ClickHex(nilka)
	if len(p.sel.stack) != 2 || !strings.Contains(p.panelText(), "2 units moving together") {
		t.Fatalf("the third click selected the stack %v:\n%s", p.sel.stack, p.panelText())
	}
	p.ClickHex(nilka)
	if p.sel.unit != ids[0] || len(p.sel.stack) > 1 {
		t.Fatalf("a fourth click selected %q, stack %v", p.sel.unit, p.sel.stack)
	}
	p.shift = true
	p.ClickHex(nilka)
	p.shift = false
	if len(p.sel.stack) != 2 {
		t.Fatalf("Shift-click selected %v", p.sel.stack)
	}
	// Every unit of the stack can reach the hexes tinted; a click moves both.
	var to hex.Hex
	for h := range p.sel.reach {
		if h != nilka && hex.Distance(h, nilka) == 1 {
			to = h
			break
		}
	}
	if to == (hex.Hex{}) {
		t.Fatal("the stack can go nowhere next to Nilka")
	}
	p.ClickHex(to)
	for _, id := range ids {
		if u := p.unit(id); u.Hex != to {
			t.Errorf("%s is in %v, not %v", id, u.Hex, to)
		}
	}
}

// TestDigInKey: I digs the selected unit in, as the AI's units do.
func TestDigInKey(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "provincial", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1280, 720)
	p.stories = nil
	id := p.ownStack(hex.FromOffset(11, 7))[0]
	p.Select(id)
	press(t, p, KeyDig)
	rec := p.m.Record()
	if last := rec.Commands[len(rec.Commands)-1]; last.Kind != rules.CmdEntrench || last.Unit != id {
		t.Fatalf("I gave %+v", last)
	}
	if log := strings.Join(p.Log(), "\n"); !strings.Contains(log, "dig") {
		t.Errorf("the log does not say the unit digs in:\n%s", log)
	}
}

// TestSpeedSaid: [ and ] say in the log how fast the AI's turns are shown,
// a second press taking the place of the first line.
func TestSpeedSaid(t *testing.T) {
	p := openingNilka(t)
	p.a.settings.Speed = 4
	press(t, p, KeyFaster)
	p.a.settings.Speed = 5
	press(t, p, KeyFaster)
	log := p.Log()
	if got := log[len(log)-1]; got != "the AI's turns now play at once (5 of 5); [ to watch them" {
		t.Errorf("the log says %q", got)
	}
	if strings.HasPrefix(log[len(log)-2], "the AI's turns") {
		t.Errorf("two lines for two presses: %q", log[len(log)-2:])
	}
}

// TestCannotAttackSaysWhy: over an enemy that the units next to it cannot
// attack now, the hover line says why (disordered, attacked already),
// not to move a unit next to it.
func TestCannotAttackSaysWhy(t *testing.T) {
	p := policeSortie(t)
	target := hex.FromOffset(13, 16)
	for _, c := range []struct {
		set  func(u *rules.Unit)
		want string
	}{
		{func(u *rules.Unit) { u.Disordered = true }, "Ghulja police are disordered after a failed attack and may attack again in your next phase"},
		{func(u *rules.Unit) { u.Attacked = true }, "Ghulja police have attacked this phase; a unit attacks once a phase"},
		{func(u *rules.Unit) { u.Hex = hex.FromOffset(0, 0) }, "enemy: move a unit next to it to attack"},
	} {
		v := *p.currentView()
		v.Units = slices.Clone(v.Units)
		for i := range v.Units {
			if v.Units[i].Side == "provincial" && hex.Adjacent(v.Units[i].Hex, target) {
				c.set(&v.Units[i])
			}
		}
		if got := p.cannotAttack(target, "provincial", &v); !strings.Contains(got, c.want) {
			t.Errorf("the hover line says %q, want %q", got, c.want)
		}
	}
}
