// Regression tests for the holes of issue 13: each fails without its fix.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/text_decode.h"
#include "report/customer_csv.h"
#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;
using test::error_code_of;
using test::fixture_path;
using test::read_bytes;
using test::report_of;

std::string cell(std::string_view text) {
  std::string out;
  append_csv_cell(out, text);
  return out;
}

TEST(CsvCell, NeutralisesFormulasWhateverTheSeparator) {
  EXPECT_EQ(cell("plain"), "plain");
  EXPECT_EQ(cell("-5"), "-5");  // a number stays a number
  EXPECT_EQ(cell("=1+2"), "\"'=1+2\"");
  EXPECT_EQ(cell("  =1+2"), "\"'  =1+2\"");  // after leading spaces too
  EXPECT_EQ(cell(" @SUM(A1)"), "\"' @SUM(A1)\"");
  EXPECT_EQ(cell("x;y"), "\"'x;y\"");  // a ';' is quoted and prefixed even without a formula
  EXPECT_EQ(cell("x;=cmd|' /C calc'!A0;"), "\"'x;'=cmd|' /C calc'!A0;\"");
  EXPECT_EQ(cell("a\t =1"), "\"'a\t' =1\"");
  EXPECT_EQ(cell("a;b\"c"), "\"'a;b\"\"c\"");
}

// Splits `line` the way a spreadsheet with separator `sep` and no regard for quotes would.
std::vector<std::string> pieces(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

TEST(CsvCell, NoPieceOfTheExportStartsAFormula) {
  const auto session = test::finished_session(read_bytes(fixture_path("hostile_formulas.csv")));
  const std::string csv = session->customers_csv(json::object());
  size_t lines = 0;
  for (size_t start = csv.find("\r\n") + 2; start < csv.size(); ++lines) {
    const size_t end = csv.find("\r\n", start);
    const std::string line = csv.substr(start, end - start);
    start = end + 2;
    for (char sep : {',', ';', '\t'}) {
      for (std::string piece : pieces(line, sep)) {
        if (!piece.empty() && piece[0] == '"') piece.erase(0, 1);
        const size_t first = piece.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        // A number id stays a number (under ';' or TAB the whole line, -5,2,1,..., is one cell).
        const bool number = piece.substr(0, piece.find(',')).find_first_not_of("-0123456789.") == std::string::npos;
        EXPECT_TRUE(number || std::string("=+-@").find(piece[first]) == std::string::npos)
            << "separator " << int(sep) << ": " << piece;
      }
    }
  }
  EXPECT_EQ(lines, 8u);
  EXPECT_NE(csv.find("\r\n\"'x;'=cmd|' /C calc'!A0;\","), std::string::npos);
}

TEST(InvalidUtf8, BecomesReplacementCharactersCountedWithLines) {
  const std::string bytes = read_bytes(fixture_path("invalid_utf8.csv"));
  const json report = report_of(bytes);
  EXPECT_EQ(report["input"]["encoding"], "utf-8");
  EXPECT_EQ(report["input"]["invalid_byte_sequences"], 2);  // \xFF, and the cut \xE5\xB8
  EXPECT_EQ(report["input"]["invalid_byte_lines"], json::array({3, 5}));
  EXPECT_EQ(report["totals"]["customers"], 5);
  const std::string csv = test::finished_session(bytes)->customers_csv(json::object());
  EXPECT_NE(csv.find("\r\nbad\uFFFDname,"), std::string::npos);
  EXPECT_NE(csv.find("\r\ncut\uFFFD,"), std::string::npos);
  EXPECT_EQ(csv.find('\xFF'), std::string::npos);
}

TEST(InvalidUtf8, DecoderReplacesAtEverySplit) {
  // After detection (a BOM), so the checked path is the steady one, not the window.
  const std::string in = "\xEF\xBB\xBF" "张\xFF三\xE4\xB8,\xC0\x80x\xED\xA0\x80y\xF0\x9F\x98\x80\xE5";
  const std::string expected = "张\uFFFD三\uFFFD,\uFFFD\uFFFDx\uFFFD\uFFFD\uFFFDy😀\uFFFD";
  for (size_t cut = 0; cut <= in.size(); ++cut) {
    TextDecoder d;
    std::string out(d.decode(std::string_view(in).substr(0, cut)));
    out += d.decode(std::string_view(in).substr(cut));
    out += d.finish();
    EXPECT_EQ(out, expected) << cut;
    // \xFF; \xE4\xB8 (one maximal prefix); \xC0, \x80; \xED then \xA0, \x80 (a surrogate); the cut \xE5
    EXPECT_EQ(d.invalid_sequences(), 8u) << cut;
  }
}

TEST(InvalidUtf8, ValidUtf8SplitInsideACharacterIsJoined) {
  const std::string in = "\xEF\xBB\xBF" "客户\n张三\n";
  for (size_t cut = 3; cut <= in.size(); ++cut) {
    TextDecoder d;
    std::string out(d.decode(std::string_view(in).substr(0, cut)));
    out += d.decode(std::string_view(in).substr(cut));
    out += d.finish();
    EXPECT_EQ(out, "客户\n张三\n") << cut;
    EXPECT_EQ(d.invalid_sequences(), 0u) << cut;
  }
}

// The same error code (and line) wherever the input is split.
void expect_error_at_every_split(const std::string& name, const std::string& code, int64_t line) {
  const std::string bytes = read_bytes(fixture_path(name));
  for (size_t split = 0; split <= bytes.size(); ++split) {
    try {
      report_of(bytes, json::object(), json::object(), {split});
      ADD_FAILURE() << name << " read without error, split at " << split;
    } catch (const HuikeError& e) {
      EXPECT_EQ(e.code_name(), code) << name << " split at " << split;
      EXPECT_EQ(e.line(), line) << name << " split at " << split;
    }
  }
}

TEST(MixedEncoding, Utf8AndGbkLinesAreRefusedNotGarbled) {
  expect_error_at_every_split("mixed_utf8_gbk.csv", "E_MIXED_ENCODING", 3);
  try {
    report_of(read_bytes(fixture_path("mixed_utf8_gbk.csv")));
  } catch (const HuikeError& e) {
    EXPECT_NE(std::string(e.what()).find("UTF-8 lines (line 1) and GBK/GB18030 lines (line 3)"), std::string::npos)
        << e.what();
  }
  // Choosing UTF-8 reads it, the GBK lines' bytes counted as invalid, with their lines.
  const json report = report_of(read_bytes(fixture_path("mixed_utf8_gbk.csv")), {{"encoding", "utf-8"}});
  EXPECT_EQ(report["input"]["invalid_byte_lines"], json::array({3, 4}));
  // 李四 and 王五 in GBK (C0 EE CB C4, CD F5 CE E5) are four U+FFFD each, so one id: 2 customers.
  EXPECT_EQ(report["totals"]["customers"], 2);
}

TEST(Preview, HugeCellsAreCutAndMarked) {
  std::string huge;
  for (int i = 0; i < 5000; ++i) huge += "张";  // 3 bytes, one character each
  const json report = report_of("customer,date,amount\n" + huge + ",2024-01-01,5\nB,2024-01-02,6\n");
  const std::string shown = report["input"]["preview"][0][0];
  std::string expected;
  for (int i = 0; i < 200; ++i) expected += "张";
  EXPECT_EQ(shown, expected + "…");
  EXPECT_EQ(report["input"]["preview"][1][0], "B");  // short cells stay whole, unmarked
  EXPECT_EQ(report["totals"]["customers"], 2);        // the cell itself is read whole
}

TEST(DateColumn, AStrayNumberAmongIsoDatesIsBadDate) {
  const json report = report_of(read_bytes(fixture_path("stray_date_number.csv")));
  EXPECT_EQ(report["input"]["date_format"], "text");
  EXPECT_EQ(report["input"]["excluded"]["bad_date"]["rows"], 1);
  EXPECT_EQ(report["input"]["excluded"]["bad_date"]["example_lines"], json::array({4}));
  EXPECT_EQ(report["analysis"]["first_order_date"], "2024-04-01");  // not 1900-01-18
  EXPECT_EQ(report["totals"]["customers"], 2);
}

TEST(DateColumn, ExcelSerialColumnRefusesIsoDates) {
  const json report = report_of("customer,date,amount\nA,45000,1\nB,45001,2\nC,2023-03-17,3\n");
  EXPECT_EQ(report["input"]["date_format"], "excel_serial");
  EXPECT_EQ(report["input"]["excluded"]["bad_date"]["example_lines"], json::array({4}));
  EXPECT_EQ(report["analysis"]["first_order_date"], "2023-03-15");  // serial 45000
}

TEST(LineEnds, CarriageReturnOnlyFilesAreRead) {
  const json report = report_of(read_bytes(fixture_path("mac_cr_only.csv")));
  EXPECT_EQ(report["input"]["columns"]["amount"], "amount");
  EXPECT_EQ(report["input"]["rows_read"], 3);
  EXPECT_EQ(report["input"]["rows_used"], 3);
  EXPECT_EQ(report["totals"]["customers"], 2);
  EXPECT_DOUBLE_EQ(report["totals"]["revenue"].get<double>(), 10 + 15 + 7.5);
  EXPECT_EQ(report["analysis"]["last_order_date"], "2024-02-20");
}

TEST(LineEnds, AFileOfOnlyCarriageReturnsHasNoRows) {
  EXPECT_EQ(error_code_of("\r\r\r\r\r"), "E_NO_ROWS");
  EXPECT_EQ(error_code_of("\r\n\r\n"), "E_NO_ROWS");
}

TEST(QuotedFields, MalformedQuotedAmountIsBadAmount) {
  const json report = report_of(read_bytes(fixture_path("malformed_quote.csv")));
  EXPECT_EQ(report["input"]["excluded"]["bad_amount"]["example_lines"], json::array({2}));  // "2"0"
  EXPECT_DOUBLE_EQ(report["totals"]["revenue"].get<double>(), 3 + 4);  // "C" with a space after is C
  EXPECT_EQ(report["totals"]["customers"], 2);
}

TEST(Returns, AFileOfOnlyReturnsHasItsOwnError) {
  expect_error_at_every_split("only_returns.csv", "E_NO_PURCHASES", 0);
}

}  // namespace
}  // namespace huike
