// node bench/worker_run.mjs FILE… [NATIVE_REPORT_JSON]: the page's worker path under Node
// (web/worker/dispatcher.js with its default heap limits, the file as a Blob read in 4 MiB
// slices; several files are read as the page reads several, one after another): one engine
// or, for a file beyond one heap, two (split mode). Prints the time, the engines used, their
// heap and the report's totals; with a report of `huike analyze FILE`, whether the two
// reports are equal.
import { openSync, readSync, fstatSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, workerInThread } from '../tests/js/wasm_support.mjs';

const args = process.argv.slice(2);
const nativeReport = args.find((a) => a.endsWith('.json'));
const files = args.filter((a) => a !== nativeReport);
if (!files.length) throw new Error('usage: node bench/worker_run.mjs FILE... [NATIVE_REPORT_JSON]');
const createModule = createRequire(import.meta.url)(join(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));

let lastShown = 0;
const { ask: send } = workerInThread(createModule, {
  onProgress: (message) => {
    if (Date.now() - lastShown < 10000) return;
    lastShown = Date.now();
    console.log(`  read ${(message.payload.bytes / 2 ** 20).toFixed(0)} MB, ${message.payload.rows} rows`);
  },
});

// The file as the worker reads a File: size and slice(a, b).arrayBuffer(). (Node 20's
// fs.openAsBlob gives the size modulo 2^32 for a file past 4 GB.)
const fileBlob = (fd, start, end) => ({
  size: end - start,
  slice: (a, b) => fileBlob(fd, start + Math.min(a, end - start), start + Math.min(b, end - start)),  // clamped, as Blob.slice
  arrayBuffer: async () => {
    const bytes = new Uint8Array(end - start);
    for (let at = 0; at < bytes.length; ) at += readSync(fd, bytes, at, bytes.length - at, start + at);
    return bytes.buffer;
  },
});

const t0 = performance.now();
const sources = files.map((file) => {
  const fd = openSync(file, 'r');
  return fileBlob(fd, 0, fstatSync(fd).size);
});
const result = await send('ANALYZE', { sources, options: {} });
const seconds = ((performance.now() - t0) / 1000).toFixed(2);
if (result.type !== 'RESULT') {
  console.log(`failed after ${seconds} s: ${result.error.code}: ${result.error.message}`);
  process.exit(1);
}
const { report, rows, engines } = result.payload;
const memory = (await send('MEMORY')).payload;
const t = report.totals;
console.log(`${rows} rows in ${seconds} s with ${engines} engine(s), heap ${(memory.heapBytes / 2 ** 30).toFixed(2)} GB in all`);
console.log(`checksum: ${t.customers} customers, ${t.orders} orders, revenue ${t.revenue.toFixed(2)}`);
const t1 = performance.now();
const again = await send('REPORT', { options: { churn_window_days: 200 } });
console.log(`re-run (churn_window_days 200): ${((performance.now() - t1) / 1000).toFixed(2)} s, ${again.type}`);
if (nativeReport) {
  const same = isDeepStrictEqual(report, JSON.parse(readFileSync(nativeReport, 'utf8')));
  console.log(`report equal to the native one: ${same}`);
  if (!same) process.exit(1);
}
