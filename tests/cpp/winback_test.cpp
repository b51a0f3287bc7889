// Win-back tiers, caps, channels, ranking and the member list (issue 8, seed 001) on a small
// hand-made shop; expected values worked out by hand in the comments. Analysis date 2025-01-01.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/contact.h"
#include "ingest/date_parse.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

const json kOptions = {{"as_of", "2025-01-01"}};

std::string day(int days_before) { return format_day(days_from_civil(2025, 1, 1) - days_before); }

// Lapsed (all sleeping, R ≥ 365): L1 one order of 10; L2 two of 100; L3 three of 20; L4 four
// of 30; L5 one of 30. Active: A1 50 + 50 (days 20, 10), A2 30 (day 5): the shop's cycle is
// the mean of L2 50, L3 100, L4 133.3, A1 10 = 73.3 days, so R 10 and 5 are well inside it.
// Order values: 10, 100×2, 20×3, 30×4, 30, 50×2, 30 → 14 values; sorted, the 7th and 8th are
// 30 and 30 → median 30. L1 (10) and L5 (30, on the bound) are light_low_value, L2 (100)
// light_high_value, L3 and L4 loyal_lapsed.
// Contacts: L1 a phone → sms; L5 a masked phone and an e-mail → email; L2 none → platform;
// L3 an unusable e-mail → platform; L4 a phone on its second row ("-" on its first) → sms.
std::string shop_csv() {
  std::string csv = "customer,order_date,amount,phone,email\n";
  const auto row = [&](const char* c, int d, int amount, const char* phone = "", const char* email = "") {
    csv += std::string(c) + ',' + day(d) + ',' + std::to_string(amount) + ',' + phone + ',' + email + '\n';
  };
  row("L1", 400, 10, "13800000001");
  row("L2", 500, 100);
  row("L2", 450, 100);
  row("L3", 700, 20, "", "not-an-email");
  row("L3", 600, 20);
  row("L3", 500, 20);
  row("L4", 800, 30, "-");  // a placeholder is no phone: the next row's counts
  row("L4", 700, 30, "13800000004");
  row("L4", 600, 30);
  row("L4", 400, 30);
  row("L5", 380, 30, "138****0005", "l5@example.com");
  row("A1", 20, 50, "13800000011");
  row("A1", 10, 50);
  row("A2", 5, 30);
  return csv;
}

const json& wtier(const json& report, const std::string& key) {
  for (const json& t : report["winback"]["tiers"]) {
    if (t["key"] == key) return t;
  }
  static const json none;
  ADD_FAILURE() << "no tier " << key;
  return none;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);  // BOM
  size_t at = 3;
  while (at < csv.size()) {
    const size_t end = csv.find("\r\n", at);
    std::vector<std::string> cells;
    std::string line = csv.substr(at, end - at), cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) cells.push_back(std::exchange(cell, ""));
      else cell += c;
    }
    cells.push_back(cell);
    rows.push_back(cells);
    at = end + 2;
  }
  return rows;
}

TEST(Winback, TiersCapsChannelsOnAHandWorkedShop) {
  auto session = test::finished_session(shop_csv());
  const json report = session->report(kOptions);
  const json& w = report["winback"];
  EXPECT_EQ(w["lapsed_customers"], 5);
  EXPECT_DOUBLE_EQ(w["median_order_value"].get<double>(), 30);
  EXPECT_TRUE(w["member_list"].is_null());
  EXPECT_EQ(wtier(report, "light_low_value")["customers"], 2);   // L1, L5
  EXPECT_DOUBLE_EQ(wtier(report, "light_low_value")["revenue"].get<double>(), 40);
  EXPECT_EQ(wtier(report, "light_high_value")["customers"], 1);  // L2
  EXPECT_DOUBLE_EQ(wtier(report, "light_high_value")["revenue"].get<double>(), 200);
  EXPECT_EQ(wtier(report, "loyal_lapsed")["customers"], 2);      // L3, L4
  EXPECT_DOUBLE_EQ(wtier(report, "loyal_lapsed")["revenue"].get<double>(), 180);
  EXPECT_EQ(wtier(report, "members_no_order")["customers"], 0);
  EXPECT_FALSE(wtier(report, "members_no_order")["available"].get<bool>());
  EXPECT_EQ(wtier(report, "light_low_value")["channels"], (json{{"sms", 1}, {"email", 1}, {"platform_message", 0}}));
  EXPECT_EQ(wtier(report, "light_high_value")["channels"], (json{{"sms", 0}, {"email", 0}, {"platform_message", 1}}));
  EXPECT_EQ(wtier(report, "loyal_lapsed")["channels"], (json{{"sms", 1}, {"email", 0}, {"platform_message", 1}}));
  // The article's caps by default.
  EXPECT_EQ(wtier(report, "loyal_lapsed")["max_touches"], 8);
  EXPECT_EQ(wtier(report, "loyal_lapsed")["min_days_between"], 7);
  EXPECT_EQ(wtier(report, "light_high_value")["max_touches"], 4);
  EXPECT_EQ(wtier(report, "light_low_value")["min_days_between"], 30);
  EXPECT_EQ(wtier(report, "members_no_order")["max_touches"], 3);
  // Settings move the caps; light buyers up to 3 orders makes L3 light (AOV 20 ≤ 30).
  json changed = kOptions;
  changed["winback_loyal_lapsed_max_touches"] = 5;
  changed["winback_light_max_orders"] = 3;
  const json again = session->report(changed);
  EXPECT_EQ(wtier(again, "loyal_lapsed")["max_touches"], 5);
  EXPECT_EQ(wtier(again, "loyal_lapsed")["customers"], 1);
  EXPECT_EQ(wtier(again, "light_low_value")["customers"], 3);
}

TEST(Winback, ContactPlanCsvRanksByNetSpendWithinATier) {
  auto session = test::finished_session(shop_csv());
  const auto rows = csv_rows(session->winback_csv(kOptions, json::object(), "en"));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"tier", "tier_name", "customer_id", "phone", "email", "channel", "orders",
                                                "spend", "average_order_value", "last_purchase", "days_since", "offer",
                                                "max_touches", "min_days_between", "first_touch", "signup_date"}));
  // loyal_lapsed first: L4 (120) before L3 (60); then L2; then L5 (30) before L1 (10).
  std::vector<std::string> order;
  for (size_t i = 1; i < rows.size(); ++i) order.push_back(rows[i][2]);
  EXPECT_EQ(order, (std::vector<std::string>{"L4", "L3", "L2", "L5", "L1"}));
  // L4: 4 orders, 120.00, AOV 30.00, last 400 days ago, phone from its second row.
  EXPECT_EQ(rows[1], (std::vector<std::string>{"loyal_lapsed", "3 or more orders", "L4", "13800000004", "", "sms", "4",
                                                "120.00", "30.00", day(400), "400",
                                                "Their preferred brands or categories, plus member-only coupons", "8",
                                                "7", "2025-01-01", ""}));
  EXPECT_EQ(rows[4][5], "email");  // L5: the masked phone is kept but not texted
  EXPECT_EQ(rows[4][3], "138****0005");
  // One tier only.
  const auto loyal = csv_rows(session->winback_csv(kOptions, {{"tier", "light_low_value"}}, "zh-CN"));
  ASSERT_EQ(loyal.size(), 3u);
  EXPECT_EQ(loyal[1][1], "购买1–2次、客单价低");
  EXPECT_THROW(session->winback_csv(kOptions, {{"tier", "vip"}}), HuikeError);
}

TEST(Winback, CustomersCsvCarriesTheWinbackTier) {
  auto session = test::finished_session(shop_csv());
  const auto rows = csv_rows(session->customers_csv(kOptions));
  const auto& header = rows[0];
  const size_t col = std::find(header.begin(), header.end(), "winback_tier") - header.begin();
  ASSERT_LT(col, header.size());
  std::map<std::string, std::string> tier;
  for (size_t i = 1; i < rows.size(); ++i) tier[rows[i][0]] = rows[i][col];
  EXPECT_EQ(tier["L1"], "light_low_value");
  EXPECT_EQ(tier["L2"], "light_high_value");
  EXPECT_EQ(tier["L4"], "loyal_lapsed");
  EXPECT_EQ(tier["A1"], "");  // not lapsed
  EXPECT_EQ(session->customers_page(kOptions, {{"filter", {{"winback_tier", "loyal_lapsed"}}}})["total"], 2);
}

// tests/fixtures/member_lists/members_gbk.csv (GBK, CRLF): 会员ID,手机号,邮箱,注册时间 —
//   L1 (has orders; its order-file phone stays), L2 (has orders, no phone in the order file:
//   the list's fills it → sms), M9 (no orders, a phone → sms), M10 (no orders, an e-mail →
//   email; its 注册时间 不详 is no date), a row with a blank id (line 6), L1 again (line 7).
TEST(Winback, MemberListAddsMembersWithoutOrdersAndFillsContacts) {
  auto session = test::finished_session(shop_csv());
  const json list = session->load_member_list(test::read_bytes(test::fixture_path("member_lists/members_gbk.csv")), {});
  EXPECT_EQ(list["encoding"], "gb18030");
  EXPECT_EQ(list["rows"], 6);
  EXPECT_EQ(list["members"], 4);
  EXPECT_EQ(list["matched"], 2);                // L1, L2
  EXPECT_EQ(list["unmatched"], 2);              // M9, M10
  EXPECT_EQ(list["customers_not_in_list"], 5);  // L3, L4, L5, A1, A2
  EXPECT_EQ(list["members_without_orders"], 2);
  EXPECT_EQ(list["excluded"]["blank_member_id"]["example_lines"], json::array({6}));
  EXPECT_EQ(list["excluded"]["duplicate_member_id"]["example_lines"], json::array({7}));
  EXPECT_EQ(list["bad_signup_date"]["example_lines"], json::array({5}));
  EXPECT_EQ(list["columns"]["member_id"], "会员ID");
  EXPECT_EQ(list["columns"]["phone"], "手机号");
  EXPECT_EQ(list["columns"]["signup"], "注册时间");

  const json report = session->report(kOptions);
  EXPECT_EQ(report["winback"]["member_list"]["matched"], 2);
  EXPECT_EQ(report["winback"]["member_list"]["members_without_orders"], 2);
  EXPECT_EQ(wtier(report, "members_no_order")["customers"], 2);
  EXPECT_EQ(wtier(report, "members_no_order")["channels"], (json{{"sms", 1}, {"email", 1}, {"platform_message", 0}}));
  // L2 now has the list's phone.
  EXPECT_EQ(wtier(report, "light_high_value")["channels"], (json{{"sms", 1}, {"email", 0}, {"platform_message", 0}}));

  const auto rows = csv_rows(session->winback_csv(kOptions, {{"tier", "members_no_order"}}, "en"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][2], "M9");
  EXPECT_EQ(rows[1][5], "sms");
  EXPECT_EQ(rows[1][6], "0");
  EXPECT_EQ(rows[1][15], "2024-03-01");  // 2024年3月1日
  EXPECT_EQ(rows[2][2], "M10");
  EXPECT_EQ(rows[2][4], "m10@example.com");
  EXPECT_EQ(rows[2][15], "");

  session->clear_member_list();
  EXPECT_TRUE(session->report(kOptions)["winback"]["member_list"].is_null());
}

TEST(Winback, MemberListWithoutAnIdColumnIsAClearError) {
  auto session = test::finished_session(shop_csv());
  try {
    session->load_member_list("注册时间,备注\n2024-01-01,x\n", {});
    ADD_FAILURE() << "no error";
  } catch (const HuikeError& e) {
    EXPECT_EQ(e.code(), ErrorCode::E_NO_MEMBER_ID_COLUMN);
  }
  // Mapped by hand, tab-separated.
  const json list = session->load_member_list("编号\t电话\nL1\t13800000000\nZ9\t\n", {{"columns", {{"member_id", "编号"}}}});
  EXPECT_EQ(list["delimiter"], "tab");
  EXPECT_EQ(list["matched"], 1);
  EXPECT_EQ(list["unmatched"], 1);
}

TEST(Winback, ContactPlanCellsCannotRunAsFormulas) {
  // A member id and an e-mail that a spreadsheet would run: quoted with a leading '.
  auto session = test::finished_session(shop_csv());
  session->load_member_list("member_id,email\n=HYPERLINK(\"x\"),@SUM(1)@a.cn\n", {});
  const std::string csv = session->winback_csv(kOptions, {{"tier", "members_no_order"}}, "en");
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'@SUM(1)@a.cn\""), std::string::npos) << csv;
}

TEST(Contact, ChannelRules) {
  EXPECT_TRUE(is_usable_phone("13800000000"));
  EXPECT_TRUE(is_usable_phone("+86 138-0000-0000"));
  EXPECT_FALSE(is_usable_phone("138****0000"));
  EXPECT_FALSE(is_usable_phone("555-01"));
  EXPECT_TRUE(is_usable_email("ann@example.com"));
  EXPECT_FALSE(is_usable_email("ann@example"));
  EXPECT_FALSE(is_usable_email("@example.com"));
  EXPECT_FALSE(is_usable_email("a@b@c.com"));
  EXPECT_EQ(channel_for("13800000000", "ann@example.com"), Channel::sms);
  EXPECT_EQ(channel_for("138****0000", "ann@example.com"), Channel::email);
  EXPECT_EQ(channel_for("", ""), Channel::platform_message);
  EXPECT_STREQ(channel_key(Channel::platform_message), "platform_message");
}

TEST(Contact, CustomerIdThatIsAPhoneOrAnEmailIsItsOwnContact) {
  // Shopify's Email is the customer id: it is also the address.
  auto session = test::finished_session(test::read_bytes(test::fixture_path("shopify_lines.csv")));
  const OrderTable& table = session->table();
  bool found = false;
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    if (table.customer_id(c) != "ann@example.com") continue;
    found = true;
    EXPECT_EQ(customer_contact(table, c).email, "ann@example.com");
    EXPECT_EQ(customer_contact(table, c).channel, Channel::email);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace huike
