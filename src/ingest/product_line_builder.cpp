#include "ingest/product_line_builder.h"

#include <algorithm>
#include <cmath>

#include "model/gather_in_place.h"

namespace huike {

// Until finish, a line's `customer` holds its product and `revenue` its weight.
void ProductLineBuilder::add(ProductLines& out, uint32_t order, std::string_view product, float quantity,
                             double weight) {
  if (product.empty()) {
    ++without_product_;
    return;
  }
  out.order.push_back(order);
  out.customer.push_back(out.names.intern(product));
  out.quantity.push_back(quantity);
  out.revenue.push_back(std::isfinite(weight) ? weight : 0.0);
}

namespace {

// Each order's share of its value per line: weight / Σ weights, or evenly when they sum to 0.
void share_order_values(ProductLines& lines, const std::vector<Order>& orders) {
  std::vector<double> sum(orders.size(), 0.0);
  std::vector<uint32_t> count(orders.size(), 0);
  for (size_t k = 0; k < lines.size(); ++k) {
    sum[lines.order[k]] += lines.revenue[k];
    ++count[lines.order[k]];
  }
  for (size_t k = 0; k < lines.size(); ++k) {
    const uint32_t order = lines.order[k];
    const double share = sum[order] != 0 ? lines.revenue[k] / sum[order] : 1.0 / count[order];
    lines.revenue[k] = orders[order].amount * share;
  }
}

// The lines' indexes by customer (a stable counting sort: file order within a customer).
std::vector<uint32_t> by_customer(const ProductLines& lines, const std::vector<Order>& orders) {
  uint32_t customers = 0;
  for (const Order& order : orders) customers = std::max(customers, order.customer + 1);
  std::vector<uint32_t> next(customers + 1, 0);
  for (uint32_t order : lines.order) ++next[orders[order].customer + 1];
  for (size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
  std::vector<uint32_t> sorted(lines.size());
  for (uint32_t i = 0; i < lines.size(); ++i) sorted[next[orders[lines.order[i]].customer]++] = i;
  return sorted;
}

// The analyses count a product's distinct orders, not its lines: each line says whether it
// is the first of its order among the lines of its product, customer and day (which are
// together), and the order column goes (4 bytes a line; a bit stays).
void mark_first_of_order(ProductLines& out) {
  out.first_of_order.assign(out.size(), false);
  size_t group = 0;  // the first line of the current product, customer and day
  for (size_t p = 0; p + 1 < out.begin.size(); ++p) {
    for (size_t k = out.begin[p]; k < out.begin[p + 1]; ++k) {
      if (k == out.begin[p] || out.customer[k] != out.customer[k - 1] || out.day[k] != out.day[k - 1]) group = k;
      out.first_of_order[k] = std::find(out.order.begin() + group, out.order.begin() + k, out.order[k]) == out.order.begin() + k;
    }
  }
  std::vector<uint32_t>().swap(out.order);
}

}  // namespace

void ProductLineBuilder::finish(ProductLines& out, const std::vector<Order>& orders,
                                const std::vector<uint32_t>& new_index) {
  // Renumber, and keep the lines of purchases only (not of returns or dropped orders).
  size_t kept = 0;
  for (size_t k = 0; k < out.size(); ++k) {
    uint32_t order = out.order[k];
    if (!new_index.empty()) {
      if (new_index[order] == UINT32_MAX) continue;
      order = new_index[order];
    }
    if (orders[order].amount < 0) continue;
    out.order[kept] = order;
    out.customer[kept] = out.customer[k];
    out.quantity[kept] = out.quantity[k];
    out.revenue[kept] = out.revenue[k];
    ++kept;
  }
  out.order.resize(kept);
  out.customer.resize(kept);
  out.quantity.resize(kept);
  out.revenue.resize(kept);
  out.lines_without_product = without_product_;

  share_order_values(out, orders);
  // A second stable counting sort, by product (each line's `customer` still holds it): the
  // old place of each new one. (Moving the lines in place, following the permutation's
  // cycles, waited for a cache miss at each step: 2 s of 10 s on 10M rows.)
  out.begin.assign(out.names.size() + 1, 0);
  for (uint32_t product : out.customer) ++out.begin[product + 1];
  for (size_t p = 1; p < out.begin.size(); ++p) out.begin[p] += out.begin[p - 1];
  std::vector<int32_t> from(kept);  // then the day column, in the same block
  {
    const std::vector<uint32_t> order_of_customers = by_customer(out, orders);
    std::vector<uint32_t> next(out.begin.begin(), out.begin.end() - 1);
    for (uint32_t i : order_of_customers) from[next[out.customer[i]]++] = static_cast<int32_t>(i);
  }
  gather_in_place(out.revenue, from);
  gather_in_place(out.quantity, from);
  gather_in_place(out.order, from);
  for (size_t k = 0; k < kept; ++k) {  // the products are in `begin` now
    const Order& order = orders[out.order[k]];
    out.customer[k] = order.customer;
    from[k] = order.day;
  }
  out.day = std::move(from);

  // Then by day within each customer's run of a product, which is short: insertion sort (stable).
  const auto move_line = [&out](size_t to, size_t from) {
    out.order[to] = out.order[from];
    out.day[to] = out.day[from];
    out.quantity[to] = out.quantity[from];
    out.revenue[to] = out.revenue[from];
  };
  for (size_t p = 0; p + 1 < out.begin.size(); ++p) {
    const size_t first = out.begin[p];
    for (size_t k = first + 1; k < out.begin[p + 1]; ++k) {
      const uint32_t customer = out.customer[k];
      if (out.customer[k - 1] != customer || out.day[k - 1] <= out.day[k]) continue;
      const uint32_t order = out.order[k];
      const int32_t day = out.day[k];
      const float quantity = out.quantity[k];
      const double revenue = out.revenue[k];
      size_t hole = k;
      for (; hole > first && out.customer[hole - 1] == customer && out.day[hole - 1] > day; --hole) move_line(hole, hole - 1);
      out.order[hole] = order;
      out.day[hole] = day;
      out.quantity[hole] = quantity;
      out.revenue[hole] = revenue;
    }
  }
  mark_first_of_order(out);
}

}  // namespace huike
