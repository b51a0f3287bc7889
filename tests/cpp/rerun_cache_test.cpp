// Issue 14: a re-run reuses what the changed setting does not touch. The report (and the
// lists) after any sequence of settings must equal a fresh session's for the same settings:
// each expected value here comes from a new session that saw only that one setting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../bench/btyd_export.h"
#include "test_support.h"

namespace {

using nlohmann::json;

std::string generated_orders() { return huike::bench::btyd_export_text({20000, 7, false, false}); }

// One setting of every group of the page: the overview's, health, tiers, win-back,
// reminders, product roles and data warnings, and a few together.
std::vector<json> settings() {
  return {
      json::object(),
      {{"churn_window_days", 200}},
      {{"thresholds", "median"}},
      {{"thresholds", "custom"}, {"custom_thresholds", {{"recency", 60}, {"frequency", 2}, {"monetary", 150}}}},
      {{"thresholds", "custom"}, {"custom_thresholds", {{"recency", 90}, {"frequency", 3}, {"monetary", 150}}}},
      {{"at_risk_multiplier", 1.2}},
      {{"churned_multiplier", 3}},
      {{"returns", "ignore"}},
      {{"as_of", "2024-06-01"}},
      {{"period", "week"}},
      {{"compare_as_of", "2024-01-15"}},
      {{"tier_window_days", 180}},
      {{"high_spend_share", 0.3}, {"loyalty_revenue_share", 0.7}},
      {{"churning_recent_days", 90}},
      {{"winback_light_max_orders", 1}, {"winback_loyal_lapsed_max_touches", 3}},
      {{"remind_within_days", 30}, {"remind_days_before", 3}},
      {{"learn_min_customers", 5}},
      {{"product_min_orders", 2}, {"potential_days", 60}},
      {{"warn_zero_share", 0.5}, {"warn_one_time_share", 0.2}},
      {{"as_of", "2024-06-01"}, {"returns", "ignore"}, {"thresholds", "median"}, {"churn_window_days", 120},
       {"at_risk_multiplier", 1.1}, {"tier_window_days", 90}, {"period", "week"}},
  };
}

class RerunCache : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bytes_ = new std::string(generated_orders());
    fresh_ = new std::vector<json>;
    fresh_csv_ = new std::vector<std::string>;
    for (const json& options : settings()) {
      const auto session = huike::test::finished_session(*bytes_);
      fresh_->push_back(session->report(options));
      fresh_csv_->push_back(session->customers_csv(options));
    }
  }
  static void TearDownTestSuite() {
    delete bytes_;
    delete fresh_;
    delete fresh_csv_;
  }

  // Key by key first (a readable failure), then the whole report.
  static void expect_fresh(const json& got, size_t setting, const std::string& after) {
    const json& want = (*fresh_)[setting];
    for (const auto& [key, value] : want.items()) {
      EXPECT_EQ(got.value(key, json()), value) << "section '" << key << "' of setting " << setting << " after " << after;
    }
    EXPECT_EQ(got, want) << "setting " << setting << " after " << after;
  }

  static std::string* bytes_;
  static std::vector<json>* fresh_;
  static std::vector<std::string>* fresh_csv_;
};

std::string* RerunCache::bytes_ = nullptr;
std::vector<json>* RerunCache::fresh_ = nullptr;
std::vector<std::string>* RerunCache::fresh_csv_ = nullptr;

TEST_F(RerunCache, TheSettingsDifferFromEachOther) {
  // Otherwise the tests below would prove nothing: each setting changes its report.
  for (size_t i = 1; i < fresh_->size(); ++i) EXPECT_NE((*fresh_)[i], (*fresh_)[0]) << "setting " << i;
}

TEST_F(RerunCache, AThenBThenAEqualsFreshSessions) {
  const std::vector<json> all = settings();
  for (size_t a = 0; a < all.size(); ++a) {
    const size_t b = (a + 1) % all.size();
    const auto session = huike::test::finished_session(*bytes_);
    expect_fresh(session->report(all[a]), a, "nothing");
    expect_fresh(session->report(all[b]), b, "setting " + std::to_string(a));
    expect_fresh(session->report(all[a]), a, "settings " + std::to_string(a) + ", " + std::to_string(b));
  }
}

TEST_F(RerunCache, EverySettingAfterEveryOtherInOneSession) {
  // Forwards, then backwards, then by strides: each setting follows many different ones.
  const std::vector<json> all = settings();
  const auto session = huike::test::finished_session(*bytes_);
  std::vector<size_t> order;
  for (size_t i = 0; i < all.size(); ++i) order.push_back(i);
  for (size_t i = all.size(); i-- > 0;) order.push_back(i);
  for (size_t i = 0; i < all.size(); ++i) order.push_back(i * 7 % all.size());
  size_t previous = 0;
  for (size_t i : order) {
    expect_fresh(session->report(all[i]), i, "setting " + std::to_string(previous));
    previous = i;
  }
}

TEST_F(RerunCache, CustomerListsFollowTheSettings) {
  // The page's lists and exports read the same cached analyses as the report.
  const std::vector<json> all = settings();
  const auto session = huike::test::finished_session(*bytes_);
  for (size_t i : {0, 1, 5, 7, 8, 11, 14, 0, 19, 8}) {
    session->report(all[(i + 3) % all.size()]);
    EXPECT_EQ(session->customers_csv(all[i]), (*fresh_csv_)[i]) << "setting " << i;
  }
}

TEST_F(RerunCache, ABadSettingLeavesTheCachesUsable) {
  const std::vector<json> all = settings();
  const auto session = huike::test::finished_session(*bytes_);
  expect_fresh(session->report(all[1]), 1, "nothing");
  EXPECT_THROW(session->report({{"tier_window_days", -5}}), huike::HuikeError);
  EXPECT_THROW(session->report({{"as_of", "2000-01-01"}}), huike::HuikeError);
  expect_fresh(session->report(all[1]), 1, "two refused settings");
  expect_fresh(session->report(all[11]), 11, "two refused settings and setting 1");
}

TEST_F(RerunCache, ConsumptionTableAndMemberListChangesAreSeen) {
  // The reminders read the consumption table and the win-back plan the member list: a new
  // one re-runs them even with the same settings.
  const std::string consumption = "product,days_per_unit\nInfant formula stage 3 900g tin,20\nDaily mixed nuts 750g,9\n";
  const std::string members = "member_id,phone\nC00000001,13800000001\nM-NEW-1,13800000002\n";
  const json with_members_ingest = json::object();
  const auto fresh_with = [&](bool table, bool list, const json& options) {
    const auto session = huike::test::finished_session(*bytes_);
    if (table) session->set_consumption_table(consumption);
    if (list) session->load_member_list(members, with_members_ingest);
    return session->report(options);
  };
  const std::vector<json> all = settings();
  EXPECT_NE(fresh_with(true, false, all[15])["replenishment"], (*fresh_)[15]["replenishment"]);
  EXPECT_NE(fresh_with(true, true, all[1])["winback"], fresh_with(true, false, all[1])["winback"]);
  const auto session = huike::test::finished_session(*bytes_);
  expect_fresh(session->report(all[15]), 15, "nothing");
  session->set_consumption_table(consumption);
  EXPECT_EQ(session->report(all[15]), fresh_with(true, false, all[15]));
  session->load_member_list(members, with_members_ingest);
  EXPECT_EQ(session->report(all[1]), fresh_with(true, true, all[1]));
  session->clear_member_list();
  session->set_consumption_table("");
  expect_fresh(session->report(all[15]), 15, "a consumption table and a member list, both removed");
  expect_fresh(session->report(all[1]), 1, "a consumption table and a member list, both removed");
}

}  // namespace
