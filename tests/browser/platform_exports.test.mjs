// Platform exports through the offline page (issue 11): the headline figures equal the
// ones worked out by hand (tests/cpp/platform_exports_test.cpp), with no mapping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, dist, root, waitForState, headline } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const fixture = (name) => join(root, 'tests/fixtures', name);
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

async function load(name) {
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', fixture(name));
  const state = await waitForState(page, ['done', 'error']);
  return { page, state };
}

// customers, orders, revenue by hand from each file's rows.
const HAND = {
  'woocommerce_guests.csv': [5, 7, 242.5],
  'woocommerce_aoe.csv': [3, 5, 233],
  'shopify_lines.csv': [3, 4, 270.5],
  'pinduoduo.csv': [4, 6, 309],
  'jd_pop.csv': [2, 4, 323],
  'douyin.csv': [3, 3, 248.6],
  'amazon_order_report.txt': [2, 3, 134.97],
  'square_fr_cp1252.csv': [2, 3, 1292],
};

test('platform exports show the hand-computed figures without any mapping', async () => {
  for (const [name, [customers, orders, revenue]] of Object.entries(HAND)) {
    const { page, state } = await load(name);
    assert.equal(state, 'done', name);
    const figures = await headline(page);
    assert.equal(figures.customers.value, customers, name);
    assert.equal(figures.orders.value, orders, name);
    assert.ok(Math.abs(figures.revenue.value - revenue) < 1e-9, `${name}: ${figures.revenue.value}`);
    await page.close();
  }
});

test("Amazon's All Orders report is refused, naming the report to export, in Chinese", async () => {
  const { page, state } = await load('amazon_all_orders.txt');
  assert.equal(state, 'error');
  assert.equal(await page.textContent('#error-code'), 'E_AMAZON_ALL_ORDERS');
  assert.match(await page.textContent('#error-title'), /订单报告/);
  await page.close();
});
