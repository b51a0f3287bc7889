#pragma once
#include <cstdint>
#include <vector>

#include "model/string_interner.h"

namespace huike {

struct OrderTable;

// One order line with a product: 24 bytes. Day and customer come from its order.
struct ProductLine {
  uint32_t order;    // index into OrderTable::orders
  uint32_t product;  // index into ProductLines::names
  double revenue;    // the line's share of its order's value (ProductLineBuilder::finish)
  float quantity;    // 1 when the file has no (readable) quantity
};

// The product lines of a file with a product column (empty otherwise).
struct ProductLines {
  std::vector<ProductLine> lines;
  StringInterner names;
  bool has_product_column = false;
  bool has_quantity_column = false;
  uint64_t lines_without_quantity = 0;  // a quantity column, but this cell unreadable: 1 unit

  size_t memory_bytes() const { return lines.capacity() * sizeof(ProductLine); }
};

// Lines sorted by (product, customer, day), built once after reading: each analysis then
// walks each product's buyers in one pass. 4 bytes a line + 4 a product.
struct ProductIndex {
  std::vector<uint32_t> begin;  // product count + 1, into `line`
  std::vector<uint32_t> line;   // into ProductLines::lines
};
ProductIndex index_product_lines(const OrderTable& table);

}  // namespace huike
