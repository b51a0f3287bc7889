// Main-thread side of the worker protocol (protocol/requests.js). The worker is a blob worker
// built from inlined source, because file:// refuses sibling workers and fetching a .wasm.
import { RequestType, ReplyType } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';
import { createJournal, record, restartWorker } from './worker_restart.js';

/** @typedef {import('../protocol/requests.js').RequestTypeName} RequestTypeName */
/** @typedef {import('../protocol/requests.js').ReplyMessage} ReplyMessage */
/** @typedef {import('../protocol/requests.js').ErrorValue} ErrorValue */
/** @typedef {import('../types/huike-embed').HuikeError} HuikeError */
/** @typedef {import('../types/huike-embed').Progress} Progress */

/**
 * @param {Partial<ErrorValue> | undefined} e
 * @returns {HuikeError}
 */
export function toError(e) {
  const error = /** @type {HuikeError} */ (new Error((e && e.message) || 'unknown error'));
  error.code = /** @type {any} */ ((e && e.code) || ErrorCode.E_INTERNAL);
  error.line = (e && e.line) || 0;
  if (e && e.input) error.input = e.input;
  return error;
}

/**
 * @typedef {{resolve: (value: any) => void, reject: (error: HuikeError) => void, onProgress?: (p: Progress) => void,
 *   type: RequestTypeName, payload: any}} Pending
 */

export class EngineClient {
  /** @param {string} workerSource the engine glue (wasm inlined) followed by the dispatcher */
  constructor(workerSource) {
    this.url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Worker | null} split mode's second worker */
    this.second = null;
    this.nextId = 1;
    /** @type {Map<number, Pending>} */
    this.pending = new Map();
    this.journal = createJournal(); // what built the session, for abort()
    this.error = toError;
    this.spawn();
  }

  spawn() {
    this.stopSecond();
    const worker = new Worker(this.url);
    this.worker = worker;
    worker.onmessage = (event) => worker === this.worker && this.receive(event.data);
    // A crash (out of memory, a wasm trap) rejects every pending request; none hangs.
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker !== this.worker) return;
      this.stopSecond();
      this.failAll({ code: ErrorCode.E_WORKER_CRASHED, message: event.message || 'the analysis worker stopped' });
    };
  }

  /**
   * Split mode (worker/engines.js): the worker asks for a second worker, which answers it on
   * the port it sent; the page starts it, as a worker on file:// cannot.
   * @param {MessagePort} port
   */
  spawnSecond(port) {
    this.stopSecond();
    const second = new Worker(this.url);
    second.onerror = (event) => {
      event.preventDefault();
      if (this.worker) this.worker.postMessage({ type: 'SECOND_CRASHED', message: event.message || 'the second worker stopped' });
    };
    second.postMessage({ type: 'SECOND', port }, [port]);
    this.second = second;
  }

  stopSecond() {
    if (this.second) this.second.terminate();
    this.second = null;
  }

  /** @param {ReplyMessage | {type: 'SPAWN_SECOND', port: MessagePort} | {type: 'STOP_SECOND'}} message */
  receive(message) {
    if (message.type === 'SPAWN_SECOND') return this.spawnSecond(message.port);
    if (message.type === 'STOP_SECOND') return this.stopSecond();
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === ReplyType.PROGRESS) {
      if (entry.onProgress) entry.onProgress(message.payload);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === ReplyType.RESULT) entry.resolve(message.payload);
    else entry.reject(toError(message.error));
  }

  /** @param {Partial<ErrorValue>} error */
  failAll(error) {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(toError(error));
  }

  /**
   * Sends one request; the promise settles exactly once.
   * @template {RequestTypeName} T
   * @param {T} type
   * @param {import('../protocol/requests.js').PayloadOf<T>} payload
   * @param {(p: Progress) => void} [onProgress]
   * @returns {{id: number, promise: Promise<import('../protocol/requests.js').ResultOf<T>>}}
   */
  send(type, payload, onProgress) {
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => {
      if (!this.worker) return reject(toError({ code: ErrorCode.E_DISPOSED, message: 'the analyzer was disposed' }));
      this.pending.set(id, { resolve, reject, onProgress, type, payload });
      record(this.journal, { id, type, payload });
      this.worker.postMessage({ id, type, payload });
    });
    return { id, promise };
  }

  /**
   * @template {RequestTypeName} T
   * @param {T} type
   * @param {import('../protocol/requests.js').PayloadOf<T>} payload
   * @param {(p: Progress) => void} [onProgress]
   * @returns {Promise<import('../protocol/requests.js').ResultOf<T>>}
   */
  request(type, payload, onProgress) {
    return this.send(type, payload, onProgress).promise;
  }

  /** @param {number} targetId */
  cancel(targetId) {
    if (this.worker && this.pending.has(targetId)) this.send(RequestType.CANCEL, { target: targetId });
  }

  /**
   * Stops a request even while the engine is inside it (a fit): see worker_restart.js.
   * Resolves when the new worker has read the session again.
   * @param {number} targetId
   * @param {(p: Progress) => void} [onProgress] the re-read's progress
   */
  abort(targetId, onProgress) {
    if (!this.worker || !this.pending.has(targetId)) return Promise.resolve();
    return restartWorker(this, targetId, onProgress);
  }

  dispose() {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    this.stopSecond();
    URL.revokeObjectURL(this.url);
    this.failAll({ code: ErrorCode.E_DISPOSED, message: 'the analyzer was disposed' });
  }
}
