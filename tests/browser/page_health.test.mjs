// The Health view (客户结构) on the full CDNOW file, opened from file://: the numbers on
// screen against values worked out here from the file by independent code (cohorts, the
// monthly series, churn, the eight segments at both dates), both exports, the weekly
// series, the earlier date as a setting, English, no network, and a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, sharedData, recordRequests, waitForState, serve, artifact } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const cdnow = join(sharedData, 'cdnow/CDNOW_master.txt');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-health-'));
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

// ---- independent figures from the file (days since 1970, months as y*12+m-1) ----
const DAY = 86400000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const monthOf = (day) => { const d = new Date(day * DAY); return d.getUTCFullYear() * 12 + d.getUTCMonth(); };
const label = (month) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
const pct = (x) => (x * 100).toFixed(1) + '%';

function readOrders() {
  const rows = [];
  for (const line of readFileSync(cdnow, 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    rows.push({ id: f[0], day: dayOf(+f[1].slice(0, 4), +f[1].slice(4, 6), +f[1].slice(6, 8)), amount: +f[3] });
  }
  return rows;
}

// The eight segments at date D as the overview defines them (means; R < r, F > f, M > m).
function segmentsAt(rows, D) {
  const c = new Map();
  for (const r of rows) {
    if (r.day >= D) continue;
    const x = c.get(r.id) || { last: -Infinity, f: 0, m: 0 };
    x.last = Math.max(x.last, r.day); x.f += 1; x.m += r.amount;
    c.set(r.id, x);
  }
  let sr = 0, sf = 0, sm = 0;
  for (const x of c.values()) { sr += D - x.last; sf += x.f; sm += x.m; }
  const [mr, mf, mm] = [sr / c.size, sf / c.size, sm / c.size];
  const out = new Map();
  for (const [id, x] of c) {
    const recent = D - x.last < mr, frequent = x.f > mf, high = x.m > mm;
    out.set(id, (high ? 'important_' : 'general_') + (recent ? (frequent ? 'value' : 'develop') : (frequent ? 'keep' : 'win_back')));
  }
  return out;
}

function expected() {
  const rows = readOrders();
  const first = new Map(), last = new Map();
  for (const r of rows) {
    first.set(r.id, Math.min(first.get(r.id) ?? Infinity, r.day));
    last.set(r.id, Math.max(last.get(r.id) ?? -Infinity, r.day));
  }
  const asOf = Math.max(...last.values()) + 1; // 1998-07-01
  const cohorts = new Map(); // month → {size, buyers: Map(k → Set)}
  const months = new Map(); // month → {fresh:Set, back:Set}
  for (const r of rows) {
    const c = monthOf(first.get(r.id)), m = monthOf(r.day);
    if (!cohorts.has(c)) cohorts.set(c, { ids: new Set(), buyers: new Map() });
    const co = cohorts.get(c);
    co.ids.add(r.id);
    if (!co.buyers.has(m - c)) co.buyers.set(m - c, new Set());
    co.buyers.get(m - c).add(r.id);
    if (!months.has(m)) months.set(m, { fresh: new Set(), back: new Set() });
    months.get(m)[m === c ? 'fresh' : 'back'].add(r.id);
  }
  let churned = 0;
  for (const l of last.values()) churned += asOf - l >= 365;
  const earlier = asOf - 90;
  const before = segmentsAt(rows, earlier), now = segmentsAt(rows, asOf);
  let into = 0, out = 0, winBack = 0, baseIv = 0;
  for (const [id, seg] of now) {
    const was = before.get(id) || 'new';
    if (seg === 'important_value' && was !== 'important_value') into++;
    if (was === 'important_value') {
      baseIv++;
      if (seg !== 'important_value') out++;
      if (seg.endsWith('win_back')) winBack++;
    }
  }
  return { asOf, earlier, cohorts, months, churned, customers: last.size, into, out, winBack, baseIv, now, before };
}

const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const num = (text) => Number(text.replace(/[,\s]/g, ''));

test('CDNOW: the Health view shows the independent figures, exports them, and follows its settings', async () => {
  const x = expected();
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', cdnow);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#tab-health');
  assert.equal(await page.isVisible('#view-health'), true);
  assert.equal(await page.evaluate(() => document.body.dataset.healthState), 'done');

  // The sentences: migration from 1998-04-02 to 1998-07-01 and the churn rate.
  const b = async (name) => num(await page.textContent(`#health-sentences b[data-health="${name}"]`));
  assert.equal(await b('moved_into_important_value'), x.into);
  assert.equal(await b('left_important_value'), x.out);
  assert.equal(await b('important_value_before'), x.baseIv);
  assert.equal(await b('now_win_back'), x.winBack);
  assert.equal(await page.textContent('#health-sentences b[data-health="churn_rate"]'), pct(x.churned / x.customers));
  assert.equal(await b('customers_to_date'), x.customers);
  assert.match(await page.textContent('#health-migration-rule'), new RegExp(iso(x.earlier) + '.*' + iso(x.asOf)));

  // Cohorts: three (Jan–Mar 1997), sizes and month-1 shares; month 0 is 100%.
  const cohortRows = await page.$$eval('#health-cohort-table tbody tr', (rs) => rs.map((r) => r.dataset.cohort));
  assert.deepEqual(cohortRows, [...x.cohorts.keys()].sort((a, b) => a - b).map(label));
  for (const [month, co] of x.cohorts) {
    const row = `#health-cohort-table tr[data-cohort="${label(month)}"]`;
    assert.equal(num(await page.textContent(row + ' td[data-col="size"]')), co.ids.size);
    assert.equal(await page.textContent(row + ' td[data-k="0"]'), '100.0%');
    for (const k of [1, 6, 17 - (month - 1997 * 12)]) {
      const buyers = co.buyers.get(k)?.size || 0;
      assert.equal(await page.getAttribute(row + ` td[data-k="${k}"]`, 'data-buyers'), String(buyers), `${label(month)} k=${k}`);
      assert.equal(await page.textContent(row + ` td[data-k="${k}"]`), pct(buyers / co.ids.size));
    }
  }
  // The monthly table: 18 months; new and returning customers of a few; the last churn rate.
  const periods = await page.$$eval('#health-monthly-table tbody tr', (rs) => rs.map((r) => r.dataset.period));
  assert.equal(periods.length, 18);
  for (const month of [1997 * 12, 1997 * 12 + 2, 1997 * 12 + 5, 1998 * 12 + 5]) {
    const row = `#health-monthly-table tr[data-period="${label(month)}"]`;
    const m = x.months.get(month);
    assert.equal(num(await page.textContent(row + ' td[data-col="new_customers"]')), m.fresh.size, label(month));
    assert.equal(num(await page.textContent(row + ' td[data-col="returning_customers"]')), m.back.size, label(month));
  }
  assert.equal(await page.textContent('#health-monthly-table tr[data-period="1998-06"] td[data-col="churn_rate"]'), pct(x.churned / x.customers));
  // The migration matrix: the important-value column from every earlier segment.
  for (const from of ['important_develop', 'important_keep', 'general_value']) {
    let n = 0;
    for (const [id, seg] of x.now) n += seg === 'important_value' && x.before.get(id) === from;
    assert.equal(await page.getAttribute(`#health-matrix tr[data-from="${from}"] td[data-to="important_value"]`, 'data-n'), String(n), from);
  }
  for (const id of ['chart-health-customers', 'chart-health-churn', 'chart-health-cohorts', 'chart-health-sankey']) {
    const size = await page.$eval('#' + id + ' canvas', (c) => [c.width, c.height]);
    assert.ok(size[0] > 100 && size[1] > 100, `${id} rendered (${size})`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await artifact(page, 'huike-health.png');
  // The options: revenue per cohort customer, and the 11-segment grid (new + 11 rows).
  await page.selectOption('#health-measure', 'revenue');
  await page.selectOption('#health-scheme', 'grid');
  assert.equal(await page.$$eval('#health-matrix tbody tr', (rs) => rs.length), 12);
  assert.equal(await page.$$eval('#health-matrix thead th', (hs) => hs.length), 12);
  const gridTotal = await page.$$eval('#health-matrix td[data-n]', (cells) => cells.reduce((n, c) => n + Number(c.dataset.n), 0));
  assert.equal(gridTotal, x.customers);
  await page.selectOption('#health-scheme', 'eight');
  await page.selectOption('#health-measure', 'retention');

  // Exports: the cohort matrix and one row per customer with both segments.
  const save = async (button, name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = join(scratch, name);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    return { name: download.suggestedFilename(), lines: bytes.toString('utf8').slice(1).trim().split('\r\n') };
  };
  const cohortCsv = await save('#btn-health-cohorts-csv', 'cohorts.csv');
  assert.equal(cohortCsv.name, 'huike_cohorts_1998-07-01.csv');
  const jan = x.cohorts.get(1997 * 12);
  const janBuyers = Array.from({ length: 18 }, (_, k) => jan.buyers.get(k)?.size || 0).join(',');
  assert.ok(cohortCsv.lines.includes(`1997-01,${jan.ids.size},buyers,${janBuyers},no`), cohortCsv.lines[1]);
  const moves = await save('#btn-health-migration-csv', 'migration.csv');
  assert.equal(moves.name, `huike_migration_${iso(x.earlier)}_${iso(x.asOf)}.csv`);
  const header = moves.lines[0].split(',');
  assert.equal(moves.lines.length - 1, x.customers);
  // Chinese page, Chinese headers: customer_id, segment_eight_before, segment_eight.
  const [ci, bi, ai] = ['客户', '对比日八类分群代码', '八类分群代码'].map((k) => header.indexOf(k));
  for (const line of moves.lines.slice(1, 200)) {
    const cells = line.split(',');
    assert.equal(cells[bi], x.before.get(cells[ci]) || 'new', cells[ci]);
    assert.equal(cells[ai], x.now.get(cells[ci]), cells[ci]);
  }

  // Weekly: Monday 1996-12-30 to the week of 1998-06-30 (Monday 1998-06-29).
  await page.selectOption('#health-period', 'week');
  await page.waitForFunction(() => document.body.dataset.healthState === 'done' && document.querySelector('#health-monthly-table tbody tr')?.dataset.period === '1996-12-30');
  const weeks = (dayOf(1998, 6, 29) - dayOf(1996, 12, 30)) / 7 + 1;
  assert.equal(await page.$$eval('#health-monthly-table tbody tr', (rs) => rs.length), weeks);
  // An earlier date that is not before the analysis date is refused, in words.
  await page.fill('#health-compare', '1998-07-05');
  await page.dispatchEvent('#health-compare', 'change');
  await page.waitForFunction(() => document.body.dataset.healthState === 'error');
  assert.match(await page.textContent('#health-error'), /compare_as_of must be before the analysis date 1998-07-01/);
  // Another earlier date: the migration is recomputed from it.
  await page.fill('#health-compare', '1998-01-01');
  await page.dispatchEvent('#health-compare', 'change');
  await page.waitForFunction(() => document.body.dataset.healthState === 'done' && /1998-01-01/.test(document.querySelector('#health-migration-rule').textContent));
  const before = segmentsAt(readOrders(), dayOf(1998, 1, 1));
  let into = 0;
  for (const [id, seg] of x.now) into += seg === 'important_value' && before.get(id) !== 'important_value';
  assert.equal(await b('moved_into_important_value'), into);

  await page.selectOption('#lang', 'en');
  assert.match(await page.textContent('#tab-health'), /Customer health/);
  assert.match(await page.textContent('#health-sentences'), /moved into Important value/);
  await page.selectOption('#lang', 'zh-CN');

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});

// 48 monthly cohorts (2020-01 .. 2023-12) built so the answer is known by construction:
// 20 new customers a month (first purchase on day 1..20); customer i of a cohort buys again
// on day 10 of the month j months later when (i + j) % 4 == 0, so 5 of 20 (25%) every month.
// The last purchase is 2023-12-20, so the analysis date is 2023-12-21: December has not ended.
test('48 cohorts: the heatmap grows with them, tooltips give count and share, the last diagonal is marked', async () => {
  const lines = ['customer_id,order_date,amount'];
  const pad = (n) => String(n).padStart(2, '0');
  for (let m = 0; m < 48; m++) {
    for (let i = 0; i < 20; i++) {
      const id = `c${pad(m)}_${pad(i)}`;
      const ym = (k) => `${2020 + Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
      lines.push(`${id},${ym(m)}-${pad(i + 1)},100`);
      for (let j = 1; m + j < 48; j++) if ((i + j) % 4 === 0) lines.push(`${id},${ym(m + j)}-10,50`);
    }
  }
  const file = join(scratch, 'cohorts48.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', file);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#tab-health');
  const rows = await page.$$eval('#health-cohort-table tbody tr', (rs) => rs.map((r) => [r.dataset.cohort, r.querySelector('[data-col="size"]').textContent]));
  assert.equal(rows.length, 48);
  assert.deepEqual(rows[0], ['2020-01', '20']);
  assert.deepEqual(rows[47], ['2023-12', '20']);
  for (const k of [1, 2, 30, 46]) assert.equal(await page.textContent(`#health-cohort-table tr[data-cohort="2020-01"] td[data-k="${k}"]`), '25.0%');
  assert.equal(await page.getAttribute('#health-cohort-table tr[data-cohort="2020-01"] td[data-k="47"]', 'data-buyers'), '5');
  assert.match(await page.textContent('#health-cohorts-incomplete'), /2023-12/);
  const box = await page.$eval('#chart-health-cohorts', (n) => n.getBoundingClientRect().toJSON());
  assert.ok(box.height >= 48 * 18, `the heatmap is ${box.height}px high for 48 rows`);
  // Hover a cell: the tooltip names the cohort and month and gives buyers / size (share).
  await page.$eval('#chart-health-cohorts', (n) => n.scrollIntoView());
  const at = await page.$eval('#chart-health-cohorts', (n) => n.getBoundingClientRect().toJSON());
  await page.mouse.move(at.x + at.width * 0.3, at.y + at.height * 0.3);
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-health-cohorts div')].some((d) => /\d+ \/ 20 \(\d+\.\d%\)/.test(d.textContent)));
  const tip = await page.$$eval('#chart-health-cohorts div', (ds) => ds.map((d) => d.textContent).find((x) => /\/ 20 \(/.test(x)));
  assert.match(tip, /^20\d\d-\d\d · 第 \d+ 月购买人数 (5 \/ 20 \(25\.0%\)|20 \/ 20 \(100\.0%\))/);
  // Each month: 20 new customers; from the second month on, 5 returning per earlier cohort.
  assert.equal(await page.textContent('#health-monthly-table tr[data-period="2021-01"] td[data-col="new_customers"]'), '20');
  assert.equal(await page.textContent('#health-monthly-table tr[data-period="2021-01"] td[data-col="returning_customers"]'), String(12 * 5));
  await artifact(page, 'huike-health-48-cohorts.png');
  assert.deepEqual(problems, []);
  await page.close();
});

// A portal's <huike-report view="health"> under the example's strict CSP: the tab, the
// sentences and the charts in the element's shadow DOM, and the embed's healthCsv export.
test('<huike-report view="health"> in a strict-CSP portal page', async () => {
  const server = await serve(dist);
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(server.url + '/component-example.html');
  // The hand-made shop of tests/cpp/health_test.cpp: from 2024-04-20 to 2024-05-11 A moves
  // into Important value (from General value) and E leaves it (to Important keep).
  const shown = await page.evaluate(async () => {
    const el = document.createElement('huike-report');
    el.setAttribute('view', 'health');
    document.body.append(el);
    const csv = 'customer_id,order_date,amount\nA,2024-01-05,100\nE,2024-01-10,300\nA,2024-01-20,30\nB,2024-01-31,50\n' +
      'B,2024-02-01,20\nE,2024-02-15,200\nA,2024-04-10,40\nC,2024-04-15,60\nE,2024-04-18,50\nD,2024-05-03,10\n' +
      'B,2024-05-03,125\nA,2024-05-10,80\n';
    await el.analyze(new Blob([csv]), { compare_as_of: '2024-04-20' });
    const s = el.shadowRoot;
    await new Promise((r) => setTimeout(r, 300));
    const b = (name) => s.querySelector(`#health-sentences b[data-health="${name}"]`)?.textContent;
    const { createAnalyzer } = await import('/huike-embed.mjs');
    const analyzer = createAnalyzer();
    await analyzer.analyze(csv);
    const cohorts = (await (await analyzer.healthCsv('cohorts')).text()).split('\r\n')[1];
    const moves = (await (await analyzer.healthCsv('migration', { compare_as_of: '2024-04-20' })).text()).split('\r\n');
    analyzer.dispose();
    return {
      cohorts,
      moveOfD: moves.find((line) => line.startsWith('D,')).split(',').slice(0, 3).join(','),
      tabs: [...s.querySelectorAll('.tabs .tab')].filter((t) => !t.hidden).map((t) => t.dataset.view),
      into: b('moved_into_important_value'),
      left: b('left_important_value'),
      months: [...s.querySelectorAll('#health-monthly-table tbody tr')].map((r) => r.dataset.period),
      canvas: !!s.querySelector('#chart-health-sankey canvas'),
      violations: window.__violations,
    };
  });
  // Jan cohort A, B, E: 3 buyers in January, B and E in February, none in March, A and E in
  // April, A and B in May (the same figures as tests/cpp/health_test.cpp); D is new.
  assert.deepEqual(shown, { cohorts: '2024-01,3,buyers,3,2,0,2,2,yes', moveOfD: 'D,new,general_develop', tabs: ['health'], into: '1', left: '1', months: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'], canvas: true, violations: [] });
  assert.deepEqual(problems, []);
  await page.close();
  await server.close();
});
