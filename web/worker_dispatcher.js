// Runs inside the analysis worker (a classic blob worker: file:// allows no other kind).
// Protocol: requests {id, type, payload}; exactly one reply each, {id, type:'RESULT', payload}
// or {id, type:'ERROR', error:{code, message, line, input?}}; plus throttled
// {id, type:'PROGRESS', payload:{bytes, total, rows, elapsedMs}} while a file is read.
// Also loaded by the Node tests, which drive it with a fake `post`.
'use strict';

const HUIKE_CHUNK_BYTES = 4 << 20;
const HUIKE_INGEST_KEYS = ['encoding', 'delimiter', 'has_header', 'columns', 'date_order'];

// Splits flat options ({columns, as_of, ...}) into the engine's ingest and analysis options.
function huikeSplitOptions(options) {
  const ingest = {};
  const analysis = {};
  for (const [key, value] of Object.entries(options || {})) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'ingest') Object.assign(ingest, value);
    else if (key === 'analysis') Object.assign(analysis, value);
    else if (key === 'chunkBytes') continue;
    else if (HUIKE_INGEST_KEYS.includes(key)) ingest[key] = value;
    else analysis[key] = value;
  }
  return { ingest, analysis };
}

function huikeError(code, message, extra) {
  return Object.assign({ code, message, line: 0 }, extra || {});
}

// createModule: the Emscripten factory (createHuikeModule); post(message, transfer).
function createHuikeDispatcher(createModule, post, moduleArgs) {
  let modulePromise = null;
  let engine = null;
  let Module = null;
  let queue = Promise.resolve();
  const cancelled = new Set();

  function ready() {
    if (!modulePromise) {
      modulePromise = createModule(moduleArgs || {}).then((m) => {
        Module = m;
        engine = new m.Engine();
      });
    }
    return modulePromise;
  }

  // Engine calls return JSON text; a failure becomes a thrown error object with a code.
  function call(method, ...args) {
    const reply = JSON.parse(engine[method](...args));
    if (!reply.ok) throw huikeError(reply.code, reply.message, { line: reply.line });
    return reply;
  }

  let engineMs = 0; // time spent inside the engine, for the benchmark
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

  // Reads every source in slices (never whole) and feeds them to a new session.
  // Sources after the first drop their header line when it repeats the first one's.
  async function analyze(id, payload) {
    const started = Date.now();
    const sources = (payload.sources || []).map((s) => (typeof s === 'string' ? new Blob([s]) : s));
    if (!sources.length) throw huikeError('E_NO_INPUT', 'no file given');
    const chunkBytes = Math.max(64 << 10, Math.min(payload.chunkBytes || HUIKE_CHUNK_BYTES, 16 << 20));
    const total = sources.reduce((n, s) => n + s.size, 0);
    const { ingest, analysis } = huikeSplitOptions(payload.options);
    call('begin', JSON.stringify(ingest));
    engineMs = 0;

    let done = 0;
    let rows = 0;
    let lastProgress = 0;
    let lastYield = Date.now();
    let firstHeader = null;
    let lastByte = 10;
    const progress = (force) => {
      const now = Date.now();
      if (!force && now - lastProgress < 100) return;
      lastProgress = now;
      post({ id, type: 'PROGRESS', payload: { bytes: done, total, rows, elapsedMs: now - started } });
    };
    progress(true);

    for (let i = 0; i < sources.length; i++) {
      let first = true;
      for await (let bytes of slices(sources[i], chunkBytes)) {
        const sliceBytes = bytes.length;
        // Reads of in-memory blobs may resolve without a turn of the event loop; give CANCEL one.
        if (Date.now() - lastYield > 100) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          lastYield = Date.now();
        }
        if (cancelled.has(id)) throw huikeError('E_CANCELLED', 'cancelled');
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
      }
    }
    const t0 = performance.now();
    rows = call('finish').rows;
    progress(true);
    const report = call('report', JSON.stringify(analysis)).report;
    engineMs += performance.now() - t0;
    return { report, bytes: total, rows, elapsedMs: Date.now() - started, engineMs: Math.round(engineMs) };
  }

  async function handle(message) {
    const { id, type, payload = {} } = message;
    if (type === 'CANCEL') {
      cancelled.add(payload.target);
      post({ id, type: 'RESULT', payload: {} });
      return;
    }
    const run = async () => {
      try {
        if (cancelled.has(id)) throw huikeError('E_CANCELLED', 'cancelled');
        await ready();
        let result;
        let transfer = [];
        switch (type) {
          case 'ANALYZE':
            result = await analyze(id, payload);
            break;
          case 'REPORT':
            result = { report: call('report', JSON.stringify(huikeSplitOptions(payload.options).analysis)).report };
            break;
          case 'CUSTOMERS_PAGE':
            result = call('customersPage', JSON.stringify(huikeSplitOptions(payload.options).analysis),
              JSON.stringify(payload.query || {})).page;
            break;
          case 'PREDICT':
            result = { predict: call('predict', JSON.stringify(payload.predict || {})).predict };
            break;
          case 'CUSTOMERS_CSV': {
            // payload.predict: null/absent = no predictive columns; an object adds them.
            call('customersCsv', JSON.stringify(huikeSplitOptions(payload.options).analysis),
              JSON.stringify(payload.filter || {}), payload.predict ? JSON.stringify(payload.predict) : '');
            const bytes = engine.csvBytes().slice();  // copy out of the heap, then free it
            engine.releaseCsv();
            result = { bytes: bytes.buffer };
            transfer = [bytes.buffer];
            break;
          }
          case 'INPUT_SUMMARY':
            result = { input: inputSummary() };
            break;
          case 'MEMORY':
            result = { heapBytes: Module.HEAPU8.length };
            break;
          case 'RESET':
            engine.reset();
            result = {};
            break;
          default:
            throw huikeError('E_BAD_REQUEST', 'unknown request type ' + type);
        }
        post({ id, type: 'RESULT', payload: result }, transfer);
      } catch (e) {
        let error = e && e.code ? e : null;
        if (!error) {
          // A trap or an abort leaves the wasm instance unusable: start a fresh one next time.
          const message = String((e && e.message) || e);
          error = huikeError(/OOM|out of memory|Cannot enlarge/i.test(message) ? 'E_OUT_OF_MEMORY' : 'E_INTERNAL', message);
          modulePromise = null;
          engine = null;
        }
        // A file the engine refused: send what it saw so the page can offer the column mapping.
        if (type === 'ANALYZE' && engine) {
          error = Object.assign({}, error, { input: inputSummary() });
          if (error.code === 'E_CANCELLED') engine.reset();
        }
        post({ id, type: 'ERROR', error });
      } finally {
        cancelled.delete(id);
      }
    };
    // Requests run one at a time, in order; CANCEL (above) jumps the queue.
    queue = queue.then(run);
    return queue;
  }

  return { handle };
}

// Yields the blob's bytes in slices (never the whole file), keeping `ahead` reads in flight
// so that reading overlaps parsing.
async function* slices(blob, size, ahead = 2) {
  const pending = [];
  let offset = 0;
  const request = () => {
    if (offset >= blob.size) return;
    const end = Math.min(offset + size, blob.size);
    pending.push(blob.slice(offset, end).arrayBuffer());
    offset = end;
  };
  for (let i = 0; i < ahead; i++) request();
  while (pending.length) {
    const buffer = await pending.shift();
    request();
    yield new Uint8Array(buffer);
  }
}

// The first line of a chunk (BOM skipped), to spot a repeated header in later files.
function headerLine(bytes) {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nl = bytes.indexOf(10, start);
  if (nl < 0) return null;
  return { bytes: bytes.subarray(start, nl), end: nl + 1 };
}

function sameBytes(a, b) {
  if (a.bytes.length !== b.bytes.length) return false;
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { createHuikeDispatcher, huikeSplitOptions };
} else if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const dispatcher = createHuikeDispatcher(self.createHuikeModule, (m, t) => self.postMessage(m, t || []));
  self.onmessage = (event) => dispatcher.handle(event.data);
}
