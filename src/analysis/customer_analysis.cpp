#include "analysis/customer_analysis.h"

#include <algorithm>
#include <cmath>

#include "analysis/customer_stages.h"

namespace huike {

std::vector<uint8_t> quintile_scores(const std::vector<double>& values, bool higher_is_better) {
  // Score = 1 + floor(5 * worse / n), worse = values strictly worse. Score > k exactly when
  // worse >= w = ceil(k * n / 5), which for higher_is_better means the value beats the w-th
  // smallest value; otherwise it is below the w-th largest. So four order statistics
  // (nth_element, linear) replace a sort and a binary search per value.
  const size_t n = values.size();
  std::vector<uint8_t> scores(n, 1);
  if (n == 0) return scores;
  std::vector<double> work = values;
  double cut[4];
  size_t lo = 0, hi = n;  // the positions still to be ordered; each cut narrows them
  for (int k = 4; k >= 1; --k) {
    const size_t w = (k * n + 4) / 5;                     // 1 <= w <= n
    const size_t pos = higher_is_better ? w - 1 : n - w;  // w-th smallest / w-th largest
    std::nth_element(work.begin() + lo, work.begin() + pos, work.begin() + hi);
    cut[k - 1] = work[pos];
    (higher_is_better ? hi : lo) = pos;
  }
  for (size_t i = 0; i < n; ++i) {
    const double v = values[i];
    uint8_t score = 1;
    for (int k = 0; k < 4; ++k) score += higher_is_better ? v > cut[k] : v < cut[k];
    scores[i] = score;
  }
  return scores;
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  const double upper = values[mid];
  if (values.size() % 2) return upper;
  return (upper + *std::max_element(values.begin(), values.begin() + mid)) / 2;
}

ShopAnalysis analyze_customers(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& options) {
  CustomerStages stages;
  stages.update(table, grouped, options);
  return stages.take();
}

}  // namespace huike
