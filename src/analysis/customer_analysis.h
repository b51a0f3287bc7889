#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analysis_options.h"
#include "model/chunked_array.h"
#include "model/order_table.h"

namespace huike {

enum class Segment8 : uint8_t {
  important_value, important_develop, important_keep, important_win_back,
  general_value, general_develop, general_keep, general_win_back
};
enum class GridSegment : uint8_t {
  champions, loyal, potential_loyalist, new_customers, promising, need_attention,
  about_to_sleep, at_risk, cannot_lose, hibernating, lost
};
enum class ChurnStatus : uint8_t { active, at_risk, churned, unknown };

constexpr int kSegment8Count = 8;
constexpr int kGridSegmentCount = 11;

struct SegmentInfo {
  const char* key;
  const char* name_zh;
  const char* name_en;
  const char* action_zh;
  const char* action_en;
};
const SegmentInfo& segment8_info(Segment8 s);
const SegmentInfo& grid_segment_info(GridSegment s);
const char* churn_status_key(ChurnStatus s);  // "active", "at_risk", "churned", "unknown"

// Everything computed per customer (indexed like OrderTable::customer_ids).
// Customers whose orders are all returns have frequency 0 and are left out of
// the analyses (`analysed` false); they are counted in the report.
// 32 bytes: two analyses of every customer stay in memory (issue 14), so the small fields
// share words with the days. A day fits 23 bits (±4.19M days from 1970): order dates are
// years 1900-2200 (date_column.cpp); a customer's distinct purchase days fit 22.
struct CustomerMetrics {
  double gross = 0;                     // purchases only
  double returned = 0;                  // sum of returns (positive)
  int32_t first_day : 23 = 0;           // purchase days
  Segment8 segment8 : 3 = Segment8::important_value;
  ChurnStatus status : 2 = ChurnStatus::unknown;
  bool sleeping : 1 = false;
  bool analysed : 1 = false;
  int32_t last_day : 23 = 0;
  GridSegment grid : 4 = GridSegment::champions;
  uint8_t r_score : 3 = 0;
  uint32_t purchase_days : 22 = 0;      // distinct purchase calendar days
  uint8_t f_score : 3 = 0, m_score : 3 = 0;
  uint32_t frequency = 0;               // distinct purchase orders

  // Days from the last purchase to the analysis date; 0 when not analysed.
  int32_t recency_days(int32_t as_of_day) const { return analysed ? as_of_day - last_day : 0; }
  // Own mean gap between purchase days, -1 when fewer than 2 purchase days.
  double cycle_days() const {
    return purchase_days >= 2 ? static_cast<double>(last_day - first_day) / (purchase_days - 1) : -1;
  }
};
static_assert(sizeof(CustomerMetrics) == 32);
constexpr int32_t kMinMetricsDay = -(1 << 22), kMaxMetricsDay = (1 << 22) - 1;

struct SegmentSummary {
  uint32_t customers = 0;
  double revenue = 0;
  double sum_recency = 0, sum_frequency = 0, sum_monetary = 0;
};

struct Thresholds { double recency = 0, frequency = 0, monetary = 0; };

struct ShopAnalysis {
  AnalysisOptions options;
  int32_t as_of_day = 0;
  int32_t first_order_day = 0, last_order_day = 0;
  ChunkedArray<CustomerMetrics> customers;  // by customer, in blocks (chunked_array.h)
  uint32_t analysed_customers = 0;   // with at least one purchase
  uint32_t return_only_customers = 0;
  uint64_t orders = 0;               // purchase orders
  uint64_t return_orders = 0;
  double revenue = 0;                // sum of monetary
  double gross_revenue = 0;
  double returns_value = 0;
  double repeat_rate = 0, returning_revenue_share = 0, churn_rate = 0;
  double shop_cycle_mean = -1, shop_cycle_median = -1;  // -1: no repeat customers
  uint32_t cycle_customers = 0;      // customers with 2+ purchase days
  Thresholds thresholds;
  std::array<SegmentSummary, kSegment8Count> segment8{};
  std::array<SegmentSummary, kGridSegmentCount> grid{};
  std::array<uint32_t, 4> status_counts{};  // by ChurnStatus
  uint32_t sleeping = 0;

  // A customer's monetary value: net of returns (never below 0) unless returns are ignored
  // (0 for a customer not analysed). Computed when read, not kept: 8 bytes a customer.
  double monetary(const CustomerMetrics& m) const {
    return options.subtract_returns ? std::max(0.0, m.gross - m.returned) : m.gross;
  }
};

ShopAnalysis analyze_customers(const OrderTable& table, const CustomerOrders& grouped,
                               const AnalysisOptions& options);

// 1 + floor(5 * b / N), b = customers with a strictly worse value; equal values, equal scores.
// `higher_is_better` false for recency.
std::vector<uint8_t> quintile_scores(const std::vector<double>& values, bool higher_is_better);

// The median (the mean of the two middle values for an even count); 0 for none.
double median_of(std::vector<double> values);

}  // namespace huike
