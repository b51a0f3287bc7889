#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace huike {

// Gamma-Gamma spend model (Fader & Hardie 2013, after Colombo & Jiang 1999): a
// customer's transaction values ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers;
// it assumes spend is independent of purchase frequency.
struct GammaGammaParams {
  double p = 0, q = 0, gamma = 0;
};

struct GammaGammaFit {
  GammaGammaParams params;
  double log_likelihood = 0;
  bool fitted = false;      // false: too few repeat buyers, nothing was fitted
  bool converged = false;
  std::string message;
  int iterations = 0, evaluations = 0;
  std::array<double, 3> standard_errors{};  // p, q, gamma; NaN when not available
  uint32_t customers = 0;                   // repeat buyers with a positive mean value
  double spend_frequency_correlation = 0;   // Pearson, x vs mean value
  double population_mean = 0;               // E[M] = pγ/(q − 1); observed mean when q ≤ 1
  std::string warning;                      // set when spend and frequency are clearly correlated
};

// |Pearson correlation| of x and mean value at or above this gives the warning.
constexpr double kSpendFrequencyWarning = 0.3;

// x[i] ≥ 1 repeat transactions with mean value mean_value[i] > 0 (others are skipped).
GammaGammaFit fit_gamma_gamma(const std::vector<double>& x, const std::vector<double>& mean_value);

double gamma_gamma_log_likelihood(const GammaGammaParams& params, double x, double mean_value);

// E[M | x, mean value] = (γ + x·m̄) p / (p·x + q − 1): a weighted mean of the
// population mean and the customer's own mean. x = 0 gives the population mean.
double gamma_gamma_expected_value(const GammaGammaFit& fit, double x, double mean_value);

}  // namespace huike
