#include "ingest/date_parse.h"

#include <algorithm>
#include <cstdio>

namespace huike {
namespace {

inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads 1..max_digits digits (no more may follow); returns the count, 0 if none/too many.
inline int read_num(const char*& p, const char* e, int max_digits, uint32_t& v) {
  const char* s = p;
  v = 0;
  while (p < e && is_digit(*p)) {
    if (p - s == max_digits) return 0;
    v = v * 10 + static_cast<uint32_t>(*p++ - '0');
  }
  return static_cast<int>(p - s);
}

inline bool eat(const char*& p, const char* e, std::string_view tok) {
  if (static_cast<size_t>(e - p) < tok.size() || std::string_view(p, tok.size()) != tok) return false;
  p += tok.size();
  return true;
}

// What may follow a date: nothing, or a time after a space or 'T'.
inline bool date_end(const char* p, const char* e) { return p == e || is_space(*p) || *p == 'T'; }

inline bool is_date_sep(char c) { return c == '-' || c == '/' || c == '.'; }

bool set_ymd(ParsedDate& out, uint32_t y, uint32_t m, uint32_t d) {
  if (y < 1000 || !is_valid_civil(static_cast<int32_t>(y), m, d)) return false;
  out.year = static_cast<int32_t>(y);
  out.month = static_cast<uint8_t>(m);
  out.day = static_cast<uint8_t>(d);
  return true;
}

bool set_days(ParsedDate& out, int64_t days) {
  int32_t y;
  unsigned m, d;
  civil_from_days(static_cast<int32_t>(days), y, m, d);
  out.year = y;
  out.month = static_cast<uint8_t>(m);
  out.day = static_cast<uint8_t>(d);
  return true;
}

// 2020年9月22日 (日/号/號 optional at the end); p is just after the year digits.
bool parse_cjk(const char* p, const char* e, uint32_t y, ParsedDate& out) {
  uint32_t m, d;
  if (!eat(p, e, "年") || !read_num(p, e, 2, m) || !eat(p, e, "月") || !read_num(p, e, 2, d)) return false;
  if (!eat(p, e, "日") && !eat(p, e, "号") && !eat(p, e, "號") && !date_end(p, e)) return false;
  return set_ymd(out, y, m, d);
}

// All-digit cells: YYYYMMDD, Unix seconds / milliseconds, Excel serial days.
bool parse_number(uint64_t v, int digits, ParsedDate& out) {
  out.form = digits == 8    ? DateForm::yyyymmdd
             : digits == 13 ? DateForm::unix_milliseconds
             : digits >= 9  ? DateForm::unix_seconds
                            : DateForm::excel_serial;
  if (digits == 8) return set_ymd(out, static_cast<uint32_t>(v / 10000), v / 100 % 100, v % 100);
  if (digits == 9 || digits == 10) return set_days(out, static_cast<int64_t>(v / 86400));
  if (digits == 13) return set_days(out, static_cast<int64_t>(v / 86400000));
  if (digits > 5 || v == 0 || v == 60) return false;  // serial 60 is Excel's fictitious 1900-02-29
  // Serial 1 = 1900-01-01; from 61 on Excel counts the fictitious leap day.
  return set_days(out, static_cast<int64_t>(v) + (v < 60 ? -25568 : -25569));
}

}  // namespace

const char* date_form_key(DateForm form) {
  static const char* const keys[kDateFormCount] = {"text", "yyyymmdd", "unix_seconds", "unix_milliseconds",
                                                   "excel_serial"};
  return keys[static_cast<int>(form)];
}

int32_t days_from_civil(int32_t year, unsigned month, unsigned day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                       // [0, 399]
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               // [0, 146096]
  return static_cast<int32_t>(era * 146097 + doe - 719468);
}

void civil_from_days(int32_t days, int32_t& year, unsigned& month, unsigned& day) {
  const int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                      // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                    // [0, 11]
  day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int32_t>(yoe + era * 400 + (month <= 2));
}

bool is_valid_civil(int32_t year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr unsigned char kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day <= kDays[month - 1] + (month == 2 && leap ? 1u : 0u);
}

bool parse_date(std::string_view text, ParsedDate& out) {
  out = ParsedDate{};
  // The usual cell, 2020-09-22 with or without a time: fixed positions, no scanning.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && date_end(text.data() + 10, text.data() + text.size())) {
    const auto digit = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(text[i]) - '0'); };
    const uint32_t y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
    const uint32_t m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
    if (std::max({y0, y1, y2, y3, m0, m1, d0, d1}) < 10) {
      return set_ymd(out, ((y0 * 10 + y1) * 10 + y2) * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
    }
  }
  const char* p = text.data();
  const char* e = p + text.size();
  while (p < e && is_space(*p)) ++p;
  while (e > p && is_space(e[-1])) --e;

  const char* s = p;
  uint64_t v = 0;
  while (p < e && is_digit(*p) && p - s < 13) v = v * 10 + static_cast<unsigned>(*p++ - '0');
  const int n = static_cast<int>(p - s);
  if (n == 0 || (p < e && is_digit(*p))) return false;
  if (p == e) return parse_number(v, n, out);

  const char sep = *p;
  if (n == 4) {  // year first
    if (!is_date_sep(sep)) return parse_cjk(p, e, static_cast<uint32_t>(v), out);
    uint32_t m, d;
    ++p;
    if (!read_num(p, e, 2, m) || p == e || *p++ != sep || !read_num(p, e, 2, d) || !date_end(p, e)) return false;
    return set_ymd(out, static_cast<uint32_t>(v), m, d);
  }
  if (n <= 2 && is_date_sep(sep)) {  // 12/1/2010, 1.12.2010: order decided by the caller
    uint32_t b, y;
    ++p;
    if (!read_num(p, e, 2, b) || p == e || *p++ != sep || read_num(p, e, 4, y) != 4 || !date_end(p, e) || y < 1000)
      return false;
    const auto a = static_cast<unsigned>(v);
    out.pair_form = true;
    out.year = static_cast<int32_t>(y);
    out.month = static_cast<uint8_t>(a);
    out.day = static_cast<uint8_t>(b);
    out.month_first_valid = is_valid_civil(out.year, a, b);
    out.day_first_valid = is_valid_civil(out.year, b, a);
    return out.month_first_valid || out.day_first_valid;
  }
  if (n == 8 && date_end(p, e)) return parse_number(v, n, out);  // 20200922 14:31
  if (n <= 5 && sep == '.') {                                     // Excel serial with a time fraction
    const char* f = ++p;
    while (p < e && is_digit(*p)) ++p;
    if (p == f || p != e) return false;
    return parse_number(v, n, out);
  }
  return false;
}

std::string format_day(int32_t day) {
  int32_t year;
  unsigned month, d;
  civil_from_days(day, year, month, d);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(year), month, d);
  return text;
}

bool parse_iso_day(const std::string& text, int32_t& day) {
  int year;
  unsigned month, d;
  char tail;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &d, &tail) != 3) return false;
  if (!is_valid_civil(year, month, d)) return false;
  day = days_from_civil(year, month, d);
  return true;
}

}  // namespace huike
