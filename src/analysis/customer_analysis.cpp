#include "analysis/customer_analysis.h"

#include <algorithm>
#include <cmath>

#include "model/prefetch.h"

namespace huike {

std::vector<uint8_t> quintile_scores(const std::vector<double>& values, bool higher_is_better) {
  // Score = 1 + floor(5 * worse / n), worse = values strictly worse. Score > k exactly when
  // worse >= w = ceil(k * n / 5), which for higher_is_better means the value beats the w-th
  // smallest value; otherwise it is below the w-th largest. So four order statistics
  // (nth_element, linear) replace a sort and a binary search per value.
  const size_t n = values.size();
  std::vector<uint8_t> scores(n, 1);
  if (n == 0) return scores;
  std::vector<double> work = values;
  double cut[4];
  size_t lo = 0, hi = n;  // the positions still to be ordered; each cut narrows them
  for (int k = 4; k >= 1; --k) {
    const size_t w = (k * n + 4) / 5;                     // 1 <= w <= n
    const size_t pos = higher_is_better ? w - 1 : n - w;  // w-th smallest / w-th largest
    std::nth_element(work.begin() + lo, work.begin() + pos, work.begin() + hi);
    cut[k - 1] = work[pos];
    (higher_is_better ? hi : lo) = pos;
  }
  for (size_t i = 0; i < n; ++i) {
    const double v = values[i];
    uint8_t score = 1;
    for (int k = 0; k < 4; ++k) score += higher_is_better ? v > cut[k] : v < cut[k];
    scores[i] = score;
  }
  return scores;
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  const double upper = values[mid];
  if (values.size() % 2) return upper;
  return (upper + *std::max_element(values.begin(), values.begin() + mid)) / 2;
}

namespace {

GridSegment grid_segment(int r, int fm) {
  using G = GridSegment;
  static const G grid[5][5] = {
      // fm:   1                2                 3                      4                      5
      /*r=1*/ {G::lost, G::hibernating, G::at_risk, G::cannot_lose, G::cannot_lose},
      /*r=2*/ {G::about_to_sleep, G::need_attention, G::need_attention, G::at_risk, G::at_risk},
      /*r=3*/ {G::promising, G::need_attention, G::potential_loyalist, G::loyal, G::loyal},
      /*r=4*/ {G::promising, G::potential_loyalist, G::potential_loyalist, G::loyal, G::champions},
      /*r=5*/ {G::new_customers, G::potential_loyalist, G::loyal, G::champions, G::champions},
  };
  return grid[r - 1][fm - 1];
}

Segment8 segment8(bool recent, bool frequent, bool high_value) {
  if (high_value) {
    if (recent) return frequent ? Segment8::important_value : Segment8::important_develop;
    return frequent ? Segment8::important_keep : Segment8::important_win_back;
  }
  if (recent) return frequent ? Segment8::general_value : Segment8::general_develop;
  return frequent ? Segment8::general_keep : Segment8::general_win_back;
}

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

// Purchases of one customer before the analysis date: counts, sums and dates.
// The orders lie at random places in the table: the ones a few places on (up to `end`, the
// end of the whole index) are prefetched so the cache misses overlap.
void summarise_orders(const OrderTable& table, const uint32_t* first, const uint32_t* last, const uint32_t* end,
                      int32_t cutoff, CustomerMetrics& m) {
  constexpr ptrdiff_t kAhead = 16;
  int32_t previous_day = INT32_MIN;
  for (const uint32_t* it = first; it != last; ++it) {
    if (end - it > kAhead) prefetch(&table.orders[it[kAhead]]);
    const Order& order = table.orders[*it];
    if (order.day >= cutoff) continue;
    if (order.amount < 0) {
      m.returned -= order.amount;
      continue;
    }
    if (m.frequency == 0) m.first_day = order.day;
    ++m.frequency;
    m.gross += order.amount;
    if (order.day == m.first_day) m.first_day_revenue += order.amount;
    if (order.day != previous_day) ++m.purchase_days;
    previous_day = m.last_day = order.day;
  }
}

}  // namespace

ShopAnalysis analyze_customers(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& options) {
  ShopAnalysis shop;
  shop.options = options;
  const uint32_t customer_count = table.customer_count();
  shop.customers.resize(customer_count);

  int32_t last_purchase = INT32_MIN, first_purchase = INT32_MAX;
  for (const Order& order : table.orders) {
    if (order.amount < 0) continue;
    last_purchase = std::max(last_purchase, order.day);
    first_purchase = std::min(first_purchase, order.day);
  }
  shop.as_of_day = options.as_of_day.value_or(last_purchase == INT32_MIN ? 0 : last_purchase + 1);
  // A chosen date leaves later orders out; the default keeps every order (a late return too).
  const int32_t cutoff = options.as_of_day ? *options.as_of_day : INT32_MAX;

  std::vector<uint32_t> analysed;
  std::vector<double> cycles;
  for (uint32_t c = 0; c < customer_count; ++c) {
    CustomerMetrics& m = shop.customers[c];
    const uint32_t* index = grouped.order_index.data();
    summarise_orders(table, index + grouped.begin[c], index + grouped.begin[c + 1],
                     index + grouped.order_index.size(), cutoff, m);
    shop.returns_value += m.returned;
    if (m.frequency == 0) {
      if (m.returned > 0) ++shop.return_only_customers;
      continue;
    }
    m.analysed = true;
    analysed.push_back(c);
    m.recency_days = shop.as_of_day - m.last_day;
    m.monetary = options.subtract_returns ? std::max(0.0, m.gross - m.returned) : m.gross;
    if (m.purchase_days >= 2) {
      m.cycle_days = static_cast<double>(m.last_day - m.first_day) / (m.purchase_days - 1);
      cycles.push_back(m.cycle_days);
    }
  }
  for (const Order& order : table.orders) {
    if (order.amount < 0 && order.day < cutoff) ++shop.return_orders;
  }
  shop.first_order_day = first_purchase == INT32_MAX ? 0 : first_purchase;
  shop.last_order_day = last_purchase == INT32_MIN ? 0 : last_purchase;
  shop.analysed_customers = static_cast<uint32_t>(analysed.size());
  if (analysed.empty()) return shop;

  std::vector<double> recency, frequency, monetary;
  recency.reserve(analysed.size());
  frequency.reserve(analysed.size());
  monetary.reserve(analysed.size());
  for (uint32_t c : analysed) {
    recency.push_back(shop.customers[c].recency_days);
    frequency.push_back(shop.customers[c].frequency);
    monetary.push_back(shop.customers[c].monetary);
  }
  const std::vector<uint8_t> r_scores = quintile_scores(recency, false);
  const std::vector<uint8_t> f_scores = quintile_scores(frequency, true);
  const std::vector<uint8_t> m_scores = quintile_scores(monetary, true);

  switch (options.thresholds) {
    case ThresholdMode::mean:
      shop.thresholds = {mean_of(recency), mean_of(frequency), mean_of(monetary)};
      break;
    case ThresholdMode::median:
      shop.thresholds = {median_of(recency), median_of(frequency), median_of(monetary)};
      break;
    case ThresholdMode::custom:
      shop.thresholds = {options.custom_recency, options.custom_frequency, options.custom_monetary};
      break;
  }
  if (!cycles.empty()) {
    shop.cycle_customers = static_cast<uint32_t>(cycles.size());
    shop.shop_cycle_mean = mean_of(cycles);
    shop.shop_cycle_median = median_of(cycles);
  }

  double returning_revenue = 0;
  uint32_t repeat_customers = 0, churned_by_window = 0;
  for (size_t i = 0; i < analysed.size(); ++i) {
    CustomerMetrics& m = shop.customers[analysed[i]];
    m.r_score = r_scores[i];
    m.f_score = f_scores[i];
    m.m_score = m_scores[i];
    const Thresholds& t = shop.thresholds;
    m.segment8 = segment8(m.recency_days < t.recency, m.frequency > t.frequency, m.monetary > t.monetary);
    m.grid = grid_segment(m.r_score, (m.f_score + m.m_score + 1) / 2);

    const double cycle = m.purchase_days >= 3 ? m.cycle_days : shop.shop_cycle_mean;
    if (cycle > 0) {
      m.status = m.recency_days > options.churned_multiplier * cycle   ? ChurnStatus::churned
                 : m.recency_days > options.at_risk_multiplier * cycle ? ChurnStatus::at_risk
                                                                        : ChurnStatus::active;
    }
    m.sleeping = m.recency_days >= options.churn_window_days;

    ++shop.status_counts[static_cast<int>(m.status)];
    shop.sleeping += m.sleeping;
    churned_by_window += m.sleeping;
    repeat_customers += m.frequency >= 2;
    shop.orders += m.frequency;
    shop.revenue += m.monetary;
    shop.gross_revenue += m.gross;
    returning_revenue += m.gross - m.first_day_revenue;

    for (SegmentSummary* summary : {&shop.segment8[static_cast<int>(m.segment8)], &shop.grid[static_cast<int>(m.grid)]}) {
      ++summary->customers;
      summary->revenue += m.monetary;
      summary->sum_recency += m.recency_days;
      summary->sum_frequency += m.frequency;
      summary->sum_monetary += m.monetary;
    }
  }
  const double n = static_cast<double>(analysed.size());
  shop.repeat_rate = repeat_customers / n;
  shop.churn_rate = churned_by_window / n;
  shop.returning_revenue_share = shop.gross_revenue > 0 ? returning_revenue / shop.gross_revenue : 0;
  return shop;
}

}  // namespace huike
