package save

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/game/match"
)

// FuzzRead feeds arbitrary bytes to the saved-game reader and replays what
// it reads: nothing may panic or hang, every error is one line, and a save
// that replays has checked every turn and the state after its last command.
func FuzzRead(f *testing.F) {
	m, _, err := match.Load(match.Config{Scenario: "nilka-1944", Seed: 3, Seats: []match.Seat{{Side: "insurgents", AI: "random"}, {Side: "provincial", AI: "random"}}})
	if err != nil {
		f.Fatal(err)
	}
	for range 40 {
		if _, _, err := m.Step(); err != nil {
			f.Fatal(err)
		}
	}
	good, _ := json.Marshal(FromMatch(m))
	f.Add(good)
	f.Add([]byte(`{"format":"ili-save/2","scenario":"/dev/zero","hashes":{"1":"x"},"final":"x"}`))
	f.Add([]byte(`{"format":"ili-save/2","scenario":"nilka-1944","seats":[{"side":"x"}],"hashes":{"1":"x"},"final":"x"}`))
	f.Add([]byte(`{"format":"ili-save/1"}`))
	f.Add([]byte(`[`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(dir, "fuzz.json")
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
		g, err := Read(name)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a two-line error: %v", err)
			}
			return
		}
		if _, err := g.Replay(); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("a two-line replay error: %v", err)
		}
	})
}
