#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/contact.h"
#include "analysis/customer_analysis.h"
#include "ingest/member_list.h"

namespace huike {

// Seed 001's win-back tiers for lapsed customers (status at_risk or churned, or sleeping);
// each lapsed customer gets exactly one, members of a member list who never bought the first.
enum class WinbackTier : uint8_t { members_no_order, light_low_value, light_high_value, loyal_lapsed };
constexpr int kWinbackTierCount = 4;
constexpr uint8_t kNotLapsed = 0xFF;

using WinbackTierInfo = SegmentInfo;  // key, names, and seed 001's offer as the action
const WinbackTierInfo& winback_tier_info(WinbackTier tier);

// At most `max_touches` contacts, at least `min_days_between` days apart.
struct ContactCap {
  uint32_t max_touches;
  uint32_t min_days_between;
};

struct WinbackOptions {
  // By WinbackTier; loyal_lapsed 8 touches / 7 days is the "eight exposures" rule.
  std::array<ContactCap, kWinbackTierCount> caps = {{{3, 14}, {2, 30}, {4, 14}, {8, 7}}};
  uint32_t light_max_orders = 2;  // 1..this orders is a light buyer; more is loyal
};

struct WinbackTierSummary {
  uint32_t customers = 0;
  double revenue = 0;  // their net spend
  std::array<uint32_t, kChannelCount> channels{};
};

struct WinbackPlan {
  WinbackOptions options;
  std::vector<uint8_t> tier;  // per customer: a WinbackTier, or kNotLapsed
  std::array<WinbackTierSummary, kWinbackTierCount> tiers{};
  double median_order_value = 0;  // over all purchases: the light buyers' split
  uint32_t lapsed_customers = 0;  // customers with orders who are lapsed
  std::vector<uint32_t> members_without_orders;  // member indexes (members_no_order)
};

// `members` may be null (no member list).
WinbackPlan plan_winback(const OrderTable& table, const ShopAnalysis& shop, const WinbackOptions& options,
                         const MemberDirectory* members);
// The same with median_order_value(table, shop) already known (it reads only the analysis date).
WinbackPlan plan_winback(const OrderTable& table, const ShopAnalysis& shop, const WinbackOptions& options,
                         const MemberDirectory* members, double median_order_value);

// One row of the contact plan: a customer (member < 0 unless from the list) or a member of
// the list without orders (customer < 0).
struct WinbackEntry {
  WinbackTier tier;
  int32_t customer, member;
};
// The plan in contact order: tier by tier (loyal_lapsed first), within a tier by value
// highest first — `values` per customer (CLV when predictions ran; NaN = none, after the
// rest), else net spend — ties by customer index. `only` keeps one tier.
std::vector<WinbackEntry> ranked_winback(const WinbackPlan& plan, const ShopAnalysis& shop,
                                         const std::vector<double>* values, const MemberDirectory* members,
                                         std::optional<WinbackTier> only = std::nullopt);

// The median of the purchase orders' values before the analysis's cut-off (0 when none).
double median_order_value(const OrderTable& table, const ShopAnalysis& shop);

}  // namespace huike
