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
