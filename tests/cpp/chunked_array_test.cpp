// ChunkedArray (the customers' metrics in 1 MiB blocks): every index, across block edges, reads
// back what was written; assign keeps no old value; iteration and copies see the same values.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "model/chunked_array.h"

namespace huike {
namespace {

constexpr size_t kChunk = ChunkedArray<uint64_t>::kChunk;

TEST(ChunkedArray, IndexesIterationAndCopiesAcrossBlockEdges) {
  ChunkedArray<uint64_t> a;
  EXPECT_TRUE(a.empty());
  EXPECT_EQ(a.begin(), a.end());
  const size_t n = 2 * kChunk + 3;  // two full blocks and three values of a third
  a.assign(n, 7);
  ASSERT_EQ(a.size(), n);
  for (size_t i = 0; i < n; ++i) a[i] = i * 3 + 1;
  std::vector<uint64_t> seen;
  for (uint64_t v : a) seen.push_back(v);
  ASSERT_EQ(seen.size(), n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], i * 3 + 1) << i;
  EXPECT_EQ(a[kChunk - 1], (kChunk - 1) * 3 + 1);  // the last of a block, the first of the next
  EXPECT_EQ(a[kChunk], kChunk * 3 + 1);

  const ChunkedArray<uint64_t> copy = a;
  a[kChunk] = 0;  // the copy has its own blocks
  EXPECT_EQ(copy[kChunk], kChunk * 3 + 1);
  size_t count = 0;
  for (auto it = copy.begin(); it != copy.end(); ++it) ++count;
  EXPECT_EQ(count, n);

  // A smaller assign drops the blocks past it and sets every kept value.
  a.assign(kChunk + 1, 5);
  ASSERT_EQ(a.size(), kChunk + 1);
  for (uint64_t v : a) ASSERT_EQ(v, 5u);
  // resize keeps the values below the old size and value-initialises the rest.
  a.resize(kChunk + 4);
  EXPECT_EQ(a[kChunk], 5u);
  EXPECT_EQ(a[kChunk + 3], 0u);
  ChunkedArray<uint64_t> moved = std::move(a);
  EXPECT_EQ(moved.size(), kChunk + 4);
  a.clear();
  EXPECT_EQ(a.size(), 0u);
}

}  // namespace
}  // namespace huike
