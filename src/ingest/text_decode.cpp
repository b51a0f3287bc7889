#include "ingest/text_decode.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "ingest/encoding_guess.h"
#include "ingest/text_codecs.h"

namespace huike {

using codec::ascii_prefix;
using codec::decode_cp1252;
using codec::decode_gb;
using codec::decode_utf8;
using codec::Step;
using codec::utf8_step;
using codec::valid_utf8_prefix;

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
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
    encoding_ = guess_encoding(h.substr(0, kDetectWindow), final && h.size() < kDetectWindow, lines_before_held_ + 1);
  }
  detecting_ = false;
}

std::string_view TextDecoder::detect(std::string_view in, bool final) {
  size_t ascii = 0;
  if (held_.empty()) {
    ascii = codec::ascii_prefix_newlines(in, lines_before_held_);  // the lines, for E_MIXED_ENCODING's
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
