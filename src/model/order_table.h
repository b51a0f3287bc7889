#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/customer_contacts.h"
#include "model/product_lines.h"
#include "model/string_interner.h"

namespace huike {

// One order (all line items of one order id merged). 16 bytes.
// amount < 0 marks a return (a credit note, a negative row); it is not a purchase.
struct Order {
  double amount;
  uint32_t customer;  // index into OrderTable::customer_ids
  int32_t day;        // days since 1970-01-01 (calendar date of the order)
};

// Parsed orders, kept compact so every analysis can re-run without re-reading the file.
struct OrderTable {
  std::vector<Order> orders;  // in file order; by customer after group_by_customer
  StringInterner customer_ids;
  // Per order (same index), whether it was promotional (a discount, coupon or campaign
  // cell); empty when the file has no promotion column. A bit an order.
  std::vector<bool> promotional;
  bool has_promotion_column = false;
  CustomerContacts contacts;  // phone / e-mail per customer, when the file has them
  ProductLines products;  // empty without a product column

  uint32_t customer_count() const { return customer_ids.size(); }
  std::string_view customer_id(uint32_t customer) const { return customer_ids.at(customer); }
  size_t memory_bytes() const;  // engine memory beyond the customer id strings
};

// Where each customer's orders are in a grouped table: orders[begin[c] .. begin[c+1]).
struct CustomerOrders {
  std::vector<uint32_t> begin;  // customer_count() + 1
};
// Sorts the table's orders by customer, each customer's by day (then in their previous
// order), moving the promotional flags with them: every walk over a customer's orders then
// reads them in sequence (issue 14), with no copy of the orders and no index into them.
// (The product lines refer to no order after reading: they keep customer and day.)
CustomerOrders group_by_customer(OrderTable& table);

}  // namespace huike
