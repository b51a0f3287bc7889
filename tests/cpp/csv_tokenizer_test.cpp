#include "ingest/csv_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace huike {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct Collect : RecordSink {
  Records records;
  std::vector<int64_t> lines;
  void record(const std::string_view* fields, size_t count, int64_t line) override {
    records.emplace_back(fields, fields + count);
    lines.push_back(line);
  }
};

Collect tokenize(const std::string& text, char delimiter, size_t split = std::string::npos) {
  CsvTokenizer tokenizer(delimiter);
  Collect sink;
  if (split == std::string::npos) {
    tokenizer.feed(text, sink);
  } else {
    tokenizer.feed(std::string_view(text).substr(0, split), sink);
    tokenizer.feed(std::string_view(text).substr(split), sink);
  }
  tokenizer.finish(sink);
  return sink;
}

struct Case {
  const char* name;
  std::string text;
  char delimiter;
  Records expected;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"plain", "a,b,c\n1,2,3\n", ',', {{"a", "b", "c"}, {"1", "2", "3"}}},
      {"no final newline", "a,b\n1,2", ',', {{"a", "b"}, {"1", "2"}}},
      {"crlf", "a,b\r\n1,2\r\n", ',', {{"a", "b"}, {"1", "2"}}},
      {"empty fields", ",x,\n", ',', {{"", "x", ""}}},
      {"quoted comma", "\"a,b\",c\n", ',', {{"a,b", "c"}}},
      {"escaped quotes", "\"say \"\"hi\"\"\",2\n", ',', {{"say \"hi\"", "2"}}},
      {"several escaped fields in a row", "\"a\"\"\",\"b\"\"\",\"c\"\"\",\"d\"\"\"\n", ',', {{"a\"", "b\"", "c\"", "d\""}}},
      {"quoted newline", "\"line1\nline2\",x\ny,z\n", ',', {{"line1\nline2", "x"}, {"y", "z"}}},
      {"quoted crlf kept", "\"a\r\nb\",c\r\n", ',', {{"a\r\nb", "c"}}},
      {"stray quote inside field", "12\" vinyl,5\n", ',', {{"12\" vinyl", "5"}}},
      {"text after closing quote keeps the field raw", "\"ab\"cd,e\n", ',', {{"ab\"cd", "e"}}},
      {"malformed quoted number", "\"2\"0\",x\r\n", ',', {{"2\"0\"", "x"}}},
      {"blanks after closing quote dropped", "\"ab\"  ,\"c\" \r\n", ',', {{"ab", "c"}}},
      {"blank lines skipped", "a,b\n\n\r\n1,2\n", ',', {{"a", "b"}, {"1", "2"}}},
      {"tab", "a\tb c\n1\t2\n", '\t', {{"a", "b c"}, {"1", "2"}}},
      {"semicolon", "a;b\n1,5;2\n", ';', {{"a", "b"}, {"1,5", "2"}}},
      {"aligned", " 00001 19970101  1   11.77\r\n 00002 19970112  5   77.00\r\n", ' ',
       {{"00001", "19970101", "1", "11.77"}, {"00002", "19970112", "5", "77.00"}}},
      {"aligned trailing blanks", "a  b   \n", ' ', {{"a", "b"}}},
      {"utf8 untouched", "买家,金额\n王小明,¥1\n", ',', {{"买家", "金额"}, {"王小明", "¥1"}}},
      // Rows longer than a word, for the 8-bytes-at-a-time path: '-' after ',' and '\v'
      // after '\n' are one bit away from the delimiter and the newline.
      {"long rows",
       "order-0001,buyer_0000599,2020-04-09 10:49:44,-28.90,\"a, \"\"b\"\"\",x\r\n"
       "100000002,,,,\"\",-\v-\n,-,--,\n\vv,w\n12\" vinyl record (long),5\n",
       ',',
       {{"order-0001", "buyer_0000599", "2020-04-09 10:49:44", "-28.90", "a, \"b\"", "x"},
        {"100000002", "", "", "", "", "-\v-"},
        {"", "-", "--", ""},
        {"\vv", "w"},
        {"12\" vinyl record (long)", "5"}}},
  };
  return all;
}

TEST(CsvTokenizer, TableOfCases) {
  for (const Case& c : cases()) {
    EXPECT_EQ(tokenize(c.text, c.delimiter).records, c.expected) << c.name;
  }
}

TEST(CsvTokenizer, SameRecordsWhereverTheInputIsSplit) {
  for (const Case& c : cases()) {
    for (size_t split = 0; split <= c.text.size(); ++split) {
      EXPECT_EQ(tokenize(c.text, c.delimiter, split).records, c.expected) << c.name << " split at " << split;
    }
  }
}

TEST(CsvTokenizer, ByteByByteFeeding) {
  for (const Case& c : cases()) {
    CsvTokenizer tokenizer(c.delimiter);
    Collect sink;
    for (char byte : c.text) tokenizer.feed(std::string_view(&byte, 1), sink);
    tokenizer.finish(sink);
    EXPECT_EQ(sink.records, c.expected) << c.name;
  }
}

TEST(CsvTokenizer, LineNumbersCountQuotedNewlines) {
  const Collect sink = tokenize("h1,h2\n\"a\nb\nc\",1\n\nx,2\n", ',');
  ASSERT_EQ(sink.lines.size(), 3u);
  EXPECT_EQ(sink.lines[0], 1);
  EXPECT_EQ(sink.lines[1], 2);
  EXPECT_EQ(sink.lines[2], 6);
}

TEST(CsvTokenizer, LongQuotedFieldsAtEveryOffset) {
  // Quoted text is scanned 8 bytes at a time: put its newline and quotes at every offset.
  std::string text;
  Records expected;
  for (size_t k = 0; k < 24; ++k) {
    const std::string before(k, 'x'), middle(k % 9, 'y'), after(k, 'z');
    text += "\"" + before + "\n" + middle + "\"\"" + after + "\"," + std::to_string(k) + "\n";
    expected.push_back({before + "\n" + middle + "\"" + after, std::to_string(k)});
  }
  for (size_t split : {std::string::npos, size_t{5}, size_t{13}, text.size() / 2}) {
    const Collect sink = tokenize(text, ',', split);
    EXPECT_EQ(sink.records, expected) << "split at " << split;
    ASSERT_EQ(sink.lines.size(), 24u);
    for (size_t k = 0; k < 24; ++k) EXPECT_EQ(sink.lines[k], static_cast<int64_t>(1 + 2 * k)) << k;  // 2 lines a record
  }
}

TEST(CsvTokenizer, UnterminatedQuoteIsAnErrorWithItsLine) {
  CsvTokenizer tokenizer(',');
  Collect sink;
  tokenizer.feed("a,b\n1,\"never closed\n2,3\n", sink);
  try {
    tokenizer.finish(sink);
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("never closed"), std::string::npos);
  }
}

}  // namespace
}  // namespace huike
