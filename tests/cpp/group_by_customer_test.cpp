// Grouping moves the orders themselves: each customer's orders end up together, by day and
// then in file order, and every promotional flag still belongs to its order.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "model/order_table.h"

namespace huike {
namespace {

// Each order's amount is its file position + 1, so an order is known by its amount.
OrderTable interleaved() {
  OrderTable t;
  const uint32_t a = t.customer_ids.intern("a"), b = t.customer_ids.intern("b"), c = t.customer_ids.intern("c");
  t.orders = {{1, b, 20}, {2, a, 30}, {3, b, 10}, {4, a, 30}, {5, a, 10}, {6, b, 20}};
  t.has_promotion_column = true;
  t.promotional = {false, true, false, false, true, true};
  (void)c;  // a customer with no order (from a member list, say)
  return t;
}

TEST(GroupByCustomer, MovesOrdersAndFlagsTogether) {
  OrderTable t = interleaved();
  const CustomerOrders grouped = group_by_customer(t);
  // a: orders 5 (day 10), 2 and 4 (day 30, file order); b: 3 (day 10), 1 and 6 (day 20); c: none.
  EXPECT_EQ(grouped.begin, (std::vector<uint32_t>{0, 3, 6, 6}));
  std::vector<double> amounts;
  for (const Order& order : t.orders) amounts.push_back(order.amount);
  EXPECT_EQ(amounts, (std::vector<double>{5, 2, 4, 3, 1, 6}));
  EXPECT_EQ(t.orders[0].day, 10);
  EXPECT_EQ(t.orders[4].customer, 1u);
  EXPECT_EQ(t.promotional, (std::vector<bool>{true, true, false, false, false, true}));
}

TEST(GroupByCustomer, WithoutPromotionColumn) {
  OrderTable t;
  const uint32_t x = t.customer_ids.intern("x"), y = t.customer_ids.intern("y");
  t.orders = {{7, y, 5}, {8, x, 9}, {9, y, 1}, {10, x, 9}};
  const CustomerOrders grouped = group_by_customer(t);
  EXPECT_EQ(grouped.begin, (std::vector<uint32_t>{0, 2, 4}));
  std::vector<double> amounts;
  for (const Order& order : t.orders) amounts.push_back(order.amount);
  EXPECT_EQ(amounts, (std::vector<double>{8, 10, 9, 7}));
  EXPECT_TRUE(t.promotional.empty());

  OrderTable empty;
  EXPECT_EQ(group_by_customer(empty).begin, (std::vector<uint32_t>{0}));
}

}  // namespace
}  // namespace huike
