// The data warnings on the page: a file with one 1900 date among 2024 orders shows the
// outlier-date warning (its line, the rule with its setting) on the overview and next to the
// predict button; "Apply" re-reads with the suggested date range, and the warning is gone.
// In Chinese mode the same warning is in Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, waitForState, nativeReport } from './browser_env.mjs';

const HAN = /[\u4e00-\u9fff]/;
let browser;
let scratch;
let file;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-warnings-'));
  // 30 orders of 10 customers in 2024 (lines 2-31), and one dated 1900-01-05 on line 32.
  const rows = ['customer_id,order_id,order_date,amount'];
  for (let i = 0; i < 30; ++i) rows.push(`c${i % 10},o${i},2024-0${1 + (i % 6)}-1${i % 10},${20 + i}.50`);
  rows.push('c3,o30,1900-01-05,99.00');
  file = join(scratch, 'outlier.csv');
  writeFileSync(file, rows.join('\n') + '\n');
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('an outlier date is warned about on the overview and before predicting; Apply leaves it out', async () => {
  const native = nativeReport(file).report.warnings.items.map((w) => w.code);
  assert.deepEqual(native, ['W_OUTLIER_DATES']); // the CLI agrees there is exactly this one
  const page = await browser.context.newPage();
  await page.goto('file://' + join(dist, 'huike.html'));
  await page.selectOption('#lang', 'en');
  await page.setInputFiles('#file-input', file);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const warning = '#view-overview .dwarn-item[data-code="W_OUTLIER_DATES"]';
  assert.equal(await page.isVisible(warning), true);
  const text = await page.textContent(warning);
  assert.match(text, /Orders dated before \d{4}-\d\d-\d\d: 1; after \d{4}-\d\d-\d\d: 0 /);
  assert.match(text, /32/); // its line
  assert.match(text, /1 January 1990/); // the rule with its setting's value
  await page.click('#tab-predict');
  assert.equal(await page.isVisible('#predict-warnings .dwarn-item[data-code="W_OUTLIER_DATES"]'), true);
  await page.click('#tab-overview');

  await page.click(warning + ' .dwarn-apply');
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.waitForFunction(() => !document.querySelector('#view-overview .dwarn-item[data-code="W_OUTLIER_DATES"]'));
  assert.equal(await page.getAttribute('[data-metric="orders"]', 'data-value'), '30');
  await page.close();
});

test('zh-CN: the outlier-date warning in Chinese', async () => {
  const page = await browser.context.newPage();
  await page.goto('file://' + join(dist, 'huike.html'));
  await page.selectOption('#lang', 'zh-CN');
  await page.setInputFiles('#file-input', file);
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const text = await page.textContent('#view-overview .dwarn-item[data-code="W_OUTLIER_DATES"]');
  assert.match(text, /离群日期/);
  assert.match(text, HAN);
  assert.match(text, /第 32 行/);
  await page.close();
});
