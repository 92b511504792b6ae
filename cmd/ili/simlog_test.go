package main

import (
	"encoding/json"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// TestSimLog: ili sim --log SEED prints the game a batch from that seed
// plays first, as the window's log writes it: from the first turn to the
// game's end, units, places and sides by name, and the same winner as the
// batch reports.
func TestSimLog(t *testing.T) {
	code, stdout, stderr := runCLI("sim", "nilka-1944", "--log", "7", "--ai", "provincial=easy")
	if code != cli.OK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "turn 1 begins 5 Oct 1944 06:00") || !strings.HasPrefix(lines[len(lines)-1], "game over: ") {
		t.Fatalf("the log does not run from the first turn to the end:\n%s", stdout)
	}
	for _, l := range lines {
		for _, id := range []string{"band-mounted", "band-foot", "police", "garrison", "insurgents", "provincial"} {
			if strings.HasPrefix(l, id+" ") || strings.Contains(l, "band-") {
				t.Errorf("a line names a unit or side by its ID: %s", l)
			}
		}
	}
	code, batch, stderr := runCLI("sim", "nilka-1944", "--seed", "7", "--runs", "1", "--ai", "provincial=easy", "--format", "json")
	if code != cli.OK {
		t.Fatalf("the batch: exit %d: %s", code, stderr)
	}
	var first struct {
		Winner string `json:"winner"`
		Seed   uint64 `json:"seed"`
	}
	for _, l := range strings.Split(batch, "\n") {
		if l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), ",")); strings.HasPrefix(l, `{"seed":7,`) {
			if err := json.Unmarshal([]byte(l), &first); err != nil {
				t.Fatal(err)
			}
		}
	}
	if first.Seed != 7 {
		t.Fatalf("no run of seed 7 in the batch:\n%s", batch)
	}
	want := map[string]string{"insurgents": "game over: Nilka insurgents win", "provincial": "game over: Provincial garrison wins", "": "game over: a draw"}[first.Winner]
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, want) {
		t.Errorf("the log ends %q; the batch's game of seed 7 ends with winner %q", last, first.Winner)
	}
}

// TestSimLogRefused: --log takes a seed, and no flag of a batch.
func TestSimLogRefused(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sim", "nilka-1944", "--log", "seven"}, `--log "seven": give the seed of the game to print`},
		{[]string{"sim", "nilka-1944", "--log", "7", "--runs", "5"}, "give it without --runs."},
		{[]string{"sim", "nilka-1944", "--log", "7", "--compare", "base,benson", "--chart", "x.png"}, "give it without --chart or --compare."},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != cli.Usage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, stderr, cli.Usage, c.want)
		}
	}
}
