package scenario

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden event logs in testdata")

// TestGoldenLog plays the drill with a fixed seed and compares the event log
// and state hashes with testdata/drill-seed7.log. Integer and explicitly
// rounded arithmetic make it identical on every platform. A change to the rules
// that alters play shows here: check the diff, then regenerate with
// go test ./game/scenario -run TestGoldenLog -update.
func TestGoldenLog(t *testing.T) {
	sc := loadDrill(t, Options{})
	got := playRandom(t, sc, 7)
	const file = "testdata/drill-seed7.log"
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the drill's seed-7 game differs from %s; if the change is intended, run with -update", file)
	}
}
