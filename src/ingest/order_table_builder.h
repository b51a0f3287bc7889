#pragma once
// Usable rows → the order table: customers interned, a row with the order id of an order
// already read merged into it (a line item), product lines collected. The table slots of
// the rows a little ahead are prefetched, so the cache misses of a big file overlap.
#include <cstdint>
#include <utility>
#include <vector>

#include "ingest/amount_level.h"
#include "ingest/exclusion_count.h"
#include "ingest/order_index.h"
#include "ingest/product_line_builder.h"
#include "ingest/row_batch.h"
#include "model/order_table.h"

namespace huike {

// What the builder decided about the line items without an amount (the reader adds it to
// its summary when reading ends).
struct LineItemTally {
  uint64_t rows_used = 0;
  CustomerIdentity identified;               // only its rows_by_… counts
  ExclusionCount used;                       // IngestSummary::line_items_without_amount
  ExclusionCount of_excluded_order, without_order;  // "line_item_of_excluded_order", "bad_amount"
};

struct OrderTableBuilder {
  OrderTable table;
  OrderIndex order_index;  // order id → order, for merging line items
  OrderLines order_lines;  // per order: lines, whether they repeat one amount, refunds
  std::vector<std::pair<uint32_t, int64_t>> negative_rows;  // order index, line
  ProductLineBuilder product_lines;
  bool has_product = false;  // the file has a product column: each row adds a product line
  LineItemTally line_items;

  void take(const RowBatch& batch);  // its rows in turn (copies the texts it keeps)
  // The orders and product lines the whole input will hold at the rate read so far (`scale`:
  // the input's size / the bytes read), reserved a little above it: a copy each time the
  // projection passes the room, none past the need. The order index and the order-line
  // statistics are reserved with the orders.
  void reserve_ahead(double scale);
  size_t reserved_bytes() const;  // of the tables reserve_ahead sizes
  // What those tables would take for the whole input at the last projection, got or not (a
  // reservation the heap cannot give leaves them growing as they fill).
  double wanted_bytes() const { return wanted_bytes_; }

 private:
  void add_order_row(const BatchRow& row, std::string_view text);
  void add_line_item(const BatchRow& row, std::string_view text);
  void mark_promotional(uint32_t index, bool promotional);
  double wanted_bytes_ = 0;
};

}  // namespace huike
