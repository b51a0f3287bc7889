#include "ingest/product_line_builder.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace huike {

// Until finish, a line's `customer` holds its product and `revenue` its weight.
void ProductLineBuilder::add(ProductLines& out, uint32_t order, std::string_view product, float quantity,
                             double weight) {
  if (product.empty()) {
    ++without_product_;
    return;
  }
  out.lines.push_back({order, out.names.intern(product), 0, quantity, std::isfinite(weight) ? weight : 0.0});
}

namespace {

// Each order's share of its value per line: weight / Σ weights, or evenly when they sum to 0.
void share_order_values(std::vector<ProductLine>& lines, const std::vector<Order>& orders) {
  std::vector<double> sum(orders.size(), 0.0);
  std::vector<uint32_t> count(orders.size(), 0);
  for (const ProductLine& line : lines) {
    sum[line.order] += line.revenue;
    ++count[line.order];
  }
  for (ProductLine& line : lines) {
    const double share = sum[line.order] != 0 ? line.revenue / sum[line.order] : 1.0 / count[line.order];
    line.revenue = orders[line.order].amount * share;
  }
}

// Where each line goes when sorted by product, then customer, then file order: two stable
// counting sorts (customer, then product). Each line's `customer` still holds its product.
std::vector<uint32_t> sorted_positions(const std::vector<ProductLine>& lines, const std::vector<Order>& orders,
                                       std::vector<uint32_t>& begin) {
  uint32_t customers = 0;
  for (const Order& order : orders) customers = std::max(customers, order.customer + 1);
  std::vector<uint32_t> by_customer(lines.size());
  {
    std::vector<uint32_t> next(customers + 1, 0);
    for (const ProductLine& line : lines) ++next[orders[line.order].customer + 1];
    for (size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
    for (uint32_t i = 0; i < lines.size(); ++i) by_customer[next[orders[lines[i].order].customer]++] = i;
  }
  for (const ProductLine& line : lines) ++begin[line.customer + 1];
  for (size_t p = 1; p < begin.size(); ++p) begin[p] += begin[p - 1];
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  std::vector<uint32_t> position(lines.size());
  for (uint32_t i : by_customer) position[i] = next[lines[i].customer]++;
  return position;
}

// Moves lines[i] to lines[position[i]], following each cycle of the permutation.
void permute(std::vector<ProductLine>& lines, std::vector<uint32_t>& position) {
  for (uint32_t i = 0; i < lines.size(); ++i) {
    while (position[i] != i) {
      const uint32_t to = position[i];
      std::swap(lines[i], lines[to]);
      std::swap(position[i], position[to]);
    }
  }
}

}  // namespace

void ProductLineBuilder::finish(ProductLines& out, const std::vector<Order>& orders,
                                const std::vector<uint32_t>& new_index) {
  std::vector<ProductLine>& lines = out.lines;
  // Renumber, and keep the lines of purchases only (not of returns or dropped orders).
  size_t kept = 0;
  for (ProductLine line : lines) {
    if (!new_index.empty()) {
      if (new_index[line.order] == UINT32_MAX) continue;
      line.order = new_index[line.order];
    }
    if (orders[line.order].amount >= 0) lines[kept++] = line;
  }
  lines.resize(kept);  // not shrunk: a copy now would hold the lines twice
  out.lines_without_product = without_product_;

  out.begin.assign(out.names.size() + 1, 0);
  std::vector<uint32_t> position = sorted_positions(lines, orders, out.begin);

  share_order_values(lines, orders);
  for (ProductLine& line : lines) {
    line.customer = orders[line.order].customer;
    line.day = orders[line.order].day;
  }
  permute(lines, position);
  std::vector<uint32_t>().swap(position);

  // Then by day within each customer's run of a product, which is short: insertion sort (stable).
  for (size_t p = 0; p + 1 < out.begin.size(); ++p) {
    ProductLine* first = lines.data() + out.begin[p];
    ProductLine* last = lines.data() + out.begin[p + 1];
    for (ProductLine* it = first + 1; it < last; ++it) {
      const ProductLine line = *it;
      ProductLine* hole = it;
      for (; hole > first && hole[-1].customer == line.customer && hole[-1].day > line.day; --hole) *hole = hole[-1];
      *hole = line;
    }
  }
}

}  // namespace huike
