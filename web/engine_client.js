// Main-thread side of the worker protocol (see worker_dispatcher.js). Classic script; the
// embed module includes the same text. The worker is a blob worker built from inlined
// source, because file:// refuses sibling workers and fetching a .wasm.
'use strict';

var HuikeClient = (function () {
  function toError(e) {
    const error = new Error((e && e.message) || 'unknown error');
    error.code = (e && e.code) || 'E_INTERNAL';
    error.line = (e && e.line) || 0;
    if (e && e.input) error.input = e.input;
    return error;
  }

  class HuikeClient {
    // workerSource: the engine glue (wasm inlined) followed by worker_dispatcher.js.
    constructor(workerSource) {
      this.url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
      this.worker = new Worker(this.url);
      this.nextId = 1;
      this.pending = new Map();
      this.worker.onmessage = (event) => this.receive(event.data);
      // A crash (out of memory, a wasm trap) rejects every pending request; none hangs.
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.failAll({ code: 'E_WORKER_CRASHED', message: event.message || 'the analysis worker stopped' });
      };
    }

    receive(message) {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      if (message.type === 'PROGRESS') {
        if (entry.onProgress) entry.onProgress(message.payload);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'RESULT') entry.resolve(message.payload);
      else entry.reject(toError(message.error));
    }

    failAll(error) {
      const entries = [...this.pending.values()];
      this.pending.clear();
      for (const entry of entries) entry.reject(toError(error));
    }

    // Sends one request; returns {id, promise}. The promise settles exactly once.
    send(type, payload, onProgress) {
      const id = this.nextId++;
      const promise = new Promise((resolve, reject) => {
        if (!this.worker) return reject(toError({ code: 'E_DISPOSED', message: 'the analyzer was disposed' }));
        this.pending.set(id, { resolve, reject, onProgress });
        this.worker.postMessage({ id, type, payload });
      });
      return { id, promise };
    }

    request(type, payload, onProgress) {
      return this.send(type, payload, onProgress).promise;
    }

    cancel(targetId) {
      if (this.worker && this.pending.has(targetId)) this.send('CANCEL', { target: targetId });
    }

    dispose() {
      if (!this.worker) return;
      this.worker.terminate();
      this.worker = null;
      URL.revokeObjectURL(this.url);
      this.failAll({ code: 'E_DISPOSED', message: 'the analyzer was disposed' });
    }
  }

  HuikeClient.toError = toError;
  return HuikeClient;
})();
