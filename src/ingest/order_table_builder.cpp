#include "ingest/order_table_builder.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <tuple>

namespace huike {

namespace {
constexpr size_t kAhead = 16;      // rows ahead whose table slots are prefetched
constexpr size_t kExampleLines = 5;
}  // namespace

void OrderTableBuilder::take(const RowBatch& batch) {
  if (batch.reserve_scale > 0) reserve_ahead(batch.reserve_scale);
  const std::vector<BatchRow>& rows = batch.rows;
  const auto prefetch_slots = [&](const BatchRow& row) {
    if (row.kind == BatchRow::order_row) table.customer_ids.prefetch(row.customer_hash);
    if (row.key != 0) order_index.prefetch(row.key);
  };
  for (size_t i = 0; i < std::min(kAhead, rows.size()); ++i) prefetch_slots(rows[i]);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i + kAhead < rows.size()) prefetch_slots(rows[i + kAhead]);
    // The slot is in the cache by now: start on the entry it points to.
    if (i + kAhead / 2 < rows.size() && rows[i + kAhead / 2].kind == BatchRow::order_row) {
      table.customer_ids.prefetch_entry(rows[i + kAhead / 2].customer_hash);
    }
    if (rows[i].kind == BatchRow::order_row) add_order_row(rows[i], batch.text);
    else add_line_item(rows[i], batch.text);
  }
}

void OrderTableBuilder::add_order_row(const BatchRow& row, std::string_view text) {
  const Order order{row.amount, table.customer_ids.intern(text.substr(row.text_offset, row.customer_size), row.customer_hash),
                    row.day};
  if (row.phone_size + row.email_size > 0) {
    const std::string_view contacts = text.substr(row.text_offset + row.customer_size);
    table.contacts.note(order.customer, contacts.substr(0, row.phone_size), contacts.substr(row.phone_size, row.email_size));
  }
  if (row.amount < 0) negative_rows.emplace_back(static_cast<uint32_t>(table.orders.size()), row.line);
  uint32_t index = static_cast<uint32_t>(table.orders.size());
  if (row.key == 0) {
    if (table.has_promotion_column) mark_promotional(index, row.promotional);
    table.orders.push_back(order);
    order_index.add_keyless();
    order_lines.add_order(row.amount);
  } else {
    bool added;
    std::tie(index, added) = order_index.find_or_add(row.key, index);
    if (table.has_promotion_column) mark_promotional(index, row.promotional);
    if (added) {
      table.orders.push_back(order);
      order_lines.add_order(row.amount);
    } else {
      if (row.amount < 0) negative_rows.back().first = index;
      order_lines.add_line(index, table.orders[index].amount, row.amount);  // a further line item
      table.orders[index].amount += row.amount;
    }
  }
  if (has_product) {
    const std::string_view product =
        text.substr(row.text_offset + row.customer_size + row.phone_size + row.email_size, row.product_size);
    product_lines.add(table.products, index, product, row.quantity, row.weight);
  }
}

// A blank amount on a row of an order already read is one more line item of it.
void OrderTableBuilder::add_line_item(const BatchRow& row, std::string_view text) {
  const uint32_t order = order_index.find(row.key);
  if (order == UINT32_MAX) {
    (row.of_excluded_order ? line_items.of_excluded_order : line_items.without_order).add(row.line, kExampleLines);
    return;
  }
  if (has_product) {
    if (row.quantity_unreadable) ++table.products.lines_without_quantity;
    product_lines.add(table.products, order, text.substr(row.text_offset, row.product_size), row.quantity, row.weight);
  }
  ++line_items.rows_used;
  count_identified_row(line_items.identified, row.via);
  line_items.used.add(row.line, kExampleLines);
}

void OrderTableBuilder::reserve_ahead(double scale) {
  wanted_bytes_ = 0;
  const auto ahead = [this, scale](auto& rows) {
    const double projected = static_cast<double>(rows.size()) * scale;
    wanted_bytes_ += std::max(projected, static_cast<double>(rows.capacity())) * sizeof(rows[0]);
    if (projected <= static_cast<double>(rows.capacity()) || projected > 4e9) return;
    try {
      rows.reserve(static_cast<size_t>(projected * 1.05) + 1024);
    } catch (const std::bad_alloc&) {  // the table then grows as it would without the size
    } catch (const std::length_error&) {  // past what a wasm32 size_t can count
    }
  };
  ahead(table.orders);
  ahead(table.products.order);  // the day column is made at finish
  ahead(table.products.customer);
  ahead(table.products.quantity);
  ahead(table.products.revenue);
  const double expected = static_cast<double>(table.orders.size()) * scale;
  // The order index (keys, and slots at most half full) and the order-line statistics.
  wanted_bytes_ += expected * (sizeof(uint64_t) + sizeof(uint32_t)) + 2 * expected * sizeof(uint32_t);
  if (expected > 4e9) return;
  try {
    order_index.reserve(table.orders.capacity(), static_cast<size_t>(expected));
    order_lines.reserve(table.orders.capacity());
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
}

size_t OrderTableBuilder::reserved_bytes() const {
  const ProductLines& lines = table.products;
  return table.orders.capacity() * sizeof(Order) + order_index.memory_bytes() + order_lines.memory_bytes() +
         (lines.order.capacity() + lines.customer.capacity() + lines.quantity.capacity()) * 4 + lines.revenue.capacity() * 8;
}

// A new order gets the row's flag; a further line item ORs its own in.
void OrderTableBuilder::mark_promotional(uint32_t index, bool promotional) {
  if (index == table.promotional.size()) table.promotional.push_back(promotional);
  else if (promotional) table.promotional[index] = true;
}

}  // namespace huike
