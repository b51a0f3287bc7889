// Issue 11 on the page: the mapping panel offers the identity choice on the WooCommerce guest
// export, e-mail re-reads the file (customers 5 → 4, by hand in tests/cpp/identity_choice_test.cpp),
// and the customer list and its CSV (zh-CN page) carry phone and e-mail under Chinese headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, root, waitForState, headline } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-identity-'));
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('identity choice in the mapping panel; contact columns in the list and the zh-CN CSV', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pageUrl);
  await page.setInputFiles('#file-input', join(root, 'tests/fixtures/woocommerce_guests.csv'));
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  assert.equal((await headline(page)).customers.value, 5);

  await page.click('#btn-show-mapping');
  const options = await page.$$eval('#map-identity option', (list) => list.map((o) => o.value));
  assert.deepEqual(options, ['auto', 'id', 'email', 'phone', 'name']);
  const explained = await page.textContent('#mapping-identity');
  assert.match(explained, /customer_user 的 0 是游客占位编号/);
  assert.match(explained, /3 行按邮箱、1 行按手机/);

  await page.selectOption('#map-identity', 'email');
  await page.click('#btn-rerun');
  await page.waitForFunction(() => document.querySelector('[data-metric="customers"]')?.dataset.value === '4');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');

  // high_spend: ceil(0.2 × 4 window buyers) = 1, the top spender ann@ (50 + 70).
  await page.click('#tab-members');
  await page.click('#view-members [data-tier="high_spend"] button');
  await page.waitForFunction(() => document.querySelectorAll('#customers-table tbody tr').length === 1);
  const cells = await page.$$eval('#customers-table tbody tr td', (list) => list.slice(0, 3).map((c) => c.textContent));
  assert.deepEqual(cells, ['ann@example.com', '555-0101', 'ann@example.com']);
  const heads = await page.$$eval('#customers-table thead th', (list) => list.slice(0, 3).map((c) => c.textContent.trim()));
  assert.deepEqual(heads.slice(1), ['手机', '邮箱']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export')]);
  const file = join(scratch, 'list.csv');
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').split('\r\n');
  assert.ok(lines[0].startsWith('\uFEFF客户,手机,邮箱,最近购买距今天数,'), lines[0]);
  assert.ok(lines[1].startsWith('ann@example.com,555-0101,ann@example.com,'), lines[1]);
  assert.deepEqual(problems, []);
  await page.close();
});
