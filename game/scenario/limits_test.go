package scenario

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestTooManyUnits: a scenario past MaxUnits is one error, at the first unit
// too many, and its time stays bounded (the AI's grows with the square).
func TestTooManyUnits(t *testing.T) {
	drill, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(drill)
	for i := range MaxUnits {
		fmt.Fprintf(&b, "\n[[unit]]\nid = \"extra-%d\"\nside = \"west\"\ntype = \"infantry\"\nhex = [0, 0]\nmen = 10\nsource = \"drill\"\n", i)
	}
	_, err = Parse("many.toml", []byte(b.String()), Options{})
	if err == nil || !strings.Contains(err.Error(), "at most 1000 units") || !strings.HasPrefix(err.Error(), "many.toml:") {
		t.Fatalf("a scenario of %d units: %v", MaxUnits+8, err)
	}
}

// TestCheckpointErrors: a checkpoint of the course of events names a place,
// a side and a date of the scenario, each error at its line.
func TestCheckpointErrors(t *testing.T) {
	drill, err := os.ReadFile("testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(drill), "[history.holds]", "[[history.checkpoint]]\nplace = \"atlantis\"\nheld_by = \"zog\"\non = 1950-01-01T06:00:00\nsource = \"drill\"\n\n[history.holds]", 1)
	_, err = Parse("c.toml", []byte(text), Options{})
	for _, want := range []string{`names place "atlantis"`, `names side "zog"`, `outside the scenario`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("no error says %s: %v", want, err)
		}
	}
}
