// Reading a Blob in slices, and spotting a repeated header line in later files.

/**
 * Yields the blob's bytes in slices (never the whole file), keeping `ahead` reads in flight
 * so that reading overlaps parsing.
 * @param {Blob} blob
 * @param {number} size
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* slices(blob, size, ahead = 2) {
  /** @type {Promise<ArrayBuffer>[]} */
  const pending = [];
  let offset = 0;
  const request = () => {
    if (offset >= blob.size) return;
    const end = Math.min(offset + size, blob.size);
    pending.push(blob.slice(offset, end).arrayBuffer());
    offset = end;
  };
  for (let i = 0; i < ahead; i++) request();
  while (pending.length) {
    const buffer = await /** @type {Promise<ArrayBuffer>} */ (pending.shift());
    request();
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
