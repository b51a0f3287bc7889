#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/predictive/predictive_models.h"

namespace huike {

// The JSON of `huike predict` (fits, predicts and reports).
nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictOptions& options);
// The same from models and predictions already computed (e.g. shared with the customers CSV).
nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictiveModels& models,
                              const std::vector<CustomerPrediction>& predictions);

}  // namespace huike
