package main

import (
	"encoding/json"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// airambek is the scenario of the Airambek siege written from the README
// and the reference alone (game/scenario/testdata).
const airambek = "../../game/scenario/testdata/airambek-1944.toml"

// TestAirambekPlays: the author's scenario validates with its variants
// listed, and plays to its end AI against AI, in a batch and in one
// game's log; its orders keep the garrisons in their posts.
func TestAirambekPlays(t *testing.T) {
	code, stdout, stderr := runCLI("validate", airambek)
	if code != cli.OK || stderr != "" {
		t.Fatalf("validate: exit %d\n%s", code, stderr)
	}
	for _, w := range []string{"ok (", "variant chinese-accounts", "variant relief-december", "variant no-airlift"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("validate does not say %q:\n%s", w, stdout)
		}
	}
	code, stdout, stderr = runCLI("sim", airambek, "--runs", "6", "--workers", "1", "--format", "json")
	if code != cli.OK {
		t.Fatalf("sim: exit %d\n%s", code, stderr)
	}
	var batch struct {
		Results []struct {
			Seed   uint64
			Winner string
			Turns  int
			GaveUp []struct{ Side, Place string } `json:"gave_up"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &batch); err != nil {
		t.Fatalf("not the batch's JSON: %v\n%s", err, stdout)
	}
	if len(batch.Results) != 6 {
		t.Errorf("%d runs reported, want 6", len(batch.Results))
	}
	for _, r := range batch.Results {
		if r.Turns < 1 || r.Turns > 39 || r.Winner == "" {
			t.Errorf("run of seed %d: %+v", r.Seed, r)
		}
		// The scenario's orders hold the enclave's posts: no garrison
		// marches out of its own accord (as each did before the orders).
		if len(r.GaveUp) > 0 {
			t.Errorf("run of seed %d: places given up against the orders: %+v", r.Seed, r.GaveUp)
		}
	}
	code, stdout, stderr = runCLI("sim", airambek, "--log", "3", "--variant", "chinese-accounts")
	if code != cli.OK || !strings.Contains(stdout, "The Airambek enclave") || !strings.Contains(stdout, "game over") {
		t.Errorf("sim --log: exit %d\n%s\n%s", code, stdout, stderr)
	}
}
