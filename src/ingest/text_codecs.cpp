#include "ingest/text_codecs.h"

#include <algorithm>
#include <cstring>

#include "ingest/gb18030_table.inc"

namespace huike::codec {
namespace {

// windows-1252 0x80-0x9F; the five holes map to the C1 controls like browsers do.
// windows-1252 0x80-0x9F; the five holes map to the C1 controls like browsers do.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

inline char* put_utf8(char* o, uint32_t cp) {
  if (cp < 0x80) {
    *o++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *o++ = static_cast<char>(0xC0 | (cp >> 6));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *o++ = static_cast<char>(0xE0 | (cp >> 12));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *o++ = static_cast<char>(0xF0 | (cp >> 18));
    *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return o;
}

inline bool all_ascii8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

uint32_t gb_four_byte(uint32_t index) {
  using namespace gb18030;
  if (index < kFourByteBmpEnd) {
    auto* r = std::upper_bound(std::begin(kFourByteBmp), std::end(kFourByteBmp), index,
                               [](uint32_t i, const FourByteRange& x) { return i < x.first_index; }) - 1;
    return r->first_cp == 0 ? 0 : r->first_cp + (index - r->first_index);
  }
  if (index >= kSupplementaryFirst && index <= kSupplementaryLast)
    return 0x10000 + (index - kSupplementaryFirst);
  return 0;
}

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

size_t ascii_prefix(std::string_view s) {
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i + 8 <= s.size() && all_ascii8(p + i)) i += 8;
  while (i < s.size() && p[i] < 0x80) ++i;
  return i;
}

namespace {
// The sum of the 8 byte lanes of `lanes` (each at most 255).
inline uint64_t lane_sum(uint64_t lanes) {
  constexpr uint64_t kLanes16 = 0x00FF00FF00FF00FFull;
  const uint64_t pairs = (lanes & kLanes16) + ((lanes >> 8) & kLanes16);  // 4 lanes of 16 bits
  return (pairs * 0x0001000100010001ull) >> 48;
}
}  // namespace

size_t ascii_prefix_newlines(std::string_view s, uint64_t& newlines) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full, kNewlines = kOnes * '\n';
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  for (bool high = false; !high && i + 8 <= s.size();) {
    uint64_t per_lane = 0;  // newlines per byte lane, at most 255 each: 255 words at a time
    for (int k = 0; k < 255 && i + 8 <= s.size(); ++k, i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((high = (w & kHigh) != 0)) break;
      // ASCII lanes of w ^ "\n\n…" are below 0x80, so + 0x7F sets a lane's high bit exactly
      // when it is not 0, without a carry into the next lane.
      per_lane += (~((w ^ kNewlines) + kLow7) & kHigh) >> 7;
    }
    newlines += lane_sum(per_lane);
  }
  for (; i < s.size() && p[i] < 0x80; ++i) newlines += p[i] == '\n';
  return i;
}

Step gb_step(const unsigned char* p, size_t n) {
  const unsigned b1 = p[0];
  if (b1 == 0x80) return {1, 0x20AC, true};  // CP936 euro sign
  if (b1 == 0xFF) return {1, kReplacement, false};
  if (n < 2) return {0, 0, false};
  const unsigned b2 = p[1];
  if (b2 >= 0x40 && b2 <= 0xFE && b2 != 0x7F) {
    uint32_t cp = gb18030::kTwoByte[(b1 - 0x81) * 190 + b2 - (b2 < 0x7F ? 0x40 : 0x41)];
    return cp ? Step{2, cp, true} : Step{2, kReplacement, false};
  }
  if (b2 < 0x30 || b2 > 0x39) return {1, kReplacement, false};
  if (n < 3) return {0, 0, false};
  const unsigned b3 = p[2];
  if (b3 < 0x81 || b3 > 0xFE) return {1, kReplacement, false};
  if (n < 4) return {0, 0, false};
  const unsigned b4 = p[3];
  if (b4 < 0x30 || b4 > 0x39) return {1, kReplacement, false};
  uint32_t cp = gb_four_byte((b1 - 0x81) * 12600 + (b2 - 0x30) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30));
  return cp ? Step{4, cp, true} : Step{4, kReplacement, false};
}

// Decodes p[0..n) into o; returns the bytes consumed (all of them when final).
size_t decode_gb(const unsigned char* p, size_t n, bool final, char*& o, uint64_t& invalid) {
  size_t i = 0;
  while (i < n) {
    const unsigned b1 = p[i];
    if (b1 < 0x80) {
      while (i + 8 <= n && all_ascii8(p + i)) {
        std::memcpy(o, p + i, 8);
        o += 8;
        i += 8;
      }
      while (i < n && p[i] < 0x80) *o++ = static_cast<char>(p[i++]);
      continue;
    }
    // Fast path: a two-byte code mapping to U+0800..U+FFFF (nearly all Chinese text).
    if (i + 1 < n && b1 != 0x80 && b1 != 0xFF) {
      const unsigned b2 = p[i + 1];
      if (b2 >= 0x40 && b2 <= 0xFE && b2 != 0x7F) {
        const uint32_t cp = gb18030::kTwoByte[(b1 - 0x81) * 190 + b2 - (b2 < 0x7F ? 0x40 : 0x41)];
        if (cp >= 0x800) {
          o[0] = static_cast<char>(0xE0 | (cp >> 12));
          o[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          o[2] = static_cast<char>(0x80 | (cp & 0x3F));
          o += 3;
          i += 2;
          continue;
        }
      }
    }
    Step s = gb_step(p + i, n - i);
    if (s.len == 0) {
      if (!final) break;
      s = {static_cast<int>(n - i), kReplacement, false};  // one U+FFFD for the cut tail
    }
    invalid += !s.valid;
    o = put_utf8(o, s.cp);
    i += s.len;
  }
  return i;
}

// The length of the valid UTF-8 prefix of s that ends on a whole sequence. Runs on every
// UTF-8 chunk, so it skips ASCII a word at a time and runs of 3-byte (CJK) characters in
// a tight loop; anything else takes the strict step.
size_t valid_utf8_prefix(std::string_view s) {
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // Lead bytes E1-EC, EE, EF cannot start an overlong or a surrogate.
  const auto plain3 = [p](size_t i) {
    const unsigned b = p[i];
    return b >= 0xE1 && b <= 0xEF && b != 0xED && is_continuation(p[i + 1]) && is_continuation(p[i + 2]);
  };
  size_t i = 0;
  while (i < n) {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (const uint64_t high = w & 0x8080808080808080ull) {
        i += static_cast<size_t>(__builtin_ctzll(high)) >> 3;
        break;
      }
    }
    while (i < n && p[i] < 0x80) ++i;
    while (i + 3 <= n && plain3(i)) i += 3;
    if (i == n || p[i] < 0x80) continue;
    if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && is_continuation(p[i + 1])) {
      i += 2;
      continue;
    }
    const Step step = utf8_step(p + i, n - i);
    if (step.len == 0 || !step.valid) break;
    i += step.len;
  }
  return i;
}

// Decodes UTF-8 p[0..n) into o, each invalid sequence becoming U+FFFD; returns the bytes
// consumed (all of them when final; else a sequence cut by the end of p waits).
size_t decode_utf8(const unsigned char* p, size_t n, bool final, char*& o, uint64_t& invalid) {
  size_t i = 0;
  while (i < n) {
    const size_t valid = valid_utf8_prefix({reinterpret_cast<const char*>(p) + i, n - i});
    std::memcpy(o, p + i, valid);
    o += valid;
    i += valid;
    if (i == n) break;
    Step s = utf8_step(p + i, n - i);
    if (s.len == 0) {
      if (!final) break;
      s = {static_cast<int>(n - i), 0, false};  // one U+FFFD for the cut tail
    }
    if (s.valid) {
      std::memcpy(o, p + i, s.len);
      o += s.len;
    } else {
      ++invalid;
      o = put_utf8(o, kReplacement);
    }
    i += s.len;
  }
  return i;
}

void decode_cp1252(const unsigned char* p, size_t n, char*& o) {
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n && all_ascii8(p + i)) {
      std::memcpy(o, p + i, 8);
      o += 8;
      i += 8;
      continue;
    }
    unsigned b = p[i++];
    if (b < 0x80) *o++ = static_cast<char>(b);
    else o = put_utf8(o, b < 0xA0 ? kCp1252High[b - 0x80] : b);
  }
}

}  // namespace huike::codec
