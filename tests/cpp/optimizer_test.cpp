#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/predictive/optimizer.h"

namespace huike {
namespace {

// Rosenbrock: a curved valley, minimum 0 at (1, 1).
double rosenbrock(const std::vector<double>& x, std::vector<double>& g) {
  const double a = 1 - x[0], b = x[1] - x[0] * x[0];
  g[0] = -2 * a - 400 * x[0] * b;
  g[1] = 200 * b;
  return a * a + 100 * b * b;
}

TEST(Optimizer, FindsInteriorMinimum) {
  const OptimizerResult r = minimize_bounded(rosenbrock, {-1.2, 1.0}, {-5, -5}, {5, 5});
  EXPECT_TRUE(r.converged) << r.message;
  EXPECT_NEAR(r.x[0], 1.0, 1e-6);
  EXPECT_NEAR(r.x[1], 1.0, 1e-6);
  EXPECT_LT(r.gradient_norm, 1e-6);
}

TEST(Optimizer, MinimumOnABoundIsNotReportedAsConverged) {
  // The unconstrained minimum (1, 1) lies outside the box x[0] ≤ 0.5.
  const OptimizerResult r = minimize_bounded(rosenbrock, {0.0, 0.0}, {-5, -5}, {0.5, 5});
  EXPECT_FALSE(r.converged);
  EXPECT_TRUE(r.at_bound[0]);
  EXPECT_FALSE(r.at_bound[1]);
  EXPECT_NEAR(r.x[0], 0.5, 1e-12);
  EXPECT_NEAR(r.x[1], 0.25, 1e-6);  // the best point on the bound
}

TEST(Optimizer, SurvivesNonFiniteRegionsAndReportsStartFailure) {
  // log(x) undefined for x ≤ 0: the line search must back off from NaN.
  const Objective f = [](const std::vector<double>& x, std::vector<double>& g) {
    g[0] = 1 - 1 / x[0];
    return x[0] > 0 ? x[0] - std::log(x[0]) : std::nan("");
  };
  const OptimizerResult r = minimize_bounded(f, {20.0}, {-10}, {100});
  EXPECT_TRUE(r.converged) << r.message;
  EXPECT_NEAR(r.x[0], 1.0, 1e-6);
  const OptimizerResult bad = minimize_bounded(f, {-1.0}, {-10}, {100});
  EXPECT_FALSE(bad.converged);
  EXPECT_FALSE(bad.message.empty());
}

TEST(Optimizer, HessianAndInverse) {
  const Objective quadratic = [](const std::vector<double>& x, std::vector<double>& g) {
    g[0] = 4 * x[0] + x[1];
    g[1] = x[0] + 2 * x[1];
    return 2 * x[0] * x[0] + x[0] * x[1] + x[1] * x[1];
  };
  const auto h = numeric_hessian(quadratic, {0.3, -0.2}, 1e-4);
  EXPECT_NEAR(h[0][0], 4, 1e-9);
  EXPECT_NEAR(h[0][1], 1, 1e-9);
  EXPECT_NEAR(h[1][1], 2, 1e-9);
  std::vector<std::vector<double>> inverse;
  ASSERT_TRUE(invert_spd(h, inverse));
  EXPECT_NEAR(inverse[0][0], 2.0 / 7, 1e-9);
  EXPECT_NEAR(inverse[0][1], -1.0 / 7, 1e-9);
  EXPECT_FALSE(invert_spd({{1, 2}, {2, 1}}, inverse));  // indefinite
}

TEST(Optimizer, StopsAtABoundWhenAskedAndKeepsToItsBudget) {
  // f = e^−x[0] + (x[1] − 2)²: no minimum in x[0] < ∞, so the bound 10 is reached.
  const Objective f = [](const std::vector<double>& x, std::vector<double>& g) {
    g[0] = -std::exp(-x[0]);
    g[1] = 2 * (x[1] - 2);
    return std::exp(-x[0]) + (x[1] - 2) * (x[1] - 2);
  };
  OptimizerOptions stop;
  stop.stop_at_bound = true;
  const OptimizerResult r = minimize_bounded(f, {0.0, 0.0}, {-10, -10}, {10, 10}, stop);
  EXPECT_FALSE(r.converged);
  EXPECT_TRUE(r.at_bound[0]);
  EXPECT_NE(r.message.find("bound"), std::string::npos) << r.message;
  const OptimizerResult full = minimize_bounded(f, {0.0, 0.0}, {-10, -10}, {10, 10});
  EXPECT_LE(r.evaluations, full.evaluations);
  OptimizerOptions budget;
  budget.max_evaluations = 5;
  const OptimizerResult cut = minimize_bounded(rosenbrock, {-1.2, 1.0}, {-5, -5}, {5, 5}, budget);
  EXPECT_FALSE(cut.converged);
  EXPECT_LE(cut.evaluations, 5 + 40);  // the budget is checked between iterations (one line search)
  EXPECT_NE(cut.message.find("evaluation limit"), std::string::npos) << cut.message;
}

}  // namespace
}  // namespace huike
