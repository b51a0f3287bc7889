#include "report/predict_json.h"

#include <algorithm>
#include <cmath>

#include "analysis/predictive/clv.h"
#include "analysis/predictive/holdout.h"
#include "report/model_comparison_json.h"
#include "ingest/date_parse.h"

namespace huike {
namespace {

constexpr int kHistogramBins = 10;
constexpr int kMatrixColumns = 20;
constexpr uint32_t kMatrixMaxFrequency = 40;

nlohmann::json gamma_gamma_json(const GammaGammaFit& fit) {
  const auto& se = fit.standard_errors;
  nlohmann::json out = {
      {"fitted", fit.fitted},
      {"p", fit.fitted ? json_number(fit.params.p) : nullptr},
      {"q", fit.fitted ? json_number(fit.params.q) : nullptr},
      {"gamma", fit.fitted ? json_number(fit.params.gamma) : nullptr},
      {"log_likelihood", json_number(fit.log_likelihood)},
      {"converged", fit.converged},
      {"message", fit.message},
      {"iterations", fit.iterations},
      {"customers", fit.customers},
      {"spend_frequency_correlation", json_number(fit.spend_frequency_correlation)},
      {"population_mean_aov", json_number(fit.population_mean)},
      {"standard_errors", {{"p", json_number(se[0])}, {"q", json_number(se[1])}, {"gamma", json_number(se[2])}}}};
  if (!fit.warning.empty()) out["warning"] = fit.warning;
  return out;
}

nlohmann::json holdout_json(const HoldoutCheck& check, const RfmSummary& summary) {
  if (!check.available) {
    return {{"available", false},
            {"reason", "no hold-out period: the calibration end is the last order day (set calibration_end earlier)"}};
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const HoldoutFrequencyRow& row : check.by_frequency) {
    rows.push_back({{"calibration_repeat_transactions", row.label},
                    {"customers", row.customers},
                    {"actual_mean", row.actual_mean},
                    {"predicted_mean", row.predicted_mean}});
  }
  nlohmann::json weeks = nlohmann::json::array(), ends = nlohmann::json::array();
  nlohmann::json actual = nlohmann::json::array(), predicted = nlohmann::json::array();
  for (const TrackingPoint& point : check.tracking) {
    weeks.push_back(point.week);
    ends.push_back(format_day(point.end_day));
    actual.push_back(point.actual);
    predicted.push_back(point.predicted);
  }
  return {{"available", true},
          {"calibration_end", format_day(check.calibration_end_day)},
          {"holdout_end", format_day(check.holdout_end_day)},
          {"length_days", check.holdout_end_day - check.calibration_end_day},
          {"length_units", check.length_units},
          {"unit", time_unit_key(summary.unit)},
          {"customers", check.customers},
          {"actual_transactions", check.actual_total},
          {"predicted_transactions", check.predicted_total},
          {"by_calibration_frequency", rows},
          {"tracking_weekly_cumulative",
           {{"description", "cumulative repeat transactions of the fitted customers per calendar week from the first "
                            "purchase; predicted = sum over customers of E[X(age)]"},
            {"start_date", format_day(check.tracking_start_day)},
            {"calibration_end_week", check.calibration_end_week},
            {"week", weeks},
            {"end_date", ends},
            {"actual", actual},
            {"predicted", predicted}}}};
}

// P(alive) of a customer aged T = the oldest calibration age, over frequency and recency.
nlohmann::json p_alive_matrix_json(const PredictiveModels& models) {
  const RfmSummary& s = models.summary;
  const double unit = unit_days(s.unit);
  const double age = s.max_T_days / unit;
  uint32_t max_x = 0;
  for (const RfmGroup& g : s.groups) max_x = std::max(max_x, g.x);
  max_x = std::min(max_x, kMatrixMaxFrequency);
  // Recency in whole days, so the cells are groups like the customers' (the models' fast path).
  std::vector<RfmGroup> cells;
  for (uint32_t x = 0; x <= max_x; ++x) {
    for (int j = 0; j < kMatrixColumns; ++j) {
      const auto t_x = static_cast<int32_t>(std::lround(double(s.max_T_days) * j / (kMatrixColumns - 1)));
      cells.push_back({x, t_x, s.max_T_days, 1});
    }
  }
  const std::vector<double> alive = models.model().group_p_alive(cells, s.unit);
  nlohmann::json frequency = nlohmann::json::array(), recency = nlohmann::json::array();
  nlohmann::json values = nlohmann::json::array();
  for (int j = 0; j < kMatrixColumns; ++j) recency.push_back(cells[j].t_x_days / unit);
  for (uint32_t x = 0; x <= max_x; ++x) {
    frequency.push_back(x);
    nlohmann::json row = nlohmann::json::array();
    for (int j = 0; j < kMatrixColumns; ++j) row.push_back(alive[x * kMatrixColumns + j]);
    values.push_back(row);
  }
  return {{"description", "P(alive) of a customer whose first purchase was `age` ago, by repeat transactions "
                          "(rows) and recency = time from first to last purchase (columns)"},
          {"unit", time_unit_key(s.unit)},
          {"age", age},
          {"frequency", frequency},
          {"recency", recency},
          {"p_alive", values}};
}

}  // namespace

nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictOptions& options) {
  const PredictiveModels models = fit_predictive_models(table, grouped, options);
  return predict_report(table, grouped, models, predict_customers(models));
}

nlohmann::json predict_report(const OrderTable& table, const CustomerOrders& grouped, const PredictiveModels& models,
                              const std::vector<CustomerPrediction>& predictions) {
  const RfmSummary& s = models.summary;
  const double unit = unit_days(s.unit);
  nlohmann::json report;
  report["model"] = model_key_name(models.model().key);
  report["unit"] = time_unit_key(s.unit);
  report["unit_days"] = unit;
  report["calibration_end"] = format_day(models.calibration_end_day);
  report["predictions_as_of"] = format_day(models.calibration_end_day);
  report["last_order_date"] = format_day(models.last_order_day);
  report["horizon_days"] = models.options.horizon_days;
  report["horizon_units"] = models.options.horizon_days / unit;
  report["annual_discount_rate"] = models.options.annual_discount_rate;
  report["clv_formula"] = kClvFormula;
  report["customers"] = {{"total", table.customer_count()},
                         {"fitted", s.fitted_customers},
                         {"repeat_buyers", s.repeat_buyers},
                         {"first_purchase_after_calibration_end", s.later_customers},
                         {"without_purchases", s.no_purchase_customers},
                         {"distinct_x_tx_T_groups", s.groups.size()}};
  for (const CountModel& model : models.candidates) report[model_key_name(model.key)] = count_model_json(model);
  report["model_comparison"] = model_comparison_json(models);
  report["next_order"] = next_order_json(models, predictions);
  report["gamma_gamma"] = gamma_gamma_json(models.gamma_gamma);

  // Shop level and the P(alive) histogram.
  double expected = 0, revenue = 0, clv = 0, alive = 0, no_purchase = 0;
  uint32_t fitted = 0, below_half = 0;
  std::vector<uint32_t> histogram(kHistogramBins, 0);
  std::vector<uint32_t> order;
  for (uint32_t c = 0; c < predictions.size(); ++c) {
    const CustomerPrediction& p = predictions[c];
    if (!p.fitted) continue;
    ++fitted;
    order.push_back(c);
    expected += p.expected_purchases;
    revenue += p.expected_purchases * p.expected_aov;
    clv += p.clv;
    alive += p.p_alive;
    no_purchase += p.p_no_purchase;
    if (p.p_alive < 0.5) ++below_half;
    ++histogram[std::min(kHistogramBins - 1, static_cast<int>(p.p_alive * kHistogramBins))];
  }
  const double n = std::max(1u, fitted);
  report["shop"] = {{"customers", fitted},
                    {"expected_purchases_next_horizon", expected},
                    {"expected_revenue_next_horizon", revenue},
                    {"total_clv", clv},
                    {"mean_clv", clv / n},
                    {"expected_alive_customers", alive},
                    {"mean_p_alive", alive / n},
                    {"customers_p_alive_below_0_5", below_half},
                    {"mean_p_no_purchase_next_horizon", no_purchase / n}};
  nlohmann::json edges = nlohmann::json::array();
  for (int i = 0; i <= kHistogramBins; ++i) edges.push_back(static_cast<double>(i) / kHistogramBins);
  report["p_alive_histogram"] = {{"bin_edges", edges}, {"counts", histogram}};
  report["p_alive_matrix"] = p_alive_matrix_json(models);
  report["holdout"] = holdout_json(build_holdout_check(table, grouped, s, models.model(), models.group_p_alive), s);

  const auto customer_row = [&](uint32_t c) {
    const RfmCustomer& rc = s.customers[c];
    const CustomerPrediction& p = predictions[c];
    return nlohmann::json{{"customer", std::string(table.customer_id(c))},
                          {"clv", json_number(p.clv)},
                          {"p_alive", json_number(p.p_alive)},
                          {"expected_next_order_date", std::isfinite(p.next_order_day)
                                                           ? nlohmann::json(format_day(static_cast<int32_t>(p.next_order_day)))
                                                           : nlohmann::json(nullptr)},
                          {"expected_purchases", json_number(p.expected_purchases)},
                          {"expected_aov", json_number(p.expected_aov)},
                          {"repeat_transactions", rc.x},
                          {"calibration_value", rc.calibration_value},
                          {"last_purchase", format_day(rc.first_day + rc.t_x_days)}};
  };
  const size_t top = std::min<size_t>(models.options.top_customers, order.size());
  // Ranked by CLV in cents, so native and wasm (whose last bits differ) list the same customers.
  const auto cents = [&](uint32_t c) { return std::llround(predictions[c].clv * 100); };
  std::partial_sort(order.begin(), order.begin() + top, order.end(), [&](uint32_t a, uint32_t b) {
    return cents(a) > cents(b) || (cents(a) == cents(b) && a < b);
  });
  nlohmann::json top_rows = nlohmann::json::array();
  for (size_t i = 0; i < top; ++i) top_rows.push_back(customer_row(order[i]));
  report["top_customers"] = top_rows;

  // High past value, low P(alive): the list to win back first.
  std::vector<uint32_t> at_risk;
  for (uint32_t c : order) {
    if (predictions[c].p_alive < 0.5) at_risk.push_back(c);
  }
  const size_t churn_top = std::min<size_t>(models.options.top_customers, at_risk.size());
  std::partial_sort(at_risk.begin(), at_risk.begin() + churn_top, at_risk.end(), [&](uint32_t a, uint32_t b) {
    const double va = s.customers[a].calibration_value, vb = s.customers[b].calibration_value;
    return va > vb || (va == vb && a < b);
  });
  nlohmann::json churn_rows = nlohmann::json::array();
  for (size_t i = 0; i < churn_top; ++i) churn_rows.push_back(customer_row(at_risk[i]));
  report["likely_to_churn"] = {{"rule", "p_alive < 0.5, highest calibration_value first"}, {"customers", churn_rows}};
  return report;
}

}  // namespace huike
