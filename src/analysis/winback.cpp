#include "analysis/winback.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/order_statistics.h"

namespace huike {

// Names and offers: seed 001 (流失挽回, 2017).
const WinbackTierInfo& winback_tier_info(WinbackTier tier) {
  static const WinbackTierInfo infos[kWinbackTierCount] = {
      {"members_no_order", "注册未购买", "Members who never bought",
       "派发大额度优惠券、大促活动或超低价商品,吸引回访成为首单新客",
       "A large coupon, a big sale or a very low-price item to bring them in for a first order"},
      {"light_low_value", "购买1–2次、客单价低", "1–2 orders, low order value",
       "精准推送优惠专场,或在这个客单水平的好货",
       "A targeted sale, or good products at their own price level"},
      {"light_high_value", "购买1–2次、客单价高", "1–2 orders, high order value",
       "精准推送与其客单水平相当的好货和专场优惠",
       "A targeted promotion of products at their own (higher) price level"},
      {"loyal_lapsed", "购买3次及以上", "3 or more orders",
       "推送顾客偏好的品牌或品类,额外增加会员专属优惠券",
       "Their preferred brands or categories, plus member-only coupons"},
  };
  return infos[static_cast<int>(tier)];
}

double median_order_value(const OrderTable& table, const ShopAnalysis& shop) {
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  return median_by([&](auto f) {  // no copy of the amounts (57 MB at 10M rows)
    for (const Order& order : table.orders) {
      if (order.amount >= 0 && order.day < cutoff) f(order.amount);
    }
  });
}

WinbackPlan plan_winback(const OrderTable& table, const ShopAnalysis& shop, const WinbackOptions& options,
                         const MemberDirectory* members) {
  return plan_winback(table, shop, options, members, median_order_value(table, shop));
}

WinbackPlan plan_winback(const OrderTable& table, const ShopAnalysis& shop, const WinbackOptions& options,
                         const MemberDirectory* members, double median_order_value) {
  WinbackPlan plan;
  plan.options = options;
  plan.median_order_value = median_order_value;
  const uint32_t n = table.customer_count();
  plan.tier.assign(n, kNotLapsed);
  for (uint32_t c = 0; c < n; ++c) {
    const CustomerMetrics& m = shop.customers[c];
    if (!m.analysed) continue;
    const bool lapsed = m.status == ChurnStatus::at_risk || m.status == ChurnStatus::churned || m.sleeping;
    if (!lapsed) continue;
    WinbackTier tier = WinbackTier::loyal_lapsed;
    if (m.frequency <= options.light_max_orders) {
      tier = m.gross / m.frequency <= plan.median_order_value ? WinbackTier::light_low_value
                                                              : WinbackTier::light_high_value;
    }
    plan.tier[c] = static_cast<uint8_t>(tier);
    ++plan.lapsed_customers;
    WinbackTierSummary& summary = plan.tiers[static_cast<int>(tier)];
    ++summary.customers;
    summary.revenue += shop.monetary(m);
    ++summary.channels[static_cast<int>(customer_contact(table, c, members).channel)];
  }
  if (!members) return plan;
  WinbackTierSummary& no_order = plan.tiers[static_cast<int>(WinbackTier::members_no_order)];
  for (uint32_t i = 0; i < members->list.members.size(); ++i) {
    const int32_t c = members->customer_of_member[i];
    if (c >= 0 && shop.customers[c].analysed) continue;  // bought (an id with only returns did not)
    plan.members_without_orders.push_back(i);
    ++no_order.customers;
    ++no_order.channels[static_cast<int>(member_contact(members->list.members[i]).channel)];
  }
  return plan;
}

std::vector<WinbackEntry> ranked_winback(const WinbackPlan& plan, const ShopAnalysis& shop,
                                         const std::vector<double>* values, const MemberDirectory* members,
                                         std::optional<WinbackTier> only) {
  // A customer's value: CLV when given, else net spend.
  std::vector<WinbackEntry> out;
  const auto value = [&](int32_t c) {
    if (values) return (*values)[c];
    return shop.monetary(shop.customers[c]);
  };
  for (int t = kWinbackTierCount - 1; t >= 0; --t) {
    const WinbackTier tier = static_cast<WinbackTier>(t);
    if (only && *only != tier) continue;
    if (tier == WinbackTier::members_no_order) {
      for (uint32_t m : plan.members_without_orders) out.push_back({tier, -1, static_cast<int32_t>(m)});
      continue;
    }
    const size_t first = out.size();
    for (uint32_t c = 0; c < plan.tier.size(); ++c) {
      if (plan.tier[c] != t) continue;
      const int32_t member = members ? members->member_of_customer[c] : -1;
      out.push_back({tier, static_cast<int32_t>(c), member});
    }
    std::stable_sort(out.begin() + first, out.end(), [&](const WinbackEntry& a, const WinbackEntry& b) {
      const double va = value(a.customer), vb = value(b.customer);
      if (std::isnan(va) != std::isnan(vb)) return std::isnan(vb);
      if (std::isnan(va)) return shop.monetary(shop.customers[a.customer]) > shop.monetary(shop.customers[b.customer]);
      return va > vb;
    });
  }
  return out;
}

}  // namespace huike
