// The Prediction view on the CDNOW sample, opened from file://: with the model on auto the page
// compares the three models on the hold-out, chooses Pareto/NBD and shows its published
// estimates (Fader, Hardie & Lee 2005 note), the calibration histograms and the expected
// next order dates next to P(alive); with BG/NBD chosen by hand, the published BG/NBD
// (FHL 2005) and Gamma-Gamma (Fader & Hardie 2013) estimates, the hold-out charts, and
// the likely-to-churn export through the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, sharedData, recordRequests, waitForState, artifact } from './browser_env.mjs';

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
  assert.equal(await page.inputValue('#pred-model'), 'auto'); // the default
  const runPredict = async () => {
    await page.click('#btn-predict');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.predictState), null, { timeout: 120000 });
    assert.equal(await page.evaluate(() => document.body.dataset.predictState), 'done', await page.textContent('#predict-error'));
  };
  await runPredict();
  assert.equal(await page.isVisible('#predict-results'), true);

  // Auto: the three models on the 39-week hold-out; Pareto/NBD has the smallest per-customer error.
  const compared = await page.$$eval('#pred-compare-table tbody tr', (rows) =>
    rows.map((r) => ({ model: r.dataset.model, chosen: r.dataset.chosen, mae: Number(r.querySelector('[data-mae]').dataset.mae) })));
  assert.deepEqual(compared.map((r) => r.model), ['bgnbd', 'mbgnbd', 'paretonbd']);
  assert.deepEqual(compared.map((r) => r.chosen), ['false', 'false', 'true']);
  assert.ok(compared[2].mae < compared[0].mae && compared[2].mae < compared[1].mae, JSON.stringify(compared));
  const reason = await page.textContent('#pred-compare-reason');
  assert.match(reason, /自动/); // the setting's value in the rule
  assert.match(reason, /Pareto\/NBD/);
  assert.match(reason, /39/);
  assert.match(reason, new RegExp(compared[2].mae.toFixed(4)));
  for (const key of ['bgnbd', 'mbgnbd', 'paretonbd']) {
    const size = await page.$eval('#chart-calib-' + key + ' canvas', (c) => [c.width, c.height]);
    assert.ok(size[0] > 100 && size[1] > 100, `calibration histogram of ${key} rendered (${size})`);
  }
  // Pareto/NBD's parameters as published: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
  const pareto = await page.$$eval('#params-bg [data-param]', (cells) => Object.fromEntries(cells.map((c) => [c.dataset.param, c.textContent])));
  for (const [key, value] of Object.entries({ r: '0.553', alpha: '10.578', s: '0.606', beta: '11.669' })) {
    assert.equal(shown(pareto[key]).toFixed(3), value, `${key} shown as ${pareto[key]}`);
  }
  assert.equal(shown(pareto.bg_ll).toFixed(1), '-9595.0');
  assert.match(await page.textContent('#params-bg h3'), /Pareto\/NBD/);
  // The expected next order date, always beside P(alive), in both lists.
  for (const table of ['#pred-top', '#pred-churn']) {
    const heads = await page.$$eval(table + ' thead th', (th) => th.map((h) => h.textContent));
    const at = heads.indexOf('预计下次购买');
    assert.ok(at > 0 && heads[at - 1] === '活跃概率', heads.join('|'));
    const dates = await page.$$eval(table + ' tbody tr', (rows, i) => rows.map((r) => r.children[i].textContent), at);
    assert.equal(dates.length, 10);
    for (const d of dates) assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(d) && d > '1997-09-30', d);
  }
  assert.match(await page.textContent('#pred-next-order-note'), /1997-09-30/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await artifact(page, 'huike-prediction-compare.png');

  // BG/NBD by hand: the rule says so, and BG/NBD's figures are shown.
  await page.selectOption('#pred-model', 'bgnbd');
  await runPredict();
  assert.match(await page.textContent('#pred-compare-reason'), /手动/);
  assert.equal(await page.$eval('#pred-compare-table tr[data-chosen="true"]', (r) => r.dataset.model), 'bgnbd');

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
  // The page is in Chinese: so are the export's headers (p_alive, expected_next_order_date).
  const column = header.indexOf('存活概率');
  assert.ok(column > 0, lines[0]);
  assert.equal(header[column + 1], '预计下单日', lines[0]);
  const rows = lines.slice(1).map((l) => l.split(','));
  assert.equal(rows.length, below);
  for (const row of rows) assert.ok(Number(row[column]) < 0.5, row.join(','));

  await page.evaluate(() => window.scrollTo(0, 0));
  await artifact(page, 'huike-prediction.png');

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
