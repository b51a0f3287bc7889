#include "analysis/health.h"

#include <algorithm>
#include <climits>
#include <optional>

#include "ingest/date_parse.h"

namespace huike {

int32_t month_index(int32_t day) {
  int32_t year;
  unsigned month, d;
  civil_from_days(day, year, month, d);
  return year * 12 + static_cast<int32_t>(month) - 1;
}

int32_t month_start(int32_t index) {
  const int32_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  return days_from_civil(year, static_cast<unsigned>(index - year * 12 + 1), 1);
}

int32_t week_index(int32_t day) {
  const int64_t shifted = static_cast<int64_t>(day) + 3;  // 1970-01-05, a Monday, starts week 1
  return static_cast<int32_t>(shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7));
}

int32_t week_start(int32_t index) { return index * 7 - 3; }

namespace {

struct Calendar {
  int32_t (*index)(int32_t day);
  int32_t (*start)(int32_t index);
};

// The periods from the first purchase's to the day before the analysis date, and a
// lookup from each of those days to its period (a few thousand entries at most).
struct Periods {
  int32_t first_day = 0;
  std::vector<PeriodPoint> points;
  std::vector<int32_t> of_day;
  int32_t at(int64_t day) const { return of_day[static_cast<size_t>(day - first_day)]; }
};

Periods make_periods(Calendar calendar, int32_t first_day, int32_t last_day) {
  Periods periods;
  periods.first_day = first_day;
  for (int32_t i = calendar.index(first_day); i <= calendar.index(last_day); ++i) {
    PeriodPoint point;
    point.start_day = calendar.start(i);
    const int32_t natural_end = calendar.start(i + 1) - 1;
    point.end_day = std::min(natural_end, last_day);
    point.complete = natural_end <= last_day;
    periods.points.push_back(point);
  }
  periods.of_day.resize(static_cast<size_t>(last_day - first_day) + 1);
  int32_t p = 0;
  for (int32_t day = first_day; day <= last_day; ++day) {
    while (day > periods.points[p].end_day) ++p;
    periods.of_day[day - first_day] = p;
  }
  return periods;
}

// A recency table of more cells is not made (a span of many years in weeks): 16 MiB.
constexpr size_t kMaxRecencyCells = size_t{4} << 20;

// The running counts of one series (months or weeks) while the customers are read.
class SeriesBuilder {
 public:
  SeriesBuilder(Periods& periods, std::vector<CohortRow>* cohorts, RecencyTable* recency)
      : periods_(periods), points_(periods.points), cohorts_(cohorts),
        n_(static_cast<int32_t>(points_.size())), last_end_(points_.back().end_day), churn_diff_(n_ + 1, 0) {
    const size_t days = static_cast<size_t>(last_end_ - periods.first_day) + 1;
    if (recency && static_cast<size_t>(n_ + 1) * days <= kMaxRecencyCells) {
      recency_ = recency;
      recency_->first_day = periods.first_day;
      recency_->days = days;
      recency_->latest_up_to.assign(static_cast<size_t>(n_ + 1) * days, 0);  // a difference table until finish()
    }
  }

  void start_customer() { first_period_ = last_period_ = -1; }

  void add(const Order& order) {
    const int32_t p = periods_.at(order.day);
    if (first_period_ < 0) {
      first_period_ = p;
      ++points_[p].new_customers;
      if (cohorts_) ++(*cohorts_)[p].customers;
    } else if (p != last_period_) {
      ++points_[p].returning_customers;
    }
    (p == first_period_ ? points_[p].new_revenue : points_[p].returning_revenue) += order.amount;
    if (cohorts_) {
      CohortRow& row = (*cohorts_)[first_period_];
      if (p != last_period_) ++row.buyers[p - first_period_];
      row.revenue[p - first_period_] += order.amount;
    }
    last_period_ = p;
  }

  // Churned at a period's end E for E in [from, to] (between two purchases, or after the
  // last): +1 over the periods whose ends lie there, as a difference array.
  void add_churned(int64_t from, int64_t to) {
    if (from > last_end_ || from > to) return;
    const int32_t lo = periods_.at(from);
    int32_t hi = n_ - 1;
    if (to < last_end_) {
      hi = periods_.at(to);
      if (points_[hi].end_day != to) --hi;
    }
    if (lo > hi) return;
    ++churn_diff_[lo];
    --churn_diff_[hi + 1];
  }
  // The latest purchase is on `day` at the period ends in [day, next - 1] (next: the
  // customer's next purchase day, INT64_MAX after the last).
  void add_latest(int64_t day, int64_t next) {
    if (!recency_) return;
    const int32_t lo = periods_.at(day);
    int32_t hi = n_ - 1;
    if (next - 1 < last_end_) {
      hi = periods_.at(next - 1);
      if (points_[hi].end_day != next - 1) --hi;
    }
    if (lo > hi) return;
    const size_t column = static_cast<size_t>(day - periods_.first_day);
    ++recency_->latest_up_to[lo * recency_->days + column];
    --recency_->latest_up_to[(hi + 1) * recency_->days + column];
  }

  void finish() {
    uint32_t to_date = 0;
    int64_t churned = 0;
    for (int32_t p = 0; p < n_; ++p) {
      to_date += points_[p].new_customers;
      churned += churn_diff_[p];
      points_[p].customers_to_date = to_date;
      points_[p].churned_customers = static_cast<uint32_t>(churned);
    }
    if (!recency_) return;
    // Differences over the periods → counts per (period, day) → cumulative over the days.
    std::vector<uint32_t>& t = recency_->latest_up_to;
    const size_t days = recency_->days;
    for (int32_t p = 1; p < n_; ++p) {
      for (size_t d = 0; d < days; ++d) t[p * days + d] += t[(p - 1) * days + d];
    }
    for (int32_t p = 0; p < n_; ++p) {
      for (size_t d = 1; d < days; ++d) t[p * days + d] += t[p * days + d - 1];
    }
    t.resize(static_cast<size_t>(n_) * days);
  }

 private:
  const Periods& periods_;
  std::vector<PeriodPoint>& points_;
  std::vector<CohortRow>* cohorts_;
  int32_t n_;
  int64_t last_end_;
  std::vector<int32_t> churn_diff_;
  RecencyTable* recency_ = nullptr;
  int32_t first_period_ = -1, last_period_ = -1;
};

// One pass over every customer's purchases (grouped by day) feeds every series.
void fill_series(const OrderTable& table, const CustomerOrders& grouped, const HealthOptions& options,
                 std::vector<SeriesBuilder*> series) {
  const int64_t window = options.churn_window_days;
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    for (SeriesBuilder* s : series) s->start_customer();
    int64_t previous_day = INT64_MIN;
    for (uint32_t i = grouped.begin[c]; i < grouped.begin[c + 1]; ++i) {
      const Order& order = table.orders[i];
      if (order.amount < 0 || order.day >= options.as_of_day) continue;
      const bool churn_gap = previous_day != INT64_MIN && order.day - previous_day >= window;
      for (SeriesBuilder* s : series) {
        s->add(order);
        if (churn_gap) s->add_churned(previous_day + window - 1, order.day - 1);
        if (previous_day != INT64_MIN && order.day != previous_day) s->add_latest(previous_day, order.day);
      }
      previous_day = order.day;
    }
    if (previous_day != INT64_MIN) {
      for (SeriesBuilder* s : series) {
        s->add_churned(previous_day + window - 1, INT64_MAX);
        s->add_latest(previous_day, INT64_MAX);
      }
    }
  }
  for (SeriesBuilder* s : series) s->finish();
}

}  // namespace

CustomerHealth analyze_health(const OrderTable& table, const CustomerOrders& grouped, const HealthOptions& options) {
  CustomerHealth health;
  health.as_of_day = options.as_of_day;
  health.churn_window_days = options.churn_window_days;
  int32_t first_day = INT32_MAX;
  for (const Order& order : table.orders) {
    if (order.amount >= 0 && order.day < options.as_of_day) first_day = std::min(first_day, order.day);
  }
  if (first_day == INT32_MAX) return health;  // no purchase before the analysis date
  const int32_t last_day = options.as_of_day - 1;
  if (month_index(last_day) - month_index(first_day) + 1 > kMaxHealthMonths) {
    health.too_long = true;
    return health;
  }

  Periods months = make_periods({month_index, month_start}, first_day, last_day);
  const int32_t month_count = static_cast<int32_t>(months.points.size());
  health.cohorts.resize(month_count);
  for (int32_t k = 0; k < month_count; ++k) {
    health.cohorts[k].month_start_day = months.points[k].start_day;
    health.cohorts[k].buyers.assign(month_count - k, 0);
    health.cohorts[k].revenue.assign(month_count - k, 0);
  }
  SeriesBuilder monthly(months, &health.cohorts, &health.monthly_recency);
  Periods weeks;
  std::optional<SeriesBuilder> weekly;
  if (options.weekly) {
    weeks = make_periods({week_index, week_start}, first_day, last_day);
    weekly.emplace(weeks, nullptr, &health.weekly_recency);
  }
  std::vector<SeriesBuilder*> series{&monthly};
  if (weekly) series.push_back(&*weekly);
  fill_series(table, grouped, options, series);
  std::erase_if(health.cohorts, [](const CohortRow& row) { return row.customers == 0; });
  health.monthly = std::move(months.points);
  health.weekly = std::move(weeks.points);
  health.last_month_complete = health.monthly.back().complete;
  return health;
}

namespace {

bool has_table(const std::vector<PeriodPoint>& points, const RecencyTable& table) {
  return points.empty() || (table.days > 0 && table.latest_up_to.size() == points.size() * table.days);
}

// Churned at a period's end E: latest purchase on or before E + 1 - window.
void rechurn(std::vector<PeriodPoint>& points, const RecencyTable& table, int32_t window) {
  for (size_t k = 0; k < points.size(); ++k) {
    const int64_t last = static_cast<int64_t>(points[k].end_day) + 1 - window - table.first_day;
    points[k].churned_customers = last < 0 ? 0 : table.latest_up_to[k * table.days + static_cast<size_t>(last)];
  }
}

}  // namespace

bool set_churn_window(CustomerHealth& health, int32_t churn_window_days) {
  if (!has_table(health.monthly, health.monthly_recency) || !has_table(health.weekly, health.weekly_recency)) return false;
  rechurn(health.monthly, health.monthly_recency, churn_window_days);
  rechurn(health.weekly, health.weekly_recency, churn_window_days);
  health.churn_window_days = churn_window_days;
  return true;
}

}  // namespace huike
