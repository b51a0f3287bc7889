#include "model/order_table.h"

#include <algorithm>

#include "model/gather_in_place.h"

namespace huike {

size_t OrderTable::memory_bytes() const {
  return orders.capacity() * sizeof(Order) + promotional.capacity() / 8 + contacts.memory_bytes() + products.memory_bytes();
}

CustomerOrders group_by_customer(OrderTable& table) {
  CustomerOrders grouped;
  const uint32_t customers = table.customer_count();
  const uint32_t n = static_cast<uint32_t>(table.orders.size());
  grouped.begin.assign(customers + 1, 0);
  for (const Order& order : table.orders) ++grouped.begin[order.customer + 1];
  for (uint32_t c = 0; c < customers; ++c) grouped.begin[c + 1] += grouped.begin[c];

  // Counting sort by customer keeps the previous order inside a customer; then order by day.
  std::vector<uint32_t> sorted(n);  // the old index of each new place
  {
    std::vector<uint32_t> next(grouped.begin.begin(), grouped.begin.end() - 1);
    for (uint32_t i = 0; i < n; ++i) sorted[next[table.orders[i].customer]++] = i;
  }
  const auto by_day = [&](uint32_t a, uint32_t b) { return table.orders[a].day < table.orders[b].day; };
  for (uint32_t c = 0; c < customers; ++c) {
    uint32_t* const first = sorted.data() + grouped.begin[c];
    uint32_t* const last = sorted.data() + grouped.begin[c + 1];
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
  gather_in_place(table.orders, sorted);
  if (table.promotional.size() == n && n > 0) {
    std::vector<bool> moved(n);
    for (uint32_t k = 0; k < n; ++k) moved[k] = table.promotional[sorted[k]];
    table.promotional.swap(moved);
  }
  return grouped;
}

}  // namespace huike
