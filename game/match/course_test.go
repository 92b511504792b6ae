package match_test

import (
	"os"
	"strings"
	"testing"

	"ili/game/match"
	"ili/game/scenario"
)

// drillWithCourse is the drill with a record of who held the city and the
// bridge: at the start (the drill's own checkpoint), mid-game and at the end.
func drillWithCourse(t *testing.T) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "place = \"city\"\nheld_by = \"east\"\non = 1945-09-01T06:00:00\n") {
		t.Fatal("the drill no longer records the city held by east at the start")
	}
	text := strings.Replace(string(src), "[history.holds]", `[[history.checkpoint]]
place = "bridge"
held_by = "west"
on = 1945-09-03T06:00:00
source = "drill"

[[history.checkpoint]]
place = "city"
held_by = "west"
source = "drill"
note = "At the end."

[history.holds]`, 1)
	sc, err := scenario.Parse("drill.toml", []byte(text), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestCourseOfEvents: a finished game judges every checkpoint of the
// record: the one on the first day by the owners the game began with, the
// last by the owners it ended with, and its score is the share it matched.
func TestCourseOfEvents(t *testing.T) {
	sc := drillWithCourse(t)
	if len(sc.History.Course) != 3 || sc.History.Course[1].Turn != 5 || sc.History.Course[2].Turn != sc.Turns+1 {
		t.Fatalf("the course read as %+v", sc.History.Course)
	}
	for seed := uint64(1); seed <= 10; seed++ {
		m := aiGame(t, sc, seed)
		if err := m.PlayOut(); err != nil {
			t.Fatal(err)
		}
		r := m.Result()
		if len(r.Course) != 3 || r.Course[0].Game != "east" {
			t.Fatalf("seed %d: the course is %+v", seed, r.Course)
		}
		agree := 0
		for _, c := range r.Course {
			if c.Game == c.History {
				agree++
			}
		}
		if r.CourseScore != float64(agree)/3 {
			t.Errorf("seed %d: course score %.2f for %d of 3", seed, r.CourseScore, agree)
		}
		// The last checkpoint is judged after the last turn: by the city's
		// owner at the end of the game, which the record's holds read from
		// the state, not from the captures the course is built on.
		for _, h := range r.Holds {
			if h.Place == "city" && h.Game != r.Course[2].Game {
				t.Errorf("seed %d: the city ends held by %q, the course says %q", seed, h.Game, r.Course[2].Game)
			}
		}
	}
}

// TestAsHistory: a game went as history did only when the record's winner
// won, every key place (the record's holds and the checkpoints judged at
// the end) ended as the record has it and at least half of the dated
// checkpoints held; the parts are counted in the result.
func TestAsHistory(t *testing.T) {
	sc := drillWithCourse(t)
	key := map[string]bool{}
	for p := range sc.History.Holds {
		key[p] = true
	}
	dated := 0
	for _, c := range sc.History.Course {
		if c.Turn > sc.Turns {
			key[c.Place] = true
		} else {
			dated++
		}
	}
	for seed := uint64(1); seed <= 10; seed++ {
		m := aiGame(t, sc, seed)
		if err := m.PlayOut(); err != nil {
			t.Fatal(err)
		}
		r := m.Result()
		a := r.AsHistory
		if a.KeyPlaces != len(key) || a.Dated != dated {
			t.Fatalf("seed %d: %d key places of %d, %d dated checkpoints of %d", seed, a.KeyPlaces, len(key), a.Dated, dated)
		}
		held := 0
		for _, h := range r.Holds {
			if h.Game == h.History {
				held++
			}
		}
		for _, c := range r.Course {
			if _, named := sc.History.Holds[c.Place]; c.End && !named && c.Game == c.History {
				held++
			}
		}
		want := r.Winner == sc.History.Winner && held == len(key) && 2*a.Checkpoints >= dated
		if a.Places != held || r.Historical != want || r.Historical != a.Holds() {
			t.Errorf("seed %d: %+v, historical %v, want %d places and %v", seed, a, r.Historical, held, want)
		}
	}
	of := func(w bool, p, k, c, d int) match.AsHistory {
		return match.AsHistory{Winner: w, Places: p, KeyPlaces: k, Checkpoints: c, Dated: d}
	}
	if !of(true, 3, 3, 1, 2).Holds() || of(true, 2, 3, 2, 2).Holds() || of(false, 3, 3, 2, 2).Holds() || of(true, 3, 3, 0, 2).Holds() {
		t.Error("the test's parts are not all needed")
	}
}
