#include "analysis/customer_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "analysis/customer_stages.h"
#include "analysis/order_statistics.h"

namespace huike {

std::vector<uint8_t> quintile_scores(const std::vector<double>& values, bool higher_is_better) {
  const auto each = [&](auto f) {
    for (double v : values) f(v);
  };
  const QuintileCuts cuts = quintile_cuts(each, higher_is_better);
  std::vector<uint8_t> scores(values.size(), 1);
  for (size_t i = 0; i < values.size(); ++i) scores[i] = cuts.score(values[i]);
  return scores;
}

double median_of(std::vector<double> values) {
  return median_by([&](auto f) {
    for (double v : values) f(v);
  });
}

ShopAnalysis analyze_customers(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& options) {
  CustomerStages stages;
  stages.update(table, grouped, options);
  return stages.take();
}

}  // namespace huike
