// The product lines the order reader keeps (issue 9): revenue shares, dropped orders.
#include <map>
#include <string>

#include "ingest/date_parse.h"
#include "model/product_lines.h"
#include "test_support.h"

namespace huike::test {
namespace {

std::map<std::string, std::pair<double, double>> by_product(const Session& session) {  // units, revenue
  std::map<std::string, std::pair<double, double>> out;
  const OrderTable& table = session.table();
  for (uint32_t p = 0; p < table.products.product_count(); ++p) {
    for (uint32_t k = table.products.begin[p]; k < table.products.begin[p + 1]; ++k) {
      auto& [units, revenue] = out[std::string(table.products.names.at(p))];
      units += table.products.quantity[k];
      revenue += table.products.revenue[k];
    }
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

TEST(ProductLines, PerLineAmountsWithoutQuantityRefundedOrdersAndReturns) {
  // No quantity column: each line is 1 unit. T1 is refunded in the file (its lines net to
  // zero) and dropped; T2's lines keep their own amounts and point at the right order;
  // T3 is a return (negative): its line is no purchase and is left out.
  const auto session = finished_session(
      "Transaction ID,Customer ID,Date,Item,Net Sales\n"
      "T1,A,2024-01-01,Tea,10\n"
      "T1,A,2024-01-01,Tea,-10\n"
      "T2,B,2024-01-02,Cup,7\n"
      "T2,B,2024-01-02,Pot,5\n"
      ",C,2024-01-03,,4\n"
      "T3,B,2024-01-04,Cup,-7\n");
  const OrderTable& table = session->table();
  ASSERT_EQ(table.orders.size(), 3u);          // T2, C's row, T3
  ASSERT_EQ(table.products.size(), 2u);  // C's line has no product; T3 is a return
  EXPECT_EQ(table.products.lines_without_product, 1u);
  EXPECT_EQ(session->report({})["products"]["lines_without_product"], 1);
  for (size_t k = 0; k < table.products.size(); ++k) {
    const ProductLine line = table.products.line(k);
    EXPECT_EQ(table.customer_id(line.customer), "B");
    EXPECT_EQ(format_day(line.day), "2024-01-02");  // T2's
    EXPECT_TRUE(line.first_of_order);  // T2's two lines are of two products
    EXPECT_FLOAT_EQ(line.quantity, 1);
  }
  const auto p = by_product(*session);
  EXPECT_DOUBLE_EQ(p.at("Cup").second, 7);
  EXPECT_DOUBLE_EQ(p.at("Pot").second, 5);
  EXPECT_FALSE(table.products.has_quantity_column);
}

TEST(ProductLines, SortedByProductCustomerDay) {
  // Tea is product 0 (seen first), Cup 1; customers by index: B is 0, A is 1.
  const auto session = finished_session(
      "customer,date,amount,product\nB,2024-01-05,1,Tea\nA,2024-01-09,1,Tea\nA,2024-01-02,1,Tea\nA,2024-01-01,1,Cup\n");
  const ProductLines& products = session->table().products;
  ASSERT_EQ(products.begin, (std::vector<uint32_t>{0, 3, 4}));
  std::string seen;
  for (size_t k = 0; k < products.size(); ++k) {
    const ProductLine line = products.line(k);
    seen += std::string(session->table().customer_id(line.customer)) + format_day(line.day).substr(8) + " ";
  }
  EXPECT_EQ(seen, "B05 A02 A09 A01 ");
}

TEST(ProductLines, FirstLineOfEachOrderPerProductCustomerDay) {
  // A's O1 has Tea twice, O2 (same day) Tea once, O3 (another day) Tea once: Tea's lines are
  // A's day 1 (O1, O1, O2) and day 2 (O3), so 3 distinct orders; B's O4 also has Tea twice.
  const auto session = finished_session(
      "order,customer,date,amount,product\n"
      "O1,A,2024-01-01,5,Tea\nO1,A,2024-01-01,5,Tea\nO2,A,2024-01-01,3,Tea\n"
      "O4,B,2024-01-01,4,Tea\nO4,B,2024-01-01,4,Tea\nO3,A,2024-01-02,2,Tea\n");
  const ProductLines& products = session->table().products;
  std::string seen;
  for (size_t k = 0; k < products.size(); ++k) seen += products.line(k).first_of_order ? '1' : '0';
  EXPECT_EQ(seen, "101110");  // A: O1 O1 O2 | O3; B: O4 O4
  EXPECT_EQ(session->report({})["products"]["roles"]["too_few_orders"]["top"][0]["orders"], 4);
}

}  // namespace
}  // namespace huike::test
