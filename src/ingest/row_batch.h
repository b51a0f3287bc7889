#pragma once
// The usable rows of a stretch of the file, their cells read, on their way from the reader
// (tokenizer, cells) to the table builder (customers, orders, product lines). The two may run
// on different threads: a batch holds all the builder needs, in the file's order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/customer_identity.h"

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

struct BatchRow {
  enum Kind : uint8_t {
    order_row,  // a row with an amount: a new order, or a line of one read before
    line_item   // a blank amount on an order id (Shopify's further lines): that order's, if read
  };
  uint64_t customer_hash, key;
  double amount, weight;
  int64_t line;
  int32_t day;
  uint32_t text_offset;  // the customer id, phone, e-mail and product in RowBatch::text, in turn
  uint32_t customer_size, phone_size, email_size, product_size;
  float quantity;
  Kind kind;
  bool promotional;
  // line_item: its quantity cell unreadable (counted only when the order is found); its order
  // id is the last excluded row's (so a missing order is "line_item_of_excluded_order").
  bool quantity_unreadable, of_excluded_order;
  IdentitySource via;  // line_item: how its customer was told apart
};

struct RowBatch {
  std::vector<BatchRow> rows;
  std::string text;
  // Before these rows, reserve the tables for the whole input at this scale (the input's size
  // / the bytes read before them); 0 = no reservation.
  double reserve_scale = 0;

  void add(const UsableRow& row) {
    push(BatchRow{row.customer_hash, row.key, row.amount, row.weight, row.line, row.day, 0, 0, 0, 0, 0, row.quantity,
                  BatchRow::order_row, row.promotional, false, false, IdentitySource::customer_column},
         row.customer, row.phone, row.email, row.product);
  }
  void add_line_item(uint64_t key, int64_t line, std::string_view product, float quantity, double weight,
                     bool quantity_unreadable, bool of_excluded_order, IdentitySource via) {
    push(BatchRow{0, key, 0.0, weight, line, 0, 0, 0, 0, 0, 0, quantity, BatchRow::line_item, false,
                  quantity_unreadable, of_excluded_order, via},
         {}, {}, {}, product);
  }
  void clear() {
    rows.clear();
    text.clear();
    reserve_scale = 0;
  }

 private:
  void push(BatchRow row, std::string_view customer, std::string_view phone, std::string_view email,
            std::string_view product) {
    row.text_offset = static_cast<uint32_t>(text.size());
    row.customer_size = static_cast<uint32_t>(customer.size());
    row.phone_size = static_cast<uint32_t>(phone.size());
    row.email_size = static_cast<uint32_t>(email.size());
    row.product_size = static_cast<uint32_t>(product.size());
    text.append(customer).append(phone).append(email).append(product);
    rows.push_back(row);
  }
};

}  // namespace huike
