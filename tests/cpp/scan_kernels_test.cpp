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

size_t naive_count(const std::string& s, char byte) {
  size_t n = 0;
  for (char c : s) n += c == byte;
  return n;
}

TEST(ScanKernels, CountByteMatchesAByteLoop) {
  std::mt19937 random(14);
  for (int round = 0; round < 300; ++round) {
    const size_t size = random() % 5000;
    std::string s(size, 'a');
    for (char& c : s) {
      const int pick = random() % 6;  // newlines, their neighbours 0x09/0x0B, high bytes, 0x8A, 0x00
      c = static_cast<char>(pick == 0 ? '\n' : pick == 1 ? '\t' : pick == 2 ? '\v' : pick == 3 ? 0x8A
                            : pick == 4 ? 0 : random() % 256);
    }
    for (size_t from : {size_t{0}, size_t{1}, size_t{7}}) {
      const std::string part = s.substr(std::min(from, s.size()));
      EXPECT_EQ(codec::count_byte(part, '\n'), naive_count(part, '\n')) << "round " << round;
      EXPECT_EQ(codec::count_byte(part, '\x8A'), naive_count(part, '\x8A')) << "round " << round;
    }
  }
}

TEST(ScanKernels, CountByteOverManyFullLanes) {
  // 255-word blocks: every lane full of matches, past the block size, so a per-lane total
  // overflowing 255 would show.
  const std::string all(8 * 255 * 3 + 5, '\n');
  EXPECT_EQ(codec::count_byte(all, '\n'), all.size());
  EXPECT_EQ(codec::count_byte(all, 'x'), 0u);
  EXPECT_EQ(codec::count_byte("", '\n'), 0u);
  EXPECT_EQ(codec::count_byte("a\nb\n\n", '\n'), 3u);
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
