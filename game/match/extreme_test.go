package match_test

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"ili/game/rules"
	"ili/game/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden hashes in testdata")

// extreme is the drill with forty units a side of 300,000 men at quality
// 200 stacked in one hex each: the largest numbers a scenario may give, whose
// sums of quality by men pass 32 bits.
func extreme(t *testing.T) *scenario.Scenario {
	t.Helper()
	drill, err := os.ReadFile("../scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(drill)
	for i := range 40 {
		for _, s := range []struct{ side, hex string }{{"west", "[2, 3]"}, {"east", "[8, 5]"}} {
			fmt.Fprintf(&b, "\n[[unit]]\nid = \"%s-big-%d\"\nname = \"Big %d\"\nside = %q\ntype = \"infantry\"\nhex = %s\nmen = 300000\nguns = 5000\nmgs = 20000\nquality = 200\nmorale = 100\nsource = \"drill\"\n",
				s.side, i, i, s.side, s.hex)
		}
	}
	sc, err := scenario.Parse("extreme.toml", []byte(b.String()), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// bigNilka is nilka-1944 with a unit of 300,000 men on each side, which a
// review found playing another game on 386 (a share of prisoners passed 32
// bits).
func bigNilka(t *testing.T) *scenario.Scenario {
	t.Helper()
	src, err := os.ReadFile("../../scenarios/nilka-1944.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	at := strings.Index(text, "[[event]]")
	var b strings.Builder
	b.WriteString(text[:at])
	for i, s := range []struct{ side, where string }{{"insurgents", "hex = [13, 11]"}, {"provincial", "place = \"nilka\""}} {
		fmt.Fprintf(&b, "[[unit]]\nid = \"big-%d\"\nname = \"Big %d\"\nside = %q\ntype = \"infantry\"\n%s\nmen = 300000\nquality = 100\nmorale = 100\nsource = \"est\"\n\n", i, i, s.side, s.where)
	}
	b.WriteString(text[at:])
	sc, err := scenario.Parse("big-nilka.toml", []byte(b.String()), scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestExtremeStacksAgreeOnEveryMachine plays the extreme drill between two
// AIs and compares the state hash after every command with the one
// recorded on amd64: make test runs it as a 386 build too, where a sum
// that passes 32 bits would change the game.
func TestExtremeStacksAgreeOnEveryMachine(t *testing.T) {
	t.Run("drill", func(t *testing.T) { agree(t, extreme(t), 11, "testdata/extreme.golden") })
	t.Run("nilka", func(t *testing.T) { agree(t, bigNilka(t), 1, "testdata/big-nilka.golden") })
}

// agree plays sc between two AIs from seed and compares how it ends with
// the golden file.
func agree(t *testing.T, sc *scenario.Scenario, seed uint64, file string) {
	m := aiGame(t, sc, seed)
	if err := m.PlayOut(); err != nil {
		t.Fatal(err)
	}
	rec := m.Record()
	fought := 0
	for _, c := range rec.Commands {
		if c.Kind == rules.CmdAttack {
			fought++
		}
	}
	if fought == 0 {
		t.Fatal("the extreme stacks never fought; the test shows nothing")
	}
	got := fmt.Sprintf("%s after %d turns, %d commands, %d attacks; men lost %v\n", rec.Final, m.Turn(), len(rec.Commands), fought, m.Result().Losses)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update on amd64 to create it)", err)
	}
	if got != string(want) {
		t.Errorf("on %s the extreme drill ends %q; amd64 recorded %q", runtime.GOARCH, got, want)
	}
}
