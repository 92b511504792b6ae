package ui

import (
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
)

// barracksSortie is ghulja-1944 from the provincial side, the barracks'
// garrison selected: the last of its side in a place it holds, next to the
// insurgents in 15,11.
func barracksSortie(t *testing.T) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: "ghulja-1944", Side: "provincial", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	p.stories = nil
	p.Select("barracks-garrison")
	if p.sel.unit != "barracks-garrison" {
		t.Fatal("cannot select the barracks' garrison")
	}
	return p
}

// TestAttackHoldsPlace: the preview of an attack from a held place says the
// winner stays; the attack made so does not ask to leave the place, and the
// garrison is still in it afterwards.
func TestAttackHoldsPlace(t *testing.T) {
	p := barracksSortie(t)
	barracks, target := hex.FromOffset(15, 12), hex.FromOffset(15, 11)
	p.ClickHex(target)
	if p.sel.preview == nil {
		t.Fatalf("no preview: %s", strings.Join(p.Log(), "\n"))
	}
	if log := strings.Join(p.Log(), "\n"); !strings.Contains(log, "stays to hold") {
		t.Errorf("the preview does not say the garrison stays:\n%s", log)
	}
	p.ClickHex(target)
	rec := p.m.Record()
	last := rec.Commands[len(rec.Commands)-1]
	if !last.Advance || last.Leave {
		t.Errorf("the attack asks advance %v, leave %v; want advance, not leave", last.Advance, last.Leave)
	}
	if u := p.unit("barracks-garrison"); u.Hex != barracks {
		t.Errorf("the garrison left the barracks for %s", p.placeName(u.Hex))
	}
}

// TestAttackLeavesPlace: Space, while the preview is shown, lets the winner
// advance out of its place, and says so; Space again takes it back.
func TestAttackLeavesPlace(t *testing.T) {
	p := barracksSortie(t)
	target := hex.FromOffset(15, 11)
	p.ClickHex(target)
	press(t, p, KeyToggle)
	if !p.sel.leave || !strings.Contains(p.Log()[len(p.Log())-1], "advances out of") {
		t.Fatalf("Space did not offer the advance: leave %v, %q", p.sel.leave, p.Log()[len(p.Log())-1])
	}
	press(t, p, KeyToggle, KeyToggle)
	p.ClickHex(target)
	rec := p.m.Record()
	if last := rec.Commands[len(rec.Commands)-1]; !last.Advance || !last.Leave {
		t.Errorf("the attack asks advance %v, leave %v; want both", last.Advance, last.Leave)
	}
	// Without a preview, or with no place to leave, Space does nothing.
	press(t, p, KeyToggle)
	if p.sel.leave {
		t.Error("Space without a preview set leave")
	}
}
