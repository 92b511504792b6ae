package save

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"ili/game/files"
	"ili/game/match"
)

// TestStoreIsTheFile shows that a game kept in a store (the browser's
// storage on the web) is the file Write writes, byte for byte, so that a
// game downloaded from the browser opens on a desktop and the other way
// round; and that ListStore lists a store's games newest first.
func TestStoreIsTheFile(t *testing.T) {
	m, _, err := match.Load(match.Config{Scenario: "nilka-1944", Seed: 3, Seats: []match.Seat{{Side: "insurgents"}, {Side: "provincial", AI: "easy"}}})
	if err != nil {
		t.Fatal(err)
	}
	g := FromMatch(m)
	dir := t.TempDir()
	st := files.Folder(dir)
	if err := g.Store(st, "saves/old.json"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "file.json")
	if err := g.Write(path); err != nil {
		t.Fatal(err)
	}
	kept, _ := st.Read("saves/old.json")
	written, _ := os.ReadFile(path)
	if !bytes.Equal(kept, written) {
		t.Error("the stored game is not the file Write writes")
	}
	back, err := Decode("download.json", written)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := back.Replay(); err != nil || r.Hash() != m.Hash() {
		t.Errorf("the decoded game does not replay to the same state: %v", err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(filepath.Join(dir, "saves/old.json"), old, old)
	if err := g.Store(st, "saves/new.json"); err != nil {
		t.Fatal(err)
	}
	st.Write("saves/notes.txt", []byte("not a game"))
	st.Write("saves/broken.json", []byte("{"))
	list, err := ListStore(st, "saves")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Path)
	}
	if len(list) != 3 || list[len(list)-1].Path != "saves/old.json" {
		t.Fatalf("listed %v, want the three .json files, old.json last", names)
	}
	for _, e := range list {
		if (e.Game == nil) != (e.Path == "saves/broken.json") {
			t.Errorf("%s: game %v, error %v", e.Path, e.Game != nil, e.Err)
		}
		if e.Game != nil && e.Game.Commands != nil {
			t.Errorf("%s: a list keeps the commands", e.Path)
		}
	}
	if _, err := ReadStore(st, "saves/none.json"); err == nil {
		t.Error("a missing game read")
	}
}
