#pragma once
#include <cstdint>
#include <vector>

#include "analysis/predictive/count_model.h"

namespace huike {

// CLV_i = E[AOV_i] × P(alive)_i × Σ_{k=1..K} [h_i(t_k) − h_i(t_{k−1})] × (1 + d)^(−t_k / 365.25)
// where h_i(t) = E[purchases in (T_i, T_i + t] | alive] (so P(alive) × h = expected
// purchases), months of 365.25/12 days, t_k = min(k months, H), K = ⌈H / month⌉,
// H = horizon in days, d = annual discount rate (monthly discounting at the end of
// each month), t_0 = 0.
inline constexpr const char* kClvFormula =
    "clv = expected_aov * p_alive * sum_{k=1..K} (h(t_k) - h(t_{k-1})) * (1 + annual_discount_rate)^(-t_k_days / "
    "365.25); h(t) = expected purchases in the next t given alive (p_alive * h = expected_purchases); "
    "t_k_days = min(k * 365.25 / 12, horizon_days), K = ceil(horizon_days / (365.25 / 12))";

constexpr double kDaysPerYear = 365.25;
constexpr double kDaysPerMonth = kDaysPerYear / 12;

// Month ends t_k in days and their discount factors for a horizon (days) and annual rate.
struct DiscountSchedule {
  std::vector<double> end_days;
  std::vector<double> factors;
};
DiscountSchedule monthly_discount_schedule(double horizon_days, double annual_discount_rate);

// Σ_k [h(t_k) − h(t_{k−1})] × factor_k for one (x, T) in the model's unit; the last
// h(t_K) (undiscounted purchases over the horizon, given alive) goes to *horizon_if_alive.
double discounted_purchases_if_alive(const CountModel& model, double x, double T,
                                     const DiscountSchedule& schedule, double unit_days, double* horizon_if_alive);

}  // namespace huike
