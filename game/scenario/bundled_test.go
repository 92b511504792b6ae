package scenario

import (
	"testing"

	"ili/game/hex"
	"ili/game/rules"
)

// TestBundledScenarios loads every bundled scenario and each of its variants,
// checks every place with coordinates against its hex and that every unit's
// source resolves, and plays each to the end with seeded random commands.
func TestBundledScenarios(t *testing.T) {
	ids := Bundled()
	if len(ids) == 0 {
		t.Fatal("no bundled scenarios")
	}
	for _, id := range ids {
		sc, err := Load(id, Options{})
		if err != nil {
			t.Fatalf("%s:\n%v", id, err)
		}
		if sc.ID != id {
			t.Errorf("%s.toml declares id %q", id, sc.ID)
		}
		for _, p := range sc.Places {
			if p.Lat == 0 && p.Lon == 0 {
				continue
			}
			if sc.Projection == nil {
				t.Errorf("%s: place %s has coordinates but the scenario no projection", id, p.ID)
				continue
			}
			if want := sc.Projection.Hex(p.Lat, p.Lon); hex.Distance(want, p.Hex) > 1 {
				t.Errorf("%s: %s at %s, its coordinates put it at %s", id, p.ID, rules.Label(p.Hex), rules.Label(want))
			}
		}
		for _, u := range sc.Units {
			if _, ok := sc.Sources[u.Source]; !ok {
				t.Errorf("%s: unit %s has no resolvable source", id, u.ID)
			}
		}
		variants := [][]string{nil}
		for _, v := range sc.Variants {
			variants = append(variants, []string{v.ID})
		}
		for _, v := range variants {
			vs, err := Load(id, Options{Variants: v})
			if err != nil {
				t.Fatalf("%s %v:\n%v", id, v, err)
			}
			a := playRandom(t, vs, 5)
			if b := playRandom(t, vs, 5); a != b {
				t.Errorf("%s %v: the same seed gave two games", id, v)
			}
		}
	}
}

func BenchmarkLoadBundled(b *testing.B) {
	for _, id := range Bundled() {
		b.Run(id, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Load(id, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLoadDrill(b *testing.B) {
	src := mustRead(b)
	for i := 0; i < b.N; i++ {
		if _, err := Parse("drill.toml", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCloneNilka(b *testing.B) {
	sc, err := Load("nilka-1944", Options{})
	if err != nil {
		b.Fatal(err)
	}
	s, _ := sc.NewState(1)
	s.Begin()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.Clone()
	}
}
