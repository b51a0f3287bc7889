#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/predictive/model_fit.h"
#include "analysis/predictive/rfm_summary.h"

namespace huike {

// Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while alive a customer buys at
// Poisson rate λ ~ Gamma(r, α) and stays alive for an exponential lifetime of rate
// μ ~ Gamma(s, β), λ and μ independent. The likelihood follows Fader, Hardie & Lee's
// 2005 note ("A Note on Implementing the Pareto/NBD Model in MATLAB"). Times in the
// model's unit (day or week).
struct ParetoParams {
  double r = 0, alpha = 0, s = 0, beta = 0;
};

// standard_errors in the order r, alpha, s, beta.
struct ParetoFit : ModelFitInfo {
  ParetoParams params;
};

// Maximum likelihood over the weighted groups (log-parameters, projected BFGS with the
// analytic gradient of the grouped likelihood; standard errors from the Hessian).
ParetoFit fit_pareto(const std::vector<RfmGroup>& groups, TimeUnit unit);

// Closed forms for one customer (FHL 2005 with the Gauss 2F1; the argument order of
// the 2F1 switches on α ≥ β so that its argument stays in [0, 1)).
double pareto_log_likelihood(const ParetoParams& p, double x, double t_x, double T);
double pareto_p_alive(const ParetoParams& p, double x, double t_x, double T);
// E[purchases in (T, T + t] | alive at T, x, T] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)].
double pareto_expected_if_alive(const ParetoParams& p, double x, double T, double t);
double pareto_expected_purchases(const ParetoParams& p, double x, double t_x, double T, double t);
// P(no purchase in (T, T + t] | alive at T, x, T): dying first or waiting past t.
double pareto_p_no_purchase_if_alive(const ParetoParams& p, double x, double T, double t);
// P(no purchase in (T, T + t] | x, t_x, T) = 1 − P(alive) + P(alive) × the above.
double pareto_p_no_purchase(const ParetoParams& p, double x, double t_x, double T, double t);
// E[repeat purchases in (0, t]] of a customer who just made the first purchase.
double pareto_expected_new_customer(const ParetoParams& p, double t);
// P(X(t) = x) for a new customer: x repeat purchases in (0, t].
double pareto_pmf(const ParetoParams& p, double t, uint32_t x);

// P(alive) for every group (indexed like `groups`) from the grouped likelihood's terms:
// the same numbers as pareto_p_alive, without a 2F1 per group.
std::vector<double> pareto_group_p_alive(const ParetoParams& p, const std::vector<RfmGroup>& groups, TimeUnit unit);

}  // namespace huike
