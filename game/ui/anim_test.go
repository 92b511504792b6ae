package ui

import (
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/rules"
)

// TestMoveAndFightAnimated: a move slides the counter hex by hex, a fight
// shows its result over the hex, the state is already final meanwhile, and
// the AI waits for the animation before its next command.
func TestMoveAndFightAnimated(t *testing.T) {
	p := nilkaAtTheGates(t) // at speed 0: nothing animated
	if len(p.anims) != 0 {
		t.Fatalf("animations at speed 0: %d", len(p.anims))
	}
	p.a.settings.Speed = 3
	from := p.unit("band-foot").Hex
	p.Select("band-foot")
	var to hex.Hex
	for h := range p.sel.reach {
		if hex.Distance(h, from) >= 2 {
			to = h
			break
		}
	}
	p.ClickHex(to)
	if p.unit("band-foot").Hex != to {
		t.Fatal("the move was not made at once")
	}
	if len(p.anims) != 1 || p.anims[0].unit != "band-foot" || p.anims[0].path[0] != from {
		t.Fatalf("no slide queued: %+v", p.anims)
	}
	if !p.sliding()["band-foot"] {
		t.Error("the sliding counter is also drawn at its end hex")
	}
	frames := p.anims[0].frames
	if want := slideFrames[3] * (len(p.anims[0].path) - 1); frames != want {
		t.Errorf("slide of %d frames, want %d", frames, want)
	}
	for i := 0; i < frames; i++ {
		p.Update(Input{Held: map[Key]bool{}})
	}
	if len(p.anims) != 0 || p.sliding() != nil {
		t.Errorf("the slide did not end after %d frames: %+v", frames, p.anims)
	}
	// The attack: its result is shown over the town.
	nilka := hex.FromOffset(11, 7)
	p.Select("band-mounted")
	p.ClickHex(nilka)
	p.ClickHex(nilka)
	var fight *anim
	for i := range p.anims {
		if p.anims[i].fight != nil {
			fight = &p.anims[i]
		}
	}
	if fight == nil {
		t.Fatalf("no fight shown: %+v\n%s", p.anims, strings.Join(p.Log(), "\n"))
	}
	if len(fight.lines) != 3 || !strings.Contains(fight.lines[0], "Nilka") || !strings.Contains(fight.lines[1], "lose") {
		t.Errorf("the result card reads %q", fight.lines)
	}
	// The AI waits while something is shown.
	p.anims = nil
	p.a.settings.Speed = 4
	p.Apply(rules.EndPhase("insurgents"))
	p.stories = nil
	n := p.m.Commands()
	p.anims = []anim{{fight: fight.fight, frames: 50, left: 50}}
	for i := 0; i < 40; i++ {
		p.Update(Input{Held: map[Key]bool{}})
	}
	if p.m.Commands() != n {
		t.Errorf("the AI gave %d commands while a fight was on screen", p.m.Commands()-n)
	}
	for i := 0; i < 200 && p.m.Commands() == n; i++ {
		p.Update(Input{Held: map[Key]bool{}})
	}
	if p.m.Commands() == n {
		t.Error("the AI did not go on after the animation")
	}
}

// TestLogKeepsFog: the person's log tells nothing of the AI's moves out
// of sight, while the AI's log-worthy events all happened.
func TestLogKeepsFog(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "manas-1945", Side: "ina", Seed: 3, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.stories = nil
	p.Apply(rules.EndPhase("ina")) // the AI plays its whole turn at once
	log := strings.Join(p.Log(), "\n")
	v := p.m.View("ina")
	hidden := 0
	for _, u := range p.m.View("roc").Units { // roc's view holds all its own units
		if u.Side == "roc" && u.Status == rules.Active && !v.Seen(u.Hex) {
			hidden++
			if strings.Contains(log, u.Name+" marches") {
				t.Errorf("the log shows a move of %s, out of sight:\n%s", u.ID, log)
			}
		}
	}
	if hidden == 0 {
		t.Fatal("no enemy unit out of sight: the test shows nothing")
	}
}

// TestHoverLine: the line under the map names the ground, the rivers, the
// place with its points and holder, the units seen there and the march.
func TestHoverLine(t *testing.T) {
	p := nilkaAtTheGates(t)
	v := p.m.View("insurgents")
	town := p.describeHex(hex.FromOffset(11, 7), v)
	for _, want := range []string{"town", "Nilka (Gongha): 10 VP, held by Provincial garrison", ", a town", "source: soldiers1989", "men)"} {
		if !strings.Contains(town, want) {
			t.Errorf("the town's line lacks %q: %s", want, town)
		}
	}
	ford := p.describeHex(hex.FromOffset(11, 9), v)
	for _, want := range []string{"Kash River ford, held by ", ", a ford", "its exact place is our assumption"} {
		if !strings.Contains(ford, want) {
			t.Errorf("the ford's line lacks its kind or note (%q): %s", want, ford)
		}
	}
	p.Select("band-foot")
	var far hex.Hex
	for i := range v.Map.Terrain {
		h := v.Map.HexAt(i)
		if _, ok := p.sel.reach[h]; !ok && hex.Distance(h, p.unit("band-foot").Hex) > 8 {
			far = h
			break
		}
	}
	if line := p.describeHex(far, v); !strings.Contains(line, "out of reach") {
		t.Errorf("a far hex reads %s", line)
	}
	if strings.Contains(p.describeHex(hex.FromOffset(11, 7), v), "out of sight") {
		t.Error("the town next to the band is out of sight")
	}
	hidden := false
	for i := range v.Map.Terrain {
		if h := v.Map.HexAt(i); !v.Seen(h) {
			hidden = true
			if line := p.describeHex(h, v); !strings.Contains(line, "out of sight") {
				t.Errorf("a hex the insurgents cannot see reads %s", line)
			}
			break
		}
	}
	if !hidden {
		t.Error("the insurgents see the whole map: fog is not tested")
	}
}

// TestTurnBanner: a new turn is announced with its number, date and
// weather, and not at all when the AI's turns are shown at once.
func TestTurnBanner(t *testing.T) {
	slow := testApp()
	slow.settings.Speed = 3
	p, err := newPlay(slow, Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.anims) == 0 || p.anims[0].banner == nil {
		t.Fatalf("no banner for the first turn: %+v", p.anims)
	}
	if b := p.anims[0].banner; b[0] != "Turn 1 of 16" || !strings.Contains(b[1], "5 October 1944") {
		t.Errorf("the banner reads %q", b)
	}
	q, _ := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if len(q.anims) != 0 {
		t.Errorf("at speed 5 there is still something to watch: %+v", q.anims)
	}
}
