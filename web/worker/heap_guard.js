// One engine instance lives in one wasm heap (at most 4 GB). A file that cannot fit should
// be refused after seconds, not after minutes of reading; and a run that still runs out of
// memory says how far it got and what to do.

export const HEAP_LIMIT_BYTES = 4 * 1024 ** 3;
// The heap's growth over the first bytes says little (buffers, first hash tables): judge later.
export const ESTIMATE_AFTER_BYTES = 64 << 20;

/** @param {number} n */
const gb = (n) => (n / 1024 ** 3).toFixed(n < 1024 ** 3 ? 2 : 1) + ' GB';
/** @param {number} n */
const mb = (n) => (n < 1024 ** 3 ? (n / (1 << 20)).toFixed(0) + ' MB' : gb(n));

export const ADVICE =
  'Split the file by date and analyse the parts, or run the command-line huike (no such limit) on it.';

/**
 * @param {() => number} heapBytes the heap's size now
 * @param {{limitBytes?: number, estimateAfterBytes?: number}} [limits]
 */
export function createHeapGuard(heapBytes, limits) {
  const limit = (limits && limits.limitBytes) || HEAP_LIMIT_BYTES;
  const after = (limits && limits.estimateAfterBytes) || ESTIMATE_AFTER_BYTES;
  /** @type {{done: number, heap: number} | null} */
  let base = null;
  return {
    /**
     * The heap needed for the whole input: the heap now, plus its growth since the first
     * `after` bytes extrapolated linearly over the rest (customers grow with the rows). The
     * engine reserves its order tables for the whole input early (from its size), so that
     * first jump is counted once, not extrapolated. Null before there is enough to judge.
     * @param {number} done bytes read @param {number} total bytes in all
     */
    projected(done, total) {
      if (done < after || done >= total) return null;
      if (!base) {
        base = { done, heap: heapBytes() };
        return null;
      }
      const heap = heapBytes();
      return heap + ((heap - base.heap) * (total - done)) / (done - base.done);
    },
    /**
     * A message when the input clearly cannot fit, else null.
     * @param {number} done @param {number} total @param {number} rows
     */
    refusal(done, total, rows) {
      const need = this.projected(done, total);
      if (need === null || need <= limit) return null;
      return (
        `This input (${mb(total)}) would need about ${gb(need)} of engine memory; one browser engine holds at most ` +
        `${gb(limit)} (judged after reading ${mb(done)}, ${rows.toLocaleString('en')} rows). ${ADVICE}`
      );
    },
  };
}

/**
 * Where a run stopped, for an out-of-memory message.
 * @param {number} done @param {number} total @param {number} rows
 */
export function howFar(done, total, rows) {
  return `after reading ${mb(done)} of ${mb(total)} (${rows.toLocaleString('en')} rows). ${ADVICE}`;
}
