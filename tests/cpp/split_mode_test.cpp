// Split mode (issue 14, files beyond one heap): a session without product lines plus a
// session with them must give exactly the report and lists of one session. The expected
// values come from one ordinary session over the same bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "../../bench/btyd_export.h"
#include "core/error.h"
#include "test_support.h"

namespace {

using huike::Session;
using nlohmann::json;

std::unique_ptr<Session> read(const std::string& bytes, const json& ingest) {
  auto session = std::make_unique<Session>();
  session->begin(ingest);
  session->feed(bytes);
  session->finish();
  return session;
}

std::vector<json> settings() {
  return {
      json::object(),
      {{"as_of", "2024-06-01"}, {"returns", "ignore"}},
      {{"remind_within_days", 30}, {"remind_days_before", 3}, {"learn_min_customers", 5}},
      {{"product_min_orders", 2}, {"potential_days", 60}, {"churned_multiplier", 3}},
      {{"thresholds", "median"}, {"tier_window_days", 180}},
  };
}

// Whether the reminder column of a customers CSV holds a date for some customer.
bool has_reminder_dates(const std::string& csv) {
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  const std::vector<std::string> header = huike::test::split_csv_line(line);
  const size_t column = std::find(header.begin(), header.end(), "reminder_date") - header.begin();
  EXPECT_LT(column, header.size());
  while (std::getline(lines, line)) {
    const std::vector<std::string> cells = huike::test::split_csv_line(line);
    if (column < cells.size() && !cells[column].empty()) return true;
  }
  return false;
}

void expect_split_equals_one(const std::string& bytes, const json& ingest) {
  const auto one = read(bytes, ingest);
  json without = ingest;
  without["product_lines"] = false;
  const auto customers = read(bytes, without);
  const auto products = read(bytes, ingest);
  ASSERT_GT(one->table().products.size(), 0u) << "the file must have product lines";
  EXPECT_EQ(customers->table().products.size(), 0u);

  for (const json& options : settings()) {
    // The product engine first, as the page asks it: it computes only what these need.
    const json sections = products->product_sections(options);
    const json page = products->products_page(options, {{"limit", 20}});
    customers->use_reminder_days(products->reminder_days(options));
    json merged = customers->report(options);
    for (const auto& [key, value] : sections.items()) merged[key] = value;
    const json want = one->report(options);
    for (const auto& [key, value] : want.items()) {
      EXPECT_EQ(merged.value(key, json()), value) << "section '" << key << "' for " << options.dump();
    }
    EXPECT_EQ(merged, want) << options.dump();
    EXPECT_EQ(page, one->products_page(options, {{"limit", 20}}));
    EXPECT_EQ(products->reminders_page(options, {{"limit", 20}}), one->reminders_page(options, {{"limit", 20}}));
    const std::string csv = one->customers_csv(options);
    EXPECT_EQ(customers->customers_csv(options), csv) << options.dump();
    const json query = {{"sort", "monetary"}, {"limit", 30}};
    EXPECT_EQ(customers->customers_page(options, query), one->customers_page(options, query));
  }
}

TEST(SplitMode, GeneratedOrdersGiveTheSameReportAndLists) {
  expect_split_equals_one(huike::bench::btyd_export_text({20000, 7, false, false}), json::object());
}

TEST(SplitMode, TaobaoStyleGbkOrdersGiveTheSameReportAndLists) {
  expect_split_equals_one(huike::bench::btyd_export_text({8000, 3, true, true}), json::object());
}

TEST(SplitMode, RealLineItemsGiveTheSameReportAndLists) {
  expect_split_equals_one(huike::test::read_bytes(huike::test::fixture_path("shopify_lines.csv")), json::object());
}

TEST(SplitMode, WithoutTheOtherEnginesDaysTheRemindersAreMissing) {
  // So the merge above is what makes the lists equal, not an empty reminder column.
  const std::string bytes = huike::bench::btyd_export_text({20000, 7, false, false});
  const auto one = read(bytes, json::object());
  const auto customers = read(bytes, {{"product_lines", false}});
  const std::string csv = one->customers_csv(json::object());
  ASSERT_TRUE(has_reminder_dates(csv));
  EXPECT_FALSE(has_reminder_dates(customers->customers_csv(json::object())));
  customers->use_reminder_days(std::vector<int32_t>(one->reminder_days(json::object())));
  EXPECT_EQ(customers->customers_csv(json::object()), csv);
  customers->use_reminder_days({});  // its own again
  EXPECT_FALSE(has_reminder_dates(customers->customers_csv(json::object())));
}

TEST(SplitMode, ReminderDaysOfAnotherFileAreRefused) {
  const auto customers = read(huike::bench::btyd_export_text({2000, 7, false, false}), {{"product_lines", false}});
  try {
    customers->use_reminder_days(std::vector<int32_t>(3, 0));
    FAIL() << "no error";
  } catch (const huike::HuikeError& e) {
    EXPECT_EQ(e.code(), huike::ErrorCode::E_BAD_OPTION);
    EXPECT_NE(std::string(e.what()).find("for 3 customers"), std::string::npos) << e.what();
  }
}

}  // namespace
