#include <gtest/gtest.h>

#include <random>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::error_code_of;
using test::fixture_path;
using test::read_bytes;
using test::report_of;

const std::vector<std::string> kFixtures = {"small_orders.csv",   "taobao_gbk.csv",       "traditional_tab.tsv",
                                            "uci_cp1252.csv",     "quoted_bom.csv",       "cdnow_headerless.txt",
                                            "semicolon_excel_serial.csv", "hostile_formulas.csv", "mac_cr_only.csv",
                                            "invalid_utf8.csv",   "stray_date_number.csv", "malformed_quote.csv"};

TEST(SplitAnywhere, EveryFixtureAtEveryPosition) {
  for (const std::string& name : kFixtures) {
    const std::string bytes = read_bytes(fixture_path(name));
    const json whole = report_of(bytes);
    for (size_t split = 1; split < bytes.size(); ++split) {
      ASSERT_EQ(report_of(bytes, json::object(), json::object(), {split}), whole) << name << " split at " << split;
    }
  }
}

TEST(SplitAnywhere, RandomChunkSizesAndByteByByte) {
  std::mt19937 rng(20261123);
  for (const std::string& name : kFixtures) {
    const std::string bytes = read_bytes(fixture_path(name));
    const json whole = report_of(bytes);
    for (int round = 0; round < 20; ++round) {
      ASSERT_EQ(report_of(bytes, json::object(), json::object(), test::random_sizes(rng, bytes.size(), 64)), whole)
          << name;
    }
    ASSERT_EQ(report_of(bytes, json::object(), json::object(), std::vector<size_t>(bytes.size(), 1)), whole) << name;
  }
}

TEST(Ingest, TaobaoGbkExport) {
  const json report = report_of(read_bytes(fixture_path("taobao_gbk.csv")));
  const json& input = report["input"];
  EXPECT_EQ(input["encoding"], "gb18030");
  EXPECT_EQ(input["columns"]["customer"], "买家会员名");
  EXPECT_EQ(input["columns"]["date"], "订单创建时间");       // header had a trailing space
  EXPECT_EQ(input["columns"]["amount"], "买家实际支付金额");
  EXPECT_EQ(input["columns"]["status"], "订单状态");
  EXPECT_EQ(input["rows_read"], 9);
  EXPECT_EQ(input["excluded"]["status_cancelled"]["example_lines"], json::array({5}));  // 交易关闭
  EXPECT_EQ(input["excluded"]["status_unpaid"]["example_lines"], json::array({6}));     // 等待买家付款
  EXPECT_EQ(input["excluded"]["status_refunded"]["example_lines"], json::array({7}));   // 退款成功
  // 王小明 ¥1,234.50 + ￥66; 李华 88.00元 + 99.90 (卖家已发货 is a purchase); two more 10s.
  EXPECT_EQ(report["totals"]["customers"], 4);
  EXPECT_DOUBLE_EQ(report["totals"]["revenue"].get<double>(), 1234.5 + 66 + 88 + 99.9 + 10 + 10);
}

TEST(Ingest, GbkCustomerNamesSurviveIntoTheCsv) {
  const auto session = test::finished_session(read_bytes(fixture_path("taobao_gbk.csv")));
  const std::string csv = session->customers_csv(json::object());
  EXPECT_NE(csv.find("\r\n王小明,"), std::string::npos);
  EXPECT_NE(csv.find("\r\n\xF0\xA0\x80\x80生僻字,"), std::string::npos);  // U+20000, a 4-byte GB18030 character
  EXPECT_NE(csv.find("\r\n\"'=HYPERLINK(\"\"x\"\")\","), std::string::npos);  // neutralised formula
}

TEST(Ingest, TraditionalChineseTabDayFirst) {
  const json report = report_of(read_bytes(fixture_path("traditional_tab.tsv")));
  EXPECT_EQ(report["input"]["delimiter"], "tab");
  EXPECT_EQ(report["input"]["columns"]["customer"], "會員ID");
  EXPECT_EQ(report["input"]["date_order"], "day_first");  // 25/04/2021 decides it
  EXPECT_EQ(report["input"]["excluded"]["status_cancelled"]["rows"], 1);  // 交易關閉
  EXPECT_EQ(report["analysis"]["last_order_date"], "2021-05-06");
  EXPECT_EQ(report["analysis"]["first_order_date"], "2021-04-03");
}

TEST(Ingest, UciLineItemsCancellationsAndCp1252) {
  const json report = report_of(read_bytes(fixture_path("uci_cp1252.csv")));
  const json& input = report["input"];
  EXPECT_EQ(input["encoding"], "windows-1252");
  EXPECT_EQ(input["date_order"], "month_first");  // 12/13/2010 decides it
  EXPECT_EQ(input["columns"]["order_id"], "Invoice");
  EXPECT_EQ(input["columns"]["amount"], nullptr);  // quantity × price instead
  EXPECT_EQ(input["excluded"]["missing_customer"]["example_lines"], json::array({7}));
  EXPECT_EQ(input["return_rows"], 1);
  // 17850: invoice 536365 = 6×2.55 + 6×3.39 = 35.64, 536366 = 11.10; C536379 returns 27.50.
  // 13047: 34.80 + 10.20. Orders: 4 purchases.
  EXPECT_EQ(report["totals"]["orders"], 4);
  EXPECT_EQ(report["totals"]["customers"], 2);
  EXPECT_NEAR(report["totals"]["revenue"].get<double>(), 35.64 + 11.10 - 27.50 + 34.80 + 10.20, 1e-9);
  EXPECT_EQ(report["analysis"]["as_of"], "2011-01-06");
}

TEST(Ingest, QuotedFieldsBomIsoDatesAndAStrayUnixDate) {
  const json report = report_of(read_bytes(fixture_path("quoted_bom.csv")));
  EXPECT_EQ(report["input"]["bom"], true);
  EXPECT_EQ(report["input"]["columns"]["customer"], "Email");
  EXPECT_EQ(report["input"]["columns"]["order_id"], "Name");
  EXPECT_EQ(report["input"]["rows_read"], 3);  // the quoted newline does not make a row
  EXPECT_EQ(report["totals"]["orders"], 2);
  // The column's dates are text, so the Unix-seconds cell 1714900000 on line 5 does not fit it.
  EXPECT_EQ(report["input"]["date_format"], "text");
  EXPECT_EQ(report["input"]["excluded"]["bad_date"]["example_lines"], json::array({5}));
  EXPECT_DOUBLE_EQ(report["totals"]["revenue"].get<double>(), 1200 + 15);
  EXPECT_EQ(report["analysis"]["last_order_date"], "2024-05-02");
}

TEST(Ingest, HeaderlessCdnowIsSniffed) {
  const json report = report_of(read_bytes(fixture_path("cdnow_headerless.txt")));
  const json& input = report["input"];
  EXPECT_EQ(input["has_header"], false);
  EXPECT_EQ(input["delimiter"], "whitespace");
  EXPECT_EQ(input["column_index"]["customer"], 0);
  EXPECT_EQ(input["column_index"]["date"], 1);
  EXPECT_EQ(input["column_index"]["amount"], 3);
  EXPECT_EQ(input["rows_read"], 60);
  EXPECT_EQ(report["totals"]["orders"], 60);
}

TEST(Ingest, SemicolonDecimalCommaExcelSerial) {
  const json report = report_of(read_bytes(fixture_path("semicolon_excel_serial.csv")));
  EXPECT_EQ(report["input"]["delimiter"], "semicolon");
  EXPECT_DOUBLE_EQ(report["totals"]["revenue"].get<double>(), 35.5);
  EXPECT_EQ(report["analysis"]["first_order_date"], "2023-03-15");  // Excel serial 45000
}

TEST(Ingest, ExplicitMappingOverridesGuessing) {
  const std::string csv = "who,when,paid,total\nx,2024-01-01,5,100\ny,2024-01-02,6,200\n";
  EXPECT_EQ(error_code_of(csv), "E_NO_CUSTOMER_COLUMN");
  const json mapped = report_of(csv, {{"columns", {{"customer", "who"}, {"date", "when"}, {"amount", "paid"}}}});
  EXPECT_DOUBLE_EQ(mapped["totals"]["revenue"].get<double>(), 11);
  const json by_index = report_of(csv, {{"columns", {{"customer", "0"}, {"date", "1"}}}});
  EXPECT_DOUBLE_EQ(by_index["totals"]["revenue"].get<double>(), 300);  // "total" guessed
  EXPECT_EQ(error_code_of(csv, {{"columns", {{"customer", "nope"}}}}), "E_UNKNOWN_COLUMN");
  EXPECT_EQ(error_code_of(csv, {{"columns", {{"shoe_size", "who"}}}}), "E_BAD_OPTION");
}

TEST(Ingest, AmbiguousDatesFollowTheOption) {
  const std::string csv = "customer,date,amount\na,1/2/2024,1\nb,3/4/2024,1\n";
  const json automatic = report_of(csv);
  EXPECT_EQ(automatic["input"]["date_order"], "month_first");
  EXPECT_EQ(automatic["input"]["date_order_assumed"], true);
  EXPECT_EQ(automatic["analysis"]["last_order_date"], "2024-03-04");
  const json day_first = report_of(csv, {{"date_order", "day_first"}});
  EXPECT_EQ(day_first["analysis"]["last_order_date"], "2024-04-03");
}

TEST(Errors, ClearCodesForHostileOrUselessInput) {
  EXPECT_EQ(error_code_of(""), "E_EMPTY_FILE");
  EXPECT_EQ(error_code_of("customer_id,order_date,amount\n"), "E_NO_ROWS");
  EXPECT_EQ(error_code_of("customer_id,order_date,amount\n,x,y\n"), "E_NO_USABLE_ROWS");
  EXPECT_EQ(error_code_of(std::string("PK\x03\x04rest of a zip", 18)), "E_SPREADSHEET_FILE");
  EXPECT_EQ(error_code_of("customer,date,amount\na,2024-01-01,\"open\n"), "E_UNTERMINATED_QUOTE");
  // 10 MB on one line: no rows, a clear answer.
  EXPECT_EQ(error_code_of(std::string(10 << 20, 'x')), "E_NO_CUSTOMER_COLUMN");
  // Random bytes never crash or hang; they end in a HuikeError.
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(1 + rng() % 20000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    EXPECT_NE(error_code_of(bytes), "") << "round " << round;
  }
}

TEST(Errors, MappingErrorsStillShowTheFirstRows) {
  Session session;
  session.begin(json::object());
  EXPECT_THROW(
      {
        session.feed("who,when,paid\nx,2024-01-01,5\ny,2024-01-02,6\n");
        session.finish();
      },
      HuikeError);
  const json input = session.input_summary();
  EXPECT_EQ(input["header"], json::array({"who", "when", "paid"}));
  EXPECT_EQ(input["preview"], json::parse(R"([["x","2024-01-01","5"],["y","2024-01-02","6"]])"));
}

TEST(Errors, FileWithoutCustomersIsRefused) {
  try {
    report_of(read_bytes(test::shared_data_path("tmall/tmall_order_report.csv")));
    FAIL() << "a file without a buyer column must be refused";
  } catch (const HuikeError& e) {
    EXPECT_EQ(e.code(), ErrorCode::E_NO_CUSTOMER_COLUMN);
    EXPECT_NE(std::string(e.what()).find("订单编号"), std::string::npos);  // names what the file has
  }
}

}  // namespace
}  // namespace huike

namespace huike {
namespace {

// Golden reports: tests/fixtures/expected/NAME.report.json, reviewed when they change
// (regenerate with `build/huike analyze F > tests/fixtures/expected/F.report.json`).
// The wasm tests compare against the same files.
TEST(GoldenReports, FixturesMatchCommittedReports) {
  for (const std::string& name : kFixtures) {
    const json expected = json::parse(read_bytes(fixture_path("expected/" + name + ".report.json")));
    EXPECT_EQ(report_of(read_bytes(fixture_path(name))), expected) << name;
  }
}

}  // namespace
}  // namespace huike
