#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace huike {

enum class Encoding : uint8_t { undecided, utf8, gb18030, cp1252 };
const char* encoding_name(Encoding e);  // "utf-8", "gb18030", "windows-1252", "undecided"

// Turns raw file bytes, fed in chunks of any size, into UTF-8 text.
// The encoding is detected from the data itself, so the result never depends on where
// the input was split:
//  - a UTF-8 BOM at the start decides utf-8 and is stripped;
//  - ASCII before the first non-ASCII byte is passed through at once; from that byte on,
//    bytes are held until kDetectWindow bytes (or the end of input) are there, and that
//    window alone decides: UTF-8 if at most 1 in 16 of its multi-byte sequences is
//    invalid; else GB18030 if at most 1 in 16 of its sequences is invalid and at least a
//    quarter of the valid ones look like Chinese text (two high bytes, or 4 bytes);
//    else windows-1252;
//  - all-ASCII input reports utf-8.
// When the window is not UTF-8 but holds both UTF-8 lines and GB18030 lines, the file is
// refused (E_MIXED_ENCODING, naming a line of each) rather than garbled.
// Valid UTF-8 is passed through as a view of the input (a sequence split across chunks is
// held and joined); invalid UTF-8 sequences become U+FFFD and are counted. GB18030 (also GBK/CP936: 0x80 is the euro sign) and windows-1252 (0x81,
// 0x8D, 0x8F, 0x90, 0x9D become the C1 controls, as browsers do) are decoded into an
// internal buffer; invalid GB18030 sequences become U+FFFD and are counted (as in the
// WHATWG decoder, a bad byte after a lead byte consumes only the lead, so ASCII survives).
class TextDecoder {
 public:
  static constexpr size_t kDetectWindow = 4096;

  // Forces an encoding instead of detecting it (Encoding::undecided = detect); a forced
  // utf-8 still strips a BOM.
  explicit TextDecoder(Encoding forced = Encoding::undecided);

  // Returns the UTF-8 text decoded so far from `bytes` (may be empty while detecting).
  // The view stays valid until the next call, and no longer than `bytes` (it may point
  // into them).
  std::string_view decode(std::string_view bytes);
  // Before decode(): a UTF-8 character that the previous chunk cut, completed from the
  // front of `bytes` (which loses those bytes), so decode() can pass the rest through as a
  // view instead of copying it. Empty when there is none or it is not a valid character
  // (decode() then handles it). The view stays valid until the next call.
  std::string_view join_held(std::string_view& bytes);
  // Flushes what is held back; an incomplete trailing sequence becomes U+FFFD.
  std::string_view finish();

  Encoding encoding() const { return encoding_; }
  bool had_bom() const { return had_bom_; }
  // Byte sequences that were not valid in the detected encoding (each became U+FFFD).
  uint64_t invalid_sequences() const { return invalid_sequences_; }

 private:
  Encoding encoding_;
  bool had_bom_ = false;
  uint64_t invalid_sequences_ = 0;
  // implementation state is the implementer's choice
  std::string_view detect(std::string_view bytes, bool final);
  std::string_view pass_utf8(std::string_view bytes, bool final);
  void decide(bool final);
  void append_decoded(std::string_view bytes, bool final);
  bool utf8_valid_after_held(std::string_view bytes) const;
  char* reserve_out(size_t extra);

  bool detecting_ = true;      // false once the encoding (and BOM question) is settled
  std::string held_;           // detecting: bytes from the first non-ASCII one on;
                               // else: an incomplete trailing sequence (<= 3 bytes)
  uint64_t held_offset_ = 0;   // stream offset of held_[0] while detecting
  uint64_t lines_before_held_ = 0;  // newlines before held_[0] while detecting
  char joined_[4] = {};        // the character join_held completed
  std::string out_;            // decode buffer; only grows
  size_t out_len_ = 0;
  uint64_t bytes_seen_ = 0;
};

}  // namespace huike
