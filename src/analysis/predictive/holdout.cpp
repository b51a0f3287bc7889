#include "analysis/predictive/holdout.h"

#include <algorithm>
#include <climits>
#include <utility>

namespace huike {

HoldoutCheck build_holdout_check(const OrderTable& table, const CustomerOrders& grouped, const RfmSummary& summary,
                                 const CountModel& model, const std::vector<double>& group_p_alive) {
  HoldoutCheck check;
  check.calibration_end_day = summary.calibration_end_day;
  check.holdout_end_day = summary.holdout_end_day;
  check.available = summary.holdout_end_day > summary.calibration_end_day && summary.fitted_customers > 0;
  if (!check.available) return check;
  const double unit = unit_days(summary.unit);
  check.length_units = (summary.holdout_end_day - summary.calibration_end_day) / unit;

  // Predicted hold-out transactions per group; the 2F1 part depends on (x, T) only and
  // groups are sorted by x, then T, so it is computed once per run.
  std::vector<double> predicted(summary.groups.size());
  double if_alive = 0;
  for (size_t i = 0; i < summary.groups.size(); ++i) {
    const RfmGroup& g = summary.groups[i];
    if (i == 0 || g.x != summary.groups[i - 1].x || g.T_days != summary.groups[i - 1].T_days) {
      if_alive = model.expected_if_alive(g.x, g.T_days / unit, check.length_units);
    }
    predicted[i] = group_p_alive[i] * if_alive;
  }
  check.by_frequency.resize(kHoldoutFrequencyGroups);
  for (uint32_t k = 0; k < kHoldoutFrequencyGroups; ++k) {
    check.by_frequency[k].label = k + 1 < kHoldoutFrequencyGroups ? std::to_string(k) : std::to_string(k) + "+";
  }
  int32_t start = INT32_MAX;
  for (uint32_t c = 0; c < summary.customers.size(); ++c) {
    const RfmCustomer& customer = summary.customers[c];
    if (!customer.in_fit) continue;
    HoldoutFrequencyRow& row = check.by_frequency[std::min(customer.x, kHoldoutFrequencyGroups - 1)];
    ++row.customers;
    row.actual_mean += customer.holdout_transactions;
    row.predicted_mean += predicted[summary.group_of[c]];
    start = std::min(start, customer.first_day);
  }
  for (HoldoutFrequencyRow& row : check.by_frequency) {
    check.customers += row.customers;
    check.actual_total += row.actual_mean;
    check.predicted_total += row.predicted_mean;
    if (row.customers > 0) {
      row.actual_mean /= row.customers;
      row.predicted_mean /= row.customers;
    }
  }

  // Tracking: repeat transactions per day and first purchases per day, from `start`.
  const int32_t end = summary.holdout_end_day;
  const size_t span = static_cast<size_t>(end - start) + 1;
  std::vector<double> repeats(span, 0.0), births(span, 0.0);
  for (uint32_t c = 0; c < summary.customers.size(); ++c) {
    if (!summary.customers[c].in_fit) continue;
    births[summary.customers[c].first_day - start] += 1;
    int32_t previous = INT32_MIN;
    for (uint32_t k = grouped.begin[c]; k < grouped.begin[c + 1]; ++k) {
      const Order& order = table.orders[k];
      if (order.amount < 0 || order.day == previous) continue;
      if (order.day > end) break;
      if (previous != INT32_MIN) repeats[order.day - start] += 1;  // not the first purchase
      previous = order.day;
    }
  }
  std::vector<double> expected_by_age(span);  // E[X(age)] for ages 0..span−1 days
  for (size_t d = 0; d < span; ++d) expected_by_age[d] = model.expected_new_customer(d / unit);
  std::vector<std::pair<int32_t, double>> birth_days;
  for (size_t d = 0; d < span; ++d) {
    if (births[d] > 0) birth_days.emplace_back(static_cast<int32_t>(d), births[d]);
  }
  check.tracking_start_day = start;
  check.calibration_end_week = (summary.calibration_end_day - start) / 7 + 1;
  double actual = 0;
  int32_t counted = -1;  // last day offset already added to `actual`
  for (int32_t week = 1;; ++week) {
    const int32_t last = std::min<int32_t>(week * 7 - 1, static_cast<int32_t>(span) - 1);
    while (counted < last) actual += repeats[++counted];
    double expected = 0;
    for (const auto& [day, count] : birth_days) {
      if (day > last) break;
      expected += count * expected_by_age[last - day];
    }
    check.tracking.push_back({week, start + last, actual, expected});
    if (last == static_cast<int32_t>(span) - 1) break;
  }
  return check;
}

}  // namespace huike
