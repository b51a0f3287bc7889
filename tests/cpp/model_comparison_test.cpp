// The three purchase-count models side by side on CDNOW: the calibration histogram, the
// hold-out comparison and the choice, the expected next order date, and the predictions
// under the chosen model.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/predictive/count_model.h"
#include "analysis/predictive/next_order.h"
#include "analysis/predictive/paretonbd_grouped.h"
#include "analysis/predictive/predictive_models.h"
#include "cdnow_data.h"
#include "report/predict_json.h"

namespace huike {
namespace {

using test::cdnow;
using test::customer_index;
using test::day_of;

PredictOptions options(ModelChoice model, bool holdout = true) {
  PredictOptions o;
  if (holdout) o.calibration_end_day = day_of(19970930);
  o.unit = TimeUnit::week;
  o.model = model;
  return o;
}

const PredictiveModels& automatic() {
  static const PredictiveModels m = fit_predictive_models(cdnow().table, cdnow().grouped, options(ModelChoice::automatic));
  return m;
}

// Hold-out purchases per customer straight from the CSV rows: distinct dates after 1997-09-30.
std::map<std::string, int> holdout_counts() {
  std::map<std::string, std::set<int>> dates;
  for (const auto& row : cdnow().rows) {
    if (row.date > 19970930) dates[row.master].insert(row.date);
  }
  std::map<std::string, int> out;
  for (const auto& [master, days] : dates) out[master] = static_cast<int>(days.size());
  return out;
}

// BTYD 2.4.3 manual, bgnbd.pmf example with params (0.243, 4.414, 0.793, 2.426), as quoted
// in lifetimes' test_estimation.py (test_probability_of_n_purchases_up_to_time_same_as_R_BTYD):
// P(X(2) = 10) = 1.07869e-07, P(X(39) = 0) = 0.5737864, P(X(30) = 11..20).
TEST(CountModel, BgPmfMatchesBtydManual) {
  const BgParams p{0.243, 4.414, 0.793, 2.426};
  EXPECT_NEAR(bg_pmf(BgModel::bgnbd, p, 2, 10), 1.07869e-07, 5e-13);
  EXPECT_NEAR(bg_pmf(BgModel::bgnbd, p, 39, 0), 0.5737864, 5e-8);
  const double expected[] = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
                             0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
  for (uint32_t x = 11; x <= 20; ++x) EXPECT_NEAR(bg_pmf(BgModel::bgnbd, p, 30, x), expected[x - 11], 5e-11) << x;
}

// Both BG pmfs are distributions whose mean is E[X(t)] (checked against Hardie's sheet in
// predictive_test.cpp).
TEST(CountModel, BgPmfsAreDistributionsWithTheRightMean) {
  for (BgModel model : {BgModel::bgnbd, BgModel::mbgnbd}) {
    const BgParams p = model == BgModel::bgnbd ? BgParams{0.243, 4.414, 0.793, 2.426} : BgParams{0.525, 6.183, 0.891, 1.614};
    for (double t : {1.0, 39.0, 78.0}) {
      double sum = 0, mean = 0;
      for (uint32_t x = 0; x < 2000; ++x) {
        const double q = bg_pmf(model, p, t, x);
        sum += q;
        mean += x * q;
      }
      EXPECT_NEAR(sum, 1, 1e-10) << t;
      EXPECT_NEAR(mean, bg_expected_new_customer(model, p, t), 1e-9) << t;
    }
  }
}

// Actual calibration counts as BTYD's walkthrough prints them (bins 1411, 439, 214, 100,
// 62, 38, 29, 64); expected = Σ over customers of P(X(T_i) = k), recomputed here per
// customer (not per age) with each model's pmf.
TEST(ModelComparison, CalibrationHistogramOnCdnow) {
  const PredictiveModels& m = automatic();
  const ModelComparison& c = m.comparison;
  const uint32_t actual[] = {1411, 439, 214, 100, 62, 38, 29, 64};
  for (uint32_t k = 0; k < kCalibrationHistogramBins; ++k) EXPECT_EQ(c.calibration_actual[k], actual[k]) << k;
  ASSERT_EQ(c.scores.size(), 3u);
  for (size_t j = 0; j < 3; ++j) {
    std::vector<double> expected(8, 0.0);
    for (const RfmCustomer& customer : m.summary.customers) {
      double rest = 1;
      for (uint32_t k = 0; k < 7; ++k) {
        const double q = m.candidates[j].pmf(customer.T_days / 7.0, k);
        expected[k] += q;
        rest -= q;
      }
      expected[7] += rest;
    }
    double total = 0;
    for (uint32_t k = 0; k < 8; ++k) {
      EXPECT_NEAR(c.scores[j].calibration_expected[k], expected[k], 1e-8 * expected[k]) << j << " " << k;
      total += c.scores[j].calibration_expected[k];
    }
    EXPECT_NEAR(total, 2357, 1e-8);
    // The models reproduce the zero bin within 2% (FHL 2005, Fig. 2; BTYD walkthrough Fig. 1).
    EXPECT_NEAR(c.scores[j].calibration_expected[0] / 1411, 1.0, 0.02) << j;
  }
}

// The hold-out figures against an independent computation: per customer the closed-form
// E[Y(39) | x, t_x, T] (2F1 for Pareto/NBD, not the grouped quadrature), actual counts from
// the CSV rows. Auto chooses the smallest error and says so in words.
TEST(ModelComparison, HoldoutErrorAndChoiceOnCdnow) {
  const PredictiveModels& m = automatic();
  const ModelComparison& c = m.comparison;
  ASSERT_TRUE(c.holdout_available);
  EXPECT_NEAR(c.holdout_units, 39, 1e-12);
  EXPECT_EQ(c.holdout_actual, 1882);
  const std::map<std::string, int> later = holdout_counts();
  for (size_t j = 0; j < 3; ++j) {
    const CountModel& model = m.candidates[j];
    double error = 0, total = 0;
    for (uint32_t i = 0; i < m.summary.customers.size(); ++i) {
      const RfmCustomer& k = m.summary.customers[i];
      const double T = k.T_days / 7.0;
      const double predicted = model.p_alive(k.x, k.t_x_days / 7.0, T) * model.expected_if_alive(k.x, T, 39);
      const auto found = later.find(std::string(cdnow().table.customer_id(i)));
      error += std::abs(predicted - (found == later.end() ? 0 : found->second));
      total += predicted;
    }
    EXPECT_NEAR(c.scores[j].holdout_mae, error / 2357, 1e-9) << j;
    EXPECT_NEAR(c.scores[j].holdout_predicted, total, 1e-6) << j;
  }
  // BG/NBD's total is 1653.4087 (mpmath, predictive_test.cpp), an independent anchor.
  EXPECT_NEAR(c.scores[0].holdout_predicted, 1653.4087, 0.01);
  const auto best = std::min_element(c.scores.begin(), c.scores.end(), [](const ModelScore& a, const ModelScore& b) {
    return a.holdout_mae < b.holdout_mae;
  });
  EXPECT_EQ(c.chosen, static_cast<size_t>(best - c.scores.begin()));
  EXPECT_EQ(c.chosen_by, "holdout_mae");
  EXPECT_NE(c.reason.find(model_display_name(best->key)), std::string::npos) << c.reason;
  EXPECT_NE(c.reason.find("39-week hold-out"), std::string::npos) << c.reason;
  EXPECT_EQ(&m.model(), &m.candidates[c.chosen]);
}

TEST(ModelComparison, OptionOverridesAndNoHoldoutFallsBackToBgNbd) {
  const PredictiveModels chosen = fit_predictive_models(cdnow().table, cdnow().grouped, options(ModelChoice::bgnbd));
  EXPECT_EQ(chosen.model().key, ModelKey::bgnbd);
  EXPECT_EQ(chosen.comparison.chosen_by, "option");
  EXPECT_NE(chosen.comparison.reason.find("mean absolute error"), std::string::npos);
  const PredictiveModels plain =
      fit_predictive_models(cdnow().table, cdnow().grouped, options(ModelChoice::automatic, false));
  EXPECT_FALSE(plain.comparison.holdout_available);
  EXPECT_EQ(plain.model().key, ModelKey::bgnbd);
  EXPECT_EQ(plain.comparison.chosen_by, "default");
  EXPECT_NE(plain.comparison.reason.find("no hold-out period"), std::string::npos);
  const nlohmann::json report = predict_report(cdnow().table, cdnow().grouped, plain, predict_customers(plain));
  EXPECT_TRUE(report["model_comparison"]["models"][0]["holdout_mae"].is_null());
  EXPECT_EQ(report["model_comparison"]["calibration_histogram"]["bins"].size(), 8u);
}

// Worked by hand: r + x = 3.5, α + T = 40 weeks: median = 40 (2^(1/3.5) − 1)
// = 40 × (1.219014 − 1) = 8.76055 weeks = 61.32 days, so the date is 62 days after the as-of date.
// And the median really is one: simulated waits (λ ~ Gamma(3.5, 40), wait ~ Exp(λ)) fall
// below it half of the time.
TEST(NextOrder, MedianWaitOfAnActiveCustomer) {
  CountModel model;
  model.key = ModelKey::paretonbd;
  model.pareto.params = {0.5, 10, 0.6, 12};
  EXPECT_NEAR(median_time_to_next_purchase(model, 3, 30), 8.76055, 1e-5);
  EXPECT_EQ(next_order_days(model, 3, 30, 7), 62);
  model.key = ModelKey::bgnbd;
  model.bg.params = {0.5, 10, 0.8, 2.4};
  EXPECT_EQ(next_order_days(model, 3, 30, 7), 62);  // the same posterior rate under BG/NBD
  std::mt19937_64 rng(7);
  std::gamma_distribution<double> rate(3.5, 1 / 40.0);
  int below = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) below += std::exponential_distribution<double>(rate(rng))(rng) <= 8.76055;
  EXPECT_NEAR(below / double(n), 0.5, 0.005);
  // r + x small: beyond 100 years there is no date.
  model.bg.params = {0.01, 500, 0.8, 2.4};
  EXPECT_TRUE(std::isnan(next_order_days(model, 0, 10, 7)));
}

// Under the chosen model (Pareto/NBD on CDNOW) the per-customer predictions equal the
// closed forms, and the next order date sits next to P(alive) in the lists.
TEST(NextOrder, PredictionsAndReportUnderTheChosenModel) {
  const PredictiveModels& m = automatic();
  ASSERT_EQ(m.model().key, ModelKey::paretonbd);
  const std::vector<CustomerPrediction> predictions = predict_customers(m);
  const ParetoParams& p = m.model().pareto.params;
  for (uint32_t i = 0; i < predictions.size(); i += 13) {
    const RfmCustomer& c = m.summary.customers[i];
    const double t_x = c.t_x_days / 7.0, T = c.T_days / 7.0;
    EXPECT_NEAR(predictions[i].p_alive, pareto_p_alive(p, c.x, t_x, T), 1e-9);
    EXPECT_NEAR(predictions[i].expected_purchases, pareto_expected_purchases(p, c.x, t_x, T, 365 / 7.0), 1e-8);
    EXPECT_NEAR(predictions[i].p_no_purchase, pareto_p_no_purchase(p, c.x, t_x, T, 365 / 7.0), 1e-9);
    const double median = (p.alpha + T) * (std::pow(2, 1 / (p.r + c.x)) - 1) * 7;
    EXPECT_EQ(predictions[i].next_order_day, day_of(19970930) + std::ceil(median));
  }
  const nlohmann::json report = predict_report(cdnow().table, cdnow().grouped, m, predictions);
  EXPECT_EQ(report["model"], "paretonbd");
  for (const char* key : {"r", "alpha", "s", "beta", "log_likelihood", "converged", "standard_errors"}) {
    EXPECT_TRUE(report["paretonbd"].contains(key)) << key;
  }
  EXPECT_EQ(report["next_order"]["customers_with_date"], 2357);
  EXPECT_NE(report["next_order"]["formula"].get<std::string>().find("2^(1/(r + x))"), std::string::npos);
  const nlohmann::json& top = report["top_customers"][0];
  const uint32_t c = customer_index(top["customer"].get<std::string>());
  EXPECT_EQ(top["expected_next_order_date"], format_day(static_cast<int32_t>(predictions[c].next_order_day)));
  EXPECT_TRUE(top.contains("p_alive"));
}

// Many groups over few days (a short, busy shop): the grouped likelihoods take their
// per-run power tables there. Against the closed forms summed group by group, at
// CDNOW-like parameters in days.
TEST(CountModel, GroupedLikelihoodsOnDenseGroups) {
  std::vector<RfmGroup> groups;
  for (uint32_t x = 0; x <= 4; ++x) {
    for (int32_t t_x = x == 0 ? 0 : static_cast<int32_t>(x); t_x <= (x == 0 ? 0 : 30); ++t_x) {
      for (int32_t T = std::max(t_x, 5); T <= 40; ++T) groups.push_back({x, t_x, T, 1 + uint32_t(T + t_x + x) % 4});
    }
  }
  const BgParams bg{0.243, 30.9, 0.793, 2.426}, mbg{0.525, 43.3, 0.891, 1.614};
  for (BgModel model : {BgModel::bgnbd, BgModel::mbgnbd}) {
    const BgParams& p = model == BgModel::bgnbd ? bg : mbg;
    double sum = 0;
    for (const RfmGroup& g : groups) sum += g.customers * bg_log_likelihood(model, p, g.x, g.t_x_days, g.T_days);
    EXPECT_NEAR(bg_grouped_log_likelihood(model, p, groups, TimeUnit::day), sum, 1e-10 * std::abs(sum));
  }
  const ParetoParams pareto{0.553, 74.0, 0.606, 81.7};
  double sum = 0;
  for (const RfmGroup& g : groups) sum += g.customers * pareto_log_likelihood(pareto, g.x, g.t_x_days, g.T_days);
  ParetoGroupedLikelihood grouped(groups, 1);
  EXPECT_NEAR(grouped.evaluate(pareto, nullptr, nullptr), sum, 1e-9 * std::abs(sum));
}

}  // namespace
}  // namespace huike
