// set_churn_window (issue 14): the churned counts for another window, from the recency
// tables kept by the walk, equal a fresh analyze_health with that window — for months and
// weeks, windows shorter than a week up to longer than the data, and an analysis date
// inside the data. Expected values: analyze_health run with each window from scratch.
#include <gtest/gtest.h>

#include <vector>

#include "../../bench/btyd_export.h"
#include "analysis/health.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

void expect_same_series(const std::vector<PeriodPoint>& got, const std::vector<PeriodPoint>& want, int32_t window) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].churned_customers, want[k].churned_customers) << "period " << k << ", window " << window;
    EXPECT_EQ(got[k].customers_to_date, want[k].customers_to_date) << "period " << k;
  }
}

TEST(HealthRechurn, AnyWindowEqualsAFreshWalk) {
  const auto session = test::finished_session(bench::btyd_export_text({20000, 5, false, false}));
  const OrderTable& table = session->table();
  int32_t last = INT32_MIN;
  for (const Order& order : table.orders) last = std::max(last, order.day);
  for (const int32_t as_of : {last + 1, last - 200}) {
    const CustomerHealth walked = analyze_health(table, session->grouped(), {as_of, 365, true});
    ASSERT_FALSE(walked.monthly.empty());
    for (const int32_t window : {1, 6, 7, 30, 31, 90, 200, 364, 365, 366, 800, 5000}) {
      CustomerHealth changed = walked;
      ASSERT_TRUE(set_churn_window(changed, window));
      const CustomerHealth fresh = analyze_health(table, session->grouped(), {as_of, window, true});
      EXPECT_EQ(changed.churn_window_days, window);
      expect_same_series(changed.monthly, fresh.monthly, window);
      expect_same_series(changed.weekly, fresh.weekly, window);
    }
  }
}

TEST(HealthRechurn, HandWorkedShop) {
  // A buys 2024-01-05 and 2024-03-01; B buys 2024-01-20. Analysis date 2024-04-01.
  // Window 30: at the end of Jan (Feb 1) A's latest purchase is 27 days old, B's 12: none
  // churned; end of Feb (Mar 1 is A's purchase day, so at Mar 1 A's latest is Jan 5, 56
  // days): A and B (40 days) churned; end of Mar (Apr 1): A 31 days, B 72 days: both.
  // Window 45: Jan 0; Feb A only (56 ≥ 45, B 40); Mar B only (A 31).
  const auto session = test::finished_session(
      "customer_id,order_date,amount\nA,2024-01-05,10\nB,2024-01-20,20\nA,2024-03-01,30\n");
  int32_t as_of = 0;
  ASSERT_TRUE(parse_iso_day("2024-04-01", as_of));
  CustomerHealth health = analyze_health(session->table(), session->grouped(), {as_of, 365, false});
  ASSERT_EQ(health.monthly.size(), 3u);
  ASSERT_TRUE(set_churn_window(health, 30));
  EXPECT_EQ(health.monthly[0].churned_customers, 0u);
  EXPECT_EQ(health.monthly[1].churned_customers, 2u);
  EXPECT_EQ(health.monthly[2].churned_customers, 2u);
  ASSERT_TRUE(set_churn_window(health, 45));
  EXPECT_EQ(health.monthly[0].churned_customers, 0u);
  EXPECT_EQ(health.monthly[1].churned_customers, 1u);
  EXPECT_EQ(health.monthly[2].churned_customers, 1u);
}

}  // namespace
}  // namespace huike
