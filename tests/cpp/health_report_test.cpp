// The report sections and exports of the health view on the hand-made shop of
// health_test.cpp (same orders; the figures are worked out there and repeated here).
#include <gtest/gtest.h>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

constexpr const char* kShop =
    "customer_id,order_date,amount\n"
    "A,2024-01-05,100\nE,2024-01-10,300\nA,2024-01-20,30\nB,2024-01-31,50\nB,2024-02-01,20\n"
    "E,2024-02-15,200\nA,2024-04-10,40\nC,2024-04-15,60\nE,2024-04-18,50\nD,2024-05-03,10\n"
    "B,2024-05-03,125\nA,2024-05-10,80\n";

TEST(HealthReport, MonthlyAndCohortSections) {
  const json report = test::finished_session(kShop)->report(json::object());
  const json& monthly = report["health"]["monthly"];
  ASSERT_EQ(monthly.size(), 5u);
  EXPECT_EQ(monthly[2]["month"], "2024-03");
  EXPECT_TRUE(monthly[2]["returning_revenue_share"].is_null());  // no revenue in March
  EXPECT_EQ(monthly[4]["end"], "2024-05-10");
  EXPECT_EQ(monthly[4]["complete"], false);
  EXPECT_DOUBLE_EQ(monthly[4]["returning_revenue_share"].get<double>(), 205.0 / 215);
  EXPECT_DOUBLE_EQ(monthly[3]["returning_revenue_share"].get<double>(), 90.0 / 150);
  EXPECT_FALSE(report["health"].contains("weekly"));
  const json& cohorts = report["health"]["cohorts"];
  EXPECT_EQ(cohorts["months"], json::array({"2024-01", "2024-04", "2024-05"}));
  EXPECT_EQ(cohorts["sizes"], json::array({3, 1, 1}));
  EXPECT_DOUBLE_EQ(cohorts["retention"][0][1].get<double>(), 2.0 / 3);
  // (480 + 220 + 0 + 90 + 205) / 3 = 331.666… → 331.67
  EXPECT_DOUBLE_EQ(cohorts["revenue_per_customer_cumulative"][0][4].get<double>(), 331.67);
  EXPECT_EQ(cohorts["last_diagonal_incomplete"], true);
  EXPECT_EQ(cohorts["last_month"], "2024-05");
  // As of June 1 May has ended: the last diagonal is complete.
  const json june = test::finished_session(kShop)->report({{"as_of", "2024-06-01"}});
  EXPECT_EQ(june["health"]["cohorts"]["last_diagonal_incomplete"], false);
  EXPECT_EQ(june["health"]["monthly"][4]["end"], "2024-05-31");
  const json weekly = test::finished_session(kShop)->report({{"period", "week"}});
  EXPECT_EQ(weekly["health"]["weekly"].size(), 19u);
  EXPECT_EQ(weekly["health"]["weekly"][4]["week"], "2024-01-29");
}

TEST(HealthReport, MigrationSectionAndTheSentencesNumbers) {
  const json report = test::finished_session(kShop)->report({{"compare_as_of", "2024-04-20"}});
  const json& m = report["migration"];
  EXPECT_EQ(m["earlier"]["as_of"], "2024-04-20");
  EXPECT_EQ(m["later"]["as_of"], "2024-05-11");
  EXPECT_EQ(m["earlier"]["customers"], 4);
  EXPECT_DOUBLE_EQ(m["earlier"]["thresholds"]["monetary"].get<double>(), 212.5);
  EXPECT_DOUBLE_EQ(m["later"]["thresholds"]["recency_days"].get<double>(), 13.2);
  EXPECT_EQ(m["eight"]["rows"][0], "new");
  EXPECT_EQ(m["eight"]["customers"].size(), 9u);
  EXPECT_EQ(m["grid"]["customers"].size(), 12u);
  // D new → general_develop (column 5).
  EXPECT_EQ(m["eight"]["customers"][0][5], 1);
  const json& h = m["highlights"];
  EXPECT_EQ(h["moved_into_important_value"], 1);                               // A
  EXPECT_EQ(h["moved_into_important_value_from"], json({{"general_value", 1}}));
  EXPECT_EQ(h["left_important_value"], 1);                                     // E
  EXPECT_EQ(h["left_important_value_to"], json({{"important_keep", 1}}));
  EXPECT_EQ(h["important_value_now_important_win_back"], 0);
  // The default earlier date is 90 days before the analysis date: 2024-02-11.
  EXPECT_EQ(test::finished_session(kShop)->report(json::object())["migration"]["earlier"]["as_of"], "2024-02-11");
}

TEST(HealthReport, BadOptionsAreErrors) {
  const auto session = test::finished_session(kShop);
  session->report(json::object());  // cached: options that are not an object still fail
  for (const json& options : {json{{"compare_as_of", "2024-05-11"}}, json{{"compare_as_of", "2024-13-01"}},
                              json{{"period", "day"}}, json::array({1})}) {
    try {
      session->report(options);
      ADD_FAILURE() << options.dump();
    } catch (const HuikeError& e) {
      EXPECT_EQ(e.code(), ErrorCode::E_BAD_OPTION) << options.dump();
    }
  }
}

TEST(HealthReport, Exports) {
  const auto session = test::finished_session(kShop);
  const std::string cohorts = session->cohorts_csv(json::object());
  EXPECT_EQ(cohorts.rfind("\xEF\xBB\xBF" "cohort,customers,measure,month_0,month_1,month_2,month_3,month_4,"
                          "last_cell_incomplete\r\n", 0), 0u);
  EXPECT_NE(cohorts.find("\r\n2024-01,3,buyers,3,2,0,2,2,yes\r\n"), std::string::npos);
  EXPECT_NE(cohorts.find("\r\n2024-01,3,retention,1.0000,0.6667,0.0000,0.6667,0.6667,yes\r\n"), std::string::npos);
  EXPECT_NE(cohorts.find("\r\n2024-04,1,buyers,1,0,,,,yes\r\n"), std::string::npos);
  const std::string moves = session->migration_csv({{"compare_as_of", "2024-04-20"}});
  EXPECT_NE(moves.find("\r\nD,new,general_develop,yes,"), std::string::npos);
  EXPECT_NE(moves.find("\r\nE,important_value,important_keep,yes,"), std::string::npos);
  EXPECT_NE(moves.find("\r\nA,general_value,important_value,yes,"), std::string::npos);
  EXPECT_EQ(std::count(moves.begin(), moves.end(), '\n'), 6);  // header + 5 customers
  // The customers CSV carries the segment at the earlier date too.
  const std::string customers = session->customers_csv({{"compare_as_of", "2024-04-20"}});
  EXPECT_NE(customers.find(",segment_grid_zh,segment_eight_before,"), std::string::npos);
  EXPECT_NE(customers.find(",一般发展客户,有潜力客户,new,"), std::string::npos);  // D
}

}  // namespace
}  // namespace huike
