// The native contenders on the same file: Huike's CLI (`huike analyze --threads N`) and DuckDB
// through @duckdb/node-api at the same thread count. Wall time of the whole run, peak RSS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// `huike analyze FILE` under /usr/bin/time for the peak RSS; the report gives the checksum.
export function huikeCli(cliPath, file, threads = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'huike-bench-'));
  try {
    const timeFile = join(dir, 'time');
    const t0 = performance.now();
    const out = execFileSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, cliPath, 'analyze', file, '--threads', String(threads)], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ms = performance.now() - t0;
    const totals = JSON.parse(out).totals;
    const peakBytes = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) * 1024;
    return { ms, peakBytes, checksum: { customers: totals.customers, orders: totals.orders, spend_cents: Math.round(totals.revenue * 100) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function duckdbNode(file, threads) {
  const out = execFileSync(process.execPath, [join(here, 'duckdb_native.mjs'), file, String(threads)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}
