// The benchmark's checksum (bench/browser/rfm_checksum.mjs) on 20 hand-written rows: the
// PapaParse + JS aggregation, the DuckDB SQL (through @duckdb/node-api) and Huike's CLI must
// all give the figures worked out by hand below, or the runner's WRONG verdicts mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { rfmSql, createRfmAggregator, sameChecksum } from '../../bench/browser/rfm_checksum.mjs';
import { runCli } from './wasm_support.mjs';

// The generator's layout (bench/btyd_export.h) with its traps: quoted titles with commas and
// doubled quotes, multi-line orders, cancelled / refunded rows, a customer (E) with no paid row.
const CSV = `order_id,customer_id,created_at,amount,status,product_name,quantity
1001,A,2024-01-05 10:00:00,10.50,paid,"Mug, large",1
1001,A,2024-01-05 10:00:00,4.25,paid,"Tea ""green""",1
1002,A,2024-02-01 09:00:00,20.00,paid,Socks,2
1003,A,2024-03-01 12:00:00,7.00,refunded,Socks,1
1004,B,2024-01-10 08:30:00,100.00,paid,Sweater,1
1005,B,2024-01-20 08:30:00,50.10,cancelled,Sweater,1
1006,B,2024-03-10 18:00:00,0.99,paid,Sticker,1
1006,B,2024-03-10 18:00:00,0.01,paid,Sticker,1
1006,B,2024-03-10 18:00:00,2.00,paid,"Card, red",1
1007,C,2024-02-14 20:00:00,33.33,paid,Flowers,1
1008,C,2024-02-15 20:00:00,33.33,paid,Flowers,1
1009,C,2024-02-16 20:00:00,33.34,paid,Flowers,1
1010,C,2024-03-20 07:00:00,5.00,refunded,Flowers,1
1011,D,2024-03-31 23:59:59,250.00,paid,"TV 32"", black",1
1012,E,2024-01-01 00:00:00,9.99,cancelled,Pen,1
1013,E,2024-01-02 00:00:00,9.99,refunded,Pen,1
1014,F,2024-03-15 11:00:00,12.00,paid,Pen,3
1014,F,2024-03-15 11:00:00,12.00,paid,Ink,1
1015,F,2024-03-16 11:00:00,8.00,paid,Ink,1
1016,A,2024-03-30 15:00:00,1.00,paid,Pen,1
`;

// By hand, paid rows only:
//   A: orders 1001 (10.50 + 4.25), 1002 (20.00), 1016 (1.00) → 3 orders, 35.75, last 03-30
//   B: 1004 (100.00), 1006 (0.99 + 0.01 + 2.00)              → 2 orders, 103.00, last 03-10
//   C: 1007, 1008, 1009 (33.33 + 33.33 + 33.34)              → 3 orders, 100.00, last 02-16
//   D: 1011 (250.00)                                          → 1 order, 250.00, last 03-31
//   F: 1014 (12.00 + 12.00), 1015 (8.00)                      → 2 orders, 32.00, last 03-16
//   E: cancelled and refunded only → no customer.
// 5 customers, 3+2+3+1+2 = 11 orders, 35.75+103+100+250+32 = 520.75 → 52075 cents.
// Analysis date 2024-04-01 (the day after D's 03-31): recency A 2, B 22, C 13+31+1 = 45
// (2024 is a leap year: 02-16 → 02-29 is 13 days), D 1, F 16 → Σ 86.
// NTILE(5) over 5 customers puts one in each tile: Σ scores = 3 × (1+2+3+4+5) = 45.
const EXPECTED = { customers: 5, orders: 11, spend_cents: 52075, recency_days: 86, score_sum: 45 };

test('PapaParse with the JS aggregation gives the hand-worked checksum', () => {
  const aggregator = createRfmAggregator();
  const parsed = Papa.parse(CSV, { skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  for (const row of parsed.data) aggregator.add(row);
  assert.deepEqual(aggregator.result(), EXPECTED);
});

test('the DuckDB SQL (node-api) gives the hand-worked checksum', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huike-checksum-'));
  try {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, CSV);
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(rfmSql(file))).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    assert.equal(rows.length, 1);
    assert.deepEqual(Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])), EXPECTED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Huike's CLI counts the same customers, orders and spend", () => {
  const dir = mkdtempSync(join(tmpdir(), 'huike-checksum-'));
  try {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, CSV);
    const { report } = runCli(file);
    const totals = { customers: report.totals.customers, orders: report.totals.orders, spend_cents: Math.round(report.totals.revenue * 100) };
    assert.ok(sameChecksum(totals, EXPECTED), JSON.stringify(totals));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
