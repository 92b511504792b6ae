package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/history"
	"ili/game/paint"
	"ili/game/rules"
)

// nilkaStandingBy is nilka-1944 with the insurgents, played by a person who
// ends every phase without an order, at the start of turn: the provincial
// AI has moved, the record's bands have marched on Nilka and taken it, and
// the game's have not.
func nilkaStandingBy(t *testing.T, turn int) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	for p.m.Turn() < turn && !p.m.Over() {
		p.stories, p.anims = nil, nil
		if err := p.Apply(rules.EndPhase("insurgents")); err != nil {
			t.Fatal(err)
		}
	}
	p.stories, p.anims = nil, nil
	if p.m.Turn() != turn || p.m.ToMove() != "insurgents" {
		t.Fatalf("turn %d, %s to move; want turn %d, insurgents", p.m.Turn(), p.m.ToMove(), turn)
	}
	return p
}

// TestGhostKey: H shows and hides the ghost of history, kept in the
// settings; with it shown, the bar gives the points of the places held
// otherwise than the record has them at the start of the turn, and none
// before the record and the game part.
func TestGhostKey(t *testing.T) {
	p := nilkaStandingBy(t, 7)
	key := func(k Key) { p.Update(Input{Pressed: []Key{k}, Held: map[Key]bool{}}) }
	if p.a.settings.Ghost || p.ghostText(p.currentView()) != "" {
		t.Fatalf("the ghost is on before H: %v, %q", p.a.settings.Ghost, p.ghostText(p.currentView()))
	}
	key(KeyGhost)
	if !p.a.settings.Ghost {
		t.Fatal("H did not show the ghost")
	}
	v := p.currentView()
	if nilka := p.sc.Places[0]; nilka.ID != "nilka" || v.Places[0].Owner != "provincial" || p.course.At(v.Turn - 1).Holders["nilka"] != "insurgents" {
		t.Fatalf("the game was to keep Nilka provincial and the record to give it to the insurgents: %s, %+v", nilka.ID, p.course.At(v.Turn-1).Holders)
	}
	want, _ := p.course.Divergence(v.Turn, holders(v))
	if want < 10 {
		t.Errorf("Nilka (10 VP) held otherwise, yet %d VP off the record", want)
	}
	if got := p.ghostText(v); got != fmt.Sprintf("off the record %d VP", want) {
		t.Errorf("the bar says %q; want the %d VP off the record", got, want)
	}
	key(KeyGhost)
	if p.a.settings.Ghost || p.ghostText(p.currentView()) != "" {
		t.Error("a second H did not hide the ghost")
	}
	early := nilkaStandingBy(t, 1)
	early.a.settings.Ghost = true
	if got := early.ghostText(early.currentView()); got != "as the record has it" {
		t.Errorf("at the opening the bar says %q", got)
	}
}

// TestGhostKept: the ghost's setting is saved like the others, and read back.
func TestGhostKept(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p := nilkaStandingBy(t, 1)
	p.a.persist = true
	p.Update(Input{Pressed: []Key{KeyGhost}, Held: map[Key]bool{}})
	if back := LoadSettings(1); !back.Ghost {
		t.Errorf("the ghost is not kept: %+v", back)
	}
}

// TestGhostFrame renders play with the ghost of history shown, at the
// start of turn 7 of nilka-1944 with the insurgents standing by, and
// compares it with testdata/ghost.png: dashed outlines where the record's
// bodies stood, a ring on Nilka, held otherwise, and the figure on the bar.
func TestGhostFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	p := nilkaStandingBy(t, 7)
	p.a.settings.Ghost = true
	const scale = 40
	cx, cy := paint.Unit.Center(hex.FromOffset(12, 9)) // between Nilka and the camp
	p.cam = paint.Camera{X: cx - 490/scale, Y: cy - 400/scale, Scale: scale}
	p.fitted = true
	data, err := renderScene(p, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/ghost.png")
}

// nilkaEnded is the result screen of nilka-1944 played to its end by the
// AI on both sides.
func nilkaEnded(t *testing.T) (*End, *Play) {
	t.Helper()
	ais := map[string]ai.Level{"insurgents": ai.Normal, "provincial": ai.Greedy}
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Seed: 2, AI: ais})
	if err != nil {
		t.Fatal(err)
	}
	if !p.m.Over() {
		t.Fatal("the game did not end")
	}
	return newEnd(p.a, p.m), p
}

// TestEndStrips: the result screen sets each scored place's holders in the
// game beside the record's, the places worth most first; they agree with
// the match's own judging of the record's checkpoints and with who holds
// each place at the end, and the drift is the points of the places whose
// two strips part.
func TestEndStrips(t *testing.T) {
	e, p := nilkaEnded(t)
	bs, r := e.beside, p.m.Result()
	var ids []string
	strip := map[string]history.Strip{}
	for _, s := range bs.strips {
		ids = append(ids, s.Place)
		strip[s.Place] = s
		if len(s.Record) != p.sc.Turns+1 || len(s.Game) != r.Turns+1 {
			t.Errorf("%s: %d cells of the record, %d of the game; want %d and %d", s.Place, len(s.Record), len(s.Game), p.sc.Turns+1, r.Turns+1)
		}
	}
	if want := []string{"nilka", "camp", "ghulja-road"}; !reflect.DeepEqual(ids, want) || bs.total != 19 {
		t.Fatalf("strips for %v worth %d in all; want %v, 19", ids, bs.total, want)
	}
	checked := 0
	for _, c := range r.Course {
		s, ok := strip[c.Place]
		if !ok || c.End || c.Turn-1 >= len(s.Game) {
			continue
		}
		if s.Game[c.Turn-1] != c.Game || s.Record[c.Turn-1] != c.History {
			t.Errorf("%s at the start of turn %d: the strips give %q in the game, %q by the record; the match %q and %q",
				c.Place, c.Turn, s.Game[c.Turn-1], s.Record[c.Turn-1], c.Game, c.History)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no checkpoint of the record to check the strips by")
	}
	for _, pl := range p.m.View("insurgents").Places {
		if s, ok := strip[pl.ID]; ok && s.Game[len(s.Game)-1] != pl.Owner {
			t.Errorf("%s ends with %q in the strip, %q in the game", pl.ID, s.Game[len(s.Game)-1], pl.Owner)
		}
	}
	for k, vp := range bs.drift {
		want := 0
		for _, s := range bs.strips {
			if s.Game[k] != s.Record[k] {
				want += s.VP
			}
		}
		if vp != want {
			t.Errorf("after turn %d: %d VP off the record, the strips part by %d", k, vp, want)
		}
	}
	all := strings.Join(e.lines, "\n")
	for _, want := range []string{"TURN BY TURN", "Nilka (Gongha) (10 VP): in your game", "by the record Provincial garrison from the start, Nilka insurgents from turn 5", "Off the record, in VP"} {
		if !strings.Contains(all, want) {
			t.Errorf("the result lacks %q:\n%s", want, all)
		}
	}
}

// TestEndFrame renders the result screen of the game TestEndStrips reads,
// at 1280x800, and compares it with testdata/end-strips.png: the text
// columns whole, the strips and the drift under the game's column.
func TestEndFrame(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	e, _ := nilkaEnded(t)
	data, err := renderScene(e, 1280, 800)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, data, "testdata/end-strips.png")
}

// TestGhostFog: under fog of war the ghost of history draws another side's
// body only on a hex the viewer sees, its own side's always. nilka-1944
// taken up from the record on 9 October puts the provincial trucks where
// the record has them, out of the insurgents' sight: the ghost must not
// show them. Without fog it draws every body of the record.
func TestGhostFog(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal, From: "1944-10-09"})
	if err != nil {
		t.Fatal(err)
	}
	v := p.currentView()
	if !v.Fog || v.Side != "insurgents" {
		t.Fatalf("the insurgents' view with fog of war is wanted: %s, fog %v", v.Side, v.Fog)
	}
	drawn := map[string]hex.Hex{}
	for _, g := range p.ghostBodies(v) {
		drawn[g.Unit] = g.Hex
	}
	side := map[string]string{}
	for _, u := range p.sc.Units {
		side[u.ID] = u.Side
	}
	hidden, own := 0, 0
	for id, at := range p.course.At(v.Turn - 1).Bodies {
		_, shown := drawn[id]
		switch {
		case side[id] == v.Side:
			own++
			if !shown || drawn[id] != at {
				t.Errorf("own body %s at %v: drawn %v (at %v)", id, at, shown, drawn[id])
			}
		case !v.Seen(at):
			hidden++
			if shown {
				t.Errorf("%s's body %s is drawn at %v, a hex the insurgents do not see", side[id], id, at)
			}
			// Taken up from the record, the hidden unit stands where the
			// record has it: the ghost would give it away.
			for _, u := range p.m.View(side[id]).Units {
				if u.ID == id && u.Hex != at {
					t.Errorf("%s stands at %v, the record has it at %v", id, u.Hex, at)
				}
			}
		default:
			if !shown {
				t.Errorf("%s's body %s on a hex the insurgents see, %v, is not drawn", side[id], id, at)
			}
		}
	}
	if hidden == 0 || own == 0 {
		t.Fatalf("%d enemy bodies out of sight, %d own: the test needs both", hidden, own)
	}

	// The same view without fog of war draws every body.
	open := *v
	setup := *v.Setup
	setup.Fog = false
	open.Setup = &setup
	if got, want := len(p.ghostBodies(&open)), len(p.course.At(v.Turn-1).Bodies); got != want {
		t.Errorf("without fog the ghost draws %d bodies of the record's %d", got, want)
	}
}
