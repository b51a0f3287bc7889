// The peer contenders in the page, each from a picked File to its finished result; bundled
// by run.mjs with esbuild into contenders.js (DuckDB-WASM imports apache-arrow by bare name).
// Huike itself runs in its own page (dist/huike.html), the path a shop owner takes.
import * as duckdb from '@duckdb/duckdb-wasm';
import Papa from 'papaparse';
import { rfmSql, createRfmAggregator } from '../rfm_checksum.mjs';

const picked = () => /** @type {HTMLInputElement} */ (document.getElementById('file-input')).files[0];
let duck = null;

window.bench = {
  // DuckDB's `eh` bundle (wasm exceptions, one thread) from the local server; timed apart.
  async duckdbInit() {
    const t0 = performance.now();
    const worker = new Worker('/duckdb/duckdb-browser-eh.worker.js');
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate('/duckdb/duckdb-eh.wasm');
    duck = { db, conn: await db.connect() };
    return { ms: performance.now() - t0, version: await db.getVersion() };
  },

  async duckdb() {
    const file = picked();
    const t0 = performance.now();
    await duck.db.registerFileHandle('orders.csv', file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const row = (await duck.conn.query(rfmSql('orders.csv'))).toArray()[0].toJSON();
    const ms = performance.now() - t0;
    const checksum = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    return { ms, checksum };
  },

  // PapaParse streams the File in chunks (FileReader with the given encoding); JS aggregates.
  papaparse(encoding) {
    const file = picked();
    return new Promise((resolve, reject) => {
      const aggregator = createRfmAggregator();
      const t0 = performance.now();
      Papa.parse(file, {
        encoding,
        chunkSize: 8 << 20,
        skipEmptyLines: true,
        chunk: (results) => {
          for (const row of results.data) aggregator.add(row);
        },
        complete: () => resolve({ ms: performance.now() - t0, checksum: aggregator.result() }),
        error: (e) => reject(new Error(String(e))),
      });
    });
  },

  // The floor: reading every byte of the File once, streamed.
  async blob() {
    const file = picked();
    const t0 = performance.now();
    const reader = file.stream().getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    return { ms: performance.now() - t0, bytes };
  },
};
