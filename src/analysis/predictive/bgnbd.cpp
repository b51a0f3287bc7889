#include "analysis/predictive/bgnbd.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/predictive/hypergeometric.h"
#include "analysis/predictive/optimizer.h"

namespace huike {
namespace {


// Run of groups with the same x (groups are sorted by x first).
struct XRun {
  double x;
  double weight;
  size_t begin, end;
  int32_t first_day, last_day;  // smallest t_x and largest T of the run
};

// The likelihood over groups. Per evaluation: ln(α + d/unit) for every day count d
// (so no per-group logarithms), x-only terms once per run. Per group the two terms
// (α+T)^−(r+x) and c (α+t_x)^−(r+x) come from a per-run table of powers relative to the
// run's first day (one log per group) where the run is dense enough to pay for the table
// and nothing underflows; otherwise one exp and one log1p (log-sum-exp).
class GroupedLikelihood {
 public:
  GroupedLikelihood(BgModel model, const std::vector<RfmGroup>& groups, double unit_days)
      : model_(model), groups_(groups), unit_days_(unit_days) {
    int32_t max_day = 0;
    for (size_t i = 0; i < groups.size(); ++i) {
      max_day = std::max(max_day, groups[i].T_days);
      total_weight_ += groups[i].customers;
      if (i == 0 || groups[i].x != groups[i - 1].x) {
        runs_.push_back({double(groups[i].x), 0, i, i, groups[i].t_x_days, groups[i].T_days});
      }
      XRun& run = runs_.back();
      run.end = i + 1;
      run.weight += groups[i].customers;
      run.first_day = std::min(run.first_day, groups[i].t_x_days);
      run.last_day = std::max(run.last_day, groups[i].T_days);
    }
    log_time_.resize(max_day + 1);
    inv_time_.resize(max_day + 1);
    power_.resize(max_day + 1);
  }

  double total_weight() const { return total_weight_; }

  // Sum of log-likelihoods; gradient (if not null) with respect to (r, α, a, b).
  double log_likelihood(const BgParams& p, double* gradient) {
    const double r = p.r, al = p.alpha, a = p.a, b = p.b;
    for (size_t d = 0; d < log_time_.size(); ++d) {
      const double v = al + d / unit_days_;
      log_time_[d] = std::log(v);
      inv_time_[d] = 1 / v;
    }
    const bool mbg = model_ == BgModel::mbgnbd;
    const double log_alpha = std::log(al), log_a = std::log(a);
    const double lg_r = std::lgamma(r), lg_b = std::lgamma(b), lg_ab = std::lgamma(a + b);
    const double psi_r = digamma(r), psi_b = digamma(b), psi_ab = digamma(a + b);
    double ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
    for (const XRun& run : runs_) {
      const double x = run.x, W = run.weight, rx = r + x;
      // MBG shifts the dropout terms by one opportunity (the first purchase).
      const double xb = mbg ? x + 1 : x;
      ll += W * (std::lgamma(rx) - lg_r + r * log_alpha + lg_ab + std::lgamma(b + xb) - lg_b -
                 std::lgamma(a + b + xb));
      if (gradient) {
        const double psi_abx = digamma(a + b + xb);
        gr += W * (digamma(rx) - psi_r + log_alpha);
        gal += W * r / al;
        ga += W * (psi_ab - psi_abx);
        gb += W * (psi_ab + digamma(b + xb) - psi_b - psi_abx);
      }
      const bool two_terms = mbg || x > 0;
      // Second term: a / (b + x − 1) (BG), a / (b + x) (MBG), times (α + t_x)^−(r+x).
      const double log_c4 = two_terms ? log_a - std::log(b + xb - 1) : 0;
      const double d4b = two_terms ? -1 / (b + xb - 1) : 0;
      // power_[d] = ((α + first)/(α + d))^(r+x), when the run has more groups than days.
      const bool table = two_terms && run.end - run.begin > size_t(run.last_day - run.first_day);
      const double log_first = log_time_[run.first_day];
      if (table) {
        for (int32_t d = run.first_day; d <= run.last_day; ++d) power_[d] = std::exp(-rx * (log_time_[d] - log_first));
      }
      const double c4 = std::exp(log_c4);
      LogProduct product;  // Σ w ln(v3 + v4) of the table path
      for (size_t i = run.begin; i < run.end; ++i) {
        const RfmGroup& g = groups_[i];
        const double w = g.customers;
        const double lT = log_time_[g.T_days];
        const double a3 = -rx * lT;
        if (!two_terms) {
          ll += w * a3;
          if (gradient) {
            gr -= w * lT;
            gal -= w * rx * inv_time_[g.T_days];
          }
          continue;
        }
        const double lt = log_time_[g.t_x_days];
        double pi;  // weight of the second term
        if (table && power_[g.T_days] > 1e-290) {
          const double v3 = power_[g.T_days], v4 = c4 * power_[g.t_x_days];
          ll -= w * rx * log_first;
          product.add(v3 + v4, g.customers);
          pi = v4 / (v3 + v4);
        } else {
          const double a4 = log_c4 - rx * lt;
          const double d = a4 - a3;
          const double e = std::exp(-std::abs(d));
          ll += w * (std::max(a3, a4) + std::log1p(e));
          pi = d > 0 ? 1 / (1 + e) : e / (1 + e);
        }
        if (gradient) {
          gr += w * (-lT + pi * (lT - lt));
          gal -= w * rx * (inv_time_[g.T_days] + pi * (inv_time_[g.t_x_days] - inv_time_[g.T_days]));
          ga += w * pi / a;
          gb += w * pi * d4b;
        }
      }
      ll += product.log();
    }
    if (gradient) {
      gradient[0] = gr;
      gradient[1] = gal;
      gradient[2] = ga;
      gradient[3] = gb;
    }
    return ll;
  }

 private:
  BgModel model_;
  const std::vector<RfmGroup>& groups_;
  double unit_days_;
  double total_weight_ = 0;
  std::vector<XRun> runs_;
  std::vector<double> log_time_, inv_time_, power_;
};

BgParams from_log(const std::vector<double>& v) {
  return {std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), std::exp(v[3])};
}

}  // namespace

BgFit fit_bg(BgModel model, const std::vector<RfmGroup>& groups, TimeUnit unit) {
  BgFit fit;
  fit.model = model;
  GroupedLikelihood likelihood(model, groups, unit_days(unit));
  const double total = likelihood.total_weight();
  if (!start_fit(fit, unit, groups.size(), total)) return fit;
  // The mean negative log-likelihood over log-parameters: scale-free for the optimiser.
  const Objective objective = [&](const std::vector<double>& v, std::vector<double>& g) {
    const BgParams p = from_log(v);
    double grad[4];
    const double ll = likelihood.log_likelihood(p, grad);
    const double theta[4] = {p.r, p.alpha, p.a, p.b};
    for (int i = 0; i < 4; ++i) g[i] = -theta[i] * grad[i] / total;
    return -ll / total;
  };
  // Start: r = 1 with α matching the observed repeat rate, a = 1, b = 3 (BTYD's default).
  const double alpha0 = std::log(observed_time_per_repeat(groups, unit));
  const std::array<double, 4> theta = fit_log_parameters(objective, total, {0.0, alpha0, 0.0, std::log(3.0)},
                                                         {std::log(0.3), alpha0 + std::log(0.3), std::log(0.5), 0.0}, fit);
  fit.params = {theta[0], theta[1], theta[2], theta[3]};
  return fit;
}

double bg_grouped_log_likelihood(BgModel model, const BgParams& p, const std::vector<RfmGroup>& groups, TimeUnit unit) {
  GroupedLikelihood likelihood(model, groups, unit_days(unit));
  return likelihood.log_likelihood(p, nullptr);
}

double bg_log_likelihood(BgModel model, const BgParams& p, double x, double t_x, double T) {
  const bool mbg = model == BgModel::mbgnbd;
  const double xb = mbg ? x + 1 : x, rx = p.r + x;
  const double a1 = std::lgamma(rx) - std::lgamma(p.r) + p.r * std::log(p.alpha);
  const double a2 = std::lgamma(p.a + p.b) + std::lgamma(p.b + xb) - std::lgamma(p.b) - std::lgamma(p.a + p.b + xb);
  const double a3 = -rx * std::log(p.alpha + T);
  if (!mbg && x == 0) return a1 + a2 + a3;
  const double a4 = std::log(p.a) - std::log(p.b + xb - 1) - rx * std::log(p.alpha + t_x);
  return a1 + a2 + std::max(a3, a4) + std::log1p(std::exp(-std::abs(a3 - a4)));
}

double bg_p_alive(BgModel model, const BgParams& p, double x, double t_x, double T) {
  if (model == BgModel::bgnbd && x == 0) return 1;
  const double denominator = model == BgModel::mbgnbd ? p.b + x : p.b + x - 1;
  // 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x)) (MBG: b + x), in logs.
  const double log_odds = std::log(p.a / denominator) + (p.r + x) * std::log1p((T - t_x) / (p.alpha + t_x));
  return 1 / (1 + std::exp(log_odds));
}

double bg_expected_if_alive(BgModel model, const BgParams& p, double x, double T, double t) {
  if (!(t > 0)) return 0;
  const double z = t / (p.alpha + T + t), w = (p.alpha + T) / (p.alpha + T + t);
  const bool mbg = model == BgModel::mbgnbd;
  // BG:  (a+b+x−1)/(a−1) · [1 − w^(r+x) 2F1(r+x, b+x; a+b+x−1; z)]
  // MBG: (a+b+x)/(a−1)   · [1 − w^(r+x) 2F1(r+x, b+x+1; a+b+x; z)]
  // with w = (α+T)/(α+T+t), z = 1 − w. Euler's transformation gives
  // w^(r+x) 2F1(r+x, b+x; C; z) = w^(a−1) 2F1(a+b−1−r, a−1; C; z) (MBG: a+b−r),
  // whose numerators do not grow with x: no overflow, fast convergence.
  const auto value = [&](double a) {
    const double c = mbg ? a + p.b + x : a + p.b + x - 1;
    const double first = mbg ? a + p.b - p.r : a + p.b - 1 - p.r;
    const double f = hyp2f1(first, a - 1, c, z, w);
    return c / (a - 1) * (1 - std::exp((a - 1) * std::log(w)) * f);
  };
  // a = 1 (and a + b + x − 1 = 0) are removable singularities: average two close points.
  constexpr double kWindow = 1e-5;
  const bool near_singular =
      std::abs(p.a - 1) < kWindow || (!mbg && std::abs(p.a + p.b + x - 1) < kWindow);
  if (near_singular) return (value(p.a - 2 * kWindow) + value(p.a + 2 * kWindow)) / 2;
  return value(p.a);
}

double bg_expected_purchases(BgModel model, const BgParams& p, double x, double t_x, double T, double t) {
  return bg_p_alive(model, p, x, t_x, T) * bg_expected_if_alive(model, p, x, T, t);
}

double bg_p_no_purchase(BgModel model, const BgParams& p, double x, double t_x, double T, double t) {
  if (!(t > 0)) return 1;
  // Dead, or alive with no Poisson event: 1 − P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)).
  const double some_purchase = -std::expm1((p.r + x) * std::log((p.alpha + T) / (p.alpha + T + t)));
  return 1 - bg_p_alive(model, p, x, t_x, T) * some_purchase;
}

double bg_expected_new_customer(BgModel model, const BgParams& p, double t) {
  return bg_p_alive(model, p, 0, 0, 0) * bg_expected_if_alive(model, p, 0, 0, t);
}

double bg_pmf(BgModel model, const BgParams& p, double t, uint32_t x) {
  // P(N = j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j; P(X = x) =
  //   BG:  E[(1−p)^x] P(N = x) + [x > 0] E[p(1−p)^(x−1)] P(N ≥ x)
  //   MBG: E[(1−p)^(x+1)] P(N = x) + E[p(1−p)^x] P(N ≥ x)   (p ~ Beta(a, b))
  const double log_q = std::log(p.alpha / (p.alpha + t)), log_z = t > 0 ? std::log(t / (p.alpha + t)) : 0.0;
  const auto nbd = [&](uint32_t j) {
    if (j > 0 && !(t > 0)) return 0.0;
    return std::exp(std::lgamma(p.r + j) - std::lgamma(p.r) - std::lgamma(j + 1.0) + p.r * log_q + j * log_z);
  };
  double below = 0;  // P(N < x)
  for (uint32_t j = 0; j < x; ++j) below += nbd(j);
  const double at_least = std::max(0.0, 1 - below);
  const auto beta_ratio = [&](double a, double b) {  // B(a, b) / B(p.a, p.b)
    return std::exp(std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b) - std::lgamma(p.a) - std::lgamma(p.b) +
                    std::lgamma(p.a + p.b));
  };
  if (model == BgModel::mbgnbd) return beta_ratio(p.a, p.b + x + 1) * nbd(x) + beta_ratio(p.a + 1, p.b + x) * at_least;
  const double survive = beta_ratio(p.a, p.b + x) * nbd(x);
  return x == 0 ? survive : survive + beta_ratio(p.a + 1, p.b + x - 1) * at_least;
}

}  // namespace huike
