#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/order_table.h"

namespace huike {

// Collects the product lines while the order reader merges rows into orders, in
// ProductLines::lines from the start (reserved from the input's size, no staging copy).
class ProductLineBuilder {
 public:
  // `weight`: quantity × unit price when both are read, else the row's amount (0 for a
  // line item without an amount). An empty product adds nothing (counted).
  void add(ProductLines& out, uint32_t order, std::string_view product, float quantity, double weight);
  // After the orders are final (values, days): `new_index` (per order read, UINT32_MAX =
  // dropped; empty = none dropped) renumbers the lines; each order's value is shared over
  // its lines in proportion to their weights (evenly when they sum to 0), so a product's
  // revenue adds up to the orders' values whether the amount was per line or the order's
  // total; lines of returns are left out; the rest sorted by product, customer, day.
  void finish(ProductLines& out, const std::vector<Order>& orders, const std::vector<uint32_t>& new_index);

 private:
  uint64_t without_product_ = 0;
};

}  // namespace huike
