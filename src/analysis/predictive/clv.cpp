#include "analysis/predictive/clv.h"

#include <algorithm>
#include <cmath>

namespace huike {

DiscountSchedule monthly_discount_schedule(double horizon_days, double annual_discount_rate) {
  DiscountSchedule schedule;
  if (!(horizon_days > 0)) return schedule;
  // The small slack keeps a horizon of exactly k months from adding an empty month.
  const int months = static_cast<int>(std::ceil(horizon_days / kDaysPerMonth - 1e-9));
  for (int k = 1; k <= months; ++k) {
    const double end = std::min(k * kDaysPerMonth, horizon_days);
    schedule.end_days.push_back(end);
    schedule.factors.push_back(std::pow(1 + annual_discount_rate, -end / kDaysPerYear));
  }
  return schedule;
}

double discounted_purchases_if_alive(const CountModel& model, double x, double T,
                                     const DiscountSchedule& schedule, double unit_days, double* horizon_if_alive) {
  double discounted = 0, previous = 0;
  for (size_t k = 0; k < schedule.end_days.size(); ++k) {
    const double h = model.expected_if_alive(x, T, schedule.end_days[k] / unit_days);
    discounted += (h - previous) * schedule.factors[k];
    previous = h;
  }
  if (horizon_if_alive) *horizon_if_alive = previous;
  return discounted;
}

}  // namespace huike
