// The benchmark of issue 14 (not a test): generated order files (build/gen_orders), Huike's
// page and its peers in Debian's Chromium (playwright-core), and natively Huike's CLI against
// DuckDB (@duckdb/node-api); writes bench/out/issue14_<date>.md and prints it.
// Usage: npm run bench -- [--rows 1000000,10000000] [--files en-utf8,zh-utf8,zh-gbk] [--runs 3]
//          [--contenders huike,duckdb,papaparse,blob] [--native huike,duckdb] [--threads 1|2] [--big]
// --threads: natively, both contenders at that thread count (default 1). --big adds the
// 65M-row (5 GB) file. Needs build/ (scripts/build) and dist/ (npm run build).
import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { root, dist, cliPath, chromiumPath } from '../../tests/browser/browser_env.mjs';
import { CONTENDERS, runContender } from './browser_contenders.mjs';
import { huikeCli, duckdbNode } from './native.mjs';
import { markdown, referenceChecksum } from './table.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rowCounts = arg('--rows', '1000000,10000000').split(',').map(Number).concat(process.argv.includes('--big') ? [65000000] : []);
const fileKinds = arg('--files', 'en-utf8,zh-utf8,zh-gbk').split(',');
const runs = Number(arg('--runs', '3'));
const threads = Number(arg('--threads', '1')); // natively, both contenders: 1 or 2
const threadWord = `${threads} thread${threads > 1 ? 's' : ''}`;
const browserNames = arg('--contenders', 'huike,duckdb,papaparse,blob').split(',').filter((n) => n && n !== 'none'); // --contenders none: native only
const nativeNames = arg('--native', 'huike,duckdb').split(',').filter((n) => n && n !== 'none'); // --native none: none
const out = join(root, 'bench/out');
const genOrders = join(root, 'build/gen_orders');
const SEED = 14;

const needed = [[genOrders, 'scripts/build'], [cliPath, 'scripts/build']];
if (browserNames.includes('huike')) needed.push([join(dist, 'huike.html'), 'npm run build']);
for (const [path, how] of needed) {
  if (!existsSync(path)) throw new Error(`${path} missing: ${how}`);
}

function orderFile(rows, kind) {
  const [lang, encoding] = kind.split('-');
  const file = join(out, `issue14_${rows}_${kind}.csv`);
  if (!existsSync(file)) {
    console.error(`generating ${file}`);
    execFileSync(genOrders, ['--rows', String(rows), '--lang', lang, '--encoding', encoding, '--seed', String(SEED), '--out', file], { stdio: 'inherit' });
  }
  return { file, rows, kind, encoding, label: kind, bytes: statSync(file).size, browser: {}, native: {} };
}

// The peers' page: contenders.mjs bundled (DuckDB-WASM imports apache-arrow by bare name).
async function buildPeerPage() {
  const page = join(out, 'page');
  mkdirSync(page, { recursive: true });
  await build({ entryPoints: [join(root, 'bench/browser/page/contenders.mjs')], bundle: true, format: 'iife', outfile: join(page, 'contenders.js'), logLevel: 'warning' });
  copyFileSync(join(root, 'bench/browser/page/index.html'), join(page, 'index.html'));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const MOUNTS = { '/bench/': join(out, 'page'), '/duckdb/': join(root, 'node_modules/@duckdb/duckdb-wasm/dist'), '/huike/': dist };

// The pages and contenders on 127.0.0.1 (the order files reach the pages as picked Files).
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = Object.keys(MOUNTS).find((m) => path.startsWith(m));
    const file = mount && join(MOUNTS[mount], normalize(path.slice(mount.length)));
    if (!file || !file.startsWith(MOUNTS[mount]) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

const packageVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const chromiumVersion = () => execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const cpuModel = () => /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
const memoryGb = () => Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) / 1e6);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const loadBefore = load();
await buildPeerPage();
const { url, server } = await serve();
const files = [];
try {
  for (const rows of rowCounts) {
    for (const kind of fileKinds) {
      const f = orderFile(rows, kind);
      files.push(f);
      for (const name of browserNames) {
        if (CONTENDERS[name].utf8Only && f.encoding !== 'utf8') {
          f.browser[name] = { skipped: 'n/a (no GBK without the encodings extension)' };
          continue;
        }
        console.error(`${f.label} ${rows}: ${name} in the browser`);
        try {
          f.browser[name] = { runs: await runContender(name, url, f.file, f.encoding, runs) };
        } catch (e) {
          f.browser[name] = { error: String(e.message || e).split('\n')[0].slice(0, 120) };
        }
      }
      for (const name of nativeNames) {
        if (name === 'duckdb' && f.encoding !== 'utf8') {
          f.native[name] = { skipped: 'n/a (no GBK)' };
          continue;
        }
        console.error(`${f.label} ${rows}: ${name} natively`);
        const once = name === 'huike' ? () => huikeCli(cliPath, f.file, threads) : () => duckdbNode(f.file, threads);
        try {
          f.native[name] = { native: true, runs: Array.from({ length: runs }, once) };
        } catch (e) {
          f.native[name] = { error: String(e.message || e).split('\n')[0].slice(0, 120) };
        }
      }
      f.reference = referenceChecksum([...Object.values(f.browser), ...Object.values(f.native)].flatMap((e) => e.runs || []));
    }
  }
} finally {
  server.close();
}

const duckNative = files.flatMap((f) => f.native.duckdb?.runs || [])[0]?.version;
const duckWasm = files.flatMap((f) => f.browser.duckdb?.runs || [])[0]?.init?.version;
const meta = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: `${cpus().length} × ${cpuModel()} (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${memoryGb()} GB RAM, shared with other work`,
  loadBefore,
  loadAfter: load(),
  runs,
  versions: [`${chromiumVersion()} headless`, `node ${process.versions.node}`, `@duckdb/duckdb-wasm ${packageVersion('@duckdb/duckdb-wasm')}${duckWasm ? ` (${duckWasm})` : ''}`,
    `papaparse ${packageVersion('papaparse')}`, `@duckdb/node-api ${packageVersion('@duckdb/node-api')}${duckNative ? ` (DuckDB ${duckNative}, ${threadWord})` : ''}`,
    `Huike ${execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`].join(', '),
};
const labels = Object.fromEntries(Object.entries(CONTENDERS).map(([k, v]) => [k, v.label]));
const nativeLabels = { huike: `Huike CLI \`huike analyze\` (${threadWord})`, duckdb: `DuckDB node-api (RFM SQL, ${threadWord})` };
const table = markdown({ files, browserNames, labels, nativeNames, nativeLabels, meta });
const report = join(out, `issue14_${meta.date.slice(0, 10)}.md`);
writeFileSync(report, table);
writeFileSync(join(out, `issue14_${meta.date.slice(0, 10)}.json`), JSON.stringify(files.map(({ file, ...f }) => f), null, 1));
console.log(table);
console.error(`written to ${report}`);
