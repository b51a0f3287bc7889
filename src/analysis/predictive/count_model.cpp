#include "analysis/predictive/count_model.h"

#include <cmath>

namespace huike {

const char* model_key_name(ModelKey key) {
  switch (key) {
    case ModelKey::bgnbd: return "bgnbd";
    case ModelKey::mbgnbd: return "mbgnbd";
    case ModelKey::paretonbd: return "paretonbd";
  }
  return "";
}

const char* model_display_name(ModelKey key) {
  switch (key) {
    case ModelKey::bgnbd: return "BG/NBD";
    case ModelKey::mbgnbd: return "MBG/NBD";
    case ModelKey::paretonbd: return "Pareto/NBD";
  }
  return "";
}

std::optional<ModelChoice> parse_model_choice(std::string_view text) {
  if (text == "auto") return ModelChoice::automatic;
  if (text == "bgnbd") return ModelChoice::bgnbd;
  if (text == "mbgnbd") return ModelChoice::mbgnbd;
  if (text == "paretonbd") return ModelChoice::paretonbd;
  return std::nullopt;
}

std::optional<ModelKey> chosen_key(ModelChoice choice) {
  switch (choice) {
    case ModelChoice::bgnbd: return ModelKey::bgnbd;
    case ModelChoice::mbgnbd: return ModelKey::mbgnbd;
    case ModelChoice::paretonbd: return ModelKey::paretonbd;
    case ModelChoice::automatic: break;
  }
  return std::nullopt;
}

const ModelFitInfo& CountModel::info() const {
  if (key == ModelKey::paretonbd) return pareto;
  return bg;
}

double CountModel::p_alive(double x, double t_x, double T) const {
  if (key == ModelKey::paretonbd) return pareto_p_alive(pareto.params, x, t_x, T);
  return bg_p_alive(bg.model, bg.params, x, t_x, T);
}

double CountModel::expected_if_alive(double x, double T, double t) const {
  if (key == ModelKey::paretonbd) return pareto_expected_if_alive(pareto.params, x, T, t);
  return bg_expected_if_alive(bg.model, bg.params, x, T, t);
}

double CountModel::p_no_purchase(double x, double t_x, double T, double t) const {
  if (key == ModelKey::paretonbd) return pareto_p_no_purchase(pareto.params, x, t_x, T, t);
  return bg_p_no_purchase(bg.model, bg.params, x, t_x, T, t);
}

double CountModel::p_no_purchase_if_alive(double x, double T, double t) const {
  if (key == ModelKey::paretonbd) return pareto_p_no_purchase_if_alive(pareto.params, x, T, t);
  if (!(t > 0)) return 1;
  return std::exp(-(bg.params.r + x) * std::log1p(t / (bg.params.alpha + T)));  // alive: no Poisson event
}

double CountModel::expected_new_customer(double t) const {
  if (key == ModelKey::paretonbd) return pareto_expected_new_customer(pareto.params, t);
  return bg_expected_new_customer(bg.model, bg.params, t);
}

double CountModel::pmf(double t, uint32_t x) const {
  if (key == ModelKey::paretonbd) return pareto_pmf(pareto.params, t, x);
  return bg_pmf(bg.model, bg.params, t, x);
}

std::vector<double> CountModel::group_p_alive(const std::vector<RfmGroup>& groups, TimeUnit unit) const {
  if (key == ModelKey::paretonbd) return pareto_group_p_alive(pareto.params, groups, unit);
  std::vector<double> alive(groups.size());
  const double u = unit_days(unit);
  for (size_t i = 0; i < groups.size(); ++i) {
    alive[i] = bg_p_alive(bg.model, bg.params, groups[i].x, groups[i].t_x_days / u, groups[i].T_days / u);
  }
  return alive;
}

double CountModel::posterior_rate_shape(double x) const {
  return (key == ModelKey::paretonbd ? pareto.params.r : bg.params.r) + x;
}

double CountModel::posterior_rate_scale(double T) const {
  return (key == ModelKey::paretonbd ? pareto.params.alpha : bg.params.alpha) + T;
}

CountModel fit_count_model(ModelKey key, const std::vector<RfmGroup>& groups, TimeUnit unit) {
  CountModel model;
  model.key = key;
  if (key == ModelKey::paretonbd) {
    model.pareto = fit_pareto(groups, unit);
  } else {
    model.bg = fit_bg(key == ModelKey::mbgnbd ? BgModel::mbgnbd : BgModel::bgnbd, groups, unit);
  }
  return model;
}

}  // namespace huike
