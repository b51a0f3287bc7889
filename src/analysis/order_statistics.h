#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace huike {

// A key whose unsigned order is the order of the doubles (NaN aside); -0 and +0 share one.
inline uint64_t ordered_key(double v) {
  uint64_t bits;
  v += 0.0;  // -0.0 becomes +0.0: equal values, equal keys
  std::memcpy(&bits, &v, sizeof bits);
  return bits >> 63 ? ~bits : bits | (uint64_t{1} << 63);
}

// The values at ascending positions positions(n) (0-based, each < n) of the n values in
// order, exactly what nth_element gives. each(f) calls f(value) for every value, the same
// values each time: two passes and no copy of them (issue 14: 7M order amounts at 10M rows).
// A histogram of the keys' top 16 bits finds each position's bucket; the second pass gathers
// those buckets' values, and only they are ordered.
template <class Each, class Positions>
std::vector<double> order_statistics_of(Each each, Positions positions) {
  constexpr uint8_t kNone = 0xFF;
  std::vector<uint32_t> count(1 << 16, 0);
  size_t n = 0;
  each([&](double v) {
    ++count[ordered_key(v) >> 48];
    ++n;
  });
  const std::vector<size_t> at = positions(n);
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
  each([&](double v) {
    const uint8_t s = slot_of[ordered_key(v) >> 48];
    if (s != kNone) gathered[s].push_back(v);
  });
  std::vector<double> out(at.size());
  for (size_t k = 0; k < at.size(); ++k) {
    std::vector<double>& bucket = gathered[slot[k]];
    const auto nth = bucket.begin() + static_cast<ptrdiff_t>(at[k] - below[k]);
    std::nth_element(bucket.begin(), nth, bucket.end());
    out[k] = *nth;
  }
  return out;
}

// The mean of the values, summed in their order (0 for none).
template <class Each>
double mean_by(Each each) {
  double sum = 0;
  size_t n = 0;
  each([&](double v) {
    sum += v;
    ++n;
  });
  return n ? sum / static_cast<double>(n) : 0;
}

// The median of the values (the mean of the two middle ones for an even count; 0 for none).
template <class Each>
double median_by(Each each) {
  size_t count = 0;
  const std::vector<double> middle = order_statistics_of(each, [&](size_t n) {
    count = n;
    if (n == 0) return std::vector<size_t>{};
    return n % 2 ? std::vector<size_t>{n / 2} : std::vector<size_t>{n / 2 - 1, n / 2};
  });
  if (count == 0) return 0;
  return count % 2 ? middle[0] : (middle[1] + middle[0]) / 2;  // upper + lower, as before
}

// Quintile scores: 1 + floor(5 * worse / n), worse = values strictly worse. Score > k exactly
// when worse >= w = ceil(k * n / 5), which for higher_is_better means the value beats the
// w-th smallest value, otherwise it is below the w-th largest: four order statistics, the
// cuts, replace a sort and a binary search per value.
struct QuintileCuts {
  std::array<double, 4> cut{};
  bool higher_is_better = true;
  uint8_t score(double v) const {
    uint8_t s = 1;
    for (int k = 0; k < 4; ++k) s += higher_is_better ? v > cut[k] : v < cut[k];
    return s;
  }
};
template <class Each>
QuintileCuts quintile_cuts(Each each, bool higher_is_better) {
  QuintileCuts out;
  out.higher_is_better = higher_is_better;
  std::vector<double> cut = order_statistics_of(each, [&](size_t n) {
    std::vector<size_t> at;  // ascending positions of the four cuts
    if (n == 0) return at;
    for (size_t k = 1; k <= 4; ++k) {
      const size_t w = (k * n + 4) / 5;  // 1 <= w <= n
      at.push_back(higher_is_better ? w - 1 : n - w);
    }
    if (!higher_is_better) std::reverse(at.begin(), at.end());
    return at;
  });
  if (cut.empty()) return out;
  if (!higher_is_better) std::reverse(cut.begin(), cut.end());  // cut[k - 1] for k = 1..4
  std::copy(cut.begin(), cut.end(), out.cut.begin());
  return out;
}

}  // namespace huike
