package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"ili/game/whatif"
)

// TestBrowserLab plays a lab batch in headless Chromium, on the browser's
// Web Workers (worker.js running ili-worker.wasm, one per core the browser
// reports), through the lab's own batch code (the page's ?test=1 hooks
// labBatch and labResult), and checks its CSV report against the same
// batch played here: the same runs, byte for byte, on every worker.
func TestBrowserLab(t *testing.T) {
	if testing.Short() {
		t.Skip("plays a batch in Chromium; not in -short")
	}
	sp := whatif.Spec{Scenario: "nilka-1944", Variants: []string{}, Set: []string{}, Scale: []string{}, AI: map[string]string{"insurgents": "normal", "provincial": "greedy"}}
	const runs, seed = 24, 100
	want := localCSV(t, sp, runs, seed)

	url, tab := servedTab(t, 800, 600)
	if err := tab.Navigate(url + "?test=1"); err != nil {
		t.Fatal(err)
	}
	var ready bool
	for deadline := time.Now().Add(3 * time.Minute); !ready && time.Now().Before(deadline); {
		tab.Eval(`!!(window.ili && window.ili.labBatch)`, &ready)
		time.Sleep(100 * time.Millisecond)
	}
	if !ready {
		t.Fatal("the page's game never started")
	}
	spec, _ := json.Marshal(sp)
	var cores int
	tab.Eval(`navigator.hardwareConcurrency`, &cores)
	var msg string
	if err := tab.Eval(`window.ili.labBatch(`+jsString(string(spec))+`, `+itoa(runs)+`, `+itoa(seed)+`)`, &msg); err != nil || msg != "" {
		t.Fatalf("the lab's batch did not start: %v %s", err, msg)
	}
	var got struct {
		CSV     string  `json:"csv"`
		Workers int     `json:"workers"`
		Error   string  `json:"error"`
		Seconds float64 `json:"seconds"`
	}
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		var s string
		if err := tab.Eval(`window.ili.labResult()`, &s); err != nil {
			t.Fatal(err)
		}
		if s != "" {
			if err := json.Unmarshal([]byte(s), &got); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	switch {
	case got.Error != "":
		t.Fatalf("the lab's batch failed in the browser: %s", got.Error)
	case got.CSV == "":
		t.Fatal("the lab's batch did not end in 5 minutes")
	case got.Workers != max(1, min(cores, 8)):
		t.Errorf("the batch ran on %d workers; the browser reports %d cores", got.Workers, cores)
	case got.CSV != string(want):
		t.Errorf("the browser's batch differs from the same batch played here:\n%s\nwant\n%s", got.CSV, want)
	}
	t.Logf("%d runs of nilka-1944 in the browser on %d workers in %.1f s", runs, got.Workers, got.Seconds)
}

// localCSV is the CSV report of a batch played here as the lab plays one.
func localCSV(t *testing.T, sp whatif.Spec, runs int, seed uint64) []byte {
	t.Helper()
	set, err := sp.Read()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc, err := whatif.NewEncoder("csv", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := whatif.StreamContext(context.Background(), set, whatif.Meta{}, whatif.Options{Runs: runs, Seed: seed, Brief: true}, enc, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
