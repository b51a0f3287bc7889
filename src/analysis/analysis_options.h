#pragma once
#include <cstdint>
#include <optional>

namespace huike {

enum class ThresholdMode : uint8_t { mean, median, custom };

// Settings of the analyses; changing them re-runs on the order table, never re-reads.
struct AnalysisOptions {
  std::optional<int32_t> as_of_day;  // default: the day after the latest purchase
  ThresholdMode thresholds = ThresholdMode::mean;
  double custom_recency = 0, custom_frequency = 0, custom_monetary = 0;  // for custom
  int32_t churn_window_days = 365;      // churn rate and the sleeping flag
  double at_risk_multiplier = 1.5;      // R > this × cycle → at_risk
  double churned_multiplier = 2.0;      // R > this × cycle → churned
  bool subtract_returns = true;         // false: returns are ignored

  bool operator==(const AnalysisOptions&) const = default;
};

}  // namespace huike
