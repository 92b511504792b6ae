package scenario

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
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

// readers are the Table methods that read a key named by their first
// argument, and the package's helpers that do so for them.
var readers = map[string]bool{
	"Str": true, "Text": true, "Int": true, "Number": true, "Bool": true, "Choice": true, "Date": true,
	"Strings": true, "Sub": true, "Tables": true, "Year": true, "Get": true, "Has": true,
	"ints": true, "list": true, "sourceRef": true, "sideRef": true, "hexRef": true,
}

// TestDecoderKeysDescribed: every key the package's code reads by name is
// in the reference, whether or not a file the reference is made from has
// it: a key added to the decoder that no bundled file or the drill uses
// still needs its description.
func TestDecoderKeysDescribed(t *testing.T) {
	scen, cat := references(t)
	known := map[string]bool{}
	for _, r := range []Reference{scen, cat} {
		for _, k := range r.Keys.List() {
			known[k.Name()] = true
		}
	}
	for key, at := range keysInCode(t) {
		if !known[key] {
			t.Errorf("%s reads key %q, which the reference does not have: use it in testdata/drill.toml and describe it in keydocs.go", at, key)
		}
	}
}

// keysInCode returns the keys the package's code reads by name, each with
// where it reads it first.
func keysInCode(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if key, ok := readKey(n); ok && key != "" {
				if _, seen := out[key]; !seen {
					out[key] = fset.Position(n.Pos()).String()
				}
			}
			return true
		})
	}
	return out
}

// readKey returns the key a call such as t.Int("men", ...) reads.
func readKey(n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	var name string
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	default:
		return "", false
	}
	arg := call.Args[0]
	if name == "sourceRef" || name == "sideRef" || name == "hexRef" {
		if len(call.Args) < 2 {
			return "", false
		}
		arg = call.Args[1]
	}
	lit, ok := arg.(*ast.BasicLit)
	if !readers[name] || !ok || lit.Kind != token.STRING {
		return "", false
	}
	key, err := strconv.Unquote(lit.Value)
	return key, err == nil
}
