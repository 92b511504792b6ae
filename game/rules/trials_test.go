package rules

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// naiveTrials is Trials as a plain loop of Resolve: what Trials must give,
// bit for bit.
func naiveTrials(in CombatInput, n int, seed uint64) Preview {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	p := Preview{Input: in, Trials: n}
	att := make([]int, n)
	def := make([]int, n)
	for i := 0; i < n; i++ {
		r := Resolve(in, rng)
		p.Odds[r.Outcome]++
		att[i] = r.Attacker.Men + r.Attacker.Captured
		def[i] = r.Defender.Men + r.Defender.Captured
		if i == 0 {
			p.Expected = r
			p.Factors = r.Factors
		}
	}
	for i := range p.Odds {
		p.Odds[i] /= float64(n)
	}
	p.AttLoss = percentiles(att)
	p.DefLoss = percentiles(def)
	return p
}

// TestTrialsThrowAsResolve: Trials throws the fight from dice worked out
// once, and gives exactly what as many calls of Resolve give, over fights
// of every kind (no defender, no attacker, surprise, air, old battles,
// battles going on, every posture and ground).
func TestTrialsThrowAsResolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	force := func() Force {
		f := Force{Men: rng.IntN(20000), Guns: rng.IntN(50), MGs: rng.IntN(200), Armour: rng.IntN(5), Aircraft: rng.IntN(3),
			Quality: 0.2 + 1.6*rng.Float64(), Morale: rng.Float64(), Supplied: rng.IntN(3) > 0}
		if rng.IntN(3) == 0 {
			f.Cavalry = rng.IntN(f.Men + 1)
		}
		if rng.IntN(15) == 0 {
			f = Force{}
		}
		return f
	}
	for k := 0; k < 2000; k++ {
		in := CombatInput{Attacker: force(), Defender: force(), Posture: Posture(rng.IntN(4)), Relief: Relief(rng.IntN(3)),
			Cover: rng.IntN(3), Urban: rng.IntN(4) == 0, Marsh: rng.IntN(6) == 0, Desert: rng.IntN(6) == 0, River: rng.IntN(4) == 0,
			Weather: WeatherKind(rng.IntN(5)), Season: Season(rng.IntN(4)), Surprise: rng.IntN(7) - 3, Air: rng.IntN(3) - 1,
			Hours: []int{1, 6, 12, 24, 72}[rng.IntN(5)], Elapsed: []int{0, 0, 6, 24, 96}[rng.IntN(5)]}
		if rng.IntN(10) == 0 {
			in.Year = 1800 + rng.IntN(150)
		}
		n := []int{1, 2, 12, 40, 100, 200}[k%6]
		seed := rng.Uint64()
		if got, want := Trials(in, n, seed), naiveTrials(in, n, seed); !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d (%d trials): Trials gives %+v, Resolve %+v", k, n, got, want)
		}
	}
}

func BenchmarkTrials40(b *testing.B) {
	in := baseFight()
	in.Posture, in.River, in.Surprise, in.Weather = Prepared, true, 1, Rain
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Trials(in, 40, uint64(i))
	}
}

// TestExp2IsExpTwice: exp2 gives the bits of two calls of exp.
func TestExp2IsExpTwice(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	vals := []float64{0, -0.0, 1e-300, -1e-300, 1, -1, 0.5, 699.9, -699.9, 700, -700, 700.1, -700.1, 1e6, -1e6}
	for i := 0; i < 200000; i++ {
		switch i % 4 {
		case 0:
			vals = append(vals, (rng.Float64()-0.5)*20)
		case 1:
			vals = append(vals, (rng.Float64()-0.5)*1e-6)
		case 2:
			vals = append(vals, (rng.Float64()-0.5)*1500)
		default:
			vals = append(vals, rng.NormFloat64())
		}
	}
	for i := 0; i+1 < len(vals); i++ {
		x, y := vals[i], vals[len(vals)-1-i]
		gx, gy := exp2(x, y)
		if math.Float64bits(gx) != math.Float64bits(exp(x)) || math.Float64bits(gy) != math.Float64bits(exp(y)) {
			t.Fatalf("exp2(%v, %v) = %v, %v; exp gives %v, %v", x, y, gx, gy, exp(x), exp(y))
		}
	}
}
