// One engine instance lives in one wasm heap (at most 4 GB). A file that cannot fit should
// be refused after seconds, not after minutes of reading; and a run that still runs out of
// memory says how far it got and what to do.

export const HEAP_LIMIT_BYTES = 4 * 1024 ** 3;
// The heap's growth over the first bytes says little (buffers, first hash tables): measure
// from 64 MB, or a twentieth of a big input, and judge from twice that.
export const ESTIMATE_AFTER_BYTES = 64 << 20;
// New customers come faster early in a file than later, so the linear projection runs high
// (65M rows: 4.1–4.3 GB projected in the first quarter, 3.7 GB reached): refuse only above
// the limit by this much; a run that still runs out says how far it got (howFar).
export const REFUSE_ABOVE_LIMIT = 1.1;
// A file whose reading would take more heap than this is read by two engines (split mode,
// engines.js). The issue-14 file: 40M rows project 2.3–2.6 GB and reach 2.6 GB with the
// report in one engine; 65M project ~4.1 GB, and the report would need ~1.8 GB more.
export const SPLIT_ABOVE_BYTES = 3 * 1024 ** 3;

/** @param {number} n */
const gb = (n) => (n / 1024 ** 3).toFixed(n < 1024 ** 3 ? 2 : 1) + ' GB';
/** @param {number} n */
const mb = (n) => (n < 1 << 20 ? (n / 1024).toFixed(0) + ' KB' : n < 1024 ** 3 ? (n / (1 << 20)).toFixed(0) + ' MB' : gb(n));

export const ADVICE =
  'Split the file by date and analyse the parts, or run the command-line huike (no such limit) on it.';

/**
 * The heap's size, the bytes the allocator has handed out, and how many of those are the
 * tables the engine reserved for the whole input (from its size), and what those tables need
 * (more when the heap could not give it all).
 * @typedef {{heap: number, inUse: number, reserved?: number, wanted?: number}} HeapNow
 */

/**
 * @param {() => HeapNow} heapNow the heap now
 * @param {{limitBytes?: number, estimateAfterBytes?: number, splitAboveBytes?: number}} [limits]
 */
export function createHeapGuard(heapNow, limits) {
  const limit = (limits && limits.limitBytes) || HEAP_LIMIT_BYTES;
  const chosenAfter = limits && limits.estimateAfterBytes;
  /**
   * The heap, the bytes in use beyond the reserved tables, the tables' room not got, and
   * whether the engine has reserved any yet.
   * @returns {{heap: number, rest: number, missing: number, reserving: boolean}}
   */
  const now = () => {
    const n = heapNow();
    const reserved = n.reserved || 0;
    return { heap: n.heap, rest: n.inUse - reserved, missing: Math.max(0, (n.wanted || 0) - reserved), reserving: reserved > 0 };
  };
  // Before the projection can be judged: the tables reserved for the whole input already
  // take their room (or lack it), so the heap now and that lack are the least the input needs
  // (65M rows: 3.1 GB after the second slice, so split mode starts at once, not after a tenth).
  const floor = () => {
    const { heap, missing, reserving } = now();
    return reserving ? heap + missing : null;
  };
  /** @type {{done: number, rest: number} | null} */
  let base = null;
  const guard = {
    /**
     * The heap needed for the whole input: the heap now, plus the growth of the bytes in use
     * beyond the reserved tables since the first bytes judged, extrapolated linearly over
     * the rest (customers grow with the rows). The engine reserves its order tables for the
     * whole input (from its size) and again when its projection grows: extrapolating those
     * jumps, or the heap's (which grows by a whole table each time), refused files that fit.
     * The room those tables still lack (the heap could not give it) is added whole. Before
     * there is enough to judge, the floor above; null before the engine reserves.
     * @param {number} done bytes read @param {number} total bytes in all
     */
    projected(done, total) {
      if (done >= total) return null;
      if (done < (chosenAfter || Math.max(ESTIMATE_AFTER_BYTES, total / 20))) return floor();
      if (!base) {
        base = { done, rest: now().rest };
        return floor();
      }
      // A window shorter than the bytes before it would extrapolate one doubling of a table
      // (the customer ids') hundreds of times: judge over at least as many bytes again.
      if (done - base.done < base.done) return floor();
      const { heap, rest, missing } = now();
      return heap + missing + ((rest - base.rest) * (total - done)) / (done - base.done);
    },
    /**
     * A message when the input clearly cannot fit, else null.
     * @param {number} done @param {number} total @param {number} rows
     * @param {number | null} [need] projected(done, total), when already asked
     * @param {boolean} [split] an engine of split mode: the input is already read by two
     */
    refusal(done, total, rows, need = guard.projected(done, total), split = false) {
      if (need === null || need <= limit * REFUSE_ABOVE_LIMIT) return null;
      const judged = `(judged after reading ${mb(done)}, ${rows.toLocaleString('en')} rows). ${ADVICE}`;
      if (split) {
        return `Even read by two browser engines, this input (${mb(total)}) would need about ${gb(need)} in one ` +
          `of them; each holds at most ${gb(limit)} ${judged}`;
      }
      return `This input (${mb(total)}) would need about ${gb(need)} of engine memory; one browser engine holds at most ` +
        `${gb(limit)} ${judged}`;
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
