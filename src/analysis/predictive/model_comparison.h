#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/predictive/count_model.h"
#include "analysis/predictive/rfm_summary.h"

namespace huike {

constexpr uint32_t kCalibrationHistogramBins = 8;  // 0, 1, …, 6 and 7+ repeat purchases

// How one fitted model does: its calibration fit, the classic calibration-period check
// (expected number of customers with 0, 1, …, 7+ repeat purchases given each customer's
// T, against the actual counts) and, with a hold-out period, its predictions there.
struct ModelScore {
  ModelKey key = ModelKey::bgnbd;
  double log_likelihood = 0;
  bool converged = false;
  std::array<double, kCalibrationHistogramBins> calibration_expected{};
  double holdout_predicted = 0;  // Σ E[Y(hold-out) | x, t_x, T] over the fitted customers
  double holdout_mae = 0;        // mean |E[Y] − actual| per customer
};

struct ModelComparison {
  bool holdout_available = false;
  double holdout_units = 0;  // hold-out length in the model's unit
  uint32_t customers = 0;
  double holdout_actual = 0;  // repeat purchases of the fitted customers in the hold-out
  std::array<uint32_t, kCalibrationHistogramBins> calibration_actual{};
  std::vector<ModelScore> scores;  // like the candidates
  size_t chosen = 0;               // index into scores / candidates
  std::string chosen_by;           // "holdout_mae", "option" or "default"
  std::string reason;              // in words
};

// Scores every candidate (group_p_alive[k] = P(alive) per summary group under candidate k)
// and chooses: the `model` option when it names one; else, with a hold-out, the smallest
// per-customer mean absolute error there (converged fits first); without one, BG/NBD.
ModelComparison compare_models(const RfmSummary& summary, const std::vector<CountModel>& candidates,
                               const std::vector<std::vector<double>>& group_p_alive, ModelChoice choice);

}  // namespace huike
