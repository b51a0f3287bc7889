// Every bad option is an E_BAD_OPTION that names it (issue 13): NaN passes every `<= 0`
// test, 99999999999 wraps when read as an int, and a date before every order gave an
// empty report that looked like an empty shop.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

const char* kOrders =
    "customer_id,order_id,order_date,amount\n"
    "A,1,2024-01-01,100\n"
    "B,2,2024-02-01,50\n";

// The message of the E_BAD_OPTION the analysis options raise, or "" when none.
std::string refusal(const json& analysis, const json& ingest = json::object()) {
  try {
    test::report_of(kOrders, ingest, analysis);
  } catch (const HuikeError& e) {
    EXPECT_EQ(std::string(e.code_name()), "E_BAD_OPTION") << e.what();
    return e.what();
  }
  return "";
}

TEST(BadOptions, NotANumberIsRefusedNotPassedOn) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(refusal({{"at_risk_multiplier", nan}}).find("at_risk_multiplier"), std::string::npos);
  EXPECT_NE(refusal({{"churned_multiplier", std::numeric_limits<double>::infinity()}}).find("churned_multiplier"),
            std::string::npos);
  EXPECT_NE(refusal({{"thresholds", "custom"}, {"custom_thresholds", {{"recency", nan}, {"frequency", 1}, {"monetary", 1}}}})
                .find("recency"),
            std::string::npos);
  EXPECT_NE(refusal({{"at_risk_multiplier", "1.5"}}).find("must be a number"), std::string::npos);
}

TEST(BadOptions, OutOfRangeWholeNumbersDoNotWrap) {
  EXPECT_NE(refusal({{"churn_window_days", 99999999999.0}}).find("from 1 to 36500"), std::string::npos);
  EXPECT_NE(refusal({{"churn_window_days", 0}}).find("churn_window_days"), std::string::npos);
  EXPECT_NE(refusal({{"churn_window_days", 30.5}}).find("whole number"), std::string::npos);
  EXPECT_NE(refusal({{"at_risk_multiplier", 0}}).find("at_risk_multiplier"), std::string::npos);
  EXPECT_EQ(refusal({{"churn_window_days", 36500}, {"at_risk_multiplier", 0.5}}), "");  // the edges are fine
}

TEST(BadOptions, AnAnalysisDateBeforeEveryOrderIsSaid) {
  const std::string why = refusal({{"as_of", "0001-01-01"}});
  EXPECT_NE(why.find("0001-01-01"), std::string::npos) << why;
  EXPECT_NE(why.find("2024-01-01"), std::string::npos) << why;  // the first purchase, for the user to compare
  EXPECT_NE(refusal({{"as_of", "2024-01-01"}}), "");           // on the first day: nothing before it yet
  // The day after the first purchase has one customer to analyse.
  EXPECT_EQ(test::report_of(kOrders, json::object(), {{"as_of", "2024-01-02"}})["totals"]["customers"], 1);
}

TEST(BadOptions, OneColumnForTwoRolesIsRefusedByName) {
  const std::string why = refusal(json::object(), {{"columns", {{"customer", "order_id"}, {"date", "order_id"}}}});
  EXPECT_NE(why.find("'order_id' is mapped to both"), std::string::npos) << why;
  // Moving a detected column to another role is still allowed (the detected role gives way).
  EXPECT_EQ(refusal(json::object(), {{"columns", {{"customer", "order_id"}}}}), "");
}

}  // namespace
}  // namespace huike
