// Customer-base health and segment migration on a hand-made shop; every expected value is
// worked out by hand in the comments (2024 is a leap year).
#include <gtest/gtest.h>

#include "analysis/health.h"
#include "analysis/migration.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

// A buys in Jan (twice), Apr, May; B first buys on Jan 31 (a month's last day) and again
// on Feb 1; nobody buys in March; C is new in April, D in May (after the earlier migration
// date 2024-04-20); E buys Jan, Feb, Apr. Analysis date: 2024-05-11, the day after the
// last purchase, so May has not ended (incomplete last month, its data ends 2024-05-10).
constexpr const char* kShop =
    "customer_id,order_date,amount\n"
    "A,2024-01-05,100\n"
    "E,2024-01-10,300\n"
    "A,2024-01-20,30\n"
    "B,2024-01-31,50\n"
    "B,2024-02-01,20\n"
    "E,2024-02-15,200\n"
    "A,2024-04-10,40\n"
    "C,2024-04-15,60\n"
    "E,2024-04-18,50\n"
    "D,2024-05-03,10\n"
    "B,2024-05-03,125\n"
    "A,2024-05-10,80\n";

int32_t day_of(const char* iso) {
  int32_t day = 0;
  EXPECT_TRUE(parse_iso_day(iso, day)) << iso;
  return day;
}

CustomerHealth shop_health(int32_t churn_window, bool weekly = false) {
  const auto session = test::finished_session(kShop);
  return analyze_health(session->table(), session->grouped(), {day_of("2024-05-11"), churn_window, weekly});
}

TEST(Health, MonthlyNewAndReturningByHand) {
  const CustomerHealth h = shop_health(365);
  ASSERT_EQ(h.monthly.size(), 5u);  // Jan..May, March included although empty
  struct Row { const char* start; uint32_t fresh, returning; double fresh_revenue, returning_revenue; };
  const Row expected[] = {
      {"2024-01-01", 3, 0, 480, 0},    // A 100+30, E 300, B 50 (its Jan 31 counts in January)
      {"2024-02-01", 0, 2, 0, 220},    // B 20, E 200
      {"2024-03-01", 0, 0, 0, 0},      // no orders
      {"2024-04-01", 1, 2, 60, 90},    // C new 60; A 40 + E 50
      {"2024-05-01", 1, 2, 10, 205},   // D new 10; B 125 + A 80
  };
  for (size_t i = 0; i < 5; ++i) {
    const PeriodPoint& p = h.monthly[i];
    EXPECT_EQ(p.start_day, day_of(expected[i].start)) << i;
    EXPECT_EQ(p.new_customers, expected[i].fresh) << i;
    EXPECT_EQ(p.returning_customers, expected[i].returning) << i;
    EXPECT_DOUBLE_EQ(p.new_revenue, expected[i].fresh_revenue) << i;
    EXPECT_DOUBLE_EQ(p.returning_revenue, expected[i].returning_revenue) << i;
  }
  EXPECT_EQ(h.monthly[1].end_day, day_of("2024-02-29"));
  EXPECT_TRUE(h.monthly[3].complete);
  // May has not ended at the analysis date: its data ends the day before.
  EXPECT_FALSE(h.monthly[4].complete);
  EXPECT_EQ(h.monthly[4].end_day, day_of("2024-05-10"));
  EXPECT_FALSE(h.last_month_complete);
  // Customers to date: 3, 3, 3, 4 (C), 5 (D).
  EXPECT_EQ(h.monthly[2].customers_to_date, 3u);
  EXPECT_EQ(h.monthly[4].customers_to_date, 5u);
}

TEST(Health, ChurnAtEachMonthEndByHand) {
  // Window 30: churned at a month's end E when the last purchase is on or before E - 29
  // (R >= 30 at the date E + 1).
  const CustomerHealth h = shop_health(30);
  // Jan 31: cut Jan 2 — none. Feb 29: cut Jan 31 — A (last Jan 20); B bought Feb 1.
  // Mar 31: cut Mar 2 — A, B, E. Apr 30: cut Apr 1 — B. May 10 (not May 31): cut Apr 11 —
  // none (C Apr 15 and E Apr 18 would be churned at May 31).
  const uint32_t churned[] = {0, 1, 3, 1, 0};
  const uint32_t active[] = {3, 2, 0, 3, 5};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(h.monthly[i].churned_customers, churned[i]) << i;
    EXPECT_EQ(h.monthly[i].active_customers(), active[i]) << i;
  }
}

TEST(Health, ChurnWindowBoundaryIsTheOverviews) {
  // At Feb 29, A's last purchase (Jan 20) is 41 days before Mar 1: R = 41. With a window
  // of 41 A is churned (R >= window), with 42 not. B (R 29) and E (R 15) are not.
  EXPECT_EQ(shop_health(41).monthly[1].churned_customers, 1u);
  EXPECT_EQ(shop_health(42).monthly[1].churned_customers, 0u);
}

TEST(Health, CohortsByHand) {
  const CustomerHealth h = shop_health(365);
  // Empty cohorts (February, March) are left out.
  ASSERT_EQ(h.cohorts.size(), 3u);
  const CohortRow& jan = h.cohorts[0];
  EXPECT_EQ(jan.month_start_day, day_of("2024-01-01"));
  EXPECT_EQ(jan.customers, 3u);  // A, B, E
  // Month 0: all 3; Feb: B, E; Mar: nobody; Apr: A, E; May: A, B.
  EXPECT_EQ(jan.buyers, (std::vector<uint32_t>{3, 2, 0, 2, 2}));
  EXPECT_EQ(jan.revenue, (std::vector<double>{480, 220, 0, 90, 205}));
  const CohortRow& apr = h.cohorts[1];
  EXPECT_EQ(apr.month_start_day, day_of("2024-04-01"));
  EXPECT_EQ(apr.customers, 1u);  // C
  EXPECT_EQ(apr.buyers, (std::vector<uint32_t>{1, 0}));
  EXPECT_EQ(apr.revenue, (std::vector<double>{60, 0}));
  const CohortRow& may = h.cohorts[2];
  EXPECT_EQ(may.customers, 1u);  // D
  EXPECT_EQ(may.buyers, (std::vector<uint32_t>{1}));
  EXPECT_EQ(may.revenue, (std::vector<double>{10}));
}

TEST(Health, WeeklySeriesByHand) {
  const CustomerHealth h = shop_health(365, true);
  // Mondays 2024-01-01 .. 2024-05-06: 126 days = 18 weeks later, so 19 weeks.
  ASSERT_EQ(h.weekly.size(), 19u);
  EXPECT_EQ(h.weekly[0].start_day, day_of("2024-01-01"));
  EXPECT_EQ(h.weekly[0].new_customers, 1u);  // A
  EXPECT_EQ(h.weekly[2].returning_customers, 1u);  // A on Jan 20
  // Jan 29 – Feb 4: B's Jan 31 and Feb 1 are one week, B is new in it, not returning.
  const PeriodPoint& b_week = h.weekly[4];
  EXPECT_EQ(b_week.start_day, day_of("2024-01-29"));
  EXPECT_EQ(b_week.new_customers, 1u);
  EXPECT_EQ(b_week.returning_customers, 0u);
  EXPECT_DOUBLE_EQ(b_week.new_revenue, 70);
  // Apr 29 – May 5: D new (10), B returning (125).
  EXPECT_EQ(h.weekly[17].new_customers, 1u);
  EXPECT_DOUBLE_EQ(h.weekly[17].returning_revenue, 125);
  EXPECT_FALSE(h.weekly[18].complete);
  EXPECT_EQ(h.weekly[18].end_day, day_of("2024-05-10"));
  EXPECT_DOUBLE_EQ(h.weekly[18].returning_revenue, 80);
}

TEST(Health, NoPurchaseBeforeTheDateAndAbsurdSpans) {
  const auto session = test::finished_session(kShop);
  const CustomerHealth none = analyze_health(session->table(), session->grouped(), {day_of("2023-12-01"), 365, true});
  EXPECT_TRUE(none.monthly.empty());
  EXPECT_TRUE(none.cohorts.empty());
  EXPECT_FALSE(none.too_long);
  const CustomerHealth far = analyze_health(session->table(), session->grouped(), {day_of("2200-01-01"), 365, false});
  EXPECT_TRUE(far.too_long);
  EXPECT_TRUE(far.monthly.empty());
}

TEST(Migration, SegmentsAtTwoDatesByHand) {
  const auto session = test::finished_session(kShop);
  AnalysisOptions later_options;
  const ShopAnalysis later = analyze_customers(session->table(), session->grouped(), later_options);
  const ShopAnalysis earlier = analyze_at(session->table(), session->grouped(), later_options, day_of("2024-04-20"));
  // Earlier (orders before Apr 20): A F3 M170 R10; B F2 M70 R79; C F1 M60 R5; E F3 M550 R2.
  // Means R 96/4 = 24, F 9/4 = 2.25, M 850/4 = 212.5:
  // A recent, frequent, M below → general_value; B → general_win_back; C → general_develop;
  // E recent, frequent, high → important_value.
  EXPECT_DOUBLE_EQ(earlier.thresholds.recency, 24);
  EXPECT_DOUBLE_EQ(earlier.thresholds.monetary, 212.5);
  // Later (May 11): A F4 M250 R1; B F3 M195 R8; C F1 M60 R26; D F1 M10 R8; E F3 M550 R23.
  // Means R 66/5 = 13.2, F 12/5 = 2.4, M 1065/5 = 213:
  // A → important_value; B (M 195) → general_value; C → general_win_back;
  // D → general_develop; E not recent, frequent, high → important_keep.
  const SegmentMigration m = migrate_segments(earlier, later);
  EXPECT_EQ(m.earlier_day, day_of("2024-04-20"));
  EXPECT_EQ(m.later_day, day_of("2024-05-11"));
  using S = Segment8;
  const auto cell = [&](int row, S to) { return m.eight[row][static_cast<int>(to)]; };
  const auto from = [](S s) { return 1 + static_cast<int>(s); };
  EXPECT_EQ(cell(0, S::general_develop), 1u);                           // D, new between the dates
  EXPECT_EQ(cell(from(S::general_value), S::important_value), 1u);      // A
  EXPECT_EQ(cell(from(S::general_win_back), S::general_value), 1u);     // B
  EXPECT_EQ(cell(from(S::general_develop), S::general_win_back), 1u);   // C
  EXPECT_EQ(cell(from(S::important_value), S::important_keep), 1u);     // E
  uint32_t total = 0, grid_total = 0;
  for (const auto& row : m.eight) for (uint32_t n : row) total += n;
  for (const auto& row : m.grid) for (uint32_t n : row) grid_total += n;
  EXPECT_EQ(total, 5u);
  EXPECT_EQ(grid_total, 5u);
  uint32_t grid_new = 0;
  for (uint32_t n : m.grid[0]) grid_new += n;
  EXPECT_EQ(grid_new, 1u);  // D

  const MigrationHighlights h = migration_highlights(m);
  EXPECT_EQ(h.important_value_before, 1u);  // E
  EXPECT_EQ(h.important_value_after, 1u);   // A
  EXPECT_EQ(h.moved_in, 1u);
  EXPECT_EQ(h.moved_in_from[from(S::general_value)], 1u);
  EXPECT_EQ(h.moved_out, 1u);
  EXPECT_EQ(h.moved_out_to[static_cast<int>(S::important_keep)], 1u);
  EXPECT_EQ(h.now_important_win_back + h.now_general_win_back, 0u);
}

TEST(Migration, HighlightsOfAHandMadeMatrix) {
  SegmentMigration m;
  using S = Segment8;
  const int iv = static_cast<int>(S::important_value);
  m.eight[0][iv] = 4;                                          // new → IV
  m.eight[1 + static_cast<int>(S::important_keep)][iv] = 3;    // keep → IV
  m.eight[1 + iv][iv] = 10;                                    // stayed
  m.eight[1 + iv][static_cast<int>(S::important_win_back)] = 2;
  m.eight[1 + iv][static_cast<int>(S::general_win_back)] = 1;
  m.eight[1 + iv][static_cast<int>(S::important_keep)] = 5;
  const MigrationHighlights h = migration_highlights(m);
  EXPECT_EQ(h.important_value_before, 18u);  // 10 + 2 + 1 + 5
  EXPECT_EQ(h.important_value_after, 17u);   // 4 + 3 + 10
  EXPECT_EQ(h.moved_in, 7u);
  EXPECT_EQ(h.moved_in_from[0], 4u);
  EXPECT_EQ(h.moved_out, 8u);
  EXPECT_EQ(h.now_important_win_back, 2u);
  EXPECT_EQ(h.now_general_win_back, 1u);
}

}  // namespace
}  // namespace huike
