package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// drillWith writes the drill scenario, with old replaced by new, to a file
// of a temporary folder and returns its path.
func drillWith(t *testing.T, old, new string) string {
	t.Helper()
	src, err := os.ReadFile("../../game/scenario/testdata/drill.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("the drill lacks %q", old)
	}
	name := filepath.Join(t.TempDir(), "drill.toml")
	if err := os.WriteFile(name, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestValidateListsVariants: each file's ok line is followed by a line for
// each of its variants, checked one by one.
func TestValidateListsVariants(t *testing.T) {
	code, stdout, stderr := runCLI("validate", "../../game/scenario/testdata/drill.toml")
	want := "../../game/scenario/testdata/drill.toml: ok (8 units, 4 places, 2 variants)\n" +
		"  variant reinforced (8 units): East reinforced\n" +
		"  variant early (8 units): Trucks early\n"
	if code != cli.OK || stdout != want || stderr != "" {
		t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, stdout, want, stderr)
	}
}

// TestValidateNamesTheVariant: a mistake a variant brings about is
// reported at its line, naming the variant, and fails the file.
func TestValidateNamesTheVariant(t *testing.T) {
	name := drillWith(t, "arrive = 1945-09-01T06:00:00", "arrive = 1945-09-09T06:00:00")
	code, stdout, stderr := runCLI("validate", name)
	if code != cli.Bad || strings.Contains(stdout, ": ok") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
	want := name + `:294:1: variant "early": unit "w-trucks": key "arrive" is 1945-09-09 06:00`
	if !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr:\n%s\nwant one line beginning\n%s", stderr, want)
	}
}

// TestValidateWarns: a warning is printed as file:line:col: warning: ...
// and the file still passes.
func TestValidateWarns(t *testing.T) {
	name := drillWith(t, "start = 1945-09-01T06:00:00", "start = 1945-09-01")
	code, stdout, stderr := runCLI("validate", name)
	if code != cli.OK {
		t.Errorf("exit %d, want %d (a warning does not fail a file)\n%s", code, cli.OK, stderr)
	}
	want := name + `:8:1: warning: the scenario: key "start" is 1945-09-01, a date without a time of day, so it is taken as midnight (1945-09-01T00:00:00); give the hour, such as 1945-09-01T06:00:00` + "\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if !strings.HasPrefix(stdout, name+": ok (8 units, 4 places, 2 variants, 1 warning)\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
}
