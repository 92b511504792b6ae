package match_test

import (
	"fmt"
	"testing"

	"ili/game/history"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestTakeCommand: a game taken up from the record on any dated turn of a
// bundled scenario begins on that turn with the record's holders and its
// main bodies where the record has them then, the bodies that had left gone;
// it plays on under the normal rules, and its record replays it (same seed,
// same game).
func TestTakeCommand(t *testing.T) {
	for _, id := range scenario.Bundled() {
		base := load(t, id)
		course := history.New(base)
		played := false
		for _, turn := range course.Dated() {
			if turn < 2 {
				continue
			}
			from := base.Setup.TurnTime(turn).Format("2006-01-02T15:04")
			sc, err := scenario.Load(id, scenario.Options{From: from})
			if err != nil {
				t.Fatalf("%s from %s: %v", id, from, err)
			}
			m := aiGame(t, sc, 7)
			if got := m.Turn(); got != turn {
				t.Errorf("%s from %s begins on turn %d, not %d", id, from, got, turn)
			}
			checkSituation(t, fmt.Sprintf("%s from %s", id, from), m, course.At(turn-1).Situation)
			if !played {
				played = true
				playAndReplay(t, m)
			}
		}
		if !played {
			t.Errorf("%s: the record has no dated turn after the first to take command on", id)
		}
	}
}

// checkSituation compares the state a game begins with to the record's.
func checkSituation(t *testing.T, what string, m *match.Match, want scenario.Situation) {
	t.Helper()
	seen := map[string]bool{}
	for _, sd := range m.Scenario().Setup.Sides {
		v := m.View(sd.ID)
		for _, p := range v.Places {
			if p.Owner != want.Holders[p.ID] {
				t.Errorf("%s: %s is held by %q, by the record %q", what, p.ID, p.Owner, want.Holders[p.ID])
			}
		}
		for _, u := range v.Units {
			if u.Side != sd.ID {
				continue
			}
			seen[u.ID] = true
			if want.Left[u.ID] {
				t.Errorf("%s: %s is in the game, though the record took it off the map", what, u.ID)
			}
			h, ok := want.Bodies[u.ID]
			if ok && (u.Hex != h || u.Status != rules.Active) {
				t.Errorf("%s: %s is %v at %v, by the record active at %v", what, u.ID, u.Status, u.Hex, h)
			}
			if men, ok := want.Men[u.ID]; ok && u.Men != men {
				t.Errorf("%s: %s has %d men, by the record %d", what, u.ID, u.Men, men)
			}
		}
	}
	for id := range want.Bodies {
		if !seen[id] {
			t.Errorf("%s: the record's %s is not in the game", what, id)
		}
	}
}

// playAndReplay plays m out and replays its record.
func playAndReplay(t *testing.T, m *match.Match) {
	t.Helper()
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	if rec.From == "" {
		t.Fatal("the record does not say the game was taken up from the record")
	}
	again, err := match.Replay(rec)
	if err != nil {
		t.Fatalf("replaying a game taken up from the record: %v", err)
	}
	if again.Hash() != m.Hash() || !again.Over() {
		t.Errorf("the replay of %s from %s ends otherwise", rec.Scenario, rec.From)
	}
}

// TestReplayWatched: an observer of a replay sees the opening and every
// command's events, each turn begun once, in order, and the same game.
func TestReplayWatched(t *testing.T) {
	m := aiGame(t, load(t, "nilka-1944"), 5)
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	calls, turns := 0, []int{}
	again, err := match.ReplayWatched(m.Scenario(), rec, func(w *match.Match, evs []rules.Event) {
		calls++
		for _, e := range evs {
			if ts, ok := e.(rules.TurnStarted); ok {
				turns = append(turns, ts.Turn)
				if w.Turn() != ts.Turn {
					t.Errorf("turn %d began, and the match observed is on turn %d", ts.Turn, w.Turn())
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != len(rec.Commands)-len(rec.Refused)+1 || again.Hash() != m.Hash() {
		t.Errorf("%d calls for %d commands (%d refused)", calls, len(rec.Commands), len(rec.Refused))
	}
	for i, turn := range turns {
		if turn != i+1 {
			t.Fatalf("the turns began in the order %v", turns)
		}
	}
	if len(turns) != m.Turn() {
		t.Errorf("%d turns began, the game ended on turn %d", len(turns), m.Turn())
	}
}
