// One native DuckDB run (npm @duckdb/node-api) of the benchmark SQL over FILE with THREADS
// threads, in its own process so its peak memory is its own; prints one JSON line.
// Usage: node bench/browser/duckdb_native.mjs FILE THREADS
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { rfmSql } from './rfm_checksum.mjs';

const [file, threads = '1'] = process.argv.slice(2);
const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))[1]);
const before = kb('VmRSS');
const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const row = (await connection.runAndReadAll(rfmSql(file.replaceAll("'", "''")))).getRowObjectsJS()[0];
const ms = performance.now() - t0;
const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
connection.closeSync();
console.log(JSON.stringify({
  ms,
  peakBytes: kb('VmHWM') * 1024,
  growthBytes: (kb('VmHWM') - before) * 1024,
  version,
  checksum: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])),
}));
