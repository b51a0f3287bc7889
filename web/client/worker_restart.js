// Stopping a request while the engine is inside it. One engine call (a model fit) cannot be
// interrupted from outside: SharedArrayBuffer, which a cancel flag would need, exists only on
// cross-origin-isolated pages (COOP/COEP headers), never on file:// or in a portal that does
// not send them. So the worker is terminated, a new one started, and the requests that built
// its session (the files, the member list, the consumption table) are sent again: the files
// are re-read, as when the mapping changes. Requests still waiting are sent after them.
import { RequestType } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';

/** @typedef {import('../protocol/requests.js').RequestTypeName} RequestTypeName */
/** @typedef {import('../types/huike-embed').Progress} Progress */
/** @typedef {{id: number, type: RequestTypeName, payload: any}} Sent */
/** @typedef {{session: Sent[], consumption: Sent | null}} Journal */

/** @returns {Journal} */
export const createJournal = () => ({ session: [], consumption: null });

// The engine keeps the consumption table across analyses; the member list belongs to one.
/** @param {Journal} journal @param {Sent} sent */
export function record(journal, sent) {
  if (sent.type === RequestType.SET_CONSUMPTION) journal.consumption = sent;
  else if (sent.type === RequestType.ANALYZE || sent.type === RequestType.RESET) journal.session = sent.type === RequestType.ANALYZE ? [sent] : [];
  else if (sent.type === RequestType.MEMBER_LIST || sent.type === RequestType.MEMBER_LIST_CLEAR) journal.session.push(sent);
}

/**
 * Rejects `targetId` with E_CANCELLED at once and rebuilds the worker; resolves when the
 * session is read again (the re-read's progress goes to `onProgress`).
 * @param {import('./engine_client.js').EngineClient} client
 * @param {number} targetId
 * @param {(p: Progress) => void} [onProgress]
 * @returns {Promise<void>}
 */
export function restartWorker(client, targetId, onProgress) {
  const waiting = client.pending;
  client.pending = new Map();
  if (client.worker) client.worker.terminate();
  const target = waiting.get(targetId);
  waiting.delete(targetId);
  const journal = client.journal;
  journal.session = journal.session.filter((s) => s.id !== targetId);
  if (journal.consumption && journal.consumption.id === targetId) journal.consumption = null;
  client.spawn();
  if (target) target.reject(client.error({ code: ErrorCode.E_CANCELLED, message: 'cancelled' }));

  const replay = [...(journal.consumption ? [journal.consumption] : []), ...journal.session];
  const replayIds = new Set(replay.map((s) => s.id));
  const sessionStart = journal.session.length ? journal.session[0].id : 0;
  /** @type {Sent[]} */
  const others = [];
  for (const [id, entry] of waiting) {
    if (replayIds.has(id)) continue;
    // Sent before the session now rebuilt: it asked about data the new worker never had.
    if (id < sessionStart) entry.reject(client.error({ code: ErrorCode.E_CANCELLED, message: 'cancelled' }));
    else others.push(/** @type {Sent} */ ({ id, type: entry.type, payload: entry.payload }));
  }
  return new Promise((done) => {
    let left = replay.length;
    const settled = () => --left === 0 && done();
    if (!left) done();
    for (const sent of [...replay, ...others].sort((a, b) => a.id - b.id)) {
      const caller = waiting.get(sent.id);
      if (replayIds.has(sent.id)) {
        // A replayed request settles the caller still waiting for it, else nobody; either way
        // the replay counts it as done (a file that failed before fails again, harmlessly).
        client.pending.set(sent.id, {
          type: sent.type,
          payload: sent.payload,
          onProgress: caller ? caller.onProgress : sent.type === RequestType.ANALYZE ? onProgress : undefined,
          resolve: (value) => (caller && caller.resolve(value), settled()),
          reject: (error) => (caller && caller.reject(error), settled()),
        });
      } else if (caller) client.pending.set(sent.id, caller);
      if (client.worker) client.worker.postMessage({ id: sent.id, type: sent.type, payload: sent.payload });
    }
  });
}
