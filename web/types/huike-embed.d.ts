// Types of dist/huike-embed.mjs, for seller portals (TypeScript or editors' JS checking):
// the API and its options. The report's shapes are in huike-report.d.ts beside this file,
// re-exported here; every field listed is always present unless marked optional.
export * from './huike-report.js';
import type {
  ConsumptionInfo, InputSummary, MemberListOptions, MemberListSummary, MemberTierKey, ProductExport, ProductsPage,
  ProductsQuery, RemindersPage, RemindersQuery, Report, WinbackTierKey,
} from './huike-report.js';

/** Every error code an analyzer may reject with (`error.code`). */
export type ErrorCode =
  | 'E_BAD_OPTION' | 'E_STATE' | 'E_NO_SESSION' | 'E_EMPTY_FILE' | 'E_NO_ROWS' | 'E_NO_USABLE_ROWS'
  | 'E_NO_CUSTOMER_COLUMN' | 'E_NO_DATE_COLUMN' | 'E_NO_AMOUNT_COLUMN' | 'E_UNKNOWN_COLUMN'
  | 'E_SPREADSHEET_FILE' | 'E_UTF16_FILE' | 'E_BINARY_FILE' | 'E_UNTERMINATED_QUOTE' | 'E_RECORD_TOO_LONG'
  | 'E_TOO_MANY_COLUMNS' | 'E_AMAZON_ALL_ORDERS' | 'E_MIXED_ENCODING' | 'E_NO_PURCHASES' | 'E_NO_MEMBER_ID_COLUMN' | 'E_PREDICT_OPTION' | 'E_PREDICT_RANGE' | 'E_PREDICT_CALIBRATION_END'
  | 'E_PREDICT_NO_PURCHASES' | 'E_CONSUMPTION_COLUMNS' | 'E_CONSUMPTION_ROW' | 'E_CONSUMPTION_DAYS'
  | 'E_CONSUMPTION_DUPLICATE' | 'E_OUT_OF_MEMORY' | 'E_FILE_TOO_LARGE' | 'E_INTERNAL' | 'E_OPEN' | 'E_READ' | 'E_WRITE'
  | 'E_CANCELLED' | 'E_WORKER_CRASHED' | 'E_DISPOSED' | 'E_BAD_INPUT' | 'E_BAD_REQUEST' | 'E_NO_INPUT';

export type Role = 'customer' | 'date' | 'amount' | 'order_id' | 'quantity' | 'unit_price' | 'status' | 'product' | 'contact' | 'after_sale' | 'promotion';

export interface IngestOptions {
  encoding?: 'utf-8' | 'gb18030' | 'windows-1252';
  delimiter?: 'comma' | 'tab' | 'semicolon' | 'pipe' | 'whitespace' | ',' | ';' | '|';
  has_header?: boolean;
  /** Role → header name or 0-based column index; '' means "no such column". */
  columns?: Partial<Record<Role, string | number>>;
  date_order?: 'month_first' | 'day_first';
  /** Which column tells customers apart (default auto: the customer column, placeholder ids by e-mail, else phone). */
  identity?: IdentityMode;
}

export type IdentityMode = 'auto' | 'id' | 'email' | 'phone' | 'name';

/** input.customer_identity: how customers were told apart, and the choices the file offers. */
export interface CustomerIdentity {
  customer_column: string | null; email_column: string | null; phone_column: string | null;
  name_column: string | null; identity_column: string | null; mode: IdentityMode;
  rows_by_customer_column: number; rows_by_email: number; rows_by_phone: number; rows_by_name: number;
  placeholder_values: string[]; rule: string;
  choices: { identity: Exclude<IdentityMode, 'auto'>; column: string }[];
  /** YYYY-MM-DD: orders before `since` / after `until` are excluded (outside_date_range). */
  since?: string;
  until?: string;
  /** `cents`: amounts are divided by 100. */
  amount_unit?: 'yuan' | 'cents';
  /** Instead of the per-file decision: the order's total repeated on its lines, or each line's value. */
  amount_level?: 'auto' | 'per_order' | 'per_line';
}

/** The data warnings' thresholds (README "Data warnings"); defaults in brackets. */
export interface WarningOptions {
  warn_customer_share?: number;     // [0.2] one customer above this share of orders or revenue
  warn_min_customers?: number;      // [50] … with this many customers (also for one-time buyers)
  warn_repeated_share?: number;     // [0.5] multi-line orders repeating one amount, yet summed
  warn_zero_share?: number;         // [0.1] orders of value 0
  warn_one_time_share?: number;     // [0.95] customers with one order …
  warn_one_time_min_years?: number; // [2] … over this many years
  warn_one_day_share?: number;      // [0.5] orders on the busiest day …
  warn_one_day_min_orders?: number; // [100] … with this many orders
  warn_cents_median?: number;       // [1000] whole amounts, half the orders this much or more
  warn_date_floor_year?: number;    // [1990] dates before 1 January of it are outliers
  warn_outlier_years?: number;      // [5] … as are dates this far beyond the 1st / 99th percentile
}

/** Member-tier and win-back settings (README "Member tiers and win-back"); defaults in brackets. */
export interface TierOptions {
  tier_window_days?: number; // 365
  high_spend_share?: number; // 0.2
  high_unit_price_multiple?: number; // 2
  loyalty_revenue_share?: number; // 0.5
  loyalty_min_purchase_days?: number; // 2
  loyalty_max_gap_days?: number; // 60
  promo_high_share?: number; // 0.2
  promo_low_share?: number; // 0.2
  churning_min_age_days?: number; // 360
  churning_recent_days?: number; // 180
  churning_min_prior_orders?: number; // 2
  churning_drop_ratio?: number; // 0.5
  winback_light_max_orders?: number; // 2
  winback_members_no_order_max_touches?: number; // 3
  winback_members_no_order_min_days?: number; // 14
  winback_light_low_value_max_touches?: number; // 2
  winback_light_low_value_min_days?: number; // 30
  winback_light_high_value_max_touches?: number; // 4
  winback_light_high_value_min_days?: number; // 14
  winback_loyal_lapsed_max_touches?: number; // 8
  winback_loyal_lapsed_min_days?: number; // 7
}

export interface AnalysisOptions extends TierOptions, WarningOptions {
  /** YYYY-MM-DD; orders on or after it are left out. Default: the day after the latest purchase. */
  as_of?: string;
  thresholds?: 'mean' | 'median' | 'custom';
  custom_thresholds?: { recency: number; frequency: number; monetary: number };
  churn_window_days?: number;
  at_risk_multiplier?: number;
  churned_multiplier?: number;
  returns?: 'subtract' | 'ignore';
  /** The health series: `week` adds `health.weekly` (monthly is always there). */
  period?: 'month' | 'week';
  /** YYYY-MM-DD, the earlier date of the segment migration. Default: as_of − 90 days. */
  compare_as_of?: string;
  /** Header names of the CSV exports: `zh` (客户, 手机, 邮箱 …) or `en` (the stable keys, default). */
  csv_lang?: 'zh' | 'zh-CN' | 'en';
}

/** Replenishment reminders and product roles (issue 9); defaults in brackets. */
export interface ReminderProductOptions {
  remind_within_days?: number;   // [14] due on the analysis date or within this many days
  remind_days_before?: number;   // [7] reminder day = due − this, never before the analysis date
  overdue_max_days?: number;     // [30] overdue for at most this many days
  learn_min_customers?: number;  // [20] customers on 2+ days to learn a product's days per unit
  reminder_series_days?: number; // [28] days of the reminders-per-day series
  product_min_orders?: number;   // [5] fewer orders: too_few_orders
  profit_top_share?: number;     // [0.2]
  median_min_buyers?: number;    // [10]
  traffic_top_share?: number;    // [0.2]
  potential_min_orders?: number; // [10]
  potential_days?: number;       // [180]
  potential_growth?: number;     // [0.5]
  growth_window_days?: number;   // [90]
  edge_bottom_share?: number;    // [0.5]
}

/** analyze() options are flat: ingest and analysis keys side by side. */
export type AnalyzerOptions = IngestOptions & AnalysisOptions & ReminderProductOptions;

export interface Progress { bytes: number; total: number; rows: number; elapsedMs: number }

export type CustomerStatus = 'active' | 'at_risk' | 'churned' | 'sleeping' | 'unknown';

export interface CustomerFilter {
  segment_eight?: string;
  segment_grid?: string;
  status?: CustomerStatus;
  /** A member tier. */
  tier?: MemberTierKey;
  winback_tier?: WinbackTierKey;
  /** Only in customersCsv with `predict`: customers whose P(alive) is below this. */
  p_alive_below?: number;
}

export type CustomerSort = 'customer_id' | 'recency_days' | 'frequency' | 'monetary' | 'average_order_value'
  | 'cycle_days' | 'first_purchase' | 'last_purchase' | 'next_purchase_date';

export interface CustomersQuery {
  filter?: CustomerFilter; sort?: CustomerSort; descending?: boolean; offset?: number; limit?: number;
}

export interface CustomerRow {
  customer_id: string; phone: string; email: string; recency_days: number; frequency: number; monetary: number;
  r_score: number; f_score: number; m_score: number;
  segment_eight: string; segment_grid: string; status: CustomerStatus; sleeping: boolean;
  first_purchase: string; last_purchase: string; purchase_days: number;
  average_order_value: number; cycle_days: number | null; returned: number;
  next_purchase_date: string | null; reminder_date: string | null;
}

export interface CustomersPage { total: number; offset: number; rows: CustomerRow[] }

export interface PredictOptions {
  calibration_end?: string; unit?: 'day' | 'week'; horizon_days?: number; discount_rate?: number;
  /** auto (default): the smallest per-customer hold-out error; BG/NBD without a hold-out. */
  model?: 'auto' | 'bgnbd' | 'mbgnbd' | 'paretonbd';
}

export type CountModelKey = 'bgnbd' | 'mbgnbd' | 'paretonbd';

/** `model_comparison` of the predict report: the three fits and the choice. */
export interface ModelComparison {
  rule: string; chosen: CountModelKey; chosen_by: 'holdout_mae' | 'option' | 'default'; reason: string;
  holdout_available: boolean; holdout_length_units: number | null; unit: string; customers: number;
  holdout_actual_transactions: number | null;
  models: Array<{ model: CountModelKey; name: string; log_likelihood: number | null; converged: boolean;
    holdout_predicted_transactions: number | null; holdout_mae: number | null }>;
  calibration_histogram: { description: string; bins: string[]; actual: number[];
    expected: Record<CountModelKey, Array<number | null>> };
}

/** `next_order` of the predict report: the expected next order dates, with the formula. */
export interface NextOrderSummary {
  formula: string; model: CountModelKey; as_of: string; customers_with_date: number;
  customers_without_date: number; within_horizon: number; horizon_days: number;
  median_days_to_next_order: number | null;
}

/** The report of `huike predict` (fitted parameters, shop figures, hold-out, top customers). */
export interface PredictReport {
  model: string; unit: string; unit_days: number; horizon_days: number; horizon_units: number;
  annual_discount_rate: number; predictions_as_of: string;
  shop: Record<string, number>;
  model_comparison: ModelComparison;
  next_order: NextOrderSummary;
  [section: string]: any;
}

/** A rejected promise's error. */
export interface HuikeError extends Error {
  code: ErrorCode;
  /** 1-based line of the input, 0 when not about a line. */
  line: number;
  /** What the engine detected in a file it refused (for a column-mapping UI). */
  input?: InputSummary;
}

export interface AnalyzeControls {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /**
   * How many engines read the file. By default one, or two when the first bytes show it will
   * not fit one engine's 4 GB (split mode: a second worker reads the same file for the
   * product sections; the report is the same). 2: split mode from the first byte; 1: never.
   */
  engines?: 1 | 2;
}

/** The engines' wasm heap in all (a heap never shrinks until dispose()), and how many hold the file. */
export interface MemoryUse { heapBytes: number; engines: 1 | 2 }

export interface Analyzer {
  analyze(input: Blob | string | ArrayBuffer | ArrayBufferView | Array<Blob | string | ArrayBuffer | ArrayBufferView>,
          options?: AnalyzerOptions, controls?: AnalyzeControls): Promise<Report>;
  report(options?: AnalyzerOptions): Promise<Report>;
  customersPage(query?: CustomersQuery, options?: AnalyzerOptions): Promise<CustomersPage>;
  customersCsv(filter?: CustomerFilter, options?: AnalyzerOptions, extra?: { predict?: PredictOptions | null }): Promise<Blob>;
  /** `signal` stops a running fit at once; the worker then re-reads the input (later calls wait). */
  predict(options?: PredictOptions, extra?: { signal?: AbortSignal }): Promise<PredictReport>;
  /** The health view's exports: the cohort matrix, or one row per customer with both segments. */
  healthCsv(kind: 'cohorts' | 'migration', options?: AnalyzerOptions): Promise<Blob>;
  /** Adds a member list (a second file) to the win-back plan; report() then carries it. */
  memberList(input: Blob | string | ArrayBuffer | ArrayBufferView, options?: MemberListOptions): Promise<MemberListSummary>;
  clearMemberList(): Promise<void>;
  /** The win-back contact plan, one tier or all (UTF-8 with BOM, formula-safe). */
  winbackCsv(tier?: WinbackTierKey, options?: AnalyzerOptions, extra?: { lang?: 'zh-CN' | 'en' }): Promise<Blob>;
  /** A CSV of product, days one unit lasts (kept for later files); null removes it. */
  setConsumptionTable(table: Blob | string | null): Promise<ConsumptionInfo | null>;
  remindersPage(query?: RemindersQuery, options?: AnalyzerOptions): Promise<RemindersPage>;
  productsPage(query?: ProductsQuery, options?: AnalyzerOptions): Promise<ProductsPage>;
  /** 'reminders' (both lists), 'products' (every product) or 'audience' (the promotion audience). */
  exportCsv(kind: ProductExport, options?: AnalyzerOptions): Promise<Blob>;
  memory(): Promise<MemoryUse>;
  dispose(): void;
}

export function createAnalyzer(): Analyzer;

/** Every error code, in registry order. */
export const ERROR_CODES: readonly ErrorCode[];

/** The `<huike-report>` element (registered when the module loads). */
export interface HuikeReportElement extends HTMLElement {
  analyze(input: Blob | string, options?: AnalyzerOptions): Promise<Report>;
  readonly report: Report | null;
  dispose(): void;
}

export interface HuikeReportEventMap {
  'huike-progress': CustomEvent<Progress>;
  'huike-done': CustomEvent<{ report: Report }>;
  'huike-error': CustomEvent<{ code: ErrorCode; message: string; line: number }>;
}

declare global {
  interface HTMLElementTagNameMap { 'huike-report': HuikeReportElement }
}
