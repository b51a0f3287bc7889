// Replenishment reminders (issue 9) on hand-made files; every expected value is worked
// out by hand in the comments.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "analysis/replenishment.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike::test {
namespace {

using nlohmann::json;

struct Engine {
  std::unique_ptr<Session> session;
  ShopAnalysis shop;
};

Engine run(const std::string& csv, const std::string& as_of) {
  Engine e;
  e.session = finished_session(csv);
  AnalysisOptions options;
  int32_t day;
  EXPECT_TRUE(parse_iso_day(as_of, day));
  options.as_of_day = day;
  e.shop = analyze_customers(e.session->table(), e.session->grouped(), options);
  return e;
}

std::string customer_of(const Engine& e, const Reminder& r) {
  return std::string(e.session->table().customer_id(r.customer));
}
std::string product_of(const Engine& e, const Reminder& r) {
  return r.product == kNoProduct ? "" : std::string(e.session->table().products.names.at(r.product));
}

// Learning days per unit: "Milk" bought on 2 days by exactly 20 customers, "Tea" by 19.
//   m01..m19: 1 unit on 2024-01-01, again 10+i days later → intervals 11, 12, …, 29.
//   m20: 3 units on 2024-01-01, 2 units 45 days later (2024-02-15) → 45 / 3 = 15.
//   Sorted (20): 11 12 13 14 15 15 16 17 … 29. Median = (19 + 20) / 2 = 19.5.
//   Quartiles by linear interpolation, h = 19·p: q1 h=4.75 → 15 + 0.75·(15−15) = 15;
//   q3 h=14.25 → 24 + 0.25·(25−24) = 24.25.
//   t01..t19: 1 unit of Tea on 2024-01-01 and 2024-01-31 → interval 30, median 30, not learned.
std::string learning_csv() {
  std::string csv = "customer,date,amount,product,quantity\n";
  for (int i = 1; i <= 19; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "m%02d", i);
    csv += std::string(id) + ",2024-01-01,10,Milk,1\n";
    csv += std::string(id) + "," + format_day(days_from_civil(2024, 1, 1) + 10 + i) + ",10,Milk,1\n";
    std::snprintf(id, sizeof id, "t%02d", i);
    csv += std::string(id) + ",2024-01-01,5,Tea,1\n" + id + ",2024-01-31,5,Tea,1\n";
  }
  csv += "m20,2024-01-01,30,Milk,3\nm20,2024-02-15,20,Milk,2\n";
  return csv;
}

TEST(Replenishment, LearnsFromTwentyCustomersNotNineteen) {
  const Engine e = run(learning_csv(), "2024-03-01");
  const ReplenishmentResult r = replenishment(e.session->table(), e.shop, {}, {});
  ASSERT_EQ(r.products_seen.size(), 2u);
  const LearnedProduct& milk = r.products_seen[0];  // most customers first
  EXPECT_EQ(e.session->table().products.names.at(milk.product), "Milk");
  EXPECT_EQ(milk.customers, 20u);
  EXPECT_EQ(milk.intervals, 20u);
  EXPECT_TRUE(milk.learned);
  EXPECT_DOUBLE_EQ(milk.median, 19.5);
  EXPECT_DOUBLE_EQ(milk.q1, 15);
  EXPECT_DOUBLE_EQ(milk.q3, 24.25);
  const LearnedProduct& tea = r.products_seen[1];
  EXPECT_EQ(tea.customers, 19u);
  EXPECT_FALSE(tea.learned);
  EXPECT_DOUBLE_EQ(tea.median, 30);
  // 20 Milk estimates (learned); the 19 Tea buyers fall back on their rhythm (30 days).
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::learned)], 20u);
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::rhythm)], 19u);
  // m20: last 2 units on 2024-02-15, run-out = +round(2 × 19.5) = +39 → 2024-03-25:
  // 24 days after 2024-03-01, outside the 14-day window. Tea: 2024-01-31 + 30 = 2024-03-01,
  // due on the analysis date → remind now, reminder day clamped to 2024-03-01.
  // m19: 2024-01-30 + round(19.5) = 2024-01-30 + 20 = 2024-02-19: 11 days overdue.
  // m01 (2024-01-12) … m18 (2024-01-29): due 2024-02-01 … 2024-02-18, 29 … 12 days overdue.
  EXPECT_EQ(r.remind_now.size(), 19u);
  for (const Reminder& t : r.remind_now) {
    EXPECT_EQ(t.source, ReminderSource::rhythm);
    EXPECT_EQ(format_day(t.reminder_day), "2024-03-01");
  }
  EXPECT_EQ(r.overdue.size(), 19u);
  EXPECT_EQ(customer_of(e, r.overdue.front()), "m01");
  EXPECT_EQ(format_day(r.overdue.front().due_day), "2024-02-01");
  EXPECT_EQ(customer_of(e, r.overdue.back()), "m19");
  EXPECT_EQ(format_day(r.overdue.back().due_day), "2024-02-19");

  ReplenishmentOptions nineteen;
  nineteen.learn_min_customers = 19;  // the setting: now Tea is learned too
  const ReplenishmentResult r19 = replenishment(e.session->table(), e.shop, {}, nineteen);
  EXPECT_TRUE(r19.products_seen[1].learned);
  EXPECT_EQ(r19.estimates[static_cast<int>(ReminderSource::learned)], 39u);
  EXPECT_EQ(r19.estimates[static_cast<int>(ReminderSource::rhythm)], 0u);
}

// Consumption table: Formula 10 days a unit, Food 5. Analysis date 2024-03-01 (2024 is a
// leap year: February has 29 days).
//   A: 3 Formula on 2024-02-10 → due +30 = 2024-03-11 (10 days ahead): remind now on 03-04.
//   B: 1 Formula on 2024-02-01 (due 02-11, would be overdue) then 1 on 2024-02-20, which
//      replaces it → due 2024-03-01, the analysis date: remind now, reminder day 02-23
//      clamped to 03-01.
//   C: 2 Food on 2024-01-20 → due 01-30, 31 days ago: past the 30-day overdue window.
//   D: 4 Food on 2024-01-25 → due 02-14, 16 days ago: overdue.
//   E: Gift (neither in the table nor learned) 2024-01-01 and 02-10 → rhythm 40 days → due
//      03-21, 20 days ahead: not now; reminder day 03-14 (day 13 of the series).
//   F: Gift 2024-01-20 and 02-15 → rhythm 26 days → due 03-12, 11 ahead: remind now on 03-05.
std::string reminders_csv() {
  return "customer,date,amount,product,quantity\n"
         "A,2024-02-10,90,Formula,3\n"
         "B,2024-02-01,30,Formula,1\n"
         "B,2024-02-20,30,Formula,1\n"
         "C,2024-01-20,20,Food,2\n"
         "D,2024-01-25,40,Food,4\n"
         "E,2024-01-01,15,Gift,1\n"
         "E,2024-02-10,15,Gift,1\n"
         "F,2024-01-20,15,Gift,1\n"
         "F,2024-02-15,15,Gift,1\n";
}

TEST(Replenishment, ConsumptionTableRepurchaseClampAndWindows) {
  const Engine e = run(reminders_csv(), "2024-03-01");
  const ConsumptionDays table = {{"Formula", 10}, {"Food", 5}, {"Not sold", 3}};
  const ReplenishmentResult r = replenishment(e.session->table(), e.shop, table, {});
  EXPECT_EQ(r.table_entries, 3u);
  EXPECT_EQ(r.table_entries_matched, 2u);
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::consumption_table)], 4u);  // A B C D
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::rhythm)], 2u);             // E F
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::learned)], 0u);
  ASSERT_EQ(r.remind_now.size(), 3u);  // by reminder day: B 03-01, A 03-04, F 03-05
  EXPECT_EQ(customer_of(e, r.remind_now[0]), "B");
  EXPECT_EQ(format_day(r.remind_now[0].reminder_day), "2024-03-01");
  EXPECT_EQ(format_day(r.remind_now[0].due_day), "2024-03-01");
  EXPECT_EQ(format_day(r.remind_now[0].last_purchase), "2024-02-20");
  EXPECT_EQ(customer_of(e, r.remind_now[1]), "A");
  EXPECT_EQ(product_of(e, r.remind_now[1]), "Formula");
  EXPECT_DOUBLE_EQ(r.remind_now[1].quantity, 3);
  EXPECT_EQ(format_day(r.remind_now[1].due_day), "2024-03-11");
  EXPECT_EQ(format_day(r.remind_now[1].reminder_day), "2024-03-04");
  EXPECT_EQ(customer_of(e, r.remind_now[2]), "F");
  EXPECT_EQ(r.remind_now[2].source, ReminderSource::rhythm);
  EXPECT_EQ(format_day(r.remind_now[2].due_day), "2024-03-12");
  EXPECT_EQ(format_day(r.remind_now[2].reminder_day), "2024-03-05");
  ASSERT_EQ(r.overdue.size(), 1u);
  EXPECT_EQ(customer_of(e, r.overdue[0]), "D");
  EXPECT_EQ(format_day(r.overdue[0].due_day), "2024-02-14");
  // Per day from 03-01: B on day 0, A on 3, F on 4, E on 13; 28 days.
  std::vector<uint32_t> per_day(28, 0);
  per_day[0] = per_day[3] = per_day[4] = per_day[13] = 1;
  EXPECT_EQ(r.per_day, per_day);
  // The customers CSV's reminder day: earliest over products due at most 30 days ago.
  const auto reminder_of = [&](const char* id) {
    for (uint32_t c = 0; c < e.session->table().customer_count(); ++c) {
      if (e.session->table().customer_id(c) == id) {
        const int32_t d = r.customer_reminder_day[c];
        return d == INT32_MIN ? std::string() : format_day(d);
      }
    }
    return std::string("?");
  };
  EXPECT_EQ(reminder_of("A"), "2024-03-04");
  EXPECT_EQ(reminder_of("B"), "2024-03-01");
  EXPECT_EQ(reminder_of("C"), "");
  EXPECT_EQ(reminder_of("D"), "2024-03-01");
  EXPECT_EQ(reminder_of("E"), "");  // rhythm only: next_purchase_date carries it

  ReplenishmentOptions wider;  // the settings move the windows
  wider.overdue_max_days = 31;
  wider.remind_within_days = 20;
  const ReplenishmentResult w = replenishment(e.session->table(), e.shop, table, wider);
  EXPECT_EQ(w.overdue.size(), 2u);     // C joins (31 days)
  EXPECT_EQ(w.remind_now.size(), 4u);  // E joins (20 days ahead)
  EXPECT_EQ(customer_of(e, w.overdue[0]), "C");
}

TEST(Replenishment, HugeQuantityIsCappedNotOverflowed) {
  // 1e8 units × 36500 days: capped at a million days after the purchase, in no list.
  const Engine e = run("customer,date,amount,product,quantity\nA,2024-01-01,10,Salt,100000000\n", "2024-01-02");
  const ReplenishmentResult r = replenishment(e.session->table(), e.shop, {{"Salt", 36500}}, {});
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::consumption_table)], 1u);
  EXPECT_TRUE(r.remind_now.empty());
  EXPECT_TRUE(r.overdue.empty());
  EXPECT_EQ(r.customer_reminder_day[0], days_from_civil(2024, 1, 1) + 1000000 - 7);
}

TEST(Replenishment, NoProductColumnUsesTheRhythmOnly) {
  const Engine e = run("customer,date,amount\nA,2024-01-01,10\nA,2024-01-21,10\nB,2024-02-01,5\n", "2024-02-05");
  const ReplenishmentResult r = replenishment(e.session->table(), e.shop, {}, {});
  EXPECT_FALSE(r.has_products);
  EXPECT_TRUE(r.products_seen.empty());
  // A: 2024-01-21 + 20 = 2024-02-10, 5 days ahead; reminder 02-03 clamped to 02-05. B: one day only.
  ASSERT_EQ(r.remind_now.size(), 1u);
  EXPECT_EQ(format_day(r.remind_now[0].due_day), "2024-02-10");
  EXPECT_EQ(format_day(r.remind_now[0].reminder_day), "2024-02-05");
  EXPECT_EQ(r.estimates[static_cast<int>(ReminderSource::rhythm)], 1u);
}

}  // namespace
}  // namespace huike::test

// The learned quantiles by selection equal linear interpolation on the sorted values.
TEST(Replenishment, SelectedQuantilesEqualTheSortedOnes) {
  // By hand: 4 values 10, 20, 30, 40: q1 at h = 0.75 → 17.5, median 25, q3 at h = 2.25 → 32.5.
  std::vector<double> hand = {40, 10, 30, 20};
  EXPECT_DOUBLE_EQ(huike::selected_quantile(hand, 0.25), 17.5);
  EXPECT_DOUBLE_EQ(huike::selected_quantile(hand, 0.5), 25);
  EXPECT_DOUBLE_EQ(huike::selected_quantile(hand, 0.75), 32.5);
  std::vector<double> one = {7};
  EXPECT_EQ(huike::selected_quantile(one, 0.75), 7);
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(huike::selected_quantile(none, 0.5)));
  std::mt19937 rng(5);
  for (size_t n : {2u, 3u, 10u, 101u, 1000u}) {
    std::vector<double> values;
    for (size_t i = 0; i < n; ++i) values.push_back(static_cast<double>(rng() % 50) / (1 + rng() % 3));
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (double p : {0.25, 0.5, 0.75, 1.0}) {
      const double h = (n - 1) * p;
      const size_t low = static_cast<size_t>(h);
      const double want = low + 1 >= n ? sorted.back() : sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
      EXPECT_EQ(huike::selected_quantile(values, p), want) << n << ' ' << p;
    }
  }
}
