#include "report/members_json.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace huike {

using nlohmann::json;

namespace {

std::string num(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(value * 100) / 100);
  return buffer;
}
std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g%%", std::round(share * 10000) / 100);
  return buffer;
}
std::string whole(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

struct Rule {
  std::string zh, en;
  json settings;
};

Rule rule_of(MemberTier tier, const MemberTiers& t, const ShopAnalysis& shop) {
  const MemberTierOptions& o = t.options;
  const std::string window = std::to_string(o.window_days);
  switch (tier) {
    case MemberTier::high_spend:
      return {"近" + window + "天有购买的 " + std::to_string(t.window_buyers) + " 位客户中,按期内消费额排名前" +
                  percent(o.high_spend_share) + "(与最后一位并列者一并计入;期内消费额 ≥ " + num(t.high_spend_min) + ")",
              "The top " + percent(o.high_spend_share) + " of the " + std::to_string(t.window_buyers) +
                  " customers who bought in the last " + window +
                  " days, by their spend in that window (ties with the last one included; window spend ≥ " +
                  num(t.high_spend_min) + ")",
              {{"tier_window_days", o.window_days}, {"high_spend_share", o.high_spend_share}}};
    case MemberTier::high_unit_price:
      return {"客单价(全部订单平均)≥ 全店客单价 " + num(t.shop_average_order_value) + " 的 " +
                  whole(o.high_unit_price_multiple) + " 倍",
              "Average order value (all purchases) at least " + whole(o.high_unit_price_multiple) +
                  " × the shop's average order value of " + num(t.shop_average_order_value),
              {{"high_unit_price_multiple", o.high_unit_price_multiple}}};
    case MemberTier::high_loyalty:
      return {"按近" + window + "天消费额从高到低,贡献期内销售额前" + percent(o.loyalty_revenue_share) + "的 " +
                  std::to_string(t.loyalty_prefix) + " 位客户中,期内至少 " +
                  std::to_string(o.loyalty_min_purchase_days) + " 个购买日且相邻两次购买间隔不超过 " +
                  std::to_string(o.loyalty_max_gap_days) + " 天",
              "Of the " + std::to_string(t.loyalty_prefix) + " biggest spenders of the last " + window +
                  " days who together bring " + percent(o.loyalty_revenue_share) +
                  " of that window's revenue (ties at the edge included): those with " +
                  std::to_string(o.loyalty_min_purchase_days) + "+ purchase days in the window and no gap over " +
                  std::to_string(o.loyalty_max_gap_days) + " days between them",
              {{"tier_window_days", o.window_days},
               {"loyalty_revenue_share", o.loyalty_revenue_share},
               {"loyalty_min_purchase_days", o.loyalty_min_purchase_days},
               {"loyalty_max_gap_days", o.loyalty_max_gap_days}}};
    case MemberTier::promo_high_frequency:
      return {"有优惠订单的 " + std::to_string(t.promo_customers) + " 位客户中,按优惠订单金额排名前" +
                  percent(o.promo_high_share) + "(并列者一并计入)",
              "The top " + percent(o.promo_high_share) + " of the " + std::to_string(t.promo_customers) +
                  " customers with a promotional order, by their revenue from promotional orders (ties included)",
              {{"promo_high_share", o.promo_high_share}}};
    case MemberTier::promo_low_frequency:
      return {"有优惠订单的 " + std::to_string(t.promo_customers) + " 位客户中,按优惠订单金额排名后" +
                  percent(o.promo_low_share) + "(并列者一并计入):促销黑名单",
              "The bottom " + percent(o.promo_low_share) + " of the " + std::to_string(t.promo_customers) +
                  " customers with a promotional order, by their revenue from promotional orders (ties included): "
                  "the promotion blacklist",
              {{"promo_low_share", o.promo_low_share}}};
    case MemberTier::churning:
      return {"首次购买至少在 " + std::to_string(o.churning_min_age_days) + " 天前,此前(近" +
                  std::to_string(o.churning_recent_days) + "天之前)至少 " +
                  std::to_string(o.churning_min_prior_orders) + " 单,且近" +
                  std::to_string(o.churning_recent_days) + "天的订单数少于此前每" +
                  std::to_string(o.churning_recent_days) + "天平均订单数的 " + whole(o.churning_drop_ratio) +
                  " 倍;沉睡会员不计入",
              "First purchase at least " + std::to_string(o.churning_min_age_days) + " days ago, " +
                  std::to_string(o.churning_min_prior_orders) + "+ orders before the last " +
                  std::to_string(o.churning_recent_days) + " days, and fewer orders in the last " +
                  std::to_string(o.churning_recent_days) + " days than " + whole(o.churning_drop_ratio) +
                  " × their own average per " + std::to_string(o.churning_recent_days) +
                  " days before; sleeping customers are not also churning",
              {{"churning_min_age_days", o.churning_min_age_days},
               {"churning_recent_days", o.churning_recent_days},
               {"churning_min_prior_orders", o.churning_min_prior_orders},
               {"churning_drop_ratio", o.churning_drop_ratio}}};
    case MemberTier::sleeping:
      return {"近" + std::to_string(shop.options.churn_window_days) + "天没有购买(距上次购买 ≥ " +
                  std::to_string(shop.options.churn_window_days) + " 天)",
              "No purchase in the last " + std::to_string(shop.options.churn_window_days) +
                  " days (last purchase at least " + std::to_string(shop.options.churn_window_days) + " days ago)",
              {{"churn_window_days", shop.options.churn_window_days}}};
  }
  return {};
}

}  // namespace

json members_json(const MemberTiers& t, const ShopAnalysis& shop) {
  json tiers = json::array();
  const double customers = shop.analysed_customers ? shop.analysed_customers : 1;
  for (int i = 0; i < kMemberTierCount; ++i) {
    const MemberTier tier = static_cast<MemberTier>(i);
    const MemberTierInfo& info = member_tier_info(tier);
    const TierSummary& s = t.tiers[i];
    Rule rule = rule_of(tier, t, shop);
    json entry = {{"key", info.key},          {"name_zh", info.name_zh},     {"name_en", info.name_en},
                  {"rule_zh", rule.zh},        {"rule_en", rule.en},          {"settings", rule.settings},
                  {"available", s.available},  {"customers", s.customers},    {"revenue", std::round(s.window_revenue * 100) / 100},
                  {"net_revenue", std::round(s.net_revenue * 100) / 100},
                  {"customer_share", s.customers / customers},
                  {"action_zh", info.action_zh}, {"action_en", info.action_en}};
    if (!s.available) {
      entry["reason"] = "needs a discount, coupon or campaign column";
      entry["reason_zh"] = "需要优惠、优惠券或活动列";
    }
    tiers.push_back(std::move(entry));
  }
  // overlap[i][j]: customers in both tier i and tier j (the diagonal: in tier i).
  std::vector<std::vector<uint32_t>> overlap(kMemberTierCount, std::vector<uint32_t>(kMemberTierCount, 0));
  for (uint8_t bits : t.bits) {
    if (!bits) continue;
    for (int i = 0; i < kMemberTierCount; ++i) {
      if (!(bits >> i & 1)) continue;
      for (int j = 0; j < kMemberTierCount; ++j) overlap[i][j] += bits >> j & 1;
    }
  }
  return {{"window_days", t.options.window_days},
          {"window_buyers", t.window_buyers},
          {"window_revenue", std::round(t.window_revenue * 100) / 100},
          {"shop_average_order_value", std::round(t.shop_average_order_value * 100) / 100},
          {"promotion_customers", t.promo_customers},
          {"window_rule_en", "a purchase is in the window when it is fewer than " +
                                 std::to_string(t.options.window_days) + " days before the analysis date"},
          {"window_rule_zh", "距分析日不足 " + std::to_string(t.options.window_days) + " 天的购买计入窗口"},
          {"tiers", tiers},
          {"overlap", overlap}};
}

}  // namespace huike
