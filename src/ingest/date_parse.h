#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace huike {

// The written form of a date cell; a column holds one form (a stray 18 among ISO dates
// is not an Excel serial day).
enum class DateForm : uint8_t { text, yyyymmdd, unix_seconds, unix_milliseconds, excel_serial };
constexpr int kDateFormCount = 5;
const char* date_form_key(DateForm form);  // "text", "yyyymmdd", ...

// A date cell as parsed. A numeric pair form like 12/1/2010 or 1.12.2010 is returned
// as written (first, second) with `pair_form` set; the caller decides month/day order
// for the whole column. Every other form gives year/month/day directly.
struct ParsedDate {
  int32_t year = 0;
  uint8_t month = 0;  // when pair_form: the first number as written
  uint8_t day = 0;    // when pair_form: the second number as written
  DateForm form = DateForm::text;
  bool pair_form = false;
  bool month_first_valid = false;  // pair_form: (first, second) is a valid (month, day)
  bool day_first_valid = false;    // pair_form: (first, second) is a valid (day, month)
};

// Accepts, with or without a time after the date (ignored):
//   2020-09-22, 2020-9-22 14:31:00, 2020/9/22, 2020.09.22, 2020-09-22T14:31:00Z,
//   2020年9月22日 (also with 号 / time after), 20200922 (YYYYMMDD),
//   12/1/2010 8:26 and 1.12.2010 (pair forms, see above), 2-digit years are refused,
//   Unix seconds (9-10 digits) and milliseconds (13 digits) as UTC dates,
//   Excel serial days (1-5 digits, optional fraction; 1900 date system).
// Years must have 4 digits, 1000-9999. The time part is not checked. Excel serial 60
// (Excel's fictitious 1900-02-29) is refused; 61 on is 1900-03-01 on.
// Returns false for anything else, including impossible dates (2021-02-30) and a pair
// form valid in neither order (13/13/2020).
bool parse_date(std::string_view text, ParsedDate& out);

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int32_t days_from_civil(int32_t year, unsigned month, unsigned day);
void civil_from_days(int32_t days, int32_t& year, unsigned& month, unsigned& day);
bool is_valid_civil(int32_t year, unsigned month, unsigned day);

// Days since 1970-01-01 as "YYYY-MM-DD" (the reports' and options' one date form), and back:
// parse_iso_day accepts exactly YYYY-MM-DD (1-2 digit month and day) of a real date.
std::string format_day(int32_t day);
bool parse_iso_day(const std::string& text, int32_t& day);

}  // namespace huike
