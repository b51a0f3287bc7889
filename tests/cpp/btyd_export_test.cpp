// The benchmark file generator of issue 14 (bench/btyd_export.h): the same bytes per seed,
// exactly N rows, 7 well-formed fields a row, and a GBK copy that is the UTF-8 one re-encoded.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "../../bench/btyd_export.h"

namespace {

std::string generate(uint64_t rows, uint64_t seed, bool chinese = false, bool gbk = false) {
  return huike::bench::btyd_export_text({rows, seed, chinese, gbk});
}

// A small quote-aware split, written here rather than borrowed from the engine's tokenizer.
std::vector<std::vector<std::string>> parse(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last newline
  return rows;
}

TEST(BtydExport, SameSeedSameBytesOtherSeedOtherBytes) {
  const std::string a = generate(5000, 7), b = generate(5000, 7), c = generate(5000, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(generate(3000, 3, true, true), generate(3000, 3, true, true));
}

TEST(BtydExport, ExactRowCountSevenFieldsAndThreeStatuses) {
  const uint64_t rows = 20000;
  const std::string text = generate(rows, 11);
  size_t newlines = 0;
  for (char ch : text) newlines += ch == '\n';
  EXPECT_EQ(newlines, rows + 1);  // + the header
  const auto parsed = parse(text);
  ASSERT_EQ(parsed.size(), rows + 1);
  EXPECT_EQ(parsed[0], (std::vector<std::string>{"order_id", "customer_id", "created_at", "amount", "status",
                                                  "product_name", "quantity"}));
  std::set<std::string> customers, statuses, quoted_titles;
  for (size_t i = 1; i < parsed.size(); ++i) {
    const auto& row = parsed[i];
    ASSERT_EQ(row.size(), 7u) << "row " << i;
    customers.insert(row[1]);
    statuses.insert(row[4]);
    if (row[5].find_first_of(",\"") != std::string::npos) quoted_titles.insert(row[5]);
    if (i > 1 && parsed[i - 1][0] == row[0]) {  // a further line of the same order
      EXPECT_EQ(parsed[i - 1][1], row[1]);
      EXPECT_EQ(parsed[i - 1][2], row[2]);
      EXPECT_EQ(parsed[i - 1][4], row[4]);
    } else if (i > 1) {  // order ids follow time order, one apart
      EXPECT_EQ(std::stoull(row[0]), std::stoull(parsed[i - 1][0]) + 1);
      EXPECT_GE(row[2], parsed[i - 1][2]);
    }
  }
  EXPECT_EQ(statuses, (std::set<std::string>{"paid", "cancelled", "refunded"}));
  EXPECT_TRUE(quoted_titles.count("\"Alpine\" oolong tea gift box"));
  EXPECT_TRUE(quoted_titles.count("Merino wool sweater, grey"));
  // The shape: ~24% as many customers as rows, ~86 bytes a row.
  EXPECT_NEAR(static_cast<double>(customers.size()) / rows, 0.24, 0.03);
  EXPECT_NEAR(static_cast<double>(text.size()) / rows, 86.0, 6.0);
}

TEST(BtydExport, GbkIsTheUtf8FileReencoded) {
  const std::string utf8 = generate(4000, 5, true), gbk = generate(4000, 5, true, true);
  // Every Chinese character is 3 bytes in UTF-8 and 2 in GBK; everything else is ASCII.
  size_t three_byte = 0, other_high = 0;
  for (unsigned char ch : utf8) {
    three_byte += (ch & 0xF0) == 0xE0;
    other_high += ch >= 0x80 && (ch & 0xC0) != 0x80 && (ch & 0xF0) != 0xE0;
  }
  EXPECT_EQ(other_high, 0u);
  EXPECT_GT(three_byte, 4000u);
  EXPECT_EQ(gbk.size(), utf8.size() - three_byte);
  // 订单编号 in GBK (Python: '订单编号'.encode('gbk') = b6a9 b5a5 b1e0 bac5).
  EXPECT_EQ(gbk.substr(0, 8), std::string("\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5"));
  EXPECT_EQ(utf8.substr(0, 12), "订单编号");
  // The ASCII fields are the same bytes: the first row's order id, customer and time.
  const size_t utf8_row = utf8.find('\n') + 1, gbk_row = gbk.find('\n') + 1;
  EXPECT_EQ(utf8.substr(utf8_row, 50), gbk.substr(gbk_row, 50));
}

}  // namespace
