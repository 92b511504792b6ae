package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// airambekFile is the scenario of the Airambek siege written from the
// README and docs/scenario-reference.md alone, as an author outside the
// team would; its map was drawn by ili mapgen from airambek.shapes.toml.
var airambekFile = filepath.Join("testdata", "airambek-1944.toml")

// TestAirambekFromTheReference: the author's scenario loads without a
// mistake or a warning, with each of its variants; it validates against
// the JSON Schema an editor uses; every unit names a source, and a unit
// whose figure is the designers' estimate says so in its note.
func TestAirambekFromTheReference(t *testing.T) {
	src, err := os.ReadFile(airambekFile)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Parse(airambekFile, src, Options{})
	if err != nil {
		t.Fatalf("the author's scenario does not load: %v", err)
	}
	if len(sc.Warnings) > 0 {
		t.Errorf("warnings: %v", sc.Warnings)
	}
	for _, v := range sc.Variants {
		if _, err := Parse(airambekFile, src, Options{Variants: []string{v.ID}}); err != nil {
			t.Errorf("variant %s: %v", v.ID, err)
		}
	}
	if err := compileSchema(t, scenarioSchema).Validate(asJSON(t, src)); err != nil {
		t.Errorf("%s does not validate against %s:\n%v", airambekFile, scenarioSchema, err)
	}
	for _, u := range sc.Units {
		if _, ok := sc.Sources[u.Source]; !ok {
			t.Errorf("unit %s cites %q, which is no [[source]]", u.ID, u.Source)
		}
		if u.Source == "est" && !strings.Contains(sc.UnitNotes[u.ID], "estimate") {
			t.Errorf("unit %s is the designers' estimate, and its note does not say so: %q", u.ID, sc.UnitNotes[u.ID])
		}
	}
	if sc.Projection == nil || sc.Setup.Map.Width != 14 {
		t.Error("the map is not the one ili mapgen drew")
	}
}
