#pragma once
#include <cstdint>
#include <vector>

#include "model/string_interner.h"

namespace huike {

// One line of a purchase order with a product, as ProductLines::line gives it: customer and
// day are copied from its order so the analyses walk the lines in order, without a lookup.
struct ProductLine {
  uint32_t customer;  // as the order's
  int32_t day;        // as the order's
  float quantity;     // 1 when the file has no (readable) quantity
  double revenue;     // the line's share of its order's value (ProductLineBuilder::finish)
  bool first_of_order;  // the first line of its order among the customer's lines of the product that day
};

// The product lines of a file with a product column (empty otherwise), lines of purchase
// orders only (not of returns), sorted by product, then customer, then day: lines
// begin[p] .. begin[p+1] are product p's. Kept as columns, 20 bytes a line and a bit, so the
// sort moves one column at a time: its peak is 28 bytes a line, not 52 (issue 14).
struct ProductLines {
  std::vector<uint32_t> order;     // while reading only: index into OrderTable::orders
  std::vector<bool> first_of_order;  // made from `order` at finish (counts distinct orders)
  std::vector<uint32_t> customer;  // as the order's (while reading: the line's product)
  std::vector<int32_t> day;        // as the order's (empty while reading)
  std::vector<float> quantity;     // 1 when the file has no (readable) quantity
  std::vector<double> revenue;     // the line's share of its order's value (while reading: its weight)
  std::vector<uint32_t> begin;     // names.size() + 1
  StringInterner names;
  bool has_product_column = false;
  bool has_quantity_column = false;
  uint64_t lines_without_quantity = 0;  // a quantity column, but this cell unreadable: 1 unit
  uint64_t lines_without_product = 0;   // used rows whose product cell is empty (no product line)

  uint32_t product_count() const { return names.size(); }
  size_t size() const { return customer.size(); }
  ProductLine line(size_t k) const { return {customer[k], day[k], quantity[k], revenue[k], first_of_order[k]}; }
  size_t memory_bytes() const {
    return (order.capacity() + customer.capacity() + day.capacity() + quantity.capacity()) * 4 +
           revenue.capacity() * 8 + first_of_order.capacity() / 8 + begin.capacity() * 4;
  }
};

}  // namespace huike
