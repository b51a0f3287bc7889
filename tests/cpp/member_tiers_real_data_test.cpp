// Member tiers on the public CDNOW files (../shared/data), checked against the rules applied
// here by plain, independent code: sort every window spend, count the top share with ties,
// walk each customer's days. Fails (never skips) when a file is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

// customer → (day, value) per row; each row is an order (no order id in these files).
using Orders = std::map<std::string, std::vector<std::pair<int32_t, double>>>;

int32_t yyyymmdd(const std::string& text) {
  const int v = std::stoi(text);
  return days_from_civil(v / 10000, v / 100 % 100, v % 100);
}

Orders cdnow_master(const std::string& bytes) {
  Orders orders;
  std::istringstream lines(bytes);
  std::string line, id, date;
  std::getline(lines, line);
  int cds;
  double value;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    if (fields >> id >> date >> cds >> value) orders[id].push_back({yyyymmdd(date), value});
  }
  return orders;
}

Orders cdnow_elog(const std::string& bytes) {  // masterid,sampleid,date,cds,sales
  Orders orders;
  std::istringstream lines(bytes);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    if (f.size() == 5) orders[f[0]].push_back({yyyymmdd(f[2]), std::stod(f[4])});
  }
  return orders;
}

struct Expected {
  std::set<std::string> high_spend, sleeping, high_unit_price, high_loyalty, churning;
};

// The rules with the default settings, written out directly.
Expected expected_tiers(Orders orders) {
  int32_t last = INT32_MIN;
  double total = 0;
  size_t count = 0;
  for (auto& [id, list] : orders) {
    std::sort(list.begin(), list.end());
    for (const auto& [day, value] : list) last = std::max(last, day), total += value, ++count;
  }
  const int32_t as_of = last + 1;
  const double shop_aov = total / count;
  std::vector<std::pair<double, std::string>> window;  // (spend, id) of window buyers
  double window_revenue = 0;
  Expected e;
  for (const auto& [id, list] : orders) {
    double spend = 0, sum = 0;
    bool bought = false;
    for (const auto& [day, value] : list) {
      sum += value;
      if (as_of - day < 365) spend += value, bought = true;
    }
    if (bought) window.push_back({spend, id}), window_revenue += spend;
    if (as_of - list.back().first >= 365) e.sleeping.insert(id);
    if (sum / list.size() >= 2 * shop_aov) e.high_unit_price.insert(id);
    // Churning: first purchase ≥ 360 days ago, 2+ orders before the last 180 days, recent
    // orders < 0.5 × prior orders per 180 days of the span before them.
    const int32_t age = as_of - list.front().first;
    int prior = 0, recent = 0;
    for (const auto& [day, value] : list) (as_of - day < 180 ? recent : prior) += 1;
    if (!e.sleeping.count(id) && age >= 360 && prior >= 2 && recent < 0.5 * prior / ((age - 180) / 180.0)) {
      e.churning.insert(id);
    }
  }
  std::sort(window.begin(), window.end(), std::greater<>());
  const size_t k = static_cast<size_t>(std::ceil(0.2 * window.size() - 1e-9));
  for (const auto& [spend, id] : window) {
    if (spend >= window[k - 1].first) e.high_spend.insert(id);
  }
  double running = 0, edge = 0;
  for (const auto& [spend, id] : window) {
    running += spend;
    edge = spend;
    if (running >= 0.5 * window_revenue - 1e-9 * window_revenue) break;
  }
  for (const auto& [spend, id] : window) {
    if (spend < edge) break;
    std::vector<int32_t> days;
    for (const auto& [day, value] : orders.at(id)) {
      if (as_of - day < 365 && (days.empty() || days.back() != day)) days.push_back(day);
    }
    bool short_gaps = days.size() >= 2;
    for (size_t i = 1; i < days.size(); ++i) short_gaps &= days[i] - days[i - 1] <= 60;
    if (short_gaps) e.high_loyalty.insert(id);
  }
  return e;
}

std::set<std::string> engine_tier(Session& session, const std::string& key) {
  const std::string csv = session.customers_csv(json::object(), {{"tier", key}});
  std::set<std::string> ids;
  for (size_t at = csv.find("\r\n") + 2; at < csv.size(); at = csv.find("\r\n", at) + 2) {
    ids.insert(csv.substr(at, csv.find(',', at) - at));
  }
  return ids;
}

void check(const std::string& bytes, const Orders& orders) {
  ASSERT_FALSE(orders.empty());
  const Expected e = expected_tiers(orders);
  auto session = test::finished_session(bytes);
  const json report = session->report(json::object());
  const std::pair<const char*, const std::set<std::string>*> tiers[] = {
      {"high_spend", &e.high_spend},     {"sleeping", &e.sleeping}, {"high_unit_price", &e.high_unit_price},
      {"high_loyalty", &e.high_loyalty}, {"churning", &e.churning}};
  for (const auto& [key, expected] : tiers) {
    EXPECT_FALSE(expected->empty()) << key;  // a check that can fail on something
    EXPECT_EQ(engine_tier(*session, key), *expected) << key;
    for (const json& t : report["members"]["tiers"]) {
      if (t["key"] == key) {
        EXPECT_EQ(t["customers"], expected->size()) << key;
      }
    }
  }
}

TEST(MemberTiersRealData, CdnowMasterAgainstIndependentCode) {
  const std::string bytes = test::read_bytes(test::shared_data_path("cdnow/CDNOW_master.txt"));
  check(bytes, cdnow_master(bytes));
}

TEST(MemberTiersRealData, CdnowSampleAgainstIndependentCode) {
  const std::string bytes = test::read_bytes(test::shared_data_path("cdnow/cdnowElog.csv"));
  check(bytes, cdnow_elog(bytes));
}

}  // namespace
}  // namespace huike
