// The one worker protocol, shared by the worker's dispatcher, the page's client and the embed
// module. Every request type is tied to its payload and its result (as duckdb-wasm's
// worker_request.ts does), so `tsc --checkJs` rejects a misspelt type or payload field.
//
// Requests {id, type, payload}; exactly one reply each, {id, type: 'RESULT', payload} or
// {id, type: 'ERROR', error}; plus throttled {id, type: 'PROGRESS', payload} while reading.

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').InputSummary} InputSummary */
/** @typedef {import('../types/huike-embed').IngestOptions} IngestOptions */
/** @typedef {import('../types/huike-embed').AnalysisOptions} AnalysisOptions */
/** @typedef {import('../types/huike-embed').AnalyzerOptions} AnalyzerOptions */
/** @typedef {import('../types/huike-embed').CustomersQuery} CustomersQuery */
/** @typedef {import('../types/huike-embed').CustomerFilter} CustomerFilter */
/** @typedef {import('../types/huike-embed').CustomersPage} CustomersPage */
/** @typedef {import('../types/huike-embed').PredictOptions} PredictOptions */
/** @typedef {import('../types/huike-embed').PredictReport} PredictReport */
/** @typedef {import('../types/huike-embed').Progress} Progress */
/** @typedef {import('../types/huike-embed').MemberListOptions} MemberListOptions */
/** @typedef {import('../types/huike-embed').MemberListSummary} MemberListSummary */
/** @typedef {import('../types/huike-embed').WinbackTierKey} WinbackTierKey */
/** @typedef {import('./error_codes.js').ErrorCodeName} ErrorCodeName */
/** @typedef {import('../types/huike-embed').ReminderProductOptions} ReminderProductOptions */
/** @typedef {import('../types/huike-embed').RemindersQuery} RemindersQuery */
/** @typedef {import('../types/huike-embed').RemindersPage} RemindersPage */
/** @typedef {import('../types/huike-embed').ProductsQuery} ProductsQuery */
/** @typedef {import('../types/huike-embed').ProductsPage} ProductsPage */
/** @typedef {import('../types/huike-embed').ProductExport} ProductExport */
/** @typedef {import('../types/huike-embed').ConsumptionInfo} ConsumptionInfo */

export const RequestType = Object.freeze({
  ANALYZE: 'ANALYZE',
  REPORT: 'REPORT',
  CUSTOMERS_PAGE: 'CUSTOMERS_PAGE',
  CUSTOMERS_CSV: 'CUSTOMERS_CSV',
  HEALTH_CSV: 'HEALTH_CSV',
  PREDICT: 'PREDICT',
  MEMBER_LIST: 'MEMBER_LIST',
  MEMBER_LIST_CLEAR: 'MEMBER_LIST_CLEAR',
  WINBACK_CSV: 'WINBACK_CSV',
  INPUT_SUMMARY: 'INPUT_SUMMARY',
  SET_CONSUMPTION: 'SET_CONSUMPTION',
  REMINDERS_PAGE: 'REMINDERS_PAGE',
  PRODUCTS_PAGE: 'PRODUCTS_PAGE',
  PRODUCT_CSV: 'PRODUCT_CSV',
  MEMORY: 'MEMORY',
  RESET: 'RESET',
  CANCEL: 'CANCEL',
  // Between the worker and its second worker in split mode (worker/engines.js), not for pages.
  READ_PRODUCTS: 'READ_PRODUCTS',
  PRODUCT_SECTIONS: 'PRODUCT_SECTIONS',
  REMINDER_DAYS: 'REMINDER_DAYS',
});

export const ReplyType = Object.freeze({ RESULT: 'RESULT', ERROR: 'ERROR', PROGRESS: 'PROGRESS' });

/**
 * Options as the page and portals give them: flat ({columns, as_of, …}) or split
 * ({ingest, analysis}); the worker splits them (splitOptions).
 * @typedef {AnalyzerOptions & {ingest?: IngestOptions, analysis?: AnalysisOptions & ReminderProductOptions}} RequestOptions
 */

/**
 * Each request type's payload and result.
 * @typedef {{
 *   ANALYZE: {
 *     payload: {sources: (Blob | string)[], options?: RequestOptions, chunkBytes?: number, engines?: 1 | 2},
 *     result: {report: Report, bytes: number, rows: number, elapsedMs: number, engineMs: number, engines: 1 | 2}},
 *   REPORT: {payload: {options?: RequestOptions}, result: {report: Report}},
 *   CUSTOMERS_PAGE: {payload: {options?: RequestOptions, query?: CustomersQuery}, result: CustomersPage},
 *   CUSTOMERS_CSV: {
 *     payload: {options?: RequestOptions, filter?: CustomerFilter, predict?: PredictOptions | null},
 *     result: {bytes: ArrayBuffer}},
 *   HEALTH_CSV: {payload: {options?: RequestOptions, kind: 'cohorts' | 'migration'}, result: {bytes: ArrayBuffer}},
 *   PREDICT: {payload: {predict?: PredictOptions}, result: {predict: PredictReport}},
 *   MEMBER_LIST: {payload: {source: Blob | string, options?: MemberListOptions}, result: {memberList: MemberListSummary}},
 *   MEMBER_LIST_CLEAR: {payload: {}, result: {}},
 *   WINBACK_CSV: {
 *     payload: {options?: RequestOptions, tier?: WinbackTierKey, lang?: 'zh-CN' | 'en'},
 *     result: {bytes: ArrayBuffer}},
 *   INPUT_SUMMARY: {payload: {}, result: {input: InputSummary | undefined}},
 *   SET_CONSUMPTION: {payload: {source: Blob | string | null}, result: {consumption: ConsumptionInfo | null}},
 *   REMINDERS_PAGE: {payload: {options?: RequestOptions, query?: RemindersQuery}, result: RemindersPage},
 *   PRODUCTS_PAGE: {payload: {options?: RequestOptions, query?: ProductsQuery}, result: ProductsPage},
 *   PRODUCT_CSV: {payload: {options?: RequestOptions, kind: ProductExport}, result: {bytes: ArrayBuffer}},
 *   MEMORY: {payload: {}, result: {heapBytes: number, engines: 1 | 2}},
 *   RESET: {payload: {}, result: {}},
 *   CANCEL: {payload: {target: number}, result: {}},
 *   READ_PRODUCTS: {payload: {sources: (Blob | string)[], options?: RequestOptions, chunkBytes?: number}, result: {rows: number}},
 *   PRODUCT_SECTIONS: {payload: {options?: RequestOptions}, result: {sections: Partial<Report>}},
 *   REMINDER_DAYS: {payload: {options?: RequestOptions}, result: {days: ArrayBuffer}},
 * }} Requests
 */

/** @typedef {keyof Requests} RequestTypeName */
/** @template {RequestTypeName} T @typedef {Requests[T]['payload']} PayloadOf */
/** @template {RequestTypeName} T @typedef {Requests[T]['result']} ResultOf */

/**
 * A request message, its type tied to its payload.
 * @template {RequestTypeName} [T=RequestTypeName]
 * @typedef {{id: number, type: T, payload: PayloadOf<T>}} RequestMessage
 */

/** @typedef {{code: ErrorCodeName | string, message: string, line: number, input?: InputSummary}} ErrorValue */

/**
 * @typedef {{id: number, type: 'RESULT', payload: any}
 *   | {id: number, type: 'ERROR', error: ErrorValue}
 *   | {id: number, type: 'PROGRESS', payload: Progress}} ReplyMessage
 */

// Both checks below are compile-time only: the enum and the Requests table name the same types.
/** @type {RequestTypeName[]} */
const _enumCoversTable = Object.values(RequestType);
/** @type {(keyof typeof RequestType)[]} */
const _tableCoversEnum = /** @type {RequestTypeName[]} */ ([]);
void _enumCoversTable;
void _tableCoversEnum;

const INGEST_KEYS = ['encoding', 'delimiter', 'has_header', 'columns', 'date_order', 'identity', 'since', 'until', 'amount_unit', 'amount_level'];

/**
 * Splits flat options ({columns, as_of, …}) into the engine's ingest and analysis options.
 * @param {RequestOptions | undefined} options
 * @returns {{ingest: Record<string, unknown>, analysis: Record<string, unknown>}}
 */
export function splitOptions(options) {
  /** @type {Record<string, unknown>} */
  const ingest = {};
  /** @type {Record<string, unknown>} */
  const analysis = {};
  for (const [key, value] of Object.entries(options || {})) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'ingest') Object.assign(ingest, value);
    else if (key === 'analysis') Object.assign(analysis, value);
    else if (key === 'chunkBytes') continue;
    else if (INGEST_KEYS.includes(key)) ingest[key] = value;
    else analysis[key] = value;
  }
  return { ingest, analysis };
}
