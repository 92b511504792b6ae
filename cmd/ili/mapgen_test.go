package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"ili/game/scenario"
)

// TestMapgenGolden: ili mapgen's TOML for the README's example valley, and
// its errors, against testdata/mapgen/*.golden (rewritten with -update).
func TestMapgenGolden(t *testing.T) {
	valley := filepath.Join("testdata", "mapgen", "valley.toml")
	grid := []string{"--origin", "44.0,81.95", "--hex-km", "4", "--cols", "14", "--rows", "9"}
	tests := []struct {
		name string
		args []string
	}{
		{"valley", append(append([]string{}, grid...), "--shapes", valley)},
		{"blank", []string{"--origin", "43.962,81.218", "--hex-km", "0.4", "--cols", "6", "--rows", "3", "--ground", "farm", "--standard-lat", "43.9"}},
		{"no-origin", []string{"--hex-km", "4", "--cols", "14", "--rows", "8"}},
		{"too-big", []string{"--origin", "44,81", "--hex-km", "4", "--cols", "14", "--rows", "800"}},
		{"ground-misspelt", append(append([]string{}, grid...), "--ground", "desrt")},
		{"bad-shapes", append(append([]string{}, grid...), "--shapes", filepath.Join("testdata", "mapgen", "bad.toml"))},
		{"no-file", append(append([]string{}, grid...), "--shapes", filepath.Join("testdata", "mapgen", "missing.toml"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(append([]string{"mapgen"}, tt.args...)...)
			got := fmt.Sprintf("$ ili mapgen %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), code, stdout, stderr)
			golden(t, filepath.Join("testdata", "mapgen", tt.name+".golden"), got)
		})
	}
}

// TestMapgenPastes: the TOML ili mapgen prints, pasted into a scenario
// with its hex_km, makes a scenario that loads, the town where the
// comment says.
func TestMapgenPastes(t *testing.T) {
	code, stdout, stderr := runCLI("mapgen", "--origin", "44.0,81.95", "--hex-km", "4", "--cols", "14", "--rows", "9",
		"--shapes", filepath.Join("testdata", "mapgen", "valley.toml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "# nilka: hex = [") {
		t.Fatalf("the town's hex is not given:\n%s", stdout)
	}
	_, rest, _ := strings.Cut(stdout, "# nilka: hex = [")
	hexAt, _, _ := strings.Cut(rest, "]")
	src := `format = 1
id = "valley"
title = "A valley"
description = "A test of ili mapgen's output."
start = 1944-10-05T06:00:00
turns = 2
turn_hours = 12
hex_km = 4
` + stdout + `
[[side]]
id = "a"
name = "Side A"
briefing = "Hold the town."

[[side]]
id = "b"
name = "Side B"
briefing = "Take the town."

[[place]]
id = "nilka"
name = "Nilka"
lat = 43.82
lon = 82.53
vp = 5
owner = "a"

[[unit]]
id = "a-1"
name = "Garrison"
side = "a"
type = "infantry"
place = "nilka"
men = 300
source = "est"

[[unit]]
id = "b-1"
name = "Column"
side = "b"
type = "infantry"
hex = [1, 1]
men = 300
source = "est"

[history]
winner = "a"
summary = "A test."
epilogue = "None."
source = "est"

[[source]]
key = "est"
author = "the designers"
title = "estimates for a test"
year = 2024
`
	sc, err := scenario.Parse("valley.toml", []byte(src), scenario.Options{})
	if err != nil {
		t.Fatalf("the pasted map does not load: %v\n%s", err, src)
	}
	for _, pl := range sc.Places {
		c, r := pl.Hex.Offset()
		if pl.ID == "nilka" && fmt.Sprintf("%d, %d", c, r) != hexAt {
			t.Errorf("the town is placed at %d,%d; mapgen said %s", c, r, hexAt)
		}
	}
}
