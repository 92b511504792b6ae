package words

import (
	"strings"
	"testing"

	"ili/game/rules"
)

// TestHeadlineReadsTrue: the headline never sets a likelier win against a
// likeliest failure without saying both; the model reads as it
// was written.
func TestHeadlineReadsTrue(t *testing.T) {
	for _, c := range []struct {
		odds [rules.NumOutcomes]float64
		want string
	}{
		{[rules.NumOutcomes]float64{0.2, 0.16, 0.4, 0.2, 0.04}, "Attacker wins 64%; most likely the defender falls back"},
		{[rules.NumOutcomes]float64{0.6, 0.3, 0.1, 0, 0}, "Attacker wins 10%; most likely the attack fails"},
		{[rules.NumOutcomes]float64{0.37, 0.1, 0.2, 0.32, 0.01},
			"Attacker wins 53% (the defender falls back, routs or surrenders); the likeliest single result: the attack fails (37%)"},
		{[rules.NumOutcomes]float64{0.25, 0.3, 0.35, 0.1, 0},
			"Attacker wins 45%; the likeliest single result is that the defender falls back (35%), but the attack fails or is held 55% of the time"},
	} {
		if got := Headline(&rules.Preview{Odds: c.odds}); got != c.want {
			t.Errorf("Headline(%v) = %q, want %q", c.odds, got, c.want)
		}
	}
}

// TestCausesMerged: a posture that works on the attacker's strength and
// on the odds is one cause, said once with both effects; the attacker and
// the defender are each one, in the name and in the effect.
func TestCausesMerged(t *testing.T) {
	pre := &rules.Preview{Factors: []rules.Factor{
		{Name: "posture fortified", Side: "odds", Value: 0.2},
		{Name: "quality", Side: "attacker", Value: 0.9},
		{Name: "posture fortified", Side: "defender", Value: 2},
		{Name: "power ratio", Side: "odds", Value: 1.3},
	}, Input: rules.CombatInput{Attacker: rules.Force{Quality: 0.7}}, Expected: rules.CombatResult{Ratio: 0.5}}
	cs := TopCauses(pre, 3)
	if len(cs) != 3 {
		t.Fatalf("%d causes, want 3: %+v", len(cs), cs)
	}
	got := CauseWords(cs[0], pre, "Central police station")
	if want := "the defender fortified at Central police station: the attacker's odds about a fifth as good and its strength about half as great"; got != want {
		t.Errorf("the posture reads %q, want %q", got, want)
	}
	for _, c := range cs {
		s := CauseWords(c, pre, "")
		if strings.Contains(s, "attackers'") || strings.Contains(s, "defenders") {
			t.Errorf("%q mixes the plural with the singular", s)
		}
	}
	if got := CauseWords(cs[1], pre, ""); !strings.HasPrefix(got, "the balance of strength, 2 to 1 for the defender") {
		t.Errorf("the balance reads %q", got)
	}
}
