#pragma once
#include <vector>

#include "analysis/predictive/paretonbd.h"

namespace huike {

// The Pareto/NBD log-likelihood summed over groups of identical (x, t_x, T), with its
// gradient. Per customer L = C [e^{a3} + s J] with C = Γ(r+x) α^r β^s / Γ(r),
// e^{a3} = (α+T)^−(r+x) (β+T)^−s and J = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, the
// integral FHL 2005 write with the 2F1. Here J and its parameter derivatives come from
// one pass per distinct x over the whole days: Gauss-Legendre on each day, summed from
// the last day down, kept as ratios to the integrand at the day (no underflow for
// large x). No 2F1 per group, and the gradient is exact for the same quadrature.
class ParetoGroupedLikelihood {
 public:
  ParetoGroupedLikelihood(const std::vector<RfmGroup>& groups, double unit_days);
  double total_weight() const { return total_weight_; }
  // Σ weight × log-likelihood; gradient (4, may be null) in (r, α, s, β); p_alive (may
  // be null) receives P(alive) per group.
  double evaluate(const ParetoParams& p, double* gradient, std::vector<double>* p_alive);

 private:
  struct XRun {
    double x;
    size_t begin, end;
    int32_t first_day, last_day;  // smallest t_x and largest T of the run
  };
  const std::vector<RfmGroup>& groups_;
  double unit_days_;
  double total_weight_ = 0;
  int32_t max_day_ = 0;
  std::vector<XRun> runs_;
  std::vector<size_t> node_begin_;               // per day d: its nodes in (d, d + 1)
  std::vector<double> node_time_, node_weight_;  // in the model's unit
  // Per evaluation: logs at whole days and at the nodes, reciprocals at the nodes.
  std::vector<double> day_log_a_, day_log_b_, day_inv_a_, day_inv_b_, node_log_a_, node_log_b_, node_inv_a_,
      node_inv_b_;
  // Per run: R_g(d) = ∫_d^{last} g f / f(d) for g = 1, ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ).
  std::vector<double> ratio_[5];
  std::vector<double> step_, power_;  // f(d+1)/f(d) and f(d)/f(first day) of the run
};

}  // namespace huike
