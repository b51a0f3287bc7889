// Real platform export layouts (tests/fixtures/README.md says where each header list was
// documented). Every expected figure below was worked out by hand from the fixture's rows.
#include <gtest/gtest.h>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::fixture_path;
using test::read_bytes;
using test::report_of;

const std::vector<std::string> kPlatformFixtures = {
    "woocommerce_guests.csv", "woocommerce_aoe.csv", "shopify_lines.csv",       "pinduoduo.csv",
    "jd_pop.csv",             "youzan.csv",          "douyin.csv",              "amazon_order_report.txt",
    "square_fr_cp1252.csv"};

json report(const std::string& name) { return report_of(read_bytes(fixture_path(name))); }

void expect_totals(const json& r, int customers, int orders, double revenue) {
  EXPECT_EQ(r["totals"]["customers"], customers);
  EXPECT_EQ(r["totals"]["orders"], orders);
  EXPECT_NEAR(r["totals"]["revenue"].get<double>(), revenue, 1e-9);
}

json excluded_lines(const json& r, const char* reason) { return r["input"]["excluded"][reason]["example_lines"]; }

// customer_user 0 on every guest order: guests are told apart by e-mail, else phone.
TEST(PlatformExports, WooCommerceGuestsByEmailOrPhone) {
  const json r = report("woocommerce_guests.csv");
  EXPECT_EQ(r["input"]["platform"], "woocommerce_order_export");
  // 12: 50 + 70; bob@: 30 + 45.50; cat@: 20; phone 555-0199: 12; 14: 15 (its 11 is on hold).
  expect_totals(r, 5, 7, 50 + 70 + 30 + 45.5 + 20 + 12 + 15);
  EXPECT_DOUBLE_EQ(r["totals"]["repeat_rate"].get<double>(), 2.0 / 5);
  const json& id = r["input"]["customer_identity"];
  EXPECT_EQ(id["customer_column"], "customer_user");
  EXPECT_EQ(id["email_column"], "billing_email");
  EXPECT_EQ(id["phone_column"], "billing_phone");
  EXPECT_EQ(id["rows_by_customer_column"], 3);
  EXPECT_EQ(id["rows_by_email"], 3);
  EXPECT_EQ(id["rows_by_phone"], 1);
  EXPECT_EQ(id["placeholder_values"], json::array({"0"}));
  EXPECT_EQ(excluded_lines(r, "missing_customer"), json::array({8}));  // guest with neither
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({6}));
  EXPECT_EQ(excluded_lines(r, "status_unpaid"), json::array({10, 12}));  // pending, on-hold
  EXPECT_EQ(excluded_lines(r, "status_refunded"), json::array({11}));
}

// Advanced Order Export: one row per product, the order total repeated on each.
TEST(PlatformExports, WooCommerceAdvancedOrderExportTotalsTakenOnce) {
  const json r = report("woocommerce_aoe.csv");
  EXPECT_EQ(r["input"]["platform"], "woocommerce_advanced_order_export");
  EXPECT_EQ(r["input"]["columns"]["customer"], "Email (Billing)");
  EXPECT_EQ(r["input"]["columns"]["quantity"], "Quantity (- Refund)");
  // 2001: 60, 2002: 25, 2003: 40, 2004: 90, 2006: 18 (2005 cancelled); summing lines would give 498.
  expect_totals(r, 3, 5, 60 + 25 + 40 + 90 + 18);
  const json& level = r["input"]["amount_level"];
  EXPECT_EQ(level["decision"], "per_order");
  EXPECT_EQ(level["header_says"], "order");
  EXPECT_EQ(level["multi_line_orders"], 3);
  EXPECT_EQ(level["repeated_orders"], 3);
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({10, 11}));
}

// Shopify: order fields on the first line only; further lines are line items, not bad rows.
TEST(PlatformExports, ShopifyFurtherLineItemsAreNotTrouble) {
  const json r = report("shopify_lines.csv");
  EXPECT_EQ(r["input"]["platform"], "shopify");
  // #1001 110, #1002 55, #1004 70 (partially refunded), #1006 35.50.
  expect_totals(r, 3, 4, 110 + 55 + 70 + 35.5);
  EXPECT_EQ(r["input"]["line_items_without_amount"]["example_lines"], json::array({3, 8, 9}));
  EXPECT_FALSE(r["input"]["excluded"].contains("bad_amount"));
  EXPECT_EQ(excluded_lines(r, "status_refunded"), json::array({5}));
  EXPECT_EQ(excluded_lines(r, "line_item_of_excluded_order"), json::array({6}));  // #1003's second line
  EXPECT_EQ(excluded_lines(r, "status_unpaid"), json::array({10}));
}

// 用户实付金额(元): units in parentheses; compound 订单状态; a separate 售后状态.
TEST(PlatformExports, PinduoduoCompoundAndAfterSaleStatuses) {
  const json r = report("pinduoduo.csv");
  EXPECT_EQ(r["input"]["platform"], "pinduoduo");
  EXPECT_EQ(r["input"]["columns"]["amount"], "用户实付金额(元)");
  EXPECT_EQ(r["input"]["columns"]["after_sale"], "售后状态");
  // ...0001: 50 + 30 + 119; ...0002: 50; ...0003: 15 (退款关闭: no refund); ...0004: 45 (退款中).
  expect_totals(r, 4, 6, 50 + 30 + 119 + 50 + 15 + 45);
  // 未发货，退款成功 in the status; 退款成功 in 售后状态 under 已收货.
  EXPECT_EQ(excluded_lines(r, "status_refunded"), json::array({3, 5}));
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({7}));
}

// JD POP: buyer 下单帐号 (two buyers share a contact phone), (删除) orders, 应付金额 per order.
TEST(PlatformExports, JdPopDeletedOrdersAndOrderLevelAmounts) {
  const json r = report("jd_pop.csv");
  EXPECT_EQ(r["input"]["platform"], "jd_pop");
  EXPECT_EQ(r["input"]["columns"]["customer"], "下单帐号");
  EXPECT_EQ(r["input"]["columns"]["amount"], "应付金额");
  // jd_ann: 140 + 20; jd_bob: 75 + 88.
  expect_totals(r, 2, 4, 140 + 20 + 75 + 88);
  EXPECT_EQ(r["input"]["amount_level"]["decision"], "per_order");
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({5, 6}));
}

TEST(PlatformExports, YouzanOrderLevelAmountsAndAfterSale) {
  const json r = report("youzan.csv");
  EXPECT_EQ(r["input"]["platform"], "youzan");
  EXPECT_EQ(r["input"]["columns"]["customer"], "买家手机号");
  // ...0001: 98 (its 68 was refunded); ...0002: 40; ...0003: 55 (退款关闭).
  expect_totals(r, 3, 3, 98 + 40 + 55);
  EXPECT_EQ(r["input"]["amount_level"]["decision"], "per_order");
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({4}));
  EXPECT_EQ(excluded_lines(r, "status_refunded"), json::array({6}));
  EXPECT_EQ(excluded_lines(r, "status_unpaid"), json::array({7}));
}

TEST(PlatformExports, DouyinSubOrdersShareTheOrderTotal) {
  const json r = report("douyin.csv");
  EXPECT_EQ(r["input"]["platform"], "douyin");
  EXPECT_EQ(r["input"]["columns"]["order_id"], "主订单编号");
  EXPECT_EQ(r["input"]["columns"]["unit_price"], "商品金额");  // a unit price, not the amount
  // 6901: 119.70 once; 6904: 39.90; 6905: 89 (售后关闭).
  expect_totals(r, 3, 3, 119.7 + 39.9 + 89);
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({4}));  // 已关闭
  EXPECT_EQ(excluded_lines(r, "status_refunded"), json::array({5}));   // 售后状态 退款成功
}

// item-price is each line's price: two equal lines of one order are summed, not merged.
TEST(PlatformExports, AmazonOrderReport) {
  const json r = report("amazon_order_report.txt");
  EXPECT_EQ(r["input"]["platform"], "amazon_order_report");
  EXPECT_EQ(r["input"]["delimiter"], "tab");
  EXPECT_EQ(r["input"]["columns"]["customer"], "buyer-email");
  // a1: 39.98 + 15.00; b2: 19.99 and 30.00 + 30.00.
  expect_totals(r, 2, 3, 39.98 + 15 + 19.99 + 60);
  EXPECT_EQ(r["input"]["amount_level"]["decision"], "per_line");
  EXPECT_EQ(r["input"]["amount_level"]["header_says"], "line");
  EXPECT_EQ(excluded_lines(r, "status_unpaid"), json::array({5}));  // Pending
  EXPECT_EQ(excluded_lines(r, "status_cancelled"), json::array({6}));
}

TEST(PlatformExports, AmazonAllOrdersRefusedNamingTheReportToExport) {
  try {
    report("amazon_all_orders.txt");
    FAIL() << "the All Orders report has no buyer column and must be refused";
  } catch (const HuikeError& e) {
    EXPECT_EQ(e.code(), ErrorCode::E_AMAZON_ALL_ORDERS);
    EXPECT_NE(std::string(e.what()).find("Order Reports"), std::string::npos) << e.what();
  }
  // Mapped by hand, the same file is read.
  const json mapped = report_of(read_bytes(fixture_path("amazon_all_orders.txt")),
                                {{"columns", {{"customer", "ship-postal-code"}}}});
  expect_totals(mapped, 1, 1, 39.98);  // the other order is Pending
}

// cp1252, ';', day-first dates, "1 234,50 €"; a refund row of the same transaction.
TEST(PlatformExports, SquareRefundsCancelTheirSale) {
  const json r = report("square_fr_cp1252.csv");
  EXPECT_EQ(r["input"]["platform"], "square");
  EXPECT_EQ(r["input"]["encoding"], "windows-1252");
  EXPECT_EQ(r["input"]["date_order"], "day_first");
  // T1 1234.50 and T4 12.50 (C1), T3 80 − 20 (C2); T2 45 − 45 is no purchase; T6 −15 a return.
  EXPECT_EQ(r["totals"]["orders"], 3);
  EXPECT_EQ(r["totals"]["customers"], 2);
  EXPECT_NEAR(r["totals"]["gross_revenue"].get<double>(), 1234.5 + 12.5 + 60, 1e-9);
  EXPECT_NEAR(r["totals"]["returns_value"].get<double>(), 15, 1e-9);
  EXPECT_EQ(r["input"]["refunded_orders"], 1);
  EXPECT_EQ(r["input"]["excluded"]["refunded_in_file"]["rows"], 2);
  EXPECT_EQ(excluded_lines(r, "refunded_in_file"), json::array({4}));
  EXPECT_EQ(excluded_lines(r, "missing_customer"), json::array({8}));
  EXPECT_EQ(r["analysis"]["first_order_date"], "2024-02-03");  // 03/02/2024, day first
}

// A blank amount is a line item only of an order already read; after a row left out
// for its status it is that order's line; anywhere else it is an unreadable amount.
TEST(PlatformExports, BlankAmountRowsByWhatCameBefore) {
  const json r = report_of(
      "Name,Email,Financial Status,Total,Created at\n"
      "#1,a@x.cn,paid,,2024-01-01\n"        // no order #1 before it
      "#2,b@x.cn,refunded,5,2024-01-02\n"
      "#2,b@x.cn,,,2024-01-02\n"            // a line of the refunded #2
      "#3,c@x.cn,paid,7,2024-01-03\n"
      "#3,c@x.cn,,,2024-01-03\n");          // a line of #3
  EXPECT_EQ(excluded_lines(r, "bad_amount"), json::array({2}));
  EXPECT_EQ(excluded_lines(r, "line_item_of_excluded_order"), json::array({4}));
  EXPECT_EQ(r["input"]["line_items_without_amount"]["example_lines"], json::array({6}));
  expect_totals(r, 1, 1, 7);
}

// A header that names neither an order nor a line: per order only from 80% of 3+ orders.
TEST(PlatformExports, RepeatedAmountsWithASilentHeader) {
  const auto file = [](int repeated_orders) {
    std::string text = "customer,order,date,amount\n";
    for (int o = 0; o < 3; ++o) {
      const std::string id = "o" + std::to_string(o), who = "c" + std::to_string(o);
      const bool repeat = o < repeated_orders;
      text += who + "," + id + ",2024-01-0" + std::to_string(o + 1) + ",10\n";
      text += who + "," + id + ",2024-01-0" + std::to_string(o + 1) + "," + (repeat ? "10" : "4") + "\n";
    }
    return report_of(text);
  };
  const json all = file(3);  // every order repeats 10: taken once
  EXPECT_EQ(all["input"]["amount_level"]["decision"], "per_order");
  EXPECT_EQ(all["input"]["amount_level"]["header_says"], "unknown");
  EXPECT_NEAR(all["totals"]["revenue"].get<double>(), 30, 1e-9);
  const json two = file(2);  // 2 of 3 (67% < 80%): summed
  EXPECT_EQ(two["input"]["amount_level"]["decision"], "per_line");
  EXPECT_NEAR(two["totals"]["revenue"].get<double>(), 20 + 20 + 14, 1e-9);
}

TEST(PlatformExports, PlaceholderIdsFallBackToContacts) {
  const json r = report_of(
      "会员ID,下单时间,实付金额,手机号\n"
      "游客,2024-01-01,10,13800000001\n"
      "guest,2024-01-02,20,13800000001\n"
      "-,2024-01-03,30,13800000002\n"
      ",2024-01-04,40,\n"                   // neither id nor phone
      "M001,2024-01-05,50,13800000001\n");  // an account: its own customer
  EXPECT_EQ(r["input"]["customer_identity"]["phone_column"], "手机号");
  EXPECT_EQ(r["input"]["customer_identity"]["rows_by_phone"], 3);
  EXPECT_EQ(r["input"]["customer_identity"]["placeholder_values"], json::array({"游客", "guest", "-"}));
  EXPECT_EQ(excluded_lines(r, "missing_customer"), json::array({5}));
  expect_totals(r, 3, 4, 10 + 20 + 30 + 50);
}

// Every row used or counted by reason, in every layout.
TEST(PlatformExports, EveryRowAccountedFor) {
  for (const std::string& name : kPlatformFixtures) {
    const json input = report(name)["input"];
    uint64_t excluded = 0;
    for (const auto& [reason, count] : input["excluded"].items()) excluded += count["rows"].get<uint64_t>();
    EXPECT_EQ(input["rows_used"].get<uint64_t>() + excluded, input["rows_read"].get<uint64_t>()) << name;
  }
}

TEST(PlatformExports, SameReportHoweverTheInputIsSplit) {
  for (const std::string& name : kPlatformFixtures) {
    const std::string bytes = read_bytes(fixture_path(name));
    const json whole = report_of(bytes);
    for (size_t split = 1; split < bytes.size(); split += 7) {
      ASSERT_EQ(report_of(bytes, json::object(), json::object(), {split}), whole) << name << " split at " << split;
    }
  }
}

// Golden reports, as for the other fixtures (order_reader_test.cpp); the wasm tests
// compare the same files' reports with the native CLI's.
TEST(PlatformExports, FixturesMatchCommittedReports) {
  for (const std::string& name : kPlatformFixtures) {
    const json expected = json::parse(read_bytes(fixture_path("expected/" + name + ".report.json")));
    EXPECT_EQ(report(name), expected) << name;
  }
}

}  // namespace
}  // namespace huike
