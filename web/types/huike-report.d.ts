// The report of dist/huike-embed.mjs (the JSON of `huike analyze`, schema_version 1) and the
// pages and lists it answers with: the sections a portal reads most. Every field listed is
// always present unless marked optional. Re-exported by huike-embed.d.ts, which holds the API
// and its options.
import type {
  AnalysisOptions, CustomerIdentity, IngestOptions, ReminderProductOptions, Role, TierOptions, WarningOptions,
} from './huike-embed.js';

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
