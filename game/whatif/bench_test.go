package whatif

import (
	"testing"

	"ili/game/ai"
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
	s, err := set.Scenario.NewState(1)
	if err != nil {
		b.Fatal(err)
	}
	s.Begin()
	side := s.ActiveSide()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := s.Clone()
		p := ai.New(side, ai.Normal, uint64(i))
		for n := 0; n < 10000; n++ {
			cmd := p.Next(c.For(side))
			if _, err := c.Apply(cmd); err != nil {
				b.Fatal(err)
			}
			if cmd.Kind == "end" {
				break
			}
		}
	}
}
