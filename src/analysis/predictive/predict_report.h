#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/predictive/bgnbd.h"
#include "analysis/predictive/gamma_gamma.h"
#include "analysis/predictive/rfm_summary.h"
#include "model/order_table.h"

namespace huike {

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

// {"calibration_end":"1997-09-30","unit":"week","horizon_days":365,"discount_rate":0.1,
//  "model":"bgnbd"|"mbgnbd","top":20}; every key optional, other keys ignored.
// Bad values throw HuikeError with code E_PREDICT_OPTION.
PredictOptions parse_predict_options(const nlohmann::json& options);

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

// The JSON of `huike predict` (fits, predicts and reports).
nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictOptions& options);
// The same from models and predictions already computed (e.g. shared with the customers CSV).
nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictiveModels& models,
                              const std::vector<CustomerPrediction>& predictions);


}  // namespace huike
