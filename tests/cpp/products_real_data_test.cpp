// The UCI Online Retail II subset against independent code in this test: its own CSV
// split, orders keyed by (invoice, customer), purchases = orders whose lines sum to ≥ 0.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/product_roles.h"
#include "analysis/replenishment.h"
#include "test_support.h"

namespace huike::test {
namespace {

std::string strip(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

// "12/6/2009 10:30" (month first) → a day number (any monotone count of days will do).
int day_number(const std::string& text) {
  int m, d, y;
  if (std::sscanf(text.c_str(), "%d/%d/%d", &m, &d, &y) != 3) return -1;
  // Days from civil (Howard Hinnant's algorithm), written out again here.
  y -= m <= 2;
  const int era = y / 400, yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + (yoe * 365 + yoe / 4 - yoe / 100 + doy) - 719468;
}

struct Line {
  std::string order, customer, product;
  int day;
  double quantity, revenue;
};

struct Expected {
  uint32_t orders = 0, buyers = 0, repeat_buyers = 0, first_order_buyers = 0;
  double units = 0, revenue = 0;
};

TEST(ProductsRealData, OnlineRetailFiguresAndLearnedProducts) {
  const std::string bytes = read_bytes(shared_data_path("online-retail-ii/online_retail_II_subset.csv"));
  ASSERT_GT(bytes.size(), 1000u) << "the UCI subset is needed for this test";
  std::vector<Line> lines;
  std::map<std::pair<std::string, std::string>, double> order_sum;
  std::istringstream in(bytes);
  std::string text;
  std::getline(in, text);  // header: Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country
  while (std::getline(in, text)) {
    const std::vector<std::string> c = split_csv_line(text);
    if (c.size() < 8 || strip(c[6]).empty()) continue;
    const double quantity = std::stod(c[3]), price = std::stod(c[5]);
    if (c[0][0] == 'C' && quantity * price >= 0) continue;  // a cancellation invoice with a positive amount
    lines.push_back({strip(c[0]), strip(c[6]), strip(c[2]), day_number(c[4]), quantity, quantity * price});
    order_sum[{lines.back().order, lines.back().customer}] += quantity * price;
  }
  // Purchases and each customer's first purchase day.
  std::map<std::string, int> first_day, last_day;
  std::vector<const Line*> bought;
  for (const Line& l : lines) {
    if (order_sum[{l.order, l.customer}] < 0) continue;
    auto [it, added] = first_day.emplace(l.customer, l.day);
    if (!added) it->second = std::min(it->second, l.day);
    last_day[l.customer] = std::max(last_day[l.customer], l.day);
    if (!l.product.empty()) bought.push_back(&l);
  }
  std::map<std::string, Expected> expected;
  std::map<std::string, std::set<std::string>> orders_of;
  std::map<std::string, std::map<std::string, std::map<int, double>>> days_of;  // product → customer → day → qty
  for (const Line* l : bought) {
    Expected& e = expected[l->product];
    orders_of[l->product].insert(l->order + "\x1f" + l->customer);
    e.units += l->quantity;
    e.revenue += l->revenue;
    days_of[l->product][l->customer][l->day] += l->quantity > 0 ? l->quantity : 0;
  }
  for (auto& [product, e] : expected) {
    e.orders = static_cast<uint32_t>(orders_of[product].size());
    for (const auto& [customer, days] : days_of[product]) {
      ++e.buyers;
      e.repeat_buyers += days.size() >= 2;
      e.first_order_buyers += days.count(first_day[customer]) > 0;
    }
  }

  auto session = finished_session(bytes);
  const OrderTable& table = session->table();
  const ShopAnalysis shop = analyze_customers(table, session->grouped(), {});
  const ProductRolesResult roles = product_roles(table, shop, {});
  ASSERT_TRUE(roles.available);
  size_t compared = 0;
  for (const ProductFigures& f : roles.products) {
    const std::string name(table.products.names.at(f.product));
    if (f.orders == 0) {  // only in returns
      EXPECT_FALSE(expected.count(name)) << name;
      continue;
    }
    ASSERT_TRUE(expected.count(name)) << name;
    const Expected& e = expected[name];
    EXPECT_EQ(f.orders, e.orders) << name;
    EXPECT_EQ(f.buyers, e.buyers) << name;
    EXPECT_EQ(f.repeat_buyers, e.repeat_buyers) << name;
    EXPECT_EQ(f.first_order_buyers, e.first_order_buyers) << name;
    EXPECT_NEAR(f.units, e.units, 1e-6) << name;
    EXPECT_NEAR(f.revenue, e.revenue, 1e-6 * std::max(1.0, std::fabs(e.revenue))) << name;
    ++compared;
  }
  EXPECT_EQ(compared, expected.size());
  EXPECT_GT(compared, 1000u);

  // Learned days per unit: products with 20+ customers on 2+ days (quantity > 0 days only).
  std::map<std::string, double> learned;
  for (const auto& [product, customers] : days_of) {
    std::vector<double> intervals;
    int repeaters = 0;
    for (const auto& [customer, days] : customers) {
      std::vector<std::pair<int, double>> d;
      for (const auto& [day, qty] : days) {
        if (qty > 0) d.emplace_back(day, qty);
      }
      if (d.size() < 2) continue;
      ++repeaters;
      for (size_t k = 0; k + 1 < d.size(); ++k) intervals.push_back((d[k + 1].first - d[k].first) / d[k].second);
    }
    if (repeaters < 20) continue;
    std::sort(intervals.begin(), intervals.end());
    const size_t n = intervals.size();
    learned[product] = n % 2 ? intervals[n / 2] : (intervals[n / 2 - 1] + intervals[n / 2]) / 2;
  }
  const ReplenishmentResult r = replenishment(table, shop, {}, {});
  std::map<std::string, double> engine_learned;
  for (const LearnedProduct& p : r.products_seen) {
    if (p.learned) engine_learned[std::string(table.products.names.at(p.product))] = p.median;
  }
  ASSERT_FALSE(learned.empty());
  ASSERT_EQ(engine_learned.size(), learned.size());
  for (const auto& [product, median] : learned) {
    ASSERT_TRUE(engine_learned.count(product)) << product;
    EXPECT_NEAR(engine_learned[product], median, 1e-9) << product;
  }
}

}  // namespace
}  // namespace huike::test
