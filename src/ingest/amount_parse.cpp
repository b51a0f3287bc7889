#include "ingest/amount_parse.h"

#include <charconv>
#include <cstddef>

namespace huike {
namespace {

inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

inline bool eat(const char*& p, const char* e, std::string_view tok) {
  if (static_cast<size_t>(e - p) < tok.size() || std::string_view(p, tok.size()) != tok) return false;
  p += tok.size();
  return true;
}

// ASCII word, any case.
inline bool eat_word(const char*& p, const char* e, std::string_view upper) {
  if (static_cast<size_t>(e - p) < upper.size()) return false;
  for (size_t i = 0; i < upper.size(); ++i) {
    char c = p[i] >= 'a' && p[i] <= 'z' ? static_cast<char>(p[i] - 32) : p[i];
    if (c != upper[i]) return false;
  }
  p += upper.size();
  return true;
}

// A space that may sit around or (between digit groups) inside a number:
// ASCII space/tab, no-break space, narrow no-break space, ideographic space.
inline bool eat_space(const char*& p, const char* e) {
  if (p < e && (*p == ' ' || *p == '\t')) return ++p, true;
  return eat(p, e, "\u00A0") || eat(p, e, "\u202F") || eat(p, e, "\u3000");
}

inline void skip_spaces(const char*& p, const char* e) {
  while (eat_space(p, e)) {
  }
}

inline bool eat_currency(const char*& p, const char* e) {
  if (p == e) return false;
  if (*p == '$') return ++p, true;
  if (static_cast<unsigned char>(*p) < 0x80)
    return eat_word(p, e, "US$") || eat_word(p, e, "RMB") || eat_word(p, e, "CNY") || eat_word(p, e, "USD") ||
           eat_word(p, e, "GBP") || eat_word(p, e, "EUR");
  return eat(p, e, "¥") || eat(p, e, "￥") || eat(p, e, "£") || eat(p, e, "€") || eat(p, e, "元");
}

inline bool eat_sign(const char*& p, const char* e, bool& negative) {
  if (p < e && (*p == '-' || *p == '+')) return negative = *p++ == '-', true;
  if (eat(p, e, "\u2212")) return negative = true, true;  // typographic minus
  return false;
}

// One digit-group separator between digits (`p` at it), or null.
inline const char* group_space_end(const char* p, const char* e) {
  const char* q = p;
  return eat_space(q, e) && q < e && is_digit(*q) ? q : nullptr;
}

// The common cell, "-123.45": digits with an optional point, at most 15 digits. n / 10^k
// with both exact is one correctly rounded division, the same as from_chars gives.
inline bool parse_plain_decimal(std::string_view text, double& out) {
  static constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const size_t n = text.size();
  const bool negative = n > 0 && text[0] == '-';
  size_t i = negative;
  uint64_t digits = 0;
  for (; i < n && is_digit(text[i]); ++i) digits = digits * 10 + static_cast<uint64_t>(text[i] - '0');
  const size_t whole = i - negative;
  size_t decimals = 0;
  if (i < n && text[i] == '.' && whole > 0) {
    const size_t point = ++i;
    for (; i < n && is_digit(text[i]); ++i) digits = digits * 10 + static_cast<uint64_t>(text[i] - '0');
    decimals = i - point;
    if (decimals == 0) return false;
  }
  if (i != n || whole == 0 || whole + decimals > 15) return false;
  const double value = static_cast<double>(digits) / kPowers[decimals];
  out = negative ? -value : value;
  return true;
}

bool parse_amount_general(std::string_view text, double& out);

}  // namespace

bool parse_amount(std::string_view text, double& out) {
  if (parse_plain_decimal(text, out)) {
    if (out == 0) out = 0;  // no −0
    return true;
  }
  return parse_amount_general(text, out);
}

namespace {

bool parse_amount_general(std::string_view text, double& out) {
  const char* p = text.data();
  const char* e = p + text.size();

  // Prefix: sign, currency and '(' in any order, each at most once.
  bool negative = false, has_sign = false, paren = false, prefix_currency = false;
  for (;;) {
    skip_spaces(p, e);
    if (!has_sign && eat_sign(p, e, negative)) has_sign = true;
    else if (!paren && p < e && *p == '(') paren = true, ++p;
    else if (!prefix_currency && eat_currency(p, e)) prefix_currency = true;
    else break;
  }
  if (has_sign && paren) return false;

  // The number: digits, '.', ',' and spaces between digit groups. First pass: find the
  // extent and which separator is the decimal one.
  const char* const cs = p;
  int dots = 0, commas = 0, spaces = 0, digits_after_comma = 0, digits_before_comma = 0;
  const char *last_dot = nullptr, *last_comma = nullptr;
  for (int digits = 0; p < e;) {
    if (is_digit(*p)) {
      ++digits, ++digits_after_comma, ++p;
    } else if (*p == '.') {
      ++dots, last_dot = p++;
    } else if (*p == ',') {
      ++commas, last_comma = p++;
      digits_before_comma = digits, digits_after_comma = 0;
    } else if (const char* q = p > cs && is_digit(p[-1]) ? group_space_end(p, e) : nullptr) {
      ++spaces, p = q;
    } else {
      break;
    }
  }
  const char* const ce = p;

  char dec = '.', group = 0;
  if (dots && commas) {  // 1.234,50 or 1,234.50: the later one is the decimal separator
    dec = last_dot > last_comma ? '.' : ',';
    group = dec == '.' ? ',' : '.';
  } else if (commas) {
    // A lone comma is a decimal comma unless it reads as thousands: "1,234" yes;
    // "12,5", "0,123", "1234,567" and "1 234,567" (spaces group) no.
    bool thousands = commas > 1 || (digits_after_comma == 3 && spaces == 0 && digits_before_comma >= 1 &&
                                    digits_before_comma <= 3 && *cs != '0');
    if (thousands) group = ',';
    else dec = ',';
  } else if (dots > 1) {
    group = '.', dec = 0;
  }
  if (spaces) {
    if (group) return false;  // mixed grouping
    group = ' ';
  }

  // Second pass: check the groups (first 1-3 digits, then exactly 3) and copy the
  // digits with '.' as the decimal point into buf for from_chars.
  char buf[96];
  size_t n = 0;
  int digits = 0, group_len = 0;
  bool in_fraction = false, grouped = false;
  for (const char* q = cs; q < ce;) {
    if (n + 8 > sizeof buf) return false;
    char c = *q;
    if (is_digit(c)) {
      buf[n++] = c, ++digits, ++group_len, ++q;
      continue;
    }
    if (c == dec) {
      if (in_fraction || (grouped && group_len != 3)) return false;
      in_fraction = true, buf[n++] = '.', ++q;
      continue;
    }
    // Otherwise it must be the group separator, between whole groups of the integer part.
    if (in_fraction || !group || (grouped ? group_len != 3 : group_len < 1 || group_len > 3)) return false;
    if (group == ' ') {
      if (!eat_space(q, ce)) return false;
    } else {
      if (c != group) return false;
      ++q;
    }
    grouped = true, group_len = 0;
  }
  if (digits == 0 || (grouped && !in_fraction && group_len != 3)) return false;

  // Plain scientific notation, only on ungrouped numbers with a decimal point.
  if (p < e && (*p == 'e' || *p == 'E') && !grouped && dec == '.') {
    const char* q = p + 1;
    if (q < e && (*q == '+' || *q == '-')) ++q;
    if (q < e && is_digit(*q)) {
      buf[n++] = 'e';
      for (const char* r = p + 1; r < q; ++r) buf[n++] = *r;
      while (q < e && is_digit(*q)) {
        if (n + 1 > sizeof buf) return false;
        buf[n++] = *q++;
      }
      p = q;
    }
  }

  // Suffix: currency and ')' in either order.
  bool suffix_currency = false, closed = !paren;
  for (;;) {
    skip_spaces(p, e);
    if (!closed && p < e && *p == ')') closed = true, ++p;
    else if (!suffix_currency && eat_currency(p, e)) suffix_currency = true;
    else break;
  }
  if (p != e || !closed) return false;

  double v;
  auto [end, ec] = std::from_chars(buf, buf + n, v);
  if (ec != std::errc() || end != buf + n) return false;
  out = v == 0 ? 0.0 : (negative || paren ? -v : v);
  return true;
}

}  // namespace
}  // namespace huike
