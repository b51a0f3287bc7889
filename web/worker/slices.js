// Reading a Blob in slices, and spotting a repeated header line in later files.

/**
 * Yields the blob's bytes in slices of up to `size` (never the whole file), the next slice
 * read while the caller parses this one. Each slice is valid only until the next is asked
 * for: the stream is read into two reused buffers (a BYOB reader), because a fresh buffer
 * per slice left some 330 MB of garbage in the tab while a 854 MB file was read (issue 14).
 * The blob is streamed in parts of `part` bytes: in a worker, Chromium's stream of a File
 * stalled for good past 4 GiB (at 4.5 to 5.4 GB of a 5.55 GB file; a read of the same File
 * from 4.4 GB on ran through).
 * @param {Blob} blob
 * @param {number} size
 * @param {number} [part]
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* slices(blob, size, part = 1 << 30) {
  const source = parts(blob, part);
  try {
    source.current();
  } catch {
    yield* sliceReads(blob, size); // no byte streams (older browsers)
    return;
  }
  try {
    let other = new ArrayBuffer(size);
    let pending = fill(source, new ArrayBuffer(size));
    for (;;) {
      const read = await pending;
      if (!read.done) pending = fill(source, other);
      if (read.length) yield new Uint8Array(read.buffer, 0, read.length);
      if (read.done) return;
      other = read.buffer;
    }
  } finally {
    source.cancel();
  }
}

/**
 * The blob's parts, one BYOB reader at a time; current() is null after the last part, and
 * after cancel (a read in flight then ends without its buffer: no further part is opened).
 * @param {Blob} blob
 * @param {number} part
 */
function parts(blob, part) {
  let offset = 0;
  let cancelled = false;
  /** @type {ReadableStreamBYOBReader | null} */
  let reader = null;
  return {
    current() {
      if (!reader && !cancelled && offset < blob.size) {
        reader = blob.slice(offset, offset + part).stream().getReader({ mode: 'byob' });
        offset += part;
      }
      return reader;
    },
    next() {
      reader = null;
    },
    cancel() {
      cancelled = true;
      if (reader) reader.cancel().catch(() => {});
    },
  };
}

/**
 * Reads into `buffer` until it is full or the blob ends; a read hands the buffer back
 * (transferred) in its view, also the read that ends a part.
 * @param {ReturnType<typeof parts>} source
 * @param {ArrayBuffer} buffer
 * @returns {Promise<{buffer: ArrayBuffer, length: number, done: boolean}>}
 */
async function fill(source, buffer) {
  let length = 0;
  while (length < buffer.byteLength) {
    const reader = source.current();
    if (!reader) return { buffer, length, done: true };
    const { value, done } = await reader.read(new Uint8Array(buffer, length));
    if (value) {
      buffer = value.buffer;
      length += value.byteLength;
    }
    if (done) source.next();
  }
  return { buffer, length, done: false };
}

/**
 * The same by Blob.slice reads, two in flight.
 * @param {Blob} blob
 * @param {number} size
 * @returns {AsyncGenerator<Uint8Array>}
 */
async function* sliceReads(blob, size) {
  for (let offset = 0, next = blob.slice(0, size).arrayBuffer(); offset < blob.size; ) {
    const buffer = await next;
    offset += size;
    next = blob.slice(offset, offset + size).arrayBuffer();
    yield new Uint8Array(buffer);
  }
}

/** @typedef {{bytes: Uint8Array, end: number}} HeaderLine */

/**
 * The first line of a chunk (BOM skipped).
 * @param {Uint8Array} bytes
 * @returns {HeaderLine | null}
 */
export function headerLine(bytes) {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nl = bytes.indexOf(10, start);
  if (nl < 0) return null;
  return { bytes: bytes.subarray(start, nl), end: nl + 1 };
}

/** @param {HeaderLine} a @param {HeaderLine} b */
export function sameBytes(a, b) {
  if (a.bytes.length !== b.bytes.length) return false;
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}
