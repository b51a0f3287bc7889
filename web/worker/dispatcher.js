// Runs inside the analysis worker: one engine instance, requests one at a time in order,
// CANCEL jumping the queue. Also driven by the Node tests with a fake `post`.
import { RequestType, ReplyType, splitOptions } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';
import { slices, headerLine, sameBytes } from './slices.js';
import { createHeapGuard, howFar } from './heap_guard.js';
import { warmUp } from './warm_up.js';

/** @typedef {import('../protocol/requests.js').Requests} Requests */
/** @typedef {import('../protocol/requests.js').RequestTypeName} RequestTypeName */
/** @typedef {import('../protocol/requests.js').RequestMessage} RequestMessage */
/** @typedef {import('../protocol/requests.js').ReplyMessage} ReplyMessage */
/** @typedef {import('../protocol/requests.js').ErrorValue} ErrorValue */

const CHUNK_BYTES = 4 << 20;
const OUT_OF_MEMORY = /OOM|out of memory|Cannot enlarge/i;

/**
 * @param {string} code
 * @param {string} message
 * @param {Partial<ErrorValue>} [extra]
 * @returns {ErrorValue}
 */
function engineError(code, message, extra) {
  return Object.assign({ code, message, line: 0 }, extra || {});
}

/**
 * @param {(args: object) => Promise<any>} createModule the Emscripten factory (createHuikeModule)
 * @param {(message: ReplyMessage, transfer?: Transferable[]) => void} post
 * @param {object} [moduleArgs]
 * @param {{limitBytes?: number, estimateAfterBytes?: number}} [heapLimits] for tests; default the wasm maximum
 * @param {{warmUp?: boolean}} [options] warmUp: run a small synthetic file first (warm_up.js); the worker does
 */
export function createDispatcher(createModule, post, moduleArgs, heapLimits, options) {
  /** @type {Promise<void> | null} */
  let modulePromise = null;
  /** @type {any} */
  let engine = null;
  /** @type {any} */
  let Module = null;
  let queue = Promise.resolve();
  /** @type {Set<number>} */
  const cancelled = new Set();

  function ready() {
    if (!modulePromise) {
      modulePromise = createModule(moduleArgs || {}).then((m) => {
        Module = m;
        engine = new m.Engine();
        if (options && options.warmUp) warmUp(engine);
      });
    }
    return modulePromise;
  }

  // Engine calls return JSON text; a failure becomes a thrown error value with a code.
  /** @param {string} method @param {...(string | number)} args @returns {any} */
  function call(method, ...args) {
    const reply = JSON.parse(engine[method](...args));
    if (!reply.ok) throw engineError(reply.code, reply.message, { line: reply.line });
    return reply;
  }

  let engineMs = 0; // time spent inside the engine, for the benchmark
  /** @param {Uint8Array} bytes */
  function feedBytes(bytes) {
    const t0 = performance.now();
    // One bulk copy into the engine's reused buffer; the view dies with the next call.
    const view = engine.chunkBuffer(bytes.length);
    view.set(bytes);
    const reply = call('feed', bytes.length);
    engineMs += performance.now() - t0;
    return reply;
  }

  function inputSummary() {
    try {
      return JSON.parse(engine.inputSummary()).input;
    } catch (e) {
      return undefined;
    }
  }

  /** @param {Requests['REPORT']['payload']} payload */
  const analysisJson = (payload) => JSON.stringify(splitOptions(payload.options).analysis);

  // Reads every source in slices (never whole) and feeds them to a new session.
  // Sources after the first drop their header line when it repeats the first one's.
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
    // The total size lets the engine reserve its tables once, not grow them by doubling.
    call('begin', JSON.stringify({ size_bytes: total, ...ingest }));
    engineMs = 0;

    let done = 0;
    let rows = 0;
    let lastProgress = 0;
    let lastYield = Date.now();
    /** @type {import('./slices.js').HeaderLine | null} */
    let firstHeader = null;
    let lastByte = 10;
    /** @param {boolean} force */
    const progress = (force) => {
      const now = Date.now();
      if (!force && now - lastProgress < 100) return;
      lastProgress = now;
      post({ id, type: ReplyType.PROGRESS, payload: { bytes: done, total, rows, elapsedMs: now - started } });
    };
    progress(true);
    const guard = createHeapGuard(() => Module.HEAPU8.length, heapLimits);
    const feedSources = async () => {
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
            rows = feedBytes(bytes).rows;
            lastByte = bytes[bytes.length - 1];
          }
          done += sliceBytes;
          progress(false);
          const refusal = guard.refusal(done, total, rows);
          if (refusal) throw engineError(ErrorCode.E_FILE_TOO_LARGE, refusal);
        }
      }
    };
    try {
      await feedSources();
    } catch (e) {
      /** @type {any} */
      const thrown = e;
      const text = String((thrown && thrown.message) || thrown);
      if (thrown && thrown.code === ErrorCode.E_OUT_OF_MEMORY) thrown.message = text + ' ' + howFar(done, total, rows);
      else if (!(thrown && thrown.code) && OUT_OF_MEMORY.test(text)) throw new Error(text + ' ' + howFar(done, total, rows));
      throw thrown;
    }
    const t0 = performance.now();
    rows = call('finish').rows;
    progress(true);
    const report = call('report', JSON.stringify(analysis)).report;
    engineMs += performance.now() - t0;
    return { report, bytes: total, rows, elapsedMs: Date.now() - started, engineMs: Math.round(engineMs) };
  }

  /**
   * One handler per request type (CANCEL is answered before the queue); each returns its
   * result and what to transfer.
   * @type {{[T in Exclude<RequestTypeName, 'CANCEL'>]: (id: number, payload: Requests[T]['payload']) =>
   *   Promise<[Requests[T]['result'], Transferable[]]> | [Requests[T]['result'], Transferable[]]}}
   */
  const handlers = {
    ANALYZE: async (id, payload) => [await analyze(id, payload), []],
    REPORT: (id, payload) => [{ report: call('report', analysisJson(payload)).report }, []],
    CUSTOMERS_PAGE: (id, payload) => [call('customersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []],
    PREDICT: (id, payload) => [{ predict: call('predict', JSON.stringify(payload.predict || {})).predict }, []],
    CUSTOMERS_CSV: (id, payload) => {
      // payload.predict: null/absent = no predictive columns; an object adds them.
      call('customersCsv', analysisJson(payload), JSON.stringify(payload.filter || {}), payload.predict ? JSON.stringify(payload.predict) : '');
      const bytes = engine.csvBytes().slice(); // copy out of the heap, then free it
      engine.releaseCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    HEALTH_CSV: (id, payload) => {
      call('healthCsv', analysisJson(payload), payload.kind);
      const bytes = engine.csvBytes().slice();
      engine.releaseCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    // The member list: one more file, read whole (it is small next to the orders).
    MEMBER_LIST: async (id, payload) => {
      const source = typeof payload.source === 'string' ? new Blob([payload.source]) : payload.source;
      const bytes = new Uint8Array(await source.arrayBuffer());
      engine.chunkBuffer(bytes.length).set(bytes);
      return [{ memberList: call('loadMemberList', bytes.length, JSON.stringify(payload.options || {})).member_list }, []];
    },
    MEMBER_LIST_CLEAR: () => {
      call('clearMemberList');
      return [{}, []];
    },
    WINBACK_CSV: (id, payload) => {
      call('winbackCsv', analysisJson(payload), JSON.stringify(payload.tier ? { tier: payload.tier } : {}), payload.lang || 'zh-CN');
      const bytes = engine.csvBytes().slice();
      engine.releaseCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    INPUT_SUMMARY: () => [{ input: inputSummary() }, []],
    SET_CONSUMPTION: async (id, payload) => {
      const source = payload.source;
      const bytes = source == null ? new Uint8Array(0)
        : new Uint8Array(await (typeof source === 'string' ? new Blob([source]) : source).arrayBuffer());
      engine.chunkBuffer(bytes.length).set(bytes); // the view dies with the next call
      return [{ consumption: call('setConsumption', bytes.length).consumption }, []];
    },
    REMINDERS_PAGE: (id, payload) => [call('remindersPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []],
    PRODUCTS_PAGE: (id, payload) => [call('productsPage', analysisJson(payload), JSON.stringify(payload.query || {})).page, []],
    PRODUCT_CSV: (id, payload) => {
      call('exportCsv', payload.kind, analysisJson(payload));
      const bytes = engine.csvBytes().slice();
      engine.releaseCsv();
      return [{ bytes: bytes.buffer }, [bytes.buffer]];
    },
    MEMORY: () => [{ heapBytes: Module.HEAPU8.length }, []],
    RESET: () => {
      engine.reset();
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
          engine = null;
        }
        // A file the engine refused: send what it saw so the page can offer the column mapping.
        if (type === RequestType.ANALYZE && engine) {
          error = Object.assign({}, error, { input: inputSummary() });
          if (error.code === ErrorCode.E_CANCELLED) engine.reset();
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
