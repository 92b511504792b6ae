package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
	"ili/game/scenario"
)

// TestHistoryCommand: ili history prints each bundled scenario's course as
// a handout whose steps bear out every checkpoint, and as JSON with a frame
// for the start and for every turn; wrong use gets one sentence.
func TestHistoryCommand(t *testing.T) {
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI("history", id)
		if code != cli.OK || !strings.Contains(stdout, "bear out all") || !strings.Contains(stdout, "Sources:") {
			t.Errorf("ili history %s: exit %d\n%s%s", id, code, stdout, stderr)
		}
		out := filepath.Join(t.TempDir(), id+".json")
		if code, _, stderr := runCLI("history", id, "--format", "json", "--out", out); code != cli.OK {
			t.Fatalf("ili history %s --format json: exit %d: %s", id, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Frames []struct {
				Turn  int
				Steps []struct{ Source string }
			}
			Mismatches []string
		}
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		steps := 0
		for i, f := range got.Frames {
			if f.Turn != i {
				t.Errorf("%s: frame %d is turn %d", id, i, f.Turn)
			}
			steps += len(f.Steps)
		}
		if len(got.Frames) != sc.Turns+1 || steps != len(sc.History.Steps) || len(got.Mismatches) != 0 {
			t.Errorf("%s: %d frames for %d turns, %d of %d steps, mismatches %v", id, len(got.Frames), sc.Turns, steps, len(sc.History.Steps), got.Mismatches)
		}
	}
	for _, args := range [][]string{{"history"}, {"history", "nilka-1944", "--format", "csv"}} {
		if code, _, stderr := runCLI(args...); code != cli.Usage || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if code, _, stderr := runCLI("history", "no-such-scenario"); code == cli.OK || stderr == "" {
		t.Errorf("an unknown scenario: exit %d, %q", code, stderr)
	}
}
