// Page fixes a shop owner hits at once (issues 11 and 13): the file button reached by Tab,
// a list opened from a status card not hidden under the sticky top bar (desktop and phone),
// Escape closing it, ids on one line, both churn figures explained with their settings, a
// prediction cancelled mid-fit leaving a working page, and a UTF-16 file explained in Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, dist, sharedData, waitForState } from './browser_env.mjs';

const pageUrl = 'file://' + join(dist, 'huike.html');
const HAN = /[\u4e00-\u9fff]/;
let browser;
let scratch;
before(async () => {
  browser = await launch();
  scratch = mkdtempSync(join(tmpdir(), 'huike-fixes-'));
});
after(async () => {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function openPage(width, lang = 'en') {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(pageUrl);
  await page.selectOption('#lang', lang);
  return page;
}

test('Tab reaches the file button, and Enter on it opens the file input', async () => {
  const page = await openPage(1360);
  const reached = [];
  for (let i = 0; i < 25 && reached.at(-1) !== 'btn-pick'; ++i) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement && document.activeElement.id));
  }
  assert.equal(reached.at(-1), 'btn-pick', 'Tab order: ' + reached.join(' '));
  // Enter on it clicks the (hidden) file input, which is what opens the file chooser.
  await page.evaluate(() => document.getElementById('file-input').addEventListener('click', (e) => {
    e.preventDefault();
    document.body.dataset.fileInputClicked = 'yes';
  }));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.dataset.fileInputClicked === 'yes', null, { timeout: 5000 });
  await page.close();
});

test('a list opened from a status card starts below the top bar at 1360 and 390 px; Escape closes it', async () => {
  // 40 customers with 20-character ids; A00 … A19 bought a year before the others.
  const rows = ['customer_id,order_id,order_date,amount'];
  for (let i = 0; i < 40; ++i) {
    const id = 'CUSTOMER-' + String(i).padStart(11, '0');
    rows.push(`${id},${i},${i < 20 ? '2023-01-0' + (1 + (i % 9)) : '2024-01-0' + (1 + (i % 9))},${10 + i}`);
  }
  const file = join(scratch, 'forty.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  for (const width of [1360, 390]) {
    const page = await openPage(width);
    await page.setInputFiles('#file-input', file);
    assert.equal(await waitForState(page, ['done', 'error']), 'done');
    // Scroll to the bottom first, so opening the list has to scroll up to it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // The status card with the most customers (which one depends on the rhythm rules).
    const status = await page.$$eval('#status-cards .status-card', (cards) =>
      cards.sort((a, b) => Number(b.querySelector('.status-count').textContent) - Number(a.querySelector('.status-count').textContent))[0].dataset.status);
    await page.click(`#status-cards .status-card[data-status="${status}"]`);
    await page.waitForSelector('#customers:not([hidden]) #customers-table tbody td.id');
    await page.waitForTimeout(900); // the smooth scroll
    const box = await page.evaluate(() => {
      const bar = document.querySelector('.topbar').getBoundingClientRect();
      const head = document.querySelector('#customers h2, #customers .card-head').getBoundingClientRect();
      const id = document.querySelector('#customers-table td.id');
      const range = document.createRange();
      range.selectNodeContents(id); // one client rect per line the id's text takes
      return { barBottom: bar.bottom, headTop: head.top, idLines: range.getClientRects().length };
    });
    assert.ok(box.headTop >= box.barBottom, `at ${width} px the list title (top ${box.headTop}) is under the top bar (bottom ${box.barBottom})`);
    assert.ok(box.idLines === 1, `at ${width} px a customer id takes ${box.idLines} lines`);
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#customers'), true, 'Escape did not close the list');
    // Both churn figures say their rule and setting: 20 customers with no purchase for 365+ days.
    const why = await page.textContent('#churn-why');
    assert.match(why, /365 days/);
    assert.match(why, /: 20 customers/);
    assert.match(await page.textContent('#status-churn-why'), /Churned multiplier” = 2/);
    await page.close();
  }
});

test('a prediction cancelled mid-fit: the page says so, re-reads the file, and predicts again', async () => {
  const page = await openPage(1360);
  await page.setInputFiles('#file-input', join(sharedData, 'cdnow/cdnowElog.csv'));
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  await page.click('#tab-predict');
  // Cancel in the same task as the start: the fit cannot have finished.
  await page.evaluate(() => {
    document.getElementById('btn-predict').click();
    document.getElementById('btn-predict-cancel').click();
  });
  await page.waitForFunction(() => document.body.dataset.predictState === 'cancelled');
  assert.match(await page.textContent('#predict-error'), /cancelled/);
  await page.waitForFunction(() => document.body.dataset.predictReread === 'done', null, { timeout: 60000 });
  await page.click('#btn-predict');
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.predictState), null, { timeout: 120000 });
  assert.equal(await page.evaluate(() => document.body.dataset.predictState), 'done', await page.textContent('#predict-error'));
  assert.equal(await page.isVisible('#predict-results'), true);
  await page.close();
});

test('zh-CN: a UTF-16 file gets a Chinese title and advice, the engine wording only as details', async () => {
  const page = await openPage(1360, 'zh-CN');
  const text = 'customer_id,order_date,amount\r\nA,2024-01-01,10\r\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await page.setInputFiles('#file-input', { name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16 });
  assert.equal(await waitForState(page, ['done', 'error']), 'error');
  assert.equal(await page.textContent('#error-code'), 'E_UTF16_FILE');
  assert.match(await page.textContent('#error-title'), HAN);
  assert.match(await page.textContent('#error-hint'), /另存为/);
  assert.match(await page.textContent('#error-message'), /^技术细节/);
  await page.close();
});

test('charts shrink with the window', async () => {
  const page = await openPage(1360);
  await page.setInputFiles('#file-input', join(sharedData, 'cdnow/cdnowElog.csv'));
  assert.equal(await waitForState(page, ['done', 'error']), 'done');
  const ids = ['chart-seg8', 'chart-recency', 'chart-cycle'];
  const widths = () => page.evaluate((list) => list.map((id) => {
    const box = document.getElementById(id);
    return { id, box: box.clientWidth, canvas: box.querySelector('canvas').getBoundingClientRect().width };
  }), ids);
  const wide = await widths();
  await page.setViewportSize({ width: 600, height: 800 });
  await page.waitForFunction((before) => before.every(({ id, canvas }) =>
    document.querySelector('#' + id + ' canvas').getBoundingClientRect().width < canvas), wide, { timeout: 5000 });
  for (const chart of await widths()) {
    assert.ok(chart.canvas <= chart.box + 1 && chart.box <= 600, `${chart.id}: ${JSON.stringify(chart)} at 600 px`);
  }
  // Every chart redraws on its own observer callback: the page stops scrolling sideways.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 600, null, { timeout: 5000 });
  await page.close();
});
