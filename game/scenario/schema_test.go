package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"ili/scenarios"
)

// compileSchema compiles one of the schemas in docs with a real JSON
// Schema validator.
func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile(file)
	if err != nil {
		t.Fatalf("the schema %s does not compile: %v", file, err)
	}
	return s
}

// asJSON decodes a TOML text as a JSON Schema sees it: the document a JSON
// parser reads from it, with every date a string as an editor gives it.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		t.Fatalf("not TOML: %v", err)
	}
	text, err := json.Marshal(datesAsText(doc))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// datesAsText replaces each TOML date, date-time and time within v by its
// text in RFC 3339's form.
func datesAsText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = datesAsText(e)
		}
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = datesAsText(e)
		}
		return out
	case []any:
		for i, e := range x {
			x[i] = datesAsText(e)
		}
	case time.Time:
		return dateText(x)
	}
	return v
}

// dateText writes a decoded TOML date as the file would.
func dateText(d time.Time) string {
	switch d.Location().String() {
	case "date-local":
		return d.Format("2006-01-02")
	case "datetime-local":
		return d.Format("2006-01-02T15:04:05")
	case "time-local":
		return d.Format("15:04:05")
	}
	return d.Format(time.RFC3339)
}

// bundledFiles are the scenario files the schema must accept: the drill and
// every bundled scenario.
func bundledFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{drillFile: mustRead(t)}
	for _, id := range Bundled() {
		file, src, err := Read(id)
		if err != nil {
			t.Fatal(err)
		}
		files[file] = src
	}
	return files
}

// TestSchemaAcceptsTheFiles: every bundled scenario, the drill and the unit
// catalogue validate against the schemas in docs, and each names its
// schema on its first line as an editor reads it.
func TestSchemaAcceptsTheFiles(t *testing.T) {
	scen := compileSchema(t, scenarioSchema)
	for file, src := range bundledFiles(t) {
		if err := scen.Validate(asJSON(t, src)); err != nil {
			t.Errorf("%s does not validate against %s:\n%v", file, scenarioSchema, err)
		}
		want := "#:schema ./../docs/scenario.schema.json\n"
		if file == drillFile {
			want = "#:schema ./../../../docs/scenario.schema.json\n"
		}
		if !bytes.HasPrefix(src, []byte(want)) {
			t.Errorf("%s does not begin %q", file, want)
		}
	}
	src, err := scenarios.FS.ReadFile(bundledCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t, catalogueSchema).Validate(asJSON(t, src)); err != nil {
		t.Errorf("%s does not validate against %s:\n%v", catalogueFileName, catalogueSchema, err)
	}
	if !bytes.HasPrefix(src, []byte("#:schema ./../docs/units.schema.json\n")) {
		t.Errorf("%s does not name its schema on its first line", catalogueFileName)
	}
}

// TestSchemaRefusesMistakes: a misspelt key, a value out of range, a wrong
// choice or date, and a key a rule across keys wants are refused by the
// schema, as the decoder refuses them.
func TestSchemaRefusesMistakes(t *testing.T) {
	scen := compileSchema(t, scenarioSchema)
	drill := mustRead(t)
	for _, c := range []struct{ name, old, new string }{
		{"misspelt top-level key", "turns = 8", "turnz = 8"},
		{"misspelt unit key", "mgs = 40", "msg = 40"},
		{"quality out of range", "quality = 100", "quality = 500"},
		{"newer format", "format = 1", "format = 3"},
		{"unknown weather", `kind = "rain"`, `kind = "rian"`},
		{"not a date", "start = 1945-09-01T06:00:00", `start = "soon"`},
		{"hex and place", `place = "west-depot"`, "place = \"west-depot\"\nhex = [1, 3]"},
		{"exit without exit_vp", "exit_vp = 1\n", ""},
		{"misspelt key in a change", "men = 2500", "mne = 2500"},
		{"misspelt legend terrain", `o = "farm"`, `o = "frm"`},
		{"id not lower-case", `id = "w-inf"`, `id = "W inf"`},
		{"one side", "[[side]]\nid = \"east\"", "[[sides]]\nid = \"east\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := replaced(t, drill, c.old, c.new)
			if err := scen.Validate(asJSON(t, src)); err == nil {
				t.Error("the schema accepts it")
			}
			if _, err := Parse(drillFile, src, Options{Variants: variantsOf(c.name)}); err == nil {
				t.Error("the decoder accepts it: the test shows nothing")
			}
		})
	}
}

// variantsOf is the variants a mistake shows under: a change's keys are
// read when the variant is applied.
func variantsOf(name string) []string {
	if strings.Contains(name, "change") {
		return []string{"reinforced"}
	}
	return nil
}

// TestCatalogueSchemaRefusesMistakes: as TestSchemaRefusesMistakes, for
// the unit catalogue.
func TestCatalogueSchemaRefusesMistakes(t *testing.T) {
	cat := compileSchema(t, catalogueSchema)
	src, err := scenarios.FS.ReadFile(bundledCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new string }{
		{"misspelt key", "road = 30", "raod = 30"},
		{"supply out of range", "supply_days = 3", "supply_days = 100"},
		{"unknown class", `class = "cavalry"`, `class = "cavalery"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := replaced(t, src, c.old, c.new)
			if err := cat.Validate(asJSON(t, text)); err == nil {
				t.Error("the schema accepts it")
			}
			if _, err := ParseCatalogue(catalogueFileName, text); err == nil {
				t.Error("the decoder accepts it: the test shows nothing")
			}
		})
	}
}

// TestDatesAsText: TOML's dates reach the schema as the file writes them.
func TestDatesAsText(t *testing.T) {
	v := asJSON(t, []byte("a = 1945-09-01T06:00:00\nb = 1945-09-01\nc = 06:00:00\n"))
	if got := fmt.Sprint(v); got != "map[a:1945-09-01T06:00:00 b:1945-09-01 c:06:00:00]" {
		t.Errorf("dates read as %s", got)
	}
}
