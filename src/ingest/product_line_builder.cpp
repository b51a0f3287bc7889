#include "ingest/product_line_builder.h"

#include <cmath>

namespace huike {

void ProductLineBuilder::add(ProductLines& out, uint32_t order, std::string_view product, float quantity,
                             double weight) {
  if (product.empty()) {
    ++without_product_;
    return;
  }
  raw_.push_back({order, out.names.intern(product), quantity, std::isfinite(weight) ? weight : 0.0});
}

void ProductLineBuilder::finish(ProductLines& out, const std::vector<Order>& orders,
                                const std::vector<uint32_t>& new_index) {
  size_t kept = 0;
  for (const RawLine& raw : raw_) {
    RawLine line = raw;
    if (!new_index.empty()) {
      if (new_index[line.order] == UINT32_MAX) continue;
      line.order = new_index[line.order];
    }
    raw_[kept++] = line;
  }
  raw_.resize(kept);
  std::vector<double> sum(orders.size(), 0.0);
  std::vector<uint32_t> count(orders.size(), 0);
  for (const RawLine& line : raw_) {
    sum[line.order] += line.weight;
    ++count[line.order];
  }
  // Two stable counting sorts (customer, then product) over the purchase lines; then by day
  // within each customer's run of a product, which is short.
  uint32_t customers = 0;
  for (const Order& order : orders) customers = std::max(customers, order.customer + 1);
  std::vector<uint32_t> by_customer;
  {
    std::vector<uint32_t> next(customers + 1, 0);
    for (const RawLine& line : raw_) {
      if (orders[line.order].amount >= 0) ++next[orders[line.order].customer + 1];
    }
    for (size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
    by_customer.resize(next.back());
    for (uint32_t i = 0; i < raw_.size(); ++i) {
      if (orders[raw_[i].order].amount >= 0) by_customer[next[orders[raw_[i].order].customer]++] = i;
    }
  }
  out.begin.assign(out.names.size() + 1, 0);
  for (uint32_t i : by_customer) ++out.begin[raw_[i].product + 1];
  for (size_t p = 1; p < out.begin.size(); ++p) out.begin[p] += out.begin[p - 1];
  std::vector<uint32_t> next(out.begin.begin(), out.begin.end() - 1);
  out.lines.resize(by_customer.size());
  for (uint32_t i : by_customer) {
    const RawLine& raw = raw_[i];
    const Order& order = orders[raw.order];
    const double share = sum[raw.order] != 0 ? raw.weight / sum[raw.order] : 1.0 / count[raw.order];
    out.lines[next[raw.product]++] = {raw.order, order.customer, order.day, raw.quantity, order.amount * share};
  }
  std::vector<RawLine>().swap(raw_);
  out.lines_without_product = without_product_;
  for (size_t p = 0; p + 1 < out.begin.size(); ++p) {
    ProductLine* first = out.lines.data() + out.begin[p];
    ProductLine* last = out.lines.data() + out.begin[p + 1];
    for (ProductLine* it = first + 1; it < last; ++it) {
      const ProductLine line = *it;
      ProductLine* hole = it;
      for (; hole > first && hole[-1].customer == line.customer && hole[-1].day > line.day; --hole) *hole = hole[-1];
      *hole = line;
    }
  }
}

}  // namespace huike
