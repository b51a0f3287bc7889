// Warming the engine up while the page waits for a file. V8 runs wasm first in its baseline
// tier and optimises a function once it has run a while, on the next call: a function called
// once per file (the final sort, each analysis) would run a shop's big file unoptimised.
// A few runs over a small synthetic file (about 0.3 s, before the page says it is ready) make
// every step hot first: in Chromium the page's path for 1M rows took 1.52 s cold and 1.34 s
// warmed up (median of 5); under node 20, 2.2 s and 1.1 s.

const PRODUCTS = ['Green tea 250g', 'Infant formula stage 3', '"Oolong, aged" 500g', 'Rice cooker', 'Face cream 50ml', 'Soy sauce 1L'];
const STATUSES = ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'cancelled', 'refunded'];

/**
 * A deterministic order file in the shape of a shop export: line items, statuses, quoted
 * titles, quantities, two years of dates.
 * @param {number} rows
 * @returns {Uint8Array}
 */
export function warmUpCsv(rows) {
  let seed = 14;
  const next = (/** @type {number} */ n) => {
    // mulberry32: a small generator with good low bits
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const lines = ['order_id,customer_id,created_at,amount,status,product_name,quantity'];
  let order = 0;
  let customer = 0;
  for (let row = 0; row < rows; row++) {
    if (row === 0 || next(3) > 0) {
      order++; // else a further line item of the order above
      customer = next(10) < 3 ? next(Math.ceil(rows / 20)) : next(rows); // regulars, and many one-off buyers
    }
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(((order - 1) * 730) / rows) * 86400000).toISOString().slice(0, 10);
    const product = PRODUCTS[next(PRODUCTS.length)];
    const title = product.startsWith('"') ? `"${product.replace(/"/g, '""')}"` : product;
    lines.push(`${100000 + order},C${customer},${day} 10:${String(next(60)).padStart(2, '0')}:00,` +
      `${(10 + next(20000) / 100).toFixed(2)},${STATUSES[next(STATUSES.length)]},${title},${1 + next(3)}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/**
 * Runs the calls a page makes on a file, `rounds` times, then empties the engine.
 * @param {any} engine the embind Engine
 * @param {number} [rows] @param {number} [rounds]
 */
export function warmUp(engine, rows = 5000, rounds = 3) {
  const bytes = warmUpCsv(rows);
  for (let round = 0; round < rounds; round++) {
    engine.begin(JSON.stringify({ size_bytes: bytes.length }));
    for (let at = 0; at < bytes.length; at += 64 << 10) {
      const part = bytes.subarray(at, at + (64 << 10));
      engine.chunkBuffer(part.length).set(part);
      engine.feed(part.length);
    }
    engine.finish();
    const options = JSON.stringify({ churn_window_days: 300 + round });
    engine.report(options);
    engine.customersPage(options, JSON.stringify({ sort: 'monetary', limit: 50 }));
    engine.productsPage(options, JSON.stringify({ limit: 50 }));
    engine.remindersPage(options, JSON.stringify({ list: 'remind_now', limit: 50 }));
  }
  engine.reset();
}
