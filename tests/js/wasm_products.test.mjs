// The wasm engine's reminder and product calls (issue 9) against the native CLI on the UCI
// subset: the same CSV exports byte for byte, a consumption table passed as bytes, and pages
// that agree with the exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule, runEngine, unwrap, cliPath, sharedData } from './wasm_support.mjs';

const retail = join(sharedData, 'online-retail-ii/online_retail_II_subset.csv');
const module = await loadModule();

function exportOf(engine, kind, options = {}) {
  unwrap(engine.exportCsv(kind, JSON.stringify(options)));
  const bytes = Buffer.from(engine.csvBytes());
  engine.releaseCsv();
  return bytes;
}

test('reminders, products and audience CSV equal the CLI; consumption table as bytes', () => {
  assert.ok(existsSync(cliPath), `native CLI missing (${cliPath})`);
  assert.ok(existsSync(retail), 'the UCI subset is needed');
  const dir = mkdtempSync(join(tmpdir(), 'huike-wasm-products-'));
  try {
    // GBK bytes: 商品名称,每件天数 / a UCI product, 30 days.
    const table = Buffer.concat([Buffer.from([0xc9, 0xcc, 0xc6, 0xb7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc3, 0xbf, 0xbc, 0xfe, 0xcc, 0xec, 0xca, 0xfd, 0x0a]),
      Buffer.from('CHARLOTTE BAG DOLLY GIRL DESIGN,30\n')]);
    const tablePath = join(dir, 'table.csv');
    writeFileSync(tablePath, table);
    const engine = new module.Engine();
    engine.chunkBuffer(table.length).set(table);
    const info = unwrap(engine.setConsumption(table.length)).consumption;
    assert.equal(info.rows, 1);
    assert.equal(info.encoding, 'gb18030');
    const report = runEngine(engine, readFileSync(retail), { analysis: { profit_top_share: 0.1 } });
    assert.equal(report.replenishment.consumption_table.matched_products, 1);
    const options = { profit_top_share: 0.1 };
    const cli = (args) => {
      const out = join(dir, 'out.csv');
      execFileSync(cliPath, [...args, '--out', out, '--profit-top-share', '0.1']);
      return readFileSync(out);
    };
    assert.deepEqual(exportOf(engine, 'reminders', options), cli(['reminders', retail, '--consumption', tablePath]));
    assert.deepEqual(exportOf(engine, 'products', options), cli(['products', retail]));
    const audiencePath = join(dir, 'audience.csv');
    execFileSync(cliPath, ['products', retail, '--out', join(dir, 'p.csv'), '--audience', audiencePath, '--profit-top-share', '0.1']);
    assert.deepEqual(exportOf(engine, 'audience', options), readFileSync(audiencePath));

    // Pages: the product table's total is the CSV's rows; the remind-now page its rows.
    const products = unwrap(engine.productsPage(JSON.stringify(options), JSON.stringify({ limit: 5 }))).page;
    assert.equal(products.total, exportOf(engine, 'products', options).toString('utf8').trim().split('\r\n').length - 1);
    assert.equal(products.rows.length, 5);
    assert.ok(products.rows[0].revenue >= products.rows[1].revenue);
    const now = unwrap(engine.remindersPage(JSON.stringify(options), JSON.stringify({ list: 'remind_now', limit: 1000 }))).page;
    const csvNow = exportOf(engine, 'reminders', options).toString('utf8').split('\r\n').filter((l) => l.startsWith('remind_now,'));
    assert.equal(now.total, csvNow.length);
    assert.equal(now.total, report.replenishment.remind_now.count);
    const bad = Buffer.from('product,days\nA,0\n');
    engine.chunkBuffer(bad.length).set(bad);
    const error = JSON.parse(engine.setConsumption(bad.length));
    assert.equal(error.code, 'E_CONSUMPTION_DAYS');
    assert.equal(error.line, 2);
    engine.delete();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
