// Split mode in the worker (web/worker/engines.js, issue 14): a file the heap guard sees will
// not fit one engine is read by two. Forced here on small files by a tiny split threshold;
// every reply must equal the one-engine worker's for the same file and requests.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, root, sharedData, workerInThread } from './wasm_support.mjs';
import { warmUpCsv } from '../../web/worker/warm_up.js';

const require = createRequire(import.meta.url);
const createModule = require(join(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));

const retail = readFileSync(join(sharedData, 'online-retail-ii/online_retail_II_subset.csv'));
const bags = readFileSync(join(root, 'tests/fixtures/consumption/uci_bags.csv'));

function worker(heapLimits, onProgress = () => {}) {
  const progress = [];
  const { ask } = workerInThread(createModule, {
    heapLimits,
    onProgress: (message) => {
      progress.push(message.payload);
      onProgress(message);
    },
  });
  const send = async (type, payload = {}) => {
    const message = await ask(type, payload);
    assert.equal(message.type, 'RESULT', `${type}: ${JSON.stringify(message.error)}`);
    return message.payload;
  };
  return { ask, send, progress };
}

const split = () => worker({ estimateAfterBytes: 128 << 10, splitAboveBytes: 1 });

// The same requests to both workers, in the same order; each pair of replies must be equal.
async function expectSameReplies(bytes) {
  const one = worker();
  const two = split();
  const ask = async (type, payload) => {
    const [a, b] = await Promise.all([one.send(type, payload), two.send(type, payload)]);
    return [a, b];
  };
  const [a, b] = await ask('ANALYZE', { sources: [new Blob([bytes])], options: {}, chunkBytes: 64 << 10 });
  assert.equal(a.engines, 1);
  assert.equal(b.engines, 2);
  assert.equal(b.rows, a.rows);
  assert.deepStrictEqual(b.report, a.report);
  assert.ok(a.report.products.products > 0, 'the file must have products');
  const settings = [{}, { remind_within_days: 30, learn_min_customers: 3 }, { returns: 'ignore', churned_multiplier: 3 }];
  for (const options of settings) {
    const [ra, rb] = await ask('REPORT', { options });
    assert.deepStrictEqual(rb.report, ra.report, JSON.stringify(options));
    for (const [type, query] of [
      ['CUSTOMERS_PAGE', { sort: 'monetary', limit: 40 }],
      ['PRODUCTS_PAGE', { limit: 20 }],
      ['REMINDERS_PAGE', { list: 'remind_now', limit: 20 }],
    ]) {
      const [pa, pb] = await ask(type, { options, query });
      assert.deepStrictEqual(pb, pa, `${type} ${JSON.stringify(options)}`);
    }
    for (const [type, extra] of [['CUSTOMERS_CSV', {}], ['PRODUCT_CSV', { kind: 'reminders' }], ['PRODUCT_CSV', { kind: 'products' }]]) {
      const [ca, cb] = await ask(type, { options, ...extra });
      assert.deepStrictEqual(new Uint8Array(cb.bytes), new Uint8Array(ca.bytes), `${type} ${JSON.stringify(extra)}`);
    }
  }
  const [ma, mb] = await ask('MEMORY');
  assert.equal(ma.engines, 1);
  assert.equal(mb.engines, 2);
  return ask;
}

before(loadModule);

test('split mode: a real export with line items gives the same replies as one engine', async () => {
  const ask = await expectSameReplies(retail);
  // A consumption table changes the reminders, also in the customer lists of the first engine.
  const [sa, sb] = await ask('SET_CONSUMPTION', { source: new Blob([bags]) });
  assert.deepStrictEqual(sb, sa);
  const [ra, rb] = await ask('REPORT', { options: {} });
  assert.deepStrictEqual(rb.report, ra.report);
  const [ca, cb] = await ask('CUSTOMERS_CSV', { options: {} });
  assert.deepStrictEqual(new Uint8Array(cb.bytes), new Uint8Array(ca.bytes));
});

test('split mode: a generated shop file gives the same replies as one engine', async () => {
  await expectSameReplies(warmUpCsv(40000));
});

test('split mode starts again from the first byte, and RESET frees the second engine', async () => {
  const two = split();
  const result = await two.send('ANALYZE', { sources: [new Blob([retail])], options: {}, chunkBytes: 64 << 10 });
  assert.equal(result.engines, 2);
  // Each start reports 0 bytes read: the one-engine start, then the split one.
  assert.equal(two.progress.filter((p) => p.bytes === 0).length, 2);
  assert.equal(two.progress[two.progress.length - 1].bytes, retail.length);
  await two.send('RESET');
  assert.equal((await two.send('MEMORY')).engines, 1);
});

test('engines: 2 reads in split mode from the first byte; engines: 1 never splits', async () => {
  const forced = worker();
  const result = await forced.send('ANALYZE', { sources: [new Blob([retail])], options: {}, engines: 2 });
  assert.equal(result.engines, 2);
  assert.equal(forced.progress.filter((p) => p.bytes === 0).length, 1, 'no restart');
  const one = await worker().send('ANALYZE', { sources: [new Blob([retail])], options: {} });
  assert.deepStrictEqual(result.report, one.report);
  const never = split(); // a threshold every file passes, but one engine asked for
  const single = await never.send('ANALYZE', { sources: [new Blob([retail])], options: {}, chunkBytes: 64 << 10, engines: 1 });
  assert.equal(single.engines, 1);
  assert.deepStrictEqual(single.report, one.report);
});

test('in split mode a refusal ends the run with its code and stops the second worker', async () => {
  // A limit below either engine's first heap: whichever refuses first ends the run, with the
  // code and the advice, and the second worker is stopped.
  const tight = worker({ estimateAfterBytes: 128 << 10, limitBytes: 1 << 20 });
  const reply = await tight.ask('ANALYZE', { sources: [new Blob([retail])], options: {}, chunkBytes: 64 << 10, engines: 2 });
  assert.equal(reply.type, 'ERROR');
  assert.equal(reply.error.code, 'E_FILE_TOO_LARGE');
  assert.match(reply.error.message, /^Even read by two browser engines, this input \(\d+ MB\) would need about [\d.]+ GB in one of them/);
  assert.match(reply.error.message, /Split the file by date/);
  assert.equal((await tight.send('MEMORY')).engines, 1);
});

test('cancelling a split-mode read stops both engines; the next file reads normally', async () => {
  let cancel = null;
  // From inside the first progress event with bytes read by both engines: mid-file.
  const two = worker(undefined, (m) => {
    if (!cancel && m.payload.bytes > 0) cancel = two.send('CANCEL', { target: m.id });
  });
  const big = new Blob(Array(32).fill(retail)); // 87 MB: still being read then
  const reply = await two.ask('ANALYZE', { sources: [big], options: {}, chunkBytes: 64 << 10, engines: 2 });
  await cancel;
  assert.equal(reply.type, 'ERROR');
  assert.equal(reply.error.code, 'E_CANCELLED');
  assert.ok(two.progress[two.progress.length - 1].bytes < big.size);
  assert.equal((await two.send('MEMORY')).engines, 1);
  const next = await two.send('ANALYZE', { sources: [new Blob([retail])], options: {} });
  assert.equal(next.engines, 1);
  const one = await worker().send('ANALYZE', { sources: [new Blob([retail])], options: {} });
  assert.deepStrictEqual(next.report, one.report);
});
