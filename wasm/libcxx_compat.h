// Force-included into every wasm translation unit (see build.sh).
// Emscripten 3.1.6 ships libc++ 13, which lacks std::from_chars for floating point;
// the core is portable C++20 and may use it, so supply it here instead of bending the core.
#pragma once
#if defined(__cplusplus)
#include <charconv>  // defines _LIBCPP_VERSION
#endif
#if defined(__cplusplus) && defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 20000
#include <cerrno>
#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace huike_compat {

// Clinger's fast path: a decimal with at most 15 significant digits and a power of ten up to
// 22 is m / 10^k (or m * 10^k) of two exact doubles, so one IEEE operation rounds it
// correctly, exactly as from_chars would. musl's strtod, the fallback, works in 128-bit
// soft-float long double on wasm and was half of all parse time.
inline bool fast_decimal(const char* first, const char* last, double& value, const char*& end) {
  const char* p = first;
  const bool negative = p < last && *p == '-';
  if (negative) ++p;
  uint64_t mantissa = 0;
  int significant = 0, exponent = 0, digits = 0;
  for (; p < last && *p >= '0' && *p <= '9'; ++p, ++digits) {
    if (mantissa == 0 && *p == '0') continue;
    if (++significant > 15) return false;
    mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
  }
  if (p < last && *p == '.') {
    ++p;
    for (; p < last && *p >= '0' && *p <= '9'; ++p, ++digits) {
      --exponent;
      if (mantissa == 0 && *p == '0') continue;
      if (++significant > 15) return false;
      mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
    }
  }
  if (digits == 0) return false;
  if (p < last && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    bool negative_exp = false;
    if (q < last && (*q == '+' || *q == '-')) negative_exp = *q++ == '-';
    if (q < last && *q >= '0' && *q <= '9') {
      int e = 0;
      for (; q < last && *q >= '0' && *q <= '9'; ++q) {
        if (e > 10000) return false;
        e = e * 10 + (*q - '0');
      }
      exponent += negative_exp ? -e : e;
      p = q;
    }
  }
  static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  double v = static_cast<double>(mantissa);
  if (mantissa != 0) {
    if (exponent < -22 || exponent > 22) return false;
    v = exponent < 0 ? v / powers[-exponent] : v * powers[exponent];
  }
  value = negative ? -v : v;
  end = p;
  return true;
}

inline std::from_chars_result parse_double(const char* first, const char* last, double& value) {
  if (first == last || *first == '+' || *first == ' ' || *first == '\t' || *first == '\n')
    return {first, std::errc::invalid_argument};
  double fast;
  const char* fast_end;
  if (fast_decimal(first, last, fast, fast_end)) {
    value = fast;
    return {fast_end, std::errc{}};
  }
  // strtod needs a terminated string; numbers in order files are short.
  char buf[128];
  size_t n = static_cast<size_t>(last - first);
  if (n >= sizeof buf) n = sizeof buf - 1;
  std::memcpy(buf, first, n);
  buf[n] = 0;
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(buf, &end);
  if (end == buf) return {first, std::errc::invalid_argument};
  if (n > 1 && (buf[0] == '0' || buf[0] == '-') && (buf[1] == 'x' || buf[1] == 'X' ||
      (buf[0] == '-' && n > 2 && buf[1] == '0' && (buf[2] == 'x' || buf[2] == 'X')))) {
    // hex is not the general format: from_chars reads only the leading zero
    end = buf + (buf[0] == '-' ? 2 : 1);
    d = buf[0] == '-' ? -0.0 : 0.0;
  }
  const char* ptr = first + (end - buf);
  if (errno == ERANGE) return {ptr, std::errc::result_out_of_range};
  value = d;
  return {ptr, std::errc{}};
}
}  // namespace huike_compat

namespace std {
inline from_chars_result from_chars(const char* first, const char* last, double& value,
                                    chars_format = chars_format::general) {
  return huike_compat::parse_double(first, last, value);
}
}  // namespace std
#endif
