#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/predictive/bgnbd.h"
#include "analysis/predictive/paretonbd.h"
#include "analysis/predictive/rfm_summary.h"

namespace huike {

// The three purchase-count models the engine fits, and the `model` option (auto: chosen
// by the hold-out comparison, see model_comparison.h).
enum class ModelKey : uint8_t { bgnbd, mbgnbd, paretonbd };
enum class ModelChoice : uint8_t { automatic, bgnbd, mbgnbd, paretonbd };
constexpr ModelKey kModelKeys[] = {ModelKey::bgnbd, ModelKey::mbgnbd, ModelKey::paretonbd};

const char* model_key_name(ModelKey key);    // "bgnbd", "mbgnbd", "paretonbd"
const char* model_display_name(ModelKey key);  // "BG/NBD", "MBG/NBD", "Pareto/NBD"
std::optional<ModelChoice> parse_model_choice(std::string_view text);  // "auto" or a key
std::optional<ModelKey> chosen_key(ModelChoice choice);                // nullopt for auto

// One fitted model behind one interface (times in the model's unit).
struct CountModel {
  ModelKey key = ModelKey::bgnbd;
  BgFit bg;          // bgnbd, mbgnbd
  ParetoFit pareto;  // paretonbd

  const ModelFitInfo& info() const;
  double p_alive(double x, double t_x, double T) const;
  double expected_if_alive(double x, double T, double t) const;  // E[purchases in (T, T+t] | alive]
  double p_no_purchase(double x, double t_x, double T, double t) const;
  double p_no_purchase_if_alive(double x, double T, double t) const;  // depends on (x, T) only
  double expected_new_customer(double t) const;                   // E[X(t)] from the first purchase
  double pmf(double t, uint32_t x) const;                         // P(X(t) = x) from the first purchase
  // P(alive) per group of the summary (Pareto/NBD without a 2F1 per group).
  std::vector<double> group_p_alive(const std::vector<RfmGroup>& groups, TimeUnit unit) const;
  // The rate λ of an alive customer is Gamma(r + x, α + T) under all three models.
  double posterior_rate_shape(double x) const;
  double posterior_rate_scale(double T) const;
};

CountModel fit_count_model(ModelKey key, const std::vector<RfmGroup>& groups, TimeUnit unit);

}  // namespace huike
