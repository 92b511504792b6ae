"use strict";
// A Web Worker of the what-if lab: it runs ili-worker.wasm, which plays the
// runs the page sends it. Jobs that come before it has started wait in
// iliQueue, which it reads first.
importScripts("wasm_exec.js");
self.iliQueue = [];
self.onmessage = (e) => self.iliQueue.push(e.data);
const go = new Go();
WebAssembly.instantiateStreaming(fetch("ili-worker.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .catch((err) => self.postMessage(JSON.stringify({ batch: 0, seed: 0, error: "the lab's worker could not start (" + err.message + ")" })));
