#pragma once
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace huike {

// Exact ranks of integer values over a small range (recency days, order counts) by counting
// instead of gathering and selecting: the same scores, means and medians as quintile_cuts,
// mean_by and median_by give, without a copy of the values (issue 14: a re-run of an
// analysis at another date walks 2.3M customers at 10M rows).
class IntegerRanks {
 public:
  // In two passes over the same values in the same order: see(v) for each (the range, the
  // count and the sum, as mean_by sums), then, when fits(limit) (some values, spanning fewer
  // than `limit` integers; else sort them instead), start(), add(v) for each, finish().
  void see(int64_t v) {
    lo_ = std::min(lo_, v);
    hi_ = std::max(hi_, v);
    sum_ += static_cast<double>(v);
    ++n_;
  }
  bool fits(uint64_t limit) const { return n_ > 0 && static_cast<uint64_t>(hi_ - lo_) < limit; }
  void start() { below_.assign(static_cast<size_t>(hi_ - lo_) + 2, 0); }
  void add(int64_t v) { ++below_[static_cast<size_t>(v - lo_) + 1]; }
  void finish() {
    for (size_t k = 1; k < below_.size(); ++k) below_[k] += below_[k - 1];  // below_[k]: values < lo + k
  }

  // 1 + floor(5 * worse / n), worse = the values strictly worse than v (a counted value).
  uint8_t score(int64_t v, bool higher_is_better) const {
    const size_t k = static_cast<size_t>(v - lo_);
    const uint64_t worse = higher_is_better ? below_[k] : n_ - below_[k + 1];
    return static_cast<uint8_t>(1 + 5 * worse / n_);
  }
  double mean() const { return sum_ / static_cast<double>(n_); }
  // The mean of the two middle values for an even count.
  double median() const {
    const uint64_t mid = n_ / 2;
    if (n_ % 2) return static_cast<double>(nth(mid));
    return (static_cast<double>(nth(mid)) + static_cast<double>(nth(mid - 1))) / 2;
  }

 private:
  // The value at position k (0-based) of the values in ascending order.
  int64_t nth(uint64_t k) const {
    const auto at = std::upper_bound(below_.begin() + 1, below_.end(), static_cast<uint32_t>(k));
    return lo_ + (at - below_.begin()) - 1;
  }

  int64_t lo_ = std::numeric_limits<int64_t>::max(), hi_ = std::numeric_limits<int64_t>::min();
  uint64_t n_ = 0;
  double sum_ = 0;
  std::vector<uint32_t> below_;
};

}  // namespace huike
