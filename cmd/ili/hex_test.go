package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the golden outputs in testdata")

// TestHexGolden: ili hex's output, and its errors, for points of a bundled
// scenario and of the drill, against testdata/hex/*.golden (rewritten
// with -update).
func TestHexGolden(t *testing.T) {
	const drill = "../../game/scenario/testdata/drill.toml"
	tests := []struct {
		name string
		args []string
	}{
		{"town", []string{"43.82", "82.53", "nilka-1944"}},         // a place with its source, two roads
		{"ford", []string{"43.78", "82.53", "nilka-1944"}},         // a place with a note, a river along two edges
		{"fort", []string{"43.8042", "82.5307", drill}},            // a place with built defences
		{"bridge", []string{"43.8825", "82.4683", drill}},          // a river and an unnamed road
		{"open", []string{"43.8434", "82.1249", drill}},            // no place: the places next to it
		{"off-map", []string{"43.0", "80.0", "nilka-1944"}},        // an error sentence
		{"south-west", []string{"-33.9", "-18.4", "nilka-1944"}},   // negative degrees are numbers, not flags
		{"not-a-number", []string{"north", "82.53", "nilka-1944"}}, // a wrong command line
		{"too-few", []string{"43.82", "nilka-1944"}},               // a wrong command line
		{"unknown", []string{"43.82", "82.53", "nilka-1945"}},      // a scenario misspelt
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(append([]string{"hex"}, tt.args...)...)
			got := fmt.Sprintf("$ ili hex %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), code, stdout, stderr)
			golden(t, filepath.Join("testdata", "hex", tt.name+".golden"), got)
		})
	}
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v; run go test -run %s -update to write it", err, t.Name())
	}
	if !bytes.Equal([]byte(got), want) {
		t.Errorf("%s differs; got:\n%s\nwant:\n%s", file, got, want)
	}
}

// TestHexNoProjection: a scenario without a projection says what to add.
func TestHexNoProjection(t *testing.T) {
	name := drillWith(t, "[projection]\norigin_lat = 44.0\norigin_lon = 82.0\nstandard_lat = 44.0\n", "")
	src, _ := os.ReadFile(name)
	src = bytes.ReplaceAll(src, []byte("lat = 43.93\nlon = 82.04\n"), nil)
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("hex", "43.8", "82.5", name)
	want := "ili: " + name + " has no [projection], so its hexes have no latitude and longitude; give it one (origin_lat and origin_lon, the centre of hex 0,0).\n"
	if code != cli.Bad || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}
