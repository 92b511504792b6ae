package whatif

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"ili/game/scenario"
)

// TestRemoteBatch plays a batch through Workers, as a browser's Web
// Workers play the lab's: each job and answer goes through JSON to one of
// three Workers that share nothing, and the batch's report must be the
// same bytes as the batch played here.
func TestRemoteBatch(t *testing.T) {
	sp := Spec{Scenario: "nilka-1944", Variants: []string{}, Set: []string{}, Scale: []string{}, AI: map[string]string{"provincial": "greedy"}}
	set := loadSpec(t, sp)
	file, text, err := scenario.Read(sp.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	const runs = 12
	local := report(t, set, Options{Runs: runs, Seed: 40, Workers: 2})

	spec, _ := json.Marshal(sp)
	var pool = make(chan *remoteWorker, 3)
	for i := 0; i < cap(pool); i++ {
		pool <- &remoteWorker{}
	}
	remote := func(seed uint64) (Result, error) {
		w := <-pool
		defer func() { pool <- w }()
		job := Job{Batch: 7, Seed: seed}
		if !w.given {
			var s Spec
			json.Unmarshal(spec, &s)
			job.File, job.Text, job.Spec, w.given = file, string(text), &s, true
		}
		data, _ := json.Marshal(job)
		return Answer(w.w.HandleJSON(data), 7, seed)
	}
	got := report(t, set, Options{Runs: runs, Seed: 40, Workers: 3, Remote: remote})
	want, _ := Play(set, 44)
	if r, err := remote(44); err != nil || !reflect.DeepEqual(r, want) {
		t.Errorf("run 44 through JSON is not the run played here (%v):\n%+v\nwant\n%+v", err, r, want)
	}
	if !bytes.Equal(got, local) {
		t.Errorf("the batch played by workers differs from the batch played here:\n%s\nwant\n%s", got, local)
	}
}

// remoteWorker is a Worker and whether it has the batch's setup.
type remoteWorker struct {
	w     Worker
	given bool
}

// report is a batch's CSV report, one row a run.
func report(t *testing.T, set Setup, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc, err := NewEncoder("csv", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := StreamContext(context.Background(), set, Meta{}, opt, enc, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWorkerRefuses: a worker answers a job it cannot play with the reason,
// never a panic, and a batch's answer from another batch or seed is an
// error.
func TestWorkerRefuses(t *testing.T) {
	var w Worker
	d := w.Handle(Job{Batch: 1, Seed: 3})
	if !strings.Contains(d.Err, "not given batch 1's setup") {
		t.Errorf("a job before its setup: %q", d.Err)
	}
	d = w.Handle(Job{Batch: 2, Spec: &Spec{Scenario: "x.toml"}, File: "x.toml", Text: "turns = ", Seed: 1})
	if d.Err == "" || d.Result != nil {
		t.Errorf("a setup that does not load was played: %+v", d)
	}
	if out := w.HandleJSON([]byte("{")); !strings.Contains(string(out), "could not read its job") {
		t.Errorf("a job that is not JSON: %s", out)
	}
	ans, _ := json.Marshal(Done{Batch: 2, Seed: 5, Result: &Result{Seed: 5}})
	if _, err := Answer(ans, 2, 6); err == nil {
		t.Error("an answer for another seed was taken")
	}
	if _, err := Answer(ans, 3, 5); err == nil {
		t.Error("an answer for another batch was taken")
	}
	if r, err := Answer(ans, 2, 5); err != nil || r.Seed != 5 {
		t.Errorf("a right answer: %v %v", r, err)
	}
}
