package scenario

import (
	"strings"
	"testing"
	"time"

	"ili/game/rules"
)

func mustLoad(t *testing.T, id string, variants ...string) *Scenario {
	t.Helper()
	sc, err := Load(id, Options{Variants: variants})
	if err != nil {
		t.Fatalf("%s %v: %v", id, variants, err)
	}
	return sc
}

func men(sc *Scenario, ids ...string) (total int) {
	for _, u := range sc.Units {
		for _, id := range ids {
			if u.ID == id {
				total += u.Men
			}
		}
	}
	return total
}

func unit(sc *Scenario, id string) *rules.Unit {
	for i := range sc.Units {
		if sc.Units[i].ID == id {
			return &sc.Units[i]
		}
	}
	return nil
}

func allText(sc *Scenario) string {
	var b strings.Builder
	b.WriteString(sc.Description)
	for _, s := range sc.Setup.Sides {
		b.WriteString(s.Briefing)
	}
	for _, n := range sc.Setup.Narrative {
		b.WriteString(n.Text)
	}
	b.WriteString(sc.History.Summary + sc.History.Epilogue)
	for _, n := range sc.UnitNotes {
		b.WriteString(n)
	}
	return b.String()
}

// TestSeedFiguresOffered checks that every figure of the project's source
// text (shared/history/BRIEF.md, "Seed figures") is used by a scenario, and
// that where other sources disagree the other figure is offered as a variant.
func TestSeedFiguresOffered(t *testing.T) {
	nilka := mustLoad(t, "nilka-1944")
	if d := mustLoad(t, "nilka-1944", "seed-date").Start; !d.Equal(time.Date(1944, 10, 3, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("nilka-1944 seed-date starts %v, want 3 October 1944", d)
	}
	kash := false
	for _, name := range nilka.Setup.Map.RiverNames {
		kash = kash || name == "Kash River"
	}
	if !kash || !strings.Contains(allText(nilka), "Karasu") || !strings.Contains(allText(nilka), "south of the Kash River") {
		t.Error("nilka-1944 lacks the Kash River or the Karasu siege")
	}
	if men(nilka, "band-mounted", "band-foot") != 800 || men(mustLoad(t, "nilka-1944", "benson"), "band-mounted", "band-foot") != 1000 {
		t.Error("nilka-1944 should field PRCe's 800 and offer Benson's 1,000")
	}

	ghulja := mustLoad(t, "ghulja-1944")
	if !ghulja.Start.Equal(time.Date(1944, 11, 7, 6, 0, 0, 0, time.UTC)) || ghulja.End.Before(time.Date(1944, 11, 13, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ghulja-1944 runs %v to %v; it must cover 7-13 November", ghulja.Start, ghulja.End)
	}
	if ghulja.History.Holds["police"] != "insurgents" || ghulja.History.Holds["power"] != "insurgents" || !strings.Contains(allText(ghulja), "until 13 November") {
		t.Error("ghulja-1944 lacks the power and police stations holding out until 13 November")
	}

	manas := mustLoad(t, "manas-1945")
	strike := []string{"suidun-regiment", "ghulja-regiment", "kensai-regiment", "kazakh-cavalry", "artillery", "motorised"}
	if n := men(manas, strike...); n != 14000 {
		t.Errorf("manas-1945 strike force has %d men, want the seed's 14,000", n)
	}
	trucks, horses := 0, 0
	for _, id := range strike {
		trucks += unit(manas, id).Trucks
		horses += unit(manas, id).Horses
	}
	if trucks != 120 || horses != 6000 {
		t.Errorf("manas-1945 strike force has %d trucks and %d horses, want 120 and 6,000", trucks, horses)
	}
	if u := unit(manas, "soviet-volunteers"); u == nil || u.Men != 2500 || u.WithdrawTurn == 0 {
		t.Error("manas-1945 needs the 500 officers and 2,000 men of the Red Army, withdrawn at the halt")
	}
	if men(manas, "osman-north", "osman-south") != 2000 || men(mustLoad(t, "manas-1945", "wikipedia-20000"), "osman-north", "osman-south") != 20000 ||
		men(mustLoad(t, "manas-1945", "osman-1200"), "osman-north", "osman-south") != 1200 {
		t.Error("manas-1945 should field FRUS's 2,000 Kazakhs of 1944 and offer Wikipedia's 20,000 horsemen and the 1947 households")
	}
	if !strings.Contains(allText(manas), "60,000") || !strings.Contains(allText(manas), "about 15,000") {
		t.Error("manas-1945 should state the 60,000 and offer Zhu Shaoliang's 15,000")
	}
	if sub := mustLoad(t, "manas-1945", "zhu-15000"); len(sub.Units) >= len(manas.Units) {
		t.Error("the zhu-15000 variant removes nothing")
	}
	if !strings.Contains(allText(manas), "Manas River") || !strings.Contains(allText(manas), "aircraft is captured") {
		t.Error("manas-1945 lacks the Manas River and the captured aircraft")
	}

	aksu := mustLoad(t, "aksu-1946")
	if n := men(aksu, "column-1", "column-2", "column-kashgar", "column-3"); n != 70000 {
		t.Errorf("aksu-1946 government columns total %d, want the seed's 70,000", n)
	}
	if !strings.Contains(allText(aksu), "11,000 to 12,000") || !strings.Contains(allText(aksu), "6 June 1946") {
		t.Error("aksu-1946 should state the seed's 11,000-12,000 and its date")
	}
	if jan := mustLoad(t, "aksu-1946", "agreement-january"); jan.Start.Month() != time.January {
		t.Error("aksu-1946 should offer the agreement's January date")
	}
	if hold := mustLoad(t, "aksu-1946", "hold-aksu"); hold.Places[0].Owner != "ina" {
		t.Error("the hold-aksu variant should give Aksu to the National Army")
	}
}

// TestScenarioContents checks what every historical scenario must hold.
func TestScenarioContents(t *testing.T) {
	for _, id := range Bundled() {
		sc := mustLoad(t, id)
		whatIf := 0
		for _, v := range sc.Variants {
			if strings.HasPrefix(v.Title, "What if") {
				whatIf++
			}
		}
		if whatIf < 2 {
			t.Errorf("%s has %d what-if variants, want at least two", id, whatIf)
		}
		for _, s := range sc.Setup.Sides {
			if len(s.Briefing) < 200 {
				t.Errorf("%s: side %s has a thin briefing", id, s.ID)
			}
		}
		if sc.History.Summary == "" || sc.History.Epilogue == "" || len(sc.History.Holds) == 0 {
			t.Errorf("%s lacks the historical outcome", id)
		}
		if sc.Projection == nil {
			t.Errorf("%s has no projection", id)
		}
		supply := map[string]bool{}
		for _, p := range sc.Places {
			if p.Supply {
				supply[p.Owner] = true
			}
		}
		for _, s := range sc.Setup.Sides {
			if !supply[s.ID] {
				t.Errorf("%s: side %s has no supply source", id, s.ID)
			}
		}
		dated := 0
		for _, n := range sc.Setup.Narrative {
			if n.Turn > 0 {
				dated++
			}
		}
		if dated < 2 {
			t.Errorf("%s has %d dated events, want at least two", id, dated)
		}
	}
}
