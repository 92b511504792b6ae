package rules

import (
	"math/rand/v2"
	"testing"
)

// trials resolves in n times with one fixed seed (common random numbers, so
// that two inputs compared differ only by the factor under test) and returns
// the attacker's win share and the mean fractional losses.
func trials(in CombatInput, n int) (pWin, lossA, lossD float64) {
	rng := rand.New(rand.NewPCG(42, 7))
	for i := 0; i < n; i++ {
		r := Resolve(in, rng)
		if r.Outcome.AttackerWins() {
			pWin++
		}
		lossA += r.AttackerFraction
		lossD += r.DefenderFraction
	}
	return pWin / float64(n), lossA / float64(n), lossD / float64(n)
}

// lossGiven is the attacker's mean fractional loss over n fights whose
// winner is given, the same draws for every input.
func lossGiven(in CombatInput, n int, won bool) float64 {
	rng := rand.New(rand.NewPCG(42, 7))
	sum := 0.0
	for i := 0; i < n; i++ {
		a, _ := Default.LossesGiven(in, won, rng)
		sum += float64(a.Total()) / float64(in.Attacker.Men)
	}
	return sum / float64(n)
}

func baseFight() CombatInput {
	return CombatInput{
		Attacker: Force{Men: 10000, Guns: 40, MGs: 100, Quality: 1, Morale: 0.7, Supplied: true},
		Defender: Force{Men: 5000, Guns: 20, MGs: 50, Quality: 1, Morale: 0.7, Supplied: true},
		Hours:    24,
	}
}

// TestFactorDirections checks that every factor of the model pushes the way
// the record and common sense say: each changes the base fight in one way and
// must move the attacker's chance of winning (and, where named, the losses)
// in the expected direction.
func TestFactorDirections(t *testing.T) {
	const n = 20000
	basePWin := Default.PWin(baseFight()) // the odds are exact, so a win's direction is strict
	_, baseLA, baseLD := trials(baseFight(), n)
	tests := []struct {
		name   string
		change func(*CombatInput)
		// win: +1 the attacker must win more, -1 less, 0 no more than the
		// base (never helps the attacker).
		win     int
		lossesA int // +1 attacker loses a larger share, -1 smaller, 0 not checked
		lossesD int
	}{
		{"a fortified defence helps the defender", func(in *CombatInput) { in.Posture = Fortified }, -1, 0, -1},
		{"a prepared defence never helps the attacker", func(in *CombatInput) { in.Posture = Prepared }, 0, 0, -1},
		{"surprise helps the attacker", func(in *CombatInput) { in.Surprise = 2 }, +1, 0, 0},
		{"complete surprise helps more", func(in *CombatInput) { in.Surprise = 3 }, +1, -1, +1},
		{"the defender's surprise helps the defender", func(in *CombatInput) { in.Surprise = -2 }, -1, 0, 0},
		{"air superiority helps the attacker", func(in *CombatInput) { in.Air = 1 }, +1, -1, +1},
		{"the defender's air superiority helps it", func(in *CombatInput) { in.Air = -1 }, -1, +1, -1},
		{"mountains protect the defender", func(in *CombatInput) { in.Relief = Rugged }, -1, +1, -1},
		{"a river protects the defender", func(in *CombatInput) { in.River = true }, -1, +1, -1},
		{"a town protects the defender", func(in *CombatInput) { in.Urban = true }, -1, +1, -1},
		{"marsh protects the defender", func(in *CombatInput) { in.Marsh = true }, -1, +1, -1},
		{"woods protect the defender", func(in *CombatInput) { in.Cover = 2 }, -1, +1, -1},
		{"an attacker out of supply is weaker", func(in *CombatInput) { in.Attacker.Supplied = false }, -1, +1, -1},
		{"a defender out of supply is weaker", func(in *CombatInput) { in.Defender.Supplied = false }, +1, -1, +1},
		{"rain hinders the attacker", func(in *CombatInput) { in.Weather = Rain }, -1, 0, 0},
		{"snow hinders the attacker", func(in *CombatInput) { in.Weather = Snow }, -1, 0, 0},
		{"a blizzard hinders the attacker", func(in *CombatInput) { in.Weather = Blizzard }, -1, 0, 0},
		{"winter hinders the attacker", func(in *CombatInput) { in.Season = Winter }, -1, 0, 0},
		{"more men help the attacker", func(in *CombatInput) { in.Attacker.Men *= 2 }, +1, -1, +1},
		{"guns help the attacker", func(in *CombatInput) { in.Attacker.Guns += 150 }, +1, -1, +1},
		{"armour helps the attacker", func(in *CombatInput) { in.Attacker.Armour += 40 }, +1, -1, +1},
		{"aircraft help the attacker", func(in *CombatInput) { in.Attacker.Aircraft += 20 }, +1, -1, +1},
		{"a better attacker wins more", func(in *CombatInput) { in.Attacker.Quality = 1.4 }, +1, -1, +1},
		{"a keener attacker wins more", func(in *CombatInput) { in.Attacker.Morale = 1 }, +1, -1, +1},
		{"a shaken defender gives way sooner", func(in *CombatInput) { in.Defender.Morale = 0.2 }, +1, -1, +1},
		{"cavalry charges well on open steppe", func(in *CombatInput) { in.Attacker.Cavalry = 5000 }, +1, 0, 0},
	}
	for _, tt := range tests {
		in := baseFight()
		tt.change(&in)
		_, la, ld := trials(in, n)
		p := Default.PWin(in)
		switch {
		case tt.win > 0 && p <= basePWin, tt.win < 0 && p >= basePWin, tt.win == 0 && p > basePWin:
			t.Errorf("%s: attacker wins %.3f, base %.3f", tt.name, p, basePWin)
		}
		if (tt.lossesA > 0 && la <= baseLA) || (tt.lossesA < 0 && la >= baseLA) {
			t.Errorf("%s: attacker loses %.4f, base %.4f", tt.name, la, baseLA)
		}
		if (tt.lossesD > 0 && ld <= baseLD) || (tt.lossesD < 0 && ld >= baseLD) {
			t.Errorf("%s: defender loses %.4f, base %.4f", tt.name, ld, baseLD)
		}
	}
	// Cavalry is a liability in the mountains, where it fights dismounted.
	rough := baseFight()
	rough.Relief = Rugged
	pRough := Default.PWin(rough)
	rough.Attacker.Cavalry = 5000
	if p := Default.PWin(rough); p >= pRough {
		t.Errorf("cavalry in the mountains: attacker wins %.3f, without it %.3f", p, pRough)
	}
	// The record: attackers lose no more per day against fortified lines than
	// against a hasty defence, once the outcome is known (fortified lines are
	// held more often, and failed attacks cost more), and long fights cost
	// less per day than short ones.
	fort := baseFight()
	fort.Posture = Fortified
	for _, won := range []bool{true, false} {
		if la, base := lossGiven(fort, n, won), lossGiven(baseFight(), n, won); la > base {
			t.Errorf("attackers that won %v lose %.4f a day against fortifications, %.4f against a hasty defence", won, la, base)
		}
	}
	long := baseFight()
	long.Hours = 24 * 5
	if _, la, _ := trials(long, n); la/5 >= baseLA {
		t.Errorf("a five-day fight costs %.4f a day, a one-day fight %.4f", la/5, baseLA)
	}
}

// TestOutcomeFollowsLosses: the side that loses the smaller share usually
// wins the fights that are decided (the record's battles all were).
func TestOutcomeFollowsLosses(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	agree, n := 0, 0
	for i := 0; i < 20000; i++ {
		in := baseFight()
		in.Attacker.Men = 2000 + rng.IntN(20000)
		in.Posture = Posture(rng.IntN(3))
		r := Resolve(in, rng)
		if r.AttackerFraction == r.DefenderFraction || !r.Decided {
			continue
		}
		n++
		if r.Outcome.AttackerWins() == (r.AttackerFraction < r.DefenderFraction) {
			agree++
		}
	}
	if share := float64(agree) / float64(n); share < 0.65 || share > 0.9 {
		t.Errorf("the lower fractional loss wins %.2f of fights; the record says about 0.75", share)
	}
}

func TestResolveExplainsItself(t *testing.T) {
	in := baseFight()
	in.Posture, in.River, in.Surprise, in.Air, in.Weather = Fortified, true, 1, 1, Snow
	r := Resolve(in, rand.New(rand.NewPCG(1, 1)))
	want := map[string]bool{"posture fortified": false, "river": false, "surprise": false, "air superiority": false, "weather snow": false, "power ratio": false}
	for _, f := range r.Factors {
		if _, ok := want[f.Name]; ok {
			want[f.Name] = true
		}
		if f.Value <= 0 {
			t.Errorf("factor %s has value %v", f.Name, f.Value)
		}
	}
	for name, seen := range want {
		if !seen {
			t.Errorf("no factor %q in %v", name, r.Factors)
		}
	}
	if r.Attacker.Total() <= 0 || r.Defender.Total() <= 0 || r.Ratio <= 0 {
		t.Errorf("a fight with no losses or ratio: %+v", r)
	}
}

// TestResolveScalesWithDuration: the same function resolves an hour-long
// skirmish and a week-long battle; losses grow with the hours.
func TestResolveScalesWithDuration(t *testing.T) {
	short, long := baseFight(), baseFight()
	short.Hours, long.Hours = 4, 24*7
	_, la1, ld1 := trials(short, 5000)
	_, la2, ld2 := trials(long, 5000)
	if la2 <= la1 || ld2 <= ld1 {
		t.Errorf("a week costs %.3f/%.3f, four hours %.3f/%.3f", la2, ld2, la1, ld1)
	}
}

func BenchmarkResolve(b *testing.B) {
	in := baseFight()
	in.Posture, in.River, in.Surprise, in.Weather = Prepared, true, 1, Rain
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Resolve(in, rng)
	}
}

// TestBattleGoesOn: the same fight continued over a second day costs less
// than its first day, and two one-day turns together cost what one two-day
// fight costs.
func TestBattleGoesOn(t *testing.T) {
	day1, day2, both := baseFight(), baseFight(), baseFight()
	day2.Elapsed = 24
	both.Hours = 48
	_, la1, ld1 := trials(day1, 20000)
	_, la2, ld2 := trials(day2, 20000)
	_, laB, ldB := trials(both, 20000)
	if la2 >= la1 || ld2 >= ld1 {
		t.Errorf("the second day costs %.4f/%.4f, the first %.4f/%.4f", la2, ld2, la1, ld1)
	}
	if d := (la1 + la2) / laB; d < 0.95 || d > 1.05 {
		t.Errorf("two turns cost %.4f, one two-day fight %.4f", la1+la2, laB)
	}
	_ = ldB
}
