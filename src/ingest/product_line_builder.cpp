#include "ingest/product_line_builder.h"

#include <cmath>

namespace huike {

void ProductLineBuilder::add(ProductLines& out, uint32_t order, std::string_view product, float quantity,
                             double weight) {
  if (product.empty()) {
    ++without_product_;
    return;
  }
  out.lines.push_back({order, out.names.intern(product), 0.0, quantity});
  weight_.push_back(std::isfinite(weight) ? weight : 0.0);
}

void ProductLineBuilder::finish(ProductLines& out, const std::vector<Order>& orders,
                                const std::vector<uint32_t>& new_index) {
  size_t kept = 0;
  for (size_t i = 0; i < out.lines.size(); ++i) {
    ProductLine line = out.lines[i];
    if (!new_index.empty()) {
      if (new_index[line.order] == UINT32_MAX) continue;
      line.order = new_index[line.order];
    }
    weight_[kept] = weight_[i];
    out.lines[kept++] = line;
  }
  out.lines.resize(kept);
  std::vector<double> sum(orders.size(), 0.0);
  std::vector<uint32_t> count(orders.size(), 0);
  for (size_t i = 0; i < kept; ++i) {
    sum[out.lines[i].order] += weight_[i];
    ++count[out.lines[i].order];
  }
  for (size_t i = 0; i < kept; ++i) {
    const uint32_t o = out.lines[i].order;
    const double share = sum[o] != 0 ? weight_[i] / sum[o] : 1.0 / count[o];
    out.lines[i].revenue = orders[o].amount * share;
  }
  std::vector<double>().swap(weight_);
  out.lines.shrink_to_fit();
}

}  // namespace huike
