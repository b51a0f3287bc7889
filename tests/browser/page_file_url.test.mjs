// dist/huike.html opened from file:// in headless Chromium, as a shop owner double-clicks it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, retailCsv, sharedData, nativeReport, nativePredict, recordRequests, waitForState, headline, artifact } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const artifacts = join(root, 'test-artifacts');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-page-'));
  mkdirSync(artifacts, { recursive: true });
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openPage() {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pageUrl);
  return { page, requests, problems };
}

// Only the page itself and its blob worker; no http(s), no other file.
function assertNoNetwork(requests) {
  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
}

function assertHeadline(figures, totals) {
  for (const name of ['customers', 'orders', 'revenue', 'repeat_rate', 'returning_revenue_share', 'churn_rate']) {
    assert.equal(figures[name].value, totals[name], name);
    assert.ok(figures[name].text.length > 0, name);
  }
}

test('upload the Online Retail II subset: headline figures equal the native CLI', async (t) => {
  const native = nativeReport(retailCsv);
  const { page, requests, problems } = await openPage();
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
  await page.setInputFiles('#file-input', retailCsv);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const figures = await headline(page);
  assertHeadline(figures, native.report.totals);
  assert.equal(figures.customers.text, figures.customers.value.toLocaleString('zh-CN'));
  assert.match(figures.repeat_rate.text, /^\d+\.\d%$/);

  // The eight segments, Chinese names exactly as the report has them.
  const names = await page.$$eval('#seg8-table tbody tr td.name', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(names, native.report.segments.eight.map((s) => s.name_zh));
  assert.equal(await page.$$eval('#grid11 .tile', (n) => n.length), 11);
  assert.equal(await page.$$eval('#status-cards .status-card', (n) => n.length) >= 4, true);
  // Skipped rows are visible: guest checkouts in this file, with example line numbers.
  const skipped = await page.textContent('#skipped');
  assert.match(skipped, /601/);
  assert.match(skipped, /2647/);

  await artifact(page, 'huike-file-url.png');

  // English: the same figures, English segment names.
  await page.selectOption('#lang', 'en');
  const en = await page.$$eval('#seg8-table tbody tr td.name', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(en, native.report.segments.eight.map((s) => s.name_en));
  assert.equal((await headline(page)).customers.value, figures.customers.value);
  await page.selectOption('#lang', 'zh-CN');
  assertNoNetwork(requests);

  // The CSP forbids any request the page might try, from the page or from a worker.
  const attempts = await page.evaluate(async () => {
    const tryFetch = (url) => fetch(url).then(() => 'sent', () => 'blocked');
    const worker = new Worker(URL.createObjectURL(new Blob(["fetch('http://127.0.0.1:9/w').then(() => postMessage('sent'), () => postMessage('blocked'))"])));
    const fromWorker = await new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
    worker.terminate();
    return [await tryFetch('http://127.0.0.1:9/x'), await tryFetch('https://example.com/'), fromWorker];
  });
  assert.deepEqual(attempts, ['blocked', 'blocked', 'blocked']);
  assertNoNetwork(requests.filter((u) => !u.startsWith('http://127.0.0.1:9/') && u !== 'https://example.com/'));
  assert.deepEqual(problems.filter((p) => !/Content Security Policy|Failed to fetch/.test(p)), []);
  await page.close();
});

test('split mode from file:// (data-engines="2"): the page starts the second worker; same figures', async () => {
  // A worker on file:// may not start one from the page's blob URL, so the page does.
  const native = nativeReport(retailCsv);
  const tables = async (page) => ({
    products: await page.$eval('#products-table tbody', (b) => b.innerText),
    roles: await page.$$eval('#products-rules li', (items) => items.map((i) => `${i.dataset.role}=${i.dataset.value}`)),
  });
  const seen = [];
  for (const engines of ['2', '1']) {
    const { page, requests, problems } = await openPage();
    await page.evaluate((n) => (document.body.dataset.engines = n), engines);
    await page.setInputFiles('#file-input', retailCsv);
    assert.equal(await waitForState(page, ['done', 'error']), 'done');
    assertHeadline(await headline(page), native.report.totals);
    const meta = await page.textContent('#result-meta');
    assert.equal(meta.includes('由两个引擎读取'), engines === '2', meta);
    await page.click('#tab-products');
    await page.waitForSelector('#products-table tbody tr');
    seen.push(await tables(page));
    assertNoNetwork(requests);
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.ok(seen[0].products.length > 0);
  assert.deepEqual(seen[0], seen[1]);
});

test('settings re-run on the orders in memory; customer lists page, sort and export', async (t) => {
  const { page, requests } = await openPage();
  await page.setInputFiles('#file-input', retailCsv);
  await waitForState(page, ['done']);

  await page.click('#btn-settings');
  await page.fill('#set-churn-window', '180');
  await page.dispatchEvent('#set-churn-window', 'change');
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelector('#sub-churn').textContent.includes('180'));
  const native180 = nativeReport(retailCsv, ['--churn-window', '180']);
  assertHeadline(await headline(page), native180.report.totals);
  assert.equal(await page.isHidden('#progress'), true);

  await page.selectOption('#set-thresholds', 'median');
  await page.waitForFunction(() => document.querySelector('#seg8-rule').textContent.includes('中位数'));
  const nativeMedian = nativeReport(retailCsv, ['--churn-window', '180', '--thresholds', 'median']);
  {
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    const counts = await page.$$eval('#seg8-table tbody tr td:nth-child(2)', (c) => c.map((n) => Number(n.textContent.replace(/,/g, ''))));
    assert.deepEqual(counts, nativeMedian.report.segments.eight.map((s) => s.customers));
  }

  // A segment's customers: paged, sorted by the engine.
  await page.click('#seg8-table tbody tr[data-segment="general_develop"]');
  await page.waitForSelector('#customers:not([hidden]) #customers-table tbody tr');
  const total = nativeMedian ? nativeMedian.report.segments.eight.find((s) => s.key === 'general_develop').customers : null;
  const rows = await page.$$eval('#customers-table tbody tr', (r) => r.length);
  assert.ok(rows > 0 && rows <= 50);
  if (total) assert.match(await page.textContent('#customers-title'), new RegExp(total.toLocaleString('zh-CN')));
  await page.click('#customers-table th[data-sort="recency_days"]');
  await page.waitForSelector('#customers-table th[data-sort="recency_days"] .sort-mark');
  const recency = await page.$$eval('#customers-table tbody tr td:nth-child(2)', (c) => c.map((n) => Number(n.textContent.replace(/,/g, ''))));
  assert.deepEqual(recency, [...recency].sort((a, b) => b - a));

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export')]);
  const file = join(scratch, 'export.csv');
  await download.saveAs(file);
  const csv = readFileSync(file);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').trim().split('\r\n');
  if (total) assert.equal(lines.length - 1, total);
  assertNoNetwork(requests);
  await page.close();
});

test('a file without a customer column: clear message, then the column mapping fixes it', async () => {
  const tmall = join(sharedData, 'tmall/tmall_order_report.csv');
  const { page } = await openPage();
  await page.setInputFiles('#file-input', tmall);
  assert.equal(await waitForState(page, ['done', 'error']), 'error');
  assert.equal(await page.textContent('#error-code'), 'E_NO_CUSTOMER_COLUMN');
  assert.equal(await page.isVisible('#mapping'), true);
  // The user picks a column by hand (here the address, for want of a buyer id) and re-runs.
  const options = await page.$$eval('#map-role-customer option', (o) => o.map((n) => n.textContent));
  assert.ok(options.some((o) => o.includes('收货地址')));
  await page.selectOption('#map-role-customer', { label: options.find((o) => o.includes('收货地址')) });
  await page.click('#btn-rerun');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const native = nativeReport(tmall, ['--column', 'customer=3']);
  assert.equal((await headline(page)).customers.value, native.report.totals.customers);
  await page.close();
});

test('customer ids are text, never HTML', async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const csv = ['customer_id,order_date,amount', `"${evil.replace(/"/g, '""')}",2024-03-01,99999`, `"${evil.replace(/"/g, '""')}",2024-04-01,5`, 'ann,2024-02-01,10', 'bob,2024-03-15,20'].join('\n');
  const file = join(scratch, 'evil.csv');
  writeFileSync(file, csv);
  const { page, requests } = await openPage();
  await page.setInputFiles('#file-input', file);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#status-cards .status-card[data-status="active"]');
  await page.waitForSelector('#customers-table tbody td.id');
  await page.click('#btn-show-mapping');
  const ids = await page.$$eval('#customers-table tbody td.id', (c) => c.map((n) => n.textContent));
  assert.ok(ids.includes(evil));
  assert.equal(await page.$$eval('main img', (n) => n.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertNoNetwork(requests); // an <img src=x> would have shown up as a request
  await page.close();
});

test('cancel mid-file returns to the start, and the next file still runs', async () => {
  // A large file: the subset repeated, so reading takes long enough to cancel.
  const big = join(scratch, 'big.csv');
  const text = readFileSync(retailCsv, 'utf8');
  const body = text.slice(text.indexOf('\n') + 1);
  writeFileSync(big, text + body.repeat(60));
  const { page } = await openPage();
  await page.setInputFiles('#file-input', big);
  await page.waitForFunction(() => document.body.dataset.state === 'running' && !document.querySelector('#progress-rows').textContent.match(/^0$/));
  await page.click('#btn-cancel');
  assert.equal(await waitForState(page, ['idle', 'done', 'error']), 'idle');
  assert.equal(await page.isVisible('#start'), true);
  assert.equal(await page.isHidden('#results'), true);
  await page.setInputFiles('#file-input', retailCsv);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.close();
});

test('a file dropped right after Cancel is analysed, not lost', async () => {
  const big = join(scratch, 'big.csv'); // written by the test above
  const { page } = await openPage();
  await page.setInputFiles('#file-input', big);
  await page.waitForFunction(() => document.body.dataset.state === 'running' && !document.querySelector('#progress-rows').textContent.match(/^0$/));
  const small = readFileSync(retailCsv, 'utf8');
  // Cancel and drop in one task: the worker cannot have confirmed the cancel yet.
  await page.evaluate((text) => {
    document.getElementById('btn-cancel').click();
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped-after-cancel.csv', { type: 'text/csv' }));
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, small);
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  assert.match(await page.textContent('#result-files'), /dropped-after-cancel\.csv/);
  assertHeadline(await headline(page), nativeReport(retailCsv).report.totals);
  await page.close();
});

test('a GBK Taobao export, and several files dropped at once', async () => {
  const gbk = join(root, 'tests/fixtures/taobao_gbk.csv');
  const { page, requests } = await openPage();
  await page.setInputFiles('#file-input', gbk);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const native = nativeReport(gbk);
  assert.equal((await headline(page)).revenue.value, native.report.totals.revenue);
  assert.match(await page.textContent('#input-summary'), /gb18030/);
  // Customer names decoded from GBK show as Chinese text.
  await page.click('#status-cards .status-card[data-status="active"]');
  await page.waitForSelector('#customers-table tbody td.id');
  const ids = await page.$$eval('#customers-table tbody td.id', (c) => c.map((n) => n.textContent));
  assert.ok(ids.some((id) => /[\u4e00-\u9fff]/.test(id)), ids.join(','));

  // Drop the retail file as two halves, each with the header: the same figures as the whole.
  const text = readFileSync(retailCsv, 'utf8');
  const cut = text.indexOf('\n', text.length >> 1) + 1;
  const header = text.slice(0, text.indexOf('\n') + 1);
  await page.evaluate(([a, b]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([a], 'part1.csv', { type: 'text/csv' }));
    transfer.items.add(new File([b], 'part2.csv', { type: 'text/csv' }));
    document.getElementById('btn-new').click();
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [text.slice(0, cut), header + text.slice(cut)]);
  await page.waitForFunction(() => document.querySelector('#result-files').textContent.includes('part2.csv') && document.body.dataset.state === 'done');
  assertHeadline(await headline(page), nativeReport(retailCsv).report.totals);
  assertNoNetwork(requests);
  await page.close();
});

test('predictions on demand match the native models; the export then carries them', async () => {
  const { page, requests } = await openPage();
  await page.setInputFiles('#file-input', retailCsv);
  await waitForState(page, ['done']);
  await page.click('#tab-predict');
  assert.equal(await page.isHidden('#predict-results'), true);
  await page.fill('#pred-calibration', '2011-06-30');
  await page.fill('#pred-horizon', '180');
  await page.click('#btn-predict');
  await page.waitForSelector('#predict-results:not([hidden])');
  const shown = await page.$$eval('[data-predict]', (n) => Object.fromEntries(n.map((x) => [x.dataset.predict, Number(x.dataset.value)])));
  const native = nativePredict(retailCsv, ['--calibration-end', '2011-06-30', '--horizon-days', '180']);
  {
    for (const [key, value] of Object.entries(shown)) {
      assert.ok(Math.abs(value - native.report.shop[key]) <= 1e-6 * Math.abs(native.report.shop[key]) + 1e-9, key);
    }
  }
  assert.match(await page.textContent('#holdout-note'), /162/);
  assert.equal(await page.$$eval('#pred-top tbody tr', (r) => r.length), 10);

  await page.click('#tab-overview');
  await page.click('#status-cards .status-card[data-status="active"]');
  await page.waitForSelector('#customers-table tbody td.id');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export')]);
  const file = join(scratch, 'predicted.csv');
  await download.saveAs(file);
  const header = readFileSync(file, 'utf8').split('\r\n')[0];
  // Chinese page, Chinese headers: p_alive, expected_purchases, clv.
  for (const column of ['存活概率', '预计购买次数', '客户终身价值']) assert.ok(header.includes(column), header);
  assertNoNetwork(requests);
  await page.close();
});
