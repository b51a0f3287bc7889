#include "analysis/predictive/gamma_gamma.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "analysis/predictive/hypergeometric.h"
#include "analysis/predictive/optimizer.h"

namespace huike {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr uint32_t kMinRepeatBuyers = 10;

double pearson(const std::vector<double>& u, const std::vector<double>& v) {
  const double n = static_cast<double>(u.size());
  double mu = 0, mv = 0;
  for (size_t i = 0; i < u.size(); ++i) {
    mu += u[i] / n;
    mv += v[i] / n;
  }
  double suv = 0, suu = 0, svv = 0;
  for (size_t i = 0; i < u.size(); ++i) {
    suv += (u[i] - mu) * (v[i] - mv);
    suu += (u[i] - mu) * (u[i] - mu);
    svv += (v[i] - mv) * (v[i] - mv);
  }
  return suu > 0 && svv > 0 ? suv / std::sqrt(suu * svv) : 0;
}

}  // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& g, double x, double m) {
  // Density of the mean m̄ of x values: Γ(px+q)/(Γ(px)Γ(q)) γ^q m̄^(px−1) x^(px) / (γ + x m̄)^(px+q).
  const double px = g.p * x;
  return std::lgamma(px + g.q) - std::lgamma(px) - std::lgamma(g.q) + g.q * std::log(g.gamma) +
         (px - 1) * std::log(m) + px * std::log(x) - (px + g.q) * std::log(g.gamma + x * m);
}

GammaGammaFit fit_gamma_gamma(const std::vector<double>& x_in, const std::vector<double>& m_in) {
  GammaGammaFit fit;
  fit.standard_errors.fill(kNaN);
  std::vector<double> xs, ms;
  for (size_t i = 0; i < x_in.size(); ++i) {
    if (x_in[i] >= 1 && m_in[i] > 0 && std::isfinite(m_in[i])) {
      xs.push_back(x_in[i]);
      ms.push_back(m_in[i]);
    }
  }
  const uint32_t n = static_cast<uint32_t>(xs.size());
  fit.customers = n;
  double mean = 0;
  for (double m : ms) mean += m / n;
  fit.population_mean = n > 0 ? mean : 0;
  if (n >= 2) fit.spend_frequency_correlation = pearson(xs, ms);
  if (std::abs(fit.spend_frequency_correlation) >= kSpendFrequencyWarning) {
    fit.warning = "spend and purchase frequency are correlated (Pearson r = " +
                  std::to_string(fit.spend_frequency_correlation) +
                  "); the Gamma-Gamma model assumes they are independent, treat expected values with care";
  }
  if (n < kMinRepeatBuyers) {
    fit.log_likelihood = kNaN;
    fit.message = "fewer than 10 repeat buyers with a positive spend: not fitted";
    return fit;
  }

  // x-only terms once per distinct x; per customer one log and one division.
  std::map<double, double> x_counts;
  double s_const = 0, s_p = 0;  // Σ[−ln m̄], Σ[x(ln m̄ + ln x)]
  for (uint32_t i = 0; i < n; ++i) {
    ++x_counts[xs[i]];
    s_const -= std::log(ms[i]);
    s_p += xs[i] * (std::log(ms[i]) + std::log(xs[i]));
  }
  const double total = n;
  const auto log_likelihood = [&](double p, double q, double gamma, double* grad) {
    double ll = -total * std::lgamma(q) + total * q * std::log(gamma) + p * s_p + s_const;
    double gp = s_p, gq = -total * digamma(q) + total * std::log(gamma), gg = total * q / gamma;
    for (const auto& [x, count] : x_counts) {
      ll += count * (std::lgamma(p * x + q) - std::lgamma(p * x));
      if (grad) {
        const double psi = digamma(p * x + q);
        gp += count * x * (psi - digamma(p * x));
        gq += count * psi;
      }
    }
    for (uint32_t i = 0; i < n; ++i) {
      const double v = gamma + xs[i] * ms[i];
      const double log_v = std::log(v);
      ll -= (p * xs[i] + q) * log_v;
      if (grad) {
        gp -= xs[i] * log_v;
        gq -= log_v;
        gg -= (p * xs[i] + q) / v;
      }
    }
    if (grad) {
      grad[0] = gp;
      grad[1] = gq;
      grad[2] = gg;
    }
    return ll;
  };
  const Objective objective = [&](const std::vector<double>& v, std::vector<double>& g) {
    const double theta[3] = {std::exp(v[0]), std::exp(v[1]), std::exp(v[2])};
    double grad[3];
    const double ll = log_likelihood(theta[0], theta[1], theta[2], grad);
    for (int i = 0; i < 3; ++i) g[i] = -theta[i] * grad[i] / total;
    return -ll / total;
  };
  // Start: p = 1, q = 2, γ so that the population mean pγ/(q − 1) is the observed mean.
  const std::vector<double> lower(3, std::log(1e-6)), upper(3, std::log(1e8));
  const OptimizerResult result = minimize_bounded(objective, {0.0, std::log(2.0), std::log(mean)}, lower, upper);
  fit.fitted = true;
  fit.params = {std::exp(result.x[0]), std::exp(result.x[1]), std::exp(result.x[2])};
  fit.log_likelihood = -result.value * total;
  fit.converged = result.converged;
  fit.message = result.message;
  fit.iterations = result.iterations;
  fit.evaluations = result.evaluations;
  if (fit.params.q > 1) {
    fit.population_mean = fit.params.p * fit.params.gamma / (fit.params.q - 1);
  } else {
    fit.message += "; q ≤ 1 (infinite population mean): customers without repeat purchases get the observed mean";
  }
  const double theta[3] = {fit.params.p, fit.params.q, fit.params.gamma};
  log_parameter_standard_errors(objective, result.x, total, theta, fit.standard_errors.data());
  return fit;
}

double gamma_gamma_expected_value(const GammaGammaFit& fit, double x, double mean_value) {
  if (x <= 0 || !(mean_value > 0)) return fit.population_mean;
  if (!fit.fitted) return mean_value;
  const GammaGammaParams& g = fit.params;
  const double denominator = g.p * x + g.q - 1;
  if (!(denominator > 0)) return mean_value;
  return (g.gamma + x * mean_value) * g.p / denominator;
}

}  // namespace huike
