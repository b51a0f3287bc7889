#pragma once
// Usable rows → the order table: customers interned, a row with the order id of an order
// already read merged into it (a line item), product lines collected. The lookups wait in
// batches with their table slots prefetched, so the cache misses of a big file overlap.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/amount_level.h"
#include "ingest/order_index.h"
#include "ingest/product_line_builder.h"
#include "model/order_table.h"

namespace huike {

// One usable row, its cells already read.
struct UsableRow {
  std::string_view customer;  // the customer id text
  uint64_t customer_hash;     // hash_bytes(customer)
  uint64_t key;               // OrderIndex::key of its order id and customer; 0 = no order id
  double amount;
  int32_t day;
  int64_t line;
  std::string_view phone, email;
  bool promotional;
  std::string_view product;
  float quantity;
  double weight;              // for sharing the order's value over its product lines
};

struct OrderTableBuilder {
  OrderTable table;
  OrderIndex order_index;  // order id → order, for merging line items
  OrderLines order_lines;  // per order: lines, whether they repeat one amount, refunds
  std::vector<std::pair<uint32_t, int64_t>> negative_rows;  // order index, line
  ProductLineBuilder product_lines;
  bool has_product = false;  // the file has a product column: each row adds a product line

  void add(const UsableRow& row);  // copies the texts it keeps
  void flush();                    // the waiting rows into the table (before any lookup of it)
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
  struct Waiting {
    uint64_t customer_hash, key;
    double amount;
    int32_t day;
    uint32_t text_offset, text_size;  // the customer id in text_ (then contacts, product)
    int64_t line;
    uint32_t phone_size, email_size;  // the row's contacts, after the id in text_
    bool promotional;
    uint32_t product_size;
    float quantity;
    double weight;
  };
  void mark_promotional(uint32_t index, bool promotional);
  double wanted_bytes_ = 0;
  std::vector<Waiting> waiting_;
  std::string text_;
};

}  // namespace huike
