// The order-id index while reading: reserving room (from the file's size) at any point must
// keep every order already added findable and give the same indexes as growing by doubling.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "ingest/order_index.h"
#include "model/string_interner.h"

namespace huike {
namespace {

uint64_t key_of(uint32_t i) { return OrderIndex::key("order-" + std::to_string(i), hash_bytes("c" + std::to_string(i % 97))); }

TEST(OrderIndex, ReservingMidwayKeepsEveryOrder) {
  OrderIndex grown, reserved;
  constexpr uint32_t kRows = 20000;
  uint32_t orders = 0;  // the index the next new order gets
  for (uint32_t i = 0; i < kRows; ++i) {
    if (i == 3000) reserved.reserve(kRows, kRows);  // after several doublings
    // Every fifth row is a further line item of an earlier order (not the previous one).
    const uint32_t order = i % 5 == 4 ? i / 2 : i;
    const auto a = grown.find_or_add(key_of(order), orders);
    const auto b = reserved.find_or_add(key_of(order), orders);
    ASSERT_EQ(a, b) << "row " << i;
    orders += a.second;
  }
  EXPECT_LT(orders, kRows);  // some rows were line items of earlier orders
  for (uint32_t i = 0; i < kRows; i += 7) {
    EXPECT_EQ(grown.find(key_of(i)), reserved.find(key_of(i))) << i;
  }
  EXPECT_EQ(reserved.find(key_of(0)), 0u);
  EXPECT_EQ(reserved.find(key_of(1)), 1u);
  EXPECT_EQ(reserved.find(key_of(kRows + 1)), UINT32_MAX);
}

TEST(OrderIndex, ReservingLessThanHeldChangesNothing) {
  OrderIndex index;
  for (uint32_t i = 0; i < 5000; ++i) index.find_or_add(key_of(i), i);
  index.reserve(10, 10);
  for (uint32_t i = 0; i < 5000; ++i) ASSERT_EQ(index.find(key_of(i)), i);
}

}  // namespace
}  // namespace huike
