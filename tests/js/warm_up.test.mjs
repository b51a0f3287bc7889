// The worker warms the engine up on a synthetic file before the first request: nothing of
// that file may show afterwards, and the user's report is the same as without it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, root, sharedData } from './wasm_support.mjs';
import { createDispatcher } from '../../web/worker/dispatcher.js';
import { warmUpCsv } from '../../web/worker/warm_up.js';

const require = createRequire(import.meta.url);
const createModule = require(join(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));
const file = join(sharedData, 'cdnow/CDNOW_master.txt');

function harness(options) {
  const waiting = new Map();
  const dispatcher = createDispatcher(createModule, (m) => m.type !== 'PROGRESS' && waiting.get(m.id)?.(m), {}, undefined, options);
  let id = 1;
  return (type, payload) => new Promise((resolve) => {
    waiting.set(id, resolve);
    dispatcher.handle({ id: id++, type, payload });
  });
}

before(loadModule);

test('the warm-up file is an order file of the given size, the same every time', () => {
  const text = new TextDecoder().decode(warmUpCsv(400));
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 401); // the header and 400 rows
  assert.equal(lines[0], 'order_id,customer_id,created_at,amount,status,product_name,quantity');
  assert.match(lines[1], /^100001,C\d+,2023-01-01 10:\d\d:00,\d+\.\d\d,[a-z]+,.+,[123]$/);
  assert.ok(text.includes('"""Oolong, aged"" 500g"'), 'a quoted title with a comma and escaped quotes');
  assert.deepEqual(warmUpCsv(400), warmUpCsv(400));
});

test('after the warm-up the engine holds no file, and a report equals a cold engine\'s', async () => {
  const warm = harness({ warmUp: true });
  const early = await warm('REPORT', { options: {} });
  assert.equal(early.type, 'ERROR', 'no report before the user gives a file');
  assert.equal(early.error.code, 'E_NO_SESSION');
  const sources = [new Blob([readFileSync(file)])];
  const warmed = await warm('ANALYZE', { sources, options: {} });
  const cold = await harness()('ANALYZE', { sources, options: {} });
  assert.equal(warmed.type, 'RESULT');
  assert.equal(warmed.payload.report.totals.customers, 23570); // CDNOW's customer count
  assert.deepEqual(warmed.payload.report, cold.payload.report);
});
