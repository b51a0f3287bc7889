// The served page (dist/ over a tiny local server) with the bundled demo, and the embed
// example: a host page importing dist/huike-embed.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, dist, root, retailCsv, nativeReport, serve, recordRequests, waitForState, headline, artifact } from './browser_env.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(dist);
});
after(async () => {
  await browser.close();
  await server.close();
});

// Requests may go to the page's own server (its files) and blob: (the worker), nothing else.
function assertOwnFilesOnly(requests, allowed) {
  const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !allowed.includes(u));
  assert.deepEqual(foreign, []);
}

test('served page: the demo data is one click away and matches the native CLI', async () => {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  await page.goto(server.url + '/');
  await page.click('#btn-demo');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const native = nativeReport(join(root, 'web/demo/demo_orders.csv'));
  const figures = await headline(page);
  {
    for (const name of Object.keys(figures)) assert.equal(figures[name].value, native.report.totals[name], name);
    // The demo has 交易关闭 / 退款成功 rows; the page lists them as skipped.
    assert.ok(Object.keys(native.report.input.excluded).length > 0);
    for (const reason of Object.keys(native.report.input.excluded)) {
      assert.equal(await page.$$eval(`#skipped li[data-reason="${reason}"]`, (n) => n.length), 1, reason);
    }
  }
  assert.ok(figures.repeat_rate.value > 0.2 && figures.repeat_rate.value < 0.8);
  await artifact(page, 'huike-demo-served.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await artifact(page, 'huike-demo-mobile.png', { fullPage: false });
  assertOwnFilesOnly(requests, [server.url + '/']);
  await page.close();
});

// The embed example page, its requests and its uncaught errors recorded.
async function embedExample() {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/embed-example.html');
  return { page, requests, problems };
}

test('embed: split mode (engines: 2) reads the file in two workers and gives the native report', async () => {
  const { page, requests, problems } = await embedExample();
  const result = await page.evaluate(async (text) => {
    const { createAnalyzer } = await import('./huike-embed.mjs');
    const two = createAnalyzer();
    const one = createAnalyzer();
    const report = await two.analyze(text, {}, { engines: 2 });
    const memory = await two.memory();
    await one.analyze(text);
    const query = { sort: 'monetary', limit: 30 };
    const same = {
      customers: JSON.stringify(await two.customersPage(query)) === JSON.stringify(await one.customersPage(query)),
      products: JSON.stringify(await two.productsPage({ limit: 20 })) === JSON.stringify(await one.productsPage({ limit: 20 })),
      reminders: JSON.stringify(await two.remindersPage({ limit: 20 })) === JSON.stringify(await one.remindersPage({ limit: 20 })),
      csv: (await (await two.customersCsv()).text()) === (await (await one.customersCsv()).text()),
    };
    two.dispose();
    one.dispose();
    return { report, memory, same };
  }, readFileSync(retailCsv, 'utf8'));
  assert.equal(result.memory.engines, 2);
  assert.ok(result.memory.heapBytes > 0);
  assert.deepStrictEqual(result.report, nativeReport(retailCsv).report);
  assert.deepEqual(result.same, { customers: true, products: true, reminders: true, csv: true });
  assertOwnFilesOnly(requests, [server.url + '/embed-example.html', server.url + '/huike-embed.mjs']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('embed example: createAnalyzer().analyze(file) gives the native report', async () => {
  const { page, requests, problems } = await embedExample();
  await page.setInputFiles('#file', retailCsv);
  assert.equal(await waitForState(page, ['done', 'error']), 'done', await page.textContent('#output'));
  const output = JSON.parse(await page.textContent('#output'));
  const native = nativeReport(retailCsv);
  assert.deepStrictEqual(output.totals, native.report.totals);
  assert.ok(output.top.length > 0 && output.top.every((c) => c.segment_eight === 'important_value'));
  assert.equal(await page.$$eval('#segments tr', (r) => r.length), 8);

  // The module's API directly: the full report equals the CLI's; errors reject with .code.
  const result = await page.evaluate(async () => {
    const { createAnalyzer } = await import('./huike-embed.mjs');
    const analyzer = createAnalyzer();
    const text = 'buyer,order_date,amount\nann,2024-01-02,10\nbob,2024-02-03,20\nann,2024-03-04,30\n';
    const report = await analyzer.analyze(text, { as_of: '2024-04-01' });
    const csv = await (await analyzer.customersCsv({})).text();
    // A fit aborted while running rejects as an AbortError; the re-read input then predicts.
    const fit = new AbortController();
    const stopped = analyzer.predict({}, { signal: fit.signal }).then(() => 'finished', (e) => e.name + ' ' + e.code);
    fit.abort();
    const predictAborted = await stopped;
    const again = await analyzer.predict({});
    const predictedAgain = typeof again.model === 'string' && again.shop.customers;
    let error = null;
    try {
      await analyzer.analyze(new Blob(['a,b,c\n1,2,3\n']));
    } catch (e) {
      error = { isError: e instanceof Error, code: e.code, message: e.message };
    }
    const controller = new AbortController();
    controller.abort();
    let aborted = null;
    try {
      await analyzer.analyze(text, {}, { signal: controller.signal });
    } catch (e) {
      aborted = { name: e.name, code: e.code };
    }
    analyzer.dispose();
    let disposed = null;
    try {
      await analyzer.analyze(text);
    } catch (e) {
      disposed = e.code;
    }
    return { customers: report.totals.customers, asOf: report.analysis.as_of, csvLines: csv.trim().split('\r\n').length, error, aborted, predictAborted, predictedAgain, disposed };
  });
  // The message is the engine's own words for this code (fixed text, not taken from the result).
  assert.match(result.error.message, /^no customer column/);
  delete result.error.message;
  assert.deepEqual(result, {
    customers: 2,
    asOf: '2024-04-01',
    csvLines: 3,
    error: { isError: true, code: 'E_NO_CUSTOMER_COLUMN' },
    aborted: { name: 'AbortError', code: 'E_CANCELLED' },
    predictAborted: 'AbortError E_CANCELLED',
    predictedAgain: 2,
    disposed: 'E_DISPOSED',
  });
  assertOwnFilesOnly(requests, [server.url + '/embed-example.html', server.url + '/huike-embed.mjs']);
  assert.deepEqual(problems, []);
  await page.close();
});
