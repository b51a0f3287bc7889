#pragma once
#include <array>
#include <cmath>
#include <cstring>
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

// Σ w ln v kept as a product with a separate binary exponent: a multiplication per term
// instead of a logarithm (the grouped likelihoods' hot loop). v must be positive and finite.
class LogProduct {
 public:
  void add(double v, uint32_t w) {
    for (uint32_t k = 0; k < w; ++k) {
      mantissa_ *= v;
      normalize();
    }
  }
  double log() const { return std::log(mantissa_) + static_cast<double>(exponent_) * 0.69314718055994530942; }

 private:
  // Moves the binary exponent out of the mantissa (kept in [1, 2)) with bit operations.
  void normalize() {
    uint64_t bits;
    std::memcpy(&bits, &mantissa_, sizeof bits);
    const int biased = static_cast<int>((bits >> 52) & 0x7ff);
    if (biased == 0 || biased == 0x7ff) {  // zero, subnormal, inf, NaN: the slow, exact way
      int exponent = 0;
      mantissa_ = std::frexp(mantissa_, &exponent);
      exponent_ += exponent;
      return;
    }
    exponent_ += biased - 1023;
    bits = (bits & ~(uint64_t{0x7ff} << 52)) | (uint64_t{1023} << 52);
    std::memcpy(&mantissa_, &bits, sizeof bits);
  }
  double mantissa_ = 1;
  int64_t exponent_ = 0;
};

// Mean over customers of the time observed (T) per repeat purchase, in the unit: the
// starting scale (α, β) of the fits.
double observed_time_per_repeat(const std::vector<RfmGroup>& groups, TimeUnit unit);

}  // namespace huike
