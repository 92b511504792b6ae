package save

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

func scenarioLoad(id string) (*scenario.Scenario, error) {
	return scenario.Load(id, scenario.Options{})
}

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.json")
	if err := WriteFile(name, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// A directory that does not exist is an error, and the old file stays.
	if err := WriteFile(filepath.Join(dir, "no", "b.json"), []byte("x")); err == nil {
		t.Error("wrote into a missing directory")
	}
}

func TestSaveAndReplay(t *testing.T) {
	sc, err := scenarioLoad("nilka-1944")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := sc.NewState(5)
	s.Begin()
	g := &Game{Scenario: "nilka-1944", Seed: 5, Hashes: map[string]string{"1": s.Hash()}}
	for _, c := range []rules.Command{
		rules.Move("insurgents", "band-mounted", hex.FromOffset(11, 9)),
		rules.EndPhase("insurgents"), rules.EndPhase("provincial"),
	} {
		if _, err := s.Apply(c); err != nil {
			t.Fatal(err)
		}
		g.Commands = append(g.Commands, c)
	}
	g.Hashes["2"] = s.Hash()
	name := filepath.Join(t.TempDir(), "saves", "a.json")
	if err := g.Write(name); err != nil {
		t.Fatal(err)
	}
	back, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	_, s2, err := back.Replay()
	if err != nil {
		t.Fatal(err)
	}
	if s2.Hash() != s.Hash() {
		t.Error("the replayed game differs from the saved one")
	}
	back.Hashes["2"] = "0000000000000000"
	if _, _, err := back.Replay(); !errors.Is(err, ErrDiverged) {
		t.Errorf("a tampered hash: %v", err)
	}
	os.WriteFile(name, []byte("{}"), 0o644)
	if _, err := Read(name); err == nil {
		t.Error("read a file without the format")
	}
}

// TestList lists saved games newest first, with unreadable files marked.
func TestList(t *testing.T) {
	dir := t.TempDir()
	if l, err := List(filepath.Join(dir, "none")); err != nil || len(l) != 0 {
		t.Fatalf("a missing folder: %v, %v", l, err)
	}
	old := &Game{Scenario: "nilka-1944", Title: "Nilka", Turn: 3}
	if err := old.Write(filepath.Join(dir, "old.json")); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "old.json"), time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	if err := (&Game{Scenario: "ghulja-1944", Turn: 7}).Write(filepath.Join(dir, "new.json")); err != nil {
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
