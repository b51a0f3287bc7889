#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/analysis_options.h"
#include "analysis/predictive/predictive_models.h"
#include "core/error.h"
#include "ingest/order_reader.h"

namespace huike {

// The facade's options, read from JSON (the words are in session.h). A wrong type or value
// throws HuikeError E_BAD_OPTION (E_PREDICT_OPTION for the prediction options).
IngestOptions parse_ingest_options(const nlohmann::json& options);
AnalysisOptions parse_analysis_options(const nlohmann::json& options);
// {"calibration_end":"1997-09-30","unit":"week","horizon_days":365,"discount_rate":0.1,
//  "model":"bgnbd"|"mbgnbd","top":20}; every key optional, other keys ignored.
PredictOptions parse_predict_options(const nlohmann::json& options);
// The health view's keys of the analysis options: {"period":"month|week",
// "compare_as_of":"YYYY-MM-DD"} (the earlier migration date; default as_of - 90 days).
struct HealthRequest {
  bool weekly = false;
  std::optional<int32_t> compare_as_of_day;
};
HealthRequest parse_health_options(const nlohmann::json& options);

// A number option in [lo, hi] (whole when `whole`), `fallback` when absent or null; NaN,
// infinities, strings and values out of range are E_BAD_OPTION naming the option.
double number_option(const nlohmann::json& options, const char* key, double fallback, double lo, double hi,
                     bool whole = false);

// options[key] as a T, `fallback` when absent or null.
template <typename T>
T option_or(const nlohmann::json& options, const char* key, T fallback) {
  const auto it = options.find(key);
  if (it == options.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, std::string("option '") + key + "' has the wrong type");
  }
}

}  // namespace huike
