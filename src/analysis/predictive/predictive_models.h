#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/predictive/bgnbd.h"
#include "analysis/predictive/gamma_gamma.h"
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
  BgModel model = BgModel::bgnbd;
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
};

struct PredictiveModels {
  PredictOptions options;
  int32_t calibration_end_day = 0;
  int32_t last_order_day = 0;
  RfmSummary summary;
  BgFit bg;
  GammaGammaFit gamma_gamma;
};

// Throws HuikeError E_PREDICT_NO_PURCHASES (nothing to model) or E_PREDICT_CALIBRATION_END
// (no customer bought on or before the calibration end).
PredictiveModels fit_predictive_models(const OrderTable& table, const CustomerOrders& grouped,
                                       const PredictOptions& options);
std::vector<CustomerPrediction> predict_customers(const PredictiveModels& models);
std::vector<CustomerPrediction> predict_customers(const OrderTable& table, const CustomerOrders& grouped,
                                                  const PredictOptions& options);

}  // namespace huike
