//go:build js

// Command ili-worker plays the what-if lab's runs in a browser's Web
// Worker, so that a batch in the browser uses every core the browser
// gives: the page's lab sends it jobs (whatif.Job, as JSON) and it answers
// each with the run played (whatif.Done). worker.js starts it; make web
// builds it; ili serve serves it beside the game.
package main

import (
	"runtime/debug"
	"syscall/js"

	"ili/game/whatif"
)

func main() {
	self := js.Global()
	jobs := make(chan string, 64)
	take := func(v js.Value) {
		if v.Type() == js.TypeString {
			jobs <- v.String()
		} else {
			jobs <- ""
		}
	}
	self.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		take(args[0].Get("data"))
		return nil
	}))
	if q := self.Get("iliQueue"); q.Type() == js.TypeObject { // the jobs sent while it started
		for i := 0; i < q.Length(); i++ {
			take(q.Index(i))
		}
	}
	debug.SetGCPercent(whatif.BatchGCPercent) // a worker only plays a batch's games
	var w whatif.Worker
	for job := range jobs { // a game is played outside the callback, which must not block
		self.Call("postMessage", string(w.HandleJSON([]byte(job))))
	}
}
