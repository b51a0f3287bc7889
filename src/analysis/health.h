#pragma once
#include <cstdint>
#include <vector>

#include "model/order_table.h"

namespace huike {

// Customer-base health over time: new vs returning customers per period, active customers
// and the churn rate at each period's end, and monthly acquisition cohorts.
// Only purchases (amount >= 0) before the analysis date count; returns are not purchases.
enum class HealthPeriod : uint8_t { month, week };  // a week runs Monday to Sunday

struct HealthOptions {
  int32_t as_of_day = 0;            // the analysis date (orders before it)
  int32_t churn_window_days = 365;  // as the overview's churn rate
  bool weekly = false;              // also the weekly series
};

// One calendar month or week. `end_day` is its last day, or the day before the analysis
// date for the period that has not ended then (`complete` false).
struct PeriodPoint {
  int32_t start_day = 0, end_day = 0;
  bool complete = true;
  uint32_t new_customers = 0;        // first purchase in the period
  uint32_t returning_customers = 0;  // bought in the period, first purchase before it
  double new_revenue = 0, returning_revenue = 0;
  uint32_t customers_to_date = 0;    // first purchase on or before end_day
  // Of those, customers the overview would count churned at the date end_day + 1:
  // last purchase on or before end_day + 1 - churn window (R >= window then).
  uint32_t churned_customers = 0;
  uint32_t active_customers() const { return customers_to_date - churned_customers; }
};

// Customers acquired in one month (their first purchase), followed month by month.
// Index k of the vectors is k months after the acquisition month (0 = that month).
struct CohortRow {
  int32_t month_start_day = 0;
  uint32_t customers = 0;
  std::vector<uint32_t> buyers;   // cohort customers with a purchase in month k
  std::vector<double> revenue;    // their purchases in month k (not cumulative)
};

// For one series: at each period's end, how many customers made their latest purchase up to
// each day (cumulative over the days from the first purchase day). The churned count of any
// churn window is then one look-up per period, with no walk over the orders (issue 14).
struct RecencyTable {
  int32_t first_day = 0;
  size_t days = 0;                 // columns: first_day .. first_day + days - 1
  std::vector<uint32_t> latest_up_to;  // [period * days + (day - first_day)]
};

struct CustomerHealth {
  int32_t as_of_day = 0;
  int32_t churn_window_days = 365;
  // More than kMaxHealthMonths months between the first purchase and the analysis date:
  // nothing is computed (a typo'd date, or hostile input; the report says so).
  bool too_long = false;
  std::vector<PeriodPoint> monthly, weekly;
  std::vector<CohortRow> cohorts;      // months that acquired customers, oldest first
  bool last_month_complete = true;     // false: the cohorts' last diagonal is incomplete
  // Empty when the series are too long for them (then a new window walks the orders again).
  RecencyTable monthly_recency, weekly_recency;
};

// The same health with another churn window: the churned counts from the recency tables.
// False (and nothing changed) when a table is missing.
bool set_churn_window(CustomerHealth& health, int32_t churn_window_days);

constexpr int32_t kMaxHealthMonths = 1200;

CustomerHealth analyze_health(const OrderTable& table, const CustomerOrders& grouped, const HealthOptions& options);

// Calendar arithmetic of the periods (exposed for the tests' independent checks).
int32_t month_index(int32_t day);          // year * 12 + month - 1
int32_t month_start(int32_t month_index);  // its first day
int32_t week_index(int32_t day);           // Monday-based weeks since 1970-01-05
int32_t week_start(int32_t week_index);    // its Monday

}  // namespace huike
