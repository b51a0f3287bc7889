// <huike-report> in a portal page with a strict CSP: the native report, two elements on one
// page (each its own engine), events, and removal terminating each element's worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, dist, retailCsv, nativeReport, serve, recordRequests } from './browser_env.mjs';

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

// Counts workers made and ended, and CSP violations, before any page script runs.
function watch() {
  const w = { created: 0, terminated: 0, violations: [] };
  window.__huike = w;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      w.created++;
    }
    terminate() {
      w.terminated++;
      super.terminate();
    }
  };
  document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective + ' ' + e.blockedURI));
}

test('two <huike-report> elements under a strict CSP: native figures, events, no leaked worker', async () => {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(watch);
  await page.goto(server.url + '/component-example.html');

  // The example's element: a file handed over by the portal page.
  await page.setInputFiles('#file', retailCsv);
  await page.waitForFunction(() => /customers$/.test(document.getElementById('status').textContent) || /^E_/.test(document.getElementById('status').textContent));
  const first = await page.evaluate(() => {
    const el = document.getElementById('report');
    const shadow = el.shadowRoot;
    return {
      totals: el.report.totals,
      customersShown: Number(shadow.querySelector('[data-metric="customers"]').dataset.value),
      tabsShown: [...shadow.querySelectorAll('.tabs .tab')].filter((t) => !t.hidden).map((t) => t.dataset.view),
      segmentRows: shadow.querySelectorAll('#seg8-table tbody tr').length,
      startHidden: shadow.getElementById('start').hidden,
    };
  });
  const native = nativeReport(retailCsv);
  assert.deepStrictEqual(first.totals, native.report.totals);
  assert.equal(first.customersShown, native.report.totals.customers);
  assert.deepEqual(first.tabsShown, ['overview', 'predict']);
  assert.equal(first.segmentRows, 8);
  assert.equal(first.startHidden, true);

  // A second element, in English, overview only; its events; an error with its code.
  const second = await page.evaluate(async () => {
    const el = document.createElement('huike-report');
    el.setAttribute('lang', 'en');
    el.setAttribute('view', 'overview');
    document.body.append(el);
    const events = [];
    for (const type of ['huike-progress', 'huike-done', 'huike-error']) el.addEventListener(type, (e) => events.push(type + (e.detail.code ? ':' + e.detail.code : '')));
    const report = await el.analyze(new Blob(['buyer,order_date,amount\nann,2024-01-02,10\nbob,2024-02-03,20\nann,2024-03-04,30\n']), { as_of: '2024-04-01' });
    const tab = el.shadowRoot.getElementById('tab-overview').textContent;
    let code = null;
    try {
      await el.analyze(new Blob(['a,b,c\n1,2,3\n']));
    } catch (e) {
      code = e.code;
    }
    return { customers: report.totals.customers, asOf: report.analysis.as_of, tab, code, events: [...new Set(events)] };
  });
  assert.deepEqual(second, {
    customers: 2,
    asOf: '2024-04-01',
    tab: 'RFM & churn overview',
    code: 'E_NO_CUSTOMER_COLUMN',
    events: ['huike-progress', 'huike-done', 'huike-error:E_NO_CUSTOMER_COLUMN'],
  });
  // The first element still shows its own file.
  assert.equal(await page.evaluate(() => document.getElementById('report').report.totals.customers), native.report.totals.customers);

  // Removing the elements ends their workers: as many ended as were made.
  const workers = await page.evaluate(() => {
    for (const el of document.querySelectorAll('huike-report')) el.remove();
    return window.__huike;
  });
  assert.equal(workers.created, 2);
  assert.equal(workers.terminated, 2);
  assert.deepEqual(workers.violations, []);
  assert.deepEqual(problems, []);
  const own = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual([...new Set(own)].sort(), [server.url + '/component-example.html', server.url + '/component-example.js', server.url + '/huike-embed.mjs'].sort());
  await page.close();
});
