package scenario

import (
	"fmt"
	"slices"
	"strings"
)

// Reference is what the reference and the schema of one kind of file are
// made from: the keys the decoder reads (watched as it reads files of that
// kind) and the description of each.
type Reference struct {
	Keys   *Keys
	docs   map[string]keyDoc
	tables map[string]tableDoc
}

// ScenarioReference is the reference of scenario files whose reads ks
// holds (see WatchScenario).
func ScenarioReference(ks *Keys) Reference {
	return Reference{Keys: ks, docs: scenarioDocs(), tables: scenarioTables()}
}

// CatalogueReference is the reference of the unit catalogue whose reads ks
// holds (see WatchCatalogue).
func CatalogueReference(ks *Keys) Reference {
	return Reference{Keys: ks, docs: catalogueDocs(), tables: catalogueTables()}
}

// WatchScenario decodes a scenario file as Parse does, without variants or
// overrides, and tells ks how the decoder reads each key. It returns the
// file's errors.
func WatchScenario(ks *Keys, file string, src []byte, cat *Catalogue) error {
	raw, d, err := parse(file, src)
	if err != nil {
		return err
	}
	if err := checkFormat(raw, d, "scenario"); err != nil {
		return err
	}
	d.watch = ks.Watch
	stamp(raw)
	d.fileUnits = fileUnitIDs(raw)
	decodeScenario(raw, d, cat)
	return d.Err()
}

// WatchCatalogue decodes a unit catalogue as ParseCatalogue does and tells
// ks how the decoder reads each key. It returns the file's errors.
func WatchCatalogue(ks *Keys, file string, src []byte) error {
	raw, d, err := parse(file, src)
	if err != nil {
		return err
	}
	if err := checkFormat(raw, d, "unit catalogue"); err != nil {
		return err
	}
	d.watch = ks.Watch
	decodeCatalogue(raw, d)
	return d.Err()
}

// Problems lists where the descriptions and the decoder are out of step: a
// key the decoder reads that has no description, a description of a key
// it does not read, a key read two ways, a key whose type only its
// description can give and does not.
func (r Reference) Problems() []string {
	out := slices.Clone(r.Keys.Conflicts)
	for _, k := range r.Keys.List() {
		if k.Kind == kindTable || k.Kind == kindTables {
			if r.tables[k.Path].Effect == "" {
				out = append(out, fmt.Sprintf("the decoder reads the table %s, which has no description in game/scenario/keydocs.go", k.Path))
			}
			continue
		}
		d, ok := r.docs[k.Path]
		if !ok {
			d, ok = r.docs[wild(k.Parent(), "*")]
		}
		switch {
		case !ok || d.Effect == "":
			out = append(out, fmt.Sprintf("the decoder reads %s, which has no description in game/scenario/keydocs.go", k.Path))
		case (k.Kind == kindAny || k.Kind == kindList) && (d.Type == "" || d.Schema == nil && d.Build == nil):
			out = append(out, fmt.Sprintf("%s is checked by its own code: give its Type and Schema in game/scenario/keydocs.go", k.Path))
		}
	}
	for path := range r.docs {
		if r.Keys.Get(path) == nil && !r.hasWildcard(path) {
			out = append(out, fmt.Sprintf("game/scenario/keydocs.go describes %s, which the decoder does not read", path))
		}
	}
	for path := range r.tables {
		if k := r.Keys.Get(path); path != "" && k == nil {
			out = append(out, fmt.Sprintf("game/scenario/keydocs.go describes the table %s, which the decoder does not read", path))
		}
	}
	slices.Sort(out[len(r.Keys.Conflicts):])
	return out
}

// hasWildcard reports whether path is a description for every key of a
// table ("mode.speed.*") and the decoder reads some key of that table.
func (r Reference) hasWildcard(path string) bool {
	table, ok := strings.CutSuffix(path, ".*")
	if !ok {
		return false
	}
	for _, k := range r.Keys.List() {
		if k.Parent() == table {
			return true
		}
	}
	return false
}

// Schema writes the JSON Schema of the files (draft 2020-12).
func (r Reference) Schema(title string) ([]byte, error) {
	return newSchemaBuilder(r.Keys, r.docs, r.tables).Schema(title)
}

// Tables lists the paths of the file's tables in the order the decoder
// first reads them, the top of the file ("") first.
func (r Reference) Tables() []string {
	out := []string{""}
	for _, k := range r.Keys.List() {
		if k.Kind == kindTable || k.Kind == kindTables {
			out = append(out, k.Path)
		}
	}
	return out
}

// Markdown writes the reference: for each table, what it is and a row for
// each key with its type and range, whether it is required, its default
// and what it does. level is the headings' level ("###").
func (r Reference) Markdown(b *strings.Builder, level string) {
	for _, path := range r.Tables() {
		fmt.Fprintf(b, "%s %s\n\n", level, r.heading(path))
		if e := r.tables[path].Effect; e != "" {
			fmt.Fprintf(b, "%s\n\n", e)
		}
		b.WriteString("| Key | Type | Required | Default | What it does |\n|---|---|---|---|---|\n")
		for _, k := range r.Keys.List() {
			if k.Parent() == path {
				r.row(b, k)
			}
		}
		b.WriteString("\n")
	}
}

// heading names a table as a file writes its header.
func (r Reference) heading(path string) string {
	if path == "" {
		return "Top level"
	}
	if r.Keys.Get(path).Kind == kindTables {
		return "`[[" + path + "]]`"
	}
	return "`[" + path + "]`"
}

// row writes a key's row of the table.
func (r Reference) row(b *strings.Builder, k *Key) {
	d := docOf(r.docs, k)
	need := requiredText(k, d)
	if k.Kind == kindTable || k.Kind == kindTables {
		td := r.tables[k.Path]
		d = keyDoc{Effect: firstSentence(td.Effect), Type: strings.TrimSuffix(typeText(k, d), " of tables") + ", " + r.heading(k.Path)}
		if td.MinItems > 0 {
			need = fmt.Sprintf("yes, at least %d", td.MinItems)
		}
	}
	name := "`" + k.Name() + "`"
	if k.Name() == "*" {
		name = "any key"
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", name, cell(typeText(k, d)), cell(need), cell(defaultText(k, d)), cell(d.Effect))
}

// firstSentence is the first sentence of a text.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// cell makes text safe within a table's cell.
func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

// typeText names a key's type, with its range or choices.
func typeText(k *Key, d keyDoc) string {
	if d.Type != "" {
		return d.Type
	}
	switch k.Kind {
	case kindInteger:
		return "whole number, " + rangeText(k, "%.0f")
	case kindNumber:
		return "number, " + rangeText(k, "%g")
	case kindBoolean:
		return "true or false"
	case kindChoice:
		return "one of " + quoted(k.Options)
	case kindDate:
		return "date"
	case kindStrings:
		return "list of strings"
	case kindIntegers:
		if k.Len == 2 {
			return "[col, row]"
		}
		return fmt.Sprintf("list of %d whole numbers", k.Len)
	case kindYear:
		return "year: a whole number or a string"
	case kindTable:
		return "table"
	case kindTables:
		return "array of tables"
	}
	return k.Kind
}

// rangeText is a number's range: "20 to 200", or "0 only".
func rangeText(k *Key, verb string) string {
	if k.Min == k.Max {
		return fmt.Sprintf(verb+" only", k.Min)
	}
	return fmt.Sprintf(verb+" to "+verb, k.Min, k.Max)
}

// requiredText says whether a key must be given.
func requiredText(k *Key, d keyDoc) string {
	switch {
	case d.Must || k.Required && d.Need == "":
		return "yes"
	case d.Need != "":
		return d.Need
	}
	return "no"
}

// defaultText is what a missing optional key stands for.
func defaultText(k *Key, d keyDoc) string {
	if d.Must || k.Required && d.Need == "" {
		return ""
	}
	if d.Default != "" {
		return d.Default
	}
	if len(k.Defaults) != 1 {
		return ""
	}
	switch v := k.Defaults[0].(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case float64:
		return fmt.Sprintf("%g", v)
	}
	return fmt.Sprint(k.Defaults[0])
}

// ReferenceDoc is docs/scenario-reference.md: what every key of a scenario
// file and of the unit catalogue does.
func ReferenceDoc(scen, cat Reference) string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf(referenceIntro, Format))
	b.WriteString(mapsIntro) // reference_maps.go
	b.WriteString("## Scenario files\n\n")
	scen.Markdown(&b, "###")
	b.WriteString("## The unit catalogue\n\n" + catalogueIntro)
	cat.Markdown(&b, "###")
	return strings.TrimRight(b.String(), "\n") + "\n"
}

const referenceIntro = `# Scenario file reference

Every key of a scenario file and of the unit catalogue (scenarios/units.toml): its type and
range, whether it is required, its default and what it does. This page is generated from the
decoder: the types, ranges and defaults are those it checks, and the descriptions live beside it
in game/scenario/keydocs.go. Do not edit it by hand; after changing the decoder or a description,
run ` + "`go test ./game/scenario -run TestReference -update`" + ` (a key the decoder reads without a
description fails that test). ` + "`game/scenario/testdata/drill.toml`" + ` uses every key listed here.

## Checking a file

` + "`ili validate FILE`" + ` is the judge: it reports every mistake with its line and column, and checks what
no schema can (that ids named elsewhere exist, hexes lie on the map and on ground a unit can
stand on, dates fall within the scenario, units' types are in the catalogue). For an editor,
docs/scenario.schema.json and docs/units.schema.json are JSON Schemas (draft 2020-12) made from
the same source: with Taplo or Even Better TOML, make the file's first line

` + "```toml" + `
#:schema ./../docs/scenario.schema.json
` + "```" + `

(the path is relative to the file; the bundled scenarios have it, and the catalogue has
` + "`#:schema ./../docs/units.schema.json`" + `) and the editor completes keys, shows what each does and
marks misspelt keys and values out of range.

## Values

- A date is a TOML local date-time, ` + "`1944-10-05T06:00:00`" + `, in local time in Xinjiang with no offset
  from UTC, or a string of one; a date alone (` + "`1944-10-05`" + `) is taken as midnight, with a warning.
  A date "falls in" the turn that contains it; a turn's events happen at its start.
- A hex is ` + "`[col, row]`" + `, counted from 0 at the top left; odd rows are shifted half a hex right.
- Ids are lower-case letters, digits and hyphens (` + "`ili-1`" + `, ` + "`nilka-1944`" + `).
- Long texts may run over several lines in TOML's multi-line strings (` + "`\"\"\"...\"\"\"`" + `).

## Format versions

` + "`format`" + ` gives the version of a file's format; this ili reads up to format %d. A file without
it is format 1, with no error. A file of a newer format is refused with one sentence, at the
key: ` + "`FILE:LINE:COL: this scenario is format 3 and this ili reads up to format 1; update ili`" + `.
When a change to the format would make older files mean something else or stop loading, the
format goes up by one and the migration from the version before goes into ` + "`migrations`" + ` in
game/scenario/format.go, which rewrites an older document before the decoder reads it.

`

const catalogueIntro = `scenarios/units.toml gives each unit type's class, movement mode, sight and supply, and each
mode's speed in km a day on every terrain, on roads and on tracks; the engine turns the speeds into
movement points for each scenario's hex size and turn length. A scenario's units name its types.

`
