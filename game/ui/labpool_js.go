//go:build js

package ui

import (
	"encoding/json"
	"sync"
	"syscall/js"

	"ili/game/scenario"
	"ili/game/whatif"
)

// labPool is the browser's Web Workers that play the lab's runs (worker.js
// running ili-worker.wasm, served beside the game): one per core the
// browser reports, up to labMaxWorkers, started with the first batch and
// kept for the next ones. A page's Go has one thread; the workers give the
// lab the machine's other cores.
type labPool struct {
	idle  chan *labWorker
	n     int
	mu    sync.Mutex
	batch int // the newest batch's number
}

// labWorker is one Web Worker and the batch whose setup it was given.
type labWorker struct {
	w     js.Value
	reply chan string
	batch int
}

// labMaxWorkers is the most workers the lab starts: each holds a game's
// program and a game in its own memory.
const labMaxWorkers = 8

var thePool struct {
	once sync.Once
	p    *labPool
}

// pool starts the workers the first time it is called.
func pool() *labPool {
	thePool.once.Do(func() {
		if js.Global().Get("Worker").Type() != js.TypeFunction {
			return
		}
		n := 1
		if c := js.Global().Get("navigator").Get("hardwareConcurrency"); c.Type() == js.TypeNumber {
			n = max(1, min(c.Int(), labMaxWorkers))
		}
		p := &labPool{idle: make(chan *labWorker, n), n: n}
		for i := 0; i < n; i++ {
			p.idle <- newLabWorker()
		}
		thePool.p = p
	})
	return thePool.p
}

// newLabWorker starts a Web Worker.
func newLabWorker() *labWorker {
	lw := &labWorker{reply: make(chan string, 1)}
	lw.start()
	return lw
}

// start starts the Web Worker, whose every answer, or error, goes to the
// reply channel; it has no batch's setup yet.
func (lw *labWorker) start() {
	lw.batch = -1
	lw.w = js.Global().Get("Worker").New("worker.js")
	lw.w.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		lw.answer(args[0].Get("data").String())
		return nil
	}))
	lw.w.Set("onerror", js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the lab's worker stopped"
		if m := args[0].Get("message"); m.Type() == js.TypeString {
			msg += " (" + m.String() + ")"
		}
		data, _ := json.Marshal(whatif.Done{Err: msg})
		lw.batch = -2 // started again before its next job
		lw.answer(string(data))
		return nil
	}))
}

// answer hands a message on to the run waiting for it; a callback must not
// block, and a worker has one run at a time, so a second message (an error
// after an answer) is dropped.
func (lw *labWorker) answer(msg string) {
	select {
	case lw.reply <- msg:
	default:
	}
}

// labRemote is how the lab plays spec's runs in the browser: on the
// workers, as many at once as there are workers. Without workers (or
// when the scenario cannot be read) it says nil, and the runs are played
// in the page.
func labRemote(spec whatif.Spec) (func(uint64) (whatif.Result, error), int) {
	p := pool()
	if p == nil {
		return nil, 0
	}
	file, text, err := scenario.Read(spec.Scenario)
	if err != nil {
		return nil, 0
	}
	p.mu.Lock()
	p.batch++
	batch := p.batch
	p.mu.Unlock()
	return func(seed uint64) (whatif.Result, error) {
		w := <-p.idle
		defer func() { p.idle <- w }()
		if w.batch == -2 {
			w.w.Call("terminate")
			w.start()
		}
		job := whatif.Job{Batch: batch, Seed: seed}
		if w.batch != batch {
			sp := spec
			job.File, job.Text, job.Spec, w.batch = file, string(text), &sp, batch
		}
		data, err := json.Marshal(job)
		if err != nil {
			return whatif.Result{Seed: seed}, err
		}
		w.w.Call("postMessage", string(data))
		return whatif.Answer([]byte(<-w.reply), batch, seed)
	}, p.n
}

// testLabHooks give a test page (?test=1) the lab's batches without its
// screen: labBatch(spec as JSON, runs, seed) starts one as the lab starts
// it (its error, or ""), and labResult() is "" until it has ended, then
// its CSV report, the workers it was played on and its error, as JSON.
func testLabHooks(hooks js.Value) {
	var (
		b       *labBatch
		workers int
	)
	hooks.Set("labBatch", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 3 {
			return "labBatch takes a spec, a number of runs and a seed"
		}
		var sp whatif.Spec
		if err := json.Unmarshal([]byte(args[0].String()), &sp); err != nil {
			return err.Error()
		}
		set, err := sp.Read()
		if err != nil {
			return err.Error()
		}
		if p := pool(); p != nil {
			workers = p.n
		}
		b = startLabBatch(sp, set, args[1].Int(), uint64(args[2].Int()))
		return ""
	}))
	hooks.Set("labResult", js.FuncOf(func(js.Value, []js.Value) any {
		if b == nil {
			return ""
		}
		if b.poll(); !b.finished {
			return ""
		}
		msg := ""
		if b.last.err != nil {
			msg = b.last.err.Error()
		}
		data, _ := json.Marshal(map[string]any{"csv": string(b.last.csv), "workers": workers, "error": msg, "seconds": b.last.elapsed.Seconds()})
		return string(data)
	}))
}
