// The consumption table (issue 9): mapped by header, errors with their lines, and the
// report, lists and exports the session builds on it.
#include <string>

#include "ingest/consumption_table.h"
#include "test_support.h"

namespace huike::test {
namespace {

using nlohmann::json;

ErrorCode code_of(const std::string& csv, int64_t& line) {
  ConsumptionTableInfo info;
  try {
    read_consumption_table(csv, info);
  } catch (const HuikeError& e) {
    line = e.line();
    return e.code();
  }
  ADD_FAILURE() << "no error for " << csv;
  return ErrorCode::E_INTERNAL;
}

TEST(ConsumptionTable, MappedByHeaderInAnyOrderAndEncoding) {
  ConsumptionTableInfo info;
  const ConsumptionDays days = read_consumption_table("Days per unit,SKU\n10,Formula\n 2.5 ,Tea Bags\n", info);
  EXPECT_EQ(info.product_column, "SKU");
  EXPECT_EQ(info.days_column, "Days per unit");
  EXPECT_EQ(info.rows, 2u);
  EXPECT_DOUBLE_EQ(days.at("Formula"), 10);
  EXPECT_DOUBLE_EQ(days.at("Tea Bags"), 2.5);
  // GBK (商品名称;每件天数 / 奶粉;30), semicolons.
  const std::string gbk = "\xC9\xCC\xC6\xB7\xC3\xFB\xB3\xC6;\xC3\xBF\xBC\xFE\xCC\xEC\xCA\xFD\n\xC4\xCC\xB7\xDB;30\n";
  ConsumptionTableInfo zh;
  const ConsumptionDays d = read_consumption_table(gbk, zh);
  EXPECT_EQ(zh.encoding, "gb18030");
  EXPECT_DOUBLE_EQ(d.at("\xE5\xA5\xB6\xE7\xB2\x89"), 30);  // 奶粉 in UTF-8
  // The same product twice with the same days is fine.
  EXPECT_EQ(read_consumption_table("product,days\nA,3\nA,3\n", info).size(), 1u);
}

TEST(ConsumptionTable, ErrorsNameTheirLine) {
  int64_t line = 0;
  EXPECT_EQ(code_of("name,price\nA,3\n", line), ErrorCode::E_CONSUMPTION_COLUMNS);
  EXPECT_EQ(line, 1);
  EXPECT_EQ(code_of("product,days\nA,3\nB,0\n", line), ErrorCode::E_CONSUMPTION_DAYS);
  EXPECT_EQ(line, 3);
  EXPECT_EQ(code_of("product,days\nA,3\n\nB,abc\n", line), ErrorCode::E_CONSUMPTION_DAYS);
  EXPECT_EQ(line, 4);  // the blank line still counts
  EXPECT_EQ(code_of("product,days\nA,3\n,5\n", line), ErrorCode::E_CONSUMPTION_ROW);
  EXPECT_EQ(line, 3);
  EXPECT_EQ(code_of("product,days\nA,3\nB,4\nA,5\n", line), ErrorCode::E_CONSUMPTION_DUPLICATE);
  EXPECT_EQ(line, 4);
  EXPECT_EQ(code_of("product,days\n", line), ErrorCode::E_NO_ROWS);
  EXPECT_EQ(code_of(std::string("product,days\nA\0,3\n", 17), line), ErrorCode::E_BINARY_FILE);
}

// The hand-worked shop of replenishment_test (A-F, analysis date 2024-03-01) through the
// session: report section, list pages, the CSV and the customers' columns.
const char* kOrders =
    "customer,date,amount,product,quantity\n"
    "A,2024-02-10,90,Formula,3\nB,2024-02-01,30,Formula,1\nB,2024-02-20,30,Formula,1\n"
    "C,2024-01-20,20,Food,2\nD,2024-01-25,40,Food,4\nE,2024-01-01,15,Gift,1\nE,2024-02-10,15,Gift,1\n"
    "F,2024-01-20,15,Gift,1\nF,2024-02-15,15,Gift,1\n";

TEST(ConsumptionTable, SessionReportListsAndExports) {
  Session session;
  const json read = session.set_consumption_table("product,days_per_unit\nFormula,10\nFood,5\nNot sold,3\n");
  EXPECT_EQ(read["rows"], 3);
  session.begin(json::object());  // the table stays for the order file read next
  session.feed(kOrders);
  session.finish();
  const json options = {{"as_of", "2024-03-01"}};
  const json report = session.report(options);
  const json& r = report["replenishment"];
  EXPECT_EQ(r["consumption_table"]["rows"], 3);
  EXPECT_EQ(r["consumption_table"]["matched_products"], 2);
  EXPECT_EQ(r["sources"]["consumption_table"]["estimates"], 4);
  EXPECT_EQ(r["sources"]["consumption_table"]["remind_now"], 2);  // A, B
  EXPECT_EQ(r["sources"]["consumption_table"]["overdue"], 1);     // D
  EXPECT_EQ(r["sources"]["rhythm"]["remind_now"], 1);             // F
  EXPECT_EQ(r["remind_now"]["count"], 3);
  EXPECT_EQ(r["remind_now"]["rows"][0]["customer_id"], "B");
  EXPECT_EQ(r["remind_now"]["rows"][0]["reminder_date"], "2024-03-01");
  EXPECT_EQ(r["remind_now"]["rows"][1]["days_until_due"], 10);  // A: 03-11
  EXPECT_EQ(r["per_day"][3]["date"], "2024-03-04");
  EXPECT_EQ(r["per_day"][3]["reminders"], 1);
  EXPECT_EQ(report["products"]["available"], true);

  const json page = session.reminders_page(options, {{"list", "overdue"}});
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(page["rows"][0]["customer_id"], "D");
  EXPECT_EQ(page["rows"][0]["due_date"], "2024-02-14");
  EXPECT_THROW(session.reminders_page(options, {{"list", "later"}}), HuikeError);

  const std::string csv = session.reminders_csv(options);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "list,customer_id,product,source,last_purchase,quantity,days_per_unit,", 0), 0u);
  EXPECT_NE(csv.find("\r\nremind_now,A,Formula,consumption_table,2024-02-10,3.00,10.00,,2024-03-11,2024-03-04,10,,,platform_message\r\n"),
            std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nremind_now,F,,rhythm,2024-02-15,,,26.00,2024-03-12,2024-03-05,11,,,platform_message\r\n"), std::string::npos);
  EXPECT_NE(csv.find("\r\noverdue,D,Food,consumption_table,2024-01-25,4.00,5.00,,2024-02-14,2024-03-01,-16,,,platform_message\r\n"),
            std::string::npos);

  // Customers: next purchase from the rhythm (E: 02-10 + 40 = 03-21), reminder from products.
  const json customers = session.customers_page(options, {{"sort", "customer_id"}, {"descending", false}});
  ASSERT_EQ(customers["rows"].size(), 6u);
  EXPECT_EQ(customers["rows"][0]["reminder_date"], "2024-03-04");      // A
  EXPECT_TRUE(customers["rows"][0]["next_purchase_date"].is_null());   // one purchase day
  EXPECT_EQ(customers["rows"][1]["next_purchase_date"], "2024-03-10");  // B: 02-20 + 19
  EXPECT_TRUE(customers["rows"][2]["reminder_date"].is_null());        // C: older than 30 days
  EXPECT_EQ(customers["rows"][4]["next_purchase_date"], "2024-03-21");  // E
  EXPECT_TRUE(customers["rows"][4]["reminder_date"].is_null());
  const std::string customers_csv = session.customers_csv(options);
  EXPECT_NE(customers_csv.find(",next_purchase_date,reminder_date,"), std::string::npos);

  // Removing the table: Formula and Food are bought by fewer than 20 customers, so
  // everyone with 2+ purchase days (B, E, F) falls back on the rhythm.
  session.set_consumption_table("");
  const json without = session.report(options)["replenishment"];
  EXPECT_TRUE(without["consumption_table"].is_null());
  EXPECT_EQ(without["sources"]["rhythm"]["estimates"], 3);
  EXPECT_EQ(without["sources"]["consumption_table"]["estimates"], 0);
}

// Contact columns and the channel (analysis/contact.h): a phone → sms, else an e-mail →
// email, else a platform message; in the list rows and the CSV.
TEST(ConsumptionTable, ReminderRowsCarryContactsAndChannel) {
  Session session;
  session.set_consumption_table("product,days\nFormula,10\n");
  session.begin(json::object());
  session.feed("customer,date,amount,product,quantity,phone,email\n"
               "A,2024-02-10,90,Formula,3,13800000001,a@example.com\n"
               "B,2024-02-20,30,Formula,1,,b@example.com\n"
               "C,2024-02-25,30,Formula,1,,\n");
  session.finish();
  const json options = {{"as_of", "2024-03-01"}};
  // Due: A 03-11, B 03-01, C 03-06: all within 14 days; by reminder day B, C (02-27 → 03-01), A.
  const json page = session.reminders_page(options, {{"list", "remind_now"}});
  ASSERT_EQ(page["rows"].size(), 3u);
  EXPECT_EQ(page["rows"][0]["customer_id"], "B");
  EXPECT_EQ(page["rows"][0]["channel"], "email");
  EXPECT_EQ(page["rows"][0]["email"], "b@example.com");
  EXPECT_EQ(page["rows"][1]["channel"], "platform_message");
  EXPECT_EQ(page["rows"][2]["phone"], "13800000001");
  EXPECT_EQ(page["rows"][2]["channel"], "sms");
  const std::string csv = session.reminders_csv(options);
  EXPECT_NE(csv.find(",days_until_due,phone,email,channel\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",2024-03-11,2024-03-04,10,13800000001,a@example.com,sms\r\n"), std::string::npos) << csv;
}

TEST(ConsumptionTable, SettingsAreOptionsAndCheckedByRange) {
  const auto session = finished_session(kOrders);
  const json options = {{"as_of", "2024-03-01"}, {"remind_within_days", 20}, {"overdue_max_days", 31}};
  const json r = session->report(options)["replenishment"];
  EXPECT_EQ(r["settings"]["remind_within_days"], 20);
  EXPECT_THROW(session->report({{"remind_days_before", -1}}), HuikeError);
  EXPECT_THROW(session->report({{"profit_top_share", 1.5}}), HuikeError);
  EXPECT_THROW(session->report({{"learn_min_customers", "many"}}), HuikeError);
}

}  // namespace
}  // namespace huike::test
