package scenario

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"ili/scenarios"
)

// The files the reference and the schemas are written to, from this
// package's folder.
const (
	referenceFile     = "../../docs/scenario-reference.md"
	scenarioSchema    = "../../docs/scenario.schema.json"
	catalogueSchema   = "../../docs/units.schema.json"
	drillFile         = "testdata/drill.toml"
	bundledCatalogue  = "units.toml"
	catalogueFileName = "scenarios/units.toml"
)

// references watches the decoder read the drill, every bundled scenario
// and the bundled catalogue, and returns the references made from that.
func references(t *testing.T) (scen, cat Reference) {
	t.Helper()
	catalogue, err := DefaultCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	ks := NewKeys()
	if err := WatchScenario(ks, drillFile, mustRead(t), catalogue); err != nil {
		t.Fatalf("the drill:\n%v", err)
	}
	for _, id := range Bundled() {
		file, src, err := Read(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := WatchScenario(ks, file, src, catalogue); err != nil {
			t.Fatalf("%s:\n%v", id, err)
		}
	}
	cks := NewKeys()
	src, err := scenarios.FS.ReadFile(bundledCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	if err := WatchCatalogue(cks, catalogueFileName, src); err != nil {
		t.Fatalf("the catalogue:\n%v", err)
	}
	return ScenarioReference(ks), CatalogueReference(cks)
}

// TestReference: docs/scenario-reference.md is what the decoder and the
// descriptions beside it make, and every key the decoder reads has a
// description. After changing either, run
// go test ./game/scenario -run TestReference -update.
func TestReference(t *testing.T) {
	scen, cat := references(t)
	for _, r := range []Reference{scen, cat} {
		for _, p := range r.Problems() {
			t.Error(p)
		}
	}
	checkGenerated(t, referenceFile, []byte(ReferenceDoc(scen, cat)))
}

// TestReferenceSchemas: docs/scenario.schema.json and docs/units.schema.json
// are what the decoder and the descriptions make (-update rewrites them).
func TestReferenceSchemas(t *testing.T) {
	scen, cat := references(t)
	for _, s := range []struct {
		r           Reference
		file, title string
	}{
		{scen, scenarioSchema, "ili scenario file"},
		{cat, catalogueSchema, "ili unit catalogue (scenarios/units.toml)"},
	} {
		got, err := s.r.Schema(s.title)
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, s.file, got)
	}
}

// checkGenerated compares a generated file with the one in the repository,
// or writes it with -update.
func checkGenerated(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./game/scenario -run TestReference -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of step with the decoder: %s; run go test ./game/scenario -run TestReference -update and check the diff", file, firstDiff(got, want))
	}
}

// firstDiff names the first line where two texts differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d is %q, the decoder makes %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("%d lines, the decoder makes %d", len(w), len(g))
}

// TestDrillHasEveryKey: the drill uses every key of the reference, so that
// the claim in the README and the reference cannot go stale.
func TestDrillHasEveryKey(t *testing.T) {
	scen, _ := references(t)
	doc := drillDoc(t)
	for _, k := range scen.Keys.List() {
		if !Has(doc, k.Path) {
			t.Errorf("testdata/drill.toml has no %s; add it, so that the drill uses every key", k.Path)
		}
	}
	for _, path := range scen.Tables() {
		if path != "" && !Has(doc, path) {
			t.Errorf("testdata/drill.toml has no table %s", path)
		}
	}
}

// drillDoc is the drill as the TOML library decodes it.
func drillDoc(t *testing.T) map[string]any {
	t.Helper()
	_, doc := Decode(drillFile, mustRead(t))
	if doc == nil {
		t.Fatal("the drill is not TOML")
	}
	return doc
}
