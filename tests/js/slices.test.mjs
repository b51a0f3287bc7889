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

// A blob whose stream reads answer after a timer, as a File's do in a browser; a cancel
// ends a pending read with no buffer back (as the streams standard says for BYOB readers).
function slowBlob(bytes, opened) {
  return {
    size: bytes.length,
    slice: (a, b) => {
      opened.push(a);
      const part = bytes.subarray(a, Math.min(b, bytes.length));
      let at = 0;
      let cancel = () => {};
      const reader = {
        read: (view) => new Promise((resolve) => {
          const timer = setTimeout(() => {
            const n = Math.min(view.length, part.length - at);
            view.set(part.subarray(at, at + n));
            at += n;
            resolve(n ? { value: view.subarray(0, n), done: false } : { value: view.subarray(0, 0), done: true });
          }, 5);
          cancel = () => (clearTimeout(timer), resolve({ value: undefined, done: true }));
        }),
        cancel: async () => cancel(),
      };
      return { stream: () => ({ getReader: () => reader }) };
    },
  };
}

test('a read stopped early, a read in flight, opens no further part of the blob', async () => {
  const opened = [];
  let seen = 0;
  for await (const part of slices(/** @type {any} */ (slowBlob(bytesOf(1 << 20), opened)), 65536, 100000)) {
    seen += part.length;
    if (seen >= 131072) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the cancelled read settles
  assert.equal(seen, 131072);
  assert.deepEqual(opened, [0, 100000]);
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
