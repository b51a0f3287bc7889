// The customers CSV and the page's customer rows: the same columns, rounded once.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

// The CSV (BOM, CRLF, no quoted cells in these inputs) as one map per row, by header.
std::vector<std::map<std::string, std::string>> parse_csv(const std::string& csv) {
  std::vector<std::map<std::string, std::string>> rows;
  std::istringstream lines(csv.substr(3));
  std::vector<std::string> header;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::istringstream split(line);
    for (std::string cell; std::getline(split, cell, ',');) cells.push_back(cell);
    if (line.back() == ',') cells.emplace_back();
    if (header.empty()) {
      header = cells;
      continue;
    }
    EXPECT_EQ(cells.size(), header.size()) << line;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < cells.size() && i < header.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

// Averages of 653.01/2 = 326.505 and 10.25/2 = 5.125 (an exact binary tie): the money
// rounding is half away from zero, so 326.51 and 5.13 in both outputs.
const char* const kHalfCents =
    "customer,date,amount\n"
    "X,2024-01-01,600.00\nX,2024-02-01,53.01\n"
    "Y,2024-01-10,5.00\nY,2024-03-10,5.25\n"
    "Z,2024-03-01,7.00\n";

TEST(CustomerColumns, HalfCentsRoundHalfAwayFromZeroInCsvAndJson) {
  const auto session = test::finished_session(kHalfCents);
  const auto rows = parse_csv(session->customers_csv(json::object()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("customer_id"), "X");
  EXPECT_EQ(rows[0].at("average_order_value"), "326.51");
  EXPECT_EQ(rows[0].at("monetary"), "653.01");
  EXPECT_EQ(rows[1].at("average_order_value"), "5.13");
  EXPECT_EQ(rows[1].at("cycle_days"), "60.00");  // 2024-01-10 to 2024-03-10, a leap year
  EXPECT_EQ(rows[2].at("cycle_days"), "");       // one purchase day: no own cycle
  const json page = session->customers_page(json::object(), {{"sort", "customer_id"}, {"descending", false}});
  ASSERT_EQ(page["rows"].size(), 3u);
  EXPECT_DOUBLE_EQ(page["rows"][0]["average_order_value"].get<double>(), 326.51);
  EXPECT_DOUBLE_EQ(page["rows"][1]["average_order_value"].get<double>(), 5.13);
  EXPECT_TRUE(page["rows"][2]["cycle_days"].is_null());
}

// Every field of a page row is the CSV cell of the same name, for every customer.
TEST(CustomerColumns, PageRowsCarryTheCsvValues) {
  for (const std::string name : {"small_orders.csv", "uci_cp1252.csv", "cdnow_headerless.txt"}) {
    const auto session = test::finished_session(test::read_bytes(test::fixture_path(name)));
    const auto csv = parse_csv(session->customers_csv(json::object()));
    const json page = session->customers_page(json::object(), {{"sort", "customer_id"}, {"descending", false},
                                                               {"limit", 1000}});
    std::map<std::string, std::map<std::string, std::string>> by_id;
    for (const auto& row : csv) by_id[row.at("customer_id")] = row;
    ASSERT_EQ(page["rows"].size(), csv.size()) << name;
    for (const json& row : page["rows"]) {
      const auto& cells = by_id.at(row["customer_id"].get<std::string>());
      EXPECT_EQ(row.size(), 21u) << name;  // 19 + phone and email
      for (const auto& [key, value] : row.items()) {
        const std::string& cell = cells.at(key);
        if (value.is_string()) EXPECT_EQ(cell, value.get<std::string>()) << name << ' ' << key;
        else if (value.is_boolean()) EXPECT_EQ(cell, value.get<bool>() ? "yes" : "no") << name << ' ' << key;
        else if (value.is_null()) EXPECT_EQ(cell, "") << name << ' ' << key;
        else EXPECT_EQ(std::stod(cell), value.get<double>()) << name << ' ' << key << ' ' << cell;
      }
    }
  }
}

TEST(CustomerColumns, UnknownSortKeyIsAnError) {
  const auto session = test::finished_session(kHalfCents);
  try {
    session->customers_page(json::object(), {{"sort", "monetry"}});
    FAIL() << "expected E_BAD_OPTION";
  } catch (const HuikeError& e) {
    EXPECT_EQ(e.code(), ErrorCode::E_BAD_OPTION);
    EXPECT_NE(std::string(e.what()).find("monetry"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("average_order_value"), std::string::npos) << e.what();
  }
  // A sort key that is a column but not sortable (a segment name) is refused too.
  EXPECT_THROW(session->customers_page(json::object(), {{"sort", "segment_eight"}}), HuikeError);
}

TEST(CustomerColumns, SortKeysOrderThePage) {
  const auto session = test::finished_session(kHalfCents);
  const auto ids = [&](const json& query) {
    const json page = session->customers_page(json::object(), query);
    std::string out;
    for (const json& row : page["rows"]) out += row["customer_id"].get<std::string>();
    return out;
  };
  EXPECT_EQ(ids({{"sort", "monetary"}}), "XYZ");  // 653.01, 10.25, 7
  EXPECT_EQ(ids({{"sort", "average_order_value"}, {"descending", false}}), "YZX");  // 5.125, 7, 326.505
  EXPECT_EQ(ids({{"sort", "last_purchase"}}), "YZX");  // 03-10, 03-01, 02-01
  EXPECT_EQ(ids({{"sort", "customer_id"}}), "ZYX");
  // Z has no cycle: it sorts below every real one.
  EXPECT_EQ(ids({{"sort", "cycle_days"}, {"descending", false}}), "ZXY");  // none, 31, 60
}

}  // namespace
}  // namespace huike
