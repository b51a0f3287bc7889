#include "ingest/encoding_guess.h"

#include <string>

#include "core/error.h"
#include "ingest/text_codecs.h"

namespace huike {
namespace {

using codec::gb_step;
using codec::Step;
using codec::utf8_step;

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
// Returns whether the window has a clean UTF-8 line with non-ASCII text.
bool refuse_mixed_lines(std::string_view window, int64_t first_line) {
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
  if (utf8_line < 0 || gb_line < 0) return utf8_line >= 0;
  throw HuikeError(ErrorCode::E_MIXED_ENCODING,
                   "this file mixes UTF-8 lines (line " + std::to_string(utf8_line) + ") and GBK/GB18030 lines (line " +
                       std::to_string(gb_line) +
                       "), so one of them would be garbled; save it again as one CSV UTF-8 file, or choose the "
                       "encoding",
                   gb_line);
}

}  // namespace

Encoding guess_encoding(std::string_view window, bool at_eof, int64_t first_line) {
  Tally u = tally(window, at_eof, utf8_step);
  if (u.good > 0 && u.bad * 16 <= u.good) return Encoding::utf8;
  // Clean UTF-8 lines beside a few bad bytes (no GBK line): UTF-8, the bad bytes become
  // U+FFFD, counted with their lines; windows-1252 would garble every good line's text.
  if (u.good > 0 && refuse_mixed_lines(window, first_line) && u.good >= u.bad) return Encoding::utf8;
  Tally g = tally(window, at_eof, gb_step);
  if (g.good > 0 && g.bad * 16 <= g.good && g.chinese * 4 >= g.good) return Encoding::gb18030;
  return Encoding::cp1252;
}

}  // namespace huike
