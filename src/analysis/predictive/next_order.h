#pragma once
#include <cmath>

#include "analysis/predictive/count_model.h"

namespace huike {

// The expected date of a customer's next order: the prediction date plus the median time
// to the next purchase if the customer is still active. Under BG/NBD, MBG/NBD and
// Pareto/NBD an active customer's purchase rate given (x, t_x, T) is Gamma(r + x, α + T),
// so P(no purchase within t | active) = ((α + T)/(α + T + t))^(r + x) and the median is
// (α + T)(2^(1/(r + x)) − 1). Always shown with P(alive): the date says when, P(alive)
// whether at all.
inline constexpr const char* kNextOrderFormula =
    "expected_next_order_date = predictions_as_of + ceil(median_days), median = (alpha + T) * (2^(1/(r + x)) - 1) "
    "in the model's unit: the median time to the next purchase of a customer who is still active, whose purchase "
    "rate given x repeat purchases in T is Gamma(r + x, alpha + T), so P(no purchase within t | active) = "
    "((alpha + T)/(alpha + T + t))^(r + x); shown with p_alive; no date when the median is beyond 100 years";

constexpr double kNextOrderMaxDays = 36525;  // 100 years: beyond that no date is given

// Median time (model unit) to the next purchase of an active customer.
inline double median_time_to_next_purchase(const CountModel& model, double x, double T) {
  return model.posterior_rate_scale(T) * std::expm1(std::log(2.0) / model.posterior_rate_shape(x));
}

// Whole days after the prediction date of the expected next order; NaN beyond the limit.
inline double next_order_days(const CountModel& model, double x, double T, double unit_days) {
  const double days = std::ceil(median_time_to_next_purchase(model, x, T) * unit_days);
  return days <= kNextOrderMaxDays ? days : std::nan("");
}

}  // namespace huike
