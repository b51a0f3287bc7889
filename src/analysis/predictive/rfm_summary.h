#pragma once
#include <cstdint>
#include <vector>

#include "model/order_table.h"

namespace huike {

enum class TimeUnit : uint8_t { day, week };
inline double unit_days(TimeUnit unit) { return unit == TimeUnit::week ? 7.0 : 1.0; }
inline const char* time_unit_key(TimeUnit unit) { return unit == TimeUnit::week ? "week" : "day"; }

// One customer in the terms of the BG/NBD literature. Purchases (amount ≥ 0) on the
// same calendar day are one transaction (amounts summed); returns are ignored.
// Times are whole days; divide by unit_days() for the model's unit.
struct RfmCustomer {
  uint32_t x = 0;              // repeat transactions in the calibration period (purchase days − 1)
  int32_t t_x_days = 0;        // last − first purchase day in the calibration period
  int32_t T_days = 0;          // calibration end − first purchase day
  int32_t first_day = 0;
  double repeat_value = 0;     // mean value of the x repeat transactions (0 when x = 0)
  double calibration_value = 0;  // all purchases up to the calibration end
  uint32_t holdout_transactions = 0;  // purchase days in (calibration end, hold-out end]
  bool in_fit = false;         // first purchase on or before the calibration end
};

// Customers with identical (x, t_x, T): the likelihood is a weighted sum over these.
struct RfmGroup {
  uint32_t x;
  int32_t t_x_days;
  int32_t T_days;
  uint32_t customers;
};

constexpr uint32_t kNoGroup = UINT32_MAX;

struct RfmSummary {
  TimeUnit unit = TimeUnit::week;
  int32_t calibration_end_day = 0;
  int32_t holdout_end_day = 0;           // = calibration_end_day when there is no hold-out
  std::vector<RfmCustomer> customers;    // indexed like OrderTable::customer_ids
  std::vector<RfmGroup> groups;          // sorted by (x, T, t_x)
  std::vector<uint32_t> group_of;        // customer → groups index, kNoGroup when not in the fit
  uint32_t fitted_customers = 0;         // first purchase ≤ calibration end
  uint32_t repeat_buyers = 0;            // fitted with x ≥ 1
  uint32_t later_customers = 0;          // first purchase after the calibration end
  uint32_t no_purchase_customers = 0;    // only returns
  int32_t max_T_days = 0;
};

// holdout_end_day ≥ calibration_end_day; purchases after holdout_end_day are ignored.
RfmSummary build_rfm_summary(const OrderTable& table, const CustomerOrders& grouped, int32_t calibration_end_day,
                             int32_t holdout_end_day, TimeUnit unit);

}  // namespace huike
