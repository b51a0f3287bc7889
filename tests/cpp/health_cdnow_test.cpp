// CDNOW (every customer's first purchase is in Q1 1997): the health series and the cohort
// matrix against independent code written here (its own parsing and std::chrono dates),
// and the migration matrix against the overview's customers at each date.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/health.h"
#include "analysis/migration.h"
#include "test_support.h"

namespace huike {
namespace {

using namespace std::chrono;

struct Row { std::string customer; sys_days day; double amount; };

int month_number(sys_days d) {
  const year_month_day ymd{d};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

std::vector<Row> read_cdnow(const std::string& bytes) {
  std::vector<Row> rows;
  std::istringstream in(bytes);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, date;
    int cds;
    double dollars;
    if (!(fields >> id >> date >> cds >> dollars)) continue;
    const year_month_day ymd{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(4, 2)))},
                             day{static_cast<unsigned>(std::stoi(date.substr(6, 2)))}};
    rows.push_back({id, sys_days{ymd}, dollars});
  }
  return rows;
}

class CdnowHealth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bytes_ = new std::string(test::read_bytes(test::shared_data_path("cdnow/CDNOW_master.txt")));
    session_ = test::finished_session(*bytes_).release();
  }
  static void TearDownTestSuite() {
    delete session_;
    delete bytes_;
  }
  static std::string* bytes_;
  static Session* session_;
};
std::string* CdnowHealth::bytes_ = nullptr;
Session* CdnowHealth::session_ = nullptr;

TEST_F(CdnowHealth, CohortsAndMonthlySeriesMatchIndependentCode) {
  ASSERT_EQ(session_->report(nullptr)["input"]["rows_excluded"], 0);  // every row is a purchase
  const std::vector<Row> rows = read_cdnow(*bytes_);
  ASSERT_EQ(rows.size(), 69659u);
  std::map<std::string, sys_days> first;
  sys_days last_day = rows[0].day;
  for (const Row& r : rows) {
    auto [it, inserted] = first.emplace(r.customer, r.day);
    if (!inserted) it->second = std::min(it->second, r.day);
    last_day = std::max(last_day, r.day);
  }
  const int first_month = month_number(std::min_element(first.begin(), first.end(), [](auto& a, auto& b) {
                                         return a.second < b.second;
                                       })->second);
  const int months = month_number(last_day) - first_month + 1;
  // Independent cohorts: (cohort, offset) → distinct buyers and revenue; monthly new/returning.
  std::map<int, std::set<std::string>> cohort_members;
  std::map<std::pair<int, int>, std::set<std::string>> buyers;
  std::map<std::pair<int, int>, double> revenue;
  std::vector<std::set<std::string>> returning(months);
  std::vector<double> new_revenue(months, 0), returning_revenue(months, 0);
  for (const Row& r : rows) {
    const int cohort = month_number(first.at(r.customer)) - first_month;
    const int m = month_number(r.day) - first_month;
    cohort_members[cohort].insert(r.customer);
    buyers[{cohort, m - cohort}].insert(r.customer);
    revenue[{cohort, m - cohort}] += r.amount;
    if (m == cohort) new_revenue[m] += r.amount;
    else {
      returning[m].insert(r.customer);
      returning_revenue[m] += r.amount;
    }
  }
  ASSERT_EQ(cohort_members.size(), 3u);  // January, February, March 1997

  const CustomerHealth h = analyze_health(session_->table(), session_->grouped(),
                                          {static_cast<int32_t>((last_day + days{1}).time_since_epoch().count()), 365});
  ASSERT_EQ(h.cohorts.size(), 3u);
  ASSERT_EQ(static_cast<int>(h.monthly.size()), months);  // Jan 1997 .. Jun 1998
  EXPECT_TRUE(h.last_month_complete);                      // data ends 1998-06-30
  for (int k = 0; k < 3; ++k) {
    const CohortRow& row = h.cohorts[k];
    EXPECT_EQ(row.customers, cohort_members[k].size()) << k;
    ASSERT_EQ(static_cast<int>(row.buyers.size()), months - k);
    for (int j = 0; j < months - k; ++j) {
      const std::pair<int, int> cell{k, j};
      EXPECT_EQ(row.buyers[j], buyers[cell].size()) << k << "," << j;
      EXPECT_NEAR(row.revenue[j], revenue[cell], 1e-6) << k << "," << j;
    }
    EXPECT_EQ(row.buyers[0], row.customers);  // month 0 is 100%
  }
  for (int m = 0; m < months; ++m) {
    EXPECT_EQ(h.monthly[m].new_customers, m < 3 ? cohort_members[m].size() : 0u) << m;
    EXPECT_EQ(h.monthly[m].returning_customers, returning[m].size()) << m;
    EXPECT_NEAR(h.monthly[m].new_revenue, new_revenue[m], 1e-6) << m;
    EXPECT_NEAR(h.monthly[m].returning_revenue, returning_revenue[m], 1e-6) << m;
  }
}

TEST_F(CdnowHealth, ChurnAtMonthEndsMatchesIndependentCodeAndTheOverview) {
  const std::vector<Row> rows = read_cdnow(*bytes_);
  std::map<std::string, std::vector<sys_days>> days_of;
  for (const Row& r : rows) days_of[r.customer].push_back(r.day);
  for (auto& [id, d] : days_of) std::sort(d.begin(), d.end());
  const int32_t as_of = static_cast<int32_t>(sys_days{1998y / July / 1}.time_since_epoch().count());
  for (const int window : {365, 180}) {
    const CustomerHealth h = analyze_health(session_->table(), session_->grouped(), {as_of, window});
    for (const PeriodPoint& p : h.monthly) {
      // At the date after the month's end: known customers and those with R >= window.
      const sys_days next{days{p.end_day + 1}};
      uint32_t known = 0, churned = 0;
      for (const auto& [id, d] : days_of) {
        auto it = std::lower_bound(d.begin(), d.end(), next);  // first purchase on or after next
        if (it == d.begin()) continue;
        ++known;
        churned += (next - *(it - 1)).count() >= window;
      }
      EXPECT_EQ(p.customers_to_date, known) << p.end_day;
      EXPECT_EQ(p.churned_customers, churned) << window << " " << p.end_day;
    }
    // The last month's end is the day before the analysis date: the overview's churn rate.
    AnalysisOptions options;
    options.churn_window_days = window;
    const ShopAnalysis shop = analyze_customers(session_->table(), session_->grouped(), options);
    EXPECT_DOUBLE_EQ(static_cast<double>(h.monthly.back().churned_customers) / h.monthly.back().customers_to_date,
                     shop.churn_rate);
  }
}

// customer id → segment_eight key, from the overview's customers CSV at that date.
std::map<std::string, std::string> segments_in_csv(const std::string& csv) {
  std::map<std::string, std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream names(line.substr(3));  // after the BOM
  for (std::string name; std::getline(names, name, ',');) header.push_back(name);
  const size_t at = std::find(header.begin(), header.end(), "segment_eight") - header.begin();
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.size() > at) out[cells[0]] = cells[at];
  }
  return out;
}

TEST_F(CdnowHealth, MigrationIsTheOverviewAtEachDate) {
  // 1998-07-01 (the default analysis date) minus 91 days is 1998-04-01.
  const ShopAnalysis later = analyze_customers(session_->table(), session_->grouped(), {});
  const ShopAnalysis earlier = analyze_at(session_->table(), session_->grouped(), {}, later.as_of_day - 91);
  const SegmentMigration m = migrate_segments(earlier, later);
  // Independently: pair each customer's segment in the overview's CSV at each date.
  const auto then = segments_in_csv(session_->customers_csv({{"as_of", "1998-04-01"}}));
  const auto now = segments_in_csv(session_->customers_csv(nlohmann::json::object()));
  ASSERT_EQ(now.size(), 23570u);
  ASSERT_EQ(then.size(), 23570u);  // everyone bought in Q1 1997: no `new` row
  std::map<std::pair<std::string, std::string>, uint32_t> pairs;
  for (const auto& [id, segment] : now) ++pairs[{then.at(id), segment}];
  uint32_t checked = 0;
  for (int from = 0; from < kSegment8Count; ++from) {
    for (int to = 0; to < kSegment8Count; ++to) {
      const std::pair<std::string, std::string> key{segment8_info(static_cast<Segment8>(from)).key,
                                                    segment8_info(static_cast<Segment8>(to)).key};
      EXPECT_EQ(m.eight[1 + from][to], pairs.count(key) ? pairs[key] : 0u) << key.first << " → " << key.second;
      checked += m.eight[1 + from][to];
    }
  }
  EXPECT_EQ(checked, 23570u);
  for (uint32_t n : m.eight[0]) EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace huike
