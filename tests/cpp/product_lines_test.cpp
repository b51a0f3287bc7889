// The product lines the order reader keeps (issue 9): revenue shares, dropped orders.
#include <map>
#include <string>

#include "model/product_lines.h"
#include "test_support.h"

namespace huike::test {
namespace {

std::map<std::string, std::pair<double, double>> by_product(const Session& session) {  // units, revenue
  std::map<std::string, std::pair<double, double>> out;
  const OrderTable& table = session.table();
  for (const ProductLine& line : table.products.lines) {
    auto& [units, revenue] = out[std::string(table.products.names.at(line.product))];
    units += line.quantity;
    revenue += line.revenue;
  }
  return out;
}

TEST(ProductLines, OrderTotalSharedByQuantityTimesPrice) {
  // O1's total 100 is written on both lines (per order: 2 of 2 multi-line orders repeat it
  // and the header says "Order Total"). Weights 1 × 30 and 2 × 35 → 30 and 70.
  // O2: one line, 3 units of Tea: revenue 45.
  const auto session = finished_session(
      "Order ID,Customer,Date,Order Total,Product,Quantity,Unit Price\n"
      "O1,A,2024-01-01,100,Tea,1,30\n"
      "O1,A,2024-01-01,100,Cup,2,35\n"
      "O2,B,2024-01-02,45,Tea,3,15\n"
      "O3,B,2024-01-03,20,Pot,1,10\n"
      "O3,B,2024-01-03,20,Lid,1,30\n");
  const auto p = by_product(*session);
  EXPECT_DOUBLE_EQ(p.at("Tea").first, 4);
  EXPECT_DOUBLE_EQ(p.at("Tea").second, 30 + 45);
  EXPECT_DOUBLE_EQ(p.at("Cup").second, 70);
  // O3: total 20 over weights 10 and 30 → 5 and 15.
  EXPECT_DOUBLE_EQ(p.at("Pot").second, 5);
  EXPECT_DOUBLE_EQ(p.at("Lid").second, 15);
  EXPECT_TRUE(session->table().products.has_quantity_column);
}

TEST(ProductLines, PerLineAmountsWithoutQuantityAndRefundedOrders) {
  // No quantity column: each line is 1 unit. T1 is refunded in the file (its lines net to
  // zero) and dropped; T2's lines keep their own amounts and point at the right order.
  const auto session = finished_session(
      "Transaction ID,Customer ID,Date,Item,Net Sales\n"
      "T1,A,2024-01-01,Tea,10\n"
      "T1,A,2024-01-01,Tea,-10\n"
      "T2,B,2024-01-02,Cup,7\n"
      "T2,B,2024-01-02,Pot,5\n"
      ",C,2024-01-03,,4\n");
  const OrderTable& table = session->table();
  ASSERT_EQ(table.orders.size(), 2u);  // T2 and C's row
  ASSERT_EQ(table.products.lines.size(), 2u);  // C's line has no product
  for (const ProductLine& line : table.products.lines) {
    EXPECT_EQ(table.customer_id(table.orders[line.order].customer), "B");
    EXPECT_FLOAT_EQ(line.quantity, 1);
  }
  const auto p = by_product(*session);
  EXPECT_DOUBLE_EQ(p.at("Cup").second, 7);
  EXPECT_DOUBLE_EQ(p.at("Pot").second, 5);
  EXPECT_FALSE(table.products.has_quantity_column);
}

TEST(ProductLines, IndexSortsByProductCustomerDay) {
  const auto session = finished_session(
      "customer,date,amount,product\nB,2024-01-05,1,Tea\nA,2024-01-09,1,Tea\nA,2024-01-02,1,Tea\nA,2024-01-01,1,Cup\n");
  const OrderTable& table = session->table();
  const ProductIndex index = index_product_lines(table);
  ASSERT_EQ(index.begin.size(), 3u);  // Tea, Cup
  // Tea is product 0 (seen first); customers by index: B is 0, A is 1; A's days ascending
  // (orders: 0 = B 01-05, 1 = A 01-09, 2 = A 01-02, 3 = A's Cup).
  const int32_t d2 = table.orders[2].day, d9 = table.orders[1].day;
  EXPECT_LT(d2, d9);
  EXPECT_EQ(table.products.lines[index.line[0]].product, 0u);
  EXPECT_EQ(table.customer_id(table.orders[table.products.lines[index.line[0]].order].customer), "B");
  EXPECT_EQ(table.products.lines[index.line[1]].order, 2u);  // A's 01-02 before A's 01-09
  EXPECT_EQ(table.products.lines[index.line[2]].order, 1u);
  EXPECT_EQ(table.products.lines[index.line[3]].product, 1u);
}

}  // namespace
}  // namespace huike::test
