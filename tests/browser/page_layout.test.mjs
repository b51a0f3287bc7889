// Layout checks a shop owner notices at once: a large shop's figures must stay whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, waitForState } from './browser_env.mjs';

let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-layout-'));
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('a 10-digit revenue is shown whole at 1360 px and at 390 px', async () => {
  // Two customers, 1,234,567,890.12 + 9,000,000,000.00 = 10,234,567,890.12 of revenue.
  const file = join(scratch, 'big_shop.csv');
  writeFileSync(file, 'customer_id,order_id,order_date,amount\nA,1,2024-01-01,1234567890.12\nB,2,2024-02-01,9000000000\n');
  for (const width of [1360, 390]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto('file://' + join(dist, 'huike.html'));
    await page.setInputFiles('#file-input', file);
    assert.equal(await waitForState(page, ['done', 'error']), 'done');
    const cell = await page.$eval('[data-metric="revenue"]', (n) => ({
      text: n.textContent,
      value: Number(n.dataset.value),
      fits: n.scrollWidth <= n.clientWidth,
    }));
    assert.equal(cell.value, 10234567890.12);
    assert.match(cell.text.replace(/[^\d]/g, ''), /^1023456789012$/, cell.text); // every digit on screen
    assert.ok(cell.fits, `revenue "${cell.text}" cut off at ${width} px`);
    await page.close();
  }
});
