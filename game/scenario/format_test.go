package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"ili/scenarios"
)

// TestFormatMissingIsOne: a file without format reads as format 1, with no
// error and no warning.
func TestFormatMissingIsOne(t *testing.T) {
	src := replaced(t, mustRead(t), "format = 1\n", "\n")
	sc, err := Parse(drillFile, src, Options{})
	if err != nil || len(sc.Warnings) != 0 {
		t.Fatalf("the drill without format: %v, warnings %v", err, sc.Warnings)
	}
}

// TestFormatNewerRefused: a file of a newer format than this ili reads is
// one plain sentence at the key, whatever else is wrong in it.
func TestFormatNewerRefused(t *testing.T) {
	src := replaced(t, mustRead(t), "format = 1", fmt.Sprintf("format = %d", Format+2))
	src = replaced(t, src, "turns = 8", "turnz = 8") // a key a newer format might have
	_, err := Parse(drillFile, src, Options{})
	want := fmt.Sprintf("%s:3:1: this scenario is format %d and this ili reads up to format %d; update ili", drillFile, Format+2, Format)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	cat, err := scenarios.FS.ReadFile(bundledCatalogue)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseCatalogue(catalogueFileName, replaced(t, cat, "format = 1", "format = 2"))
	if err == nil || !strings.HasSuffix(err.Error(), ": this unit catalogue is format 2 and this ili reads up to format 1; update ili") {
		t.Errorf("a newer catalogue: %v", err)
	}
}

// TestFormatWrong: a format that is no version is an error among the
// file's others.
func TestFormatWrong(t *testing.T) {
	errs := parseDrill(t, "format = 1", "format = 0", Options{})
	wantError(t, errs, `drill.toml:3:1: the scenario: key "format" is 0; it must be from 1 to 1`)
	errs = parseDrill(t, "format = 1", `format = "1"`, Options{})
	wantError(t, errs, `drill.toml:3:1: the scenario: key "format" must be a whole number, not a string`)
}

// TestMigrateTo: the migration hook rewrites a document one version at a
// time and marks it as of the newest; a document of the newest is left as
// it is. (Format 1 is the first, so the test migrates a made-up format 0,
// in which `turns` was called `length`.)
func TestMigrateTo(t *testing.T) {
	steps := map[int]func(map[string]any){0: func(doc map[string]any) {
		doc["turns"] = doc["length"]
		delete(doc, "length")
	}}
	doc := map[string]any{"format": int64(0), "length": int64(8)}
	migrateTo(doc, 0, 1, steps)
	if fmt.Sprint(doc) != "map[format:1 turns:8]" {
		t.Errorf("format 0 migrated to %v", doc)
	}
	migrateTo(doc, 1, 1, steps)
	if fmt.Sprint(doc) != "map[format:1 turns:8]" {
		t.Errorf("format 1 migrated again to %v", doc)
	}
}
