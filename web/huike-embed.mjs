// Huike for seller portals: `import { createAnalyzer } from './huike-embed.mjs'`.
// Built by web/build.mjs into dist/huike-embed.mjs with the engine (wasm inlined) and the
// worker; nothing is fetched at run time. The analysis runs in a blob worker, so the
// host page needs `worker-src blob:` and `'wasm-unsafe-eval'` if it sets a CSP.

const WORKER_SOURCE = /*@HUIKE_WORKER_SOURCE@*/ null;
/*@HUIKE_CLIENT@*/

function toSources(input) {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item) => {
    if (typeof item === 'string' || item instanceof Blob) return item;
    if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) return new Blob([item]);
    throw Object.assign(new Error('analyze() takes a File, a Blob, text or bytes'), { code: 'E_BAD_INPUT' });
  });
}

function abortError() {
  return Object.assign(new Error('cancelled'), { name: 'AbortError', code: 'E_CANCELLED' });
}

// Returns an analyzer owning one worker and one engine; call dispose() when done.
// options (all optional) — ingest: encoding, delimiter, has_header, columns {role: header},
// date_order; analysis: as_of, thresholds, custom_thresholds, churn_window_days,
// at_risk_multiplier, churned_multiplier, returns.
export function createAnalyzer() {
  if (!WORKER_SOURCE) throw new Error('huike-embed.mjs must be built (npm run build)');
  const client = new HuikeClient(WORKER_SOURCE);
  let lastOptions = {};

  return {
    // Reads the input in slices and resolves with the report of `huike analyze`.
    async analyze(input, options = {}, { onProgress, signal } = {}) {
      if (signal && signal.aborted) throw abortError();
      const { id, promise } = client.send('ANALYZE', { sources: toSources(input), options }, onProgress);
      const onAbort = () => client.cancel(id);
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await promise;
        lastOptions = options;
        return result.report;
      } catch (e) {
        if (e.code === 'E_CANCELLED') e.name = 'AbortError';
        throw e;
      } finally {
        if (signal) signal.removeEventListener('abort', onAbort);
      }
    },
    // Re-runs the analyses on the orders already in memory with other settings.
    async report(options = lastOptions) {
      return (await client.request('REPORT', { options })).report;
    },
    // query: {filter: {segment_eight|segment_grid|status: key}, sort, descending, offset, limit}
    customersPage(query = {}, options = lastOptions) {
      return client.request('CUSTOMERS_PAGE', { options, query });
    },
    // Resolves with a Blob: UTF-8 CSV with BOM, formula-safe. `predict` (an object of
    // predict options, {} for the defaults) adds p_alive, expected_purchases, expected_aov, clv.
    async customersCsv(filter = {}, options = lastOptions, { predict = null } = {}) {
      const { bytes } = await client.request('CUSTOMERS_CSV', { options, filter, predict });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
    // The report of `huike predict`: calibration_end, unit, horizon_days, discount_rate, model, top.
    async predict(predictOptions = {}) {
      return (await client.request('PREDICT', { predict: predictOptions })).predict;
    },
    dispose() {
      client.dispose();
    },
  };
}
