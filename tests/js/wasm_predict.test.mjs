// The predictive models and the customers CSV in wasm against the native CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadModule, runEngine, runCliPredict, runCliCustomers, assertClose, inputFiles, unwrap, cliPath } from './wasm_support.mjs';

let engine;
let scratch;
before(async () => {
  const Module = await loadModule();
  engine = new Module.Engine();
  scratch = mkdtempSync(join(tmpdir(), 'huike-js-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function csvOf(filter, predict) {
  unwrap(engine.customersCsv('{}', JSON.stringify(filter), predict === null ? '' : JSON.stringify(predict)));
  const bytes = Buffer.from(engine.csvBytes().slice());
  engine.releaseCsv();
  return bytes;
}

// Cells equal, numbers within 1e-6 relative (the models' last bits depend on libm).
function assertCsvClose(actual, expected) {
  const rows = (b) => b.toString('utf8').trim().split('\r\n').map((line) => line.split(','));
  const a = rows(actual);
  const e = rows(expected);
  assert.equal(a.length, e.length);
  assert.deepEqual(a[0], e[0]);
  for (let i = 1; i < e.length; i++) {
    assert.equal(a[i].length, e[i].length);
    for (let j = 0; j < e[i].length; j++) {
      const [x, y] = [Number(a[i][j]), Number(e[i][j])];
      if (a[i][j] !== e[i][j] && !(Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 1e-6 * Math.abs(y) + 0.011)) {
        assert.fail(`row ${i} ${e[0][j]}: ${a[i][j]} != ${e[i][j]}`);
      }
    }
  }
}

// A count model whose fit did not converge stopped on a flat ridge or a bound, at a point
// that depends on libm's last bits: compare that it did not converge (and the rest of the
// report), not where it stopped.
function withoutUnconvergedFits(report) {
  const copy = structuredClone(report);
  const comparison = copy.model_comparison;
  if (!comparison) return copy;
  for (const row of comparison.models) {
    if (row.converged) continue;
    copy[row.model] = { converged: false };
    comparison.calibration_histogram.expected[row.model] = null;
    for (const key of ['log_likelihood', 'holdout_predicted_transactions', 'holdout_mae']) row[key] = null;
  }
  // The reason quotes every model's error.
  if (comparison.models.some((row) => !row.converged)) comparison.reason = comparison.chosen_by;
  return copy;
}

for (const file of inputFiles()) {
  test(`predict and customers CSV as the native CLI: ${basename(file)}`, (t) => {
    const native = runCliPredict(file);
    let loaded = true;
    try {
      runEngine(engine, readFileSync(file));
    } catch (e) {
      loaded = false;
      assert.equal(e.code, native.error.code);
    }
    if (!loaded) return;
    const reply = JSON.parse(engine.predict('{}'));
    if (native.error) {
      assert.equal(reply.code, native.error.code);
      return;
    }
    const predicted = unwrap(JSON.stringify(reply)).predict;
    if (native.report.customers.fitted >= 50) assertClose(withoutUnconvergedFits(predicted), withoutUnconvergedFits(native.report));
    else {
      // A handful of customers leaves the likelihood nearly flat: both optimisers stop on
      // it, at points that depend on libm's last bits. Same shape, same shop figures.
      assert.deepEqual(Object.keys(predicted).sort(), Object.keys(native.report).sort());
      assertClose(predicted.customers, native.report.customers);
    }

    const plain = runCliCustomers(file, join(scratch, 'plain.csv'), ['--no-predict']);
    assert.deepEqual(csvOf({}, null), plain.csv);
    const churned = runCliCustomers(file, join(scratch, 'churned.csv'), ['--status', 'churned']);
    assertCsvClose(csvOf({ status: 'churned' }, {}), churned.csv);
  });
}

test('predict options reach the models; bad ones are E_ errors', () => {
  runEngine(engine, readFileSync(inputFiles().find((f) => f.includes('online_retail'))));
  const report = unwrap(engine.predict(JSON.stringify({ calibration_end: '2011-06-30', horizon_days: 180, unit: 'day' }))).predict;
  assert.equal(report.calibration_end, '2011-06-30');
  assert.equal(report.horizon_days, 180);
  assert.equal(report.holdout.available, true);
  const bad = JSON.parse(engine.predict('{"horizon_days":-5}'));
  assert.equal(bad.ok, false);
  assert.match(bad.code, /^E_/);
});
