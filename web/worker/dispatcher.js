// Runs inside the analysis worker: its engines (one, or two for a file beyond one heap:
// engines.js), requests one at a time in order, CANCEL jumping the queue. Also driven by the
// Node tests with a fake `post`.
import { RequestType, ReplyType, splitOptions } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';
import { slices, headerLine, sameBytes } from './slices.js';
import { createHeapGuard, howFar, SPLIT_ABOVE_BYTES } from './heap_guard.js';
import { createEngines, engineError } from './engines.js';
import { warmUp } from './warm_up.js';

/** @typedef {import('../protocol/requests.js').Requests} Requests */
/** @typedef {import('../protocol/requests.js').RequestTypeName} RequestTypeName */
/** @typedef {import('../protocol/requests.js').RequestMessage} RequestMessage */
/** @typedef {import('../protocol/requests.js').ReplyMessage} ReplyMessage */

const CHUNK_BYTES = 4 << 20;
const OUT_OF_MEMORY = /OOM|out of memory|Cannot enlarge/i;
const NEEDS_SPLIT = Symbol('needs two engines');

/**
 * @param {(args: object) => Promise<any>} createModule the Emscripten factory (createHuikeModule)
 * @param {(message: ReplyMessage, transfer?: Transferable[]) => void} post
 * @param {object} [moduleArgs]
 * @param {{limitBytes?: number, estimateAfterBytes?: number, splitAboveBytes?: number}} [heapLimits] for tests;
 *   default the wasm maximum, and split mode above SPLIT_ABOVE_BYTES
 * @param {{warmUp?: boolean, spawnSecond?: () => import('./engines.js').Channel}} [options] warmUp: run a small
 *   synthetic file first (warm_up.js), as the worker does; spawnSecond: start split mode's second worker
 */
export function createDispatcher(createModule, post, moduleArgs, heapLimits, options) {
  /** @type {Promise<void> | null} */
  let modulePromise = null;
  // The second worker of split mode: a nested Worker in the browser (entry.js), by default
  // a dispatcher in this thread (Node: tests, benchmarks). It reads whole and never splits.
  const spawnSecond = (options && options.spawnSecond) || (() => inThread(createModule, moduleArgs, heapLimits));
  const engines = createEngines(createModule, moduleArgs || {}, spawnSecond);
  let queue = Promise.resolve();
  /** @type {Set<number>} */
  const cancelled = new Set();
  let disposed = false;
  const splitAbove = (heapLimits && heapLimits.splitAboveBytes) || SPLIT_ABOVE_BYTES;

  function ready() {
    if (!modulePromise) {
      modulePromise = engines.start().then((main) => {
        if (options && options.warmUp) warmUp(main.engine);
      });
    }
    return modulePromise;
  }

  /** @param {string} method @param {...(string | number)} args @returns {any} */
  const call = (method, ...args) => engines.main.call(method, ...args);

  let engineMs = 0; // time spent inside the engine, for the benchmark
  /** @param {Uint8Array} bytes @returns {number} rows read */
  function feedBytes(bytes) {
    const t0 = performance.now();
    const rows = engines.main.feed(bytes).rows;
    engineMs += performance.now() - t0;
    return rows;
  }

  function inputSummary() {
    try {
      return JSON.parse(engines.main.engine.inputSummary()).input;
    } catch (e) {
      return undefined;
    }
  }

  /** @param {Requests['REPORT']['payload']} payload */
  const analysisJson = (payload) => JSON.stringify(splitOptions(payload.options).analysis);

  // Reads every source in slices (never whole) and feeds them to a new session: one engine,
  // or two when the heap guard sees the file will not fit one (then it starts again in split
  // mode, the second worker reading the same sources meanwhile). `whole`: the second worker's
  // read (READ_PRODUCTS), which never splits and makes no report. Sources after the first
  // drop their header line when it repeats the first one's.
  /**
   * @param {number} id
   * @param {Requests['ANALYZE']['payload']} payload
   * @param {boolean} [whole]
   * @returns {Promise<{bytes: number, rows: number, split: boolean}>}
   */
  async function read(id, payload, whole = false) {
    const started = Date.now();
    const sources = (payload.sources || []).map((s) => (typeof s === 'string' ? new Blob([s]) : s));
    if (!sources.length) throw engineError(ErrorCode.E_NO_INPUT, 'no file given');
    const chunkBytes = Math.max(64 << 10, Math.min(payload.chunkBytes || CHUNK_BYTES, 16 << 20));
    const total = sources.reduce((n, s) => n + s.size, 0);
    const { ingest } = splitOptions(payload.options);
    engineMs = 0;

    let done = 0;
    let rows = 0;
    let secondDone = total; // the second worker's bytes read, in split mode
    /** @type {any} */
    let secondError = null;
    let lastProgress = 0;
    let lastYield = Date.now();
    /** @param {boolean} force */
    const progress = (force) => {
      const now = Date.now();
      if (!force && now - lastProgress < 100) return;
      lastProgress = now;
      post({ id, type: ReplyType.PROGRESS, payload: { bytes: Math.min(done, secondDone), total, rows, elapsedMs: now - started } });
    };
    /** @type {Promise<any> | null} */
    let secondRead = null;
    /** @type {() => void} */
    let secondCancel = () => {};
    /** @param {boolean} split */
    const feedSources = async (split) => {
      // The total size lets the engines reserve their tables once, not grow them by doubling.
      engines.begin({ size_bytes: total, ...ingest }, split);
      done = 0;
      rows = 0;
      if (split && engines.second) {
        secondDone = 0;
        const second = engines.second.send(RequestType.READ_PRODUCTS, { sources, options: payload.options, chunkBytes },
          (/** @type {any} */ p) => {
            secondDone = p.bytes;
            progress(false);
          });
        secondRead = second.promise.catch((e) => {
          secondError = e;
        });
        secondCancel = () => engines.second && engines.second.cancel(second.id);
      }
      progress(true);
      const guard = createHeapGuard(() => engines.main.heapNow(), heapLimits);
      /** @type {import('./slices.js').HeaderLine | null} */
      let firstHeader = null;
      let lastByte = 10;
      for (let i = 0; i < sources.length; i++) {
        let first = true;
        for await (let bytes of slices(sources[i], chunkBytes)) {
          const sliceBytes = bytes.length;
          // Reads of in-memory blobs may resolve without a turn of the event loop; give CANCEL one.
          if (Date.now() - lastYield > 100) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            lastYield = Date.now();
          }
          if (cancelled.has(id) || disposed) throw engineError(ErrorCode.E_CANCELLED, 'cancelled');
          if (secondError) throw secondError;
          if (first) {
            first = false;
            const header = headerLine(bytes);
            // A copy: the slice's buffer is reused for the next one.
            if (i === 0) firstHeader = header && { bytes: header.bytes.slice(), end: header.end };
            else {
              if (firstHeader && header && sameBytes(header, firstHeader)) bytes = bytes.subarray(header.end);
              if (lastByte !== 10) feedBytes(new Uint8Array([10]));
            }
          }
          if (bytes.length) {
            rows = feedBytes(bytes);
            lastByte = bytes[bytes.length - 1];
          }
          done += sliceBytes;
          progress(false);
          const need = guard.projected(done, total);
          if (!split && !whole && payload.engines !== 1 && need !== null && need > splitAbove) throw NEEDS_SPLIT;
          const refusal = guard.refusal(done, total, rows, need, split || whole);
          if (refusal) throw engineError(ErrorCode.E_FILE_TOO_LARGE, refusal);
        }
      }
    };
    try {
      try {
        await feedSources(!whole && payload.engines === 2);
      } catch (e) {
        if (e !== NEEDS_SPLIT) throw e;
        await feedSources(true);
      }
      const t0 = performance.now();
      rows = engines.main.call('finish').rows;
      engineMs += performance.now() - t0;
      if (secondRead) {
        await secondRead; // the second worker's read, running alongside
        if (secondError) throw secondError;
      }
    } catch (e) {
      secondCancel();
      /** @type {any} */
      const thrown = e;
      const text = String((thrown && thrown.message) || thrown);
      if (thrown && thrown.code === ErrorCode.E_OUT_OF_MEMORY) thrown.message = text + ' ' + howFar(done, total, rows);
      else if (!(thrown && thrown.code) && OUT_OF_MEMORY.test(text)) throw new Error(text + ' ' + howFar(done, total, rows));
      throw thrown;
    }
    progress(true);
    return { bytes: total, rows, split: engines.second !== null };
  }

  /**
   * @param {number} id
   * @param {Requests['ANALYZE']['payload']} payload
   * @returns {Promise<Requests['ANALYZE']['result']>}
   */
  async function analyze(id, payload) {
    const started = Date.now();
    const { bytes, rows, split } = await read(id, payload);
    const t0 = performance.now();
    const report = await engines.report(analysisJson(payload));
    engineMs += performance.now() - t0;
    return { report, bytes, rows, elapsedMs: Date.now() - started, engineMs: Math.round(engineMs), engines: split ? 2 : 1 };
  }

  /**
   * One handler per request type (CANCEL is answered before the queue); each returns its
   * result and what to transfer.
   * @type {{[T in Exclude<RequestTypeName, 'CANCEL'>]: (id: number, payload: Requests[T]['payload']) =>
   *   Promise<[Requests[T]['result'], Transferable[]]> | [Requests[T]['result'], Transferable[]]}}
   */
  // In split mode the second worker answers the product requests (as it is: same request,
  // same reply); otherwise this engine.
  /** @param {RequestTypeName} type @param {any} payload @param {() => [any, Transferable[]]} here */
  const products = async (type, payload, here) => {
    if (!engines.second) return here();
    const result = await engines.second.request(type, payload);
    return [result, result.bytes ? [result.bytes] : []];
  };

  const handlers = {
    ANALYZE: async (id, payload) => [await analyze(id, payload), []],
    REPORT: async (id, payload) => [{ report: await engines.report(analysisJson(payload)) }, []],
    CUSTOMERS_PAGE: async (id, payload) => {
      await engines.syncReminderDays(analysisJson(payload));
      return [call('customersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []];
    },
    PREDICT: (id, payload) => [{ predict: call('predict', JSON.stringify(payload.predict || {})).predict }, []],
    CUSTOMERS_CSV: async (id, payload) => {
      // payload.predict: null/absent = no predictive columns; an object adds them.
      await engines.syncReminderDays(analysisJson(payload));
      call('customersCsv', analysisJson(payload), JSON.stringify(payload.filter || {}), payload.predict ? JSON.stringify(payload.predict) : '');
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    HEALTH_CSV: (id, payload) => {
      call('healthCsv', analysisJson(payload), payload.kind);
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    // The member list: one more file, read whole (it is small next to the orders). In split
    // mode the second worker takes it too: its reminder lists show members' contacts.
    MEMBER_LIST: async (id, payload) => {
      const source = typeof payload.source === 'string' ? new Blob([payload.source]) : payload.source;
      const bytes = new Uint8Array(await source.arrayBuffer());
      engines.main.engine.chunkBuffer(bytes.length).set(bytes);
      const memberList = call('loadMemberList', bytes.length, JSON.stringify(payload.options || {})).member_list;
      if (engines.second) await engines.second.request('MEMBER_LIST', payload);
      return [{ memberList }, []];
    },
    MEMBER_LIST_CLEAR: async () => {
      call('clearMemberList');
      if (engines.second) await engines.second.request('MEMBER_LIST_CLEAR');
      return [{}, []];
    },
    WINBACK_CSV: (id, payload) => {
      call('winbackCsv', analysisJson(payload), JSON.stringify(payload.tier ? { tier: payload.tier } : {}), payload.lang || 'zh-CN');
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    INPUT_SUMMARY: () => [{ input: inputSummary() }, []],
    SET_CONSUMPTION: async (id, payload) => {
      const source = payload.source;
      const bytes = source == null ? new Uint8Array(0)
        : new Uint8Array(await (typeof source === 'string' ? new Blob([source]) : source).arrayBuffer());
      engines.main.engine.chunkBuffer(bytes.length).set(bytes); // the view dies with the next call
      const consumption = call('setConsumption', bytes.length).consumption; // kept for the next file too
      if (engines.second) await engines.second.request('SET_CONSUMPTION', payload);
      engines.reminderDaysChanged();
      return [{ consumption }, []];
    },
    REMINDERS_PAGE: (id, payload) => products('REMINDERS_PAGE', payload,
      () => [call('remindersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []]),
    PRODUCTS_PAGE: (id, payload) => products('PRODUCTS_PAGE', payload,
      () => [call('productsPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []]),
    PRODUCT_CSV: (id, payload) => products('PRODUCT_CSV', payload, () => {
      call('exportCsv', payload.kind, analysisJson(payload));
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    }),
    MEMORY: async () => [{ heapBytes: await engines.heapBytes(), engines: engines.second ? 2 : 1 }, []],
    RESET: () => {
      engines.main.engine.reset();
      engines.dropSecond();
      return [{}, []];
    },
    // The second worker's side of split mode.
    READ_PRODUCTS: async (id, payload) => [{ rows: (await read(id, payload, true)).rows }, []],
    PRODUCT_SECTIONS: (id, payload) => [{ sections: call('productSections', analysisJson(payload)).sections }, []],
    REMINDER_DAYS: (id, payload) => {
      const days = engines.main.reminderDays(analysisJson(payload));
      return [{ days }, [days]];
    },
  };

  /** @param {RequestMessage} message */
  async function handle(message) {
    const { id, type } = message;
    const payload = /** @type {any} */ (message.payload || {});
    if (type === RequestType.CANCEL) {
      cancelled.add(payload.target);
      post({ id, type: ReplyType.RESULT, payload: {} });
      return;
    }
    const run = async () => {
      try {
        if (cancelled.has(id)) throw engineError(ErrorCode.E_CANCELLED, 'cancelled');
        const handler = /** @type {any} */ (handlers)[type];
        if (!handler) throw engineError(ErrorCode.E_BAD_REQUEST, 'unknown request type ' + type);
        await ready();
        const [result, transfer] = await handler(id, payload);
        post({ id, type: ReplyType.RESULT, payload: result }, transfer);
      } catch (e) {
        /** @type {any} */
        const thrown = e;
        let error = thrown && thrown.code ? thrown : null;
        if (!error) {
          // A trap or an abort leaves the wasm instance unusable: start a fresh one next time.
          const text = String((thrown && thrown.message) || thrown);
          error = engineError(OUT_OF_MEMORY.test(text) ? ErrorCode.E_OUT_OF_MEMORY : ErrorCode.E_INTERNAL, text);
          modulePromise = null;
          engines.lose();
        }
        // A file the engine refused: send what it saw so the page can offer the column mapping.
        if (type === RequestType.ANALYZE && modulePromise) {
          error = Object.assign({}, error, { input: inputSummary() });
          if (error.code === ErrorCode.E_CANCELLED) engines.main.engine.reset();
          engines.dropSecond(); // its heap goes with it
        }
        post({ id, type: ReplyType.ERROR, error });
      } finally {
        cancelled.delete(id);
      }
    };
    queue = queue.then(run);
    return queue;
  }

  // Stops a read in progress and frees the engines (the in-thread second worker's terminate).
  function dispose() {
    disposed = true;
    engines.lose();
  }

  return { handle, dispose };
}

/**
 * Split mode's second worker in this thread (where there are no nested workers: Node).
 * @param {(args: object) => Promise<any>} createModule
 * @param {object | undefined} moduleArgs
 * @param {{limitBytes?: number, estimateAfterBytes?: number} | undefined} heapLimits
 * @returns {import('./engines.js').Channel}
 */
function inThread(createModule, moduleArgs, heapLimits) {
  /** @type {(m: ReplyMessage) => void} */
  let receive = () => {};
  let stopped = false;
  const limits = heapLimits && { limitBytes: heapLimits.limitBytes, estimateAfterBytes: heapLimits.estimateAfterBytes };
  const second = createDispatcher(createModule, (m) => !stopped && receive(m), moduleArgs, limits);
  return {
    send: (message) => !stopped && second.handle(/** @type {RequestMessage} */ (message)),
    listen: (r) => {
      receive = r;
    },
    terminate: () => {
      stopped = true;
      second.dispose();
    },
  };
}
