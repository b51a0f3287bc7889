// The worker's engines: one, or for a file beyond one wasm heap two (split mode, issue 14).
// In split mode the first engine reads the file without product lines and makes every
// section but two; the second, in its own module instance (its own 4 GB heap), reads it
// whole and makes only the product sections and each customer's next reminder day, which
// the first shows in its customer lists. Each section comes from an engine that saw every
// row, so the merged report equals one engine's (tests/cpp/split_mode_test.cpp).

/** @typedef {import('../protocol/requests.js').ErrorValue} ErrorValue */

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
class Instance {
  /** @param {any} module */
  constructor(module) {
    this.module = module;
    this.engine = new module.Engine();
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
    return this.call('feed', bytes.length);
  }

  heapBytes() {
    return this.module.HEAPU8.length;
  }

  /** @returns {import('./heap_guard.js').HeapNow} */
  heapNow() {
    const stats = JSON.parse(this.module.memoryStats());
    return { heap: stats.heap_bytes, inUse: stats.in_use_bytes };
  }

  /** The CSV the last export call left in the engine, copied out and freed there. */
  takeCsv() {
    const bytes = this.engine.csvBytes().slice();
    this.engine.releaseCsv();
    return bytes;
  }
}

/**
 * @param {(args: object) => Promise<any>} createModule the Emscripten factory
 * @param {object} moduleArgs copied for each instance (Emscripten keeps its exports on it)
 */
export function createEngines(createModule, moduleArgs) {
  /** @type {Instance | null} */
  let main = null;
  /** @type {Instance | null} */
  let products = null; // only in split mode
  let daysKey = ''; // the analysis options whose reminder days `main` holds (split mode)

  return {
    async start() {
      if (!main) main = new Instance(await createModule({ ...moduleArgs }));
      return main;
    },
    get main() {
      return /** @type {Instance} */ (main);
    },
    get split() {
      return products !== null;
    },
    /** The engine that holds the product lines: the second one in split mode. */
    get products() {
      return /** @type {Instance} */ (products || main);
    },
    /**
     * Starts a file on one engine, or on two (split) with the second made now.
     * @param {object} ingest @param {boolean} split
     */
    async begin(ingest, split) {
      daysKey = '';
      if (split && !products) products = new Instance(await createModule({ ...moduleArgs }));
      if (!split) this.dropSecond();
      this.main.call('begin', JSON.stringify(split ? { ...ingest, product_lines: false } : ingest));
      if (products) products.call('begin', JSON.stringify(ingest));
    },
    /** Frees the second engine's module, and so its heap (a wasm heap never shrinks). */
    dropSecond() {
      if (products) products.engine.reset();
      products = null;
    },
    /** @param {Uint8Array} bytes @returns {number} rows read */
    feed(bytes) {
      const rows = this.main.feed(bytes).rows;
      if (products) products.feed(bytes);
      return rows;
    },
    /** @returns {number} rows */
    finish() {
      const rows = this.main.call('finish').rows;
      if (products) products.call('finish');
      return rows;
    },
    /** Before a customer list: the first engine shows the second's reminder days for these options. */
    /** @param {string} analysisJson */
    syncReminderDays(analysisJson) {
      if (!products || daysKey === analysisJson) return;
      const count = products.call('reminderDays', analysisJson).customers;
      const days = products.engine.reminderDaysView();
      const bytes = new Uint8Array(days.buffer, days.byteOffset, count * 4);
      this.main.engine.chunkBuffer(bytes.length).set(bytes);
      this.main.call('useReminderDays', count);
      daysKey = analysisJson;
    },
    /** A change on the product side (the consumption table) changes the reminder days. */
    reminderDaysChanged() {
      daysKey = '';
    },
    /** @param {string} analysisJson @returns {any} the report, with the product engine's sections */
    report(analysisJson) {
      if (!products) return this.main.call('report', analysisJson).report;
      const sections = products.call('productSections', analysisJson).sections;
      this.syncReminderDays(analysisJson);
      return Object.assign(this.main.call('report', analysisJson).report, sections);
    },
    heapBytes() {
      return (main ? main.heapBytes() : 0) + (products ? products.heapBytes() : 0);
    },
    /** After a trap: the instances are unusable. */
    lose() {
      main = null;
      products = null;
      daysKey = '';
    },
  };
}
