// The header names of the CSV exports (report/csv_headers.h): stable English keys by
// default, zh-CN names with csv_lang "zh". Expected headers are written out by hand.
#include <gtest/gtest.h>

#include <set>

#include "report/csv_headers.h"
#include "report/customer_csv.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::fixture_path;
using test::read_bytes;

std::string header_line(const std::string& csv) {
  EXPECT_EQ(csv.compare(0, kUtf8Bom.size(), kUtf8Bom), 0) << "no BOM";
  const size_t start = kUtf8Bom.size();
  return csv.substr(start, csv.find("\r\n") - start);
}

std::vector<std::string> lines(const std::string& csv) {
  std::vector<std::string> out;
  for (size_t at = kUtf8Bom.size(), end; (end = csv.find("\r\n", at)) != std::string::npos; at = end + 2) {
    out.push_back(csv.substr(at, end - at));
  }
  return out;
}

TEST(CsvHeaders, TableNamesInChineseAndKeysInEnglish) {
  EXPECT_EQ(csv_header_name("customer_id", CsvLang::zh), "客户");
  EXPECT_EQ(csv_header_name("phone", CsvLang::zh), "手机");
  EXPECT_EQ(csv_header_name("email", CsvLang::zh), "邮箱");
  EXPECT_EQ(csv_header_name("month_12", CsvLang::zh), "第12月");
  EXPECT_EQ(csv_header_name("phone", CsvLang::en), "phone");
  EXPECT_EQ(csv_header_name("not_a_column", CsvLang::zh), "not_a_column");
}

TEST(CsvHeaders, LangOption) {
  EXPECT_EQ(csv_lang_option(json::object()), CsvLang::en);
  EXPECT_EQ(csv_lang_option({{"csv_lang", "zh"}}), CsvLang::zh);
  EXPECT_EQ(csv_lang_option({{"csv_lang", "zh-CN"}}), CsvLang::zh);
  EXPECT_EQ(csv_lang_option({{"csv_lang", "en"}}), CsvLang::en);
  EXPECT_THROW(csv_lang_option({{"csv_lang", "fr"}}), HuikeError);
  EXPECT_THROW(csv_lang_option({{"csv_lang", 1}}), HuikeError);
}

// Customer 12 (Ann): lines 2 and 9 of the fixture; Bob: e-mail only as his id, phone 555-0102;
// Eve: identified by her phone, no e-mail.
TEST(CsvHeaders, CustomersCsvInChineseHasTheContactColumns) {
  const auto session = test::finished_session(read_bytes(fixture_path("woocommerce_guests.csv")));
  const std::string zh = session->customers_csv({{"csv_lang", "zh"}});
  EXPECT_EQ(header_line(zh),
            "客户,手机,邮箱,最近购买距今天数,购买次数,消费金额,R分,F分,M分,八类分群代码,十一宫格分群代码,流失状态,沉睡,"
            "首次购买日,最近购买日,购买天数,客单价,购买周期(天),退货金额,预计复购日,提醒日,八类分群,十一宫格分群,"
            "对比日八类分群代码,高消费会员,高客单会员,高忠诚会员,活动高频会员,活动低频会员,流失中会员,沉睡会员,挽回层级");
  const std::string en = session->customers_csv(json::object());
  EXPECT_EQ(header_line(en).substr(0, 40), "customer_id,phone,email,recency_days,fre");
  std::map<std::string, std::pair<std::string, std::string>> contacts;
  for (const std::string& line : lines(zh)) {
    const auto cells = test::split_csv_line(line);
    contacts[cells[0]] = {cells[1], cells[2]};
  }
  EXPECT_EQ(contacts["12"], std::make_pair(std::string("555-0101"), std::string("ann@example.com")));
  EXPECT_EQ(contacts["bob@example.com"], std::make_pair(std::string("555-0102"), std::string("bob@example.com")));
  EXPECT_EQ(contacts["555-0199"], std::make_pair(std::string("555-0199"), std::string()));
  EXPECT_EQ(contacts["cat@example.com"], std::make_pair(std::string(), std::string("cat@example.com")));
  // Only the header changes with the language.
  EXPECT_EQ(zh.substr(zh.find("\r\n")), en.substr(en.find("\r\n")));
}

// Every export in zh has a Chinese name for every column (none left as an ASCII key) and
// no name twice; the English header is the keys.
TEST(CsvHeaders, EveryExportIsTranslatedWholly) {
  const auto session = test::finished_session(read_bytes(fixture_path("woocommerce_aoe.csv")));
  const json zh = {{"csv_lang", "zh"}};
  const std::vector<std::pair<std::string, std::string>> exports = {
      {"customers", session->customers_csv(zh, json::object(), json::object())},
      {"winback", session->winback_csv(zh)},
      {"reminders", session->reminders_csv(zh)},
      {"products", session->products_csv(zh)},
      {"audience", session->promotion_audience_csv(zh)},
      {"cohorts", session->cohorts_csv(zh)},
      {"migration", session->migration_csv(zh)},
  };
  for (const auto& [name, csv] : exports) {
    std::set<std::string> seen;
    for (const std::string& cell : test::split_csv_line(header_line(csv))) {
      EXPECT_TRUE(std::any_of(cell.begin(), cell.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
          << name << ": '" << cell << "' has no Chinese name";
      EXPECT_TRUE(seen.insert(cell).second) << name << ": '" << cell << "' twice";
    }
  }
  EXPECT_EQ(header_line(session->winback_csv(json::object())),
            "tier,tier_name,customer_id,phone,email,channel,orders,spend,average_order_value,last_purchase,days_since,"
            "offer,max_touches,min_days_between,first_touch,signup_date");
  EXPECT_EQ(header_line(session->winback_csv(zh)),
            "挽回层级代码,挽回层级名称,客户,手机,邮箱,触达渠道,订单数,消费金额,客单价,最近购买日,距今天数,挽回方案,"
            "最多触达次数,最少间隔天数,首次触达日,注册日期");
  EXPECT_EQ(header_line(session->reminders_csv(zh)),
            "名单,客户,商品,依据,最近购买日,数量,每件可用天数,购买周期(天),预计用完日,提醒日,距用完天数,手机,邮箱,触达渠道");
  EXPECT_EQ(header_line(session->promotion_audience_csv(zh)),
            "客户,订单金额,最近购买日,最近购买距今天数,流失状态,购买商品,手机,邮箱,触达渠道");
}

TEST(CsvHeaders, BadLangIsABadOption) {
  const auto session = test::finished_session(read_bytes(fixture_path("small_orders.csv")));
  try {
    session->customers_csv({{"csv_lang", "de"}});
    FAIL() << "no error";
  } catch (const HuikeError& e) {
    EXPECT_EQ(std::string(e.code_name()), "E_BAD_OPTION");
    EXPECT_NE(std::string(e.what()).find("csv_lang"), std::string::npos);
  }
}

}  // namespace
}  // namespace huike
