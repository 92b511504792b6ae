package rules

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Model holds the parameters of the combat model. Combat power is built
// from weights and multipliers taken from the sources named beside them in
// combat.json; the odds and the losses are fitted to the calibration half of
// CDB90 by `ili fit` (game/calib), which writes combat.json.
type Model struct {
	// Weights of weapons against a rifleman, after the QJM's operational
	// lethality indices scaled to the region's 1940s weapons.
	WMG     float64 `json:"w_mg"`
	WGun    float64 `json:"w_gun"`
	WArmour float64 `json:"w_armour"`
	WAir    float64 `json:"w_aircraft"`
	// Defender power by ground: relief (flat, rolling, rugged), each step of
	// cover, built-up ground, marsh, a river in front.
	Relief    [3]float64 `json:"relief"`
	CoverStep float64    `json:"cover_step"`
	Urban     float64    `json:"urban"`
	Marsh     float64    `json:"marsh"`
	River     float64    `json:"river"`
	// Power out of supply, the attacker's power by weather and in winter,
	// mounted troops on open and rough ground, power by morale.
	NoSupplyA   float64    `json:"no_supply_attacker"`
	NoSupplyD   float64    `json:"no_supply_defender"`
	Weather     [5]float64 `json:"weather"`
	Winter      float64    `json:"winter"`
	CavOpen     float64    `json:"cavalry_open"`
	CavRough    float64    `json:"cavalry_rough"`
	MoraleBase  float64    `json:"morale_base"`
	MoraleSlope float64    `json:"morale_slope"`

	// Odds says who wins; LossA and LossD what each side loses given that.
	Odds Odds `json:"odds"`
	// DecisionDays is how long a battle of DecisionMen men on both sides
	// against each posture (hasty, prepared, fortified, delaying) lasts on
	// average before it is decided, and DecisionSize how that grows with
	// the men engaged (days times (men/DecisionMen)^DecisionSize): a fight
	// of h hours is decided with chance 1 - exp(-h/24/days) and otherwise
	// goes on, the defender holding. 0 days decides every fight.
	DecisionDays [4]float64 `json:"decision_days"`
	DecisionMen  float64    `json:"decision_men"`
	DecisionSize float64    `json:"decision_size"`
	LossA        LossModel  `json:"loss_attacker"`
	LossD        LossModel  `json:"loss_defender"`

	// MaxLossPerFight bounds the share of its men a side loses in one fight;
	// RoutMargin and SurrenderRatio name how a beaten defender gives way.
	MaxLossPerFight float64 `json:"max_loss_per_fight"`
	RoutMargin      float64 `json:"rout_margin"`
	SurrenderRatio  float64 `json:"surrender_ratio"`
}

// Odds is the fitted model of who wins: the log-odds that the attacker
// wins is Bias + Posture[posture] + Ratio·ln R + Surprise·(the attacker's
// level of surprise) + DefenderSurprise·(the defender's level) + Air·(+1
// the attacker's air superiority, -1 the defender's) + Era·(before 1900).
type Odds struct {
	Bias             float64    `json:"bias"`
	Posture          [4]float64 `json:"posture"` // hasty (0 by definition), prepared, fortified, delaying
	Ratio            float64    `json:"ratio"`
	Surprise         float64    `json:"surprise"`
	DefenderSurprise float64    `json:"defender_surprise"`
	Air              float64    `json:"air"`
	Era              float64    `json:"era"`
}

// LossModel is the fitted log-linear model of one side's daily casualty
// rate: ln(rate) = Base + Posture[posture] + Ratio·ln R + Days·ln(days) +
// Won·(the attacker won) + Era·(before 1900) + Surprise·(the attacker's
// level of surprise) + DefenderSurprise·(the defender's) + Air·(+1 the
// attacker's air superiority, -1 the defender's) + Sigma·z, z standard
// normal.
// Over d days a side loses rate·d of its men, d^(1+Days) times a day's.
type LossModel struct {
	Base    float64    `json:"base"`
	Posture [4]float64 `json:"posture"`
	Ratio   float64    `json:"ratio"`
	Days    float64    `json:"days"`
	Won     float64    `json:"won"`
	Era     float64    `json:"era"`
	// Surprise, DefenderSurprise and Air as in Odds.
	Surprise         float64 `json:"surprise"`
	DefenderSurprise float64 `json:"defender_surprise"`
	Air              float64 `json:"air"`
	Sigma            float64 `json:"sigma"`
}

// Situation is what the fitted parts of the model read from a fight.
type Situation struct {
	PowerA, PowerD float64
	Ratio          float64 // PowerA / PowerD
	LnR            float64 // ln Ratio, within ±MaxLnR
	Posture        Posture
	Surprise       int // the attacker's level of surprise, 0..3
	DefSurprise    int // the defender's, 0..3
	Air            int // +1 the attacker has air superiority, -1 the defender
	Old            bool
}

// MaxLnR bounds the log of the power ratio the fitted parts read: wider
// than any battle of the record (CDB90 spans about ±3), so the fit never
// meets the bound, and it keeps a thousand-to-one fight from giving
// losses past any the record holds.
const MaxLnR = 4

//go:embed combat.json
var combatJSON []byte

// Default is the model the game uses, from combat.json.
var Default = mustModel(combatJSON)

func mustModel(data []byte) Model {
	m, err := ParseModel(data)
	if err != nil {
		panic(err) // combat.json is built in; a test reads it
	}
	return m
}

// ParseModel reads a model's parameters as combat.json holds them; every
// field must be given.
func ParseModel(data []byte) (Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return Model{}, fmt.Errorf("the combat model's parameters do not read: %w", err)
	}
	if m.MaxLossPerFight <= 0 || m.LossA.Sigma <= 0 || m.LossD.Sigma <= 0 || m.Relief[0] <= 0 || m.MoraleBase <= 0 {
		return Model{}, fmt.Errorf("the combat model's parameters are incomplete")
	}
	return m, nil
}

// logit is the log-odds that the attacker wins; each term is listed as a
// factor on the odds when factors is not nil.
func (o *Odds) logit(s Situation, factors *[]Factor) float64 {
	x := o.Bias
	term := func(name string, v float64) {
		if v != 0 && factors != nil {
			*factors = append(*factors, Factor{Name: name, Side: "odds", Value: exp(v)})
		}
		x += v
	}
	term("power ratio", mul(o.Ratio, s.LnR))
	term(postureFactorNames[s.Posture], o.Posture[s.Posture])
	term("surprise", mul(o.Surprise, float64(s.Surprise)))
	term("the defender's surprise", mul(o.DefenderSurprise, float64(s.DefSurprise)))
	term("air superiority", mul(o.Air, float64(s.Air)))
	if s.Old {
		term("era", o.Era)
	}
	return x
}

// fraction is the share of its men a side loses over days more of a fight
// that has gone on before days already, for the standard normal draw z.
func (l *LossModel) fraction(s Situation, won bool, before, days, z float64) float64 {
	return mul(exp(l.logRate(l.head(s), s, won, z)), l.span(before, days))
}

// head is the first terms of the log of the daily rate, which the draw does
// not change: the sum is worked out in the same order every time, so a
// fight thrown many times (Trials) gives the bits Resolve gives.
func (l *LossModel) head(s Situation) float64 {
	return l.Base + l.Posture[s.Posture] + mul(l.Ratio, s.LnR)
}

// logRate is the log of the daily rate of losses for the draw z, from head.
func (l *LossModel) logRate(head float64, s Situation, won bool, z float64) float64 {
	x := head + mul(l.Sigma, z) +
		mul(l.Surprise, float64(s.Surprise)) + mul(l.DefenderSurprise, float64(s.DefSurprise)) + mul(l.Air, float64(s.Air))
	if won {
		x += l.Won
	}
	if s.Old {
		x += l.Era
	}
	return x
}

// span is how many days' losses at the daily rate the days from before to
// before+days cost: a day's losses times d^(1+Days), less what was lost
// before.
func (l *LossModel) span(before, days float64) float64 {
	sp := func(d float64) float64 {
		if d <= 0 {
			return 0
		}
		return exp(mul(1+l.Days, ln(d)))
	}
	return sp(before+days) - sp(before)
}

// Situation returns what the fitted parts of the model read from a fight.
func (m *Model) Situation(in CombatInput) Situation { return m.situation(in, nil) }

// situation builds each side's combat power, listing every multiplier as a
// factor when factors is not nil, and reads the rest of the fight.
func (m *Model) situation(in CombatInput, factors *[]Factor) Situation {
	// Each multiplier in turn, by value (a power held by pointer would be
	// moved to the heap at every fight).
	power := func(side string, p float64, name string, v float64) float64 {
		if v != 1 {
			if factors != nil {
				*factors = append(*factors, Factor{Name: name, Side: side, Value: v})
			}
			p = mul(p, v)
		}
		return p
	}
	own := func(side string, p float64, f Force, out float64) float64 {
		p = power(side, p, "quality", clamp(f.Quality, 0.3, 2))
		p = power(side, p, "morale", m.MoraleBase+mul(m.MoraleSlope, clamp(f.Morale, 0, 1)))
		if !f.Supplied {
			p = power(side, p, "out of supply", out)
		}
		return p
	}
	pa := own("attacker", m.basePower(in.Attacker), in.Attacker, m.NoSupplyA)
	pd := own("defender", m.basePower(in.Defender), in.Defender, m.NoSupplyD)
	pd = power("defender", pd, "terrain", m.terrain(in))
	if in.River {
		pd = power("defender", pd, "river", m.River)
	}
	if in.Attacker.Cavalry > 0 && in.Attacker.Men > 0 {
		share := clamp(float64(in.Attacker.Cavalry)/float64(in.Attacker.Men), 0, 1)
		pa = power("attacker", pa, "cavalry", 1+mul(m.cavalry(in), share))
	}
	if int(in.Weather) < len(m.Weather) {
		pa = power("attacker", pa, weatherFactorNames[in.Weather], m.Weather[in.Weather])
	}
	if in.Season == Winter {
		pa = power("attacker", pa, "winter", m.Winter)
	}
	return m.read(in, pa, pd)
}

// read completes a situation from the two sides' powers.
func (m *Model) read(in CombatInput, pa, pd float64) Situation {
	s := Situation{PowerA: pa, PowerD: pd, Posture: in.Posture, Old: in.Year > 0 && in.Year < 1900}
	if int(s.Posture) >= len(m.Odds.Posture) {
		s.Posture = Hasty
	}
	if pd > 0 {
		s.Ratio = pa / pd
		s.LnR = clamp(ln(math.Max(s.Ratio, 1e-300)), -MaxLnR, MaxLnR)
	}
	sur := clampInt(in.Surprise, -3, 3)
	s.Surprise, s.DefSurprise = max(sur, 0), max(-sur, 0)
	s.Air = clampInt(in.Air, -1, 1)
	return s
}

// sigmoid is the logistic function, from log-odds to a probability.
func sigmoid(x float64) float64 { return 1 / (1 + exp(-x)) }
