package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestOddsGolden: ili odds prints the attack preview the window shows (the
// headline, the share of each outcome, the loss ranges, what weighs most
// and every factor with its effect), and refuses in one sentence that says
// what to do; against testdata/odds/*.golden (rewritten with -update).
func TestOddsGolden(t *testing.T) {
	const drill = "../../game/scenario/testdata/drill.toml"
	tests := []struct {
		name string
		args []string
	}{
		// The mounted band at the gates of Nilka, as the window's preview
		// test has it (TestPreviewInWords: 59%, the shock of surprise).
		{"nilka-gates", []string{"nilka-1944", "--attack", "band-mounted", "--defend", "garrison", "--set", "unit.band-mounted.hex=[11,8]"}},
		// The mounted band's second turn against the town's prepared
		// works, where a game of AIs has it: the fight goes on and can be
		// decided now.
		{"nilka-turn2", []string{"nilka-1944", "--attack", "band-mounted", "--defend", "garrison", "--turn", "2"}},
		{"not-adjacent", []string{"nilka-1944", "--attack", "band-mounted", "--defend", "garrison"}},
		{"not-enemies", []string{"nilka-1944", "--attack", "garrison", "--defend", "police"}},
		{"two-sides", []string{"nilka-1944", "--attack", "band-mounted,garrison", "--defend", "police"}},
		{"unknown-unit", []string{"nilka-1944", "--attack", "band-mountd", "--defend", "garrison"}},
		{"not-yet", []string{"nilka-1944", "--attack", "band-mounted", "--defend", "ghulja-column"}},
		{"turn-out-of-range", []string{"nilka-1944", "--attack", "band-mounted", "--defend", "garrison", "--turn", "99"}},
		{"no-defender", []string{"nilka-1944", "--attack", "band-mounted"}},
		// Across the river, with air support, units placed by --set.
		{"drill", []string{drill, "--attack", "w-inf,w-cav", "--defend", "e-police", "--set", "unit.w-inf.hex=[6,3]", "--set", "unit.w-cav.hex=[7,4]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(append([]string{"odds"}, tt.args...)...)
			got := fmt.Sprintf("$ ili odds %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), code, stdout, stderr)
			golden(t, filepath.Join("testdata", "odds", tt.name+".golden"), got)
			if code != 0 && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("a refusal of more than one line:\n%s", stderr)
			}
		})
	}
}
