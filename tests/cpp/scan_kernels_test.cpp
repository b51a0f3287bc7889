// The 8-bytes-at-a-time scans against a byte-by-byte count written here, over every
// alignment and every byte value next to the one counted (a SWAR carry bug shows there).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "ingest/customer_identity.h"
#include "ingest/text_codecs.h"

namespace huike {
namespace {

// The ASCII prefix and its newlines, a byte at a time.
size_t naive_prefix(const std::string& s, uint64_t& newlines) {
  size_t i = 0;
  for (; i < s.size() && static_cast<unsigned char>(s[i]) < 0x80; ++i) newlines += s[i] == '\n';
  return i;
}

TEST(ScanKernels, AsciiPrefixAndItsNewlinesMatchAByteLoop) {
  std::mt19937 random(14);
  for (int round = 0; round < 400; ++round) {
    const size_t size = random() % 6000;
    std::string s(size, 'a');
    for (char& c : s) {  // newlines, their neighbours 0x09 / 0x0B, NUL, DEL, and rarely a high byte
      const int pick = random() % 8;
      c = pick == 0 ? '\n' : pick == 1 ? '\t' : pick == 2 ? '\v' : pick == 3 ? '\0' : pick == 4 ? '\x7F'
                                                                                      : static_cast<char>(random() % 128);
    }
    if (round % 2 == 0 && size > 0) s[random() % size] = static_cast<char>(0x80 + random() % 128);
    for (size_t from : {size_t{0}, size_t{1}, size_t{7}}) {
      const std::string part = s.substr(std::min(from, s.size()));
      uint64_t expected_lines = 5, lines = 5;  // added to what is there
      const size_t expected = naive_prefix(part, expected_lines);
      EXPECT_EQ(codec::ascii_prefix_newlines(part, lines), expected) << "round " << round;
      EXPECT_EQ(lines, expected_lines) << "round " << round;
      EXPECT_EQ(codec::ascii_prefix(part), expected) << "round " << round;
    }
  }
}

TEST(ScanKernels, NewlinesOverManyFullLanes) {
  // Past 255 words of newlines in every lane, so a lane total overflowing a byte would show.
  const std::string all(8 * 255 * 3 + 5, '\n');
  uint64_t lines = 0;
  EXPECT_EQ(codec::ascii_prefix_newlines(all, lines), all.size());
  EXPECT_EQ(lines, all.size());
  lines = 0;
  EXPECT_EQ(codec::ascii_prefix_newlines(std::string("a\nb\n\n\xE4\n"), lines), 5u);  // stops at the high byte
  EXPECT_EQ(lines, 3u);
}

TEST(ScanKernels, PlaceholderCustomersWhateverTheirCase) {
  // Ids screened by their first byte first: every placeholder still is one, in any case.
  for (const char* id : {"0", "-1", "-", "--", "/", "n/a", "N/A", "NA", "none", "NULL", "nil", "Guest", "GUEST", "游客",
                         "匿名用户", "Anonymous", "unknown", "未知", "无", "#N/A", "undefined", "0000", "", "  "}) {
    EXPECT_TRUE(is_placeholder_customer(id)) << id;
  }
  for (const char* id : {"C00057791", "guests", "nobody", "n/a2", "00001", "Zhang", "张三", "1", "a", "U123"}) {
    EXPECT_FALSE(is_placeholder_customer(id)) << id;
  }
}

}  // namespace
}  // namespace huike
