package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

// TestPreviewInWords: the preview of the mounted band's attack on Nilka,
// whose garrison holds prepared works, says in one line that this turn
// only closes up on them and the odds once the fight is decided, the three
// factors that weigh most in words with their effect, every factor a click
// away, and the hover line calls the target previewed, not out of reach.
func TestPreviewInWords(t *testing.T) {
	p := nilkaAtTheGates(t)
	nilka := hex.FromOffset(11, 7)
	p.ClickHex(nilka)
	pre := p.sel.preview
	if pre == nil {
		t.Fatalf("no preview:\n%s", strings.Join(p.Log(), "\n"))
	}
	if got, want := headline(pre), "Closing up on prepared works: no decision this turn; attack again next turn, and once decided the attacker wins about 66%"; got != want {
		t.Errorf("the headline reads %q, want %q", got, want)
	}
	want := []string{
		"the shock of minor surprise: the attacker's odds about twice as good",
		"the attacker's quality (75%): the attacker's strength about 25% less",
		"the ground (built-up, dense cover): the attacker's strength about 25% less",
	}
	top := topFactors(pre, 3)
	for i, f := range top {
		if got := factorWords(f, pre.Input, "Nilka (Gongha)"); i >= len(want) || got != want[i] {
			t.Errorf("factor %d reads %q, want %q", i+1, got, want[min(i, len(want)-1)])
		}
	}
	if len(top) != 3 {
		t.Errorf("%d factors weigh most, want 3", len(top))
	}
	panel := func() string {
		var s []string
		rows, _, _ := p.panelRows(p.currentView())
		for _, r := range rows {
			s = append(s, r.text+" "+r.value)
		}
		return strings.Join(s, "\n")
	}
	shown := panel()
	for _, w := range []string{"Closing up on prepared works", "the shock of minor surprise", "click here: all 8 factors"} {
		if !strings.Contains(shown, w) {
			t.Errorf("the panel does not say %q:\n%s", w, shown)
		}
	}
	if strings.Contains(shown, "odds x1.85") {
		t.Errorf("the panel lists every factor before it is asked to:\n%s", shown)
	}
	// A click on the row shows every factor, another the three again.
	rows, _, _ := p.panelRows(p.currentView())
	lh := p.a.small.Size * 1.3
	for i, r := range rows {
		if !r.toggle {
			continue
		}
		x, y := p.w-p.a.panelW+20, int(float64(p.a.barH+8)+(float64(i)+0.5)*lh)
		p.Update(Input{Click: true, MouseX: x, MouseY: y, Held: map[Key]bool{}})
		break
	}
	all := panel()
	if !p.sel.allFactors || !strings.Contains(all, "odds x1.85") || !strings.Contains(all, "the ground (built-up, dense cover) x1.32") {
		t.Errorf("a click on the row did not list every factor:\n%s", all)
	}
	if p.sel.preview == nil || p.sel.target != nilka {
		t.Error("the click on the panel lost the preview")
	}
	if hover := p.describeHex(nilka, p.currentView()); !strings.Contains(hover, "previewed: click again to attack") || strings.Contains(hover, "out of reach") {
		t.Errorf("the hover line over the target reads %q", hover)
	}
}

// openingNilka is nilka-1944 for the insurgents with the opening stories
// read.
func openingNilka(t *testing.T) *Play {
	t.Helper()
	p, err := newPlay(testApp(), Options{Scenario: "nilka-1944", Side: "insurgents", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.Resize(1000, 700)
	p.stories = nil
	return p
}

// TestRefusalAdvice: a refusal says what to do instead, with units and
// places by name: an attack on an enemy no unit is next to, and a march
// beyond the reach.
func TestRefusalAdvice(t *testing.T) {
	p := openingNilka(t)
	p.Select("band-mounted")
	nilka := hex.FromOffset(11, 7)
	if hex.Distance(p.unit("band-mounted").Hex, nilka) < 2 {
		t.Fatal("the mounted band starts next to Nilka: the test shows nothing")
	}
	if hover := p.describeHex(nilka, p.currentView()); !strings.Contains(hover, "enemy: move a unit next to it to attack") {
		t.Errorf("the hover line over an enemy out of reach reads %q", hover)
	}
	p.ClickHex(nilka)
	log := p.Log()
	if got, want := log[len(log)-1], "cannot attack Nilka (Gongha): none of your units is next to it; move one next to it first, then click the enemy to weigh the attack"; got != want {
		t.Errorf("the refused attack reads %q, want %q", got, want)
	}
	p.Apply(rules.Move("insurgents", "band-mounted", hex.FromOffset(0, 0)))
	log = p.Log()
	if got, want := log[len(log)-1], "Nilka band, mounted, cannot reach 32 km north of Road to Ghulja this phase; choose a hex in its marked reach, or march part of the way now"; got != want {
		t.Errorf("the refused march reads %q, want %q", got, want)
	}
	for _, c := range []struct{ refusal, advice string }{
		{"band-foot is disordered and cannot attack this phase", "Nilka band, on foot, is disordered; it rallies at the start of your next phase and may attack then"},
		{"band-foot has already attacked this phase", "Nilka band, on foot, has already attacked this phase; a unit attacks once a phase, so attack with another or wait for your next turn"},
		{"band-foot is not next to 11,7", "Nilka band, on foot, is not next to Nilka (Gongha); move it next to the enemy first"},
		{"it is the phase of provincial, not of insurgents", "it is the phase of Provincial garrison; wait for your turn"},
	} {
		if got, _ := p.advise(errors.New(c.refusal)); got != c.advice {
			t.Errorf("%q is advised as %q, want %q", c.refusal, got, c.advice)
		}
	}
	if got := p.refused(errors.New("something new")); got != "cannot: something new" {
		t.Errorf("an unknown refusal reads %q", got)
	}
}

// TestSupplyExplained: the National Army's detachment at Wensu in 1946,
// which starts beyond its supply line, is off it on turn 1 and out of
// supply on turn 3, and the panel says why and what to do. (The artillery
// of 1945 was the example until Daheyan became the Jinghe front's base.)
func TestSupplyExplained(t *testing.T) {
	p, err := newPlay(testApp(), Options{Scenario: "aksu-1946", Side: "ina", Seed: 1, Opponent: ai.Normal})
	if err != nil {
		t.Fatal(err)
	}
	p.stories = nil
	why := "No source of supply of yours within 72 hours' march: the nearest, Baicheng (Bay), is 144 h away. " +
		"Move toward it, or take Aksu (12 h away), a source of supply."
	says := func(want string) {
		t.Helper()
		p.Select("aksu-detachment")
		u := p.unit("aksu-detachment")
		var got []string
		for _, r := range p.supplyRows(u, p.currentView(), 1e6) {
			got = append(got, r.text)
			if !r.warn {
				t.Errorf("%q is not a warning", r.text)
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("the detachment's supply reads %q, want %q", strings.Join(got, " "), want)
		}
	}
	says("OFF THE SUPPLY LINE: 48 h of supply left. " + why)
	for turn := 2; turn <= 3; turn++ {
		p.Apply(rules.EndPhase("ina"))
		p.stories = nil
		if p.m.Turn() != turn {
			t.Fatalf("turn %d, want %d", p.m.Turn(), turn)
		}
	}
	says("OUT OF SUPPLY: weaker in a fight, losing morale each turn. " + why)
}

// TestSupplyCut: when the enemy stands across the way from a source in
// reach, the panel names the enemy and where it cuts the line. Found in
// games of the AI against itself.
func TestSupplyCut(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		sc, err := scenario.Load("manas-1945", scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		all := map[string]ai.Level{}
		for _, sd := range sc.Setup.Sides {
			all[sd.ID] = ai.Normal
		}
		p, err := newPlay(newApp(Settings{Scale: 1, Speed: 1}), Options{Scenario: "manas-1945", Seed: seed, AI: all})
		if err != nil {
			t.Fatal(err)
		}
		for step := 0; step < 3000 && !p.m.Over(); step++ {
			if _, ok, err := p.m.Step(); !ok || err != nil {
				break
			}
			for _, sd := range sc.Setup.Sides {
				v := p.m.View(sd.ID)
				for i := range v.Units {
					u := &v.Units[i]
					if u.Side != sd.ID || u.Status != rules.Active {
						continue
					}
					why := p.supplyReason(u, v)
					if !strings.HasPrefix(why, "The enemy's ") {
						continue
					}
					enemy := ""
					for _, e := range v.Units {
						if rules.Hostile(e.Side, u.Side) && e.Status == rules.Active && strings.HasPrefix(why, "The enemy's "+e.Name+" cut") {
							enemy = e.Name
						}
					}
					if enemy == "" || !strings.Contains(why, " the line from ") || !strings.Contains(why, "off, or move back toward ") {
						t.Fatalf("the cut line of %s reads %q", u.ID, why)
					}
					t.Logf("%s, seed %d, turn %d: %s: %s", sc.ID, seed, p.m.Turn(), u.Name, why)
					return
				}
			}
		}
	}
	t.Skip("no supply line cut in three games of the AI: nothing to show")
}

// pluralNames are the bundled scenarios' sides and units, each with its
// number: a new name must be added here, so that its verb is decided.
var pluralNames = map[string]bool{
	"Ili National Army, southern detachments":                               true,
	"National Revolutionary Army (Republic of China)":                       false,
	"National Revolutionary Army":                                           false,
	"Aksu front detachment":                                                 false,
	"Muzart road post":                                                      false,
	"Baicheng detachment":                                                   false,
	"Road screen west of Kucha (assumed)":                                   false,
	"5th Regiment, New 2nd Cavalry Division":                                false,
	"4th Regiment, New 2nd Cavalry Division":                                false,
	"First column from Korla":                                               false,
	"Second column from Korla":                                              false,
	"Column from Kashgar":                                                   false,
	"Third column from Korla":                                               false,
	"Ghulja insurgents (East Turkestan Republic from 12 November)":          true,
	"Ghulja insurgents":                                                     true,
	"Provincial garrison (Republic of China)":                               false,
	"Provincial garrison":                                                   false,
	"Armed groups of the old town":                                          true,
	"Groups from the western suburbs":                                       true,
	"White Russian detachment":                                              false,
	"Mounted bands from the Nilka valley":                                   true,
	"Ghulja police":                                                         true,
	"Power station guard":                                                   false,
	"Barracks garrison":                                                     false,
	"Garrison headquarters, New City":                                       false,
	"Air Corps and airfield guard":                                          true,
	"The column that went east":                                             false,
	"Relief column from Jinghe":                                             false,
	"East Turkestan National Army (East Turkestan Republic)":                false,
	"East Turkestan National Army":                                          false,
	"National Revolutionary Army and provincial forces (Republic of China)": true,
	"National Revolutionary Army and provincial forces":                     true,
	"Suidun Infantry Regiment":                                              false,
	"Ghulja Regiment":                                                       false,
	"Kazakh Cavalry Regiment":                                               false,
	"Artillery group":                                                       false,
	"Motorised group":                                                       false,
	"Officers and men released from the Red Army":                           true,
	"Air detachment (3 SB, 6 I-16)":                                         false,
	"Tarbagatay column (3rd Kensai Regiment, 1st Mongol Independent Cavalry Squadron)": false,
	"Ghulja Reserve Regiment":                                        false,
	"Dungan Regiment":                                                false,
	"Xibe and Mongol horse":                                          true,
	"Garrisons and militia of the Ili valley":                        true,
	"Osman Batur's Kazakh horsemen (north)":                          true,
	"Mongol horsemen in the Altai":                                   true,
	"Osman Batur's Kazakh horsemen (south)":                          true,
	"3rd and 7th Cavalry Regiments":                                  true,
	"Emin garrison":                                                  false,
	"45th Division":                                                  false,
	"Wusu garrison":                                                  false,
	"Hui 5th Cavalry Army, Dushanzi group":                           false,
	"Hui 5th Cavalry Army, Shihezi group":                            false,
	"Manas cavalry regiment":                                         false,
	"Division from Hu Zongnan's army (first)":                        false,
	"Division from Hu Zongnan's army (second)":                       false,
	"Chenghua garrison (11th Cavalry Division, by amateur accounts)": false,
	"Air detachment at Dihua":                                        false,
	"42nd Cavalry Army, elements":                                    true,
	"Nilka insurgents":                                               true,
	"Nilka band, mounted":                                            false,
	"Nilka band, on foot":                                            false,
	"Nilka county garrison":                                          false,
	"Nilka police":                                                   true,
	"Truck-borne detachment from Ghulja":                             false,
	"Column from the Ghulja garrison":                                false,
}

// TestVerbAgreement: every side and unit of every bundled scenario and
// variant takes the verb of its number: "Nilka insurgents win", "Groups
// from the western suburbs march", "Nilka band, mounted, marches".
func TestVerbAgreement(t *testing.T) {
	for _, id := range scenario.Bundled() {
		base, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		variants := [][]string{nil}
		for _, v := range base.Variants {
			variants = append(variants, []string{v.ID})
		}
		for _, vs := range variants {
			sc, err := scenario.Load(id, scenario.Options{Variants: vs})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, sd := range sc.Setup.Sides {
				names = append(names, sc.SideName(sd.ID), shortSide(sc, sd.ID))
			}
			for _, u := range sc.Units {
				names = append(names, u.Name)
			}
			for _, n := range names {
				pl, ok := pluralNames[n]
				if !ok {
					t.Errorf("%s %v: %q is new: say in pluralNames whether it takes a plural verb (plural says %v)", id, vs, n, plural(n))
					continue
				}
				if plural(n) != pl {
					t.Errorf("%q: plural %v, want %v", n, plural(n), pl)
				}
				verb := " marches"
				if pl {
					verb = " march"
				}
				if got, want := says(n, "march"), closed(n)+verb; got != want {
					t.Errorf("%q", got)
				}
			}
		}
	}
	for _, c := range []struct{ subject, verb, want string }{
		{"Nilka insurgents", "win", "Nilka insurgents win"},
		{"Nilka band, mounted", "march", "Nilka band, mounted, marches"},
		{"Groups from the western suburbs", "fall back", "Groups from the western suburbs fall back"},
		{"Provincial garrison", "be out of supply", "Provincial garrison is out of supply"},
		{"Nilka police", "be broken", "Nilka police are broken"},
		{"Column from Kashgar", "carry", "Column from Kashgar carries"},
		{"Tarbagatay column (3rd Kensai Regiment, 1st Mongol Independent Cavalry Squadron)", "rush", "Tarbagatay column (3rd Kensai Regiment, 1st Mongol Independent Cavalry Squadron) rushes"},
	} {
		if got := says(c.subject, c.verb); got != c.want {
			t.Errorf("says(%q, %q) = %q, want %q", c.subject, c.verb, got, c.want)
		}
	}
	if got, want := sayAll([]string{"Nilka band, mounted", "Nilka band, on foot"}, "attack"), "Nilka band, mounted, and Nilka band, on foot, attack"; got != want {
		t.Errorf("two attackers: %q, want %q", got, want)
	}
	// The log says it so.
	p := openingNilka(t)
	for _, c := range []struct {
		e    rules.Event
		want string
	}{
		{rules.Moved{Unit: "band-mounted", Path: []hex.Hex{hex.FromOffset(11, 9)}, Minutes: 90}, "Nilka band, mounted, marches to Kash River ford (1 h 30 min)"},
		{rules.Retreated{Unit: "police", To: hex.FromOffset(11, 6)}, "Nilka police fall back to 4 km north-west of Nilka (Gongha)"},
		{rules.PlaceCaptured{Side: "insurgents", Place: "nilka"}, "Nilka insurgents take Nilka (Gongha)"},
		{rules.PlaceCaptured{Side: "provincial", Place: "nilka"}, "Provincial garrison takes Nilka (Gongha)"},
		{rules.SupplyChanged{Unit: "police"}, "Nilka police are out of supply"},
	} {
		if got := p.logLine(c.e); got != c.want {
			t.Errorf("the log reads %q, want %q", got, c.want)
		}
	}
	if got := p.gameOverWords("insurgents", "", true); !strings.Contains(got, "Nilka insurgents win") {
		t.Errorf("the bar's game-over words read %q", got)
	}
}

// TestLogWraps: a line of the log longer than the panel, a saved game's
// path among them, is broken into lines that fit.
func TestLogWraps(t *testing.T) {
	p := openingNilka(t)
	path := "/home/somebody/.config/ili/saves/a-folder-with-a-long-name/and-another-one/quicksave.json"
	p.say("saved to " + path)
	_, inner, _ := p.panelRows(p.currentView())
	rows := p.logRows(inner)
	var tail []string
	for _, r := range rows {
		if w, _ := text.Measure(r.text, p.a.small, 0); w > inner {
			t.Errorf("%q is %.0f px wide, the panel %.0f", r.text, w, inner)
		}
		if strings.HasPrefix(r.text, "saved to") || len(tail) > 0 {
			tail = append(tail, r.text)
		}
	}
	if len(tail) < 2 || strings.Join(tail, "") != "saved to"+path && strings.Join(tail, "") != "saved to "+path {
		t.Errorf("the path is not all there, in order: %q", tail)
	}
}
