// The Reminders (回购提醒) and Products (商品角色) views, opened from file://, on hand-made
// files written below: every number checked on screen is worked out by hand in the comments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, recordRequests, waitForState, artifact } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-products-'));
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
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

/** The count shown after a rule (data-value holds the exact figure). */
const ruleCount = (page, selector) => page.$eval(selector, (n) => Number(n.dataset.value));
const waitForRule = (page, selector, value) =>
  page.waitForFunction(([s, v]) => { const n = document.querySelector(s); return n && n.dataset.value === String(v); }, [selector, value]);
const column = (page, table, col) => page.$$eval(`#${table} tbody tr td:nth-child(${col})`, (cells) => cells.map((c) => c.textContent));

// Analysis date: the day after G's 2024-02-29 purchase, 2024-03-01 (2024 is a leap year).
//   A: 3 Formula on 02-10; B: 1 Formula on 02-01 and 1 on 02-20; C: 2 Food on 01-20;
//   D: 4 Food on 01-25; E: Gift 01-01 and 02-10 (cycle 40); F: Gift 01-20 and 02-15 (cycle 26);
//   G: Gift 02-29 (one day). No product reaches 20 repeat customers: nothing is learned.
// Without a consumption table the rhythm covers B, E and F (2+ purchase days):
//   B: 02-20 + 19 = 03-10 (9 days ahead), F: 02-15 + 26 = 03-12 (11 ahead) → remind now 2
//   (reminders 03-03 and 03-05); E: 02-10 + 40 = 03-21, 20 ahead: not within 14.
// With the table (Formula 10 days a unit, Food 5): A 02-10 + 30 = 03-11 (reminder 03-04);
//   B's repurchase on 02-20 replaces 02-11: due 03-01, reminder 02-23 clamped to 03-01;
//   C 01-20 + 10 = 01-30 (31 days ago: past the 30-day window); D 01-25 + 20 = 02-14
//   (16 days ago: overdue). Remind now: B 03-01, A 03-04, F 03-05; overdue: D.
//   Table estimates A B C D = 4, rhythm E F = 2. With 31 overdue days C joins: overdue 2.
const REMINDER_ORDERS = 'customer,date,amount,product,quantity\n' +
  'A,2024-02-10,90,Formula,3\nB,2024-02-01,30,Formula,1\nB,2024-02-20,30,Formula,1\n' +
  'C,2024-01-20,20,Food,2\nD,2024-01-25,40,Food,4\nE,2024-01-01,15,Gift,1\nE,2024-02-10,15,Gift,1\n' +
  'F,2024-01-20,15,Gift,1\nF,2024-02-15,15,Gift,1\nG,2024-02-29,10,Gift,1\n';

test('Reminders: rhythm, then a dropped consumption table, a bad table with its line, a setting', async () => {
  const { page, requests, problems } = await openPage();
  const orders = join(scratch, 'reminder_orders.csv');
  writeFileSync(orders, REMINDER_ORDERS);
  await page.setInputFiles('#file-input', orders);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#tab-reminders');
  assert.equal(await page.isVisible('#view-reminders'), true);
  await waitForRule(page, '#remind-rules [data-rule="rhythm"]', 3);
  assert.equal(await ruleCount(page, '#remind-rules [data-rule="now"]'), 2);
  assert.equal(await ruleCount(page, '#remind-rules [data-rule="overdue"]'), 0);
  assert.match(await page.textContent('#remind-rules [data-rule="now"]'), /2024-03-01.*14.*7/);
  await page.waitForFunction(() => document.querySelectorAll('#remind-now-table tbody tr[data-customer]').length === 2);
  assert.deepEqual(await column(page, 'remind-now-table', 1), ['B', 'F']);
  assert.deepEqual(await column(page, 'remind-now-table', 7), ['2024-03-10', '2024-03-12']);
  assert.deepEqual(await column(page, 'remind-now-table', 8), ['2024-03-03', '2024-03-05']);

  // A table whose second line's days are not a number: the error names the line.
  const bad = join(scratch, 'bad_table.csv');
  writeFileSync(bad, 'product,days_per_unit\nFormula,ten\n');
  await page.setInputFiles('#remind-consumption-input', bad);
  await page.waitForFunction(() => document.getElementById('remind-error').textContent !== '');
  assert.match(await page.textContent('#remind-error'), /第 2 行/);

  const table = join(scratch, 'consumption.csv');
  writeFileSync(table, '商品名称,每件天数\nFormula,10\nFood,5\n');
  await page.setInputFiles('#remind-consumption-input', table);
  await waitForRule(page, '#remind-rules [data-rule="table"]', 4);
  assert.equal(await ruleCount(page, '#remind-rules [data-rule="rhythm"]'), 2);
  assert.equal(await ruleCount(page, '#remind-rules [data-rule="now"]'), 3);
  assert.equal(await ruleCount(page, '#remind-rules [data-rule="overdue"]'), 1);
  assert.match(await page.textContent('#remind-consumption-status'), /consumption\.csv.*2.*2/);
  await page.waitForFunction(() => document.querySelectorAll('#remind-now-table tbody tr[data-customer]').length === 3);
  assert.deepEqual(await column(page, 'remind-now-table', 1), ['B', 'A', 'F']);
  assert.deepEqual(await column(page, 'remind-now-table', 8), ['2024-03-01', '2024-03-04', '2024-03-05']);
  assert.deepEqual(await column(page, 'remind-now-table', 7), ['2024-03-01', '2024-03-11', '2024-03-12']);
  assert.deepEqual(await column(page, 'remind-overdue-table', 1), ['D']);
  assert.deepEqual(await column(page, 'remind-overdue-table', 7), ['2024-02-14']);
  const size = await page.$eval('#remind-chart canvas', (c) => [c.width, c.height]);
  assert.ok(size[0] > 100 && size[1] > 100, `chart rendered (${size})`);

  // The export: both lists, UTF-8 with BOM.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#remind-export')]);
  assert.equal(download.suggestedFilename(), 'huike_reminders_2024-03-01.csv');
  const file = join(scratch, 'reminders.csv');
  await download.saveAs(file);
  const csv = readFileSync(file);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(lines.length, 1 + 3 + 1);
  assert.equal(lines[2], 'remind_now,A,Formula,consumption_table,2024-02-10,3.00,10.00,,2024-03-11,2024-03-04,10,,,platform_message');

  // The overdue window is a setting: 31 days lets C in.
  await page.fill('#remind-overdue', '31');
  await page.dispatchEvent('#remind-overdue', 'change');
  await waitForRule(page, '#remind-rules [data-rule="overdue"]', 2);
  assert.match(await page.textContent('#remind-rules [data-rule="overdue"]'), /31/);
  await artifact(page, 'huike-reminders.png');

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});

// The shop of tests/cpp/product_roles_test.cpp plus z1's Gift Card (500 on 2024-12-31, one
// order: too few), so the analysis date is 2025-01-01. Classified P01-P10 (5+ orders):
//   revenue 1000 (Tea Gift Box) 800 (Cup) 800 (Teapot) 540 400 300 300 200 200 120;
//   first-order buyers 12 (Tea Towel) 10 (Sample Pack) 10 (Green Tea) 9 8 6 5 5 4 0;
//   unit price median (37.5 + 40) / 2 = 38.75.
// Default median over products with 10+ buyers (Sample Pack 0, Green Tea 0, Oolong 1/3,
//   Tea Towel 0) = 0: profit 3 (the two 800s tie at the 20% edge), traffic 3, potential 1
//   (Oolong +200%), edge 0 (nothing is below 0), regular 3, too few 2 (Tray, Gift Card).
// median_min_buyers 4: all ten count → (1/9 + 1/4) / 2 = 13/72 = 18.1%; Spoon (200, share 0)
//   becomes edge: edge 1, regular 2.
// Audience: median order value of the 104 orders = (35 + 37.5) / 2 = 36.25; d1-d10 (20,
//   churned, Sample Pack) and e1-e10 (30, churned, Green Tea) → 20.
function rolesCsv() {
  let csv = 'customer,date,amount,product,quantity\n';
  const rows = (letter, from, to, date, amount, product, quantity = 1) => {
    for (let i = from; i <= to; i++) csv += `${letter}${i},${date},${amount},${product},${quantity}\n`;
  };
  rows('a', 1, 5, '2024-01-10', 100, 'Tea Gift Box'); rows('a', 1, 5, '2024-03-10', 100, 'Tea Gift Box');
  rows('b', 1, 8, '2024-02-01', 80, 'Cup'); rows('b', 1, 2, '2024-04-01', 80, 'Cup');
  rows('c', 1, 4, '2024-01-15', 100, 'Teapot'); rows('c', 1, 4, '2024-04-15', 100, 'Teapot');
  rows('d', 1, 10, '2024-02-10', 20, 'Sample Pack', 2);
  rows('e', 1, 10, '2024-03-01', 30, 'Green Tea');
  rows('f', 1, 9, '2024-03-05', 54, 'Black Tea'); rows('f', 1, 1, '2024-05-05', 54, 'Black Tea');
  rows('g', 1, 12, '2024-01-05', 10, 'Tea Towel');
  rows('g', 1, 4, '2024-08-01', 25, 'Oolong'); rows('g', 1, 12, '2024-11-01', 25, 'Oolong');
  rows('h', 1, 5, '2024-05-01', 40, 'Spoon');
  rows('i', 1, 6, '2024-05-10', 37.5, 'Kettle'); rows('i', 1, 2, '2024-06-10', 37.5, 'Kettle');
  rows('j', 1, 4, '2024-06-01', 35, 'Tray');
  rows('z', 1, 1, '2024-12-31', 500, 'Gift Card');
  return csv;
}

test('Products: roles with their rules, a setting, the table, the matrix and the audience export', async () => {
  const { page, requests, problems } = await openPage();
  const orders = join(scratch, 'roles.csv');
  writeFileSync(orders, rolesCsv());
  await page.setInputFiles('#file-input', orders);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#tab-products');
  await waitForRule(page, '#products-rules [data-role="potential"]', 1);
  const counts = async () => page.$$eval('#products-rules li', (items) => Object.fromEntries(items.map((i) => [i.dataset.role, Number(i.dataset.value)])));
  assert.deepEqual(await counts(), { profit: 3, traffic: 3, potential: 1, edge: 0, regular: 3, too_few_orders: 2 });
  const profitRule = await page.textContent('#products-rules [data-role="profit"]');
  assert.match(profitRule, /20%/);
  assert.match(profitRule, /800\.00/);
  assert.match(await page.textContent('#products-rules [data-role="traffic"]'), /38\.75/);
  assert.equal(await page.$eval('#products-audience', (n) => n.dataset.value), '20');
  assert.match(await page.textContent('#products-audience'), /36\.25/);

  await page.fill('#products-median-buyers', '4');
  await page.dispatchEvent('#products-median-buyers', 'change');
  await waitForRule(page, '#products-rules [data-role="edge"]', 1);
  assert.deepEqual(await counts(), { profit: 3, traffic: 3, potential: 1, edge: 1, regular: 2, too_few_orders: 2 });
  assert.match(await page.textContent('#products-rules [data-role="profit"]'), /18\.1%/);

  // The table: by revenue; Cup's figures (10 orders, 800, 8 buyers all first-order, 2 of them
  // again: 25.0%, 80.00 a unit).
  await page.waitForFunction(() => document.querySelector('#products-table tbody tr[data-product="Cup"]'));
  const cup = await page.$$eval('#products-table tbody tr[data-product="Cup"] td', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(cup.slice(2), ['10', '10', '800.00', '8', '8', '25.0%', '25.0%', '80.00', '—']);
  assert.equal((await column(page, 'products-table', 1))[0], 'Tea Gift Box');
  await page.click('#products-table th[data-col="first_order_buyers"]');
  await page.waitForFunction(() => document.querySelector('#products-table tbody tr')?.dataset.product === 'Tea Towel');
  const size = await page.$eval('#products-chart canvas', (c) => [c.width, c.height]);
  assert.ok(size[0] > 100 && size[1] > 100, `matrix rendered (${size})`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#products-audience-export')]);
  assert.equal(download.suggestedFilename(), 'huike_audience_2025-01-01.csv');
  const file = join(scratch, 'audience.csv');
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').slice(1).trim().split('\r\n');
  assert.equal(lines.length, 21);
  assert.ok(lines.includes('d1,20.00,2024-02-10,326,churned,Sample Pack,,,platform_message'), lines.join('\n'));
  await artifact(page, 'huike-products.png');

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
