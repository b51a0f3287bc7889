#include "report/health_json.h"

#include <cmath>

#include "ingest/date_parse.h"

namespace huike {

using nlohmann::json;

namespace {

double cents(double value) { return std::round(value * 100) / 100; }
json share(double part, double whole) { return whole > 0 ? json(part / whole) : json(nullptr); }
std::string month_label(int32_t day) { return format_day(day).substr(0, 7); }

json period_json(const PeriodPoint& p, const char* label_key, const std::string& label) {
  return {{label_key, label},
          {"start", format_day(p.start_day)},
          {"end", format_day(p.end_day)},
          {"complete", p.complete},
          {"new_customers", p.new_customers},
          {"returning_customers", p.returning_customers},
          {"new_revenue", cents(p.new_revenue)},
          {"returning_revenue", cents(p.returning_revenue)},
          {"returning_revenue_share", share(p.returning_revenue, p.new_revenue + p.returning_revenue)},
          {"customers_to_date", p.customers_to_date},
          {"active_customers", p.active_customers()},
          {"churned_customers", p.churned_customers},
          {"churn_rate", share(p.churned_customers, p.customers_to_date)}};
}

json cohorts_json(const CustomerHealth& h) {
  json months = json::array(), sizes = json::array(), buyers = json::array(), retention = json::array(),
       revenue = json::array();
  for (const CohortRow& row : h.cohorts) {
    months.push_back(month_label(row.month_start_day));
    sizes.push_back(row.customers);
    buyers.push_back(row.buyers);
    json shares = json::array(), cumulative = json::array();
    double sum = 0;
    for (size_t k = 0; k < row.buyers.size(); ++k) {
      shares.push_back(static_cast<double>(row.buyers[k]) / row.customers);
      sum += row.revenue[k];
      cumulative.push_back(cents(sum / row.customers));
    }
    retention.push_back(shares);
    revenue.push_back(cumulative);
  }
  const json last_month = h.monthly.empty() ? json(nullptr) : json(month_label(h.monthly.back().start_day));
  return {{"months", months},
          {"sizes", sizes},
          {"buyers", buyers},
          {"retention", retention},
          {"revenue_per_customer_cumulative", revenue},
          {"last_month", last_month},
          {"last_diagonal_incomplete", !h.monthly.empty() && !h.last_month_complete},
          {"rule",
           "row: customers whose first purchase is in that month; column k: share of them buying k months later "
           "(k = 0 is 100%); the last cell of each row is the last month, incomplete when it has not ended"}};
}

json thresholds_json(const ShopAnalysis& shop) {
  return {{"as_of", format_day(shop.as_of_day)},
          {"customers", shop.analysed_customers},
          {"thresholds",
           {{"recency_days", shop.thresholds.recency},
            {"frequency", shop.thresholds.frequency},
            {"monetary", shop.thresholds.monetary}}}};
}

template <size_t Rows, size_t Columns>
json matrix_json(const std::array<std::array<uint32_t, Columns>, Rows>& matrix, const SegmentInfo& (*info)(int)) {
  json rows = json::array({"new"}), columns = json::array(), cells = json::array();
  for (size_t c = 0; c < Columns; ++c) {
    rows.push_back(info(static_cast<int>(c)).key);
    columns.push_back(info(static_cast<int>(c)).key);
  }
  for (const auto& row : matrix) cells.push_back(row);
  return {{"rows", rows}, {"columns", columns}, {"customers", cells}};
}

const SegmentInfo& eight_info(int s) { return segment8_info(static_cast<Segment8>(s)); }
const SegmentInfo& grid_info(int s) { return grid_segment_info(static_cast<GridSegment>(s)); }

json highlights_json(const MigrationHighlights& h) {
  json from = json::object(), to = json::object();
  for (int row = 0; row <= kSegment8Count; ++row) {
    if (h.moved_in_from[row]) from[row == 0 ? "new" : eight_info(row - 1).key] = h.moved_in_from[row];
  }
  for (int col = 0; col < kSegment8Count; ++col) {
    if (h.moved_out_to[col]) to[eight_info(col).key] = h.moved_out_to[col];
  }
  return {{"important_value_before", h.important_value_before},
          {"important_value_after", h.important_value_after},
          {"moved_into_important_value", h.moved_in},
          {"moved_into_important_value_from", from},
          {"left_important_value", h.moved_out},
          {"left_important_value_to", to},
          {"important_value_now_important_win_back", h.now_important_win_back},
          {"important_value_now_general_win_back", h.now_general_win_back}};
}

}  // namespace

json health_json(const CustomerHealth& h) {
  json out = {{"churn_window_days", h.churn_window_days},
              {"rules",
               {{"new", "customers whose first purchase is in the period"},
                {"returning", "customers with a purchase in the period and their first purchase before it"},
                {"revenue", "purchases (returns are not purchases) of new / of returning customers in the period"},
                {"active", "customers to date whose last purchase is less than churn_window_days before the day "
                           "after the period's end (as the overview counts R at that date)"},
                {"churn_rate", "customers to date with R >= churn_window_days at the day after the period's end, "
                               "divided by customers to date"},
                {"end", "the period's last day, or the day before the analysis date when it has not ended"}}}};
  if (h.too_long) {
    out["skipped"] = "more than 1200 months between the first purchase and the analysis date";
  }
  json monthly = json::array();
  for (const PeriodPoint& p : h.monthly) monthly.push_back(period_json(p, "month", month_label(p.start_day)));
  out["monthly"] = monthly;
  if (!h.weekly.empty()) {
    json weekly = json::array();
    for (const PeriodPoint& p : h.weekly) weekly.push_back(period_json(p, "week", format_day(p.start_day)));
    out["weekly"] = weekly;
  }
  out["cohorts"] = cohorts_json(h);
  return out;
}

json migration_json(const ShopAnalysis& earlier, const ShopAnalysis& later) {
  const SegmentMigration m = migrate_segments(earlier, later);
  return {{"earlier", thresholds_json(earlier)},
          {"later", thresholds_json(later)},
          {"eight", matrix_json(m.eight, eight_info)},
          {"grid", matrix_json(m.grid, grid_info)},
          {"highlights", highlights_json(migration_highlights(m))},
          {"rule", "each date analysed as the overview would be at it (its own thresholds, only orders before it); "
                   "row new: customers with no purchase before the earlier date"}};
}

}  // namespace huike
