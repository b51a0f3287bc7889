#include "analysis/predictive/rfm_summary.h"

#include <algorithm>
#include <climits>
#include <utility>

#include "core/error.h"

namespace huike {
namespace {

// (x, T, t_x) packed so that sorting the keys sorts groups by x, then T, then t_x.
constexpr int kDayBits = 21;
constexpr uint64_t kDayMask = (uint64_t{1} << kDayBits) - 1;
uint64_t group_key(const RfmCustomer& c) {
  return (uint64_t{c.x} << (2 * kDayBits)) | (uint64_t(c.T_days) << kDayBits) | uint64_t(c.t_x_days);
}

}  // namespace

RfmSummary build_rfm_summary(const OrderTable& table, const CustomerOrders& grouped, int32_t calibration_end_day,
                             int32_t holdout_end_day, TimeUnit unit) {
  RfmSummary summary;
  summary.unit = unit;
  summary.calibration_end_day = calibration_end_day;
  summary.holdout_end_day = std::max(holdout_end_day, calibration_end_day);
  const uint32_t count = table.customer_count();
  summary.customers.resize(count);
  summary.group_of.assign(count, kNoGroup);

  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  keyed.reserve(count);
  for (uint32_t c = 0; c < count; ++c) {
    RfmCustomer& out = summary.customers[c];
    uint32_t calibration_days = 0;
    int32_t last_day = 0;
    double repeat_sum = 0;
    bool any_purchase = false;
    // A transaction = one purchase day; close it when the day changes.
    const auto close_day = [&](int32_t day, double value) {
      any_purchase = true;
      if (day <= calibration_end_day) {
        if (++calibration_days == 1) {
          out.first_day = day;
        } else {
          repeat_sum += value;
        }
        last_day = day;
        out.calibration_value += value;
      } else if (day <= summary.holdout_end_day) {
        ++out.holdout_transactions;
      }
    };
    int32_t day = INT32_MIN;
    double day_value = 0;
    for (uint32_t k = grouped.begin[c]; k < grouped.begin[c + 1]; ++k) {
      const Order& order = table.orders[k];
      if (order.amount < 0) continue;  // a return, not a purchase
      if (order.day != day) {
        if (day != INT32_MIN) close_day(day, day_value);
        day = order.day;
        day_value = 0;
      }
      day_value += order.amount;
    }
    if (day != INT32_MIN) close_day(day, day_value);

    if (calibration_days == 0) {
      ++(any_purchase ? summary.later_customers : summary.no_purchase_customers);
      continue;
    }
    out.in_fit = true;
    out.x = calibration_days - 1;
    out.t_x_days = last_day - out.first_day;
    out.T_days = calibration_end_day - out.first_day;
    out.repeat_value = out.x > 0 ? repeat_sum / out.x : 0;
    if (static_cast<uint64_t>(out.T_days) > kDayMask) {
      throw HuikeError(ErrorCode::E_PREDICT_RANGE, "purchase dates span more than 5,000 years");
    }
    ++summary.fitted_customers;
    if (out.x > 0) ++summary.repeat_buyers;
    summary.max_T_days = std::max(summary.max_T_days, out.T_days);
    keyed.emplace_back(group_key(out), c);
  }

  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) {
      const RfmCustomer& c = summary.customers[keyed[i].second];
      summary.groups.push_back({c.x, c.t_x_days, c.T_days, 0});
    }
    ++summary.groups.back().customers;
    summary.group_of[keyed[i].second] = static_cast<uint32_t>(summary.groups.size() - 1);
  }
  return summary;
}

}  // namespace huike
