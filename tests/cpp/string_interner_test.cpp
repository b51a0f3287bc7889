// Compacting the interner (after reading) keeps every string at its index, and interning
// afterwards still finds the old strings and numbers new ones on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/string_interner.h"

namespace huike {
namespace {

TEST(StringInterner, CompactKeepsStringsAndLaterInternsFindThem) {
  StringInterner ids;
  constexpr uint32_t kCount = 5000;  // several growths of the lookup table
  for (uint32_t i = 0; i < kCount; ++i) ASSERT_EQ(ids.intern("customer-" + std::to_string(i)), i);
  const size_t before = ids.memory_bytes();
  ids.compact();
  EXPECT_LT(ids.memory_bytes(), before);
  ASSERT_EQ(ids.size(), kCount);
  for (uint32_t i = 0; i < kCount; i += 37) EXPECT_EQ(ids.at(i), "customer-" + std::to_string(i));
  EXPECT_EQ(ids.intern("customer-4321"), 4321u);  // builds the lookup table again
  EXPECT_EQ(ids.intern("someone new"), kCount);
  EXPECT_EQ(ids.intern("customer-0"), 0u);
  EXPECT_EQ(ids.at(kCount), "someone new");
}

// Entries live in 1 MiB units: ids that do not fit the rest of a unit, ids longer than a
// unit (a row may be 64 MiB) and a copy all keep every string at its index.
TEST(StringInterner, LongIdsAndUnitEdgesKeepEveryString) {
  StringInterner ids;
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {  // ~1.2 MiB of 4 KiB ids, then a 3 MiB one, then small ones
    texts.push_back(std::string(4000 + i, static_cast<char>('a' + i % 26)) + std::to_string(i));
  }
  texts.push_back(std::string(3u << 20, 'x'));
  texts.push_back(std::string((1u << 20) - 8, 'y'));  // exactly one unit with its header
  for (int i = 0; i < 1000; ++i) texts.push_back("c" + std::to_string(i));
  for (uint32_t i = 0; i < texts.size(); ++i) ASSERT_EQ(ids.intern(texts[i]), i);
  const StringInterner copy = ids;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(ids.at(i), texts[i]) << i;
    ASSERT_EQ(copy.at(i), texts[i]) << i;
    ASSERT_EQ(ids.intern(texts[i]), i);
  }
  StringInterner from_copy = copy;
  EXPECT_EQ(from_copy.intern(texts[301]), 301u);
  EXPECT_EQ(from_copy.intern("new"), texts.size());
  EXPECT_EQ(ids.size(), texts.size());
}

}  // namespace
}  // namespace huike
