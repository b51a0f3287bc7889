#pragma once
// The byte-level codecs behind TextDecoder: one sequence step of UTF-8 and GB18030, and
// whole-buffer decoders of UTF-8 (validating), GB18030 and windows-1252 into UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace huike::codec {

constexpr uint32_t kReplacement = 0xFFFD;

// One step of decoding: len = bytes consumed (0 = the input ends inside a sequence
// that may still complete).
struct Step {
  int len;
  uint32_t cp;
  bool valid;
};

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

// GB18030 sequence at p (p[0] >= 0x80). Like the WHATWG decoder, a bad second, third or
// fourth byte consumes only the first byte, so an ASCII byte after it is kept.
Step gb_step(const unsigned char* p, size_t n);

// The length of the all-ASCII prefix of s.
size_t ascii_prefix(std::string_view s);
// ascii_prefix, adding the newlines in it to `newlines`: one pass, 8 bytes at a time (a
// plain ASCII file is read this way whole while its encoding is still open).
size_t ascii_prefix_newlines(std::string_view s, uint64_t& newlines);
// The length of the valid UTF-8 prefix of s that ends on a whole sequence.
size_t valid_utf8_prefix(std::string_view s);

// Each decodes p[0..n) into o (advancing it), each invalid sequence becoming U+FFFD and
// counted in `invalid`; returns the bytes consumed (all of them when final; else a
// sequence cut by the end of p waits). o needs room for 3 bytes per input byte.
size_t decode_utf8(const unsigned char* p, size_t n, bool final, char*& o, uint64_t& invalid);
size_t decode_gb(const unsigned char* p, size_t n, bool final, char*& o, uint64_t& invalid);
void decode_cp1252(const unsigned char* p, size_t n, char*& o);

}  // namespace huike::codec
