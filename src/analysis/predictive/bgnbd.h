#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/predictive/model_fit.h"
#include "analysis/predictive/rfm_summary.h"

namespace huike {

// BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin 2007,
// where a customer may also drop out right after the first purchase, so one-time
// buyers are not all "alive"). Purchases ~ Poisson(λ), λ ~ Gamma(r, α); after each
// purchase (MBG: also at the first) the customer drops out with probability
// p ~ Beta(a, b). Times x, t_x, T, t are in the model's unit (day or week).
enum class BgModel : uint8_t { bgnbd, mbgnbd };
inline const char* bg_model_key(BgModel model) { return model == BgModel::mbgnbd ? "mbgnbd" : "bgnbd"; }

struct BgParams {
  double r = 0, alpha = 0, a = 0, b = 0;
};

// standard_errors in the order r, alpha, a, b.
struct BgFit : ModelFitInfo {
  BgModel model = BgModel::bgnbd;
  BgParams params;
};

// Maximum likelihood over the weighted groups (log-parameters, projected BFGS with the
// analytic gradient; standard errors from the Hessian at the optimum).
BgFit fit_bg(BgModel model, const std::vector<RfmGroup>& groups, TimeUnit unit);

// Σ customers × log-likelihood over the groups, as the fit computes it.
double bg_grouped_log_likelihood(BgModel model, const BgParams& p, const std::vector<RfmGroup>& groups, TimeUnit unit);
// Log-likelihood of one customer (times in the unit).
double bg_log_likelihood(BgModel model, const BgParams& p, double x, double t_x, double T);
// P(still alive at T | x, t_x, T).
double bg_p_alive(BgModel model, const BgParams& p, double x, double t_x, double T);
// E[purchases in (T, T + t] | alive at T, x, T]; expected purchases = P(alive) × this.
double bg_expected_if_alive(BgModel model, const BgParams& p, double x, double T, double t);
// E[purchases in (T, T + t] | x, t_x, T].
double bg_expected_purchases(BgModel model, const BgParams& p, double x, double t_x, double T, double t);
// P(no purchase in (T, T + t] | x, t_x, T).
double bg_p_no_purchase(BgModel model, const BgParams& p, double x, double t_x, double T, double t);
// E[repeat purchases in (0, t]] for a customer who just made the first purchase.
double bg_expected_new_customer(BgModel model, const BgParams& p, double t);
// P(X(t) = x) for a customer who just made the first purchase: X = min(N, D) with N the
// NBD count and D the purchases before dropping out (geometric: BG from 1, MBG from 0).
double bg_pmf(BgModel model, const BgParams& p, double t, uint32_t x);

}  // namespace huike
