#include "analysis/order_runs.h"

namespace huike {

OrderRuns make_order_runs(const OrderTable& table, const CustomerOrders& grouped) {
  const std::vector<uint32_t>& index = grouped.order_index;
  const GroupedOrders from_table(table, grouped, nullptr);
  OrderRuns runs;
  runs.day.resize(index.size());
  runs.amount.resize(index.size());
  if (from_table.has_promotions()) runs.promotional.resize(index.size());
  for (uint32_t k = 0; k < index.size(); ++k) {
    from_table.prefetch_ahead(k);
    runs.day[k] = from_table.day(k);
    runs.amount[k] = from_table.amount(k);
    if (from_table.has_promotions()) runs.promotional[k] = from_table.promotional(k);
  }
  return runs;
}

}  // namespace huike
