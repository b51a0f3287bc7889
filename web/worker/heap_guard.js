// One engine instance lives in one wasm heap (at most 4 GB). A file that cannot fit should
// be refused after seconds, not after minutes of reading; and a run that still runs out of
// memory says how far it got and what to do.

export const HEAP_LIMIT_BYTES = 4 * 1024 ** 3;
// The heap's growth over the first bytes says little (buffers, first hash tables): judge later.
export const ESTIMATE_AFTER_BYTES = 64 << 20;
// A file whose reading would take more heap than this is read by two engines (split mode,
// engines.js): 40M rows of the issue-14 file (~2.4 GB) stay in one, 65M (~3.8 GB) do not,
// as one engine's report adds about half its reading heap again.
export const SPLIT_ABOVE_BYTES = 2.8 * 1024 ** 3;

/** @param {number} n */
const gb = (n) => (n / 1024 ** 3).toFixed(n < 1024 ** 3 ? 2 : 1) + ' GB';
/** @param {number} n */
const mb = (n) => (n < 1024 ** 3 ? (n / (1 << 20)).toFixed(0) + ' MB' : gb(n));

export const ADVICE =
  'Split the file by date and analyse the parts, or run the command-line huike (no such limit) on it.';

/** @typedef {{heap: number, inUse: number}} HeapNow the heap's size, and the bytes the allocator has handed out */

/**
 * @param {() => number | HeapNow} heapNow the heap now (a number: both the same)
 * @param {{limitBytes?: number, estimateAfterBytes?: number, splitAboveBytes?: number}} [limits]
 */
export function createHeapGuard(heapNow, limits) {
  const limit = (limits && limits.limitBytes) || HEAP_LIMIT_BYTES;
  const after = (limits && limits.estimateAfterBytes) || ESTIMATE_AFTER_BYTES;
  /** @returns {HeapNow} */
  const now = () => {
    const n = heapNow();
    return typeof n === 'number' ? { heap: n, inUse: n } : n;
  };
  /** @type {{done: number, inUse: number} | null} */
  let base = null;
  const guard = {
    /**
     * The heap needed for the whole input: the heap now, plus the growth of the bytes in use
     * since the first `after` bytes extrapolated linearly over the rest (customers grow with
     * the rows). The engine reserves its order tables for the whole input early (from its
     * size), so that jump is counted once, not extrapolated; and when a projection grows, a
     * table is reserved again: the bytes in use grow by the difference, while the heap grows
     * by the whole new table (the old one is freed for later use), which extrapolated would
     * refuse a file that fits. Null before there is enough to judge.
     * @param {number} done bytes read @param {number} total bytes in all
     */
    projected(done, total) {
      if (done < after || done >= total) return null;
      if (!base) {
        base = { done, inUse: now().inUse };
        return null;
      }
      if (done <= base.done) return null;
      const { heap, inUse } = now();
      return heap + ((inUse - base.inUse) * (total - done)) / (done - base.done);
    },
    /**
     * A message when the input clearly cannot fit, else null.
     * @param {number} done @param {number} total @param {number} rows
     * @param {number | null} [need] projected(done, total), when already asked
     */
    refusal(done, total, rows, need = guard.projected(done, total)) {
      if (need === null || need <= limit) return null;
      return (
        `This input (${mb(total)}) would need about ${gb(need)} of engine memory; one browser engine holds at most ` +
        `${gb(limit)} (judged after reading ${mb(done)}, ${rows.toLocaleString('en')} rows). ${ADVICE}`
      );
    },
  };
  return guard;
}

/**
 * Where a run stopped, for an out-of-memory message.
 * @param {number} done @param {number} total @param {number} rows
 */
export function howFar(done, total, rows) {
  return `after reading ${mb(done)} of ${mb(total)} (${rows.toLocaleString('en')} rows). ${ADVICE}`;
}
