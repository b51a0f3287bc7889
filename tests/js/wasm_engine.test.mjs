// The built wasm engine under Node: same reports as the native CLI whatever the chunking,
// errors as objects with codes, no heap growth over repeated runs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadModule, runEngine, runCli, inputFiles, chunker, unwrap, cliPath, sharedData, root } from './wasm_support.mjs';

let Module;
let engine;
before(async () => {
  Module = await loadModule();
  engine = new Module.Engine();
});

function wasmResult(bytes, seed) {
  const nextSize = chunker(seed, Math.max(64, Math.floor(bytes.length / 8)));
  try {
    return { report: runEngine(engine, bytes, { nextSize }) };
  } catch (e) {
    if (!e.code) throw e;
    return { error: { code: e.code, message: e.message, line: e.line } };
  }
}

for (const file of inputFiles()) {
  test(`same report as the native CLI, random chunks: ${basename(file)}`, (t) => {
    const native = runCli(file);
    const bytes = readFileSync(file);
    for (const seed of [1, 7, 2024]) {
      assert.deepStrictEqual(wasmResult(bytes, seed), native, `seed ${seed}`);
    }
    // One call per 4 MiB, as the page feeds it.
    assert.deepStrictEqual(wasmResult(bytes, 0), native);
  });
}

test('settings re-run the analyses without re-reading', (t) => {
  const file = join(sharedData, 'online-retail-ii/online_retail_II_subset.csv');
  const options = { as_of: '2012-01-01', thresholds: 'median', churn_window_days: 180, at_risk_multiplier: 1.2, churned_multiplier: 3, returns: 'ignore' };
  const native = runCli(file, ['--as-of', '2012-01-01', '--thresholds', 'median', '--churn-window', '180', '--at-risk', '1.2', '--churned', '3', '--ignore-returns']);
  runEngine(engine, readFileSync(file));
  assert.deepStrictEqual(unwrap(engine.report(JSON.stringify(options))).report, native.report);
  const custom = { thresholds: 'custom', custom_thresholds: { recency: 90, frequency: 3, monetary: 1000 } };
  assert.deepStrictEqual(unwrap(engine.report(JSON.stringify(custom))).report, runCli(file, ['--custom-thresholds', '90,3,1000']).report);
});

test('errors arrive as objects with stable codes', () => {
  const fresh = new Module.Engine();
  const feedText = (text) => {
    const bytes = new TextEncoder().encode(text);
    fresh.chunkBuffer(bytes.length).set(bytes);
    return JSON.parse(fresh.feed(bytes.length));
  };
  const before = JSON.parse(fresh.feed(0));
  assert.equal(before.ok, false);
  assert.equal(typeof before.code, 'string');

  for (const [options, code] of [
    ['{"encoding":"ebcdic"}', 'E_BAD_OPTION'],
    ['{"date_order":"sideways"}', 'E_BAD_OPTION'],
    ['not json', 'E_BAD_OPTION'],
  ]) {
    const reply = JSON.parse(fresh.begin(options));
    assert.equal(reply.ok, false);
    assert.equal(reply.code, code, options);
    assert.equal(typeof reply.message, 'string');
    assert.equal(typeof reply.line, 'number');
  }

  unwrap(fresh.begin('{}'));
  feedText('order,when,total\n1,2024-01-02,5\n');
  const missing = JSON.parse(fresh.finish());
  assert.equal(missing.ok, false);
  assert.equal(missing.code, 'E_NO_CUSTOMER_COLUMN');
  // What was seen stays available, so a host can offer the column mapping.
  const input = unwrap(fresh.inputSummary()).input;
  assert.deepEqual(input.header, ['order', 'when', 'total']);

  unwrap(fresh.begin('{"columns":{"customer":"buyer_name"}}'));
  feedText('buyer,date,amount\nann,2024-01-02,5\n');
  assert.equal(JSON.parse(fresh.finish()).code, 'E_UNKNOWN_COLUMN');

  unwrap(fresh.begin('{}'));
  const zip = JSON.parse((() => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]);
    fresh.chunkBuffer(bytes.length).set(bytes);
    const r = fresh.feed(bytes.length);
    return JSON.parse(r).ok ? fresh.finish() : r;
  })());
  assert.equal(zip.code, 'E_SPREADSHEET_FILE');

  unwrap(fresh.begin('{}'));
  const unfinished = JSON.parse(fresh.report('{}'));
  assert.equal(unfinished.ok, false);
  assert.equal(unfinished.code, 'E_STATE');

  unwrap(fresh.begin('{}'));
  feedText('customer,date,amount\nann,2024-01-02,5\n');
  unwrap(fresh.finish());
  assert.equal(JSON.parse(fresh.report('{"churn_window_days":-1}')).code, 'E_BAD_OPTION');
  assert.equal(JSON.parse(fresh.customersPage('{}', '{"filter":{"planet":"mars"}}')).code, 'E_BAD_OPTION');
  fresh.delete();
});

test('customer pages and CSV', () => {
  runEngine(engine, readFileSync(join(root, 'web/demo/demo_orders.csv')));
  const report = unwrap(engine.report('{}')).report;
  const page = unwrap(engine.customersPage('{}', JSON.stringify({ filter: { segment_eight: 'important_value' }, sort: 'recency_days', descending: false, offset: 0, limit: 20 }))).page;
  assert.equal(page.total, report.segments.eight.find((s) => s.key === 'important_value').customers);
  assert.ok(page.rows.length > 0 && page.rows.length <= 20);
  for (let i = 1; i < page.rows.length; i++) assert.ok(page.rows[i - 1].recency_days <= page.rows[i].recency_days);
  unwrap(engine.customersCsv('{}', '{"status":"churned"}', ''));
  const csv = engine.csvBytes().slice();
  engine.releaseCsv();
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(csv).trim().split('\r\n');
  assert.equal(lines.length - 1, report.status.churned);
});

test('repeated runs do not grow wasm memory', () => {
  const bytes = readFileSync(join(sharedData, 'online-retail-ii/online_retail_II_subset.csv'));
  const sizes = [];
  for (let run = 0; run < 8; run++) {
    runEngine(engine, bytes, { nextSize: () => 1 << 20 });
    unwrap(engine.customersPage('{}', '{"limit":100}'));
    unwrap(engine.predict('{}'));
    unwrap(engine.customersCsv('{}', '{}', '{}'));
    engine.csvBytes();
    engine.releaseCsv();
    sizes.push(Module.HEAPU8.length);
  }
  assert.equal(sizes[sizes.length - 1], sizes[2], `heap sizes ${sizes.join(', ')}`);
});
