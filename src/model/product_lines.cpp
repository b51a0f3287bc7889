#include "model/product_lines.h"

#include "model/order_table.h"

namespace huike {

ProductIndex index_product_lines(const OrderTable& table) {
  const std::vector<ProductLine>& lines = table.products.lines;
  const uint32_t n = static_cast<uint32_t>(lines.size());
  // Two stable counting sorts (customer, then product) and a sort by day within each
  // customer's run of one product, which is short.
  std::vector<uint32_t> by_customer(n);
  {
    std::vector<uint32_t> next(table.customer_count() + 1, 0);
    for (const ProductLine& l : lines) ++next[table.orders[l.order].customer + 1];
    for (size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
    for (uint32_t i = 0; i < n; ++i) by_customer[next[table.orders[lines[i].order].customer]++] = i;
  }
  ProductIndex index;
  index.begin.assign(table.products.names.size() + 1, 0);
  for (const ProductLine& l : lines) ++index.begin[l.product + 1];
  for (size_t p = 1; p < index.begin.size(); ++p) index.begin[p] += index.begin[p - 1];
  index.line.resize(n);
  std::vector<uint32_t> next(index.begin.begin(), index.begin.end() - 1);
  for (uint32_t i : by_customer) index.line[next[lines[i].product]++] = i;
  const auto day = [&](uint32_t i) { return table.orders[lines[i].order].day; };
  const auto customer = [&](uint32_t i) { return table.orders[lines[i].order].customer; };
  for (uint32_t k = 1; k < n; ++k) {
    const uint32_t i = index.line[k];
    uint32_t hole = k;
    while (hole > 0 && lines[index.line[hole - 1]].product == lines[i].product &&
           customer(index.line[hole - 1]) == customer(i) && day(index.line[hole - 1]) > day(i)) {
      index.line[hole] = index.line[hole - 1];
      --hole;
    }
    index.line[hole] = i;
  }
  return index;
}

}  // namespace huike
