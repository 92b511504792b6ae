package whatif

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"ili/game/ai"
	"ili/game/scenario"
)

// strength plays a against b in every bundled scenario from both seats,
// games in all, and returns a's share of wins.
func strength(t *testing.T, a, b ai.Level, games int) (float64, string) {
	t.Helper()
	ids := scenario.Bundled()
	per := games / (2 * len(ids))
	wins, played := 0, 0
	var rows []string
	for _, id := range ids {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s0, s1 := sc.Setup.Sides[0].ID, sc.Setup.Sides[1].ID
		for seat, levels := range []map[string]ai.Level{{s0: a, s1: b}, {s0: b, s1: a}} {
			me := []string{s0, s1}[seat]
			bt, err := Run(Setup{Scenario: sc, Levels: levels}, Options{Runs: per, Seed: 1000})
			if err != nil {
				t.Fatal(err)
			}
			w := 0
			for _, r := range bt.Results {
				if r.Winner == me {
					w++
				}
			}
			wins += w
			played += per
			rows = append(rows, fmt.Sprintf("  %-12s %-10s %2d/%d", id, me, w, per))
		}
	}
	return float64(wins) / float64(played), strings.Join(rows, "\n")
}

func TestAIStrengthScratch(t *testing.T) {
	if os.Getenv("ILI_STRENGTH") == "" {
		t.Skip("set ILI_STRENGTH=1")
	}
	for _, m := range [][2]ai.Level{{ai.Normal, ai.Random}, {ai.Normal, ai.Greedy}, {ai.Hard, ai.Easy}} {
		share, rows := strength(t, m[0], m[1], 80)
		t.Logf("%v vs %v: %.2f\n%s", m[0], m[1], share, rows)
	}
}
