#include "analysis/predictive/model_fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace huike {

bool start_fit(ModelFitInfo& info, TimeUnit unit, size_t groups, double total) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  info.unit = unit;
  info.groups = static_cast<uint32_t>(groups);
  info.customers = static_cast<uint32_t>(total);
  info.standard_errors.fill(kNaN);
  if (total > 0) return true;
  info.log_likelihood = kNaN;
  info.message = "no customers to fit";
  return false;
}

std::array<double, 4> fit_log_parameters(const Objective& mean_objective, double total,
                                         const std::array<double, 4>& start, const std::array<double, 4>& fallback,
                                         ModelFitInfo& info) {
  constexpr double kMinParam = 1e-5, kMaxParam = 1e5;
  const std::vector<double> lower(4, std::log(kMinParam)), upper(4, std::log(kMaxParam));
  // A parameter on its bound means no interior maximum (e.g. Pareto/NBD's s, β → ∞ when the
  // dropout rates do not vary): stop there rather than crawl along a flat ridge.
  OptimizerOptions options;
  options.stop_at_bound = true;
  options.max_evaluations = 250;  // a good fit takes 20-60; more is a crawl along a ridge
  OptimizerResult best = minimize_bounded(mean_objective, {start.begin(), start.end()}, lower, upper, options);
  const bool on_bound = std::find(best.at_bound.begin(), best.at_bound.end(), true) != best.at_bound.end();
  if (!best.converged && !on_bound) {  // a stall: a second, different start before giving up
    OptimizerResult other = minimize_bounded(mean_objective, {fallback.begin(), fallback.end()}, lower, upper, options);
    if (other.converged || other.value < best.value) {
      other.iterations += best.iterations;
      other.evaluations += best.evaluations;
      best = other;
    }
  }
  std::array<double, 4> theta;
  for (int i = 0; i < 4; ++i) theta[i] = std::exp(best.x[i]);
  info.log_likelihood = -best.value * total;
  info.converged = best.converged;
  info.message = best.message;
  info.iterations = best.iterations;
  info.evaluations = best.evaluations;
  log_parameter_standard_errors(mean_objective, best.x, total, theta.data(), info.standard_errors.data());
  return theta;
}

double observed_time_per_repeat(const std::vector<RfmGroup>& groups, TimeUnit unit) {
  double sum_x = 0, sum_T = 0;
  for (const RfmGroup& g : groups) {
    sum_x += double(g.x) * g.customers;
    sum_T += g.T_days / unit_days(unit) * g.customers;
  }
  return std::clamp(sum_T / std::max(sum_x, 1.0), 1e-3, 1e5);
}

}  // namespace huike
