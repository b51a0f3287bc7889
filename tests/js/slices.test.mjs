// web/worker/slices.js: a Blob read in slices through two reused buffers (a BYOB reader),
// and by Blob.slice where byte streams are missing. Expected bytes: the blob's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slices } from '../../web/worker/slices.js';

const bytesOf = (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 8)) & 255);

async function collect(blob, size, part) {
  const parts = [];
  for await (const slice of slices(blob, size, part)) {
    assert.ok(slice.length > 0 && slice.length <= size, `slice of ${slice.length} bytes`);
    parts.push(slice.slice()); // copied: the slice is valid only until the next one
  }
  return { bytes: Buffer.concat(parts), count: parts.length };
}

for (const n of [0, 1, 65535, 65536, 65537, 1000003]) {
  test(`a ${n}-byte blob comes back whole, in full slices but the last`, async () => {
    const expected = bytesOf(n);
    const { bytes, count } = await collect(new Blob([expected]), 65536);
    assert.deepEqual(new Uint8Array(bytes), expected);
    assert.equal(count, Math.ceil(n / 65536));
  });
}

test('a blob streamed in parts (100,000 bytes each) comes back whole, across the parts', async () => {
  const expected = bytesOf(1000003);
  const { bytes, count } = await collect(new Blob([expected]), 65536, 100000);
  assert.deepEqual(new Uint8Array(bytes), expected);
  assert.equal(count, Math.ceil(1000003 / 65536));
});

test('a read stopped early releases the stream (no error, no hang)', async () => {
  const blob = new Blob([bytesOf(1 << 20)]);
  let seen = 0;
  for await (const slice of slices(blob, 65536)) {
    seen += slice.length;
    if (seen >= 131072) break;
  }
  assert.equal(seen, 131072);
});

test('without byte streams the blob is read by Blob.slice, the same bytes', async () => {
  const real = new Blob([bytesOf(300001)]);
  const noByob = {
    size: real.size,
    slice: (a, b) => real.slice(a, b),
    stream: () => ({ getReader: () => { throw new TypeError('no byob'); } }),
  };
  const { bytes, count } = await collect(/** @type {any} */ (noByob), 65536);
  assert.deepEqual(new Uint8Array(bytes), bytesOf(300001));
  assert.equal(count, 5);
});
