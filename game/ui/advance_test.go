package ui

import (
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
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
	if log := strings.Join(p.Log(), "\n"); !strings.Contains(log, "to hold Central police station") {
		t.Errorf("the preview does not say the garrison stays:\n%s", log)
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
// advance out of its place, and says so; Space again takes it back.
func TestAttackLeavesPlace(t *testing.T) {
	p := policeSortie(t)
	target := hex.FromOffset(13, 16)
	p.ClickHex(target)
	press(t, p, KeyToggle)
	if !p.sel.leave || !strings.Contains(p.Log()[len(p.Log())-1], "out of Central police station and leave it empty") {
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
