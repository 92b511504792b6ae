package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestStepCostByModeAndTerrain(t *testing.T) {
	w := newWorld(t,
		".fdhmpg~twc",
		"...........",
	)
	s, _ := w.start(t, 1)
	// 10 km hexes: minutes = ceil(10 km / speed km/day * 1440).
	tests := []struct {
		mode *Mode
		to   int // column in row 0
		want int // 0: impassable
	}{
		{foot, 0, 655}, {foot, 1, 720}, {foot, 2, 960}, {foot, 3, 1200}, {foot, 4, 2058},
		{foot, 5, 2400}, {foot, 6, 0}, {foot, 7, 0}, {foot, 8, 720}, {foot, 9, 2880}, {foot, 10, 1440},
		{horse, 0, 360}, {horse, 4, 1200},
		{motor, 0, 288}, {motor, 3, 720}, {motor, 4, 0}, {motor, 5, 0}, {motor, 9, 0},
	}
	for _, tt := range tests {
		got, ok := s.StepCost(tt.mode, at(tt.to, 1), at(tt.to, 0))
		if tt.want == 0 {
			if ok {
				t.Errorf("%s into %s: allowed at %d, want impassable", tt.mode.ID, s.Map.At(at(tt.to, 0)), got)
			}
			continue
		}
		if !ok || got != tt.want {
			t.Errorf("%s into %s: %d (%v), want %d", tt.mode.ID, s.Map.At(at(tt.to, 0)), got, ok, tt.want)
		}
	}
}

func TestRoadsAndRivers(t *testing.T) {
	w := newWorld(t,
		"mmmmm",
		".....",
	)
	w.road(MainRoad, [2]int{0, 0}, [2]int{1, 0}).road(Track, [2]int{1, 0}, [2]int{2, 0})
	w.river(MinorRiver, [2]int{0, 1}, [2]int{1, 1}).river(MajorRiver, [2]int{1, 1}, [2]int{2, 1})
	w.river(MajorRiver, [2]int{2, 1}, [2]int{3, 1}).road(MainRoad, [2]int{2, 1}, [2]int{3, 1})
	s, _ := w.start(t, 1)
	cost := func(m *Mode, a, b [2]int) int {
		c, ok := s.StepCost(m, at(a[0], a[1]), at(b[0], b[1]))
		if !ok {
			return 0
		}
		return c
	}
	if got := cost(motor, [2]int{0, 0}, [2]int{1, 0}); got != 96 {
		t.Errorf("motor on a road through mountains: %d, want 96", got)
	}
	if got := cost(foot, [2]int{1, 0}, [2]int{2, 0}); got != 576 {
		t.Errorf("foot on a track: %d, want 576", got)
	}
	if got := cost(motor, [2]int{2, 0}, [2]int{3, 0}); got != 0 {
		t.Errorf("motor off-road into mountains: %d, want impassable", got)
	}
	if got := cost(foot, [2]int{0, 1}, [2]int{1, 1}); got != 655+minorRiverMinutes {
		t.Errorf("foot across a minor river: %d, want %d", got, 655+minorRiverMinutes)
	}
	if got := cost(foot, [2]int{1, 1}, [2]int{2, 1}); got != 655+majorRiverMinutes {
		t.Errorf("foot across a major river: %d", got)
	}
	if got := cost(motor, [2]int{1, 1}, [2]int{2, 1}); got != 0 {
		t.Errorf("trucks across a major river without a bridge: %d, want impassable", got)
	}
	if got := cost(motor, [2]int{2, 1}, [2]int{3, 1}); got != 96 {
		t.Errorf("trucks over a bridge: %d, want 96", got)
	}
}

func TestReachableAndOneStepRule(t *testing.T) {
	w := newWorld(t,
		"......",
		"..m...",
		"......",
	)
	w.unit("a", "red", infantry, 0, 0, 1000).unit("b", "red", infantry, 1, 1, 1000)
	s, _ := w.start(t, 1)
	r := s.Reachable("a")
	// 1440 minutes a day, 655 a plain hex: two hexes, not three.
	if _, ok := r[at(2, 0)]; !ok {
		t.Error("infantry cannot reach two plain hexes in a day")
	}
	if _, ok := r[at(3, 0)]; ok {
		t.Error("infantry reaches three plain hexes (30 km) in a day")
	}
	// A mountain hex costs more than a day, but a fresh unit may always take one step.
	if _, ok := s.Reachable("b")[at(2, 1)]; !ok {
		t.Error("a fresh unit cannot step into the mountain next to it")
	}
	mustApply(t, s, Move("red", "b", at(2, 1)))
	if u := s.Unit("b"); u.Hex != at(2, 1) {
		t.Fatalf("b is at %v", u.Hex)
	}
	if len(s.Reachable("b")) > 1 {
		t.Error("a unit that spent more than its day can still move")
	}
	if _, err := s.Apply(Move("red", "b", at(3, 1))); err == nil {
		t.Error("moved twice past the day's budget")
	}
}

func TestZonesOfControl(t *testing.T) {
	w := newWorld(t,
		".......",
		".......",
		".......",
	)
	w.setup.TurnHours = 72 // three days: room for long moves
	w.unit("r", "red", infantry, 0, 1, 1000).unit("b", "blue", infantry, 3, 1, 1000)
	s, _ := w.start(t, 1)
	// Moving past the enemy: the path must not go ZOC to ZOC, and the unit
	// stops when it enters the zone.
	evs := mustApply(t, s, Move("red", "r", at(2, 1)))
	if s.Unit("r").Hex != at(2, 1) {
		t.Fatalf("r at %v, want next to the enemy: %s", s.Unit("r").Hex, logOf(evs))
	}
	if r := s.Reachable("r"); len(r) > 1 {
		t.Errorf("entering a zone of control did not end the move: %d hexes reachable", len(r))
	}
	if _, err := s.Apply(Move("red", "r", at(3, 0))); err == nil {
		t.Error("r moved on after entering a zone of control")
	}
	mustApply(t, s, EndPhase("red"))
	mustApply(t, s, EndPhase("blue"))
	// Next turn: r may leave the zone, but not step straight into another controlled hex.
	path, _, ok := s.PlanPath("r", at(3, 0))
	if !ok {
		t.Fatal("r cannot go round to 3,0 by leaving the zone first")
	}
	if s.enemyZOC("red", path[1]) {
		t.Errorf("r's path %v steps from one enemy-controlled hex straight into another", path)
	}
	if _, err := s.Apply(Move("red", "r", at(3, 0))); err != nil {
		t.Errorf("r cannot go round to 3,0 by leaving the zone first: %v", err)
	}
	// Through a gap of two ZOC hexes the path must go around.
	if path, _, ok := s.PlanPath("r", at(4, 1)); ok {
		for _, h := range path {
			if h == at(3, 1) {
				t.Error("path goes through the enemy")
			}
		}
	}
}

func TestSupplyCutAndRestored(t *testing.T) {
	w := newWorld(t,
		".........",
		".........",
		".........",
	)
	w.place("depot", "red", 0, 1, 0, true)
	w.unit("near", "red", infantry, 2, 1, 1000).unit("far", "red", infantry, 8, 1, 1000)
	w.unit("enemy", "blue", infantry, 8, 2, 100)
	s, evs := w.start(t, 1)
	if !s.Unit("near").InSupply {
		t.Errorf("a unit two hexes from its depot is out of supply: %s", logOf(evs))
	}
	// 72 hours of foot march at 655 min a hex is 6 hexes: "far" at 8 runs on what it carries.
	far := s.Unit("far")
	if far.SupplyHours != 24 || !far.InSupply {
		t.Errorf("far: supply %d h, in supply %v; want 24 h left of 48", far.SupplyHours, far.InSupply)
	}
	mustApply(t, s, EndPhase("red"))
	mustApply(t, s, EndPhase("blue"))
	far = s.Unit("far")
	if far.InSupply || far.SupplyHours != 0 {
		t.Errorf("far after two days cut off: supply %d h, in supply %v", far.SupplyHours, far.InSupply)
	}
	// A blocking enemy cuts the near unit off too: enemy units block the line and
	// their zones of control block it where no friend stands.
	s2, _ := newWorld(t, ".........", ".........", ".........").
		place("depot", "red", 0, 1, 0, true).
		unit("near", "red", infantry, 4, 1, 1000).
		unit("x", "blue", infantry, 2, 0, 500).unit("y", "blue", infantry, 2, 2, 500).unit("z", "blue", infantry, 2, 1, 500).
		start(t, 1)
	if _, ok := s2.supplyNet("red").Cost(at(4, 1)); ok {
		t.Error("supply traced through a line of enemy units")
	}
}

func TestReinforcementsAndWithdrawals(t *testing.T) {
	w := newWorld(t, "......", "......")
	w.unit("r", "red", infantry, 0, 0, 1000).unit("b", "blue", infantry, 5, 1, 1000)
	w.units = append(w.units, Unit{ID: "late", Side: "red", Type: infantry, Hex: at(5, 0), Status: Pending,
		ArriveTurn: 2, Men: 800, Quality: 100, Morale: 70, BaseMorale: 70})
	w.units[0].WithdrawTurn = 3
	s, _ := w.start(t, 1)
	if s.Unit("late").Status != Pending {
		t.Fatal("reinforcement on the map before its turn")
	}
	mustApply(t, s, EndPhase("red"))
	evs := mustApply(t, s, EndPhase("blue"))
	late := s.Unit("late")
	if late.Status != Active {
		t.Fatalf("reinforcement not arrived on turn 2: %s", logOf(evs))
	}
	if late.Hex == at(5, 1) {
		t.Error("reinforcement entered a hex held by the enemy")
	}
	if !strings.Contains(logOf(evs), "late arrives") {
		t.Errorf("no arrival event: %s", logOf(evs))
	}
	mustApply(t, s, EndPhase("red"))
	evs = mustApply(t, s, EndPhase("blue"))
	if s.Unit("r").Status != Withdrawn || !strings.Contains(logOf(evs), "r withdraws") {
		t.Errorf("r not withdrawn on turn 3: %s", logOf(evs))
	}
}

func TestVictory(t *testing.T) {
	build := func() *world {
		w := newWorld(t, ".....", ".....")
		w.setup.Turns = 3
		w.place("town", "blue", 2, 0, 10, false).place("fort", "blue", 4, 1, 5, false)
		w.unit("r", "red", cavalry, 0, 0, 500).unit("b", "blue", infantry, 4, 1, 500)
		return w
	}
	// Turn limit: blue holds 15 VP, red 0.
	s, _ := build().start(t, 1)
	for !s.Over {
		mustApply(t, s, EndPhase(s.ActiveSide()))
	}
	if s.Winner != "blue" || s.Turn != 3 {
		t.Errorf("winner %q on turn %d, want blue at the turn limit (3)", s.Winner, s.Turn)
	}
	// Taking the town flips 10 VP; sudden death for holding it ends the game.
	w := build()
	w.setup.Victory.SuddenDeath = []SuddenDeath{{Side: "red", Hold: []string{"town"}, FromTurn: 1}}
	s, _ = w.start(t, 1)
	evs := mustApply(t, s, Move("red", "r", at(2, 0)))
	if s.Place("town").Owner != "red" || !strings.Contains(logOf(evs), "red takes town from blue") {
		t.Fatalf("town not taken: %s", logOf(evs))
	}
	if vp := s.VP(); vp["red"] != 10 || vp["blue"] != 5 {
		t.Errorf("VP %v, want red 10 blue 5", vp)
	}
	mustApply(t, s, EndPhase("red"))
	evs = mustApply(t, s, EndPhase("blue"))
	if !s.Over || s.Winner != "red" {
		t.Errorf("no sudden death: %s", logOf(evs))
	}
	if _, err := s.Apply(EndPhase("red")); err != ErrGameOver {
		t.Errorf("command after the end: %v", err)
	}
}

func TestEntrenching(t *testing.T) {
	w := newWorld(t, "...", "...")
	w.setup.TurnHours = 12
	w.unit("r", "red", infantry, 0, 0, 500).unit("b", "blue", infantry, 2, 1, 500)
	s, _ := w.start(t, 1)
	var p Posture
	for turn := 0; turn < 8; turn++ {
		mustApply(t, s, Entrench("red", "r"))
		p = s.Unit("r").Posture(s.Map)
		if turn == 1 && p != Prepared {
			t.Errorf("after 24 h: %s, want prepared", p)
		}
		mustApply(t, s, EndPhase("red"))
		mustApply(t, s, EndPhase("blue"))
	}
	if p != Fortified {
		t.Errorf("after 96 h: %s, want fortified", p)
	}
	mustApply(t, s, Move("red", "r", at(1, 0)))
	if s.Unit("r").Posture(s.Map) != Hasty {
		t.Error("moving kept the entrenchments")
	}
}

func TestFogOfWar(t *testing.T) {
	w := newWorld(t,
		"..m......",
		"..m......",
		"..m......",
	)
	w.setup.Fog = true
	w.unit("r", "red", infantry, 0, 1, 500).unit("hidden", "blue", infantry, 4, 1, 500).
		unit("seen", "blue", infantry, 1, 0, 100)
	s, _ := w.start(t, 1)
	v := s.View("red")
	var ids []string
	for _, u := range v.Units {
		ids = append(ids, u.ID)
	}
	if got := strings.Join(ids, ","); got != "r,seen" {
		t.Errorf("red sees %s, want r,seen (the mountains hide the other)", got)
	}
	if v.Seen(at(4, 1)) {
		t.Error("red sees behind the mountain ridge")
	}
	if _, err := s.Apply(Attack("red", at(4, 1), false, "r")); err == nil {
		t.Error("attacked an unseen, distant hex")
	}
	// Without fog everything is seen.
	s.Fog = false
	if !s.View("red").Seen(at(4, 1)) {
		t.Error("fog off, but a hex is hidden")
	}
}

func TestMoveStopsAtHiddenEnemy(t *testing.T) {
	w := newWorld(t,
		".h.h.h.",
		"..m.m..",
		".h.h.h.",
	)
	w.setup.Fog = true
	w.setup.TurnHours = 96
	w.unit("r", "red", cavalry, 0, 1, 500).unit("b", "blue", infantry, 5, 1, 500)
	s, _ := w.start(t, 1)
	evs := mustApply(t, s, Move("red", "r", at(6, 1)))
	if s.Unit("r").Hex == at(6, 1) {
		t.Fatalf("moved through a hidden enemy and its zone: %s", logOf(evs))
	}
	if !strings.Contains(logOf(evs), "stops") {
		t.Errorf("no stop event: %s", logOf(evs))
	}
}

func TestCombatOutcomesAndConservation(t *testing.T) {
	w := newWorld(t, "....", "....")
	w.unit("big", "red", infantry, 0, 0, 6000).unit("small", "blue", infantry, 1, 0, 400)
	s, _ := w.start(t, 7)
	evs := mustApply(t, s, Attack("red", at(1, 0), true, "big"))
	log := logOf(evs)
	if !strings.Contains(log, "attack small") {
		t.Fatalf("no combat event: %s", log)
	}
	small := s.Unit("small")
	if small.Hex == at(1, 0) && small.Status == Active {
		t.Errorf("400 men held against 6,000 in the open: %s", log)
	}
	for _, u := range s.Units {
		if u.Men+u.Casualties+u.Captured != u.Strength() || u.Men < 0 {
			t.Errorf("%s: men not conserved", u.ID)
		}
	}
	if _, err := s.Apply(Attack("red", at(1, 0), false, "big")); err == nil {
		t.Error("attacked twice in one phase")
	}
}

func TestCloneIsIndependent(t *testing.T) {
	w := newWorld(t, "....", "....")
	w.unit("r", "red", infantry, 0, 0, 1000).unit("b", "blue", infantry, 3, 1, 1000)
	s, _ := w.start(t, 3)
	h := s.Hash()
	c := s.Clone()
	mustApply(t, c, Move("red", "r", at(1, 0)))
	if s.Hash() != h || s.Unit("r").Hex != at(0, 0) {
		t.Error("changing a clone changed the original")
	}
	if c.Hash() == h {
		t.Error("a move did not change the hash")
	}
	// The generator is copied too: the same command on two clones gives the same result.
	a, b := s.Clone(), s.Clone()
	mustApply(t, a, Move("red", "r", at(1, 1)))
	mustApply(t, b, Move("red", "r", at(1, 1)))
	if a.Hash() != b.Hash() {
		t.Error("two clones diverged")
	}
}

func BenchmarkClone(b *testing.B) {
	w := newWorld(b, strings.Repeat(".", 100), strings.Repeat(".", 100))
	for i := 0; i < 200; i++ {
		w.unit("u"+string(rune('a'+i%26))+string(rune('a'+i/26)), "red", infantry, i%100, i%2, 1000)
	}
	s, _ := w.start(b, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = s.Clone()
	}
}

func TestExitForVictoryPoints(t *testing.T) {
	w := newWorld(t, "......", "......")
	w.places = append(w.places, Place{ID: "north", Name: "north", Hex: at(2, 0), ExitFor: "red", ExitVP: 5})
	w.unit("r", "red", infantry, 0, 0, 2000).unit("b", "blue", infantry, 5, 1, 500)
	s, _ := w.start(t, 1)
	evs := mustApply(t, s, Move("red", "r", at(2, 0)))
	u := s.Unit("r")
	if u.Status != Withdrawn || u.ExitVP != 10 || !strings.Contains(logOf(evs), "leaves the map at north with 2000 men (10 VP)") {
		t.Fatalf("exit: %+v\n%s", u, logOf(evs))
	}
	if vp := s.VP(); vp["red"] != 10 {
		t.Errorf("VP %v, want red 10 for 2,000 men out", vp)
	}
	// Blue cannot use red's exit.
	if p := s.Place("north"); p.Owner != "red" {
		t.Errorf("the exit hex was not taken in passing: %+v", p)
	}
}

// TestKnownEvents: a side learns of the other's moves only where it sees
// them, and of its own and public events always.
func TestKnownEvents(t *testing.T) {
	w := newWorld(t,
		"....m.....",
		"....m.....",
		"....m.....",
	)
	w.setup.Fog = true
	w.unit("r", "red", infantry, 0, 1, 500).unit("b", "blue", infantry, 8, 1, 500).unit("n", "blue", infantry, 3, 0, 100)
	s, _ := w.start(t, 1)
	mustApply(t, s, EndPhase("red"))
	// Blue comes into red's sight (one hex here): red sees the part of the
	// move in its sight, not where it came from.
	evs := mustApply(t, s, Move("blue", "n", at(1, 0)))
	got := s.Known("red", evs)
	if len(got) == 0 {
		t.Fatalf("red does not see a move into its sight: %s", logOf(evs))
	}
	if m, ok := got[0].(Moved); !ok || len(m.Path) != 1 || m.Path[0] != at(1, 0) {
		t.Errorf("red learns %s of %s", logOf(got), logOf(evs))
	}
	// Blue moves out of sight: red must not learn of it.
	evs = mustApply(t, s, Move("blue", "b", at(7, 1)))
	if got := s.Known("red", evs); len(got) != 0 {
		t.Errorf("red learns of a move behind the ridge: %s", logOf(got))
	}
	if got := s.Known("blue", evs); len(got) != len(evs) {
		t.Errorf("blue does not know its own move: %s", logOf(got))
	}
	// The end of the phase and the new turn are public.
	evs = mustApply(t, s, EndPhase("blue"))
	if got := s.Known("red", evs); len(got) != len(evs) || !strings.Contains(logOf(got), "turn 2") {
		t.Errorf("red misses public events: %s of %s", logOf(got), logOf(evs))
	}
	// Red moves next to blue's scout: blue sees it.
	evs = mustApply(t, s, Move("red", "r", at(1, 1)))
	if got := s.Known("blue", evs); len(got) != len(evs) {
		t.Errorf("blue misses red's move in its sight: %s of %s", logOf(got), logOf(evs))
	}
	s.Fog = false
	mustApply(t, s, EndPhase("red"))
	evs = mustApply(t, s, Move("blue", "b", at(8, 1)))
	if got := s.Known("red", evs); len(got) != len(evs) {
		t.Error("without fog an event is hidden")
	}
}

// TestQueryKnowsOnlyWhatItSees: a side's supply reach and its attack
// preview are built from what it can see. An enemy column moving unseen onto
// its supply line, or enemy aircraft flying in unseen, change neither, while
// the real supply line is cut all the same.
func TestQueryKnowsOnlyWhatItSees(t *testing.T) {
	air := &UnitType{ID: "air", Class: Aircraft, ObserveKm: 10, RangeKm: 50}
	w := newWorld(t, ".............", ".............", ".............", ".............", ".............")
	w.setup.Fog = true
	w.place("depot", "red", 0, 1, 0, true)
	w.unit("front", "red", infantry, 11, 1, 2000).unit("held", "blue", infantry, 12, 1, 500)
	w.unit("column", "blue", infantry, 6, 4, 800).unit("planes", "blue", air, 0, 4, 0)
	w.units[len(w.units)-1].Aircraft = 12
	s, _ := w.start(t, 1)
	attack := Attack("red", at(12, 1), false, "front")
	reach := func(s *State) []int32 { return s.For("red").SupplyReach().cost }
	preview := func(s *State) Preview {
		p, err := s.For("red").PreviewAttack(attack, 100)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	before, odds := reach(s), preview(s)
	moved := s.Clone()
	moved.Unit("column").Hex = at(6, 1)  // across the road home, out of sight
	moved.Unit("planes").Hex = at(12, 4) // the target within its range now
	for _, v := range []string{"column", "planes"} {
		if moved.View("red").Seen(moved.Unit(v).Hex) {
			t.Fatalf("red sees %s: the test needs it unseen", v)
		}
	}
	if _, ok := moved.supplyNet("red").Cost(at(11, 1)); ok {
		t.Fatal("the column does not cut the real supply line: the test needs it to")
	}
	if !slices.Equal(reach(moved), before) {
		t.Error("red's supply reach changed when an enemy unit it cannot see moved")
	}
	if got := preview(moved); got.Odds != odds.Odds || got.Input != odds.Input {
		t.Errorf("red's attack preview changed with enemy aircraft it cannot see: %+v, was %+v", got.Input, odds.Input)
	}
	if odds.Input.Defender.Aircraft != 0 || odds.Input.Air != 0 {
		t.Errorf("the preview counts %d unseen enemy aircraft", odds.Input.Defender.Aircraft)
	}
}
