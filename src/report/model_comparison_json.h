#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/predictive/predictive_models.h"

namespace huike {

// Parts of the `huike predict` JSON about the purchase-count models: one fit
// ({r, alpha, a, b | s, beta, log_likelihood, converged, standard_errors, …}), the
// comparison of the three (hold-out error, calibration histogram, the choice and why),
// and the expected next order dates.
nlohmann::json count_model_json(const CountModel& model);
nlohmann::json model_comparison_json(const PredictiveModels& models);
nlohmann::json next_order_json(const PredictiveModels& models, const std::vector<CustomerPrediction>& predictions);

// NaN and infinities become null in the JSON.
inline nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace huike
