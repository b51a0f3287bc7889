// Product roles and the promotion audience (issue 9) on a hand-made file; the figures,
// cuts and roles are worked out by hand below.
#include <map>
#include <string>

#include "analysis/product_roles.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike::test {
namespace {

// Analysis date 2025-01-01: growth windows 2024-10-03..12-31 (recent) and 2024-07-05..10-02
// (before); the potential window starts 2024-07-05. Each row is one order of one product;
// customers are named by product letter. (2024 is a leap year.)
//   P01 Tea Gift Box  a1-a5 on 01-10 and 03-10, 100 each: 10 orders, revenue 1000, share 5/5
//   P02 Cup           b1-b8 on 02-01, b1 b2 again 04-01, 80: 10 orders, 800, share 2/8
//   P03 Teapot        c1-c4 on 01-15 and 04-15, 100: 8 orders, 800, share 1
//   P04 Sample Pack   d1-d10 on 02-10, 20 for 2 units: 10 orders, 200, 20 units (price 10), share 0
//   P05 Green Tea     e1-e10 on 03-01, 30: 10 orders, 300, share 0
//   P06 Black Tea     f1-f9 on 03-05, f1 again 05-05, 54: 10 orders, 540, share 1/9
//   P07 Oolong        g1-g12 on 11-01 (recent), g1-g4 also 08-01 (before), 25: 16 orders, 400,
//                     share 4/12, growth (300−100)/100 = +200%, 16 orders since 07-05;
//                     first-order buyers 0 (their first day bought P08)
//   P08 Tea Towel     g1-g12 on 01-05, 10: 12 orders, 120, first-order buyers 12, all repeat later
//   P09 Spoon         h1-h5 on 05-01, 40: 5 orders, 200, share 0
//   P10 Kettle        i1-i6 on 05-10, i1 i2 again 06-10, 37.5: 8 orders, 300, share 2/6
//   P11 Tray          j1-j4 on 06-01, 35: 4 orders → too_few_orders
// Classified: P01-P10 (N = 10; a top 20% holds products with fewer than 2 above).
//   Revenue desc 1000 800 800 540 400 300 300 200 200 120 → top: P01, P02 and P03 (the two
//   800s tie at the edge, 1 above each); cut 800. Bottom 50% (fewer than 5 below):
//   P08 (0), P04 P09 (1), P05 P10 (3) → cut 300.
//   First-order buyers desc 12 (P08) 10 (P04) 10 (P05) 9 (P06) 8 6 5 5 4 0 → top: P08, P04, P05
//   (tie at the edge); cut 10.
//   Repeat-buyer share, with median_min_buyers = 4 all ten count: 0 0 0 0 1/9 1/4 1/3 1/3 1 1
//   → median (1/9 + 1/4) / 2 = 13/72. (With the default 10: P04 P05 P07 P08 → 0 0 0 1/3 → 0.)
//   Unit price 10 10 25 30 37.5 40 54 80 100 100 → median 38.75.
// Roles: P01 P02 P03 profit (top revenue, share ≥ 13/72); P04 P05 P08 traffic (top first-order
// buyers, price ≤ 38.75); P07 potential; P09 edge (bottom revenue, 0 < 13/72); P06 regular
// (not bottom: 540); P10 regular (bottom, but 1/3 ≥ 13/72); P11 too_few_orders.
std::string roles_csv() {
  std::string csv = "customer,date,amount,product,quantity\n";
  const auto rows = [&](char letter, int from, int to, const char* date, const char* amount, const char* product,
                        const char* quantity = "1") {
    for (int i = from; i <= to; ++i) {
      csv += letter + std::to_string(i) + "," + date + "," + amount + "," + product + "," + quantity + "\n";
    }
  };
  rows('a', 1, 5, "2024-01-10", "100", "Tea Gift Box");
  rows('a', 1, 5, "2024-03-10", "100", "Tea Gift Box");
  rows('b', 1, 8, "2024-02-01", "80", "Cup");
  rows('b', 1, 2, "2024-04-01", "80", "Cup");
  rows('c', 1, 4, "2024-01-15", "100", "Teapot");
  rows('c', 1, 4, "2024-04-15", "100", "Teapot");
  rows('d', 1, 10, "2024-02-10", "20", "Sample Pack", "2");
  rows('e', 1, 10, "2024-03-01", "30", "Green Tea");
  rows('f', 1, 9, "2024-03-05", "54", "Black Tea");
  rows('f', 1, 1, "2024-05-05", "54", "Black Tea");
  rows('g', 1, 12, "2024-01-05", "10", "Tea Towel");
  rows('g', 1, 4, "2024-08-01", "25", "Oolong");
  rows('g', 1, 12, "2024-11-01", "25", "Oolong");
  rows('h', 1, 5, "2024-05-01", "40", "Spoon");
  rows('i', 1, 6, "2024-05-10", "37.5", "Kettle");
  rows('i', 1, 2, "2024-06-10", "37.5", "Kettle");
  rows('j', 1, 4, "2024-06-01", "35", "Tray");
  return csv;
}

struct RolesRun {
  std::unique_ptr<Session> session;
  ShopAnalysis shop;
  ProductRolesResult roles;
  const ProductFigures& product(const std::string& name) const {
    for (const ProductFigures& f : roles.products) {
      if (session->table().products.names.at(f.product) == name) return f;
    }
    throw std::runtime_error("no product " + name);
  }
};

RolesRun run(const ProductRolesOptions& options) {
  RolesRun r;
  r.session = finished_session(roles_csv());
  AnalysisOptions analysis;
  EXPECT_TRUE(parse_iso_day("2025-01-01", *(analysis.as_of_day = 0)));
  r.shop = analyze_customers(r.session->table(), r.session->grouped(), analysis);
  r.roles = product_roles(r.session->table(), r.shop, options);
  return r;
}

ProductRolesOptions four_buyers() {
  ProductRolesOptions options;
  options.median_min_buyers = 4;
  return options;
}

TEST(ProductRoles, FiguresOfHandMadeShop) {
  const RolesRun r = run(four_buyers());
  ASSERT_TRUE(r.roles.available);
  const ProductFigures& cup = r.product("Cup");
  EXPECT_EQ(cup.orders, 10u);
  EXPECT_EQ(cup.buyers, 8u);
  EXPECT_EQ(cup.repeat_buyers, 2u);
  EXPECT_EQ(cup.first_order_buyers, 8u);
  EXPECT_DOUBLE_EQ(cup.repeat_rate_of_first_buyers(), 0.25);
  EXPECT_DOUBLE_EQ(cup.revenue, 800);
  EXPECT_DOUBLE_EQ(cup.average_unit_price(), 80);
  const ProductFigures& pack = r.product("Sample Pack");
  EXPECT_DOUBLE_EQ(pack.units, 20);
  EXPECT_DOUBLE_EQ(pack.average_unit_price(), 10);
  const ProductFigures& oolong = r.product("Oolong");
  EXPECT_EQ(oolong.orders, 16u);
  EXPECT_EQ(oolong.first_order_buyers, 0u);
  EXPECT_DOUBLE_EQ(oolong.revenue_recent, 300);
  EXPECT_DOUBLE_EQ(oolong.revenue_previous, 100);
  EXPECT_DOUBLE_EQ(oolong.growth(), 2.0);
  EXPECT_EQ(oolong.recent_orders, 16u);
  const ProductFigures& towel = r.product("Tea Towel");
  EXPECT_EQ(towel.first_order_buyers, 12u);
  EXPECT_DOUBLE_EQ(towel.repeat_rate_of_first_buyers(), 1.0);
  EXPECT_TRUE(std::isnan(r.product("Spoon").growth()));  // no revenue in either window
}

TEST(ProductRoles, RolesCutsAndTiesAtTheEdges) {
  const RolesRun r = run(four_buyers());
  EXPECT_EQ(r.roles.classified, 10u);
  EXPECT_DOUBLE_EQ(r.roles.repeat_share_median, 13.0 / 72.0);
  EXPECT_EQ(r.roles.repeat_share_median_products, 10u);
  EXPECT_DOUBLE_EQ(r.roles.unit_price_median, 38.75);
  EXPECT_DOUBLE_EQ(r.roles.profit_revenue_cut, 800);
  EXPECT_DOUBLE_EQ(r.roles.traffic_first_buyers_cut, 10);
  EXPECT_DOUBLE_EQ(r.roles.edge_revenue_cut, 300);
  const std::map<std::string, std::string> expected = {
      {"Tea Gift Box", "profit"}, {"Cup", "profit"},        {"Teapot", "profit"},    {"Sample Pack", "traffic"},
      {"Green Tea", "traffic"},   {"Tea Towel", "traffic"}, {"Oolong", "potential"}, {"Spoon", "edge"},
      {"Black Tea", "regular"},   {"Kettle", "regular"},    {"Tray", "too_few_orders"}};
  for (const auto& [name, role] : expected) EXPECT_EQ(product_role_key(r.product(name).role), role) << name;
  const std::array<uint32_t, kProductRoleCount> counts = {3, 3, 1, 1, 2, 1};
  EXPECT_EQ(r.roles.role_counts, counts);
}

TEST(ProductRoles, DefaultMedianOverProductsWithTenBuyers) {
  const RolesRun r = run({});
  // P04 P05 P07 P08 have 10+ buyers: shares 0 0 1/3 0 → median 0; then every top-revenue
  // product is profit (share ≥ 0) and no product is edge (share < 0 never holds).
  EXPECT_EQ(r.roles.repeat_share_median_products, 4u);
  EXPECT_DOUBLE_EQ(r.roles.repeat_share_median, 0);
  EXPECT_EQ(r.roles.role_counts[static_cast<int>(ProductRole::edge)], 0u);
  EXPECT_EQ(product_role_key(r.product("Spoon").role), std::string("regular"));
}

// Median purchase order value over the 103 orders: ascending 10×12, 20×10, 25×16, 30×10,
// 35×4, … → the 52nd is 35. One-order customers are lapsed by the shop's cycle:
// 26 customers with 2+ days, cycles a 5×60, b1 b2 60, c 4×91, f1 61, g1-g4 (3 days, 301/2),
// g5-g12 301, i1 i2 31 → sum 3917 / 26 = 150.65; at risk R > 225.98, churned R > 301.3.
//   d1-d10 (02-10, R 326, churned, 20 ≤ 35, traffic Sample Pack) → in;
//   e1-e10 (03-01, R 306, churned, 30 ≤ 35, traffic Green Tea) → in;
//   h1-h5 (05-01, R 245, at risk, edge Spoon, but 40 > 35) → out. Audience: 20.
TEST(ProductRoles, PromotionAudience) {
  const RolesRun r = run(four_buyers());
  EXPECT_DOUBLE_EQ(r.roles.median_order_value, 35);
  EXPECT_NEAR(r.shop.shop_cycle_mean, 3917.0 / 26.0, 1e-9);
  ASSERT_EQ(r.roles.audience.size(), 20u);
  for (size_t i = 0; i < r.roles.audience.size(); ++i) {
    const std::string id(r.session->table().customer_id(r.roles.audience[i]));
    EXPECT_TRUE(id[0] == 'd' || id[0] == 'e') << id;
    ASSERT_EQ(r.roles.products_of_member(i).size(), 1u);
    const std::string product(r.session->table().products.names.at(r.roles.products_of_member(i)[0]));
    EXPECT_EQ(product, id[0] == 'd' ? "Sample Pack" : "Green Tea");
  }
  ProductRolesOptions dearer = four_buyers();
  // With the median over 10+ buyers (0), Spoon is no longer edge and Sample Pack / Green Tea
  // stay traffic: still 20.
  EXPECT_EQ(run({}).roles.audience.size(), 20u);
  // Top 5% of 10 (fewer than 0.5 above): Tea Towel alone is traffic, its buyers have 2+
  // orders; no bottom share: no edge product. Nobody is left.
  dearer.traffic_top_share = 0.05;
  dearer.edge_bottom_share = 0;
  EXPECT_EQ(run(dearer).roles.audience.size(), 0u);
}

TEST(ProductRoles, SessionPagesAndExports) {
  const auto session = finished_session(roles_csv());
  const nlohmann::json options = {{"as_of", "2025-01-01"}, {"median_min_buyers", 4}};
  const nlohmann::json report = session->report(options)["products"];
  EXPECT_EQ(report["products"], 11);
  EXPECT_EQ(report["roles"]["traffic"]["count"], 3);
  EXPECT_EQ(report["roles"]["traffic"]["top"][0]["product"], "Green Tea");  // 300 > 200 > 120
  EXPECT_EQ(report["audience"]["customers"], 20);
  EXPECT_EQ(report["cuts"]["unit_price_median"], 38.75);
  const nlohmann::json page =
      session->products_page(options, {{"sort", "first_order_buyers"}, {"role", "traffic"}, {"limit", 2}});
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["rows"].size(), 2u);
  EXPECT_EQ(page["rows"][0]["product"], "Tea Towel");  // 12 first-order buyers
  EXPECT_EQ(page["rows"][1]["first_order_buyers"], 10);
  EXPECT_THROW(session->products_page(options, {{"sort", "profit"}}), HuikeError);
  EXPECT_THROW(session->products_page(options, {{"role", "star"}}), HuikeError);
  const std::string csv = session->products_csv(options);
  EXPECT_NE(csv.find("\r\nCup,profit,10,10.00,800.00,8,8,0.2500,0.2500,80.00,0.00,0.00,,0,no\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\nOolong,potential,16,16.00,400.00,12,0,,0.3333,25.00,300.00,100.00,2.0000,16,no\r\n"),
            std::string::npos);
  const std::string audience = session->promotion_audience_csv(options);
  EXPECT_EQ(std::count(audience.begin(), audience.end(), '\n'), 21);  // header + 20
  // d1: 20.00 on 2024-02-10, 326 days, churned, Sample Pack.
  EXPECT_NE(audience.find("\r\nd1,20.00,2024-02-10,326,churned,Sample Pack,,,platform_message\r\n"), std::string::npos) << audience;
}

TEST(ProductRoles, NoProductColumn) {
  auto session = finished_session("customer,date,amount\nA,2024-01-01,10\n");
  const ShopAnalysis shop = analyze_customers(session->table(), session->grouped(), {});
  const ProductRolesResult roles = product_roles(session->table(), shop, {});
  EXPECT_FALSE(roles.available);
  EXPECT_EQ(session->report({})["products"]["reason"], "no_product_column");
  EXPECT_TRUE(roles.products.empty());
  EXPECT_TRUE(roles.audience.empty());
}

}  // namespace
}  // namespace huike::test
