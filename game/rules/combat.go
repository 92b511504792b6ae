package rules

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// WeatherKind is the weather over a fight or a turn.
type WeatherKind uint8

// Weather kinds.
const (
	Clear WeatherKind = iota
	Rain
	Snow
	Blizzard
	Heat
)

var weatherNames = [...]string{"clear", "rain", "snow", "blizzard", "heat"}

func (w WeatherKind) String() string {
	if int(w) < len(weatherNames) {
		return weatherNames[w]
	}
	return "weather?"
}

// WeatherNames lists the weather kinds by name, in order.
func WeatherNames() []string { return weatherNames[:] }

// Season is the time of year, which sets the length of the day and the cold.
type Season uint8

// Seasons.
const (
	Summer Season = iota
	Autumn
	Winter
	Spring
)

var seasonNames = [...]string{"summer", "autumn", "winter", "spring"}

func (s Season) String() string { return seasonNames[s%4] }

// SeasonOf returns the northern-hemisphere season of a month (1..12).
func SeasonOf(month int) Season {
	switch month {
	case 12, 1, 2:
		return Winter
	case 3, 4, 5:
		return Spring
	case 6, 7, 8:
		return Summer
	}
	return Autumn
}

// Force is one side of a fight: what it brings and how good it is.
type Force struct {
	Men      int
	Guns     int     // artillery pieces and heavy mortars
	MGs      int     // machine guns
	Armour   int     // tanks and armoured cars
	Aircraft int     // aircraft supporting the fight
	Cavalry  int     // men fighting mounted
	Quality  float64 // 1 = average; 0.5 poor militia, 1.3 good regulars
	Morale   float64 // 0..1
	Supplied bool
}

// CombatInput is everything the combat model needs to resolve a fight.
type CombatInput struct {
	Attacker, Defender Force
	Posture            Posture
	Relief             Relief
	Cover              int // 0 bare, 1 mixed, 2 dense
	Urban              bool
	Marsh              bool
	Desert             bool
	River              bool // the attack crosses a river
	Weather            WeatherKind
	Season             Season
	// Surprise is the attacker's surprise: 0 none, 1 minor, 2 substantial, 3 complete.
	Surprise int
	// Air is +1 when the attacker has air superiority, -1 when the defender has it.
	Air   int
	Hours int
}

// Outcome is how a fight ended.
type Outcome uint8

// Outcomes, from the attacker's worst to best.
const (
	AttackFails Outcome = iota
	DefenderHolds
	DefenderRetreats
	DefenderRouts
	DefenderSurrenders
	NumOutcomes
)

var outcomeNames = [...]string{"attack fails", "defender holds", "defender retreats", "defender routs", "defender surrenders"}

func (o Outcome) String() string {
	if o < NumOutcomes {
		return outcomeNames[o]
	}
	return "outcome?"
}

// AttackerWins reports whether the outcome counts as a win for the attacker.
func (o Outcome) AttackerWins() bool { return o >= DefenderRetreats }

// Losses is what one side lost in a fight.
type Losses struct {
	Men      int // killed, wounded and missing
	Captured int // men taken prisoner
	Guns     int
	MGs      int
	Armour   int
	Aircraft int
}

// Factor is one multiplier of the model, shown to players and in the log.
type Factor struct {
	Name  string
	Side  string // "attacker" or "defender"
	Value float64
}

func (f Factor) String() string { return fmt.Sprintf("%s %s x%.2f", f.Side, f.Name, f.Value) }

// CombatResult is the outcome of a fight with every factor that shaped it.
type CombatResult struct {
	Outcome          Outcome
	Attacker         Losses
	Defender         Losses
	PowerA, PowerD   float64
	Ratio            float64 // PowerA / PowerD after every factor
	AttackerFraction float64 // share of the attacker's men lost
	DefenderFraction float64
	Factors          []Factor
}

// mul multiplies with explicit rounding so that no platform fuses it with a
// following addition: the model's results are bit-identical everywhere.
func mul(a, b float64) float64 { return float64(a * b) }

// Weights of weapons against a rifleman, in the spirit of the QJM's
// operational lethality indices, scaled down for the 1940s equipment here.
const (
	wMG       = 4.0
	wGun      = 30.0
	wArmour   = 40.0
	wAircraft = 60.0
)

// Resolve fights one battle with the combat model: combat power from men and
// weapons, times quality, morale, supply, posture, terrain, river, weather,
// surprise and air; daily casualty fractions from the power ratio, posture and
// size, scaled by the hours; then the outcome from the fractional losses and
// morale. The same function resolves one hex in one turn and a whole battle
// over its days. Every random draw comes from rng.
func Resolve(in CombatInput, rng *rand.Rand) CombatResult {
	var res CombatResult
	add := func(side, name string, v float64) float64 {
		if v != 1 {
			res.Factors = append(res.Factors, Factor{Name: name, Side: side, Value: v})
		}
		return v
	}
	pa := basePower(in.Attacker)
	pd := basePower(in.Defender)

	pa = mul(pa, add("attacker", "quality", clamp(in.Attacker.Quality, 0.3, 2)))
	pd = mul(pd, add("defender", "quality", clamp(in.Defender.Quality, 0.3, 2)))
	pa = mul(pa, add("attacker", "morale", moraleFactor(in.Attacker.Morale)))
	pd = mul(pd, add("defender", "morale", moraleFactor(in.Defender.Morale)))
	if !in.Attacker.Supplied {
		pa = mul(pa, add("attacker", "out of supply", 0.6))
	}
	if !in.Defender.Supplied {
		pd = mul(pd, add("defender", "out of supply", 0.7))
	}

	pd = mul(pd, add("defender", "posture "+in.Posture.String(), postureFactor[in.Posture]))
	pd = mul(pd, add("defender", "terrain", terrainFactor(in)))
	if in.River {
		pd = mul(pd, add("defender", "river", 1.5))
	}
	if in.Attacker.Cavalry > 0 && in.Attacker.Men > 0 {
		share := float64(in.Attacker.Cavalry) / float64(in.Attacker.Men)
		pa = mul(pa, add("attacker", "cavalry", cavalryFactor(in, share)))
	}
	pa = mul(pa, add("attacker", "weather", weatherFactor(in.Weather)))
	if in.Season == Winter {
		pa = mul(pa, add("attacker", "winter", 0.9))
	}
	pa = mul(pa, add("attacker", "surprise", surpriseFactor[clampInt(in.Surprise, 0, 3)]))
	switch {
	case in.Air > 0:
		pa = mul(pa, add("attacker", "air superiority", 1.2))
	case in.Air < 0:
		pd = mul(pd, add("defender", "air superiority", 1.2))
	}

	res.PowerA, res.PowerD = pa, pd
	if pd <= 0 {
		pd = 1
	}
	ratio := pa / pd
	res.Ratio = ratio
	if in.Defender.Men <= 0 {
		res.Outcome = DefenderRetreats
		return res
	}

	// Daily casualty fractions. Base rates after Dupuy's figures for divisional
	// engagements: about 2.8% a day for the attacker, less for a defender in
	// prepared positions; smaller forces lose larger fractions.
	days := float64(max(in.Hours, 1)) / 24
	root := math.Sqrt(ratio)
	rateA := mul(mul(0.028, attackerPosture[in.Posture]), sizeFactor(in.Attacker.Men))
	rateA = rateA / clamp(root, 0.4, 2.5)
	rateD := mul(mul(0.022, defenderPosture[in.Posture]), sizeFactor(in.Defender.Men))
	rateD = mul(rateD, clamp(root, 0.3, 3))
	if in.Surprise > 0 {
		rateD = mul(rateD, 1+mul(0.25, float64(in.Surprise)))
	}
	// One noise draw per side, roughly normal around 1 (Irwin-Hall of three).
	na := noise(rng)
	nd := noise(rng)
	fa := clamp(mul(mul(rateA, days), na), 0, 0.9)
	fd := clamp(mul(mul(rateD, days), nd), 0, 0.9)

	// Outcome: the defender breaks when its fractional loss passes a threshold
	// set by its morale and posture and is worse than the attacker's.
	breakD := mul(mul(0.04, 0.5+in.Defender.Morale), breakPosture[in.Posture])
	breakD = mul(breakD, math.Sqrt(days))
	breakA := mul(mul(0.06, 0.5+in.Attacker.Morale), math.Sqrt(days))
	edge := mul(fd, 1/clamp(ratio, 0.2, 5)) // losses weighed by how outmatched
	switch {
	case fa > breakA && fa > fd:
		res.Outcome = AttackFails
	case fd > 3*breakD && ratio > 2.5 && in.Defender.Morale < 0.5:
		res.Outcome = DefenderSurrenders
	case fd > 2*breakD && ratio > 1.5:
		res.Outcome = DefenderRouts
	case fd > breakD && fd > fa && ratio > 1:
		res.Outcome = DefenderRetreats
	case edge > breakD:
		res.Outcome = DefenderRetreats
	case ratio < 1:
		res.Outcome = AttackFails
	default:
		res.Outcome = DefenderHolds
	}

	res.AttackerFraction, res.DefenderFraction = fa, fd
	res.Attacker = lossesOf(in.Attacker, fa, 0)
	captured := 0.0
	switch res.Outcome {
	case DefenderRetreats:
		captured = 0.02
	case DefenderRouts:
		captured = 0.1
	case DefenderSurrenders:
		captured = 1
	}
	res.Defender = lossesOf(in.Defender, fd, captured)
	return res
}

func basePower(f Force) float64 {
	p := float64(f.Men)
	p += mul(wMG, float64(f.MGs))
	p += mul(wGun, float64(f.Guns))
	p += mul(wArmour, float64(f.Armour))
	p += mul(wAircraft, float64(f.Aircraft))
	return p
}

// lossesOf turns a fractional loss into men and equipment; captured is the
// share of the survivors taken prisoner.
func lossesOf(f Force, frac, captured float64) Losses {
	l := Losses{Men: roundInt(mul(float64(f.Men), frac))}
	l.Men = min(l.Men, f.Men)
	l.Captured = roundInt(mul(float64(f.Men-l.Men), captured))
	equip := clamp(frac+captured, 0, 1)
	l.Guns = roundInt(mul(float64(f.Guns), equip))
	l.MGs = roundInt(mul(float64(f.MGs), equip))
	l.Armour = roundInt(mul(float64(f.Armour), equip))
	l.Aircraft = roundInt(mul(float64(f.Aircraft), frac/2))
	return l
}

var postureFactor = [...]float64{Hasty: 1.3, Prepared: 1.5, Fortified: 1.9, Delaying: 1.2}

// attackerPosture scales the attacker's daily losses: a fortified defence is
// usually a slow siege, so attackers lose less per day than against a hasty one.
var attackerPosture = [...]float64{Hasty: 1.2, Prepared: 1.0, Fortified: 0.7, Delaying: 0.8}
var defenderPosture = [...]float64{Hasty: 1.2, Prepared: 0.9, Fortified: 0.5, Delaying: 0.8}
var breakPosture = [...]float64{Hasty: 1.0, Prepared: 1.3, Fortified: 1.8, Delaying: 0.7}
var surpriseFactor = [...]float64{1, 1.3, 1.6, 2.2}

func terrainFactor(in CombatInput) float64 {
	f := [...]float64{Flat: 1, Rolling: 1.2, Rugged: 1.5}[in.Relief]
	f = mul(f, 1+mul(0.1, float64(clampInt(in.Cover, 0, 2))))
	if in.Urban {
		f = mul(f, 1.3)
	}
	if in.Marsh {
		f = mul(f, 1.2)
	}
	return f
}

// cavalryFactor: horsemen charge well on open ground (steppe and desert) and
// are poor in broken or built-up ground, where they fight dismounted.
func cavalryFactor(in CombatInput, share float64) float64 {
	bonus := 0.0
	switch {
	case in.Urban || in.Marsh || in.Relief == Rugged:
		bonus = -0.2
	case in.Relief == Flat && in.Cover == 0:
		bonus = 0.3
	}
	return 1 + mul(bonus, share)
}

func weatherFactor(w WeatherKind) float64 {
	switch w {
	case Rain:
		return 0.9
	case Snow:
		return 0.8
	case Blizzard:
		return 0.6
	case Heat:
		return 0.9
	}
	return 1
}

func moraleFactor(m float64) float64 { return 0.6 + mul(0.5, clamp(m, 0, 1)) }

// sizeFactor: fractional losses fall as forces grow (Dupuy: about the inverse
// fourth root of size between battalions and corps), normalised at 10,000 men.
func sizeFactor(men int) float64 {
	if men < 50 {
		men = 50
	}
	return clamp(math.Sqrt(math.Sqrt(10000/float64(men))), 0.5, 3)
}

func noise(rng *rand.Rand) float64 {
	s := rng.Float64() + rng.Float64() + rng.Float64()
	return 0.4 + mul(0.4, s) // 0.4..1.6, mean 1
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func clampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

func roundInt(x float64) int { return int(math.Floor(x + 0.5)) }
