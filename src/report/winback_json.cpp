#include "report/winback_json.h"

#include <cmath>
#include <cstdio>

#include "report/report_json.h"

namespace huike {

using nlohmann::json;

namespace {

double cents(double value) { return std::round(value * 100) / 100; }

json exclusion_json(const ExclusionCount& count) { return {{"rows", count.rows}, {"example_lines", count.example_lines}}; }

std::string tier_rule(WinbackTier tier, const WinbackPlan& plan, bool zh) {
  const std::string light = std::to_string(plan.options.light_max_orders);
  const std::string loyal = std::to_string(plan.options.light_max_orders + 1);
  char median[32];
  std::snprintf(median, sizeof median, "%.2f", cents(plan.median_order_value));
  switch (tier) {
    case WinbackTier::members_no_order: return zh ? "会员名单中从未购买的会员" : "members of the member list who never bought";
    case WinbackTier::light_low_value:
      return zh ? "购买1–" + light + "次,客单价 ≤ 订单金额中位数 " + median
                : "1–" + light + " orders, average order value ≤ the median order value " + median;
    case WinbackTier::light_high_value:
      return zh ? "购买1–" + light + "次,客单价 > 订单金额中位数 " + median
                : "1–" + light + " orders, average order value above the median order value " + median;
    case WinbackTier::loyal_lapsed: return zh ? "购买" + loyal + "次及以上" : loyal + "+ orders";
  }
  return "";
}

std::string cap_key(WinbackTier tier, const char* what) {
  return std::string("winback_") + winback_tier_info(tier).key + what;
}

}  // namespace

json member_list_json(const MemberDirectory& members, size_t without_orders) {
  const MemberList& list = members.list;
  json excluded = json::object();
  for (const auto& [reason, count] : list.excluded) excluded[reason] = exclusion_json(count);
  const auto column = [&](int col) { return col >= 0 ? json(list.header[col]) : json(nullptr); };
  return {{"rows", list.rows},
          {"members", list.members.size()},
          {"matched", members.matched},
          {"unmatched", members.unmatched},
          {"customers_not_in_list", members.customers_not_in_list},
          {"members_without_orders", without_orders},
          {"excluded", excluded},
          {"bad_signup_date", exclusion_json(list.bad_signup_date)},
          {"encoding", encoding_name(list.encoding)},
          {"delimiter", delimiter_name(list.delimiter)},
          {"columns",
           {{"member_id", column(list.id_column)},
            {"phone", column(list.phone_column)},
            {"email", column(list.email_column)},
            {"signup", column(list.signup_column)}}}};
}

json winback_json(const WinbackPlan& plan, const MemberDirectory* members) {
  json tiers = json::array();
  for (int t = 0; t < kWinbackTierCount; ++t) {
    const WinbackTier tier = static_cast<WinbackTier>(t);
    const WinbackTierInfo& info = winback_tier_info(tier);
    const WinbackTierSummary& s = plan.tiers[t];
    json channels = json::object();
    for (int c = 0; c < kChannelCount; ++c) channels[channel_key(static_cast<Channel>(c))] = s.channels[c];
    tiers.push_back({{"key", info.key},
                     {"name_zh", info.name_zh},
                     {"name_en", info.name_en},
                     {"rule_zh", tier_rule(tier, plan, true)},
                     {"rule_en", tier_rule(tier, plan, false)},
                     {"offer_zh", info.action_zh},
                     {"offer_en", info.action_en},
                     {"available", tier != WinbackTier::members_no_order || members != nullptr},
                     {"customers", s.customers},
                     {"revenue", cents(s.revenue)},
                     {"max_touches", plan.options.caps[t].max_touches},
                     {"min_days_between", plan.options.caps[t].min_days_between},
                     {"settings",
                      {{cap_key(tier, "_max_touches"), plan.options.caps[t].max_touches},
                       {cap_key(tier, "_min_days"), plan.options.caps[t].min_days_between}}},
                     {"channels", channels}});
  }
  return {{"lapsed_rule_en", "status at_risk or churned, or sleeping; each lapsed customer gets exactly one tier"},
          {"lapsed_rule_zh", "状态为有流失风险或已流失,或为沉睡客户;每位流失客户只属于一个层级"},
          {"channel_rule_en", "a phone number → SMS, else an e-mail address → e-mail, else a platform message"},
          {"channel_rule_zh", "有手机号 → 短信,否则有邮箱 → 邮件,否则 → 平台消息(如旺旺)"},
          {"median_order_value", cents(plan.median_order_value)},
          {"light_max_orders", plan.options.light_max_orders},
          {"lapsed_customers", plan.lapsed_customers},
          {"tiers", tiers},
          {"member_list", members ? member_list_json(*members, plan.members_without_orders.size()) : json(nullptr)}};
}

}  // namespace huike
