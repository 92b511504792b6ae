package save

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
)

func TestSaveAndReplay(t *testing.T) {
	seats := []match.Seat{{Side: "insurgents"}, {Side: "provincial", AI: "easy"}}
	m, _, err := match.Load(match.Config{Scenario: "nilka-1944", Seed: 5, Seats: seats})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []rules.Command{
		rules.Move("insurgents", "band-mounted", hex.FromOffset(11, 9)),
		rules.EndPhase("insurgents"),
	} {
		if _, err := m.Give(c); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Run(); err != nil {
			t.Fatal(err)
		}
	}
	name := filepath.Join(t.TempDir(), "saves", "a.json")
	if err := FromMatch(m).Write(name); err != nil {
		t.Fatal(err)
	}
	back, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	if back.Turn != 2 || back.Title == "" || len(back.People()) != 1 || back.People()[0] != "insurgents" {
		t.Errorf("the list's lines: turn %d, title %q, people %v", back.Turn, back.Title, back.People())
	}
	m2, err := back.Replay()
	if err != nil {
		t.Fatal(err)
	}
	if m2.Hash() != m.Hash() {
		t.Error("the replayed game differs from the saved one")
	}
	back.Hashes["2"] = "0000000000000000"
	if _, err := back.Replay(); !errors.Is(err, match.ErrDiverged) {
		t.Errorf("a tampered hash: %v", err)
	}
	os.WriteFile(name, []byte("{}"), 0o644)
	if _, err := Read(name); err == nil {
		t.Error("read a file without the format")
	}
}

// TestReadFirstLayout: a game saved in the first layout (a side, the AI's
// level, hotseat) is read with its seats.
func TestReadFirstLayout(t *testing.T) {
	name := filepath.Join(t.TempDir(), "old.json")
	m, _, err := match.Load(match.Config{Scenario: "nilka-1944", Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	old := `{"format": "ili-save/1", "scenario": "nilka-1944", "variants": [], "seed": 2,
		"side": "provincial", "opponent": "hard", "hotseat": false, "commands": [], "hashes": {"1": "` + m.Hash() + `"}}`
	os.WriteFile(name, []byte(old), 0o644)
	g, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	want := []match.Seat{{Side: "insurgents", AI: "hard"}, {Side: "provincial"}}
	if len(g.Seats) != 2 || g.Seats[0] != want[0] || g.Seats[1] != want[1] || g.Format != Format {
		t.Errorf("seats %+v, format %s", g.Seats, g.Format)
	}
	if _, err := g.Replay(); err != nil {
		t.Error(err)
	}
}

// TestList lists saved games newest first, with unreadable files marked.
func TestList(t *testing.T) {
	dir := t.TempDir()
	if l, err := List(filepath.Join(dir, "none")); err != nil || len(l) != 0 {
		t.Fatalf("a missing folder: %v, %v", l, err)
	}
	old := &Game{Record: match.Record{Config: match.Config{Scenario: "nilka-1944"}}, Title: "Nilka", Turn: 3}
	if err := old.Write(filepath.Join(dir, "old.json")); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "old.json"), time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	if err := (&Game{Record: match.Record{Config: match.Config{Scenario: "ghulja-1944"}}, Turn: 7}).Write(filepath.Join(dir, "new.json")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "junk.json"), []byte("not json"), 0o644)
	os.Chtimes(filepath.Join(dir, "junk.json"), time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))
	l, err := List(dir)
	if err != nil || len(l) != 3 {
		t.Fatalf("%d entries, %v", len(l), err)
	}
	if filepath.Base(l[0].Path) != "new.json" || l[0].Game.Turn != 7 || filepath.Base(l[1].Path) != "old.json" || l[1].Game.Title != "Nilka" {
		t.Errorf("order or content: %s, %s", l[0].Path, l[1].Path)
	}
	if l[2].Game != nil || l[2].Err == nil {
		t.Errorf("junk.json read as a game: %+v", l[2])
	}
}
