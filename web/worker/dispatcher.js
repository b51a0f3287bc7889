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
 * @param {{warmUp?: boolean}} [options] warmUp: run a small synthetic file first (warm_up.js); the worker does
 */
export function createDispatcher(createModule, post, moduleArgs, heapLimits, options) {
  /** @type {Promise<void> | null} */
  let modulePromise = null;
  const engines = createEngines(createModule, moduleArgs || {});
  let queue = Promise.resolve();
  /** @type {Set<number>} */
  const cancelled = new Set();
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
    const rows = engines.feed(bytes);
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
  // mode). Sources after the first drop their header line when it repeats the first one's.
  /**
   * @param {number} id
   * @param {Requests['ANALYZE']['payload']} payload
   * @returns {Promise<Requests['ANALYZE']['result']>}
   */
  async function analyze(id, payload) {
    const started = Date.now();
    const sources = (payload.sources || []).map((s) => (typeof s === 'string' ? new Blob([s]) : s));
    if (!sources.length) throw engineError(ErrorCode.E_NO_INPUT, 'no file given');
    const chunkBytes = Math.max(64 << 10, Math.min(payload.chunkBytes || CHUNK_BYTES, 16 << 20));
    const total = sources.reduce((n, s) => n + s.size, 0);
    const { ingest, analysis } = splitOptions(payload.options);
    engineMs = 0;

    let done = 0;
    let rows = 0;
    let lastProgress = 0;
    let lastYield = Date.now();
    /** @param {boolean} force */
    const progress = (force) => {
      const now = Date.now();
      if (!force && now - lastProgress < 100) return;
      lastProgress = now;
      post({ id, type: ReplyType.PROGRESS, payload: { bytes: done, total, rows, elapsedMs: now - started } });
    };
    /** @param {boolean} split */
    const feedSources = async (split) => {
      // The total size lets the engines reserve their tables once, not grow them by doubling.
      await engines.begin({ size_bytes: total, ...ingest }, split);
      done = 0;
      rows = 0;
      progress(true);
      const guards = [createHeapGuard(() => engines.main.heapNow(), heapLimits)];
      if (split) guards.push(createHeapGuard(() => engines.products.heapNow(), heapLimits));
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
          if (cancelled.has(id)) throw engineError(ErrorCode.E_CANCELLED, 'cancelled');
          if (first) {
            first = false;
            const header = headerLine(bytes);
            if (i === 0) firstHeader = header;
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
          for (const guard of guards) {
            const need = guard.projected(done, total);
            if (!split && need !== null && need > splitAbove) throw NEEDS_SPLIT;
            const refusal = guard.refusal(done, total, rows, need);
            if (refusal) throw engineError(ErrorCode.E_FILE_TOO_LARGE, refusal);
          }
        }
      }
    };
    try {
      try {
        await feedSources(false);
      } catch (e) {
        if (e !== NEEDS_SPLIT) throw e;
        await feedSources(true);
      }
    } catch (e) {
      /** @type {any} */
      const thrown = e;
      const text = String((thrown && thrown.message) || thrown);
      if (thrown && thrown.code === ErrorCode.E_OUT_OF_MEMORY) thrown.message = text + ' ' + howFar(done, total, rows);
      else if (!(thrown && thrown.code) && OUT_OF_MEMORY.test(text)) throw new Error(text + ' ' + howFar(done, total, rows));
      throw thrown;
    }
    const t0 = performance.now();
    rows = engines.finish();
    progress(true);
    const report = engines.report(JSON.stringify(analysis));
    engineMs += performance.now() - t0;
    return { report, bytes: total, rows, elapsedMs: Date.now() - started, engineMs: Math.round(engineMs),
      engines: engines.split ? 2 : 1 };
  }

  /**
   * One handler per request type (CANCEL is answered before the queue); each returns its
   * result and what to transfer.
   * @type {{[T in Exclude<RequestTypeName, 'CANCEL'>]: (id: number, payload: Requests[T]['payload']) =>
   *   Promise<[Requests[T]['result'], Transferable[]]> | [Requests[T]['result'], Transferable[]]}}
   */
  const handlers = {
    ANALYZE: async (id, payload) => [await analyze(id, payload), []],
    REPORT: (id, payload) => [{ report: engines.report(analysisJson(payload)) }, []],
    CUSTOMERS_PAGE: (id, payload) => {
      engines.syncReminderDays(analysisJson(payload));
      return [call('customersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []];
    },
    PREDICT: (id, payload) => [{ predict: call('predict', JSON.stringify(payload.predict || {})).predict }, []],
    CUSTOMERS_CSV: (id, payload) => {
      // payload.predict: null/absent = no predictive columns; an object adds them.
      engines.syncReminderDays(analysisJson(payload));
      call('customersCsv', analysisJson(payload), JSON.stringify(payload.filter || {}), payload.predict ? JSON.stringify(payload.predict) : '');
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    HEALTH_CSV: (id, payload) => {
      call('healthCsv', analysisJson(payload), payload.kind);
      const bytes = engines.main.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    // The member list: one more file, read whole (it is small next to the orders). Both
    // engines take it in split mode: the reminder lists show members' contacts too.
    MEMBER_LIST: async (id, payload) => {
      const source = typeof payload.source === 'string' ? new Blob([payload.source]) : payload.source;
      const bytes = new Uint8Array(await source.arrayBuffer());
      const load = (/** @type {any} */ instance) => {
        instance.engine.chunkBuffer(bytes.length).set(bytes);
        return instance.call('loadMemberList', bytes.length, JSON.stringify(payload.options || {})).member_list;
      };
      const memberList = load(engines.main);
      if (engines.split) load(engines.products);
      return [{ memberList }, []];
    },
    MEMBER_LIST_CLEAR: () => {
      call('clearMemberList');
      if (engines.split) engines.products.call('clearMemberList');
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
      const set = (/** @type {any} */ instance) => {
        instance.engine.chunkBuffer(bytes.length).set(bytes); // the view dies with the next call
        return instance.call('setConsumption', bytes.length).consumption;
      };
      const consumption = set(engines.main); // kept for the next file, which may fit one engine
      if (engines.split) set(engines.products);
      engines.reminderDaysChanged();
      return [{ consumption }, []];
    },
    REMINDERS_PAGE: (id, payload) => [engines.products.call('remindersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []],
    PRODUCTS_PAGE: (id, payload) => [engines.products.call('productsPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []],
    PRODUCT_CSV: (id, payload) => {
      engines.products.call('exportCsv', payload.kind, analysisJson(payload));
      const bytes = engines.products.takeCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    MEMORY: () => [{ heapBytes: engines.heapBytes(), engines: engines.split ? 2 : 1 }, []],
    RESET: () => {
      engines.main.engine.reset();
      engines.dropSecond();
      return [{}, []];
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

  return { handle };
}
