// The worker's engines: one, or for a file beyond one wasm heap two (split mode, issue 14).
// In split mode this worker's engine reads the file without product lines and makes every
// section but two; a second worker (its own engine, its own 4 GB heap) reads the same file
// at the same time, whole, and makes only the product sections, the product views and each
// customer's next reminder day, which the first shows in its customer lists. Every section
// comes from an engine that saw every row, so the merged report equals one engine's
// (tests/cpp/split_mode_test.cpp, tests/js/split_mode.test.mjs).
import { ReplyType } from '../protocol/requests.js';

/** @typedef {import('../protocol/requests.js').ErrorValue} ErrorValue */
/** @typedef {import('../protocol/requests.js').ReplyMessage} ReplyMessage */
/**
 * A second worker as the first sees it: messages in, replies out (a Worker, or in Node a
 * dispatcher in the same thread).
 * @typedef {{send: (message: object, transfer?: Transferable[]) => void, listen: (receive: (m: ReplyMessage) => void,
 *   crashed: (message: string) => void) => void, terminate: () => void}} Channel
 */

/**
 * @param {string} code
 * @param {string} message
 * @param {Partial<ErrorValue>} [extra]
 * @returns {ErrorValue}
 */
export function engineError(code, message, extra) {
  return Object.assign({ code, message, line: 0 }, extra || {});
}

/** One engine instance in its own module; calls return the reply, or throw its error value. */
export class Instance {
  /** @param {any} module */
  constructor(module) {
    this.module = module;
    this.engine = new module.Engine();
    this.reserved = 0; // the engine's tables reserved for the whole input, after the last feed
    this.wanted = 0; // what those tables need, whether the heap gave it or not
  }

  /** @param {string} method @param {...(string | number)} args @returns {any} */
  call(method, ...args) {
    const reply = JSON.parse(this.engine[method](...args));
    if (!reply.ok) throw engineError(reply.code, reply.message, { line: reply.line });
    return reply;
  }

  /** @param {Uint8Array} bytes */
  feed(bytes) {
    // One bulk copy into the engine's reused buffer; the view dies with the next call.
    this.engine.chunkBuffer(bytes.length).set(bytes);
    const reply = this.call('feed', bytes.length);
    this.reserved = reply.reserved_bytes;
    this.wanted = reply.wanted_bytes;
    return reply;
  }

  heapBytes() {
    return this.module.HEAPU8.length;
  }

  /** @returns {import('./heap_guard.js').HeapNow} */
  heapNow() {
    const stats = JSON.parse(this.module.memoryStats());
    return { heap: stats.heap_bytes, inUse: stats.in_use_bytes, reserved: this.reserved, wanted: this.wanted };
  }

  /** The CSV the last export call left in the engine, copied out and freed there. */
  takeCsv() {
    const bytes = this.engine.csvBytes().slice();
    this.engine.releaseCsv();
    return bytes;
  }

  /** Each customer's next reminder day (Int32 per customer), copied out. @param {string} analysisJson */
  reminderDays(analysisJson) {
    const count = this.call('reminderDays', analysisJson).customers;
    const view = this.engine.reminderDaysView();
    return new Int32Array(view.buffer, view.byteOffset, count).slice().buffer;
  }
}

/** The second worker: requests with promises, progress to a callback. */
class Remote {
  /** @param {Channel} channel */
  constructor(channel) {
    this.channel = channel;
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: any) => void, onProgress?: (p: any) => void}>} */
    this.pending = new Map();
    channel.listen(
      (message) => {
        const entry = this.pending.get(message.id);
        if (!entry) return;
        if (message.type === ReplyType.PROGRESS) return entry.onProgress && entry.onProgress(message.payload);
        this.pending.delete(message.id);
        if (message.type === ReplyType.RESULT) entry.resolve(message.payload);
        else entry.reject(message.error);
      },
      (text) => this.failAll(engineError('E_OUT_OF_MEMORY', 'the second engine stopped: ' + text)),
    );
  }

  /**
   * @param {string} type @param {object} payload @param {(p: any) => void} [onProgress]
   * @returns {{id: number, promise: Promise<any>}}
   */
  send(type, payload, onProgress) {
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, onProgress }));
    this.channel.send({ id, type, payload });
    return { id, promise };
  }

  /** @param {string} type @param {object} [payload] */
  request(type, payload = {}) {
    return this.send(type, payload).promise;
  }

  /** @param {number} target */
  cancel(target) {
    this.send('CANCEL', { target });
  }

  /** @param {ErrorValue} error */
  failAll(error) {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  terminate() {
    this.channel.terminate();
    this.failAll(engineError('E_CANCELLED', 'the second engine was stopped'));
  }
}

/**
 * @param {(args: object) => Promise<any>} createModule the Emscripten factory
 * @param {object} moduleArgs copied for each instance (Emscripten keeps its exports on it)
 * @param {() => Channel} spawnSecond starts the second worker
 */
export function createEngines(createModule, moduleArgs, spawnSecond) {
  /** @type {Instance | null} */
  let main = null;
  /** @type {Remote | null} */
  let second = null; // only in split mode
  let daysKey = ''; // the analysis options whose reminder days `main` holds (split mode)

  const engines = {
    async start() {
      if (!main) main = new Instance(await createModule({ ...moduleArgs }));
      return main;
    },
    get main() {
      return /** @type {Instance} */ (main);
    },
    /** The second worker, in split mode; null otherwise. */
    get second() {
      return second;
    },
    /**
     * Starts a file on this engine, in split mode without product lines (the second worker
     * is then started, and the caller gives it the file: READ_PRODUCTS).
     * @param {object} ingest @param {boolean} split
     */
    begin(ingest, split) {
      daysKey = '';
      engines.dropSecond();
      if (split) second = new Remote(spawnSecond());
      engines.main.call('begin', JSON.stringify(split ? { ...ingest, product_lines: false } : ingest));
    },
    /** Stops the second worker, and so frees its heap (a wasm heap never shrinks). */
    dropSecond() {
      if (second) second.terminate();
      second = null;
    },
    /** Before a customer list: this engine shows the second's reminder days for these options. */
    /** @param {string} analysisJson */
    async syncReminderDays(analysisJson) {
      if (!second || daysKey === analysisJson) return;
      const { days } = await second.request('REMINDER_DAYS', { options: JSON.parse(analysisJson) });
      const bytes = new Uint8Array(days);
      engines.main.engine.chunkBuffer(bytes.length).set(bytes);
      engines.main.call('useReminderDays', bytes.length / 4);
      daysKey = analysisJson;
    },
    /** A change on the product side (the consumption table) changes the reminder days. */
    reminderDaysChanged() {
      daysKey = '';
    },
    /** @param {string} analysisJson @returns {Promise<any>} the report, with the second engine's sections */
    async report(analysisJson) {
      if (!second) return engines.main.call('report', analysisJson).report;
      const { sections } = await second.request('PRODUCT_SECTIONS', { options: JSON.parse(analysisJson) });
      await engines.syncReminderDays(analysisJson);
      return Object.assign(engines.main.call('report', analysisJson).report, sections);
    },
    async heapBytes() {
      return (main ? main.heapBytes() : 0) + (second ? (await second.request('MEMORY')).heapBytes : 0);
    },
    /** After a trap: this instance is unusable, and the second goes with it. */
    lose() {
      engines.dropSecond();
      main = null;
      daysKey = '';
    },
  };
  return engines;
}
