#include "analysis/predictive/paretonbd_grouped.h"

#include <algorithm>
#include <cmath>

#include "analysis/predictive/hypergeometric.h"
#include "analysis/predictive/model_fit.h"

namespace huike {
namespace {

// 8-point Gauss-Legendre on [−1, 1] (nodes ±, weights).
constexpr double kNode[4] = {0.1834346424956498049, 0.5255324099163289858, 0.7966664774136267396,
                             0.9602898564975362317};
constexpr double kWeight[4] = {0.3626837833783619830, 0.3137066458778872873, 0.2223810344533744706,
                               0.1012285362903762591};

// Day 0 (only x = 0 groups start there, t_x = 0) is split geometrically toward 0, so a
// small α or β (a sharp integrand at τ = 0) is still integrated accurately.
constexpr double kDayZeroCuts[] = {0, 1.0 / 1024, 1.0 / 256, 1.0 / 64, 1.0 / 16, 1.0 / 4, 1};

void add_nodes(double from, double to, double unit_days, std::vector<double>& time, std::vector<double>& weight) {
  const double mid = (from + to) / 2, half = (to - from) / 2;
  for (int k = 0; k < 4; ++k) {
    for (double sign : {-1.0, 1.0}) {
      time.push_back((mid + sign * half * kNode[k]) / unit_days);
      weight.push_back(half * kWeight[k] / unit_days);
    }
  }
}

}  // namespace

ParetoGroupedLikelihood::ParetoGroupedLikelihood(const std::vector<RfmGroup>& groups, double unit_days)
    : groups_(groups), unit_days_(unit_days) {
  for (size_t i = 0; i < groups.size(); ++i) {
    const RfmGroup& g = groups[i];
    max_day_ = std::max(max_day_, g.T_days);
    total_weight_ += g.customers;
    if (i == 0 || g.x != groups[i - 1].x) runs_.push_back({double(g.x), i, i, g.t_x_days, g.T_days});
    XRun& run = runs_.back();
    run.end = i + 1;
    run.first_day = std::min(run.first_day, g.t_x_days);
    run.last_day = std::max(run.last_day, g.T_days);
  }
  node_begin_.assign(static_cast<size_t>(max_day_) + 1, 0);
  for (int32_t d = 0; d < max_day_; ++d) {
    node_begin_[d] = node_time_.size();
    if (d == 0) {
      for (size_t k = 0; k + 1 < std::size(kDayZeroCuts); ++k) {
        add_nodes(kDayZeroCuts[k], kDayZeroCuts[k + 1], unit_days, node_time_, node_weight_);
      }
    } else {
      add_nodes(d, d + 1, unit_days, node_time_, node_weight_);
    }
  }
  node_begin_[max_day_] = node_time_.size();
  for (auto* v : {&day_log_a_, &day_log_b_, &day_inv_a_, &day_inv_b_}) v->resize(static_cast<size_t>(max_day_) + 1);
  for (auto* v : {&node_log_a_, &node_log_b_, &node_inv_a_, &node_inv_b_}) v->resize(node_time_.size());
  for (auto& r : ratio_) r.resize(static_cast<size_t>(max_day_) + 1);
  step_.resize(static_cast<size_t>(max_day_) + 1);
  power_.resize(static_cast<size_t>(max_day_) + 1);
}

double ParetoGroupedLikelihood::evaluate(const ParetoParams& p, double* gradient, std::vector<double>* p_alive) {
  const double r = p.r, al = p.alpha, s = p.s, be = p.beta;
  for (int32_t d = 0; d <= max_day_; ++d) {
    day_log_a_[d] = std::log(al + d / unit_days_);
    day_log_b_[d] = std::log(be + d / unit_days_);
    day_inv_a_[d] = 1 / (al + d / unit_days_);
    day_inv_b_[d] = 1 / (be + d / unit_days_);
  }
  for (size_t k = 0; k < node_time_.size(); ++k) {
    const double va = al + node_time_[k], vb = be + node_time_[k];
    node_log_a_[k] = std::log(va);
    node_log_b_[k] = std::log(vb);
    node_inv_a_[k] = 1 / va;
    node_inv_b_[k] = 1 / vb;
  }
  if (p_alive) p_alive->assign(groups_.size(), 1.0);
  const double log_alpha = std::log(al), log_beta = std::log(be);
  const double lg_r = std::lgamma(r), psi_r = digamma(r);
  double ll = 0, gr = 0, gal = 0, gs = 0, gbe = 0;
  const double sb = s + 1;
  for (const XRun& run : runs_) {
    const double x = run.x, rx = r + x;
    // Tail ratios from the run's last day down to its first.
    for (auto& ratio : ratio_) ratio[run.last_day] = 0;
    for (int32_t d = run.last_day - 1; d >= run.first_day; --d) {
      const double la = day_log_a_[d], lb = day_log_b_[d];
      double i0 = 0, ir = 0, ia = 0, is = 0, ib = 0;
      for (size_t k = node_begin_[d]; k < node_begin_[d + 1]; ++k) {
        const double f = node_weight_[k] * std::exp(-rx * (node_log_a_[k] - la) - sb * (node_log_b_[k] - lb));
        i0 += f;
        ir += f * node_log_a_[k];
        ia += f * node_inv_a_[k];
        is += f * node_log_b_[k];
        ib += f * node_inv_b_[k];
      }
      const double q = std::exp(-rx * (day_log_a_[d + 1] - la) - sb * (day_log_b_[d + 1] - lb));
      step_[d] = q;
      ratio_[0][d] = i0 + q * ratio_[0][d + 1];
      ratio_[1][d] = ir + q * ratio_[1][d + 1];
      ratio_[2][d] = ia + q * ratio_[2][d + 1];
      ratio_[3][d] = is + q * ratio_[3][d + 1];
      ratio_[4][d] = ib + q * ratio_[4][d + 1];
    }
    // f(d)/f(first day) by products of the day steps: ρ without an exp per group.
    power_[run.first_day] = 1;
    for (int32_t d = run.first_day; d < run.last_day; ++d) power_[d + 1] = power_[d] * step_[d];
    const double log_c = std::lgamma(rx) - lg_r + r * log_alpha + s * log_beta;
    const double psi_rx = gradient ? digamma(rx) : 0;
    LogProduct product;  // Σ w ln(L / (C f(t_x)))
    for (size_t i = run.begin; i < run.end; ++i) {
      const RfmGroup& g = groups_[i];
      const double w = g.customers;
      const int32_t a = g.t_x_days, b = g.T_days;
      // L/C = e^{a3} + s J = f(t_x) [ρ (β+T) + s Δ] with ρ = f(T)/f(t_x) and J = f(t_x) Δ,
      // Δ = R(t_x) − ρ R(T): one log per group.
      double pi = 0, scale = 0, rho = 1;  // share of the "died in (t_x, T]" term; s / (L / (C f(t_x)))
      if (a < b) {
        const double log_fa = -rx * day_log_a_[a] - sb * day_log_b_[a];
        const double log_fb = -rx * day_log_a_[b] - sb * day_log_b_[b];
        rho = power_[b] > 1e-290 ? power_[b] / power_[a] : std::exp(log_fb - log_fa);
        const double delta = std::max(0.0, ratio_[0][a] - ratio_[0][b] * rho);
        const double total = rho * (be + b / unit_days_) + s * delta;
        ll += w * (log_c + log_fa);
        product.add(total, g.customers);
        scale = s / total;
        pi = scale * delta;
      } else {
        ll += w * (log_c - rx * day_log_a_[b] - s * day_log_b_[b]);
      }
      if (p_alive) (*p_alive)[i] = 1 - pi;
      if (!gradient) continue;
      // π × ∂ln J/∂θ = −s (R_g(t_x) − ρ R_g(T)) / (L / (C f(t_x))) for the g of θ.
      const auto part = [&](int k) { return pi > 0 ? scale * (ratio_[k][a] - ratio_[k][b] * rho) : 0.0; };
      gr += w * (psi_rx - psi_r + log_alpha - (1 - pi) * day_log_a_[b] - part(1));
      gal += w * (r / al - (1 - pi) * rx * day_inv_a_[b] - rx * part(2));
      gs += w * (log_beta - (1 - pi) * day_log_b_[b] + pi / s - part(3));
      gbe += w * (s / be - (1 - pi) * s * day_inv_b_[b] - sb * part(4));
    }
    ll += product.log();
  }
  if (gradient) {
    gradient[0] = gr;
    gradient[1] = gal;
    gradient[2] = gs;
    gradient[3] = gbe;
  }
  return ll;
}

}  // namespace huike
