#pragma once
#include <cstdint>
#include <vector>

#include "model/order_table.h"
#include "model/prefetch.h"

namespace huike {

// Every customer's orders copied in the order of grouped.order_index (by customer): the walks
// that settings re-run (the overview at another date, the member-tier windows) read them in
// sequence instead of the order table at random places (issue 14). 12 bytes an order, 13
// with a promotion column; the session makes them once per file.
struct OrderRuns {
  std::vector<int32_t> day;
  std::vector<double> amount;
  std::vector<uint8_t> promotional;  // empty without a promotion column
};
OrderRuns make_order_runs(const OrderTable& table, const CustomerOrders& grouped);

// The k-th order of grouped.order_index: from the runs when there are some, else from the
// table (prefetching a few orders ahead, as those reads are at random places).
class GroupedOrders {
 public:
  GroupedOrders(const OrderTable& table, const CustomerOrders& grouped, const OrderRuns* runs)
      : table_(table), index_(grouped.order_index), runs_(runs),
        promos_(table.promotional.size() == table.orders.size() && !table.orders.empty()) {}
  void prefetch_ahead(uint32_t k) const {
    constexpr uint32_t kAhead = 16;
    if (!runs_ && k + kAhead < index_.size()) prefetch(&table_.orders[index_[k + kAhead]]);
  }
  int32_t day(uint32_t k) const { return runs_ ? runs_->day[k] : table_.orders[index_[k]].day; }
  double amount(uint32_t k) const { return runs_ ? runs_->amount[k] : table_.orders[index_[k]].amount; }
  bool has_promotions() const { return promos_; }
  bool promotional(uint32_t k) const { return runs_ ? runs_->promotional[k] != 0 : table_.promotional[index_[k]]; }

 private:
  const OrderTable& table_;
  const std::vector<uint32_t>& index_;
  const OrderRuns* runs_;
  bool promos_;
};

}  // namespace huike
