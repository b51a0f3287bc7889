#include "model/order_table.h"

#include <algorithm>

namespace huike {

size_t OrderTable::memory_bytes() const {
  return orders.capacity() * sizeof(Order) + promotional.capacity() / 8 + contacts.memory_bytes() + products.memory_bytes();
}

CustomerOrders group_by_customer(const OrderTable& table) {
  CustomerOrders grouped;
  const uint32_t customers = table.customer_count();
  grouped.begin.assign(customers + 1, 0);
  for (const Order& order : table.orders) ++grouped.begin[order.customer + 1];
  for (uint32_t c = 0; c < customers; ++c) grouped.begin[c + 1] += grouped.begin[c];

  // Counting sort by customer keeps file order inside a customer; then order by day.
  grouped.order_index.resize(table.orders.size());
  std::vector<uint32_t> next(grouped.begin.begin(), grouped.begin.end() - 1);
  for (uint32_t i = 0; i < table.orders.size(); ++i) {
    grouped.order_index[next[table.orders[i].customer]++] = i;
  }
  const auto by_day = [&](uint32_t a, uint32_t b) {
    return table.orders[a].day < table.orders[b].day;
  };
  for (uint32_t c = 0; c < customers; ++c) {
    uint32_t* const first = grouped.order_index.data() + grouped.begin[c];
    uint32_t* const last = grouped.order_index.data() + grouped.begin[c + 1];
    if (last - first > 32) {
      if (!std::is_sorted(first, last, by_day)) std::stable_sort(first, last, by_day);
      continue;
    }
    // Most customers have a few orders: insertion sort is stable and allocates nothing.
    for (uint32_t* it = first + 1; it < last; ++it) {
      const uint32_t index = *it;
      uint32_t* hole = it;
      for (; hole > first && by_day(index, hole[-1]); --hole) *hole = hole[-1];
      *hole = index;
    }
  }
  return grouped;
}

}  // namespace huike
