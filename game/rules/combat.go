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
	Cover              int // 0 bare, 1 mixed, 2 dense (woods, orchards, reeds)
	Urban              bool
	Marsh              bool
	Desert             bool
	River              bool // the attack crosses a river
	Weather            WeatherKind
	Season             Season
	// Surprise is 1..3 when the attacker achieved minor, substantial or
	// complete surprise, -1..-3 when the defender did, 0 for none.
	Surprise int
	// Air is +1 when the attacker has air superiority, -1 when the defender has it.
	Air   int
	Hours int
	// Elapsed is how many hours the same fight has already gone on (turns of
	// a battle that goes on across turns): its later days cost less, as long
	// battles do in the record.
	Elapsed int
	// Year is when the fight took place, for the record's battles of other
	// centuries; 0 is the game's own time, the 1940s.
	Year int
	// Closing marks the first turn of a fight against a prepared or
	// fortified defence, spent closing up on it: it is not decided.
	Closing bool
	// Again marks a further attack on defenders already attacked this
	// turn: a turn's fight is decided once, by the first attack.
	Again bool
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

// Total is every man lost, casualties and prisoners.
func (l Losses) Total() int { return l.Men + l.Captured }

// Factor is one term of the model, shown to players and in the log: a
// multiplier on a side's combat power, or on the odds that the defender gives way.
type Factor struct {
	Name  string
	Side  string // "attacker", "defender", or "odds" for a term of the attacker's log-odds of winning
	Value float64
}

func (f Factor) String() string { return fmt.Sprintf("%s %s x%.2f", f.Side, f.Name, f.Value) }

// CombatResult is the outcome of a fight with every factor that shaped it.
type CombatResult struct {
	Outcome Outcome
	// PWin is the chance, before the dice, that the attacker wins (the
	// defender retreats, routs or surrenders).
	PWin float64
	// PDecide is the chance that the fight is decided within its hours;
	// undecided (Decided false), the defender holds and the battle goes on.
	PDecide          float64
	Decided          bool
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

// Resolve fights one battle with the default model.
func Resolve(in CombatInput, rng *rand.Rand) CombatResult { return Default.Resolve(in, rng) }

// Resolve fights one battle in three steps, each factor counted once. The
// combat power of each side comes from its men and weapons times quality,
// morale, supply, ground, river, weather and cavalry; the winner is drawn
// from the odds of a small fitted model (the defender's posture, the log of
// the power ratio, each side's surprise, air superiority, the era); then each
// side's losses are drawn given that outcome, from a log-linear model of
// daily casualty rates with its residual spread. The same function resolves
// one hex in one turn and a whole battle over its days. Every random draw
// comes from rng.
func (m *Model) Resolve(in CombatInput, rng *rand.Rand) CombatResult {
	res := CombatResult{Factors: make([]Factor, 0, 16)}
	sit := m.situation(in, &res.Factors)
	res.PowerA, res.PowerD, res.Ratio = sit.PowerA, sit.PowerD, sit.Ratio
	switch {
	case in.Defender.Men <= 0 || sit.PowerD <= 0:
		res.Ratio, res.Outcome, res.PWin = math.Inf(1), DefenderRetreats, 1
		return res
	case sit.PowerA <= 0:
		res.Outcome = AttackFails
		return res
	}
	logit := m.Odds.logit(sit, &res.Factors)
	res.PWin = sigmoid(logit)
	won := rng.Float64() < res.PWin
	za, zd := normal(rng), normal(rng)
	days := float64(max(in.Hours, 1)) / 24
	res.PDecide = m.decideChance(in, sit.Posture, days)
	decided := rng.Float64() < res.PDecide
	res.Decided = decided
	fa, fd := m.fractions(in, sit, won, za, zd)
	res.AttackerFraction, res.DefenderFraction = fa, fd
	res.Outcome = m.outcome(in, sit, won, fa, fd)
	if !decided {
		res.Outcome = DefenderHolds
	}
	res.Attacker = m.lossesOf(in.Attacker, fa, 0)
	res.Defender = m.lossesOf(in.Defender, fd, capturedShare(res.Outcome))
	return res
}

// dice is one fight with everything Resolve works out before and between its
// draws worked out once, for throwing it many times (Trials): each throw
// draws what Resolve draws, in the same order, and gives the same bits.
type dice struct {
	m            *Model
	in           CombatInput
	sit          Situation
	fixed        bool    // no throw: the defender has nothing, or the attacker nothing
	outcome      Outcome // the outcome when fixed
	pWin         float64
	pDecide      float64
	headA, headD float64 // the losses' log-rates before the draw
	spanA, spanD float64
}

func (m *Model) dice(in CombatInput) (d dice) {
	d = dice{m: m, in: in, sit: m.situation(in, nil)}
	switch {
	case in.Defender.Men <= 0 || d.sit.PowerD <= 0:
		d.fixed, d.outcome = true, DefenderRetreats
		return d
	case d.sit.PowerA <= 0:
		d.fixed, d.outcome = true, AttackFails
		return d
	}
	d.pWin = sigmoid(m.Odds.logit(d.sit, nil))
	days := float64(max(in.Hours, 1)) / 24
	before := float64(max(in.Elapsed, 0)) / 24
	d.pDecide = m.decideChance(in, d.sit.Posture, days)
	d.headA, d.headD = m.LossA.head(d.sit), m.LossD.head(d.sit)
	d.spanA, d.spanD = m.LossA.span(before, days), m.LossD.span(before, days)
	return d
}

// throw resolves the fight once, as Resolve does, and returns its outcome and
// the men each side lost, prisoners included.
func (d *dice) throw(rng *rand.Rand) (o Outcome, att, def int) {
	if d.fixed {
		return d.outcome, 0, 0
	}
	m, in, sit := d.m, &d.in, d.sit
	won := rng.Float64() < d.pWin
	za, zd := normal(rng), normal(rng)
	decided := rng.Float64() < d.pDecide
	ea, ed := exp2(m.LossA.logRate(d.headA, sit, won, za), m.LossD.logRate(d.headD, sit, won, zd))
	fa := math.Min(m.MaxLossPerFight, mul(ea, d.spanA))
	fd := math.Min(m.MaxLossPerFight, mul(ed, d.spanD))
	o = m.outcome(*in, sit, won, fa, fd)
	if !decided {
		o = DefenderHolds
	}
	return o, menLost(in.Attacker, fa, 0), menLost(in.Defender, fd, capturedShare(o))
}

// capturedShare is the share of the defender's losses taken prisoner in
// an outcome: none while it holds, a tenth when it retreats, three tenths
// when it routs, all when it surrenders.
func capturedShare(o Outcome) float64 {
	switch o {
	case DefenderRetreats:
		return 0.1
	case DefenderRouts:
		return 0.3
	case DefenderSurrenders:
		return 1
	}
	return 0
}

// menLost is lossesOf's Men + Captured: the men lost, prisoners included,
// without the weapons.
func menLost(f Force, frac, capturedShare float64) int {
	if capturedShare >= 1 {
		return f.Men // lossesOf: Men = total, Captured = f.Men - total
	}
	return min(f.Men, roundInt(mul(float64(f.Men), frac))) // Men + Captured = total
}

// fractions are the shares of their men attacker and defender lose over
// the fight's hours, given its winner, for the standard normal draws za and
// zd.
func (m *Model) fractions(in CombatInput, sit Situation, won bool, za, zd float64) (fa, fd float64) {
	days := float64(max(in.Hours, 1)) / 24
	before := float64(max(in.Elapsed, 0)) / 24
	fa = math.Min(m.MaxLossPerFight, m.LossA.fraction(sit, won, before, days, za))
	fd = math.Min(m.MaxLossPerFight, m.LossD.fraction(sit, won, before, days, zd))
	return fa, fd
}

// LossesGiven draws each side's losses in a fight whose winner is known (the
// attacker won or not), as Resolve draws them once it has drawn the winner:
// the calibration uses it to judge the losses apart from the odds.
func (m *Model) LossesGiven(in CombatInput, won bool, rng *rand.Rand) (a, d Losses) {
	sit := m.situation(in, nil)
	if in.Defender.Men <= 0 || sit.PowerD <= 0 || sit.PowerA <= 0 {
		return Losses{}, Losses{}
	}
	fa, fd := m.fractions(in, sit, won, normal(rng), normal(rng))
	return m.lossesOf(in.Attacker, fa, 0), m.lossesOf(in.Defender, fd, 0)
}

// outcome names how a fight ended once its winner and losses are drawn: a
// beaten defender that lost far more than the attacker routs, and one that
// is heavily outnumbered, shaken and badly hurt surrenders; a failed attack
// that cost the attacker more than the defender is a repulse.
func (m *Model) outcome(in CombatInput, sit Situation, won bool, fa, fd float64) Outcome {
	switch {
	case won && sit.Ratio >= m.SurrenderRatio && in.Defender.Morale < 0.5 && fd > 0.2:
		return DefenderSurrenders
	case won && fd >= mul(m.RoutMargin, fa):
		return DefenderRouts
	case won:
		return DefenderRetreats
	case fa > fd:
		return AttackFails
	}
	return DefenderHolds
}

// decideChance is the chance that this turn of the fight decides it: none
// while the attackers close up or when the turn's fight was decided by an
// attack before, otherwise as pDecide says.
func (m *Model) decideChance(in CombatInput, posture Posture, days float64) float64 {
	if in.Closing || in.Again {
		return 0
	}
	return m.pDecide(posture, days, in.Attacker.Men+in.Defender.Men)
}

// pDecide is the chance that a fight of so many days against posture is
// decided: the record's battles end at a steady rate, one in DecisionDays.
func (m *Model) pDecide(posture Posture, days float64, men int) float64 {
	mean := m.DecisionDays[posture]
	if mean <= 0 {
		return 1
	}
	if m.DecisionMen > 0 && men > 0 {
		mean *= exp(mul(m.DecisionSize, ln(float64(men)/m.DecisionMen)))
	}
	return 1 - exp(-days/mean)
}

// PWin is the chance that the attacker wins the fight: the fitted odds
// alone, with no draw.
func (m *Model) PWin(in CombatInput) float64 {
	sit := m.situation(in, nil)
	switch {
	case in.Defender.Men <= 0 || sit.PowerD <= 0:
		return 1
	case sit.PowerA <= 0:
		return 0
	}
	return sigmoid(m.Odds.logit(sit, nil))
}

var (
	postureFactorNames = [...]string{"posture hasty", "posture prepared", "posture fortified", "posture delaying"}
	weatherFactorNames = [...]string{"weather clear", "weather rain", "weather snow", "weather blizzard", "weather heat"}
)

func (m *Model) basePower(f Force) float64 {
	p := float64(f.Men)
	p += mul(m.WMG, float64(f.MGs))
	p += mul(m.WGun, float64(f.Guns))
	p += mul(m.WArmour, float64(f.Armour))
	p += mul(m.WAir, float64(f.Aircraft))
	return p
}

// lossesOf turns a fractional loss into men and equipment. capturedShare is
// the share of the loss taken prisoner; 1 means the whole force surrenders.
func (m *Model) lossesOf(f Force, frac, capturedShare float64) Losses {
	total := min(f.Men, roundInt(mul(float64(f.Men), frac)))
	var l Losses
	if capturedShare >= 1 {
		l.Men = total
		l.Captured = f.Men - total
	} else {
		l.Captured = roundInt(mul(float64(total), capturedShare))
		l.Men = total - l.Captured
	}
	equip := clamp(frac*(1+capturedShare), 0, 1)
	l.Guns = roundInt(mul(float64(f.Guns), equip))
	l.MGs = roundInt(mul(float64(f.MGs), equip))
	l.Armour = roundInt(mul(float64(f.Armour), equip))
	l.Aircraft = roundInt(mul(float64(f.Aircraft), frac/2))
	return l
}

func (m *Model) terrain(in CombatInput) float64 {
	f := m.Relief[min(int(in.Relief), len(m.Relief)-1)]
	f = mul(f, 1+mul(m.CoverStep, float64(clampInt(in.Cover, 0, 2))))
	if in.Urban {
		f = mul(f, m.Urban)
	}
	if in.Marsh {
		f = mul(f, m.Marsh)
	}
	return f
}

// cavalry is the mounted share's bonus: horsemen charge well on open steppe
// and desert and fight dismounted, at a loss, in broken or built-up ground.
func (m *Model) cavalry(in CombatInput) float64 {
	switch {
	case in.Urban || in.Marsh || in.Relief == Rugged:
		return m.CavRough
	case in.Relief == Flat && (in.Cover == 0 || in.Desert):
		return m.CavOpen
	}
	return 0
}

// normal draws a roughly standard normal number (Irwin-Hall of four uniforms).
func normal(rng *rand.Rand) float64 {
	s := rng.Float64() + rng.Float64() + rng.Float64() + rng.Float64()
	return mul(s-2, 1.7320508075688772)
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func clampInt(x, lo, hi int) int { return max(lo, min(hi, x)) }

func roundInt(x float64) int { return int(math.Floor(x + 0.5)) }
