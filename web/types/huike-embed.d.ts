// Types of dist/huike-embed.mjs, for seller portals (TypeScript or editors' JS checking).
// The report is the JSON of `huike analyze` (schema_version 1); the shapes below name the
// fields a portal reads most; every field listed is always present unless marked optional.

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

export type WarningCode = 'W_DOMINANT_CUSTOMER' | 'W_AMOUNT_PER_ORDER' | 'W_AMOUNT_REPEATED' | 'W_ZERO_VALUE_ORDERS'
  | 'W_ONE_TIME_BUYERS' | 'W_ONE_DAY_DATES' | 'W_AMOUNTS_IN_CENTS' | 'W_OUTLIER_DATES';

export interface DataWarning {
  code: WarningCode;
  severity: 'warning' | 'info';
  /** The rule's figures (see README); names of columns, counts, shares, dates. */
  figures: Record<string, any>;
  /** English, as the CLI prints it; the page translates by `code`. */
  message: string;
  /** What would change the numbers: ingest options to add and the same as CLI flags; null when only the user knows. */
  action: { ingest: IngestOptions; cli: string } | null;
}

export interface WarningsSection {
  settings: Required<WarningOptions>;
  corrections: { since: string | null; until: string | null; amount_unit: 'yuan' | 'cents'; amount_level: 'auto' | 'per_order' | 'per_line' };
  items: DataWarning[];
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

export type MemberTierKey = 'high_spend' | 'high_unit_price' | 'high_loyalty' | 'promo_high_frequency'
  | 'promo_low_frequency' | 'churning' | 'sleeping';
export type WinbackTierKey = 'members_no_order' | 'light_low_value' | 'light_high_value' | 'loyal_lapsed';

export interface MemberTier {
  key: MemberTierKey; name_zh: string; name_en: string; rule_zh: string; rule_en: string;
  /** The settings the rule uses, with their values. */
  settings: Record<string, number>;
  available: boolean; reason?: string; reason_zh?: string;
  customers: number; revenue: number; net_revenue: number; customer_share: number;
  action_zh: string; action_en: string;
}

export interface MembersSection {
  window_days: number; window_buyers: number; window_revenue: number; shop_average_order_value: number;
  promotion_customers: number; tiers: MemberTier[];
  /** overlap[i][j]: customers in both tiers[i] and tiers[j]. */
  overlap: number[][];
}

export interface MemberListSummary {
  rows: number; members: number; matched: number; unmatched: number; customers_not_in_list: number;
  members_without_orders: number;
  excluded: Record<string, ExcludedReason>; bad_signup_date: ExcludedReason;
  encoding: string; delimiter: string;
  columns: { member_id: string | null; phone: string | null; email: string | null; signup: string | null };
}

export interface MemberListOptions {
  encoding?: IngestOptions['encoding']; delimiter?: IngestOptions['delimiter'];
  columns?: { member_id?: string; phone?: string; email?: string; signup?: string };
}

export interface WinbackTier {
  key: WinbackTierKey; name_zh: string; name_en: string; rule_zh: string; rule_en: string;
  offer_zh: string; offer_en: string; available: boolean;
  customers: number; revenue: number; max_touches: number; min_days_between: number;
  settings: Record<string, number>;
  channels: { sms: number; email: number; platform_message: number };
}

export interface WinbackSection {
  median_order_value: number; light_max_orders: number; lapsed_customers: number;
  lapsed_rule_zh: string; lapsed_rule_en: string; channel_rule_zh: string; channel_rule_en: string;
  tiers: WinbackTier[]; member_list: MemberListSummary | null;
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

export interface ExcludedReason { rows: number; example_lines: number[] }

export interface InputSummary {
  bytes: number; lines: number; rows_read: number; rows_used: number; rows_excluded: number;
  return_rows: number; blank_lines: number; invalid_byte_sequences: number;
  encoding: string; bom: boolean; delimiter: string; has_header: boolean;
  header: string[]; preview: string[][];
  columns: Record<Role, string | null>;
  column_index: Record<Role, number | null>;
  date_order: string; date_order_assumed: boolean; date_orders_mixed: boolean;
  excluded: Record<string, ExcludedReason>;
  customer_identity?: CustomerIdentity;
}

export interface Segment {
  key: string; name_zh: string; name_en: string; action_zh: string; action_en: string;
  customers: number; customer_share: number; revenue: number; revenue_share: number;
  avg_recency_days: number; avg_frequency: number; avg_monetary: number;
}

export interface Histogram { bin_days: number; counts: number[]; overflow: number }

/** One month (`month`: YYYY-MM) or Monday-based week (`week`: its Monday) of `health`. */
export interface HealthPeriod {
  month?: string; week?: string; start: string; end: string; complete: boolean;
  new_customers: number; returning_customers: number; new_revenue: number; returning_revenue: number;
  returning_revenue_share: number | null; customers_to_date: number; active_customers: number;
  churned_customers: number; churn_rate: number | null;
}

/** Monthly acquisition cohorts; index k of a row is k months after the first purchase. */
export interface HealthCohorts {
  months: string[]; sizes: number[]; buyers: number[][]; retention: number[][];
  revenue_per_customer_cumulative: number[][]; last_month: string | null; last_diagonal_incomplete: boolean; rule: string;
}

export interface SegmentMatrix { rows: string[]; columns: string[]; customers: number[][] }

export interface MigrationDate {
  as_of: string; customers: number; thresholds: { recency_days: number; frequency: number; monetary: number };
}

export interface Report {
  schema_version: number;
  engine: string;
  input: InputSummary;
  analysis: Required<Omit<AnalysisOptions, 'custom_thresholds' | keyof TierOptions | keyof WarningOptions>> & { first_order_date: string; last_order_date: string };
  totals: {
    customers: number; orders: number; revenue: number; gross_revenue: number; returns_value: number;
    return_orders: number; return_only_customers: number; average_order_value: number;
    repeat_rate: number; returning_revenue_share: number; churn_rate: number;
  };
  thresholds: { mode: string; recency_days: number; frequency: number; monetary: number; rule: string };
  segments: { eight: Segment[]; grid: Segment[] };
  status: { active: number; at_risk: number; churned: number; sleeping: number; unknown: number };
  purchase_cycle: { customers_with_cycle: number; shop_mean_days: number | null; shop_median_days: number | null };
  charts: {
    recency_histogram: Histogram; cycle_histogram: Histogram;
    rf_heatmap: { rows: string; columns: string; customers: number[][]; avg_monetary: number[][] };
  };
  health: {
    churn_window_days: number; rules: Record<string, string>; skipped?: string;
    monthly: HealthPeriod[]; weekly?: HealthPeriod[]; cohorts: HealthCohorts;
  };
  migration: {
    earlier: MigrationDate; later: MigrationDate; eight: SegmentMatrix; grid: SegmentMatrix; rule: string;
    highlights: {
      important_value_before: number; important_value_after: number;
      moved_into_important_value: number; moved_into_important_value_from: Record<string, number>;
      left_important_value: number; left_important_value_to: Record<string, number>;
      important_value_now_important_win_back: number; important_value_now_general_win_back: number;
    };
  };
  members: MembersSection;
  winback: WinbackSection;
  replenishment: ReplenishmentSection;
  products: ProductsSection;
  warnings: WarningsSection;
}

export type ReminderSource = 'rhythm' | 'consumption_table' | 'learned';

export interface ReminderRow {
  customer_id: string; phone: string; email: string; channel: 'sms' | 'email' | 'platform_message';
  product: string | null; source: ReminderSource; last_purchase: string;
  quantity: number | null; days_per_unit: number | null; cycle_days: number | null;
  due_date: string; reminder_date: string; days_until_due: number;
}

export interface ReplenishmentSection {
  settings: Required<Pick<ReminderProductOptions, 'remind_within_days' | 'remind_days_before' | 'overdue_max_days'
    | 'learn_min_customers' | 'reminder_series_days'>>;
  as_of: string;
  product_column: boolean;
  consumption_table: { rows: number; matched_products: number; product_column: string; days_column: string } | null;
  sources: Record<ReminderSource, { estimates: number; remind_now: number; overdue: number }>;
  remind_now: { count: number; rows: ReminderRow[] };
  overdue: { count: number; rows: ReminderRow[] };
  learned_products: { product: string; customers: number; intervals: number; median_days_per_unit: number;
    q1: number; q3: number; iqr: number }[];
  not_learned: { products: number; most_customers: number };
  per_day: { date: string; reminders: number }[];
}

export type ProductRole = 'profit' | 'traffic' | 'potential' | 'edge' | 'regular' | 'too_few_orders';

export interface ProductRow {
  product: string; role: ProductRole; orders: number; units: number | null; revenue: number | null;
  buyers: number; first_order_buyers: number; first_buyer_repeat_rate: number | null;
  repeat_buyer_share: number | null; average_unit_price: number | null; revenue_recent: number | null;
  revenue_previous: number | null; growth: number | null; recent_orders: number; new: boolean;
}

export interface ProductsSection {
  settings: Required<Pick<ReminderProductOptions, 'product_min_orders' | 'profit_top_share' | 'median_min_buyers'
    | 'traffic_top_share' | 'potential_min_orders' | 'potential_days' | 'potential_growth' | 'growth_window_days'
    | 'edge_bottom_share'>>;
  available: boolean;
  /** When not available. */
  reason?: 'no_product_column' | 'no_products';
  as_of?: string; products?: number; classified?: number;
  has_quantity_column?: boolean; lines_without_quantity?: number; lines_without_product?: number;
  cuts?: { repeat_share_median: number | null; repeat_share_median_products: number; unit_price_median: number | null;
    profit_revenue_cut: number | null; traffic_first_buyers_cut: number | null; edge_revenue_cut: number | null };
  roles?: Record<ProductRole, { count: number; top: ProductRow[] }>;
  audience?: { customers: number; median_order_value: number | null };
}

export interface RemindersQuery { list?: 'remind_now' | 'overdue'; offset?: number; limit?: number }
export interface RemindersPage { total: number; offset: number; rows: ReminderRow[] }
export type ProductSort = 'product' | 'orders' | 'units' | 'revenue' | 'buyers' | 'first_order_buyers'
  | 'first_buyer_repeat_rate' | 'repeat_buyer_share' | 'average_unit_price' | 'revenue_recent' | 'revenue_previous'
  | 'growth' | 'recent_orders';
export interface ProductsQuery { sort?: ProductSort; descending?: boolean; offset?: number; limit?: number; role?: ProductRole }
export interface ProductsPage { total: number; offset: number; rows: ProductRow[] }
export type ProductExport = 'reminders' | 'products' | 'audience';
export interface ConsumptionInfo { rows: number; product_column: string; days_column: string; encoding: string }

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

export interface AnalyzeControls { onProgress?: (progress: Progress) => void; signal?: AbortSignal }

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
