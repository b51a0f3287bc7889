// The identity choice (ingest option "identity"): which column tells customers apart.
// Expected figures worked out by hand from tests/fixtures/woocommerce_guests.csv:
//   line order  status      total  customer_user  name        email            phone
//   2    1001   completed   50     12             Ann Lee     ann@example.com  555-0101
//   3    1002   completed   30     0              Bob Guest   bob@example.com  555-0102
//   4    1003   processing  20     0              Cat Guest   cat@example.com
//   5    1004   completed   45.50  0              Bob Guest   bob@example.com  555-0102
//   6    1005   cancelled   99     0              Dan Guest   dan@example.com
//   7    1006   completed   12     0              Eve Guest                    555-0199
//   8    1007   completed   8      0              Nobody
//   9    1008   completed   70     12             Ann Lee     ann@example.com  555-0101
//   10   1009   pending     10     0              Fay Guest   fay@example.com
//   11   1010   refunded    25     0              Gus Guest   gus@example.com
//   12   1011   on-hold     11     14             Hal Moe     hal@example.com
//   13   1012   completed   15     14             Hal Moe     hal@example.com
// Purchases: lines 2, 3, 4, 5, 7, 8, 9, 13 (8 rows; 6, 10, 11, 12 are not purchases). A row
// without the chosen identity is missing_customer (counted before its status is read).
#include <gtest/gtest.h>

#include "ingest/identity_choice.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::fixture_path;
using test::read_bytes;
using test::report_of;

json guests(const std::string& identity) {
  return report_of(read_bytes(fixture_path("woocommerce_guests.csv")), {{"identity", identity}});
}

TEST(IdentityChoice, AutoIsTheCustomerColumnWithGuestsByEmailElsePhone) {
  const json r = guests("auto");
  // 12, bob@, cat@, 555-0199 (Eve), 14; Nobody (line 8) has neither.
  EXPECT_EQ(r["totals"]["customers"], 5);
  EXPECT_EQ(r["input"]["customer_identity"]["mode"], "auto");
  EXPECT_EQ(r["input"]["customer_identity"]["identity_column"], nullptr);
  EXPECT_EQ(r["input"]["excluded"]["missing_customer"]["example_lines"], json::array({8}));
}

TEST(IdentityChoice, EmailIdentifiesEveryRowByItsAddress) {
  const json r = guests("email");
  // ann@ (2 orders), bob@ (2), cat@, hal@ (1012); Eve (7) and Nobody (8) have no e-mail.
  EXPECT_EQ(r["totals"]["customers"], 4);
  EXPECT_EQ(r["totals"]["orders"], 6);  // ann@ 2, bob@ 2, cat@ 1, hal@ 1
  EXPECT_NEAR(r["totals"]["revenue"].get<double>(), 50 + 70 + 30 + 45.5 + 20 + 15, 1e-9);
  const json& id = r["input"]["customer_identity"];
  EXPECT_EQ(id["mode"], "email");
  EXPECT_EQ(id["identity_column"], "billing_email");
  EXPECT_EQ(id["rows_by_email"], 6);
  EXPECT_EQ(id["rows_by_customer_column"], 0);
  EXPECT_EQ(r["input"]["excluded"]["missing_customer"]["example_lines"], json::array({7, 8}));
  EXPECT_NE(id["rule"].get<std::string>().find("e-mail"), std::string::npos);
}

TEST(IdentityChoice, IdLeavesPlaceholderRowsOut) {
  const json r = guests("id");
  // Only 12 (lines 2, 9) and 14 (line 13) buy; every customer_user 0 row (8 rows) is missing.
  EXPECT_EQ(r["totals"]["customers"], 2);
  EXPECT_EQ(r["input"]["excluded"]["missing_customer"]["rows"], 8);
  EXPECT_EQ(r["input"]["customer_identity"]["placeholder_values"], json::array({"0"}));
}

TEST(IdentityChoice, PhoneAndName) {
  // Phones on purchases: 555-0101 (Ann), 555-0102 (Bob), 555-0199 (Eve).
  const json phone = guests("phone");
  EXPECT_EQ(phone["totals"]["customers"], 3);
  EXPECT_EQ(phone["input"]["customer_identity"]["identity_column"], "billing_phone");
  // First + last name: Ann Lee, Bob Guest, Cat Guest, Eve Guest, Nobody, Hal Moe.
  const json name = guests("name");
  EXPECT_EQ(name["totals"]["customers"], 6);
  EXPECT_EQ(name["input"]["customer_identity"]["rows_by_name"], 8);  // the 8 purchase rows
  EXPECT_EQ(name["input"]["excluded"].count("missing_customer"), 0u);
}

TEST(IdentityChoice, ALineItemRowWithABlankNameIsTheOrderAbove) {
  // shopify_lines.csv: Billing Name is filled on each order's first line only. Purchases by name:
  // Ann Lee (#1001 lines 2-3, #1006 line 11), Bob Roe (#1002), Cat Poe (#1004 lines 7-9);
  // #1003 (lines 5-6) is refunded, #1005 (line 10) pending. Lines 3, 8, 9 have a blank name
  // and a blank total: line items of the order right above, not missing customers.
  const json r = report_of(read_bytes(fixture_path("shopify_lines.csv")), {{"identity", "name"}});
  EXPECT_EQ(r["totals"]["customers"], 3);
  EXPECT_EQ(r["totals"]["orders"], 4);
  EXPECT_EQ(r["input"]["excluded"].count("missing_customer"), 0u);
  EXPECT_EQ(r["input"]["excluded"]["line_item_of_excluded_order"]["example_lines"], json::array({6}));
  EXPECT_EQ(r["input"]["line_items_without_amount"]["example_lines"], json::array({3, 8, 9}));
  EXPECT_EQ(r["input"]["customer_identity"]["rows_by_name"], 7);  // lines 2, 3, 4, 7, 8, 9, 11
}

TEST(IdentityChoice, TheReportListsTheChoicesTheFileHas) {
  const json choices = guests("auto")["input"]["customer_identity"]["choices"];
  EXPECT_EQ(choices, json::parse(R"([{"identity":"id","column":"customer_user"},
                                     {"identity":"email","column":"billing_email"},
                                     {"identity":"phone","column":"billing_phone"},
                                     {"identity":"name","column":"billing_first_name + billing_last_name"}])"));
  // Shopify's customer column is its Email: the e-mail choice reads that column.
  const json shopify = report_of(read_bytes(fixture_path("shopify_lines.csv")), {{"identity", "email"}});
  EXPECT_EQ(shopify["input"]["customer_identity"]["identity_column"], "Email");
  // small_orders.csv has customer_id only.
  const json small = report_of(read_bytes(fixture_path("small_orders.csv")));
  EXPECT_EQ(small["input"]["customer_identity"]["choices"], json::parse(R"([{"identity":"id","column":"customer_id"}])"));
}

TEST(IdentityChoice, BadOrUnavailableChoiceIsABadOption) {
  const std::string bytes = read_bytes(fixture_path("small_orders.csv"));
  EXPECT_EQ(test::error_code_of(bytes, {{"identity", "mail"}}), "E_BAD_OPTION");
  EXPECT_EQ(test::error_code_of(bytes, {{"identity", 3}}), "E_BAD_OPTION");
  EXPECT_EQ(test::error_code_of(bytes, {{"identity", "email"}}), "E_BAD_OPTION");  // no e-mail column
  EXPECT_EQ(test::error_code_of(bytes, {{"identity", "name"}}), "E_BAD_OPTION");
  EXPECT_EQ(test::error_code_of(bytes, {{"identity", "id"}}), "");
}

TEST(IdentityChoice, ModeKeysRoundTrip) {
  for (const char* key : {"auto", "id", "email", "phone", "name"}) {
    const auto mode = parse_identity_mode(key);
    ASSERT_TRUE(mode.has_value()) << key;
    EXPECT_STREQ(identity_mode_key(*mode), key);
  }
  EXPECT_FALSE(parse_identity_mode("customer").has_value());
}

}  // namespace
}  // namespace huike
