#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/customer_analysis.h"
#include "model/order_table.h"

namespace huike {

// Replenishment reminders (seed 002). Every threshold is a setting.
struct ReplenishmentOptions {
  int32_t remind_within_days = 14;   // due on the analysis date or within this many days after
  int32_t remind_days_before = 7;    // reminder day = due − this, never before the analysis date
  int32_t overdue_max_days = 30;     // due this many days ago at most; older ones are win-back
  uint32_t learn_min_customers = 20; // customers who bought the product on 2+ days, to learn it
  int32_t series_days = 28;          // reminders per day from the analysis date on
};

// Days one unit lasts, by product name or id as the order file writes it.
using ConsumptionDays = std::unordered_map<std::string, double>;

enum class ReminderSource : uint8_t { rhythm, consumption_table, learned };
constexpr int kReminderSourceCount = 3;
const char* reminder_source_key(ReminderSource source);  // "rhythm", "consumption_table", "learned"

constexpr uint32_t kNoProduct = UINT32_MAX;

// When a customer (rhythm) or a customer × product (consumption) is due.
struct Reminder {
  uint32_t customer;
  uint32_t product;        // kNoProduct for the rhythm
  ReminderSource source;
  int32_t last_purchase;   // day of the latest purchase (of the product)
  double quantity;         // bought that day (consumption); 0 for the rhythm
  double days_per_unit;    // or the customer's cycle (rhythm)
  int32_t due_day;         // run-out day, or expected next purchase day
  int32_t reminder_day;    // max(due − remind_days_before, analysis date)
};

struct LearnedProduct {
  uint32_t product;
  uint32_t customers;      // who bought it on 2+ days
  uint64_t intervals;      // consecutive purchase pairs
  double median, q1, q3;   // days per unit; quartiles by linear interpolation
  bool learned;            // customers ≥ learn_min_customers
};

struct ReplenishmentResult {
  ReplenishmentOptions options;
  int32_t as_of_day = 0;
  bool has_products = false;
  std::array<uint64_t, kReminderSourceCount> estimates{};  // due days computed, per source
  std::array<uint64_t, kReminderSourceCount> remind_now_by_source{}, overdue_by_source{};
  std::vector<Reminder> remind_now;  // by reminder day, due day, customer, product
  std::vector<Reminder> overdue;     // by due day (most recent first), customer, product
  // Products bought by someone on 2+ days and not in the consumption table, by customers
  // (most first); `learned` tells which reached learn_min_customers.
  std::vector<LearnedProduct> products_seen;
  uint32_t table_entries = 0, table_entries_matched = 0;  // consumption table rows, found in the file
  std::vector<uint32_t> per_day;                 // reminders per day, as_of .. as_of + series_days − 1
  std::vector<int32_t> customer_reminder_day;    // per customer: earliest product reminder, INT32_MIN none
};

// Median of (days between consecutive purchase days ÷ quantity of the earlier one); a
// customer's latest purchase of a product decides its run-out day. Purchases only
// (orders ≥ 0), before the analysis date; the lines of one day are added up.
ReplenishmentResult replenishment(const OrderTable& table, const ShopAnalysis& shop, const ConsumptionDays& consumption,
                                  const ReplenishmentOptions& options);

// What the reminders learn per product, which reads only the analysis date and the
// consumption table (the interval sorts): kept while those stay, the settings re-run only
// the placing of the reminders.
struct ProductRhythms {
  std::vector<double> table_days;    // per product: days per unit from the consumption table
  std::vector<uint8_t> in_table;     // per product: 1 when the table has it
  std::vector<LearnedProduct> seen;  // the other products bought on 2+ days, by product (learned unset)
  std::vector<int32_t> seen_index;   // per product: its index in `seen`, -1 none
  uint32_t table_entries_matched = 0;
};
ProductRhythms learn_product_rhythms(const OrderTable& table, const ShopAnalysis& shop, const ConsumptionDays& consumption);
// The same result as replenishment() from rhythms already learned; table_entries: the
// consumption table's rows.
ReplenishmentResult replenishment(const OrderTable& table, const ShopAnalysis& shop, const ProductRhythms& rhythms,
                                  uint32_t table_entries, const ReplenishmentOptions& options);

// Expected next purchase from the customer's rhythm: last purchase day + own cycle
// (rounded half away from zero); INT32_MIN when the customer has fewer than 2 purchase days.
int32_t rhythm_next_purchase(const CustomerMetrics& m);

// Linear-interpolation quantile (p in [0,1]) of the values, by selection (it reorders them;
// no sort of every interval at 10M rows).
double selected_quantile(std::vector<double>& values, double p);

}  // namespace huike
