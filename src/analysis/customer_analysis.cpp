#include "analysis/customer_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "analysis/customer_stages.h"

namespace huike {

namespace {

// A key whose unsigned order is the order of the doubles (NaN aside); -0 and +0 share one.
uint64_t ordered_key(double v) {
  uint64_t bits;
  v += 0.0;  // -0.0 becomes +0.0: equal values, equal keys
  std::memcpy(&bits, &v, sizeof bits);
  return bits >> 63 ? ~bits : bits | (uint64_t{1} << 63);
}

// The values at ascending positions `at` (0-based) of the sorted `values`, exactly what
// nth_element gives. A histogram of the keys' top 16 bits finds each position's bucket; one
// more pass gathers those buckets' values, and only they are ordered.
std::vector<double> order_statistics(const std::vector<double>& values, const std::vector<size_t>& at) {
  constexpr uint8_t kNone = 0xFF;
  std::vector<uint32_t> count(1 << 16, 0);
  for (double v : values) ++count[ordered_key(v) >> 48];
  std::vector<uint8_t> slot_of(1 << 16, kNone);  // a wanted bucket's slot in `gathered`
  std::vector<uint8_t> slot(at.size());
  std::vector<size_t> below(at.size());  // values in lower buckets
  size_t seen = 0, j = 0;
  uint8_t slots = 0;
  for (uint32_t b = 0; b < count.size() && j < at.size(); ++b) {
    for (; j < at.size() && at[j] < seen + count[b]; ++j) {
      if (slot_of[b] == kNone) slot_of[b] = slots++;
      slot[j] = slot_of[b];
      below[j] = seen;
    }
    seen += count[b];
  }
  std::vector<std::vector<double>> gathered(slots);
  for (double v : values) {
    const uint8_t s = slot_of[ordered_key(v) >> 48];
    if (s != kNone) gathered[s].push_back(v);
  }
  std::vector<double> out(at.size());
  for (size_t k = 0; k < at.size(); ++k) {
    std::vector<double>& bucket = gathered[slot[k]];
    const auto nth = bucket.begin() + static_cast<ptrdiff_t>(at[k] - below[k]);
    std::nth_element(bucket.begin(), nth, bucket.end());
    out[k] = *nth;
  }
  return out;
}

}  // namespace

std::vector<uint8_t> quintile_scores(const std::vector<double>& values, bool higher_is_better) {
  // Score = 1 + floor(5 * worse / n), worse = values strictly worse. Score > k exactly when
  // worse >= w = ceil(k * n / 5), which for higher_is_better means the value beats the w-th
  // smallest value; otherwise it is below the w-th largest. So four order statistics
  // replace a sort and a binary search per value.
  const size_t n = values.size();
  std::vector<uint8_t> scores(n, 1);
  if (n == 0) return scores;
  std::vector<size_t> at;  // ascending positions of the four cuts
  for (int k = 1; k <= 4; ++k) {
    const size_t w = (k * n + 4) / 5;  // 1 <= w <= n
    at.push_back(higher_is_better ? w - 1 : n - w);
  }
  if (!higher_is_better) std::reverse(at.begin(), at.end());
  std::vector<double> cut = order_statistics(values, at);
  if (!higher_is_better) std::reverse(cut.begin(), cut.end());  // cut[k - 1] for k = 1..4
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
  if (values.size() % 2) return order_statistics(values, {mid})[0];
  const std::vector<double> middle = order_statistics(values, {mid - 1, mid});
  return (middle[1] + middle[0]) / 2;  // upper + lower, as before
}

ShopAnalysis analyze_customers(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& options) {
  CustomerStages stages;
  stages.update(table, grouped, options);
  return stages.take();
}

}  // namespace huike
