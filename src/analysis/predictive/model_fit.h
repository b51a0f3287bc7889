#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "analysis/predictive/optimizer.h"
#include "analysis/predictive/rfm_summary.h"

namespace huike {

// What every four-parameter purchase-count fit (BG/NBD, MBG/NBD, Pareto/NBD) reports
// besides its parameters.
struct ModelFitInfo {
  TimeUnit unit = TimeUnit::week;
  double log_likelihood = 0;
  bool converged = false;
  std::string message;
  int iterations = 0, evaluations = 0;
  std::array<double, 4> standard_errors{};  // in the parameters' order; NaN when the Hessian is not positive definite
  uint32_t customers = 0, groups = 0;
};

// Sets the unit and counts, standard errors to NaN; false (with the message) when there
// is nobody to fit.
bool start_fit(ModelFitInfo& info, TimeUnit unit, size_t groups, double total);

// Maximum likelihood over log-parameters: `mean_objective` is the mean negative
// log-likelihood over `total` customers (gradient in log-parameters). Minimises from
// `start` (log-parameters), and from `fallback` when that did not converge, keeps the
// better, fills `info` (log-likelihood, convergence, standard errors) and returns the
// parameters (exp of the optimum).
std::array<double, 4> fit_log_parameters(const Objective& mean_objective, double total,
                                         const std::array<double, 4>& start, const std::array<double, 4>& fallback,
                                         ModelFitInfo& info);

// Mean over customers of the time observed (T) per repeat purchase, in the unit: the
// starting scale (α, β) of the fits.
double observed_time_per_repeat(const std::vector<RfmGroup>& groups, TimeUnit unit);

}  // namespace huike
