// Browser benchmark (not part of the tests): times the page's engine in headless Chromium from
// a picked File to the finished report, on generated order files, and prints MB/s and the
// peak memory of the tab's renderer process (VmHWM: the worker and its wasm heap live there).
// Usage: node web/bench.mjs [--rows 1000000,5000000] [--dir build-bench]
// Files come from `build/gen_orders --rows N --out FILE` when the lead's generator is built,
// else from the small generator below. Needs dist/ (npm run build).
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { launch, dist, root, cliPath } from '../tests/browser/browser_env.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rowCounts = arg('--rows', '1000000,5000000').split(',').map(Number);
const dir = resolve(root, arg('--dir', 'build-bench'));
const genOrders = join(root, 'build/gen_orders');

// One row per order line: customer, order id, timestamp, amount, status; ~55 bytes a row.
async function generate(rows, file) {
  let seed = rows;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? null : new Promise((r) => out.once('drain', r)));
  await write('customer_id,order_id,order_date,amount,status\n');
  const customers = Math.max(10, Math.floor(rows / 6));
  const start = Date.UTC(2022, 0, 1);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(Math.pow(rand(), 1.6) * customers); // some customers buy far more often
    const d = new Date(start + Math.floor(rand() * 1095) * 86400000 + Math.floor(rand() * 86400) * 1000);
    const amount = (5 + rand() * rand() * 400).toFixed(2);
    const status = rand() < 0.04 ? 'refunded' : 'paid';
    batch += `C${String(c).padStart(7, '0')},${100000000 + i},${d.toISOString().slice(0, 19).replace('T', ' ')},${amount},${status}\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise((r) => out.end(r));
}

async function orderFile(rows) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `orders_${rows}.csv`);
  if (existsSync(file)) return file;
  if (existsSync(genOrders)) execFileSync(genOrders, ['--rows', String(rows), '--out', file], { stdio: 'inherit' });
  else await generate(rows, file);
  return file;
}

// Peak resident memory (VmHWM) of each renderer process under the browser, in bytes.
function rendererPeaks() {
  const peaks = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes('huike-chromium-')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peaks.push(Number(hwm[1]) * 1024);
    } catch {
      /* the process ended */
    }
  }
  return peaks;
}

async function benchOne(rows) {
  const file = await orderFile(rows);
  const bytes = statSync(file).size;
  // The profile path (huike-chromium-*) marks this run's processes for rendererPeaks().
  const browser = await launch(['--renderer-process-limit=1']);
  try {
    const page = await browser.context.newPage();
    await page.goto('file://' + join(dist, 'huike.html'));
    await page.waitForFunction(() => document.body.dataset.engine === 'ready');
    await page.evaluate(() => {
      window.__bench = {};
      new MutationObserver(() => {
        const s = document.body.dataset.state;
        if (!window.__bench[s]) window.__bench[s] = performance.now();
      }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, ...rendererPeaks())), 250);
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.__bench.done || window.__bench.error, null, { timeout: 30 * 60 * 1000, polling: 200 });
    clearInterval(sampler);
    peak = Math.max(peak, ...rendererPeaks());
    const result = await page.evaluate(() => ({
      ...window.__bench,
      customers: document.querySelector('[data-metric="customers"]').dataset.value,
      engineMs: Number(document.body.dataset.engineMs),
      workerMs: Number(document.body.dataset.workerMs),
      error: document.querySelector('#error-code').textContent,
    }));
    if (!result.done) throw new Error(`analysis failed: ${result.error}`);
    const seconds = (result.done - result.running) / 1000;
    // Predictions (BG/NBD, MBG/NBD, Pareto/NBD compared + Gamma-Gamma, per-customer values, charts) on the same customers.
    const predictSeconds = await page.evaluate(async () => {
      const t0 = performance.now();
      document.getElementById('btn-predict').click();
      while (!['done', 'error'].includes(document.body.dataset.predictState)) await new Promise((r) => setTimeout(r, 20));
      return document.body.dataset.predictState === 'done' ? (performance.now() - t0) / 1000 : NaN;
    });
    return { rows, bytes, seconds, mbps: bytes / (1 << 20) / seconds, peak, customers: Number(result.customers), engineSeconds: result.engineMs / 1000, workerSeconds: result.workerMs / 1000, predictSeconds };
  } finally {
    await browser.close();
  }
}

function nativeSeconds(file) {
  if (!existsSync(cliPath)) return null;
  const t0 = process.hrtime.bigint();
  execFileSync(cliPath, ['analyze', file], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

if (!existsSync(join(dist, 'huike.html'))) {
  console.error('dist/huike.html missing: npm run build');
  process.exit(1);
}
const mb = (n) => (n / (1 << 20)).toFixed(0) + ' MiB';
for (const rows of rowCounts) {
  const r = await benchOne(rows);
  const native = nativeSeconds(join(dir, `orders_${rows}.csv`));
  console.log(
    `${rows.toLocaleString('en')} rows, ${mb(r.bytes)}: ${r.seconds.toFixed(2)} s in the page, ${r.mbps.toFixed(0)} MB/s ` +
      `(worker ${r.workerSeconds.toFixed(2)} s, of which engine ${r.engineSeconds.toFixed(2)} s); ` +
      `peak tab memory ${mb(r.peak)}; ${r.customers.toLocaleString('en')} customers, predictions ${r.predictSeconds.toFixed(2)} s` +
      (native ? `; native CLI ${native.toFixed(2)} s (${(r.bytes / (1 << 20) / native).toFixed(0)} MB/s)` : '')
  );
}
