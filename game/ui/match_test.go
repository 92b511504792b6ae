package ui

import (
	"maps"
	"path/filepath"
	"testing"

	"ili/game/ai"
	"ili/game/scenario"
	"ili/game/whatif"
)

// TestWindowGameIsTheSimsGame: the window's game of a seed with the AI on
// every side, played at once or shown step by step, is the game the batch
// plays with that seed: the same state hash at the start of every turn.
func TestWindowGameIsTheSimsGame(t *testing.T) {
	levels := map[string]ai.Level{"insurgents": ai.Hard, "provincial": ai.Easy}
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{3, 17} {
		sim, err := whatif.Match(whatif.Setup{Scenario: sc, Levels: levels}, seed)
		if err != nil {
			t.Fatal(err)
		}
		want := sim.Record().Hashes
		// At once (speed 5): the window plays the game out as it opens.
		p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Seed: seed, AI: levels})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.m.Record().Hashes; !p.m.Over() || !maps.Equal(got, want) {
			t.Errorf("seed %d at once: %d turn hashes, the sim's %d; equal %v", seed, len(got), len(want), maps.Equal(got, want))
		}
		// Step by step, frame by frame, with the moves and fights shown.
		slow := testApp()
		slow.settings.Speed = 4
		q, err := newPlay(slow, Options{Scenario: "nilka-1944", Seed: seed, AI: levels})
		if err != nil {
			t.Fatal(err)
		}
		q.Resize(1000, 700)
		for i := 0; i < 100000 && !q.m.Over(); i++ {
			q.stories = nil
			q.Update(Input{Held: map[Key]bool{}})
		}
		if got := q.m.Record().Hashes; !maps.Equal(got, want) {
			t.Errorf("seed %d shown step by step: the game differs from the sim's", seed)
		}
	}
}

// TestKeptRunOpens: a run a batch kept opens in the window as it ended,
// and the game's result screen follows.
func TestKeptRunOpens(t *testing.T) {
	sc, err := scenario.Load("ghulja-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	set := whatif.Setup{Scenario: sc}
	b, err := whatif.Run(set, whatif.Options{Runs: 2, Seed: 40, Keep: dir})
	if err != nil {
		t.Fatal(err)
	}
	p, err := loadPlay(testApp(), whatif.KeptName(dir, "ghulja-1944", 41))
	if err != nil {
		t.Fatal(err)
	}
	r := p.m.Result()
	if !p.m.Over() || r.Winner != b.Results[1].Winner || r.Commands != b.Results[1].Commands {
		t.Errorf("the kept run opens as %+v; the batch had %+v", r, b.Results[1].Result)
	}
	p.Resize(1000, 700)
	p.stories = nil
	if _, ok := press(t, p, KeyEnter).(*End); !ok {
		t.Error("Enter on a finished kept run does not open its result")
	}
	if _, err := loadPlay(testApp(), filepath.Join(dir, "none.json")); err == nil {
		t.Error("a missing file opened")
	}
}
