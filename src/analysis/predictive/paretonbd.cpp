#include "analysis/predictive/paretonbd.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/predictive/hypergeometric.h"
#include "analysis/predictive/optimizer.h"
#include "analysis/predictive/paretonbd_grouped.h"

namespace huike {
namespace {


ParetoParams from_log(const std::vector<double>& v) {
  return {std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), std::exp(v[3])};
}

// ln G(τ), G(τ) = ∫_τ^∞ (α+u)^−(r+x) (β+u)^−(s+1) du
//   = 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+τ)) / ((r+s+x)(α+τ)^(r+s+x))   when α ≥ β,
//   = 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+τ)) / ((r+s+x)(β+τ)^(r+s+x))   otherwise,
// so the 2F1 argument lies in [0, 1) (FHL 2005, eq. for A_0).
double log_tail(const ParetoParams& p, double x, double tau) {
  const double a = p.r + p.s + x;
  if (p.alpha >= p.beta) {
    const double v = p.alpha + tau;
    return std::log(hyp2f1(a, p.s + 1, a + 1, (p.alpha - p.beta) / v, (p.beta + tau) / v)) - std::log(a) -
           a * std::log(v);
  }
  const double v = p.beta + tau;
  return std::log(hyp2f1(a, p.r + x, a + 1, (p.beta - p.alpha) / v, (p.alpha + tau) / v)) - std::log(a) -
         a * std::log(v);
}

// The two terms of L / C in logs: "alive at T" and "died in (t_x, T]".
struct Terms {
  double alive, died;  // died = −∞ when t_x = T
};
Terms terms(const ParetoParams& p, double x, double t_x, double T) {
  const double alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  if (!(t_x < T)) return {alive, -std::numeric_limits<double>::infinity()};
  const double at_tx = log_tail(p, x, t_x), at_T = log_tail(p, x, T);
  return {alive, std::log(p.s) + at_tx + std::log(-std::expm1(at_T - at_tx))};
}

// E[λ / (λ + μ)] for λ ~ Gamma(r, α), μ ~ Gamma(s, β) (rates): with B = λ/α ÷ (λ/α + μ/β)
// ~ Beta(r, s) it is E[B / (B + (α/β)(1 − B))], an Euler integral:
// (β/α) r/(r+s) 2F1(1, r+1; r+s+1; 1 − β/α), or by symmetry 1 − the same for μ.
double purchase_share(double r, double alpha, double s, double beta) {
  if (alpha >= beta) return beta / alpha * r / (r + s) * hyp2f1(1, r + 1, r + s + 1, 1 - beta / alpha, beta / alpha);
  return 1 - alpha / beta * s / (r + s) * hyp2f1(1, s + 1, r + s + 1, 1 - alpha / beta, alpha / beta);
}

// [1 − (v/(v+t))^(s−1)] / (s − 1), continuous through s = 1 (where it is ln(1 + t/v)).
double power_gap(double s, double v, double t) {
  const double l = std::log1p(t / v);
  if (std::abs(s - 1) < 1e-12) return l;
  return -std::expm1(-(s - 1) * l) / (s - 1);
}

}  // namespace

ParetoFit fit_pareto(const std::vector<RfmGroup>& groups, TimeUnit unit) {
  ParetoFit fit;
  ParetoGroupedLikelihood likelihood(groups, unit_days(unit));
  const double total = likelihood.total_weight();
  if (!start_fit(fit, unit, groups.size(), total)) return fit;
  const Objective objective = [&](const std::vector<double>& v, std::vector<double>& g) {
    const ParetoParams p = from_log(v);
    double grad[4];
    const double ll = likelihood.evaluate(p, grad, nullptr);
    const double theta[4] = {p.r, p.alpha, p.s, p.beta};
    for (int i = 0; i < 4; ++i) g[i] = -theta[i] * grad[i] / total;
    return -ll / total;
  };
  // Start: r = s = 1 with α = β matching the observed repeat rate (BTYD starts at 1, 1, 1, 1).
  const double alpha0 = std::log(observed_time_per_repeat(groups, unit));
  const std::array<double, 4> theta = fit_log_parameters(objective, total, {0.0, alpha0, 0.0, alpha0},
                                                         {std::log(0.3), alpha0 + std::log(0.3), std::log(0.5), alpha0}, fit);
  fit.params = {theta[0], theta[1], theta[2], theta[3]};
  return fit;
}

double pareto_log_likelihood(const ParetoParams& p, double x, double t_x, double T) {
  const double log_c = std::lgamma(p.r + x) - std::lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
  const Terms t = terms(p, x, t_x, T);
  if (std::isinf(t.died)) return log_c + t.alive;
  return log_c + std::max(t.alive, t.died) + std::log1p(std::exp(-std::abs(t.alive - t.died)));
}

double pareto_p_alive(const ParetoParams& p, double x, double t_x, double T) {
  const Terms t = terms(p, x, t_x, T);
  if (std::isinf(t.died)) return 1;
  return 1 / (1 + std::exp(t.died - t.alive));
}

double pareto_expected_if_alive(const ParetoParams& p, double x, double T, double t) {
  if (!(t > 0)) return 0;
  return (p.r + x) / (p.alpha + T) * (p.beta + T) * power_gap(p.s, p.beta + T, t);
}

double pareto_expected_purchases(const ParetoParams& p, double x, double t_x, double T, double t) {
  return pareto_p_alive(p, x, t_x, T) * pareto_expected_if_alive(p, x, T, t);
}

double pareto_p_no_purchase_if_alive(const ParetoParams& p, double x, double T, double t) {
  if (!(t > 0)) return 1;
  // Alive at T: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T). Given both, no purchase in t has
  // probability μ/(λ+μ) + λ/(λ+μ) e^−(λ+μ)t; the exponential tilts both Gammas by t.
  const double rx = p.r + x, a = p.alpha + T, b = p.beta + T;
  const double tilt = std::exp(-rx * std::log1p(t / a) - p.s * std::log1p(t / b));
  const double value = 1 - purchase_share(rx, a, p.s, b) + tilt * purchase_share(rx, a + t, p.s, b + t);
  return std::clamp(value, 0.0, 1.0);
}

double pareto_p_no_purchase(const ParetoParams& p, double x, double t_x, double T, double t) {
  if (!(t > 0)) return 1;
  const double alive = pareto_p_alive(p, x, t_x, T);
  return 1 - alive + alive * pareto_p_no_purchase_if_alive(p, x, T, t);
}

double pareto_expected_new_customer(const ParetoParams& p, double t) { return pareto_expected_if_alive(p, 0, 0, t); }

double pareto_pmf(const ParetoParams& p, double t, uint32_t x) {
  const double lg = std::lgamma(p.r + x) - std::lgamma(p.r) - std::lgamma(x + 1.0);
  // Alive through t with x purchases: NBD(x; r, α, t) × (β/(β+t))^s.
  double alive = 0;
  if (t > 0 || x == 0) {
    const double log_t = x == 0 ? 0.0 : x * std::log(t / (p.alpha + t));
    alive = std::exp(lg + p.r * std::log(p.alpha / (p.alpha + t)) + log_t - p.s * std::log1p(t / p.beta));
  }
  if (!(t > 0)) return alive;
  // Died at u ≤ t after x purchases: s β^s α^r Γ(r+x)/(Γ(r) x!) ∫_0^t u^x (α+u)^−(r+x) (β+u)^−(s+1) du,
  // integrated over y = ln(1 + u/c), c = min(α, β), where the integrand is smooth.
  const double c = std::min(p.alpha, p.beta), span = std::log1p(t / c);
  const int pieces = std::max(1, static_cast<int>(std::ceil(span / 0.5)));
  const double log_front = std::log(p.s) + p.s * std::log(p.beta) + p.r * std::log(p.alpha) + lg;
  static constexpr double kNode[4] = {0.1834346424956498049, 0.5255324099163289858, 0.7966664774136267396,
                                      0.9602898564975362317};
  static constexpr double kWeight[4] = {0.3626837833783619830, 0.3137066458778872873, 0.2223810344533744706,
                                        0.1012285362903762591};
  double died = 0;
  const double h = span / pieces;
  for (int k = 0; k < pieces; ++k) {
    const double mid = (k + 0.5) * h;
    for (int j = 0; j < 4; ++j) {
      for (double sign : {-1.0, 1.0}) {
        const double y = mid + sign * h / 2 * kNode[j];
        const double u = c * std::expm1(y);  // du = (u + c) dy
        const double log_u = x == 0 ? 0.0 : x * std::log(u);
        died += kWeight[j] * h / 2 *
                std::exp(log_front + log_u - (p.r + x) * std::log(p.alpha + u) - (p.s + 1) * std::log(p.beta + u) +
                         std::log(u + c));
      }
    }
  }
  return alive + died;
}

std::vector<double> pareto_group_p_alive(const ParetoParams& p, const std::vector<RfmGroup>& groups, TimeUnit unit) {
  ParetoGroupedLikelihood likelihood(groups, unit_days(unit));
  std::vector<double> alive;
  likelihood.evaluate(p, nullptr, &alive);
  return alive;
}

}  // namespace huike
