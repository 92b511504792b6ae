package whatif

import (
	"encoding/json"
	"fmt"
)

// Job is what a batch asks of a worker that plays its runs elsewhere (a
// browser's Web Worker, which shares no memory with the page): a new setup
// for a batch, when Spec is set, and then one seed at a time. Jobs and
// their Done answers travel as JSON.
type Job struct {
	Batch int    `json:"batch"`          // which batch the job is of; a new one comes with its setup
	File  string `json:"file,omitempty"` // the scenario's file name and text, with Spec
	Text  string `json:"text,omitempty"`
	Spec  *Spec  `json:"spec,omitempty"`
	Seed  uint64 `json:"seed"` // the run to play
}

// Done is a worker's answer to a Job: the run played, or why not.
type Done struct {
	Batch  int     `json:"batch"`
	Seed   uint64  `json:"seed"`
	Result *Result `json:"result,omitempty"`
	Err    string  `json:"error,omitempty"`
}

// Worker plays the jobs sent to one worker, keeping the setup of the
// batch it was last given.
type Worker struct {
	batch int
	set   Setup
	err   error
	ready bool
}

// Handle plays one job (set up by a job with a Spec) and answers it.
func (w *Worker) Handle(j Job) Done {
	if j.Spec != nil {
		w.batch, w.ready = j.Batch, true
		w.set, w.err = j.Spec.Load(j.File, []byte(j.Text))
	}
	d := Done{Batch: j.Batch, Seed: j.Seed}
	switch {
	case !w.ready || w.batch != j.Batch:
		d.Err = fmt.Sprintf("the worker was not given batch %d's setup", j.Batch)
	case w.err != nil:
		d.Err = w.err.Error()
	default:
		res, err := Play(w.set, j.Seed)
		if err != nil {
			d.Err = err.Error()
		} else {
			d.Result = &res
		}
	}
	return d
}

// HandleJSON is Handle for a job and an answer as JSON.
func (w *Worker) HandleJSON(job []byte) []byte {
	var j Job
	var d Done
	if err := json.Unmarshal(job, &j); err != nil {
		d = Done{Err: "the worker could not read its job: " + err.Error()}
	} else {
		d = w.Handle(j)
	}
	out, err := json.Marshal(d)
	if err != nil {
		out, _ = json.Marshal(Done{Batch: j.Batch, Seed: j.Seed, Err: "the worker could not write its answer: " + err.Error()})
	}
	return out
}

// Answer reads a worker's JSON answer to the job of batch for seed: its
// result, or its error.
func Answer(data []byte, batch int, seed uint64) (Result, error) {
	var d Done
	if err := json.Unmarshal(data, &d); err != nil {
		return Result{Seed: seed}, fmt.Errorf("a worker's answer could not be read: %w", err)
	}
	switch {
	case d.Err != "":
		return Result{Seed: seed}, fmt.Errorf("run %d: %s", seed, d.Err)
	case d.Batch != batch || d.Seed != seed || d.Result == nil:
		return Result{Seed: seed}, fmt.Errorf("a worker answered run %d of batch %d when asked run %d of batch %d", d.Seed, d.Batch, seed, batch)
	}
	return *d.Result, nil
}
