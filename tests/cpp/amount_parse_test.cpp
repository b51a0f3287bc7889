#include "ingest/amount_parse.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

namespace huike {
namespace {

// The correctly rounded value of a plain decimal like "-1234.50" or "1e-3".
double reference(std::string_view plain) {
  bool negative = !plain.empty() && plain[0] == '-';
  if (negative) plain.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  EXPECT_TRUE(ec == std::errc() && end == plain.data() + plain.size()) << plain;
  return negative ? -v : v;
}

TEST(AmountParse, Accepted) {
  struct Case {
    const char* text;
    const char* plain;  // the same value written plainly
  } cases[] = {
      {"0", "0"},
      {"12", "12"},
      {"12.5", "12.5"},
      {"  12.50  ", "12.50"},
      {"+3", "3"},
      {"-3", "-3"},
      {".5", "0.5"},
      {"5.", "5"},
      {"0.1", "0.1"},
      {"1,234.50", "1234.50"},
      {"12,345,678.9", "12345678.9"},
      {"1,234", "1234"},
      {"1.234,50", "1234.50"},
      {"1.234.567", "1234567"},
      {"1.234.567,89", "1234567.89"},
      {"12,5", "12.5"},
      {"0,123", "0.123"},
      {"1234,567", "1234.567"},
      {"1,2345", "1.2345"},
      {"1 234.50", "1234.50"},
      {"1 234,50", "1234.50"},
      {"1 234 567", "1234567"},
      {"1\u00A0234,50", "1234.50"},     // no-break space
      {"1\u202F234,50", "1234.50"},     // narrow no-break space (French locale)
      {"¥1,234.50", "1234.50"},
      {"￥ 1,234.50", "1234.50"},
      {"1234.5元", "1234.5"},
      {"1234.5 元", "1234.5"},
      {"$12.00", "12.00"},
      {"US$12.00", "12.00"},
      {"us$ 12", "12"},
      {"£5", "5"},
      {"€ 3,50", "3.50"},
      {"3,50 €", "3.50"},
      {"RMB 100", "100"},
      {"100rmb", "100"},
      {"CNY100", "100"},
      {"100 USD", "100"},
      {"GBP 2.55", "2.55"},
      {"5EUR", "5"},
      {"-$5", "-5"},
      {"$-5", "-5"},
      {"- $ 5", "-5"},
      {"-¥1,234.50", "-1234.50"},
      {"¥-1,234.50", "-1234.50"},
      {"\u22125", "-5"},                // U+2212 minus
      {"(123.45)", "-123.45"},
      {"($1,234.50)", "-1234.50"},
      {"$(12)", "-12"},
      {"(12 元)", "-12"},
      {"( 12 )", "-12"},
      {"1e3", "1000"},
      {"1.5E-3", "0.0015"},
      {"-2.5e+2", "-250"},
      {"\u3000100\u3000", "100"},       // ideographic spaces
      {"-0", "0"},
      {"0.1000000000000000055511151231257827", "0.1000000000000000055511151231257827"},
      {"9007199254740993", "9007199254740993"},  // halfway between two doubles
      {"1,797,693,134,862,315,708,145,274,237,317,043,567,980", "1797693134862315708145274237317043567980"},
  };
  for (const Case& c : cases) {
    double v = -999;
    ASSERT_TRUE(parse_amount(c.text, v)) << c.text;
    EXPECT_EQ(v, reference(c.plain)) << c.text;
  }
  double z = 1;
  ASSERT_TRUE(parse_amount("-0.00", z));
  EXPECT_FALSE(std::signbit(z));
}

TEST(AmountParse, Refused) {
  const char* cases[] = {
      "", " ", "-", "$", "元", ".", ",", "abc", "N/A", "--5", "+-5", "5-", "1-2", "12a",
      "(5", "5)", "(-5)", "-(5)", "((5))", "$$5", "1,23,456", "12,345,6",
      "1 23", "1 2345", "12 345.6 7", "1.234.5", "1,234.567,8", "1 234,567.5", "1,5e3",
      "1,234e3", "1e", "1e+", "e5", "1e400", "inf", "nan", "0x10", "5%", "1.2.3,4,5",
      "$5 USD USD", "¥¥5", ",123,456",
  };
  for (const char* text : cases) {
    double v = 42;
    EXPECT_FALSE(parse_amount(text, v)) << '"' << text << '"';
  }
}

// Random long decimals, written with thousands separators, parse to exactly the
// correctly rounded value of the plain digits.
TEST(AmountParse, CorrectlyRoundedLongNumbers) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string int_part = std::to_string(1 + rng() % 999);
    int groups = static_cast<int>(rng() % 6);
    for (int g = 0; g < groups; ++g) int_part += std::to_string(1000 + rng() % 1000).substr(1);
    std::string frac;
    for (int k = static_cast<int>(rng() % 25); k > 0; --k) frac += static_cast<char>('0' + rng() % 10);
    std::string plain = int_part + (frac.empty() ? "" : "." + frac);

    std::string grouped;
    for (size_t k = 0; k < int_part.size(); ++k) {
      if (k && (int_part.size() - k) % 3 == 0) grouped += ',';
      grouped += int_part[k];
    }
    std::string text = "¥" + grouped + (frac.empty() ? "" : "." + frac);
    double v;
    ASSERT_TRUE(parse_amount(text, v)) << text;
    ASSERT_EQ(v, reference(plain)) << text;
  }
}

}  // namespace
}  // namespace huike
