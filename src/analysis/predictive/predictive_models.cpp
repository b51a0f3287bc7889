#include "analysis/predictive/predictive_models.h"

#include <algorithm>
#include <climits>
#include <limits>

#include "analysis/predictive/clv.h"
#include "analysis/predictive/next_order.h"
#include "core/error.h"
#include "ingest/date_parse.h"

namespace huike {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int32_t last_order_day(const OrderTable& table) {
  int32_t last = INT32_MIN;
  for (const Order& order : table.orders) last = std::max(last, order.day);
  return last;
}

}  // namespace

PredictiveModels fit_predictive_models(const OrderTable& table, const CustomerOrders& grouped,
                                       const PredictOptions& options) {
  PredictiveModels models;
  models.options = options;
  if (table.orders.empty()) throw HuikeError(ErrorCode::E_PREDICT_NO_PURCHASES, "there are no orders to model");
  models.last_order_day = last_order_day(table);
  models.calibration_end_day = options.calibration_end_day.value_or(models.last_order_day);
  models.summary = build_rfm_summary(table, grouped, models.calibration_end_day,
                                     std::max(models.last_order_day, models.calibration_end_day), options.unit);
  if (models.summary.fitted_customers == 0) {
    throw HuikeError(ErrorCode::E_PREDICT_CALIBRATION_END,
                     "no customer made a purchase on or before the calibration end " +
                         format_day(models.calibration_end_day));
  }
  std::vector<std::vector<double>> alive;
  for (ModelKey key : kModelKeys) {
    models.candidates.push_back(fit_count_model(key, models.summary.groups, options.unit));
    alive.push_back(models.candidates.back().group_p_alive(models.summary.groups, options.unit));
  }
  models.comparison = compare_models(models.summary, models.candidates, alive, options.model);
  models.group_p_alive = std::move(alive[models.comparison.chosen]);
  std::vector<double> x, value;
  x.reserve(models.summary.repeat_buyers);
  value.reserve(models.summary.repeat_buyers);
  double value_sum = 0, transactions = 0;
  for (const RfmCustomer& c : models.summary.customers) {
    if (!c.in_fit) continue;
    value_sum += c.calibration_value;
    transactions += c.x + 1.0;
    if (c.x > 0) {
      x.push_back(c.x);
      value.push_back(c.repeat_value);
    }
  }
  models.gamma_gamma = fit_gamma_gamma(x, value);
  if (models.gamma_gamma.customers == 0) {
    // Nobody came back: the only value information is the first transactions.
    models.gamma_gamma.population_mean = value_sum / transactions;
  }
  return models;
}

std::vector<CustomerPrediction> predict_customers(const PredictiveModels& models) {
  const RfmSummary& s = models.summary;
  const CountModel& model = models.model();
  const double unit = unit_days(s.unit);
  const double horizon = models.options.horizon_days / unit;
  const DiscountSchedule schedule =
      monthly_discount_schedule(models.options.horizon_days, models.options.annual_discount_rate);

  // Per group; the 2F1 work depends on (x, T) only, computed once per run of groups.
  struct GroupValues {
    double p_alive, expected, p_no_purchase, discounted, next_order;
  };
  std::vector<GroupValues> per_group(s.groups.size());
  double discounted_if_alive = 0, horizon_if_alive = 0, no_purchase_if_alive = 1;
  for (size_t i = 0; i < s.groups.size(); ++i) {
    const RfmGroup& g = s.groups[i];
    const double x = g.x, T = g.T_days / unit;
    if (i == 0 || g.x != s.groups[i - 1].x || g.T_days != s.groups[i - 1].T_days) {
      discounted_if_alive = discounted_purchases_if_alive(model, x, T, schedule, unit, &horizon_if_alive);
      no_purchase_if_alive = model.p_no_purchase_if_alive(x, T, horizon);
    }
    const double p_alive = models.group_p_alive[i];
    per_group[i] = {p_alive, p_alive * horizon_if_alive, 1 - p_alive + p_alive * no_purchase_if_alive,
                    p_alive * discounted_if_alive, models.calibration_end_day + next_order_days(model, x, T, unit)};
  }
  std::vector<CustomerPrediction> predictions(s.customers.size());
  for (size_t c = 0; c < s.customers.size(); ++c) {
    const RfmCustomer& customer = s.customers[c];
    CustomerPrediction& out = predictions[c];
    if (!customer.in_fit) {
      out = {kNaN, kNaN, kNaN, kNaN, kNaN, false, kNaN};
      continue;
    }
    const GroupValues& g = per_group[s.group_of[c]];
    const double aov = gamma_gamma_expected_value(models.gamma_gamma, customer.x, customer.repeat_value);
    out = {g.p_alive, g.expected, g.p_no_purchase, aov, aov * g.discounted, true, g.next_order};
  }
  return predictions;
}

std::vector<CustomerPrediction> predict_customers(const OrderTable& table, const CustomerOrders& grouped,
                                                  const PredictOptions& options) {
  return predict_customers(fit_predictive_models(table, grouped, options));
}

}  // namespace huike
