// The Members and Win-back views on a small shop worked out by hand (below), opened from
// file://: the counts, revenue and shares on the cards, a changed setting, the tier's customer
// list, a GBK member list dropped as a second file, and the contact-plan export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, recordRequests, waitForState, artifact } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const memberList = join(root, 'tests/fixtures/member_lists/members_gbk.csv');
let browser;
let scratch;

// Orders "N days before" 2025-01-01 (the analysis date: the day after the last order, day 1).
//   window spend (R < 365): A 100 (50 day 70, 50 day 10 — a gap of exactly 60), B 80 (40 day 72,
//   40 day 11 — gap 61), C 80, D 70 (20 day 100, 25 day 40, 25 day 1 — gaps 60 and 39), E 70 (two
//   orders on day 5), F 50 (days 30, 20), G 40, H 30, I 20, J 10, L 15 → 11 window buyers,
//   565 in the window; K bought 1000 on day 400 only (sleeping).
// high_spend: ceil(0.2 × 11) = 3 → 100, 80, 80 = A, B, C: 3 customers, 260.00, 3/12 = 25.0%;
//   at 30%: ceil(3.3) = 4 → the 4th is 70, E ties → 5 customers, 400.00.
// high_loyalty: 50% of 565 = 282.5 reached at D (100+80+80+70); E ties → A..E; A (gap 60) and D
//   (gaps 60, 39) qualify: 2 customers, 170.00.
// high_unit_price: shop AOV 1565 / 18 = 86.94, × 2 = 173.89 → K only. Promotions (coupon not
//   empty/无/0): A 50, B 80, D 25, H 30, J 10 → ceil(0.2 × 5) = 1: top B, bottom J. churning:
//   only K is old enough, and K sleeps → 0. sleeping: K.
// Win-back: the shop's cycle is the mean of A 60, B 61, D 49.5, F 10 = 45.125 days; L (one order,
//   R 80 > 1.5 × 45.125) is at risk, K churned: 2 lapsed. Median of the 18 order values = (30 +
//   35) / 2 = 32.50: K (1000) light_high_value, L (15) light_low_value. K's phone → sms; L's
//   masked phone → platform message.
const ORDERS = [
  ['A', 1, 70, 50, ''], ['A', 2, 10, 50, 'SAVE10'], ['B', 3, 72, 40, '满减'], ['B', 4, 11, 40, '满减'], ['C', 5, 3, 80, '无'],
  ['D', 6, 100, 20, ''], ['D', 7, 40, 25, ''], ['D', 8, 1, 25, '-5'], ['E', 9, 5, 35, ''], ['E', 10, 5, 35, ''],
  ['F', 11, 30, 25, ''], ['F', 12, 20, 25, ''], ['G', 13, 9, 40, '0'], ['H', 14, 8, 30, 'SAVE'], ['I', 15, 7, 20, ''],
  ['J', 16, 6, 10, 'coupon'], ['K', 17, 400, 1000, '', '13800000017'], ['L', 18, 80, 15, '', '138****0018'],
];
const asOf = Date.UTC(2025, 0, 1);
const dayBefore = (n) => new Date(asOf - n * 86400000).toISOString().slice(0, 10);
const csv = 'customer,order_id,order_date,amount,coupon,phone\n' +
  ORDERS.map(([c, id, d, amount, coupon, phone = '']) => [c, id, dayBefore(d), amount, coupon, phone].join(',')).join('\n') + '\n';

before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-members-'));
  mkdirSync(join(root, 'test-artifacts'), { recursive: true });
  writeFileSync(join(scratch, 'shop.csv'), csv);
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

const cardText = (page, view, tier, selector) => page.textContent(`#view-${view} [data-tier="${tier}"] ${selector}`);
const count = async (page, view, tier) => Number(await page.getAttribute(`#view-${view} [data-tier="${tier}"] .tier-count`, 'data-count'));

test('Members and Win-back on a hand-worked shop: cards, a setting, the tier list, a GBK member list, the contact plan', async () => {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', join(scratch, 'shop.csv'));
  assert.equal(await waitForState(page, ['done', 'error']), 'done');

  await page.click('#tab-members');
  assert.equal(await page.isVisible('#view-members'), true);
  const expected = { high_spend: 3, high_unit_price: 1, high_loyalty: 2, promo_high_frequency: 1, promo_low_frequency: 1, churning: 0, sleeping: 1 };
  for (const [tier, n] of Object.entries(expected)) assert.equal(await count(page, 'members', tier), n, tier);
  assert.equal((await cardText(page, 'members', 'high_spend', '.tier-revenue')).trim(), '260.00');
  assert.equal((await cardText(page, 'members', 'high_spend', '.tier-share')).trim(), '25.0%');
  assert.equal((await cardText(page, 'members', 'high_loyalty', '.tier-revenue')).trim(), '170.00');
  // The rule in words with the setting's value, and the setting itself.
  assert.match(await cardText(page, 'members', 'high_spend', '.tier-rule'), /11 位客户中.*前20%/);
  assert.equal(await page.inputValue('#view-members [data-tier="high_spend"] [data-setting="high_spend_share"]'), '20');
  assert.match(await page.textContent('#members-window'), /365/);
  assert.equal(await page.textContent('#members-overlap [data-pair="high_spend|high_loyalty"]'), '1'); // A

  // 30%: 5 customers, 400.00 (recomputed on the orders in memory).
  await page.fill('#view-members [data-tier="high_spend"] [data-setting="high_spend_share"]', '30');
  await page.press('#view-members [data-tier="high_spend"] [data-setting="high_spend_share"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('#view-members [data-tier="high_spend"] .tier-count')?.dataset.count === '5');
  assert.equal((await cardText(page, 'members', 'high_spend', '.tier-revenue')).trim(), '400.00');
  assert.match(await cardText(page, 'members', 'high_spend', '.tier-rule'), /前30%/);

  // The tier's customers: the customer list of the overview, filtered to high_loyalty.
  await page.click('#view-members [data-tier="high_loyalty"] button');
  await page.waitForFunction(() => document.querySelectorAll('#customers-table tbody tr').length === 2);
  assert.deepEqual(await page.$$eval('#customers-table tbody td.id', (cells) => cells.map((c) => c.textContent).sort()), ['A', 'D']);
  assert.equal(await page.isVisible('#view-overview'), true);

  await page.click('#tab-winback');
  assert.match(await page.textContent('#winback-lapsed'), /流失客户 2 位/);
  assert.match(await page.textContent('#winback-lapsed'), /32\.50/);
  assert.equal(await count(page, 'winback', 'light_high_value'), 1);
  assert.equal(await count(page, 'winback', 'light_low_value'), 1);
  assert.equal(await count(page, 'winback', 'loyal_lapsed'), 0);
  assert.equal(await cardText(page, 'winback', 'light_high_value', '[data-channel="sms"]'), '1');
  assert.equal(await cardText(page, 'winback', 'light_low_value', '[data-channel="platform_message"]'), '1');
  assert.match(await cardText(page, 'winback', 'loyal_lapsed', '.tier-cap'), /最多触达 8 次.*至少 7 天/);
  assert.equal((await cardText(page, 'winback', 'light_high_value', '.tier-revenue')).trim(), '1,000.00');

  // The member list (GBK): none of its four ids bought here, so all four never ordered; three
  // have a phone (sms), one only an e-mail.
  await page.setInputFiles('#winback-members-input', memberList);
  await page.waitForFunction(() => document.querySelector('#view-winback [data-tier="members_no_order"] .tier-count')?.dataset.count === '4');
  assert.equal(await cardText(page, 'winback', 'members_no_order', '[data-channel="sms"]'), '3');
  assert.equal(await cardText(page, 'winback', 'members_no_order', '[data-channel="email"]'), '1');
  assert.match(await page.textContent('#winback-members-summary'), /6 行:4 位会员,其中 0 位有订单,4 位从未购买;订单中有 12 位客户不在名单里/);

  // The whole contact plan: K, L, then the four members; UTF-8 with BOM.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#winback-export-all')]);
  assert.match(download.suggestedFilename(), /^huike_winback_all_2025-01-01\.csv$/);
  const file = join(scratch, 'plan.csv');
  await download.saveAs(file);
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n').map((line) => line.split(','));
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[5]]), [
    ['light_high_value', 'K', 'sms'], ['light_low_value', 'L', 'platform_message'], ['members_no_order', 'L1', 'sms'],
    ['members_no_order', 'L2', 'sms'], ['members_no_order', 'M9', 'sms'], ['members_no_order', 'M10', 'email'],
  ]);

  await artifact(page, 'huike-winback.png');
  await page.click('#tab-members');
  await artifact(page, 'huike-members.png');
  await page.selectOption('#lang', 'en');
  assert.match(await cardText(page, 'members', 'high_spend', '.tier-rule'), /The top 30% of the 11 customers/);

  const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await page.close();
});
