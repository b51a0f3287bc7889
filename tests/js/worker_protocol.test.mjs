// The worker's request protocol (web/worker/dispatcher.js) driven directly under Node:
// one reply per request, throttled progress, cancel, errors with codes, several files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, root, sharedData, runCli } from './wasm_support.mjs';
import { createDispatcher } from '../../web/worker/dispatcher.js';
import { createHeapGuard } from '../../web/worker/heap_guard.js';
import { splitOptions } from '../../web/protocol/requests.js';

const require = createRequire(import.meta.url);
const createModule = require(join(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));

const retail = readFileSync(join(sharedData, 'online-retail-ii/online_retail_II_subset.csv'));

// A dispatcher with a recording `post`; send() resolves with the request's one reply.
function harness(factory = createModule, onMessage = () => {}) {
  const messages = [];
  const waiting = new Map();
  const dispatcher = createDispatcher(factory, (message) => {
    messages.push(message);
    onMessage(message);
    if (message.type !== 'PROGRESS' && waiting.has(message.id)) waiting.get(message.id)(message);
  });
  let nextId = 1;
  const send = (type, payload) => {
    const id = nextId++;
    const reply = new Promise((resolve) => waiting.set(id, resolve));
    dispatcher.handle({ id, type, payload });
    return { id, reply };
  };
  return { messages, send };
}

before(loadModule);

test('splits flat options into ingest and analysis', () => {
  assert.deepEqual(splitOptions({ columns: { customer: 'b' }, as_of: '2024-01-01', delimiter: ';', returns: 'ignore' }), {
    ingest: { columns: { customer: 'b' }, delimiter: ';' },
    analysis: { as_of: '2024-01-01', returns: 'ignore' },
  });
});

test('ANALYZE reads a Blob in slices and replies once, with throttled progress', async () => {
  const { messages, send } = harness();
  const { id, reply } = send('ANALYZE', { sources: [new Blob([retail])], options: {}, chunkBytes: 64 << 10 });
  const result = await reply;
  assert.equal(result.type, 'RESULT');
  const native = runCli(join(sharedData, 'online-retail-ii/online_retail_II_subset.csv'));
  assert.deepStrictEqual(result.payload.report, native.report);
  assert.equal(result.payload.rows, 34766);
  const mine = messages.filter((m) => m.id === id);
  assert.equal(mine.filter((m) => m.type !== 'PROGRESS').length, 1);
  const progress = mine.filter((m) => m.type === 'PROGRESS').map((m) => m.payload);
  assert.ok(progress.length >= 2 && progress.length < 42, `${progress.length} progress events for 42 slices`);
  assert.equal(progress[progress.length - 1].bytes, retail.length);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].bytes >= progress[i - 1].bytes);
});

test('several files: later copies of the header are dropped', async () => {
  const text = retail.toString('utf8');
  const cut = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const header = text.slice(0, text.indexOf('\n') + 1);
  const { send } = harness();
  const whole = (await send('ANALYZE', { sources: [text] }).reply).payload.report;
  // The first part without its final newline: the dispatcher must add one between files.
  const parts = [text.slice(0, cut - 1), header + text.slice(cut)];
  const split = (await send('ANALYZE', { sources: parts.map((p) => new Blob([p])), chunkBytes: 64 << 10 }).reply).payload.report;
  assert.deepStrictEqual(split.totals, whole.totals);
  assert.deepStrictEqual(split.segments, whole.segments);
  assert.equal(split.input.rows_read, whole.input.rows_read);
});

test('errors carry a code and what the engine saw', async () => {
  const { send } = harness();
  const missing = await send('ANALYZE', { sources: ['order,when,total\n1,2024-01-02,5\n'] }).reply;
  assert.equal(missing.type, 'ERROR');
  assert.equal(missing.error.code, 'E_NO_CUSTOMER_COLUMN');
  assert.deepEqual(missing.error.input.header, ['order', 'when', 'total']);
  const unknown = await send('NONSENSE', {}).reply;
  assert.equal(unknown.error.code, 'E_BAD_REQUEST');
  const empty = await send('ANALYZE', { sources: [] }).reply;
  assert.equal(empty.error.code, 'E_NO_INPUT');
});

test('CANCEL stops a running ANALYZE with E_CANCELLED; the next request still works', async () => {
  let cancel = null;
  // Cancel from inside the first progress event that shows bytes read: mid-file, every time.
  const { messages, send } = harness(createModule, (m) => {
    if (!cancel && m.type === 'PROGRESS' && m.payload.bytes > 0) cancel = send('CANCEL', { target: m.id });
  });
  // 87 MB: still being read when the first progress event (after 100 ms) arrives.
  const big = new Blob(Array.from({ length: 32 }, () => retail));
  const run = send('ANALYZE', { sources: [big], chunkBytes: 64 << 10 });
  const result = await run.reply;
  assert.equal((await cancel.reply).type, 'RESULT');
  assert.equal(result.type, 'ERROR');
  assert.equal(result.error.code, 'E_CANCELLED');
  const progress = messages.filter((m) => m.id === run.id && m.type === 'PROGRESS');
  assert.ok(progress[progress.length - 1].payload.bytes < big.size);
  assert.equal(messages.filter((m) => m.id === run.id && m.type !== 'PROGRESS').length, 1);
  const again = await send('ANALYZE', { sources: [new Blob([retail])] }).reply;
  assert.equal(again.type, 'RESULT');
});

test('REPORT, CUSTOMERS_PAGE and CUSTOMERS_CSV use the orders in memory', async () => {
  const { send } = harness();
  await send('ANALYZE', { sources: [new Blob([retail])] }).reply;
  const report = (await send('REPORT', { options: { churn_window_days: 90 } }).reply).payload.report;
  assert.equal(report.analysis.churn_window_days, 90);
  const page = (await send('CUSTOMERS_PAGE', { options: { churn_window_days: 90 }, query: { filter: { status: 'churned' }, limit: 10 } }).reply).payload;
  assert.equal(page.total, report.status.churned);
  const csv = (await send('CUSTOMERS_CSV', { options: {}, filter: { segment_grid: 'champions' } }).reply).payload;
  assert.ok(csv.bytes instanceof ArrayBuffer);
  assert.ok(csv.bytes.byteLength > 100);
});

test('a trapped engine is replaced by a fresh instance', async () => {
  let instances = 0;
  // The first instance traps inside begin(), as a wasm `unreachable` would.
  const flaky = async () => {
    const broken = ++instances === 1;
    const M = await createModule();
    // Wrap the real engine: every method passes through, but begin() may trap.
    function Engine() {
      const real = new M.Engine();
      return new Proxy(real, {
        get(target, name) {
          if (name === 'begin' && broken) return () => { throw new WebAssembly.RuntimeError('unreachable'); };
          const value = target[name];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }
    return { Engine, HEAPU8: M.HEAPU8 };
  };
  const { send } = harness(flaky);
  const first = await send('ANALYZE', { sources: [new Blob([retail])] }).reply;
  assert.equal(first.type, 'ERROR');
  assert.equal(first.error.code, 'E_INTERNAL');
  const second = await send('ANALYZE', { sources: [new Blob([retail])] }).reply;
  assert.equal(second.type, 'RESULT');
  assert.equal(instances, 2);
});

test('the heap guard extrapolates the growth after the first bytes to the whole input', () => {
  let heap = 100;
  const guard = createHeapGuard(() => ({ heap, inUse: heap }), { limitBytes: 1000, estimateAfterBytes: 10 });
  assert.equal(guard.projected(5, 500), null); // too little read to judge
  heap = 400; // the tables reserved for the whole input: counted once, not extrapolated
  assert.equal(guard.projected(20, 500), null); // the baseline: 400 at 20 bytes
  heap = 410; // 10 more over the next 50 bytes: 410 + 10 × (500 − 70) / 50 = 496
  assert.equal(guard.projected(70, 500), 496);
  assert.equal(guard.refusal(70, 500, 7), null); // fits 1000
  heap = 600; // 200 over 100 bytes: 600 + 200 × 380 / 100 = 1360
  assert.equal(guard.projected(120, 500), 1360);
  assert.match(guard.refusal(120, 500, 9), /would need about .*\(judged after reading/);
  assert.equal(guard.refusal(500, 500, 9), null); // all read: nothing left to refuse
});

test('the heap guard extrapolates the bytes in use beyond the reserved tables', () => {
  let now = { heap: 100, inUse: 90, reserved: 60 };
  const guard = createHeapGuard(() => now, { limitBytes: 1000, estimateAfterBytes: 10 });
  assert.equal(guard.projected(5, 500), 100); // before judging, the floor: the heap the tables already hold
  assert.equal(guard.projected(20, 500), 100); // the baseline: 30 beyond the tables at 20 bytes
  assert.equal(guard.projected(30, 500), 100); // a window shorter than 20: still the floor
  // The 60 of tables reserved again as 250 (the heap grows by all of it), and 10 more of the
  // rest: projected, the heap now + 10 × (500 − 70) / 50 = 300 + 86 = 386.
  now = { heap: 300, inUse: 290, reserved: 250 };
  assert.equal(guard.projected(70, 500), 386);
  assert.equal(guard.refusal(70, 500, 7), null);
});

test('the heap guard adds the room the reserved tables still lack', () => {
  // The engine wanted 900 for its tables and got 250 (the heap had no more): 650 missing.
  let now = { heap: 300, inUse: 280, reserved: 250, wanted: 900 };
  const guard = createHeapGuard(() => now, { limitBytes: 1000, estimateAfterBytes: 10 });
  assert.equal(guard.projected(20, 500), 950); // the floor: 300 + 650
  now = { heap: 300, inUse: 285, reserved: 250, wanted: 900 };
  // 300 + 650 + 5 × (500 − 40) / 20 = 1065: past the limit, but not past it by a tenth.
  assert.equal(guard.projected(40, 500), 1065);
  assert.equal(guard.refusal(40, 500, 7), null);
  now = { heap: 300, inUse: 290, reserved: 250, wanted: 1000 };
  assert.match(guard.refusal(60, 500, 7), /would need about/); // 300 + 750 + 10 × 440 / 40 = 1160
});

test('an input that cannot fit one heap is refused early, saying how big and what to do', async () => {
  // A limit below the module's first heap (32 MB) makes any input too large: this checks the
  // wiring (code, message, stopping early); the test above checks the arithmetic.
  const messages = [];
  const dispatcher = createDispatcher(createModule, (m) => messages.push(m), {}, {
    limitBytes: 16 << 20,
    estimateAfterBytes: 1 << 20,
  });
  const big = new Blob(Array(4).fill(retail));
  await dispatcher.handle({ id: 1, type: 'ANALYZE', payload: { sources: [big], options: {}, chunkBytes: 256 << 10 } });
  const reply = messages.find((m) => m.id === 1 && m.type === 'ERROR');
  assert.ok(reply, 'an error reply');
  assert.equal(reply.error.code, 'E_FILE_TOO_LARGE');
  assert.match(reply.error.message, /^This input \(\d+ MB\) would need about [\d.]+ GB of engine memory/);
  // The module's first heap is already past the limit: refused after the first slice.
  assert.match(reply.error.message, /judged after reading 256 KB, [\d,]+ rows\)\. Split the file by date/);
  const read = messages.filter((m) => m.id === 1 && m.type === 'PROGRESS').map((m) => m.payload.bytes);
  assert.ok(Math.max(...read) < big.size / 2, 'refused long before reading it all');
});
