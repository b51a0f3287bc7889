// The public datasets in ../shared/data, checked against figures computed here by
// straightforward, independent code (not the engine's ingest or analysis).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <sstream>

#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::read_bytes;
using test::shared_data_path;

struct Purchase {
  int32_t day;
  double amount;
};

struct Expected {
  size_t customers = 0;
  uint64_t orders = 0;
  double revenue = 0, gross = 0, returning = 0;
  double repeat_rate = 0, churn_rate = 0;
};

// Definitions from the brief, applied to per-customer order lists (order totals, by id).
Expected expect_from(const std::map<std::string, std::vector<Purchase>>& by_customer) {
  Expected e;
  int32_t last = INT32_MIN;
  for (const auto& [id, orders] : by_customer) {
    for (const Purchase& p : orders) {
      if (p.amount >= 0) last = std::max(last, p.day);
    }
  }
  const int32_t as_of = last + 1;
  size_t repeaters = 0, churned = 0;
  for (const auto& [id, orders] : by_customer) {
    double gross = 0, returned = 0, first_day_revenue = 0;
    int32_t first = INT32_MAX, latest = INT32_MIN;
    uint64_t count = 0;
    for (const Purchase& p : orders) {
      if (p.amount < 0) {
        returned -= p.amount;
        continue;
      }
      ++count;
      gross += p.amount;
      first = std::min(first, p.day);
      latest = std::max(latest, p.day);
    }
    if (count == 0) continue;
    for (const Purchase& p : orders) {
      if (p.amount >= 0 && p.day == first) first_day_revenue += p.amount;
    }
    ++e.customers;
    e.orders += count;
    e.gross += gross;
    e.revenue += std::max(0.0, gross - returned);
    e.returning += gross - first_day_revenue;
    repeaters += count >= 2;
    churned += as_of - latest >= 365;
  }
  e.repeat_rate = static_cast<double>(repeaters) / e.customers;
  e.churn_rate = static_cast<double>(churned) / e.customers;
  return e;
}

void expect_report_matches(const json& report, const Expected& e) {
  const json& totals = report["totals"];
  EXPECT_EQ(totals["customers"], e.customers);
  EXPECT_EQ(totals["orders"], e.orders);
  EXPECT_NEAR(totals["revenue"].get<double>(), e.revenue, 0.01);
  EXPECT_NEAR(totals["gross_revenue"].get<double>(), e.gross, 0.01);
  EXPECT_NEAR(totals["repeat_rate"].get<double>(), e.repeat_rate, 1e-12);
  EXPECT_NEAR(totals["churn_rate"].get<double>(), e.churn_rate, 1e-12);
  EXPECT_NEAR(totals["returning_revenue_share"].get<double>(), e.returning / e.gross, 1e-9);
}

int32_t yyyymmdd_day(const std::string& text) {
  const int value = std::stoi(text);
  return days_from_civil(value / 10000, value / 100 % 100, value % 100);
}

TEST(RealData, CdnowMaster) {
  const std::string bytes = read_bytes(shared_data_path("cdnow/CDNOW_master.txt"));
  std::istringstream lines(bytes);
  std::string line;
  std::getline(lines, line);  // header
  std::map<std::string, std::vector<Purchase>> by_customer;
  size_t rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string id, date;
    int cds;
    double value;
    if (!(fields >> id >> date >> cds >> value)) continue;
    by_customer[id].push_back({yyyymmdd_day(date), value});  // no order id: each row is an order
    ++rows;
  }
  ASSERT_EQ(rows, 69659u);
  ASSERT_EQ(by_customer.size(), 23570u);

  const json report = test::report_of(bytes);
  EXPECT_EQ(report["input"]["delimiter"], "whitespace");
  EXPECT_EQ(report["input"]["rows_read"], 69659);
  EXPECT_EQ(report["input"]["rows_used"], 69659);
  EXPECT_EQ(report["totals"]["customers"], 23570);
  EXPECT_EQ(report["totals"]["orders"], 69659);
  expect_report_matches(report, expect_from(by_customer));

  // Split anywhere on a real file: random chunk sizes give the same report.
  std::mt19937 rng(42);
  EXPECT_EQ(test::report_of(bytes, json::object(), json::object(), test::random_sizes(rng, bytes.size(), 70000)),
            report);
}

TEST(RealData, CdnowElogSample) {
  const std::string bytes = read_bytes(shared_data_path("cdnow/cdnowElog.csv"));
  const json report = test::report_of(bytes);
  EXPECT_EQ(report["input"]["columns"]["customer"], "masterid");
  EXPECT_EQ(report["input"]["columns"]["amount"], "sales");
  EXPECT_EQ(report["totals"]["customers"], 2357);
  EXPECT_EQ(report["totals"]["orders"], 6919);
}

TEST(RealData, OnlineRetailSubset) {
  const std::string bytes = read_bytes(shared_data_path("online-retail-ii/online_retail_II_subset.csv"));
  std::istringstream lines(bytes);
  std::string line;
  std::getline(lines, line);
  // Invoice, StockCode, Description, Quantity, InvoiceDate (M/D/YYYY H:MM), Price, Customer ID, Country
  std::map<std::string, std::map<std::string, Purchase>> invoices;  // customer → invoice → total
  size_t rows = 0, blank_customer = 0, cancelled_positive = 0;
  while (std::getline(lines, line)) {
    const std::vector<std::string> f = test::split_csv_line(line);
    ASSERT_EQ(f.size(), 8u) << line;
    ++rows;
    if (f[6].empty()) {
      ++blank_customer;
      continue;
    }
    const double amount = std::stod(f[3]) * std::stod(f[5]);
    if (f[0][0] == 'C' && amount >= 0) {
      ++cancelled_positive;
      continue;
    }
    unsigned month, day, year;
    ASSERT_EQ(std::sscanf(f[4].c_str(), "%u/%u/%u", &month, &day, &year), 3);
    auto [it, added] = invoices[f[6]].try_emplace(f[0], Purchase{days_from_civil(year, month, day), 0});
    it->second.amount += amount;
  }
  std::map<std::string, std::vector<Purchase>> by_customer;
  for (const auto& [customer, orders] : invoices) {
    for (const auto& [invoice, purchase] : orders) by_customer[customer].push_back(purchase);
  }

  const json report = test::report_of(bytes);
  const json& input = report["input"];
  EXPECT_EQ(input["rows_read"], rows);
  EXPECT_EQ(input["date_order"], "month_first");
  EXPECT_EQ(input["excluded"]["missing_customer"]["rows"], blank_customer);
  EXPECT_EQ(input.value("rows_used", 0u) + input.value("rows_excluded", 0u), rows);
  if (cancelled_positive) {
    EXPECT_EQ(input["excluded"]["cancelled_invoice"]["rows"], cancelled_positive);
  }
  expect_report_matches(report, expect_from(by_customer));
}

}  // namespace
}  // namespace huike
