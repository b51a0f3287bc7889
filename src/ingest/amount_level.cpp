#include "ingest/amount_level.h"

#include <cmath>
#include <initializer_list>

#include "ingest/column_roles.h"

namespace huike {
namespace {

constexpr double kSameAmount = 0.005;  // half a cent
// Share of multi-line orders repeating one amount that makes the column per order.
constexpr double kShareWhenHeaderSaysOrder = 0.5;
constexpr double kShareWhenHeaderSilent = 0.8;
constexpr uint64_t kMinOrdersWhenHeaderSilent = 3;

bool contains(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

AmountLevelHint amount_hint_from_header(std::string_view header) {
  const std::string name = normalise_header(header, false);
  if (contains(name, {"lineitem", "item", "line", "商品", "单品", "宝贝", "sku", "明细"})) return AmountLevelHint::line;
  if (contains(name, {"order", "total", "订单", "訂單", "合计", "合計", "实付", "實付", "应付", "應付"})) {
    return AmountLevelHint::order;
  }
  return AmountLevelHint::unknown;
}

void OrderLines::add_line(uint32_t order, double sum_before, double amount) {
  uint32_t& entry = lines_[order];
  const uint32_t count = entry & kCount;
  // While every line so far is the same, that amount is their mean.
  if (!(entry & kDiffers) && std::fabs(amount - sum_before / count) > kSameAmount) entry |= kDiffers;
  if (amount < 0) entry |= kNegative;
  if (count < kCount) ++entry;
}

AmountLevelDecision resolve_amount_level(std::vector<Order>& orders, const OrderLines& lines, AmountLevelHint hint,
                                         std::optional<AmountLevelHint> chosen) {
  AmountLevelDecision out;
  out.header_says = hint == AmountLevelHint::order ? "order" : hint == AmountLevelHint::line ? "line" : "unknown";
  for (uint32_t i = 0; i < lines.size(); ++i) {
    if (lines.lines(i) < 2) continue;
    ++out.multi_line_orders;
    out.repeated_orders += lines.repeated(i);
  }
  if (out.multi_line_orders == 0) return out;
  const double share = static_cast<double>(out.repeated_orders) / out.multi_line_orders;
  const bool per_order = chosen ? *chosen == AmountLevelHint::order
                                : ((hint == AmountLevelHint::order && share >= kShareWhenHeaderSaysOrder) ||
                                   (hint == AmountLevelHint::unknown && share >= kShareWhenHeaderSilent &&
                                    out.multi_line_orders >= kMinOrdersWhenHeaderSilent));
  out.decision = per_order ? "per_order" : "per_line";
  if (!per_order) return out;
  for (uint32_t i = 0; i < lines.size(); ++i) {
    if (lines.lines(i) >= 2 && lines.repeated(i)) orders[i].amount /= lines.lines(i);
  }
  return out;
}

RefundedOrders drop_refunded_orders(std::vector<Order>& orders, const OrderLines& lines,
                                    const std::vector<std::pair<uint32_t, int64_t>>& negative_rows,
                                    size_t max_examples, std::vector<bool>* flags) {
  RefundedOrders out;
  std::vector<bool> drop(orders.size(), false);
  for (const auto& [index, line] : negative_rows) {
    if (lines.lines(index) < 2 || std::fabs(orders[index].amount) >= kSameAmount) continue;
    if (out.example_lines.size() < max_examples) out.example_lines.push_back(line);
    ++out.negative_rows;
    if (drop[index]) continue;
    drop[index] = true;
    ++out.orders;
    out.rows += lines.lines(index);
  }
  if (out.orders == 0) return out;
  size_t kept = 0;
  out.new_index.assign(orders.size(), UINT32_MAX);
  for (size_t i = 0; i < orders.size(); ++i) {
    if (drop[i]) continue;
    out.new_index[i] = static_cast<uint32_t>(kept);
    if (flags) (*flags)[kept] = (*flags)[i];  // per-order flags stay aligned
    orders[kept++] = orders[i];
  }
  orders.resize(kept);
  if (flags) flags->resize(kept);
  return out;
}

const char* amount_level_rule() {
  return "the amount is taken once per order (the order's total repeated on its lines) when its lines repeat "
         "one amount in at least half of the orders with several lines and the header names an order total "
         "(order, total, 订单, 实付, 应付), or in 80% of at least 3 such orders when the header says neither; "
         "a header naming a line item (item, line, 商品, sku) is always summed";
}

}  // namespace huike
