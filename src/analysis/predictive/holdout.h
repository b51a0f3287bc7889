#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/predictive/count_model.h"
#include "analysis/predictive/rfm_summary.h"
#include "model/order_table.h"

namespace huike {

// Customers grouped by calibration frequency x = 0, 1, …, 6 and "7+".
struct HoldoutFrequencyRow {
  std::string label;
  uint32_t customers = 0;
  double actual_mean = 0;     // transactions in the hold-out period, per customer
  double predicted_mean = 0;  // E[Y(hold-out length) | x, t_x, T], per customer
};

// Cumulative repeat transactions of the fitted customers, from the week of the first
// purchase to the hold-out end: actual vs the model (Σ E[X(age)] over customers).
struct TrackingPoint {
  int32_t week = 0;    // 1-based
  int32_t end_day = 0; // last day in the week (the hold-out end for a partial last week)
  double actual = 0;
  double predicted = 0;
};

struct HoldoutCheck {
  bool available = false;  // a hold-out period exists (calibration end < hold-out end)
  int32_t calibration_end_day = 0, holdout_end_day = 0;
  double length_units = 0;
  uint32_t customers = 0;
  double actual_total = 0, predicted_total = 0;
  std::vector<HoldoutFrequencyRow> by_frequency;
  int32_t tracking_start_day = 0;
  int32_t calibration_end_week = 0;  // tracking week containing the calibration end
  std::vector<TrackingPoint> tracking;
};

constexpr uint32_t kHoldoutFrequencyGroups = 8;  // 0..6 and 7+

HoldoutCheck build_holdout_check(const OrderTable& table, const CustomerOrders& grouped, const RfmSummary& summary,
                                 const CountModel& model, const std::vector<double>& group_p_alive);

}  // namespace huike
