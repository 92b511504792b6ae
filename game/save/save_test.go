package save

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
// saved writes a finished saved game of nilka-1944 with the record
// changed by edit, and returns its name.
func saved(t *testing.T, edit func(g *Game)) string {
	t.Helper()
	m, _, err := match.Load(match.Config{Scenario: "nilka-1944", Seed: 2, Seats: []match.Seat{{Side: "insurgents", AI: "easy"}, {Side: "provincial", AI: "easy"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	g := FromMatch(m)
	edit(g)
	name := filepath.Join(t.TempDir(), "game.json")
	data, _ := json.Marshal(g)
	os.WriteFile(name, data, 0o644)
	return name
}

func TestReadRefusesWhatItCannotCheck(t *testing.T) {
	cases := map[string]func(*Game){
		"no hashes":               func(g *Game) { g.Hashes = nil },
		"no hash after the last":  func(g *Game) { g.Final = "" },
		"the first layout":        func(g *Game) { g.Format = "ili-save/1" },
		"another layout":          func(g *Game) { g.Format = "ili-save/9" },
		"an escape in a name":     func(g *Game) { g.Scenario = "\x1b]0;owned\anilka-1944" },
		"a file without its hash": func(g *Game) { g.Scenario, g.ScenarioHash = "/tmp/other.toml", "" },
	}
	for what, edit := range cases {
		if _, err := Read(saved(t, edit)); err == nil {
			t.Errorf("a save with %s was read", what)
		} else if strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%s: the error is more than one line: %v", what, err)
		}
	}
	g, err := Read(saved(t, func(*Game) {}))
	if err != nil {
		t.Fatal(err)
	}
	g.Commands = g.Commands[:len(g.Commands)-1] // a command of the last turn lost
	if _, err := g.Replay(); !errors.Is(err, match.ErrDiverged) {
		t.Errorf("a save missing a command of its last turn replayed: %v", err)
	}
}

func TestASaveNamesNoFileButItsScenario(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here")
	}
	secret := filepath.Join(dir, "secret.toml")
	os.WriteFile(secret, []byte("password = \"hunter2\"\n"), 0o600)
	for _, name := range []string{"/dev/zero", "/etc/passwd", "/proc/self/environ", fifo, secret, dir} {
		done := make(chan error, 1)
		go func() {
			g, err := Read(saved(t, func(g *Game) { g.Scenario = name }))
			if err == nil {
				_, err = g.Replay()
			}
			done <- err
		}()
		select {
		case err := <-done:
			switch {
			case err == nil:
				t.Errorf("a save naming %s as its scenario replayed", name)
			case strings.Contains(err.Error(), "root:") || strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "PATH="):
				t.Errorf("the error quotes %s: %v", name, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("a save naming %s as its scenario hung", name)
		}
	}
}

func TestReadSaysWhereTheJSONBreaks(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("{\n  \"format\": \"ili-save/2\",\n  \"seed\": secret\n}"), 0o644)
	_, err := Read(broken)
	if err == nil || !strings.Contains(err.Error(), "broken.json:3:11:") || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "'s'") {
		t.Errorf("broken JSON: %v", err)
	}
	typed := filepath.Join(dir, "typed.json")
	os.WriteFile(typed, []byte(`{"format": "ili-save/2", "seed": "secret"}`), 0o644)
	_, err = Read(typed)
	if err == nil || !strings.Contains(err.Error(), "typed.json:1:") || strings.Contains(err.Error(), "secret") {
		t.Errorf("a field of the wrong type: %v", err)
	}
}

func TestList(t *testing.T) {
	dir := t.TempDir()
	if l, err := List(filepath.Join(dir, "none")); err != nil || len(l) != 0 {
		t.Fatalf("a missing folder: %v, %v", l, err)
	}
	hashed := func(id string) match.Record { // a record Read takes; List does not replay it
		return match.Record{Config: match.Config{Scenario: id}, Hashes: map[string]string{"1": "h"}, Final: "h"}
	}
	old := &Game{Record: hashed("nilka-1944"), Title: "Nilka", Turn: 3}
	if err := old.Write(filepath.Join(dir, "old.json")); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "old.json"), time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
	if err := (&Game{Record: hashed("ghulja-1944"), Turn: 7}).Write(filepath.Join(dir, "new.json")); err != nil {
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
