#include "ingest/date_parse.h"

#include <gtest/gtest.h>

namespace huike {
namespace {

TEST(DateParse, CivilDaysKnownValues) {
  // Reference values from Python: (date(y, m, d) - date(1970, 1, 1)).days
  struct Case {
    int32_t y;
    unsigned m, d;
    int32_t days;
  } cases[] = {
      {1970, 1, 1, 0},      {1969, 12, 31, -1},    {2020, 9, 22, 18527},  {2000, 2, 29, 11016},
      {2000, 3, 1, 11017},  {1900, 1, 1, -25567},  {1900, 3, 1, -25508},  {2010, 12, 1, 14944},
      {1, 1, 1, -719162},   {9999, 12, 31, 2932896},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(days_from_civil(c.y, c.m, c.d), c.days) << c.y << "-" << c.m << "-" << c.d;
    int32_t y;
    unsigned m, d;
    civil_from_days(c.days, y, m, d);
    EXPECT_EQ(y, c.y);
    EXPECT_EQ(m, c.m);
    EXPECT_EQ(d, c.d);
  }
}

TEST(DateParse, CivilDaysRoundTrip) {
  // Every day from -2000 to 3000 CE: consecutive, valid, and round-tripping.
  int32_t prev_y = 0;
  unsigned prev_m = 0, prev_d = 0;
  for (int32_t days = days_from_civil(-2000, 1, 1); days <= days_from_civil(3000, 12, 31); ++days) {
    int32_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    ASSERT_TRUE(is_valid_civil(y, m, d)) << days;
    ASSERT_EQ(days_from_civil(y, m, d), days);
    if (d != 1) {
      ASSERT_TRUE(y == prev_y && m == prev_m && d == prev_d + 1) << days;
    }
    prev_y = y, prev_m = m, prev_d = d;
  }
}

TEST(DateParse, IsValidCivil) {
  EXPECT_TRUE(is_valid_civil(2020, 2, 29));
  EXPECT_FALSE(is_valid_civil(2021, 2, 29));
  EXPECT_FALSE(is_valid_civil(1900, 2, 29));
  EXPECT_TRUE(is_valid_civil(2000, 2, 29));
  EXPECT_FALSE(is_valid_civil(2021, 4, 31));
  EXPECT_TRUE(is_valid_civil(2021, 12, 31));
  EXPECT_FALSE(is_valid_civil(2021, 0, 1));
  EXPECT_FALSE(is_valid_civil(2021, 13, 1));
  EXPECT_FALSE(is_valid_civil(2021, 1, 0));
}

TEST(DateParse, FullDates) {
  struct Case {
    const char* text;
    int32_t y;
    unsigned m, d;
  } cases[] = {
      {"2020-09-22", 2020, 9, 22},
      {"2020-9-22 14:31:00", 2020, 9, 22},
      {"2020/9/22", 2020, 9, 22},
      {"2020/09/22 下午 2:31:00", 2020, 9, 22},
      {"2020.09.22", 2020, 9, 22},
      {"2020-09-22T14:31:00Z", 2020, 9, 22},
      {"2020-09-22T14:31:00+08:00", 2020, 9, 22},
      {"  2020-02-29\r", 2020, 2, 29},
      {"2020年9月22日", 2020, 9, 22},
      {"2020年09月22日 14:31", 2020, 9, 22},
      {"2020年9月22号", 2020, 9, 22},
      {"2020年9月22號", 2020, 9, 22},
      {"2020年9月22日14时31分", 2020, 9, 22},
      {"2020年9月22", 2020, 9, 22},
      {"20200922", 2020, 9, 22},
      {"19970101", 1997, 1, 1},
      {"20200922 14:31", 2020, 9, 22},
      {"1600000000", 2020, 9, 13},      // Unix seconds (2020-09-13 12:26:40 UTC)
      {"999999999", 2001, 9, 9},        // 9 digits
      {"1600787460123", 2020, 9, 22},   // Unix milliseconds
      {"43831", 2020, 1, 1},            // Excel serial
      {"40513.35138888889", 2010, 12, 1},
      {"1", 1900, 1, 1},
      {"59", 1900, 2, 28},
      {"61", 1900, 3, 1},
      {"25569", 1970, 1, 1},
  };
  for (const Case& c : cases) {
    ParsedDate p;
    ASSERT_TRUE(parse_date(c.text, p)) << c.text;
    EXPECT_FALSE(p.pair_form) << c.text;
    EXPECT_EQ(p.year, c.y) << c.text;
    EXPECT_EQ(p.month, c.m) << c.text;
    EXPECT_EQ(p.day, c.d) << c.text;
  }
}

TEST(DateParse, PairForms) {
  struct Case {
    const char* text;
    unsigned first, second;
    int32_t y;
    bool month_first, day_first;
  } cases[] = {
      {"12/1/2010 8:26", 12, 1, 2010, true, true},
      {"12/6/2009 10:30", 12, 6, 2009, true, true},
      {"1.12.2010", 1, 12, 2010, true, true},
      {"13/1/2010", 13, 1, 2010, false, true},
      {"1/13/2010", 1, 13, 2010, true, false},
      {"22-09-2020", 22, 9, 2020, false, true},
      {"2/29/2020", 2, 29, 2020, true, false},
      {"31/4/2021", 31, 4, 2021, false, false},  // refused, see below
  };
  for (const Case& c : cases) {
    ParsedDate p;
    bool ok = parse_date(c.text, p);
    EXPECT_EQ(ok, c.month_first || c.day_first) << c.text;
    if (!ok) continue;
    EXPECT_TRUE(p.pair_form) << c.text;
    EXPECT_EQ(p.month, c.first) << c.text;
    EXPECT_EQ(p.day, c.second) << c.text;
    EXPECT_EQ(p.year, c.y) << c.text;
    EXPECT_EQ(p.month_first_valid, c.month_first) << c.text;
    EXPECT_EQ(p.day_first_valid, c.day_first) << c.text;
  }
}

TEST(DateParse, Refused) {
  const char* cases[] = {
      "", "   ", "abc", "2021-02-30", "2021-13-01", "2021-00-10", "2020-09-22x", "2020-09/22",
      "2020-123-1", "2020--1", "2020-09-", "12/1/10", "12/1/10 8:26", "13/13/2020", "1/1/0999",
      "0999-01-01", "20211301", "2020年13月1日", "2020年9月", "60",  // Excel's 1900-02-29
      "0", "123456", "1234567", "12345678901", "123456789012", "12345678901234", "43831.", "-43831",
      "43831.5x", "Sep 22, 2020", "22-Sep-2020", "2020/9/22/1",
  };
  for (const char* text : cases) {
    ParsedDate p;
    EXPECT_FALSE(parse_date(text, p)) << '"' << text << '"';
  }
}

// 2000-02-29 is day 11016: 30 years of 365 days + 7 leap days (1972…1996) + 31 + 28.
TEST(DateParse, IsoDayFormatAndParse) {
  int32_t day = 0;
  EXPECT_EQ(format_day(0), "1970-01-01");
  EXPECT_EQ(format_day(-1), "1969-12-31");
  EXPECT_TRUE(parse_iso_day("2000-02-29", day));
  EXPECT_EQ(day, 11016);
  EXPECT_TRUE(parse_iso_day("1998-06-30", day));
  EXPECT_EQ(format_day(day), "1998-06-30");
  EXPECT_FALSE(parse_iso_day("1998-02-30", day));
  EXPECT_FALSE(parse_iso_day("1998-06-30 10:00", day));
  EXPECT_FALSE(parse_iso_day("30/06/1998", day));
}

}  // namespace
}  // namespace huike
