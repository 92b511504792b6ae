package scenario

import (
	"errors"
	"os"
	"strings"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/rules/rulestest"
)

func loadDrill(t testing.TB, opt Options) *Scenario {
	t.Helper()
	src, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Parse("testdata/drill.toml", src, opt)
	if err != nil {
		t.Fatalf("drill does not load:\n%v", err)
	}
	return sc
}

func TestDrillLoads(t *testing.T) {
	sc := loadDrill(t, Options{})
	if sc.ID != "drill" || sc.Turns != 8 || sc.TurnHours != 12 || sc.Setup.HexM != 5000 {
		t.Errorf("header: %+v", sc)
	}
	m := sc.Setup.Map
	seen := map[rules.Terrain]bool{}
	for _, ter := range m.Terrain {
		seen[ter] = true
	}
	if len(seen) != int(rules.NumTerrain) {
		t.Errorf("drill has %d of %d terrain types", len(seen), rules.NumTerrain)
	}
	if m.RiverBetween(hex.FromOffset(6, 3), hex.FromOffset(7, 3)) != rules.MajorRiver {
		t.Error("major river missing")
	}
	if m.RoadBetween(hex.FromOffset(6, 3), hex.FromOffset(7, 3)) != rules.MainRoad {
		t.Error("the road over the bridge is missing")
	}
	if m.RoadBetween(hex.FromOffset(1, 2), hex.FromOffset(1, 1)) != rules.Track {
		t.Error("track missing")
	}
	if m.FortAt(hex.FromOffset(8, 5)) != rules.Fortified {
		t.Error("redoubt missing")
	}
	var trucks, hq *rules.Unit
	for i := range sc.Units {
		switch sc.Units[i].ID {
		case "w-trucks":
			trucks = &sc.Units[i]
		case "e-hq":
			hq = &sc.Units[i]
		}
	}
	if trucks == nil || trucks.Status != rules.Pending || trucks.ArriveTurn != 3 {
		t.Errorf("trucks should arrive on turn 3: %+v", trucks)
	}
	if hq == nil || hq.WithdrawTurn != 4 {
		t.Errorf("hq should withdraw on turn 4: %+v", hq)
	}
	if sc.Setup.Sides[0].SurpriseTurn != 2 || sc.Setup.Sides[0].SurpriseLevel != 1 {
		t.Errorf("surprise: %+v", sc.Setup.Sides[0])
	}
	if len(sc.Setup.Victory.SuddenDeath) != 1 || sc.Setup.Victory.SuddenDeath[0].FromTurn != 3 {
		t.Errorf("sudden death: %+v", sc.Setup.Victory)
	}
	if sc.History.Winner != "" || sc.History.Holds["city"] != "east" {
		t.Errorf("history: %+v", sc.History)
	}
}

func TestPlaceCoordinates(t *testing.T) {
	sc := loadDrill(t, Options{})
	for _, p := range sc.Places {
		if p.Lat == 0 && p.Lon == 0 {
			continue
		}
		if want := sc.Projection.Hex(p.Lat, p.Lon); hex.Distance(want, p.Hex) > 1 {
			t.Errorf("%s is at %s but its coordinates put it at %s", p.ID, rules.Label(p.Hex), rules.Label(want))
		}
	}
	// The projection round-trips a hex centre.
	h := hex.FromOffset(5, 4)
	lat, lon := sc.Projection.LatLon(h)
	if got := sc.Projection.Hex(lat, lon); got != h {
		t.Errorf("hex %v -> %.4f,%.4f -> %v", h, lat, lon, got)
	}
}

func TestVariantsAndSet(t *testing.T) {
	sc := loadDrill(t, Options{Variants: []string{"reinforced"}, Set: []string{"unit.w-inf.men=3000", "fog=false"}})
	ids := map[string]int{}
	for _, u := range sc.Units {
		ids[u.ID] = u.Men
	}
	if _, ok := ids["e-police"]; ok {
		t.Error("variant did not remove e-police")
	}
	if ids["e-reg"] != 900 || ids["e-inf"] != 2500 || ids["w-inf"] != 3000 {
		t.Errorf("variant and set not applied: %v", ids)
	}
	if sc.Turns != 6 || sc.Setup.Fog {
		t.Errorf("turns %d fog %v, want 6 and false", sc.Turns, sc.Setup.Fog)
	}
	if len(sc.Setup.Narrative) != 1 {
		t.Errorf("remove_events left %d events", len(sc.Setup.Narrative))
	}
	if _, err := Parse("x.toml", mustRead(t), Options{Variants: []string{"nope"}}); err == nil ||
		!strings.Contains(err.Error(), "reinforced, early") {
		t.Errorf("unknown variant: %v", err)
	}
	for _, bad := range []string{"men", "unit.nobody.men=3", "thing.x.y=1", "a.b=1"} {
		if _, err := Parse("x.toml", mustRead(t), Options{Set: []string{bad}}); err == nil {
			t.Errorf("--set %q accepted", bad)
		}
	}
	// A bad value given with --set is reported against the --set, not the file.
	_, err := Parse("x.toml", mustRead(t), Options{Set: []string{"unit.w-inf.men=-5"}})
	if err == nil || !strings.Contains(err.Error(), "--set unit.w-inf.men=-5") {
		t.Errorf("bad --set value: %v", err)
	}
}

func mustRead(t testing.TB) []byte {
	src, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestDrillPlays plays the drill and each variant to the end with seeded
// random legal commands, twice, and checks the two games match. Sixteen
// seeds: with a turn's fight decided once and no decision in the turn
// attackers close up on works, random play breaks a unit more seldom.
func TestDrillPlays(t *testing.T) {
	var all strings.Builder
	for _, v := range [][]string{nil, {"reinforced"}, {"early"}} {
		sc := loadDrill(t, Options{Variants: v})
		for seed := uint64(1); seed <= 16; seed++ {
			a := playRandom(t, sc, seed)
			b := playRandom(t, sc, seed)
			if a != b {
				t.Errorf("variant %v seed %d: same seed, different games", v, seed)
			}
			if !strings.Contains(a, "game over") {
				t.Errorf("variant %v seed %d: the game did not end", v, seed)
			}
			all.WriteString(a)
		}
	}
	// Across these games every kind of event the drill is built to exercise happens.
	for _, want := range []string{" attack ", "w-trucks arrives", "e-hq withdraws", "west takes bridge",
		"event rain", "event bridge-falls", "retreats", "eliminated", "digs in", "out of supply", "game over"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no game had %q", want)
		}
	}
}

func playRandom(t *testing.T, sc *Scenario, seed uint64) string {
	t.Helper()
	s, err := sc.NewState(seed)
	if err != nil {
		t.Fatal(err)
	}
	log, hashes, err := rulestest.Play(s, seed, 20000)
	if err != nil {
		t.Fatalf("%s seed %d: %v\n%s", sc.ID, seed, err, log)
	}
	return log + strings.Join(hashes, "\n")
}

func TestVariantErrorsPointAtTheVariant(t *testing.T) {
	src := strings.Replace(string(mustRead(t)), `remove = ["e-police"]`, `remove = ["e-polic"]`, 1)
	_, err := Parse("drill.toml", []byte(src), Options{Variants: []string{"reinforced"}})
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if want := lineOf(t, src, `remove = ["e-polic"]`); errs[0].Pos.Line != want || !strings.Contains(errs[0].Msg, `no unit "e-polic"`) {
		t.Errorf("got %v, want line %d naming the unit", errs[0], want)
	}
	// A bad value in a variant's change is reported at the change.
	src = strings.Replace(string(mustRead(t)), "men = 2500", "men = -2500", 1)
	_, err = Parse("drill.toml", []byte(src), Options{Variants: []string{"reinforced"}})
	if !errors.As(err, &errs) || errs[0].Pos.Line != lineOf(t, src, "men = -2500") {
		t.Errorf("bad change value: %v", err)
	}
}

// TestNamed: a reason the rules give names the sides and places by their
// ids; Named puts their names, whole words only.
func TestNamed(t *testing.T) {
	sc := loadDrill(t, Options{})
	for in, want := range map[string]string{
		"holds city, bridge":                "holds " + sc.PlaceName("city") + ", " + sc.PlaceName("bridge"),
		"east has no units left on the map": sc.SideName("east") + " has no units left on the map",
		"the turn limit is reached":         "the turn limit is reached",
		"eastern city-walls":                "eastern city-walls",
	} {
		if got := sc.Named(in); got != want {
			t.Errorf("Named(%q) = %q, want %q", in, got, want)
		}
	}
}
