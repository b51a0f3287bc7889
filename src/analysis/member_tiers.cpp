#include "analysis/member_tiers.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/error.h"

namespace huike {

// Names and actions: seed 004 (会员分层, 2019).
const MemberTierInfo& member_tier_info(MemberTier tier) {
  static const MemberTierInfo infos[kMemberTierCount] = {
      {"high_spend", "高消费总额会员", "High total spend",
       "一对一针对性服务营销:生日专属礼物、会员日最高福利",
       "One-to-one service: a birthday gift, the best perks on member days"},
      {"high_unit_price", "高单价会员", "High unit price",
       "个性化服务和特殊优待;不建议做优惠活动,在产品和心理层面下功夫",
       "Personal service and special treatment; no discount campaigns, win them with product and attention"},
      {"high_loyalty", "高忠诚度会员", "High loyalty",
       "不时推出新品吸引;淡季用满赠、满减提升购买率",
       "Bring out new products now and then; gifts and spend-threshold offers in the slow season"},
      {"promo_high_frequency", "低价高频次会员", "Low price, high frequency",
       "做好标签,多做营销活动,适时提高消费金额,借他们推广门店",
       "Tag them, run more campaigns, raise their order value in time and let them spread the word"},
      {"promo_low_frequency", "低价低频次会员", "Low price, low frequency",
       "拉入促销黑名单:下次营销活动不纳入目标人群",
       "Put them on the promotion blacklist: leave them out of the next campaign"},
      {"churning", "流失会员", "Churning",
       "尽快维护:定期筛选并赠送礼品等营销,激活消费频率",
       "Act before they fall asleep: regular gifts and offers to lift their purchase frequency"},
      {"sleeping", "沉睡会员", "Sleeping",
       "收集服务反馈找到沉睡原因;用低门槛的线上活动(低价拼团、秒杀)唤醒",
       "Ask for feedback to learn why they left; wake them with low-threshold offers (group buys, flash sales)"},
  };
  return infos[static_cast<int>(tier)];
}

double share_edge(std::vector<double> values, double share, bool from_top) {
  // ceil, forgiving the rounding of share × n (0.2 × 15 is 3.0000000000000004).
  const double wanted = std::ceil(share * static_cast<double>(values.size()) - 1e-9);
  if (values.empty() || !(wanted >= 1)) return std::numeric_limits<double>::quiet_NaN();
  const size_t k = std::min(values.size(), static_cast<size_t>(wanted));
  if (from_top) std::nth_element(values.begin(), values.begin() + (k - 1), values.end(), std::greater<double>());
  else std::nth_element(values.begin(), values.begin() + (k - 1), values.end());
  return values[k - 1];
}

namespace {

// One customer's purchases before `cutoff` (returns left out), by day.
// `promotional`: the table's flags, or null without a promotion column.
MemberWindow summarise(const OrderTable& table, uint32_t first, uint32_t last, int32_t cutoff, int32_t as_of,
                       const MemberTierOptions& o, const std::vector<bool>* promotional, PromoWindow& promo) {
  double spend = 0;
  uint32_t purchase_days = 0, recent_orders = 0;
  int32_t max_gap = 0, previous_window_day = INT32_MIN;
  for (uint32_t k = first; k != last; ++k) {
    const int32_t day = table.orders[k].day;
    const double amount = table.orders[k].amount;
    if (day >= cutoff || amount < 0) continue;
    const int32_t recency = as_of - day;
    if (promotional && (*promotional)[k]) {
      ++promo.orders;
      promo.revenue += amount;
    }
    recent_orders += recency < o.churning_recent_days;
    if (recency >= o.window_days) continue;
    spend += amount;
    if (day == previous_window_day) continue;
    if (previous_window_day != INT32_MIN) max_gap = std::max(max_gap, day - previous_window_day);
    ++purchase_days;
    previous_window_day = day;
  }
  // The readers give no such customer; a table built otherwise must not be cut short.
  if (purchase_days > MemberWindow::kMaxDays || static_cast<uint32_t>(max_gap) > MemberWindow::kMaxDays ||
      recent_orders > MemberWindow::kMaxRecentOrders) {
    throw HuikeError(ErrorCode::E_INTERNAL, "a customer's purchases span more than 358 years or 2^30 orders");
  }
  MemberWindow w;
  w.spend = spend;
  w.purchase_days = purchase_days;
  w.max_gap = static_cast<uint32_t>(max_gap);
  w.recent_orders = recent_orders;
  return w;
}

bool at_least(double value, double bound) { return value >= bound - 1e-9 * std::max(1.0, std::fabs(bound)); }

}  // namespace

MemberWindows member_windows(const OrderTable& table, const CustomerOrders& grouped, const ShopAnalysis& shop,
                             const MemberTierOptions& options) {
  MemberWindows out;
  const bool promos = table.promotional.size() == table.orders.size() && !table.orders.empty();
  const uint32_t n = table.customer_count();
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  out.windows.resize(n);
  if (promos) out.promos.resize(n);
  PromoWindow none;
  uint32_t buyers = 0;
  for (uint32_t c = 0; c < n; ++c) {
    if (!shop.customers[c].analysed) continue;
    PromoWindow& promo = out.promos.empty() ? none : out.promos[c];
    const MemberWindow& w = out.windows[c] =
        summarise(table, grouped.begin[c], grouped.begin[c + 1], cutoff, shop.as_of_day, options,
                  promos ? &table.promotional : nullptr, promo);
    buyers += w.purchase_days > 0;
    if (promo.orders > 0) out.promo_revenues.push_back(promo.revenue);
  }
  out.spends.reserve(buyers);  // exactly: doubling would leave holes of up to 18 MB at 10M rows
  for (uint32_t c = 0; c < n; ++c) {
    const MemberWindow& w = out.windows[c];
    if (w.purchase_days == 0) continue;
    out.spends.push_back(w.spend);
    out.window_revenue += w.spend;
  }
  std::sort(out.spends.begin(), out.spends.end());
  std::sort(out.promo_revenues.begin(), out.promo_revenues.end());
  return out;
}

double sorted_share_edge(const std::vector<double>& sorted, double share, bool from_top) {
  // As share_edge: the k-th value from the chosen end, k = ceil(share × n).
  const double wanted = std::ceil(share * static_cast<double>(sorted.size()) - 1e-9);
  if (sorted.empty() || !(wanted >= 1)) return std::numeric_limits<double>::quiet_NaN();
  const size_t k = std::min(sorted.size(), static_cast<size_t>(wanted));
  return from_top ? sorted[sorted.size() - k] : sorted[k - 1];
}

MemberTiers compute_member_tiers(const OrderTable& table, const CustomerOrders& grouped, const ShopAnalysis& shop,
                                 const MemberTierOptions& options) {
  return classify_member_tiers(table, shop, member_windows(table, grouped, shop, options), options);
}

MemberTiers classify_member_tiers(const OrderTable& table, const ShopAnalysis& shop, const MemberWindows& windows,
                                  const MemberTierOptions& options) {
  MemberTiers out;
  out.options = options;
  const uint32_t n = table.customer_count();
  out.bits.assign(n, 0);
  const int32_t as_of = shop.as_of_day;
  const std::vector<double>& spends = windows.spends;  // ascending
  out.window_revenue = windows.window_revenue;
  out.window_buyers = static_cast<uint32_t>(spends.size());
  out.promo_customers = static_cast<uint32_t>(windows.promo_revenues.size());
  out.shop_average_order_value = shop.orders > 0 ? shop.gross_revenue / static_cast<double>(shop.orders) : 0;

  const double spend_edge = sorted_share_edge(spends, options.high_spend_share, true);
  // The smallest prefix (by window spend, descending) reaching the revenue share; ties at its edge join.
  double loyalty_edge = std::numeric_limits<double>::quiet_NaN();
  if (!spends.empty() && options.loyalty_revenue_share > 0) {
    const double target = options.loyalty_revenue_share * out.window_revenue;
    double sum = 0;
    for (auto it = spends.rbegin(); it != spends.rend(); ++it) {
      sum += *it;
      loyalty_edge = *it;
      if (at_least(sum, target)) break;
    }
  }
  const bool promos = table.has_promotion_column;
  const double promo_high_edge = promos ? sorted_share_edge(windows.promo_revenues, options.promo_high_share, true) : NAN;
  const double promo_low_edge = promos ? sorted_share_edge(windows.promo_revenues, options.promo_low_share, false) : NAN;
  out.high_spend_min = std::isnan(spend_edge) ? 0 : spend_edge;
  out.loyalty_min = std::isnan(loyalty_edge) ? 0 : loyalty_edge;
  out.promo_high_min = std::isnan(promo_high_edge) ? 0 : promo_high_edge;
  out.promo_low_max = std::isnan(promo_low_edge) ? 0 : promo_low_edge;

  const double unit_price_bound = options.high_unit_price_multiple * out.shop_average_order_value;
  for (uint32_t c = 0; c < n; ++c) {
    const CustomerMetrics& m = shop.customers[c];
    if (!m.analysed) continue;
    const MemberWindow& w = windows.windows[c];
    const PromoWindow promo = windows.promos.empty() ? PromoWindow{} : windows.promos[c];
    const uint32_t prior_orders = m.frequency - w.recent_orders;
    const bool window_buyer = w.purchase_days > 0;
    uint8_t bits = 0;
    const auto set = [&bits](MemberTier tier, bool on) { bits |= static_cast<uint8_t>(on) << static_cast<int>(tier); };
    const bool in_prefix = window_buyer && w.spend >= loyalty_edge;  // false for NaN
    out.loyalty_prefix += in_prefix;
    set(MemberTier::high_spend, window_buyer && w.spend >= spend_edge);
    set(MemberTier::high_unit_price, at_least(m.gross / m.frequency, unit_price_bound));
    set(MemberTier::high_loyalty, in_prefix && w.purchase_days >= static_cast<uint32_t>(options.loyalty_min_purchase_days) &&
                                      w.max_gap <= options.loyalty_max_gap_days);
    set(MemberTier::promo_high_frequency, promo.orders > 0 && promo.revenue >= promo_high_edge);
    set(MemberTier::promo_low_frequency, promo.orders > 0 && promo.revenue <= promo_low_edge);
    // Orders in the last `recent` days against the customer's own rate per `recent` days before.
    const int32_t age = as_of - m.first_day;
    const int32_t prior_span = age - options.churning_recent_days;
    const bool churning = !m.sleeping && age >= options.churning_min_age_days && prior_span > 0 &&
                          prior_orders >= static_cast<uint32_t>(options.churning_min_prior_orders) &&
                          w.recent_orders < options.churning_drop_ratio * prior_orders *
                                                options.churning_recent_days / prior_span;
    set(MemberTier::churning, churning);
    set(MemberTier::sleeping, m.sleeping);
    out.bits[c] = bits;
    for (int t = 0; t < kMemberTierCount; ++t) {
      if (!(bits >> t & 1)) continue;
      out.tiers[t].customers += 1;
      out.tiers[t].window_revenue += w.spend;
      out.tiers[t].net_revenue += shop.monetary(m);
    }
  }
  if (!promos) {
    out.tiers[static_cast<int>(MemberTier::promo_high_frequency)].available = false;
    out.tiers[static_cast<int>(MemberTier::promo_low_frequency)].available = false;
  }
  return out;
}

}  // namespace huike
