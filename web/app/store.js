// The page's state: every field declared here, once. The object is sealed, so a view that
// assigns a field not listed fails at once (and tsc flags it).

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').InputSummary} InputSummary */
/** @typedef {import('../types/huike-embed').IngestOptions} IngestOptions */
/** @typedef {import('../types/huike-embed').AnalysisOptions} AnalysisOptions */
/** @typedef {import('../types/huike-embed').PredictOptions} PredictOptions */
/** @typedef {import('../types/huike-embed').PredictReport} PredictReport */
/** @typedef {import('../types/huike-embed').CustomerFilter} CustomerFilter */
/** @typedef {import('../types/huike-embed').CustomerSort} CustomerSort */

/**
 * @typedef {{filter: CustomerFilter, title: string, note: string, sort: CustomerSort,
 *   descending: boolean, offset: number, total: number, run: number}} CustomerList
 */

/**
 * @typedef {object} State
 * @property {File[]} files the files analysed (re-read when the mapping changes)
 * @property {string} label how the files are named on the page
 * @property {IngestOptions} ingest the user's mapping corrections
 * @property {AnalysisOptions} analysis the user's settings; absent keys take the engine's defaults
 * @property {boolean} asOfSet whether the user picked an analysis date
 * @property {Report | null} report
 * @property {InputSummary | null} input last input summary (from a report or a failed run)
 * @property {number} elapsedMs
 * @property {1 | 2} engines the engines that read the file (2: split mode, a file beyond one heap)
 * @property {number} runId bumped by every run; replies of older runs are dropped
 * @property {number | null} running the id of the ANALYZE request in flight
 * @property {File[] | null} queued files dropped while a run was in flight; they start when it settles
 * @property {string} view the tab shown
 * @property {CustomerList | null} list the customer list open
 * @property {PredictReport | null} predict the last predictions
 * @property {PredictOptions | null} predictOptions the options they were made with
 * @property {number} predictRun bumped by every prediction run
 * @property {import('../types/huike-embed').ReminderProductOptions} remindOptions the Reminders view's settings
 * @property {import('../types/huike-embed').ReminderProductOptions} productOptions the Products view's settings
 * @property {string} consumptionName the consumption table's file name ('' = none)
 */

/** @returns {State} */
export function createStore() {
  return Object.seal({
    files: [],
    label: '',
    ingest: {},
    analysis: {},
    asOfSet: false,
    report: null,
    input: null,
    elapsedMs: 0,
    engines: 1,
    runId: 0,
    running: null,
    queued: null,
    view: 'overview',
    list: null,
    predict: null,
    predictOptions: null,
    predictRun: 0,
    remindOptions: {},
    productOptions: {},
    consumptionName: '',
  });
}
