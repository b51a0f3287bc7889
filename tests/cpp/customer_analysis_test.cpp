// Expected values here are worked out by hand from tests/fixtures/small_orders.csv
// (see the comments), not copied from the engine's output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "analysis/customer_analysis.h"
#include "analysis/integer_ranks.h"
#include "core/error.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::fixture_path;
using test::read_bytes;

json small_report(const json& analysis = json::object()) {
  return test::report_of(read_bytes(fixture_path("small_orders.csv")), json::object(), analysis);
}

const json& segment(const json& list, const std::string& key) {
  for (const json& s : list) {
    if (s["key"] == key) return s;
  }
  static const json none;
  ADD_FAILURE() << "no segment " << key;
  return none;
}

TEST(QuintileScores, StrictlyWorseCountRuleAndTies) {
  // b = customers strictly worse; score = 1 + floor(5b/N).
  EXPECT_EQ(quintile_scores({10, 20, 30, 40, 50}, true), (std::vector<uint8_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(quintile_scores({10, 20, 30, 40, 50}, false), (std::vector<uint8_t>{5, 4, 3, 2, 1}));
  // Ties share a score: three 1s have b = 0; the 2 has b = 3 → 1 + floor(15/4) = 4.
  EXPECT_EQ(quintile_scores({1, 1, 1, 2}, true), (std::vector<uint8_t>{1, 1, 1, 4}));
  EXPECT_EQ(quintile_scores({7, 7, 7}, true), (std::vector<uint8_t>{1, 1, 1}));
  // Ten customers: b = 0..9 → 1,1,2,2,3,3,4,4,5,5.
  std::vector<double> ten;
  for (int i = 0; i < 10; ++i) ten.push_back(i);
  EXPECT_EQ(quintile_scores(ten, true), (std::vector<uint8_t>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
}

TEST(SmallShop, InputAccountsForEveryRow) {
  const json input = small_report()["input"];
  EXPECT_EQ(input["rows_read"], 13);
  EXPECT_EQ(input["rows_used"], 9);  // A×3, B×3 (one a return), C, D, E
  EXPECT_EQ(input["return_rows"], 1);
  EXPECT_EQ(input["excluded"]["status_cancelled"]["rows"], 1);
  EXPECT_EQ(input["excluded"]["status_cancelled"]["example_lines"], json::array({9}));
  EXPECT_EQ(input["excluded"]["missing_customer"]["example_lines"], json::array({11}));
  EXPECT_EQ(input["excluded"]["bad_date"]["example_lines"], json::array({12}));
  EXPECT_EQ(input["excluded"]["bad_amount"]["example_lines"], json::array({13}));
  EXPECT_EQ(input["rows_excluded"], 4);
  EXPECT_EQ(input["columns"]["customer"], "customer_id");
  EXPECT_EQ(input["columns"]["order_id"], "order_id");
  EXPECT_EQ(input["columns"]["status"], "status");
  EXPECT_EQ(input["delimiter"], "comma");
  EXPECT_EQ(input["encoding"], "utf-8");
}

TEST(SmallShop, Totals) {
  const json report = small_report();
  const json totals = report["totals"];
  EXPECT_EQ(report["analysis"]["as_of"], "2024-04-01");  // day after the latest purchase (D, 03-31)
  EXPECT_EQ(totals["customers"], 5);
  EXPECT_EQ(totals["orders"], 7);  // A 3, B 1 (two lines of order 4), C, D, E
  // M: A 600, B 75 − 20 = 55, C 1000, D 40, E 1000.50
  EXPECT_DOUBLE_EQ(totals["revenue"].get<double>(), 2695.5);
  EXPECT_DOUBLE_EQ(totals["gross_revenue"].get<double>(), 2715.5);
  EXPECT_DOUBLE_EQ(totals["repeat_rate"].get<double>(), 0.2);  // only A has F ≥ 2
  EXPECT_DOUBLE_EQ(totals["churn_rate"].get<double>(), 0.2);   // only C has R ≥ 365
  EXPECT_NEAR(totals["returning_revenue_share"].get<double>(), 500.0 / 2715.5, 1e-12);  // A's 2nd+3rd
  EXPECT_EQ(totals["return_orders"], 1);
}

TEST(SmallShop, SegmentsCycleAndStatus) {
  const json report = small_report();
  // Means: R (31+46+456+1+12)/5 = 109.2, F 7/5 = 1.4, M 2695.5/5 = 539.1.
  EXPECT_DOUBLE_EQ(report["thresholds"]["recency_days"].get<double>(), 109.2);
  EXPECT_DOUBLE_EQ(report["thresholds"]["frequency"].get<double>(), 1.4);
  EXPECT_DOUBLE_EQ(report["thresholds"]["monetary"].get<double>(), 539.1);
  const json& eight = report["segments"]["eight"];
  EXPECT_EQ(segment(eight, "important_value")["customers"], 1);     // A
  EXPECT_EQ(segment(eight, "important_develop")["customers"], 1);   // E
  EXPECT_EQ(segment(eight, "important_win_back")["customers"], 1);  // C
  EXPECT_EQ(segment(eight, "general_develop")["customers"], 2);     // B, D
  EXPECT_EQ(segment(eight, "general_develop")["name_zh"], "一般发展客户");
  EXPECT_DOUBLE_EQ(segment(eight, "general_develop")["revenue"].get<double>(), 95);
  // Grid from (R score, (F+M+1)/2): A (3,4) loyal, B (2,2) need_attention, C (1,3) at_risk,
  // D (5,1) new, E (4,3) potential_loyalist.
  const json& grid = report["segments"]["grid"];
  for (const char* key : {"loyal", "need_attention", "at_risk", "new", "potential_loyalist"}) {
    EXPECT_EQ(segment(grid, key)["customers"], 1) << key;
  }
  EXPECT_EQ(segment(grid, "champions")["customers"], 0);
  // Only A has 2+ purchase days: (Mar 1 − Jan 1) / 2 = 30 days.
  EXPECT_DOUBLE_EQ(report["purchase_cycle"]["shop_mean_days"].get<double>(), 30);
  // A: own cycle 30, R 31 → active; B: shop cycle, R 46 > 45 → at_risk; C: 456 > 60 → churned.
  EXPECT_EQ(report["status"]["active"], 3);
  EXPECT_EQ(report["status"]["at_risk"], 1);
  EXPECT_EQ(report["status"]["churned"], 1);
  EXPECT_EQ(report["status"]["sleeping"], 1);
}

TEST(SmallShop, SettingsReRunWithoutReRead) {
  const auto session = test::finished_session(read_bytes(fixture_path("small_orders.csv")));
  // Ignoring returns: B's M is 75.
  EXPECT_DOUBLE_EQ(session->report({{"returns", "ignore"}})["totals"]["revenue"].get<double>(), 2715.5);
  // A later analysis date moves everyone's recency by the same days.
  const json later = session->report({{"as_of", "2024-05-01"}});
  EXPECT_EQ(later["analysis"]["as_of"], "2024-05-01");
  EXPECT_DOUBLE_EQ(later["thresholds"]["recency_days"].get<double>(), 109.2 + 30);
  // An earlier date leaves later orders out: as of 2024-03-01, A has 2 orders, D and E none.
  const json earlier = session->report({{"as_of", "2024-03-01"}});
  EXPECT_EQ(earlier["totals"]["customers"], 3);
  EXPECT_EQ(earlier["totals"]["orders"], 4);
  // Custom thresholds: everyone recent (R < 1000), nobody frequent (F > 10), M > 0.
  const json custom = session->report(
      {{"thresholds", "custom"}, {"custom_thresholds", {{"recency", 1000}, {"frequency", 10}, {"monetary", 0}}}});
  EXPECT_EQ(segment(custom["segments"]["eight"], "important_develop")["customers"], 5);
  // Median thresholds: R 31, F 1, M 600. A (31, 3, 600) is neither recent nor high value.
  const json median = session->report({{"thresholds", "median"}});
  EXPECT_DOUBLE_EQ(median["thresholds"]["recency_days"].get<double>(), 31);
  EXPECT_DOUBLE_EQ(median["thresholds"]["monetary"].get<double>(), 600);
  EXPECT_EQ(segment(median["segments"]["eight"], "general_keep")["customers"], 1);
  EXPECT_EQ(segment(median["segments"]["eight"], "general_win_back")["customers"], 1);  // B
}

TEST(SmallShop, CustomersCsvIsExcelReady) {
  const auto session = test::finished_session(read_bytes(fixture_path("small_orders.csv")));
  const std::string csv = session->customers_csv(json::object());
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "customer_id,phone,email,recency_days,frequency,monetary,r_score,f_score,m_score,"
                      "segment_eight,segment_grid,status", 0), 0u);
  EXPECT_NE(csv.find("\r\nA,,,31,3,600.00,3,5,3,important_value,loyal,active,"), std::string::npos);
  EXPECT_NE(csv.find("\r\nC,,,456,1,1000.00,1,1,4,important_win_back,at_risk,churned,yes,"), std::string::npos);
  const std::string churned = session->customers_csv(json::object(), {{"status", "churned"}});
  EXPECT_EQ(std::count(churned.begin(), churned.end(), '\n'), 2);
  const json page = session->customers_page(json::object(), {{"sort", "monetary"}, {"limit", 2}});
  EXPECT_EQ(page["total"], 5);
  ASSERT_EQ(page["rows"].size(), 2u);
  EXPECT_EQ(page["rows"][0]["customer_id"], "E");
  EXPECT_EQ(page["rows"][1]["customer_id"], "C");
}

}  // namespace
}  // namespace huike

namespace huike {
namespace {

// The rule itself, counted the slow way: b = values strictly worse, score = 1 + floor(5b/N).
std::vector<uint8_t> scores_by_counting(const std::vector<double>& values, bool higher_is_better) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint8_t> out;
  for (double v : values) {
    const size_t worse = higher_is_better ? std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin()
                                          : sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), v);
    out.push_back(static_cast<uint8_t>(1 + 5 * worse / values.size()));
  }
  return out;
}

TEST(QuintileScores, EqualTheCountingRuleOnManyShapes) {
  // Integers with many ties (frequency, recency), money with cents over a wide range, values
  // in one narrow band (one histogram bucket), negatives and both zeros.
  std::mt19937_64 rng(14);
  for (int shape = 0; shape < 5; ++shape) {
    for (size_t n : {1u, 2u, 3u, 7u, 100u, 1001u, 20000u}) {
      std::vector<double> values;
      for (size_t i = 0; i < n; ++i) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        switch (shape) {
          case 0: values.push_back(std::floor(1 / (u + 0.02))); break;
          case 1: values.push_back(std::round(std::exp(u * 12) * 100) / 100); break;
          case 2: values.push_back(1000 + u); break;
          case 3: values.push_back(std::round((u - 0.5) * 20)); break;
          default: values.push_back(i % 2 ? 0.0 : -0.0); break;
        }
      }
      for (bool higher : {true, false}) {
        EXPECT_EQ(quintile_scores(values, higher), scores_by_counting(values, higher)) << "shape " << shape << ", n " << n;
      }
    }
  }
}

// Recency and frequency are counted (integer_ranks.h), not sorted: the same rule, the same
// means and medians as a sort of the values gives.
IntegerRanks counted(const std::vector<int64_t>& values, uint64_t limit) {
  IntegerRanks ranks;
  for (int64_t v : values) ranks.see(v);
  EXPECT_TRUE(ranks.fits(limit));
  ranks.start();
  for (int64_t v : values) ranks.add(v);
  ranks.finish();
  return ranks;
}

TEST(IntegerRanks, ScoresMeansAndMediansEqualTheSortingRule) {
  std::mt19937_64 rng(41);
  for (int shape = 0; shape < 3; ++shape) {
    for (size_t n : {1u, 2u, 5u, 6u, 101u, 5000u}) {
      std::vector<int64_t> values;
      for (size_t i = 0; i < n; ++i) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        values.push_back(shape == 0 ? static_cast<int64_t>(1 / (u + 0.02))        // frequency-like ties
                         : shape == 1 ? static_cast<int64_t>(u * 3000) + 1          // recency days
                                      : static_cast<int64_t>((u - 0.5) * 40));      // negatives, zero
      }
      const IntegerRanks ranks = counted(values, 1u << 20);
      const std::vector<double> as_doubles(values.begin(), values.end());
      for (bool higher : {true, false}) {
        const std::vector<uint8_t> want = scores_by_counting(as_doubles, higher);
        for (size_t i = 0; i < n; ++i) ASSERT_EQ(ranks.score(values[i], higher), want[i]) << shape << ' ' << n << ' ' << i;
      }
      std::vector<double> sorted = as_doubles;
      std::sort(sorted.begin(), sorted.end());
      const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2] + sorted[n / 2 - 1]) / 2;
      double sum = 0;
      for (double v : as_doubles) sum += v;
      EXPECT_EQ(ranks.median(), median) << shape << ' ' << n;
      EXPECT_EQ(ranks.mean(), sum / static_cast<double>(n)) << shape << ' ' << n;
    }
  }
  // By hand: 1, 1, 2, 9 — worse than 9 (higher better) are 3 values: 1 + 15/4 = 4.
  const IntegerRanks hand = counted({9, 1, 2, 1}, 100);
  EXPECT_EQ(hand.score(9, true), 4);
  EXPECT_EQ(hand.score(1, true), 1);
  EXPECT_EQ(hand.score(1, false), 3);  // 2 worse (2 and 9): 1 + 10/4
  EXPECT_EQ(hand.median(), 1.5);
  EXPECT_EQ(hand.mean(), 3.25);
  // Nothing to count, or a span of `limit` integers or more: the caller sorts instead.
  EXPECT_FALSE(IntegerRanks().fits(100));
  IntegerRanks wide;
  wide.see(0);
  wide.see(99);
  EXPECT_TRUE(wide.fits(100));
  wide.see(100);
  EXPECT_FALSE(wide.fits(100));
}

TEST(MedianOf, TheMiddleOfTheSortedValues) {
  EXPECT_EQ(median_of({}), 0);
  EXPECT_EQ(median_of({3, 1, 2}), 2);
  EXPECT_EQ(median_of({4, 1, 3, 2}), 2.5);  // (2 + 3) / 2
  std::mt19937_64 rng(9);
  for (size_t n : {5u, 6u, 999u, 1000u}) {
    std::vector<double> values;
    for (size_t i = 0; i < n; ++i) values.push_back(std::round(std::uniform_real_distribution<double>(0, 50)(rng)));
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double want = n % 2 ? sorted[n / 2] : (sorted[n / 2] + sorted[n / 2 - 1]) / 2;
    EXPECT_EQ(median_of(values), want) << n;
  }
}

// CustomerMetrics keeps days in 23 bits: the earliest and latest dates a file may hold
// (date_column.cpp: years 1900-2200) come back whole, and so do days far beyond them. Day
// numbers by Python's datetime: 1900-01-01 is 25,567 days before 1970-01-01, 2200-12-31 is
// 84,370 after, 109,937 apart; 1000-01-01 is 354,285 before, 9999-12-31 2,932,896 after.
TEST(CustomerMetricsDays, TheFarthestDatesComeBackWhole) {
  const std::string csv =
      "customer_id,order_id,order_date,amount\n"
      "A,1,1900-01-01,10\nA,2,2200-12-31,20\nB,3,2050-06-15,5\n";
  const json report = test::report_of(csv);
  EXPECT_EQ(report["purchase_cycle"]["shop_mean_days"].get<double>(), 109937);
  EXPECT_EQ(report["analysis"]["first_order_date"], "1900-01-01");
  EXPECT_EQ(report["analysis"]["last_order_date"], "2200-12-31");
  OrderTable t;
  const uint32_t a = t.customer_ids.intern("A");
  t.orders = {{10, a, -354285}, {20, a, 2932896}};
  const CustomerOrders grouped = group_by_customer(t);
  const ShopAnalysis shop = analyze_customers(t, grouped, AnalysisOptions{});
  EXPECT_EQ(shop.customers[a].first_day, -354285);
  EXPECT_EQ(shop.customers[a].last_day, 2932896);
  EXPECT_EQ(shop.customers[a].purchase_days, 2u);
  EXPECT_EQ(shop.customers[a].recency_days(shop.as_of_day), 1);
}

// A table built by hand with a day past 23 bits is refused, not cut.
TEST(CustomerMetricsDays, ADayPast23BitsIsRefused) {
  for (const int32_t day : {kMaxMetricsDay + 1, kMinMetricsDay - 1}) {
    OrderTable t;
    const uint32_t a = t.customer_ids.intern("A");
    t.orders = {{10, a, 0}, {20, a, day}};
    const CustomerOrders grouped = group_by_customer(t);
    try {
      analyze_customers(t, grouped, AnalysisOptions{});
      ADD_FAILURE() << "day " << day << " was accepted";
    } catch (const HuikeError& e) {
      EXPECT_EQ(e.code(), ErrorCode::E_INTERNAL);
    }
  }
}

}  // namespace
}  // namespace huike
