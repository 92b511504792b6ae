package whatif

import (
	"testing"

	"ili/game/ai"
	"ili/game/match"
	"ili/game/scenario"
)

func setupFor(tb testing.TB, id string, a, b ai.Level) Setup {
	tb.Helper()
	sc, err := scenario.Load(id, scenario.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return Setup{Scenario: sc, Levels: map[string]ai.Level{sc.Setup.Sides[0].ID: a, sc.Setup.Sides[1].ID: b}}
}

// BenchmarkGameGhulja plays one whole normal-against-normal game.
func BenchmarkGameGhulja(b *testing.B) {
	set := setupFor(b, "ghulja-1944", ai.Normal, ai.Normal)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Play(set, uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGameManas(b *testing.B) {
	set := setupFor(b, "manas-1945", ai.Normal, ai.Normal)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Play(set, uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAITurnGhulja times one side's whole phase of decisions.
func BenchmarkAITurnGhulja(b *testing.B) { benchAITurn(b, "ghulja-1944") }

// BenchmarkAITurnManas times one phase in the largest scenario.
func BenchmarkAITurnManas(b *testing.B) { benchAITurn(b, "manas-1945") }

func benchAITurn(b *testing.B, id string) {
	set := setupFor(b, id, ai.Normal, ai.Normal)
	cfg := match.Config{Scenario: id, Seats: set.Seats()}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cfg.Seed = uint64(i)
		m, _, err := match.New(set.Scenario, cfg)
		if err != nil {
			b.Fatal(err)
		}
		side := m.ToMove()
		b.StartTimer()
		for m.ToMove() == side && !m.Over() {
			if _, _, err := m.Step(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
