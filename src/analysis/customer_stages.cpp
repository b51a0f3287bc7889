#include "analysis/customer_stages.h"

#include <algorithm>
#include <climits>

#include "analysis/integer_ranks.h"
#include "analysis/order_statistics.h"
#include "core/error.h"

namespace huike {

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

void add_to(SegmentSummary& summary, const CustomerMetrics& m, const ShopAnalysis& shop) {
  const double monetary = shop.monetary(m);
  ++summary.customers;
  summary.revenue += monetary;
  summary.sum_recency += m.recency_days(shop.as_of_day);
  summary.sum_frequency += m.frequency;
  summary.sum_monetary += monetary;
}

// Purchases of one customer before the analysis date: counts, sums and dates. Returns the
// revenue of the first purchase day (kept only in the shop's sum).
// What the walk gathers beside each customer's figures, so the orders are read once (113 MB
// at 10M rows): the first and last purchase day of all (the cutoff aside), the returns before
// the cutoff.
struct OrderWalk {
  int32_t first_purchase = INT32_MAX, last_purchase = INT32_MIN;
  uint64_t returns = 0;
};
double summarise_orders(const Order* first, const Order* last, int32_t cutoff, CustomerMetrics& m, OrderWalk& walk) {
  // In locals, stored once: m's doubles may alias the orders' amounts, and its days are
  // bitfields, so the compiler would otherwise load and store them on every order.
  int32_t previous_day = INT32_MIN, first_day = 0, last_day = 0;
  int32_t first_purchase = walk.first_purchase, last_purchase = walk.last_purchase;
  uint32_t frequency = 0, purchase_days = 0;
  uint64_t returns = 0;
  double gross = 0, returned = 0, first_day_revenue = 0;
  for (const Order* order = first; order != last; ++order) {
    const int32_t day = order->day;
    const double amount = order->amount;
    if (amount >= 0) {
      first_purchase = std::min(first_purchase, day);
      last_purchase = std::max(last_purchase, day);
    }
    if (day >= cutoff) continue;
    if (amount < 0) {
      returned -= amount;
      ++returns;
      continue;
    }
    if (frequency == 0) first_day = day;
    ++frequency;
    gross += amount;
    if (day == first_day) first_day_revenue += amount;
    if (day != previous_day) ++purchase_days;
    previous_day = last_day = day;
  }
  walk.first_purchase = first_purchase;
  walk.last_purchase = last_purchase;
  walk.returns += returns;
  m.gross = gross;
  m.returned = returned;
  m.first_day = first_day;
  m.last_day = last_day;
  m.frequency = frequency;
  m.purchase_days = purchase_days;
  return first_day_revenue;
}

}  // namespace


const ShopAnalysis& CustomerStages::update(const OrderTable& table, const CustomerOrders& grouped,
                                           const AnalysisOptions& options) {
  // The same settings again write nothing: another thread may be reading (Session::report).
  if (ran_ && shop_.options == options) return shop_;
  const AnalysisOptions before = shop_.options;
  const bool first = !ran_;
  shop_.options = options;
  const bool new_dates = first || before.as_of_day != options.as_of_day;
  const bool new_money = new_dates || before.subtract_returns != options.subtract_returns;
  const bool new_segments = new_money || before.thresholds != options.thresholds ||
                            (options.thresholds == ThresholdMode::custom &&
                             (before.custom_recency != options.custom_recency ||
                              before.custom_frequency != options.custom_frequency ||
                              before.custom_monetary != options.custom_monetary));
  const bool new_status = new_dates || before.at_risk_multiplier != options.at_risk_multiplier ||
                          before.churned_multiplier != options.churned_multiplier;
  const bool new_sleeping = new_dates || before.churn_window_days != options.churn_window_days;
  ran_ = false;  // until every stage is done (a throw leaves a half-made analysis)
  if (new_dates) dates(table, grouped);
  if (new_money) money();
  if (new_segments) segments();
  if (with_status_ && new_status) status();
  if (with_status_ && new_sleeping) sleeping();
  ran_ = true;
  return shop_;
}

void CustomerStages::dates(const OrderTable& table, const CustomerOrders& grouped) {
  const AnalysisOptions options = shop_.options;
  ChunkedArray<CustomerMetrics> customers = std::move(shop_.customers);  // its memory, not its values
  shop_ = ShopAnalysis{};
  shop_.options = options;
  for (Measure measure : {kRecency, kFrequency}) {
    means_[measure].reset();
    medians_[measure].reset();
  }
  const uint32_t customer_count = table.customer_count();
  customers.assign(customer_count, CustomerMetrics{});
  shop_.customers = std::move(customers);

  // A chosen date leaves later orders out; the default keeps every order (a late return too).
  const int32_t cutoff = options.as_of_day ? *options.as_of_day : INT32_MAX;
  std::vector<double> cycles;
  double returning_revenue = 0;  // summed in customer order, as the gross below
  OrderWalk walk;
  const Order* const orders = table.orders.data();
  for (uint32_t c = 0; c < customer_count; ++c) {
    CustomerMetrics& m = shop_.customers[c];
    const double first_day_revenue =
        summarise_orders(orders + grouped.begin[c], orders + grouped.begin[c + 1], cutoff, m, walk);
    shop_.returns_value += m.returned;
    if (m.frequency == 0) {
      if (m.returned > 0) ++shop_.return_only_customers;
      continue;
    }
    m.analysed = true;
    ++shop_.analysed_customers;
    returning_revenue += m.gross - first_day_revenue;
    if (m.purchase_days >= 2) cycles.push_back(m.cycle_days());
  }
  // The readers give no other days; a table built otherwise must not be cut to 23 bits.
  if (walk.first_purchase < kMinMetricsDay || walk.last_purchase > kMaxMetricsDay) {  // none: both pass
    throw HuikeError(ErrorCode::E_INTERNAL, "an order date more than 11,000 years from 1970");
  }
  const int32_t last_purchase = walk.last_purchase, first_purchase = walk.first_purchase;
  shop_.as_of_day = options.as_of_day.value_or(last_purchase == INT32_MIN ? 0 : last_purchase + 1);
  shop_.return_orders = walk.returns;
  shop_.first_order_day = first_purchase == INT32_MAX ? 0 : first_purchase;
  shop_.last_order_day = last_purchase == INT32_MIN ? 0 : last_purchase;
  if (shop_.analysed_customers == 0) return;

  scores();
  if (!cycles.empty()) {
    shop_.cycle_customers = static_cast<uint32_t>(cycles.size());
    shop_.shop_cycle_mean = mean_by([&](auto f) {
      for (double v : cycles) f(v);
    });
    shop_.shop_cycle_median = median_of(std::move(cycles));
  }
  uint32_t repeat_customers = 0;
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    repeat_customers += m.frequency >= 2;
    shop_.orders += m.frequency;
    shop_.gross_revenue += m.gross;
  });
  shop_.repeat_rate = repeat_customers / static_cast<double>(shop_.analysed_customers);
  shop_.returning_revenue_share = shop_.gross_revenue > 0 ? returning_revenue / shop_.gross_revenue : 0;
}

// Recency and frequency are whole numbers over a small range: counted, not sorted (and their
// means and medians kept for the thresholds), unless a far outlier spreads one of them.
void CustomerStages::scores() {
  const int32_t as_of = shop_.as_of_day;
  IntegerRanks recency, frequency;
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    recency.see(m.recency_days(as_of));
    frequency.see(m.frequency);
  });
  const uint64_t limit = 2 * uint64_t{shop_.analysed_customers} + 65536;  // no more memory than a sort's copy
  if (recency.fits(limit) && frequency.fits(limit)) {
    recency.start();
    frequency.start();
    each_analysed([&](CustomerMetrics& m, uint32_t) {
      recency.add(m.recency_days(as_of));
      frequency.add(m.frequency);
    });
    recency.finish();
    frequency.finish();
    each_analysed([&](CustomerMetrics& m, uint32_t) {
      m.r_score = recency.score(m.recency_days(as_of), false);
      m.f_score = frequency.score(m.frequency, true);
    });
    means_[kRecency] = recency.mean();
    medians_[kRecency] = recency.median();
    means_[kFrequency] = frequency.mean();
    medians_[kFrequency] = frequency.median();
    return;
  }
  const QuintileCuts r = quintile_cuts(values([as_of](const CustomerMetrics& m) { return m.recency_days(as_of); }), false);
  const QuintileCuts f = quintile_cuts(values([](const CustomerMetrics& m) { return m.frequency; }), true);
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    m.r_score = r.score(m.recency_days(as_of));
    m.f_score = f.score(m.frequency);
  });
}

void CustomerStages::money() {
  shop_.revenue = 0;
  shop_.grid = {};
  means_[kMonetary].reset();
  medians_[kMonetary].reset();
  if (shop_.analysed_customers == 0) return;
  const QuintileCuts cuts = quintile_cuts(values([this](const CustomerMetrics& m) { return shop_.monetary(m); }), true);
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    m.m_score = cuts.score(shop_.monetary(m));
    m.grid = grid_segment(m.r_score, (m.f_score + m.m_score + 1) / 2);
    shop_.revenue += shop_.monetary(m);
    add_to(shop_.grid[static_cast<int>(m.grid)], m, shop_);
  });
}

void CustomerStages::segments() {
  shop_.thresholds = {};
  shop_.segment8 = {};
  if (shop_.analysed_customers == 0) return;
  const AnalysisOptions& options = shop_.options;
  if (options.thresholds == ThresholdMode::custom) {
    shop_.thresholds = {options.custom_recency, options.custom_frequency, options.custom_monetary};
  } else {
    const bool median = options.thresholds == ThresholdMode::median;
    shop_.thresholds = {centre(kRecency, median), centre(kFrequency, median), centre(kMonetary, median)};
  }
  const Thresholds& t = shop_.thresholds;
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    m.segment8 = segment8(m.recency_days(shop_.as_of_day) < t.recency, m.frequency > t.frequency, shop_.monetary(m) > t.monetary);
    add_to(shop_.segment8[static_cast<int>(m.segment8)], m, shop_);
  });
}

double CustomerStages::centre(Measure measure, bool median) {
  std::optional<double>& kept = (median ? medians_ : means_)[measure];
  const auto of = [median](auto each) { return median ? median_by(each) : mean_by(each); };
  if (!kept) {
    const int32_t as_of = shop_.as_of_day;
    kept = measure == kRecency     ? of(values([as_of](const CustomerMetrics& m) { return m.recency_days(as_of); }))
           : measure == kFrequency ? of(values([](const CustomerMetrics& m) { return m.frequency; }))
                                   : of(values([this](const CustomerMetrics& m) { return shop_.monetary(m); }));
  }
  return *kept;
}

void CustomerStages::status() {
  shop_.status_counts = {};
  const AnalysisOptions& options = shop_.options;
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    const double cycle = m.purchase_days >= 3 ? m.cycle_days() : shop_.shop_cycle_mean;
    const int32_t recency = m.recency_days(shop_.as_of_day);
    m.status = ChurnStatus::unknown;
    if (cycle > 0) {
      m.status = recency > options.churned_multiplier * cycle   ? ChurnStatus::churned
                 : recency > options.at_risk_multiplier * cycle ? ChurnStatus::at_risk
                                                                        : ChurnStatus::active;
    }
    ++shop_.status_counts[static_cast<int>(m.status)];
  });
}

void CustomerStages::sleeping() {
  shop_.sleeping = 0;
  shop_.churn_rate = 0;
  if (shop_.analysed_customers == 0) return;
  each_analysed([&](CustomerMetrics& m, uint32_t) {
    m.sleeping = m.recency_days(shop_.as_of_day) >= shop_.options.churn_window_days;
    shop_.sleeping += m.sleeping;
  });
  shop_.churn_rate = shop_.sleeping / static_cast<double>(shop_.analysed_customers);
}

}  // namespace huike
