// memoryStats: the module's heap size, high-water mark and bytes in use, so a portal can
// size its tabs and the benchmarks can tell the engine's share of the tab's memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, runEngine, unwrap } from './wasm_support.mjs';

// 40,000 rows of 2,000 customers: several MB of tables, far above the module's own start.
function orders(rows) {
  let text = 'order_id,customer_id,date,amount\n';
  for (let i = 0; i < rows; i++) {
    text += `O${i},C${i % 2000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 97) + 0.5}\n`;
  }
  return new TextEncoder().encode(text);
}

test('memoryStats follows the engine: in use grows with a file, falls after reset; the high-water mark stays', async () => {
  const module = await loadModule();
  const stats = () => unwrap(module.memoryStats());
  const start = stats();
  assert.ok(start.in_use_bytes > 0 && start.in_use_bytes <= start.high_water_bytes);
  assert.ok(start.high_water_bytes <= start.heap_bytes);
  assert.equal(start.heap_bytes % 65536, 0);  // whole wasm pages

  const engine = new module.Engine();
  runEngine(engine, orders(40000));
  const loaded = stats();
  assert.ok(loaded.in_use_bytes > start.in_use_bytes + (1 << 20), JSON.stringify({ start, loaded }));
  assert.ok(loaded.high_water_bytes >= loaded.in_use_bytes && loaded.heap_bytes >= loaded.high_water_bytes);

  engine.reset();
  const after = stats();
  assert.ok(after.in_use_bytes < loaded.in_use_bytes - (1 << 20), JSON.stringify({ loaded, after }));
  assert.equal(after.high_water_bytes, loaded.high_water_bytes);  // a wasm heap never shrinks
});

test('a size the heap cannot reserve for: the tables grow as they fill, and the feeds say how much they lack', async () => {
  // A file said to be 9 GB (as a page's File past one heap): the order index's reservation
  // fails after its old table is freed. Its next order used to fill a 1024-slot table past
  // full and loop for ever; now the reading goes on and gives the same report.
  const module = await loadModule();
  const bytes = orders(40000);
  const plain = runEngine(new module.Engine(), bytes);
  const engine = new module.Engine();
  let last = null;
  const report = runEngine(engine, bytes, { ingest: { size_bytes: 9e9 }, nextSize: () => 64 << 10 });
  assert.deepStrictEqual(report, plain);
  // The reservation the heap could not give is reported, for the page's heap guard.
  unwrap(engine.begin(JSON.stringify({ size_bytes: 9e9 })));
  for (let offset = 0; offset < bytes.length; offset += 64 << 10) {
    const size = Math.min(64 << 10, bytes.length - offset);
    engine.chunkBuffer(size).set(bytes.subarray(offset, offset + size));
    last = unwrap(engine.feed(size));
  }
  assert.ok(last.wanted_bytes > last.reserved_bytes + (1 << 30), JSON.stringify(last));
  engine.reset();
});
