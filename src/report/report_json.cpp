#include "report/report_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ingest/date_parse.h"
#include "ingest/identity_choice.h"

namespace huike {

using nlohmann::json;

const char* delimiter_name(char delimiter) {
  switch (delimiter) {
    case ',': return "comma";
    case '\t': return "tab";
    case ';': return "semicolon";
    case '|': return "pipe";
    case ' ': return "whitespace";
    default: return "unknown";
  }
}

namespace {

double rounded(double value, double scale = 100) { return std::round(value * scale) / scale; }

json histogram(const std::vector<double>& values, double bin_width, int max_bins) {
  std::vector<uint64_t> counts;
  uint64_t overflow = 0;
  for (double v : values) {
    const auto bin = static_cast<size_t>(std::max(0.0, std::floor(v / bin_width)));
    if (bin >= static_cast<size_t>(max_bins)) {
      ++overflow;
      continue;
    }
    if (bin >= counts.size()) counts.resize(bin + 1, 0);
    ++counts[bin];
  }
  return {{"bin_days", bin_width}, {"counts", counts}, {"overflow", overflow}};
}

// A round bin width giving at most about `bins` bins up to the 99th percentile. Reorders
// `values` (a copy was 18 MB at 10M rows, issue 14).
double nice_bin_width(std::vector<double>& values, int bins) {
  if (values.empty()) return 1;
  const size_t at = std::min(values.size() - 1, values.size() * 99 / 100);
  std::nth_element(values.begin(), values.begin() + at, values.end());
  const double span = std::max(1.0, values[at]);
  for (double width : {1.0, 2.0, 5.0, 7.0, 10.0, 14.0, 15.0, 30.0, 60.0, 90.0, 180.0, 365.0}) {
    if (span / width <= bins) return width;
  }
  return std::ceil(span / bins / 365) * 365;
}

json segment_json(const SegmentInfo& info, const SegmentSummary& s, const ShopAnalysis& shop) {
  const double n = s.customers ? s.customers : 1;
  return {{"key", info.key},
          {"name_zh", info.name_zh},
          {"name_en", info.name_en},
          {"action_zh", info.action_zh},
          {"action_en", info.action_en},
          {"customers", s.customers},
          {"customer_share", shop.analysed_customers ? static_cast<double>(s.customers) / shop.analysed_customers : 0},
          {"revenue", rounded(s.revenue)},
          {"revenue_share", shop.revenue > 0 ? s.revenue / shop.revenue : 0},
          {"avg_recency_days", rounded(s.sum_recency / n)},
          {"avg_frequency", rounded(s.sum_frequency / n)},
          {"avg_monetary", rounded(s.sum_monetary / n)}};
}

json identity_choices_json(const IngestSummary& summary) {
  json out = json::array();
  const int customer = summary.role_column[static_cast<int>(ColumnRole::customer)];
  for (const IdentityChoice& choice : identity_choices(summary.header, customer, summary.identity)) {
    out.push_back({{"identity", identity_mode_key(choice.mode)}, {"column", choice.column}});
  }
  return out;
}

json identity_json(const IngestSummary& summary) {
  const CustomerIdentity& id = summary.identity;
  const auto column = [&](int col) {
    return col >= 0 && static_cast<size_t>(col) < summary.header.size() ? json(summary.header[col]) : json(nullptr);
  };
  return {{"customer_column", column(summary.role_column[static_cast<int>(ColumnRole::customer)])},
          {"email_column", column(id.email_column)},
          {"phone_column", column(id.phone_column)},
          {"rows_by_customer_column", id.rows_by_customer_column},
          {"rows_by_email", id.rows_by_email},
          {"rows_by_phone", id.rows_by_phone},
          {"placeholder_values", id.placeholder_values},
          {"rule", identity_mode_rule(id.mode)},
          // The identity choice (ingest option "identity") and what else the file offers.
          {"mode", identity_mode_key(id.mode)},
          {"identity_column", column(id.identity_column)},
          {"name_column", column(id.name_column)},
          {"rows_by_name", id.rows_by_name},
          {"choices", identity_choices_json(summary)}};
}

json amount_level_json(const AmountLevelDecision& level) {
  return {{"decision", level.decision},
          {"header_says", level.header_says},
          {"multi_line_orders", level.multi_line_orders},
          {"repeated_orders", level.repeated_orders},
          {"rule", amount_level_rule()}};
}

}  // namespace

json input_json(const IngestSummary& summary) {
  json excluded = json::object();
  uint64_t excluded_rows = 0;
  for (const auto& [reason, count] : summary.excluded) {
    excluded[reason] = {{"rows", count.rows}, {"example_lines", count.example_lines}};
    excluded_rows += count.rows;
  }
  json columns = json::object(), column_index = json::object();
  for (int role = 0; role < kColumnRoleCount; ++role) {
    const int col = summary.role_column[role];
    const char* key = column_role_key(static_cast<ColumnRole>(role));
    const bool known = col >= 0 && static_cast<size_t>(col) < summary.header.size();
    columns[key] = known ? json(summary.header[col]) : json(nullptr);
    column_index[key] = col >= 0 ? json(col) : json(nullptr);
  }
  return {{"bytes", summary.bytes},
          {"lines", summary.lines},
          {"blank_lines", summary.blank_lines},
          {"rows_read", summary.rows_read},
          {"rows_used", summary.rows_used},
          {"return_rows", summary.return_rows},
          {"rows_excluded", excluded_rows},
          {"excluded", excluded},
          {"encoding", encoding_name(summary.encoding)},
          {"bom", summary.had_bom},
          {"invalid_byte_sequences", summary.invalid_byte_sequences},
          {"invalid_byte_lines", summary.invalid_byte_lines},
          {"delimiter", delimiter_name(summary.delimiter)},
          {"has_header", summary.has_header},
          {"header", summary.header},
          {"columns", columns},
          {"column_index", column_index},
          {"date_order", summary.date_order},
          {"date_order_assumed", summary.date_order_assumed},
          {"date_orders_mixed", summary.date_orders_mixed},
          {"date_format", summary.date_format},
          {"preview", summary.preview},
          {"platform", summary.platform.empty() ? json(nullptr) : json(summary.platform)},
          {"platform_name", summary.platform.empty() ? json(nullptr) : json(summary.platform_name)},
          {"customer_identity", identity_json(summary)},
          {"amount_level", amount_level_json(summary.amount_level)},
          {"line_items_without_amount",
           {{"rows", summary.line_items_without_amount.rows},
            {"example_lines", summary.line_items_without_amount.example_lines}}},
          {"refunded_orders", summary.refunded_orders}};
}

json analysis_json(const ShopAnalysis& shop) { return analysis_json(shop, analysis_charts_json(shop)); }

json analysis_charts_json(const ShopAnalysis& shop) { return analysis_charts_json(shop, date_charts_json(shop)); }

json date_charts_json(const ShopAnalysis& shop) {
  std::vector<double> recency, cycles;
  recency.reserve(shop.analysed_customers);
  cycles.reserve(shop.cycle_customers);
  for (const CustomerMetrics& m : shop.customers) {
    if (!m.analysed) continue;
    recency.push_back(m.recency_days(shop.as_of_day));
    if (m.purchase_days >= 2) cycles.push_back(m.cycle_days());
  }
  const double recency_width = nice_bin_width(recency, 30), cycle_width = nice_bin_width(cycles, 30);
  return {{"recency_histogram", histogram(recency, recency_width, 30)},
          {"cycle_histogram", histogram(cycles, cycle_width, 30)}};
}

json analysis_charts_json(const ShopAnalysis& shop, json charts) {
  // Chart data: recency and cycle histograms (given), R × F score heatmap with average M.
  std::array<std::array<double, 5>, 5> heat_customers{}, heat_monetary{};
  for (const CustomerMetrics& m : shop.customers) {
    if (!m.analysed) continue;
    heat_customers[m.r_score - 1][m.f_score - 1] += 1;
    heat_monetary[m.r_score - 1][m.f_score - 1] += shop.monetary(m);
  }
  json heat_count = json::array(), heat_avg = json::array();
  for (int r = 0; r < 5; ++r) {
    json count_row = json::array(), avg_row = json::array();
    for (int f = 0; f < 5; ++f) {
      count_row.push_back(static_cast<uint64_t>(heat_customers[r][f]));
      avg_row.push_back(heat_customers[r][f] ? rounded(heat_monetary[r][f] / heat_customers[r][f]) : 0.0);
    }
    heat_count.push_back(count_row);
    heat_avg.push_back(avg_row);
  }
  charts["rf_heatmap"] = {{"rows", "r_score 1..5"}, {"columns", "f_score 1..5"}, {"customers", heat_count},
                          {"avg_monetary", heat_avg}};
  return charts;
}

json analysis_json(const ShopAnalysis& shop, json charts) {
  const AnalysisOptions& o = shop.options;
  static const char* const mode_names[] = {"mean", "median", "custom"};
  json settings = {{"as_of", format_day(shop.as_of_day)},
                   {"thresholds", mode_names[static_cast<int>(o.thresholds)]},
                   {"churn_window_days", o.churn_window_days},
                   {"at_risk_multiplier", o.at_risk_multiplier},
                   {"churned_multiplier", o.churned_multiplier},
                   {"returns", o.subtract_returns ? "subtract" : "ignore"},
                   {"first_order_date", format_day(shop.first_order_day)},
                   {"last_order_date", format_day(shop.last_order_day)}};
  json totals = {{"customers", shop.analysed_customers},
                 {"orders", shop.orders},
                 {"revenue", rounded(shop.revenue)},
                 {"repeat_rate", shop.repeat_rate},
                 {"returning_revenue_share", shop.returning_revenue_share},
                 {"churn_rate", shop.churn_rate},
                 {"gross_revenue", rounded(shop.gross_revenue)},
                 {"returns_value", rounded(shop.returns_value)},
                 {"return_orders", shop.return_orders},
                 {"return_only_customers", shop.return_only_customers},
                 {"average_order_value", shop.orders ? rounded(shop.gross_revenue / shop.orders) : 0.0}};
  json thresholds = {{"mode", mode_names[static_cast<int>(o.thresholds)]},
                     {"recency_days", shop.thresholds.recency},
                     {"frequency", shop.thresholds.frequency},
                     {"monetary", shop.thresholds.monetary},
                     {"rule", "recent when R < recency_days; frequent when F > frequency; high value when M > monetary"}};
  json eight = json::array(), grid = json::array();
  for (int s = 0; s < kSegment8Count; ++s) {
    eight.push_back(segment_json(segment8_info(static_cast<Segment8>(s)), shop.segment8[s], shop));
  }
  for (int s = 0; s < kGridSegmentCount; ++s) {
    grid.push_back(segment_json(grid_segment_info(static_cast<GridSegment>(s)), shop.grid[s], shop));
  }
  json status = json::object();
  for (int s = 0; s < 4; ++s) status[churn_status_key(static_cast<ChurnStatus>(s))] = shop.status_counts[s];
  status["sleeping"] = shop.sleeping;

  const auto optional_days = [](double days) { return days < 0 ? json(nullptr) : json(rounded(days)); };
  json cycle = {{"shop_mean_days", optional_days(shop.shop_cycle_mean)},
                {"shop_median_days", optional_days(shop.shop_cycle_median)},
                {"customers_with_cycle", shop.cycle_customers}};

  return {{"analysis", settings}, {"totals", totals},         {"thresholds", thresholds},
          {"segments", {{"eight", eight}, {"grid", grid}}},  {"status", status},
          {"purchase_cycle", cycle},                           {"charts", charts}};
}

}  // namespace huike
