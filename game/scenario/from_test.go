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
	if !strings.Contains(so, "18:00 on 3 September 1945") || !strings.Contains(so, "\n\n2 September: The bridge falls") ||
		strings.Contains(so, base.History.Steps[0].Text) || sc.Setup.Narrative[0].Turn != 6 {
		t.Errorf("the record so far, in a story, reads %q: the dates and titles only", so)
	}
	for i, sd := range sc.Setup.Sides {
		want := "This game takes up the record at 18:00 on 3 September 1945. What had happened by then, by the sources named:\n\n" +
			"2 September 1945: The bridge falls. West's infantry storms the bridge. Source: ili project, Drill scenario for the engine tests\n\n" +
			"The scenario's own briefing, as it opens on 1 September, follows; what it says of the first days is now history.\n\n" +
			base.Setup.Sides[i].Briefing
		if sd.Briefing != want {
			t.Errorf("%s's briefing reads\n%s\nnot\n%s", sd.ID, sd.Briefing, want)
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

// TestRecordSoFarCites: the record so far in a briefing gives each step's
// text and names its source in full, author and title, so that an author
// that ends "as quoted in" does not break off: nilka-1944 taken up on 6
// October quotes Liu Bindi's telegram from Wikipedia.
func TestRecordSoFarCites(t *testing.T) {
	sc, err := Load("nilka-1944", Options{From: "1944-10-06"})
	if err != nil {
		t.Fatal(err)
	}
	src := sc.Sources["LiuTel"]
	if !strings.HasSuffix(src.Author, "as quoted in") {
		t.Fatalf("the telegram's source is %q: the test needs an author quoted in a title", src.Author)
	}
	if got, want := sc.Cite("LiuTel"), src.Author+" "+src.Title; got != want {
		t.Errorf("Cite gives %q, not %q", got, want)
	}
	if got := sc.Cite("Ben"); got != "Linda Benson, "+sc.Sources["Ben"].Title {
		t.Errorf("Cite gives %q", got)
	}
	if got := sc.Cite("no-such-source"); got != "no-such-source" {
		t.Errorf("Cite of an unknown key gives %q", got)
	}
	var telegram Step
	for _, st := range sc.History.Steps {
		if st.Source == "LiuTel" && st.Turn < sc.Setup.FirstTurn {
			telegram = st
		}
	}
	if telegram.Text == "" {
		t.Fatal("no step of the telegram before the game")
	}
	brief := sc.Side("insurgents").Briefing
	text := strings.Join(strings.Fields(telegram.Text), " ")
	if !strings.Contains(brief, telegram.Title+". "+text+" Source: "+src.Author+" "+src.Title+"\n\n") {
		t.Errorf("the briefing does not give the telegram's step in full with its source:\n%s", brief)
	}
	if story := sc.Setup.Narrative[0].Text; strings.Contains(story, text) || !strings.Contains(story, telegram.Title) {
		t.Errorf("the story of the record so far is not short:\n%s", story)
	}
	// The story has a paragraph a month: manas-1945 taken up at its last
	// turn, after steps of July, August and September, four with its head.
	late, err := Load("manas-1945", Options{From: "1945-09-20"})
	if err != nil {
		t.Fatal(err)
	}
	months := map[string]bool{}
	for _, st := range late.History.Steps {
		if st.Turn < late.Setup.FirstTurn {
			months[st.On.Format("January")] = true
		}
	}
	if story := late.Setup.Narrative[0].Text; strings.Count(story, "\n\n") != len(months) || !strings.HasSuffix(story, ".") || strings.Contains(story, "..") {
		t.Errorf("the story of the record so far has not a paragraph for each of %d months:\n%s", len(months), story)
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
	// The first day's date, before the scenario's first turn begins that
	// morning, is the game from the start.
	if sc, err := Load("testdata/drill.toml", Options{From: "1945-09-01"}); err != nil {
		t.Errorf("--from the first day: %v", err)
	} else if sc.TakenFrom() != "" {
		t.Errorf("--from the first day takes the game up at %q, not from the start", sc.TakenFrom())
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
