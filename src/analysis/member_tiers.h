#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "analysis/customer_analysis.h"
#include "model/order_table.h"

namespace huike {

// The seven member types of seed 004 (issue 8 has the exact rules; README "Member tiers").
enum class MemberTier : uint8_t {
  high_spend, high_unit_price, high_loyalty, promo_high_frequency, promo_low_frequency, churning, sleeping
};
constexpr int kMemberTierCount = 7;

using MemberTierInfo = SegmentInfo;  // key, names, seed 004's action
const MemberTierInfo& member_tier_info(MemberTier tier);

// Every number a rule uses; the defaults are the article's. Sleeping uses the analysis's
// churn window (R >= churn_window_days), the overview's sleeping flag.
struct MemberTierOptions {
  int32_t window_days = 365;           // tier_window_days: a purchase with R < this is in the window
  double high_spend_share = 0.20;      // top share of window buyers by window spend
  double high_unit_price_multiple = 2;  // own AOV >= this × the shop's AOV
  double loyalty_revenue_share = 0.50;  // the prefix of window buyers holding this share of window revenue
  int32_t loyalty_min_purchase_days = 2;
  int32_t loyalty_max_gap_days = 60;   // no gap over this between purchase days in the window
  double promo_high_share = 0.20;      // top share of promotional buyers by promotional revenue
  double promo_low_share = 0.20;       // bottom share
  int32_t churning_min_age_days = 360;  // first purchase at least this long before the analysis date
  int32_t churning_recent_days = 180;   // "the last 180 days"
  int32_t churning_min_prior_orders = 2;
  double churning_drop_ratio = 0.5;    // recent orders < this × the customer's own rate before
};

struct TierSummary {
  bool available = true;
  uint32_t customers = 0;
  double window_revenue = 0;  // the tier's customers' spend in the window
  double net_revenue = 0;     // their net spend over all purchases (monetary)
};

struct MemberTiers {
  MemberTierOptions options;
  std::vector<uint8_t> bits;  // per customer: bit t set when in tier t
  std::array<TierSummary, kMemberTierCount> tiers{};
  uint32_t window_buyers = 0;
  double window_revenue = 0;
  uint32_t promo_customers = 0;       // customers with a promotional purchase
  double shop_average_order_value = 0;
  // The cut-off values the rules arrived at (for the rule texts; 0 when the tier is empty).
  double high_spend_min = 0;         // window spend of the last high_spend customer
  double loyalty_min = 0;            // window spend at the edge of the revenue prefix
  uint32_t loyalty_prefix = 0;       // customers in that prefix
  double promo_high_min = 0, promo_low_max = 0;

  bool has(uint32_t customer, MemberTier tier) const { return bits[customer] >> static_cast<int>(tier) & 1; }
};

// One customer's purchases in the tier window and in the churning rule's recent span (the
// rest of the analysis's purchases, frequency - recent_orders, are before it). 16 bytes, so
// the windows of 2.3M customers (10M rows) fit the hole the reading's order index leaves
// (issue 14). Days fit 17 bits: order dates are years 1900-2200 (109,937 days apart,
// date_column.cpp); summarise refuses more.
struct MemberWindow {
  static constexpr uint32_t kMaxDays = (1u << 17) - 1, kMaxRecentOrders = (1u << 30) - 1;
  double spend = 0;
  uint64_t purchase_days : 17 = 0;
  uint64_t max_gap : 17 = 0;
  uint64_t recent_orders : 30 = 0;
};
static_assert(sizeof(MemberWindow) == 16);
// A customer's promotional purchases, kept only when the file has a promotion column.
struct PromoWindow {
  double revenue = 0;
  uint32_t orders = 0;
};
// The walk over the orders, which reads only the analysis date, tier_window_days and
// churning_recent_days: kept while those stay, the other tier settings re-run only
// classify_member_tiers.
struct MemberWindows {
  std::vector<MemberWindow> windows;    // per customer
  std::vector<PromoWindow> promos;      // per customer; empty without a promotion column
  std::vector<double> spends;           // window buyers' window spend, ascending
  std::vector<double> promo_revenues;   // promotional buyers' promotional revenue, ascending
  double window_revenue = 0;            // summed in customer order
};
MemberWindows member_windows(const OrderTable& table, const CustomerOrders& grouped, const ShopAnalysis& shop,
                             const MemberTierOptions& options);
MemberTiers classify_member_tiers(const OrderTable& table, const ShopAnalysis& shop, const MemberWindows& windows,
                                  const MemberTierOptions& options);

// Purchases before the analysis's cut-off only (as customer_analysis); returns are not
// netted in window spend. Runs on the order table in memory: settings re-run it.
MemberTiers compute_member_tiers(const OrderTable& table, const CustomerOrders& grouped, const ShopAnalysis& shop,
                                 const MemberTierOptions& options);

// The first ceil(share × n) values in the given order and those tied with the last one:
// the boundary value (the last one's), or NaN when none is taken (share 0, no values).
double share_edge(std::vector<double> values, double share, bool from_top);
// The same edge over values sorted ascending.
double sorted_share_edge(const std::vector<double>& sorted, double share, bool from_top);

}  // namespace huike
