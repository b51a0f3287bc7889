// Member tiers (issue 8, seed 004) on small hand-made order files. Every expected value is
// worked out by hand in the comments; the analysis date is fixed at 2025-01-01 and each
// order is written as "N days before it" (R = N).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/member_tiers.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

const int32_t kAsOf = days_from_civil(2025, 1, 1);
const json kOptions = {{"as_of", "2025-01-01"}};

struct Row {
  std::string customer;
  int days_before;
  double amount;
  std::string coupon = "";
  std::string order_id = "";
};

// customer,order_id,order_date,amount[,coupon]; without order ids each row is an order.
std::string orders_csv(const std::vector<Row>& rows, bool with_coupon) {
  std::string csv = with_coupon ? "customer,order_id,order_date,amount,coupon\n" : "customer,order_id,order_date,amount\n";
  int next_id = 1;
  for (const Row& r : rows) {
    csv += r.customer + ',' + (r.order_id.empty() ? std::to_string(next_id++) : r.order_id) + ',' +
           format_day(kAsOf - r.days_before) + ',' + std::to_string(r.amount);
    if (with_coupon) csv += ',' + r.coupon;
    csv += '\n';
  }
  return csv;
}

const json& tier(const json& report, const std::string& key) {
  for (const json& t : report["members"]["tiers"]) {
    if (t["key"] == key) return t;
  }
  static const json none;
  ADD_FAILURE() << "no tier " << key;
  return none;
}

// The customers of a tier, from the customers CSV's tier column (independent of the counts).
std::vector<std::string> members_of(Session& session, const std::string& key, const json& options = kOptions) {
  const std::string csv = session.customers_csv(options, {{"tier", key}});
  std::vector<std::string> ids;
  size_t at = csv.find("\r\n") + 2;
  while (at < csv.size()) {
    const size_t end = csv.find("\r\n", at);
    ids.push_back(csv.substr(at, csv.find(',', at) - at));
    at = end + 2;
  }
  return ids;
}

// Ten window buyers; K bought 400 days ago (sleeping, not a window buyer).
//   window spend: A 100 (50 + 50, days 70 and 10: a gap of exactly 60), B 80 (40 + 40, days
//   72 and 11: a gap of 61), C 80 (one order), D 70 (20 + 25 + 25, days 100, 40, 1: gaps 60
//   and 39), E 70 (35 + 35 on day 5: one purchase day), F 50 (25 + 25, days 30, 20), G 40,
//   H 30, I 20, J 10. Window revenue 550.
std::vector<Row> spend_rows() {
  return {{"A", 70, 50}, {"A", 10, 50}, {"B", 72, 40}, {"B", 11, 40}, {"C", 3, 80},  {"D", 100, 20},
          {"D", 40, 25}, {"D", 1, 25},  {"E", 5, 35},  {"E", 5, 35},  {"F", 30, 25}, {"F", 20, 25},
          {"G", 9, 40},  {"H", 8, 30},  {"I", 7, 20},  {"J", 6, 10},  {"K", 400, 1000}};
}

TEST(MemberTiers, HighSpendTakesTheTopShareOfWindowBuyersWithTiesAtTheEdge) {
  auto session = test::finished_session(orders_csv(spend_rows(), false));
  const json report = session->report(kOptions);
  EXPECT_EQ(report["members"]["window_days"], 365);
  EXPECT_EQ(report["members"]["window_buyers"], 10);  // K is not one
  EXPECT_DOUBLE_EQ(report["members"]["window_revenue"].get<double>(), 550);
  // ceil(0.2 × 10) = 2: A (100), B (80); C ties B at 80 and joins → 3 customers, 260 in the window.
  const json& high = tier(report, "high_spend");
  EXPECT_EQ(high["customers"], 3);
  EXPECT_DOUBLE_EQ(high["revenue"].get<double>(), 260);
  EXPECT_EQ(members_of(*session, "high_spend"), (std::vector<std::string>{"A", "B", "C"}));
  // 11 analysed customers (K included) → share 3/11.
  EXPECT_DOUBLE_EQ(high["customer_share"].get<double>(), 3.0 / 11);
  // 30%: ceil(3) = 3 → A, B, C (no tie past C: D has 70).
  json wider = kOptions;
  wider["high_spend_share"] = 0.3;
  EXPECT_EQ(tier(session->report(wider), "high_spend")["customers"], 3);
  // 40%: ceil(4) = 4 → A, B, C, D, and E ties D at 70 → 5.
  wider["high_spend_share"] = 0.4;
  EXPECT_EQ(tier(session->report(wider), "high_spend")["customers"], 5);
}

// The windows keep days in 17 bits: the widest window the settings allow (36,525 days) holds a
// gap of a century whole. A buys 36,524 days and 1 day before the analysis date: gap 36,523.
TEST(MemberTiers, ACenturyGapComesBackWhole) {
  auto session = test::finished_session(orders_csv({{"A", 36524, 100}, {"A", 1, 100}}, false));
  json options = kOptions;
  options["tier_window_days"] = 36525;
  options["loyalty_min_purchase_days"] = 2;
  options["loyalty_max_gap_days"] = 36523;
  EXPECT_EQ(members_of(*session, "high_loyalty", options), (std::vector<std::string>{"A"}));
  options["loyalty_max_gap_days"] = 36522;
  EXPECT_EQ(members_of(*session, "high_loyalty", options), (std::vector<std::string>{}));
}

TEST(MemberTiers, HighLoyaltyIsTheRevenuePrefixWithoutLongGaps) {
  auto session = test::finished_session(orders_csv(spend_rows(), false));
  const json report = session->report(kOptions);
  // 50% of 550 = 275: running sums 100, 180, 260, 330 → the prefix ends at D (70); E ties → 5.
  // A: gap 60 exactly → loyal. B: gap 61 → no. C: one purchase day. D: gaps 60, 39 → loyal.
  // E: two orders on one day → one purchase day. F (two days, gap 10) is outside the prefix.
  EXPECT_EQ(members_of(*session, "high_loyalty"), (std::vector<std::string>{"A", "D"}));
  EXPECT_EQ(tier(report, "high_loyalty")["customers"], 2);
  EXPECT_DOUBLE_EQ(tier(report, "high_loyalty")["revenue"].get<double>(), 170);
  EXPECT_NE(tier(report, "high_loyalty")["rule_en"].get<std::string>().find("5 biggest spenders"), std::string::npos);
  // Allowing gaps up to 61 days brings B in.
  json longer = kOptions;
  longer["loyalty_max_gap_days"] = 61;
  EXPECT_EQ(members_of(*session, "high_loyalty", longer), (std::vector<std::string>{"A", "B", "D"}));
}

TEST(MemberTiers, HighUnitPriceIsAtLeastTheMultipleOfTheShopAverage) {
  // X: 10, 10, 10; Y: 30 → shop AOV 60 / 4 = 15; 2 × 15 = 30: Y's 30 is exactly on the bound.
  auto session = test::finished_session(orders_csv({{"X", 30, 10}, {"X", 20, 10}, {"X", 10, 10}, {"Y", 5, 30}}, false));
  const json report = session->report(kOptions);
  EXPECT_DOUBLE_EQ(report["members"]["shop_average_order_value"].get<double>(), 15);
  EXPECT_EQ(members_of(*session, "high_unit_price"), (std::vector<std::string>{"Y"}));
  json higher = kOptions;
  higher["high_unit_price_multiple"] = 2.01;  // 30.15 > 30
  EXPECT_EQ(tier(session->report(higher), "high_unit_price")["customers"], 0);
}

// P first bought exactly 360 days ago: 3 orders before the last 180 days (days 360, 300,
// 200), one in them (day 10). Prior span 360 − 180 = 180 days = 1 period → 3 per period;
// half is 1.5 and 1 < 1.5 → churning. Q: the same 359 days ago → too young. R: as P with
// 2 recent orders (2 ≥ 1.5). S: first 720 days ago, prior orders days 720, 500, 400, 200 →
// 4 over 540 days = 3 periods → 4/3 per period, half 0.67; none recent → churning (R 200,
// not sleeping). T: days 800, 700, 400 → R 400 ≥ 365: sleeping, so not churning. U: one
// prior order only. V: last bought exactly 365 days ago → sleeping; W 364 days ago → not.
std::vector<Row> churn_rows() {
  return {{"P", 360, 10}, {"P", 300, 10}, {"P", 200, 10}, {"P", 10, 10}, {"Q", 359, 10}, {"Q", 300, 10},
          {"Q", 200, 10}, {"Q", 10, 10},  {"R", 360, 10}, {"R", 300, 10}, {"R", 200, 10}, {"R", 10, 10},
          {"R", 9, 10},   {"S", 720, 10}, {"S", 500, 10}, {"S", 400, 10}, {"S", 200, 10}, {"T", 800, 10},
          {"T", 700, 10}, {"T", 400, 10}, {"U", 400, 10}, {"U", 20, 10},  {"V", 365, 10}, {"W", 364, 10}};
}

TEST(MemberTiers, ChurningComparesRecentOrdersWithTheCustomersOwnRate) {
  auto session = test::finished_session(orders_csv(churn_rows(), false));
  EXPECT_EQ(members_of(*session, "churning"), (std::vector<std::string>{"P", "S"}));
  // A customer exactly at 360 days is old enough; with 361 required P drops out.
  json older = kOptions;
  older["churning_min_age_days"] = 361;
  EXPECT_EQ(members_of(*session, "churning", older), (std::vector<std::string>{"S"}));
  // A drop ratio of 0.7: P's bound 2.1 still > 1, R's 2.1 > 2 → R joins; S's 0.93 > 0.
  json ratio = kOptions;
  ratio["churning_drop_ratio"] = 0.7;
  EXPECT_EQ(members_of(*session, "churning", ratio), (std::vector<std::string>{"P", "R", "S"}));
}

TEST(MemberTiers, SleepingIsNoPurchaseInTheChurnWindow) {
  auto session = test::finished_session(orders_csv(churn_rows(), false));
  // T (400), V (365 exactly); W at 364 is a window buyer; U's last order is day 20.
  EXPECT_EQ(members_of(*session, "sleeping"), (std::vector<std::string>{"T", "V"}));
  const json report = session->report(kOptions);
  EXPECT_EQ(tier(report, "sleeping")["customers"], report["status"]["sleeping"]);
  EXPECT_DOUBLE_EQ(tier(report, "sleeping")["revenue"].get<double>(), 0);  // nothing in the window
  EXPECT_DOUBLE_EQ(tier(report, "sleeping")["net_revenue"].get<double>(), 40);  // T 30 + V 10
  // Window buyers: the 8 customers but T and V → 6.
  EXPECT_EQ(report["members"]["window_buyers"], 6);
  // The churn window is a main setting (the RFM analysis re-runs too): at 401 days nobody
  // sleeps; at 400 T (R 400) does, V (365) not. A tier setting changed in between leaves
  // nothing stale.
  json longer = kOptions;
  longer["churn_window_days"] = 401;
  json tier_only = kOptions;
  tier_only["high_spend_share"] = 0.5;
  session->report(tier_only);
  EXPECT_EQ(members_of(*session, "sleeping", longer), (std::vector<std::string>{}));
  longer["churn_window_days"] = 400;
  EXPECT_EQ(members_of(*session, "sleeping", longer), (std::vector<std::string>{"T"}));
  // T no longer sleeps with 401 days: 3 orders over its first 620 days → 0.87 per 180 days,
  // half is 0.44 and it has none recent → churning joins P and S.
  longer["churn_window_days"] = 401;
  EXPECT_EQ(members_of(*session, "churning", longer), (std::vector<std::string>{"P", "S", "T"}));
}

// Promotional orders: a coupon cell that is a non-zero amount or a word other than none/无/否/0;
// each customer's promotional revenue is on the right.
std::vector<Row> promo_rows() {
  return {
      {"M1", 10, 50, "SAVE10"},                                             // 50
      {"M1", 9, 100, ""},                                                   // not promotional
      {"M2", 10, 40, "-5.00"},                                              // 40
      {"M3", 10, 25, "满100减10", "o3"}, {"M3", 10, 15, "", "o3"},          // one order of 40 (line 1 has the coupon)
      {"M4", 10, 20, "", "o4"}, {"M4", 10, 0, "coupon", "o4"},            // one order of 20, its 2nd line has it
      {"M5", 10, 20, "¥3.00"},                                              // 20
      {"M6", 10, 20, "满减"},                                               // 20
      {"N1", 10, 500, "无"}, {"N2", 10, 500, "0"}, {"N3", 10, 500, "none"}, {"N4", 10, 500, "否"},
      {"N5", 10, 500, "0.00"}, {"N6", 10, 500, ""},                         // none promotional
  };
}

TEST(MemberTiers, PromotionTiersRankPromotionalRevenueFromTopAndBottom) {
  auto session = test::finished_session(orders_csv(promo_rows(), true));
  const json report = session->report(kOptions);
  EXPECT_EQ(report["input"]["columns"]["promotion"], "coupon");
  EXPECT_EQ(report["members"]["promotion_customers"], 6);  // M1..M6
  // Promo revenue 50, 40, 40, 20, 20, 20; ceil(0.2 × 6) = 2.
  // Top: 50, 40 and the tied 40 → M1, M2, M3. Bottom: 20, 20 and the tied 20 → M4, M5, M6.
  EXPECT_EQ(members_of(*session, "promo_high_frequency"), (std::vector<std::string>{"M1", "M2", "M3"}));
  EXPECT_EQ(members_of(*session, "promo_low_frequency"), (std::vector<std::string>{"M4", "M5", "M6"}));
  EXPECT_TRUE(tier(report, "promo_high_frequency")["available"].get<bool>());
  // Window revenue of the top three: M1 150 (both orders), M2 40, M3 40 → 230.
  EXPECT_DOUBLE_EQ(tier(report, "promo_high_frequency")["revenue"].get<double>(), 230);
}

TEST(MemberTiers, WithoutAPromotionColumnThePromotionTiersAreUnavailable) {
  auto session = test::finished_session(orders_csv(spend_rows(), false));
  const json report = session->report(kOptions);
  for (const char* key : {"promo_high_frequency", "promo_low_frequency"}) {
    const json& t = tier(report, key);
    EXPECT_FALSE(t["available"].get<bool>()) << key;
    EXPECT_EQ(t["reason"], "needs a discount, coupon or campaign column");
    EXPECT_EQ(t["customers"], 0);
  }
  // Their CSV columns are empty, not 0, for every customer.
  const std::string csv = session->customers_csv(kOptions);
  const std::string header = csv.substr(3, csv.find("\r\n") - 3);
  EXPECT_NE(header.find("tier_high_spend,tier_high_unit_price,tier_high_loyalty,tier_promo_high_frequency,"
                        "tier_promo_low_frequency,tier_churning,tier_sleeping,winback_tier"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nA,"), std::string::npos);
  const size_t a = csv.find("\r\nA,") + 2;
  const std::string row_a = csv.substr(a, csv.find("\r\n", a) - a);
  // A: high_spend 1, unit price 0 (100 / 2 = 50 < 2 × 1550 / 17), loyalty 1, promo empty, not churning/sleeping.
  EXPECT_NE(row_a.find(",1,0,1,,,0,0,"), std::string::npos) << row_a;
}

TEST(MemberTiers, ShareEdgeCountsCeilAndTies) {
  EXPECT_EQ(share_edge({5, 4, 3, 2, 1}, 0.2, true), 5);
  EXPECT_EQ(share_edge({5, 4, 3, 2, 1}, 0.2, false), 1);
  EXPECT_EQ(share_edge({1, 2, 3, 4, 5, 6}, 0.2, true), 5);  // ceil(1.2) = 2
  // 0.2 × 15 is 3.0000000000000004 in doubles: still 3 values, not 4.
  std::vector<double> fifteen;
  for (int i = 1; i <= 15; ++i) fifteen.push_back(i);
  EXPECT_EQ(share_edge(fifteen, 0.2, true), 13);
  EXPECT_TRUE(std::isnan(share_edge({}, 0.2, true)));
}

TEST(MemberTiers, BadSettingsAreErrors) {
  auto session = test::finished_session(orders_csv(spend_rows(), false));
  for (const json& bad : {json{{"high_spend_share", 0}}, json{{"high_spend_share", 1.5}},
                          json{{"tier_window_days", 0}}, json{{"loyalty_max_gap_days", 2.5}},
                          json{{"high_spend_share", "x"}}}) {
    try {
      session->report(bad);
      ADD_FAILURE() << bad.dump();
    } catch (const HuikeError& e) {
      EXPECT_EQ(e.code(), ErrorCode::E_BAD_OPTION) << bad.dump();
    }
  }
  EXPECT_THROW(session->customers_csv(kOptions, {{"tier", "vip"}}), HuikeError);
}

}  // namespace
}  // namespace huike
