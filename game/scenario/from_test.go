package scenario

import (
	"strings"
	"testing"

	"ili/game/rules"
)

// TestTakeFrom: the drill taken up from the record on the evening of 3
// September begins on turn 6 with the bridge West's and its infantry where
// the step put it, at the step's strength and with the morale of the
// bridge's story, which (with the rain) the record has told already; the
// headquarters, withdrawn on turn 4, is gone; the checkpoints before are
// left out and the record so far opens the game and every briefing.
func TestTakeFrom(t *testing.T) {
	base := loadDrill(t, Options{})
	sc := loadDrill(t, Options{From: "1945-09-03T12:00"})
	if sc.Setup.FirstTurn != 6 || sc.TakenFrom() != "1945-09-03T18:00" {
		t.Fatalf("taken up at turn %d, %q", sc.Setup.FirstTurn, sc.TakenFrom())
	}
	units := map[string]rules.Unit{}
	for _, u := range sc.Units {
		units[u.ID] = u
	}
	inf := units["w-inf"]
	if inf.Hex != base.History.Steps[0].Moves[0].Hex || inf.Men != 2100 || inf.Morale != 80 || inf.DigHours != 0 {
		t.Errorf("w-inf is at %v with %d men, morale %d, dug %d h", inf.Hex, inf.Men, inf.Morale, inf.DigHours)
	}
	if _, ok := units["e-hq"]; ok {
		t.Error("the headquarters that withdrew on turn 4 is still in the game")
	}
	if len(sc.Units) != len(base.Units)-1 {
		t.Errorf("%d units, from %d", len(sc.Units), len(base.Units))
	}
	for _, p := range sc.Places {
		if p.ID == "bridge" && p.Owner != "west" {
			t.Errorf("the bridge is held by %q", p.Owner)
		}
	}
	var ids []string
	for _, n := range sc.Setup.Narrative {
		ids = append(ids, n.ID)
	}
	if got := strings.Join(ids, ","); strings.Contains(got, "rain") || strings.Contains(got, "bridge-falls") || !strings.HasPrefix(got, "record-so-far") {
		t.Errorf("the stories are %s", got)
	}
	so := sc.Setup.Narrative[0].Text
	if !strings.Contains(so, "18:00 on 3 September 1945") || !strings.Contains(so, "2 September: The bridge falls (") || sc.Setup.Narrative[0].Turn != 6 {
		t.Errorf("the record so far reads %q", so)
	}
	for _, sd := range sc.Setup.Sides {
		if !strings.HasPrefix(sd.Briefing, so) {
			t.Errorf("%s's briefing does not open with the record so far", sd.ID)
		}
	}
	for _, cp := range sc.History.Course {
		if cp.Turn < 6 {
			t.Errorf("a checkpoint of turn %d is left in", cp.Turn)
		}
	}
	later := loadDrill(t, Options{From: "1945-09-04"})
	if got := later.SituationAt(1).Bodies["e-police"]; got != later.Places[placeIndex(later, "city")].Hex {
		t.Errorf("from 4 September the police stand at %v, not in the city", got)
	}
	if same := loadDrill(t, Options{From: "1945-09-01T06:00"}); same.TakenFrom() != "" || same.Setup.FirstTurn != 0 {
		t.Errorf("the first turn's start is a game from the start, not one taken up at %q", same.TakenFrom())
	}
}

// TestTakeFromRefuses: a moment outside the turns or not a date is one
// sentence that says what to give.
func TestTakeFromRefuses(t *testing.T) {
	for from, want := range map[string]string{
		"1945-08-31":       "turns begin from 06:00 on 1 September 1945 to 18:00 on 4 September 1945",
		"1945-09-04T18:01": "not at 18:01 on 4 September 1945",
		"3 September":      `"3 September" is not a date to take command from; give one such as 1944-11-10`,
	} {
		_, err := Load("testdata/drill.toml", Options{From: from})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("--from %s: %v, want %q", from, err, want)
		}
	}
}

func placeIndex(sc *Scenario, id string) int {
	for i, p := range sc.Places {
		if p.ID == id {
			return i
		}
	}
	return -1
}
