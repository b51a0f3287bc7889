// createAnalyzer(): the engine in a blob worker, for seller portals. Nothing is fetched.
import workerSource from 'huike:worker-source';
import { EngineClient } from '../client/engine_client.js';
import { RequestType } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';

/** @typedef {import('../types/huike-embed').Analyzer} Analyzer */
/** @typedef {import('../types/huike-embed').AnalyzerOptions} AnalyzerOptions */
/** @typedef {import('../types/huike-embed').HuikeError} HuikeError */

/** @param {Parameters<Analyzer['analyze']>[0]} input @returns {(Blob | string)[]} */
function toSources(input) {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item) => {
    if (typeof item === 'string' || item instanceof Blob) return item;
    if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) return new Blob([/** @type {ArrayBuffer} */ (item)]);
    throw Object.assign(new Error('analyze() takes a File, a Blob, text or bytes'), { code: ErrorCode.E_BAD_INPUT });
  });
}

function abortError() {
  return Object.assign(new Error('cancelled'), { name: 'AbortError', code: ErrorCode.E_CANCELLED });
}

/**
 * A sent request's result; `signal` calls `stop`, and a cancelled request rejects as an AbortError.
 * @param {{promise: Promise<any>}} sent @param {AbortSignal | undefined} signal @param {() => void} stop
 */
async function untilDoneOrAborted(sent, signal, stop) {
  if (signal) signal.addEventListener('abort', stop, { once: true });
  try {
    return await sent.promise;
  } catch (e) {
    const error = /** @type {HuikeError} */ (e);
    if (error.code === ErrorCode.E_CANCELLED) error.name = 'AbortError';
    throw error;
  } finally {
    if (signal) signal.removeEventListener('abort', stop);
  }
}

/**
 * Returns an analyzer owning one worker and one engine; call dispose() when done.
 * @returns {Analyzer}
 */
export function createAnalyzer() {
  const client = new EngineClient(workerSource);
  /** @type {AnalyzerOptions} */
  let lastOptions = {};

  return {
    async analyze(input, options = {}, { onProgress, signal, engines } = {}) {
      if (signal && signal.aborted) throw abortError();
      const sent = client.send(RequestType.ANALYZE, { sources: toSources(input), options, engines }, onProgress);
      const result = await untilDoneOrAborted(sent, signal, () => client.cancel(sent.id));
      lastOptions = options;
      return result.report;
    },
    async report(options = lastOptions) {
      return (await client.request(RequestType.REPORT, { options })).report;
    },
    customersPage(query = {}, options = lastOptions) {
      return client.request(RequestType.CUSTOMERS_PAGE, { options, query });
    },
    async customersCsv(filter = {}, options = lastOptions, { predict = null } = {}) {
      const { bytes } = await client.request(RequestType.CUSTOMERS_CSV, { options, filter, predict });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
    async healthCsv(kind, options = lastOptions) {
      const { bytes } = await client.request(RequestType.HEALTH_CSV, { options, kind });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
    async memberList(input, options = {}) {
      const [source] = toSources(input);
      return (await client.request(RequestType.MEMBER_LIST, { source, options })).memberList;
    },
    async clearMemberList() {
      await client.request(RequestType.MEMBER_LIST_CLEAR, {});
    },
    async winbackCsv(tier, options = lastOptions, { lang = /** @type {'zh-CN' | 'en'} */ ('zh-CN') } = {}) {
      const { bytes } = await client.request(RequestType.WINBACK_CSV, { options, tier, lang });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
    // An abort stops the fit at once: the worker is replaced and the input read again
    // (client/worker_restart.js); calls made meanwhile wait for that.
    async predict(predictOptions = {}, { signal } = {}) {
      if (signal && signal.aborted) throw abortError();
      const sent = client.send(RequestType.PREDICT, { predict: predictOptions });
      return (await untilDoneOrAborted(sent, signal, () => client.abort(sent.id))).predict;
    },
    async setConsumptionTable(table) {
      return (await client.request(RequestType.SET_CONSUMPTION, { source: table })).consumption;
    },
    remindersPage(query = {}, options = lastOptions) {
      return client.request(RequestType.REMINDERS_PAGE, { options, query });
    },
    productsPage(query = {}, options = lastOptions) {
      return client.request(RequestType.PRODUCTS_PAGE, { options, query });
    },
    async exportCsv(kind, options = lastOptions) {
      const { bytes } = await client.request(RequestType.PRODUCT_CSV, { options, kind });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
    async memory() {
      return client.request(RequestType.MEMORY, {});
    },
    dispose() {
      client.dispose();
    },
  };
}
