#include "report/model_comparison_json.h"

#include <algorithm>
#include <cmath>

#include "analysis/predictive/next_order.h"
#include "ingest/date_parse.h"

namespace huike {

nlohmann::json count_model_json(const CountModel& model) {
  const ModelFitInfo& fit = model.info();
  const bool pareto = model.key == ModelKey::paretonbd;
  const char* names[4] = {"r", "alpha", pareto ? "s" : "a", pareto ? "beta" : "b"};
  const double values[4] = {pareto ? model.pareto.params.r : model.bg.params.r,
                            pareto ? model.pareto.params.alpha : model.bg.params.alpha,
                            pareto ? model.pareto.params.s : model.bg.params.a,
                            pareto ? model.pareto.params.beta : model.bg.params.b};
  nlohmann::json out = {{"model", model_key_name(model.key)}, {"unit", time_unit_key(fit.unit)}};
  nlohmann::json errors = nlohmann::json::object();
  for (int i = 0; i < 4; ++i) {
    out[names[i]] = values[i];
    errors[names[i]] = json_number(fit.standard_errors[i]);
  }
  out["log_likelihood"] = json_number(fit.log_likelihood);
  out["converged"] = fit.converged;
  out["message"] = fit.message;
  out["iterations"] = fit.iterations;
  out["evaluations"] = fit.evaluations;
  out["customers"] = fit.customers;
  out["groups"] = fit.groups;
  out["standard_errors"] = errors;
  return out;
}

nlohmann::json model_comparison_json(const PredictiveModels& models) {
  const ModelComparison& c = models.comparison;
  nlohmann::json rows = nlohmann::json::array(), expected = nlohmann::json::object();
  for (const ModelScore& score : c.scores) {
    rows.push_back({{"model", model_key_name(score.key)},
                    {"name", model_display_name(score.key)},
                    {"log_likelihood", json_number(score.log_likelihood)},
                    {"converged", score.converged},
                    {"holdout_predicted_transactions", c.holdout_available ? json_number(score.holdout_predicted) : nullptr},
                    {"holdout_mae", c.holdout_available ? json_number(score.holdout_mae) : nullptr}});
    nlohmann::json bins = nlohmann::json::array();
    for (double v : score.calibration_expected) bins.push_back(json_number(v));
    expected[model_key_name(score.key)] = bins;
  }
  nlohmann::json labels = nlohmann::json::array(), actual = nlohmann::json::array();
  for (uint32_t k = 0; k < kCalibrationHistogramBins; ++k) {
    labels.push_back(k + 1 < kCalibrationHistogramBins ? std::to_string(k) : std::to_string(k) + "+");
    actual.push_back(c.calibration_actual[k]);
  }
  return {{"rule", "model auto: with a hold-out period, the model with the smallest mean absolute error per customer "
                   "between predicted and actual hold-out purchases (converged fits first); without one, BG/NBD"},
          {"chosen", model_key_name(c.scores[c.chosen].key)},
          {"chosen_by", c.chosen_by},
          {"reason", c.reason},
          {"holdout_available", c.holdout_available},
          {"holdout_length_units", c.holdout_available ? nlohmann::json(c.holdout_units) : nullptr},
          {"unit", time_unit_key(models.summary.unit)},
          {"customers", c.customers},
          {"holdout_actual_transactions", c.holdout_available ? nlohmann::json(c.holdout_actual) : nullptr},
          {"models", rows},
          {"calibration_histogram",
           {{"description", "customers by repeat purchases in the calibration period: actual, and expected by each "
                            "model given each customer's time since the first purchase (sum of P(X(T) = k))"},
            {"bins", labels},
            {"actual", actual},
            {"expected", expected}}}};
}

nlohmann::json next_order_json(const PredictiveModels& models, const std::vector<CustomerPrediction>& predictions) {
  std::vector<double> days;
  uint32_t without = 0, within = 0;
  for (const CustomerPrediction& p : predictions) {
    if (!p.fitted) continue;
    if (!std::isfinite(p.next_order_day)) {
      ++without;
      continue;
    }
    days.push_back(p.next_order_day - models.calibration_end_day);
    within += days.back() <= models.options.horizon_days;
  }
  double median = std::nan("");
  if (!days.empty()) {
    std::nth_element(days.begin(), days.begin() + days.size() / 2, days.end());
    median = days[days.size() / 2];
  }
  return {{"formula", kNextOrderFormula},
          {"model", model_key_name(models.model().key)},
          {"as_of", format_day(models.calibration_end_day)},
          {"customers_with_date", days.size()},
          {"customers_without_date", without},
          {"within_horizon", within},
          {"horizon_days", models.options.horizon_days},
          {"median_days_to_next_order", json_number(median)}};
}

}  // namespace huike
