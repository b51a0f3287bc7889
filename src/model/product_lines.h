#pragma once
#include <cstdint>
#include <vector>

#include "model/string_interner.h"

namespace huike {

// One line of a purchase order with a product: 24 bytes, customer and day copied from its
// order so the analyses walk the lines in order, without a lookup per line.
struct ProductLine {
  uint32_t order;     // index into OrderTable::orders
  uint32_t customer;  // as the order's
  int32_t day;        // as the order's
  float quantity;     // 1 when the file has no (readable) quantity
  double revenue;     // the line's share of its order's value (ProductLineBuilder::finish)
};

// The product lines of a file with a product column (empty otherwise), lines of purchase
// orders only (not of returns), sorted by product, then customer, then day:
// lines[begin[p] .. begin[p+1]) are product p's.
struct ProductLines {
  std::vector<ProductLine> lines;
  std::vector<uint32_t> begin;  // names.size() + 1
  StringInterner names;
  bool has_product_column = false;
  bool has_quantity_column = false;
  uint64_t lines_without_quantity = 0;  // a quantity column, but this cell unreadable: 1 unit
  uint64_t lines_without_product = 0;   // used rows whose product cell is empty (no product line)

  uint32_t product_count() const { return names.size(); }
  size_t memory_bytes() const { return lines.capacity() * sizeof(ProductLine) + begin.capacity() * 4; }
};

}  // namespace huike
