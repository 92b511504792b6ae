package match_test

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/scenario"
)

func load(t testing.TB, id string) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Load(id, scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// aiGame is a match of AIs, at normal level unless levels are given.
func aiGame(t testing.TB, sc *scenario.Scenario, seed uint64, levels ...string) *match.Match {
	t.Helper()
	var seats []match.Seat
	for i, sd := range sc.Setup.Sides {
		level := "normal"
		if i < len(levels) {
			level = levels[i]
		}
		seats = append(seats, match.Seat{Side: sd.ID, AI: level})
	}
	m, evs, err := match.New(sc, match.Config{Scenario: sc.ID, Seed: seed, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 {
		t.Fatal("no opening events")
	}
	return m
}

// TestPlayOutAndReplay plays every bundled scenario to its end and replays
// its record: the same game, hash for hash, and the same result.
func TestPlayOutAndReplay(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc := load(t, id)
		m := aiGame(t, sc, 11)
		if err := m.PlayOut(); err != nil {
			t.Fatal(err)
		}
		rec := m.Record()
		if !m.Over() || len(rec.Hashes) != m.Turn() || len(rec.Commands) != m.Result().Commands {
			t.Fatalf("%s: over %v after %d turns with %d hashes and %d commands", id, m.Over(), m.Turn(), len(rec.Hashes), len(rec.Commands))
		}
		back, err := match.ReplayOn(sc, rec)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if back.Hash() != m.Hash() || back.Result().Winner != m.Result().Winner || !slices.Equal(back.Result().Captures, m.Result().Captures) {
			t.Errorf("%s: the replay differs from the game", id)
		}
	}
}

// TestReplayFindsTheTurn: a changed hash or a command that no longer
// applies is reported with the turn where it happens.
func TestReplayFindsTheTurn(t *testing.T) {
	sc := load(t, "nilka-1944")
	m := aiGame(t, sc, 3)
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	rec.Hashes["4"] = "0000000000000000"
	_, err := match.ReplayOn(sc, rec)
	var re *match.ReplayError
	if !errors.As(err, &re) || re.Turn != 4 || !errors.Is(err, match.ErrDiverged) {
		t.Errorf("a changed hash on turn 4: %v", err)
	}
	rec = m.Record()
	delete(rec.Hashes, "7")
	if _, err := match.ReplayOn(sc, rec); !errors.As(err, &re) || re.Turn != 7 || !errors.Is(err, match.ErrIncomplete) {
		t.Errorf("a missing hash on turn 7: %v", err)
	}
	rec = m.Record()
	rec.Commands = rec.Commands[:len(rec.Commands)-1] // the last command lost: only the final hash tells
	if _, err := match.ReplayOn(sc, rec); !errors.Is(err, match.ErrDiverged) {
		t.Errorf("a record without its last command: %v", err)
	}
	rec = m.Record()
	rec.Final = "" // without it, the commands of the last turn go unchecked
	if _, err := match.ReplayOn(sc, rec); !errors.Is(err, match.ErrIncomplete) {
		t.Errorf("a record without the hash after its last command: %v", err)
	}
	rec = m.Record()
	rec.ScenarioHash = "0123"
	if _, err := match.Replay(rec); !errors.Is(err, match.ErrNotItsScenario) {
		t.Errorf("a record of another text of its scenario: %v", err)
	}
	rec = m.Record()
	rec.Refused = []match.Refusal{{At: len(rec.Commands) + 5}}
	if _, err := match.ReplayOn(sc, rec); !errors.Is(err, match.ErrIncomplete) {
		t.Errorf("a refusal of a command the record has not: %v", err)
	}
	rec = m.Record()
	for i, c := range rec.Commands {
		if c.Kind == rules.CmdMove && i > 20 {
			rec.Commands[i].To = hex.Hex{Q: -50, R: -50}
			_, err = match.ReplayOn(sc, rec)
			if !errors.As(err, &re) || re.Command != i+1 || re.Turn < 2 {
				t.Errorf("a move off the map as command %d: %v", i+1, err)
			}
			break
		}
	}
}

// TestRefusedCommandsReplay: a command the rules refused in the game (an
// AI's fault, recorded with the reason) must be refused again on replay,
// and a replay that accepts it has diverged.
func TestRefusedCommandsReplay(t *testing.T) {
	sc := load(t, "nilka-1944")
	m := aiGame(t, sc, 5)
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	at := slices.IndexFunc(rec.Commands, func(c rules.Command) bool { return c.Kind == rules.CmdEnd })
	bad := rules.Move(rec.Commands[at].Side, "no-such-unit", hex.Hex{})
	rec.Commands = slices.Insert(rec.Commands, at, bad)
	rec.Refused = []match.Refusal{{At: at, Turn: 1, Command: bad, Error: "there is no unit"}}
	back, err := match.ReplayOn(sc, rec)
	if err != nil {
		t.Fatalf("a recorded refusal does not replay: %v", err)
	}
	if got := back.Refused(); back.Hash() != m.Hash() || back.Result().Refused != 1 || len(got) != 1 || got[0].At != at {
		t.Errorf("refused %d: %+v", back.Result().Refused, got)
	}
	rec.Refused = nil
	if _, err := match.ReplayOn(sc, rec); err == nil {
		t.Error("an unrecorded refusal replayed")
	}
}

// TestReplayMidPhaseGoesOn: a game saved in the middle of an AI's phase
// and loaded again goes on exactly as the game itself did, with AIs that
// draw on their random generators (easy's sloppy moves, random's choices).
func TestReplayMidPhaseGoesOn(t *testing.T) {
	sc := load(t, "ghulja-1944")
	for _, stop := range []int{7, 26, 51} {
		m := aiGame(t, sc, 9, "easy", "random")
		for m.Commands() < stop {
			if _, ok, err := m.Step(); err != nil || !ok {
				t.Fatalf("the game stopped after %d commands: %v", m.Commands(), err)
			}
		}
		back, err := match.ReplayOn(sc, m.Record())
		if err != nil {
			t.Fatal(err)
		}
		if err := m.PlayOut(); err != nil {
			t.Fatal(err)
		}
		if err := back.PlayOut(); err != nil {
			t.Fatal(err)
		}
		if back.Hash() != m.Hash() || back.Commands() != m.Commands() {
			t.Errorf("loaded after %d commands, the game went on differently", stop)
		}
	}
}

// TestPersonAndUndo: a person gives orders only for a side they play and in
// its phase; a move is taken back until a fight; the AI plays its phase.
func TestPersonAndUndo(t *testing.T) {
	sc := load(t, "nilka-1944")
	seats := []match.Seat{{Side: "insurgents"}, {Side: "provincial", AI: "normal"}}
	m, _, err := match.New(sc, match.Config{Scenario: "nilka-1944", Seed: 1, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	if !m.PersonToMove() || m.ToMove() != "insurgents" {
		t.Fatalf("%s to move, person %v", m.ToMove(), m.PersonToMove())
	}
	if _, err := m.Give(rules.EndPhase("provincial")); !errors.Is(err, match.ErrNotYours) {
		t.Errorf("a command for the AI's side: %v", err)
	}
	if _, ok, _ := m.Step(); ok {
		t.Error("the AI moved in the person's phase")
	}
	start := m.Hash()
	if _, err := m.Give(rules.Move("insurgents", "band-mounted", hex.FromOffset(9, 10))); err != nil {
		t.Fatal(err)
	}
	if !m.CanUndo() || !m.Undo() || m.Hash() != start || m.Commands() != 0 {
		t.Fatal("the move was not taken back whole")
	}
	// Taking the ford on the way is learnt: no taking that back.
	m.Give(rules.Move("insurgents", "band-mounted", hex.FromOffset(11, 8)))
	if m.CanUndo() || len(m.Result().Captures) != 1 {
		t.Errorf("a capture can be taken back (%d captures)", len(m.Result().Captures))
	}
	if _, err := m.Give(rules.Attack("insurgents", hex.FromOffset(11, 7), true, "band-mounted")); err != nil {
		t.Fatal(err)
	}
	if m.CanUndo() {
		t.Error("an attack can be taken back")
	}
	m.Give(rules.EndPhase("insurgents"))
	evs, err := m.Run()
	if err != nil || len(evs) == 0 || !m.PersonToMove() || m.Turn() != 2 {
		t.Errorf("the AI's phase: %d events, %v; turn %d, person to move %v", len(evs), err, m.Turn(), m.PersonToMove())
	}
	if err := m.PlayOut(); err == nil {
		t.Error("a game with a person played out alone")
	}
}

// TestSeats: a side without a seat is the AI's at normal level; an unknown
// side or level is an error.
func TestSeats(t *testing.T) {
	sc := load(t, "nilka-1944")
	m, _, err := match.New(sc, match.Config{Scenario: "nilka-1944", Seats: []match.Seat{{Side: "insurgents"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.SeatOf("provincial"); got.Person() || got.AI != "normal" {
		t.Errorf("the unseated side: %+v", got)
	}
	for _, bad := range []match.Seat{{Side: "nobody"}, {Side: "insurgents", AI: "genius"}} {
		if _, _, err := match.New(sc, match.Config{Seats: []match.Seat{bad}}); err == nil {
			t.Errorf("seat %+v accepted", bad)
		}
	}
}

// TestRecordNamesFilesWhole: a scenario file given by a relative path is
// recorded by its absolute path, so that the record loads from anywhere; a
// bundled scenario keeps its ID; a side given two seats is an error.
func TestRecordNamesFilesWhole(t *testing.T) {
	m, _, err := match.Load(match.Config{Scenario: "../scenario/testdata/drill.toml"})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Record().Scenario; !filepath.IsAbs(got) || filepath.Base(got) != "drill.toml" {
		t.Errorf("recorded as %q", got)
	}
	if got := aiGame(t, load(t, "nilka-1944"), 1).Record().Scenario; got != "nilka-1944" {
		t.Errorf("a bundled scenario recorded as %q", got)
	}
	two := []match.Seat{{Side: "insurgents"}, {Side: "insurgents", AI: "easy"}}
	if _, _, err := match.New(load(t, "nilka-1944"), match.Config{Seats: two}); err == nil {
		t.Error("a side with two seats was accepted")
	}
}
