#include "ingest/text_decode.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "core/error.h"

#include "ingest/gb18030_table.inc"

namespace huike {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

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

size_t ascii_prefix(std::string_view s) {
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i + 8 <= s.size() && all_ascii8(p + i)) i += 8;
  while (i < s.size() && p[i] < 0x80) ++i;
  return i;
}

// One step of decoding: len = bytes consumed (0 = the input ends inside a sequence
// that may still complete).
struct Step {
  int len;
  uint32_t cp;
  bool valid;
};

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

// GB18030 sequence at p (p[0] >= 0x80). Like the WHATWG decoder, a bad second, third or
// fourth byte consumes only the first byte, so an ASCII byte after it is kept.
inline Step gb_step(const unsigned char* p, size_t n) {
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

// Strict UTF-8 (no overlongs, surrogates or values above U+10FFFF); p[0] >= 0x80.
// cp is not computed. An invalid sequence's len is its maximal valid prefix (at least 1),
// which becomes one U+FFFD as in the WHATWG decoder.
inline Step utf8_step(const unsigned char* p, size_t n) {
  const unsigned b = p[0];
  int len;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) len = 2;
  else if (b >= 0xE0 && b <= 0xEF) len = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
  else if (b >= 0xF0 && b <= 0xF4) len = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
  else return {1, 0, false};
  for (int i = 1; i < len; ++i) {
    if (static_cast<size_t>(i) >= n) return {0, 0, false};
    if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) return {i, 0, false};
  }
  return {len, 0, true};
}

struct Tally {
  size_t good = 0, bad = 0, chinese = 0;
};

// Counts multi-byte sequences in the window; an incomplete tail counts as bad only at
// the end of input (otherwise the window merely cut it).
template <typename StepFn>
Tally tally(std::string_view w, bool at_eof, StepFn step) {
  auto* p = reinterpret_cast<const unsigned char*>(w.data());
  Tally t;
  for (size_t i = 0; i < w.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    Step s = step(p + i, w.size() - i);
    if (s.len == 0) {
      t.bad += at_eof;
      break;
    }
    if (!s.valid) {
      ++t.bad;
      s.len = 1;  // detection looks on from the next byte
    } else {
      ++t.good;
      // Chinese text is mostly GB2312 (both bytes >= 0xA1); Latin text in windows-1252
      // mostly has an ASCII letter after each high byte.
      t.chinese += s.len == 4 || (s.len == 2 && p[i + 1] >= 0xA1);
    }
    i += s.len;
  }
  return t;
}

// Lines of the window (0-based) that are valid UTF-8 with non-ASCII text, and lines that
// are not UTF-8 but clean GB18030 Chinese: a file holding both is refused, not garbled.
void refuse_mixed_lines(std::string_view window, int64_t first_line) {
  int64_t utf8_line = -1, gb_line = -1;
  int64_t line = first_line;
  for (size_t start = 0; start < window.size() && (utf8_line < 0 || gb_line < 0); ++line) {
    size_t end = window.find('\n', start);
    if (end == std::string_view::npos) end = window.size();
    const std::string_view text = window.substr(start, end - start);
    start = end + 1;
    const Tally u = tally(text, false, utf8_step);
    if (u.good > 0 && u.bad == 0) {
      if (utf8_line < 0) utf8_line = line;
    } else if (u.bad > 0) {
      const Tally g = tally(text, false, gb_step);
      if (g.bad == 0 && g.chinese > 0 && gb_line < 0) gb_line = line;
    }
  }
  if (utf8_line < 0 || gb_line < 0) return;
  throw HuikeError(ErrorCode::E_MIXED_ENCODING,
                   "this file mixes UTF-8 lines (line " + std::to_string(utf8_line) + ") and GBK/GB18030 lines (line " +
                       std::to_string(gb_line) +
                       "), so one of them would be garbled; save it again as one CSV UTF-8 file, or choose the "
                       "encoding",
                   gb_line);
}

Encoding guess(std::string_view window, bool at_eof, int64_t first_line) {
  Tally u = tally(window, at_eof, utf8_step);
  if (u.good > 0 && u.bad * 16 <= u.good) return Encoding::utf8;
  if (u.good > 0) refuse_mixed_lines(window, first_line);
  Tally g = tally(window, at_eof, gb_step);
  if (g.good > 0 && g.bad * 16 <= g.good && g.chinese * 4 >= g.good) return Encoding::gb18030;
  return Encoding::cp1252;
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

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

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

}  // namespace

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::gb18030: return "gb18030";
    case Encoding::cp1252: return "windows-1252";
    case Encoding::undecided: break;
  }
  return "undecided";
}

TextDecoder::TextDecoder(Encoding forced)
    : encoding_(forced),
      // A forced utf-8 still looks for (and strips) a BOM.
      detecting_(forced == Encoding::undecided || forced == Encoding::utf8) {}

char* TextDecoder::reserve_out(size_t extra) {
  if (out_.size() < out_len_ + extra) out_.resize(out_len_ + extra);
  return out_.data() + out_len_;
}

// Whether `in` is valid UTF-8 after up to 3 continuation bytes (that finish held_) and up
// to a sequence cut at its end: then at most 6 invalid bytes (24 output bytes) are there.
bool TextDecoder::utf8_valid_after_held(std::string_view in) const {
  if (encoding_ != Encoding::utf8) return false;
  size_t skip = 0;
  while (skip < 3 && skip < in.size() && (static_cast<unsigned char>(in[skip]) & 0xC0) == 0x80) ++skip;
  return in.size() - skip - valid_utf8_prefix(in.substr(skip)) < 4;
}

void TextDecoder::append_decoded(std::string_view in, bool final) {
  // Worst case 3 output bytes per input byte (a lone byte becoming U+FFFD or U+20AC); valid
  // UTF-8 after a held sequence (the usual case: a character cut by the chunk) needs 1.
  char* const start = reserve_out(utf8_valid_after_held(in) ? in.size() + 24 : 3 * (in.size() + held_.size()) + 3);
  char* o = start;
  auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  const auto decode_part = encoding_ == Encoding::utf8 ? decode_utf8 : decode_gb;
  if (encoding_ == Encoding::cp1252) {
    decode_cp1252(p, n, o);
  } else {
    if (!held_.empty()) {
      // Finish the held sequence with up to 4 new bytes, then go on in place.
      unsigned char tmp[8];
      const size_t h = held_.size(), k = std::min<size_t>(n, 4);
      std::memcpy(tmp, held_.data(), h);
      if (k) std::memcpy(tmp + h, p, k);
      size_t used = decode_part(tmp, h + k, final && k == n, o, invalid_sequences_);
      if (used < h) {  // still incomplete, so all of `in` fitted in tmp
        held_.assign(reinterpret_cast<char*>(tmp) + used, h + k - used);
        n = 0;
      } else {
        held_.clear();
        p += used - h;
        n -= used - h;
      }
    }
    if (n) {
      size_t used = decode_part(p, n, final, o, invalid_sequences_);
      held_.assign(reinterpret_cast<const char*>(p) + used, n - used);
    }
  }
  out_len_ += static_cast<size_t>(o - start);
}

void TextDecoder::decide(bool final) {
  std::string_view h = held_;
  if (held_offset_ == 0 && h.substr(0, 3) == kBom) {
    had_bom_ = true;
    encoding_ = Encoding::utf8;
    held_.erase(0, 3);
  } else if (encoding_ == Encoding::undecided) {
    encoding_ = guess(h.substr(0, kDetectWindow), final && h.size() < kDetectWindow, lines_before_held_ + 1);
  }
  detecting_ = false;
}

std::string_view TextDecoder::detect(std::string_view in, bool final) {
  size_t ascii = 0;
  if (held_.empty()) {
    ascii = ascii_prefix(in);
    lines_before_held_ += std::count(in.data(), in.data() + ascii, '\n');  // for E_MIXED_ENCODING's lines
    if (ascii == in.size()) {
      if (final) {
        detecting_ = false;
        if (encoding_ == Encoding::undecided) encoding_ = Encoding::utf8;
      }
      return in;
    }
    held_offset_ = bytes_seen_ + ascii;
  }
  // Hold only what the decision needs; the rest of `in` is decoded straight from `in`.
  size_t take = std::min(in.size() - ascii, held_.size() < kDetectWindow ? kDetectWindow - held_.size() : 0);
  held_.append(in.substr(ascii, take));

  // Whether the stream starts with a BOM is settled once 3 bytes are in (or a byte differs).
  std::string_view h = held_;
  bool bom_possible = held_offset_ == 0 && h.substr(0, 3) == kBom.substr(0, std::min<size_t>(h.size(), 3));
  bool bom_settled = !bom_possible || h.size() >= 3;
  bool forced_utf8 = encoding_ == Encoding::utf8;
  bool ready = final || h.size() >= kDetectWindow || (bom_settled && (bom_possible || forced_utf8));
  if (!ready) return in.substr(0, ascii);

  decide(final);
  if (encoding_ == Encoding::utf8 && held_offset_ >= bytes_seen_) {
    held_.clear();  // the window came from `in` alone: pass `in` through, without a BOM
    return pass_utf8(in.substr(had_bom_ ? kBom.size() : 0), final);
  }
  std::string window = std::move(held_);
  held_.clear();
  out_len_ = 0;
  if (ascii) std::memcpy(reserve_out(ascii), in.data(), ascii);
  out_len_ = ascii;
  append_decoded(window, false);
  append_decoded(in.substr(ascii + take), final);
  return {out_.data(), out_len_};
}

// Valid UTF-8 goes out as a view of `in`, a sequence cut at its end held for the next
// call; only input with invalid bytes is copied, with U+FFFD for them.
std::string_view TextDecoder::pass_utf8(std::string_view in, bool final) {
  const size_t valid = valid_utf8_prefix(in);
  if (valid == in.size()) return in;
  auto* p = reinterpret_cast<const unsigned char*>(in.data()) + valid;
  if (!final && utf8_step(p, in.size() - valid).len == 0) {
    held_.assign(in.substr(valid));
    return in.substr(0, valid);
  }
  out_len_ = 0;
  append_decoded(in, final);
  return {out_.data(), out_len_};
}

std::string_view TextDecoder::decode(std::string_view bytes) {
  std::string_view r;
  if (detecting_) {
    r = detect(bytes, false);
  } else if (encoding_ == Encoding::utf8 && held_.empty()) {
    r = pass_utf8(bytes, false);
  } else {
    out_len_ = 0;
    append_decoded(bytes, false);
    r = {out_.data(), out_len_};
  }
  bytes_seen_ += bytes.size();
  return r;
}

std::string_view TextDecoder::join_held(std::string_view& bytes) {
  if (detecting_ || encoding_ != Encoding::utf8 || held_.empty() || held_.size() > 3) return {};
  unsigned char tmp[4];
  const size_t h = held_.size(), k = std::min<size_t>(bytes.size(), 4 - h);
  std::memcpy(tmp, held_.data(), h);
  std::memcpy(tmp + h, bytes.data(), k);
  const Step step = utf8_step(tmp, h + k);
  if (!step.valid || static_cast<size_t>(step.len) <= h) return {};
  const size_t used = step.len - h;
  std::memcpy(joined_, tmp, step.len);
  held_.clear();
  bytes.remove_prefix(used);
  bytes_seen_ += used;
  return {joined_, static_cast<size_t>(step.len)};
}

std::string_view TextDecoder::finish() {
  if (detecting_) return detect({}, true);
  if (encoding_ == Encoding::utf8 && held_.empty()) return {};
  out_len_ = 0;
  append_decoded({}, true);
  return {out_.data(), out_len_};
}

}  // namespace huike
