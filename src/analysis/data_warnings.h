#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/order_reader.h"
#include "model/order_table.h"

namespace huike {

// The thresholds of the data warnings (issues 11 and 13), analysis options `warn_…`
// (warning_options.h). A warning never changes a number: it says which setting or mapping would.
struct WarningOptions {
  double customer_share = 0.2;        // one customer above this share of orders or revenue …
  double min_customers = 50;          // … when there are this many customers (also for one-time buyers)
  double repeated_share = 0.5;        // amounts summed although this share of multi-line orders repeat one
  double zero_share = 0.1;            // orders of value 0
  double one_time_share = 0.95;       // customers with one order …
  double one_time_min_years = 2;      // … over a file spanning this many years
  double one_day_share = 0.5;         // orders on the busiest day …
  double one_day_min_orders = 100;    // … with this many orders
  double cents_median = 1000;         // all amounts whole (none written with decimals) and half the orders this much or more
  double date_floor_year = 1990;      // dates before 1 January of this year are outliers
  double outlier_years = 5;           // … as are dates this far before the 1st / after the 99th percentile
};

struct DominantCustomer {
  uint32_t customer = 0;
  uint64_t orders = 0;
  double revenue = 0, order_share = 0, revenue_share = 0;
};

// What the rules measured (always), and which of them fired. Orders are purchase orders
// (returns, negative, are not); revenue their gross value.
struct DataWarnings {
  WarningOptions options;
  uint32_t customers = 0;
  uint64_t orders = 0;
  double revenue = 0;
  int32_t first_day = 0, last_day = 0;

  std::vector<DominantCustomer> dominant;  // the largest few above the share, largest first
  uint32_t dominant_count = 0;             // customers above it

  bool amount_per_order = false;           // the file's amounts were taken once per order (rule 2)
  bool amount_repeated_summed = false;     // summed although most multi-line orders repeat one amount

  uint64_t zero_orders = 0;
  bool zero_fired = false;

  uint32_t one_time_customers = 0;
  bool one_time_fired = false;

  int32_t busiest_day = 0;
  uint64_t busiest_day_orders = 0;
  bool one_day_fired = false;

  bool amounts_whole = false, header_says_cents = false;
  uint64_t orders_at_cents_median = 0;     // orders of cents_median or more
  bool cents_fired = false;

  int32_t p1_day = 0, p99_day = 0;         // percentiles of the order days (nearest rank)
  int32_t low_cut = 0, high_cut = 0;       // outliers: day < low_cut or day > high_cut
  uint64_t outliers_before = 0, outliers_after = 0;
  int32_t suggested_since = 0, suggested_until = 0;  // the first / last day that is no outlier
  std::vector<int64_t> outlier_lines;      // first lines among the most extreme dates
  bool outliers_fired = false;
};

// The lowest warn_customer_share accepted: only customers above it can ever be dominant.
constexpr double kMinCustomerShare = 0.001;
// What the rules count whatever their thresholds, made once per order file: a changed warn_
// setting re-runs only the rules (and one light pass for cents_median).
struct WarningCounts {
  uint64_t orders = 0;
  double revenue = 0;
  int32_t first_day = 0, last_day = 0;
  std::vector<uint64_t> per_day;  // purchase orders per day from first_day
  uint32_t customers = 0, one_time_customers = 0;
  std::vector<DominantCustomer> large;  // above kMinCustomerShare of orders or revenue, by customer
  uint64_t zero_orders = 0;
  bool amounts_whole = false;
};
// One pass over the orders of a grouped table (O(orders + customers + days spanned)).
WarningCounts count_for_warnings(const OrderTable& table, const CustomerOrders& grouped);
DataWarnings check_data(const OrderTable& table, const IngestSummary& summary, const IngestCorrections& corrections,
                        const WarningCounts& counts, const WarningOptions& options);

// Whether an amount header names cents (分, cents) as its unit.
bool header_names_cents(std::string_view header);

}  // namespace huike
