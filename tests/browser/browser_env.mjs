// Shared set-up for the browser tests and the benchmark: Debian's Chromium driven by
// playwright-core, a tiny static server, the native CLI's report.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = join(root, 'dist');

// A picture of the page for people (test-artifacts/NAME), not a check: the assertions check
// the page. A screenshot that times out on a loaded machine (seen once in CI, a full-page
// one after 30 s) is reported and the test goes on.
export async function artifact(page, name, { fullPage = true } = {}) {
  try {
    await page.screenshot({ path: join(root, 'test-artifacts', name), fullPage, timeout: 90000 });
  } catch (e) {
    console.error(`test-artifacts/${name} not taken: ${String(e.message).split('\n')[0]}`);
  }
}

export const sharedData = resolve(root, '../shared/data');
export const retailCsv = join(sharedData, 'online-retail-ii/online_retail_II_subset.csv');
export const cliPath = process.env.HUIKE_CLI || join(root, 'build/huike');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags a sandboxed, offline Chromium needs here (env notes): no sandbox as root, and no
// background networking, which this machine's closed network would refuse.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// A fresh profile per launch; close() removes it.
export async function launch(extraArgs = []) {
  const profile = mkdtempSync(join(tmpdir(), 'huike-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...FLAGS, ...extraArgs],
    acceptDownloads: true,
    viewport: { width: 1360, height: 900 },
    locale: 'zh-CN',
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript' };

// Serves `dir` on 127.0.0.1 (a free port); resolves to {url, close}.
export function serve(dir) {
  const server = createServer((req, res) => {
    let file = join(dir, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// {report} of `huike analyze FILE ARGS...`, or null when the CLI has not been built.
export function nativeReport(file, args = []) {
  // A cross-check never skips: without the CLI the test fails, here and in CI.
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath}): build it first (scripts/build) or set HUIKE_CLI`);
  return { report: JSON.parse(execFileSync(cliPath, ['analyze', file, ...args], { maxBuffer: 1 << 28, encoding: 'utf8' })) };
}

// {report} of `huike predict FILE ARGS...`, or null without the CLI.
export function nativePredict(file, args = []) {
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath})`);
  return { report: JSON.parse(execFileSync(cliPath, ['predict', file, ...args], { maxBuffer: 1 << 28, encoding: 'utf8' })) };
}

// Records every request a page makes, for the no-network checks.
export function recordRequests(page) {
  const seen = [];
  page.on('request', (request) => seen.push(request.url()));
  return seen;
}

// Waits for <body data-state> to become one of `states`.
export async function waitForState(page, states, timeout = 120000) {
  await page.waitForFunction((wanted) => wanted.includes(document.body.dataset.state), states, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

// The headline figures as the page holds them (data-value: the exact number behind the text).
export function headline(page) {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-metric]')].map((n) => [n.dataset.metric, { value: Number(n.dataset.value), text: n.textContent }]))
  );
}
