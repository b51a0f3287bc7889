#include "analysis/data_warnings.h"

#include <algorithm>
#include <cmath>

#include "ingest/date_parse.h"

namespace huike {
namespace {

constexpr size_t kDominantListed = 3;
constexpr size_t kOutlierLines = 5;
constexpr double kHalfCent = 0.005;
constexpr uint64_t kMinMultiLineOrders = 3;  // the amount-level rule's own minimum

// The k-th smallest day (0-based) of a histogram starting at `first`.
int32_t kth_day(const std::vector<uint64_t>& per_day, int32_t first, uint64_t k) {
  uint64_t seen = 0;
  for (size_t d = 0; d < per_day.size(); ++d) {
    seen += per_day[d];
    if (seen > k) return first + static_cast<int32_t>(d);
  }
  return first + static_cast<int32_t>(per_day.size()) - 1;
}

void check_customers(const WarningCounts& counts, DataWarnings& w) {
  w.customers = counts.customers;
  w.one_time_customers = counts.one_time_customers;
  const WarningOptions& o = w.options;
  const double span_years = (w.last_day - w.first_day) / 365.25;
  w.one_time_fired = w.customers >= o.min_customers && span_years >= o.one_time_min_years &&
                     w.one_time_customers >= o.one_time_share * w.customers;
  if (w.customers < o.min_customers || w.orders == 0) return;
  for (const DominantCustomer& d : counts.large) {
    if (d.order_share <= o.customer_share && d.revenue_share <= o.customer_share) continue;
    ++w.dominant_count;
    w.dominant.push_back(d);
  }
  std::stable_sort(w.dominant.begin(), w.dominant.end(), [](const DominantCustomer& a, const DominantCustomer& b) {
    return std::max(a.order_share, a.revenue_share) > std::max(b.order_share, b.revenue_share);
  });
  if (w.dominant.size() > kDominantListed) w.dominant.resize(kDominantListed);
}

void check_amounts(const OrderTable& table, const IngestSummary& summary, const IngestCorrections& corrections,
                   const WarningCounts& counts, DataWarnings& w) {
  const WarningOptions& o = w.options;
  w.amounts_whole = counts.amounts_whole;
  w.zero_orders = counts.zero_orders;
  for (const Order& order : table.orders) w.orders_at_cents_median += order.amount >= 0 && order.amount >= o.cents_median;
  w.zero_fired = w.orders > 0 && w.zero_orders >= o.zero_share * w.orders;

  const int amount_col = summary.role_column[static_cast<int>(ColumnRole::amount)];
  const int price_col = summary.role_column[static_cast<int>(ColumnRole::unit_price)];
  const int unit_col = amount_col >= 0 ? amount_col : price_col;
  w.header_says_cents = unit_col >= 0 && static_cast<size_t>(unit_col) < summary.header.size() &&
                        header_names_cents(summary.header[unit_col]);
  w.cents_fired = !corrections.amounts_in_cents &&
                  (w.header_says_cents || (w.amounts_whole && summary.warning_notes.amounts_with_cents == 0 &&
                                           2 * w.orders_at_cents_median >= w.orders));

  // Rule 2: only a decision the file made (an amount_level option is the user's own).
  const AmountLevelDecision& level = summary.amount_level;
  if (corrections.amount_level) return;
  w.amount_per_order = level.decision == "per_order";
  w.amount_repeated_summed = level.decision == "per_line" && level.multi_line_orders >= kMinMultiLineOrders &&
                             level.repeated_orders >= o.repeated_share * level.multi_line_orders;
}

void check_dates(const IngestSummary& summary, const std::vector<uint64_t>& per_day, DataWarnings& w) {
  const WarningOptions& o = w.options;
  const auto busiest = std::max_element(per_day.begin(), per_day.end());  // the first of equals
  w.busiest_day = w.first_day + static_cast<int32_t>(busiest - per_day.begin());
  w.busiest_day_orders = *busiest;
  w.one_day_fired = w.orders >= o.one_day_min_orders && w.busiest_day_orders >= o.one_day_share * w.orders;

  // Nearest rank: the 1st percentile is the value at index floor(0.01 (n - 1)), the 99th at ceil(0.99 (n - 1)).
  const uint64_t n = w.orders;
  w.p1_day = kth_day(per_day, w.first_day, (n - 1) / 100);
  w.p99_day = kth_day(per_day, w.first_day, (99 * (n - 1) + 99) / 100);
  const auto years_days = static_cast<int32_t>(std::llround(o.outlier_years * 365.25));
  w.low_cut = std::max(days_from_civil(static_cast<int32_t>(o.date_floor_year), 1, 1), w.p1_day - years_days);
  w.high_cut = w.p99_day + years_days;
  w.suggested_since = w.last_day + 1;
  w.suggested_until = w.first_day - 1;
  for (size_t d = 0; d < per_day.size(); ++d) {
    const int32_t day = w.first_day + static_cast<int32_t>(d);
    if (per_day[d] == 0) continue;
    if (day < w.low_cut) w.outliers_before += per_day[d];
    else if (day > w.high_cut) w.outliers_after += per_day[d];
    else {
      w.suggested_since = std::min(w.suggested_since, day);
      w.suggested_until = std::max(w.suggested_until, day);
    }
  }
  w.outliers_fired = w.outliers_before + w.outliers_after > 0;
  if (!w.outliers_fired) return;
  for (const auto& [day, line] : summary.warning_notes.dates.earliest()) {
    if (day < w.low_cut) w.outlier_lines.push_back(line);
  }
  for (const auto& [day, line] : summary.warning_notes.dates.latest()) {
    if (day > w.high_cut) w.outlier_lines.push_back(line);
  }
  std::sort(w.outlier_lines.begin(), w.outlier_lines.end());
  w.outlier_lines.erase(std::unique(w.outlier_lines.begin(), w.outlier_lines.end()), w.outlier_lines.end());
  if (w.outlier_lines.size() > kOutlierLines) w.outlier_lines.resize(kOutlierLines);
}

}  // namespace

bool header_names_cents(std::string_view header) {
  std::string lower(header);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  for (const char* unit : {"(分)", "（分）", "[分]", "【分】", "单位:分", "单位：分", "(cents)", "in cents", "_cents", " cents"}) {
    if (lower.find(unit) != std::string::npos) return true;
  }
  return lower == "cents" || (lower.size() > 5 && lower.compare(lower.size() - 5, 5, "cents") == 0 &&
                              lower.find("percents") == std::string::npos);
}

WarningCounts count_for_warnings(const OrderTable& table, const CustomerOrders& grouped) {
  WarningCounts counts;
  int32_t first = INT32_MAX, last = INT32_MIN;
  for (const Order& o : table.orders) {
    if (o.amount < 0) continue;
    ++counts.orders;
    counts.revenue += o.amount;
    first = std::min(first, o.day);
    last = std::max(last, o.day);
  }
  if (counts.orders == 0) return counts;
  counts.first_day = first;
  counts.last_day = last;
  counts.per_day.assign(static_cast<size_t>(last - first) + 1, 0);
  counts.amounts_whole = true;
  // A customer's orders are together: one count and one sum at a time, no array a customer.
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    uint32_t orders = 0;
    double revenue = 0;
    for (uint32_t k = grouped.begin[c]; k < grouped.begin[c + 1]; ++k) {
      const Order& o = table.orders[k];
      if (o.amount < 0) continue;
      ++counts.per_day[o.day - first];
      ++orders;
      revenue += o.amount;
      if (std::fabs(o.amount) < kHalfCent) ++counts.zero_orders;
      if (o.amount != std::floor(o.amount)) counts.amounts_whole = false;
    }
    if (orders == 0) continue;
    ++counts.customers;
    counts.one_time_customers += orders == 1;
    const DominantCustomer d{c, orders, revenue, static_cast<double>(orders) / counts.orders,
                             counts.revenue > 0 ? revenue / counts.revenue : 0};
    if (d.order_share > kMinCustomerShare || d.revenue_share > kMinCustomerShare) counts.large.push_back(d);
  }
  return counts;
}

DataWarnings check_data(const OrderTable& table, const IngestSummary& summary, const IngestCorrections& corrections,
                        const WarningCounts& counts, const WarningOptions& options) {
  DataWarnings w;
  w.options = options;
  w.orders = counts.orders;
  w.revenue = counts.revenue;
  if (w.orders == 0) return w;
  w.first_day = counts.first_day;
  w.last_day = counts.last_day;
  check_customers(counts, w);
  check_amounts(table, summary, corrections, counts, w);
  check_dates(summary, counts.per_day, w);
  return w;
}

}  // namespace huike
