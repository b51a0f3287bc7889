// Compacting the interner (after reading) keeps every string at its index, and interning
// afterwards still finds the old strings and numbers new ones on.
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace huike
