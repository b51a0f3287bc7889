#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/predictive/count_model.h"
#include "analysis/predictive/gamma_gamma.h"
#include "analysis/predictive/model_comparison.h"
#include "analysis/predictive/rfm_summary.h"
#include "model/order_table.h"

namespace huike {

// What the predictive models compute from the order table; no JSON here (report/predict_json.h
// writes it, session_options.cpp reads the options).
struct PredictOptions {
  // Last day of the calibration period; the models see purchases up to and including
  // it and predict from it. Default: the last order day (no hold-out period).
  std::optional<int32_t> calibration_end_day;
  TimeUnit unit = TimeUnit::week;
  int32_t horizon_days = 365;          // expected purchases, P(no purchase) and CLV cover the next N days
  double annual_discount_rate = 0.10;  // CLV, discounted monthly
  ModelChoice model = ModelChoice::automatic;  // auto: chosen by the hold-out comparison
  uint32_t top_customers = 20;         // rows in top_customers and likely_to_churn
};

// Per customer, indexed like OrderTable::customer_ids. When !fitted (first purchase
// after the calibration end, or returns only) every number is NaN.
struct CustomerPrediction {
  double p_alive = 0;
  double expected_purchases = 0;  // in the next horizon_days
  double p_no_purchase = 0;       // in the next horizon_days
  double expected_aov = 0;        // expected value per future transaction (Gamma-Gamma)
  double clv = 0;                 // discounted value of the next horizon_days (formula: kClvFormula)
  bool fitted = false;
  double next_order_day = 0;      // expected next order date, days since 1970 (next_order.h); NaN: none
};

struct PredictiveModels {
  PredictOptions options;
  int32_t calibration_end_day = 0;
  int32_t last_order_day = 0;
  RfmSummary summary;
  std::vector<CountModel> candidates;  // BG/NBD, MBG/NBD, Pareto/NBD, all fitted
  ModelComparison comparison;          // scores them and chooses one
  std::vector<double> group_p_alive;   // P(alive) per summary group under the chosen model
  GammaGammaFit gamma_gamma;
  const CountModel& model() const { return candidates[comparison.chosen]; }  // predictions, CLV, lists
};

// Throws HuikeError E_PREDICT_NO_PURCHASES (nothing to model) or E_PREDICT_CALIBRATION_END
// (no customer bought on or before the calibration end).
PredictiveModels fit_predictive_models(const OrderTable& table, const CustomerOrders& grouped,
                                       const PredictOptions& options);
std::vector<CustomerPrediction> predict_customers(const PredictiveModels& models);
std::vector<CustomerPrediction> predict_customers(const OrderTable& table, const CustomerOrders& grouped,
                                                  const PredictOptions& options);

}  // namespace huike
