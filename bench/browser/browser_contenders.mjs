// Each browser contender, one fresh Chromium per contender and one fresh page per run: the
// time from the picked File to the finished result (measured in the page), and the growth of
// the browser's resident memory (all its processes, /proc) over the run.
import { launch } from '../../tests/browser/browser_env.mjs';
import { chromiumChildren, sampleGrowth } from './process_memory.mjs';

const LONG = 60 * 60 * 1000;

// Huike's own page (dist/huike.html): the worker and engine a shop owner's tab uses, from the
// file input's change event to the report on screen (body[data-state=done]).
async function huikeRun(page, baseUrl, file) {
  await page.goto(`${baseUrl}/huike/huike.html`);
  await page.waitForFunction(() => document.body.dataset.engine === 'ready', null, { timeout: 120000 });
  await page.evaluate(() => {
    const marks = (window.__bench = {});
    document.getElementById('file-input').addEventListener('change', () => (marks.start = performance.now()), { capture: true });
    new MutationObserver(() => {
      const s = document.body.dataset.state;
      if ((s === 'done' || s === 'error') && !marks.end) marks.end = performance.now();
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
  const memory = sampleGrowth(chromiumChildren());
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => window.__bench.end, null, { timeout: LONG, polling: 100 });
  const mem = memory.stop();
  const r = await page.evaluate(() => {
    const metric = (name) => Number(document.querySelector(`[data-metric="${name}"]`)?.dataset.value);
    return {
      ms: window.__bench.end - window.__bench.start,
      state: document.body.dataset.state,
      error: document.querySelector('#error-code')?.textContent || '',
      engineMs: Number(document.body.dataset.engineMs),
      workerMs: Number(document.body.dataset.workerMs),
      checksum: { customers: metric('customers'), orders: metric('orders'), spend_cents: Math.round(metric('revenue') * 100) },
    };
  });
  if (r.state !== 'done') throw new Error(`Huike's page ended in ${r.state} ${r.error}`);
  return { ...r, growth: mem.growth, rerunMs: await rerunMs(page) };
}

// Then a changed setting (the churn window, in the settings panel): from the page's
// request to the re-rendered report (data-state running → done), the settings' debounce left out.
async function rerunMs(page) {
  await page.evaluate(() => {
    const marks = (window.__rerun = {});
    new MutationObserver(() => {
      const s = document.body.dataset.state;
      if (s === 'running' && !marks.start) marks.start = performance.now();
      if (s === 'done' && marks.start && !marks.end) marks.end = performance.now();
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.click('#btn-settings');
  await page.fill('#set-churn-window', '300');
  await page.dispatchEvent('#set-churn-window', 'change');
  await page.waitForFunction(() => window.__rerun.end, null, { timeout: LONG, polling: 50 });
  return page.evaluate(() => window.__rerun.end - window.__rerun.start);
}

// The peers in bench/browser/page (bundled), the file picked into its input.
function peerRun(method, arg) {
  return async (page, baseUrl, file) => {
    await page.goto(`${baseUrl}/bench/index.html`);
    const init = method === 'duckdb' ? await page.evaluate(() => window.bench.duckdbInit()) : null;
    await page.setInputFiles('#file-input', file);
    const memory = sampleGrowth(chromiumChildren());
    const r = await page.evaluate(([m, a]) => window.bench[m](a), [method, arg]);
    return { ...r, init, growth: memory.stop().growth };
  };
}

export const CONTENDERS = {
  huike: { label: 'Huike page (full report)', run: () => huikeRun },
  duckdb: { label: 'DuckDB-WASM `eh` (RFM SQL)', run: () => peerRun('duckdb'), utf8Only: true },
  papaparse: { label: 'PapaParse + JS', run: (encoding) => peerRun('papaparse', encoding) },
  blob: { label: 'blob read alone', run: () => peerRun('blob') },
};

// `runs` runs of one contender on one file; every run's figures.
export async function runContender(name, baseUrl, file, encoding, runs) {
  const run = CONTENDERS[name].run(encoding === 'gbk' ? 'gbk' : 'utf-8');
  const browser = await launch();
  try {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(LONG);
      try {
        results.push(await run(page, baseUrl, file));
      } finally {
        await page.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}
