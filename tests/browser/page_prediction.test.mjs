// The Prediction view on the CDNOW sample, opened from file://: the page must show the published
// BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie 2013) estimates, the
// hold-out charts, and export the likely-to-churn list through the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, sharedData, recordRequests, waitForState } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const cdnow = join(sharedData, 'cdnow/cdnowElog.csv');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-predict-'));
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Parses a shown number ("4.414", "−9,582.43") as the reader sees it.
const shown = (text) => Number(text.replace(/[,\s]/g, '').replace('−', '-'));

test('CDNOW, calibration 1997-09-30 in weeks: the published parameters, hold-out charts, churn export', async () => {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', cdnow);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');

  await page.click('#tab-predict');
  assert.equal(await page.isVisible('#view-predict'), true);
  assert.equal(await page.isHidden('#view-overview'), true);
  assert.equal(await page.isVisible('#predict-empty'), true);
  assert.match(await page.textContent('#pred-calibration-hint'), /1998-06-30/); // empty = the last order day

  await page.fill('#pred-calibration', '1997-09-30');
  await page.selectOption('#pred-unit', 'week');
  await page.click('#btn-predict');
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.predictState), null, { timeout: 120000 });
  assert.equal(await page.evaluate(() => document.body.dataset.predictState), 'done', await page.textContent('#predict-error'));
  assert.equal(await page.isVisible('#predict-results'), true);

  // The parameters as shown on the page, to the published digits.
  const params = await page.$$eval('#params-bg [data-param], #params-gg [data-param]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.dataset.param, c.textContent])));
  const published = { r: [0.243, 3], alpha: [4.414, 3], a: [0.793, 3], b: [2.426, 3], p: [6.25, 2], q: [3.74, 2], gamma: [15.44, 2] };
  for (const [key, [value, digits]] of Object.entries(published)) {
    assert.ok(params[key] !== undefined, `parameter ${key} is shown`);
    assert.equal(shown(params[key]).toFixed(digits), value.toFixed(digits), `${key} shown as ${params[key]}`);
  }
  assert.equal(shown(params.bg_ll).toFixed(1), '-9582.4');
  assert.match(await page.textContent('#params-bg .fit-status'), /已收敛/);
  assert.equal(await page.$$eval('#params-bg .fit-status.ok', (n) => n.length), 1);
  assert.match(await page.textContent('#params-unit'), /周/); // the time unit, written out
  assert.match(await page.textContent('#params-gg'), /946/); // the repeat buyers behind Gamma-Gamma

  // Hold-out: per calibration-frequency group (chart + table) and the weekly tracking chart.
  assert.equal(await page.isVisible('#holdout-body'), true);
  for (const id of ['chart-holdout', 'chart-tracking', 'chart-palive', 'chart-matrix']) {
    const size = await page.$eval('#' + id + ' canvas', (c) => [c.width, c.height]);
    assert.ok(size[0] > 100 && size[1] > 100, `${id} rendered (${size})`);
  }
  const groups = await page.$$eval('#holdout-table tbody tr', (rows) => rows.map((r) => r.dataset.group));
  assert.deepEqual(groups, ['0', '1', '2', '3', '4', '5', '6', '7+']);
  assert.match(await page.textContent('#holdout-note'), /1,882/); // actual repeat purchases in the hold-out
  assert.match(await page.textContent('#holdout-period'), /1998-06-30/);

  // Tables: ids as text, ten rows each.
  assert.equal(await page.$$eval('#pred-top tbody tr', (r) => r.length), 10);
  assert.equal(await page.$$eval('#pred-churn tbody tr', (r) => r.length), 10);
  const below = shown(await page.getAttribute('[data-predict="customers_p_alive_below_0_5"]', 'data-value'));

  // The likely-to-churn export: the engine's CSV of every customer with p_alive < 0.5.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export-churn')]);
  assert.match(download.suggestedFilename(), /^huike_likely_to_churn_1997-09-30\.csv$/);
  const file = join(scratch, 'churn.csv');
  await download.saveAs(file);
  const csv = readFileSync(file);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
  const header = lines[0].split(',');
  const column = header.indexOf('p_alive');
  assert.ok(column > 0, lines[0]);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows.length, below);
  for (const row of rows) assert.ok(Number(row[column]) < 0.5, row.join(','));

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(root, 'test-artifacts/huike-prediction.png'), fullPage: true });

  // English, then back: the same figures, the units in English.
  await page.selectOption('#lang', 'en');
  assert.match(await page.textContent('#params-unit'), /week \(7 days\)/);
  assert.equal((await page.$eval('[data-param="r"]', (n) => n.textContent)), params.r);
  assert.match(await page.textContent('#tab-predict'), /Prediction/);
  await page.selectOption('#lang', 'zh-CN');

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
