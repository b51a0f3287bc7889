#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/order_table.h"

namespace huike {

// Whether a platform's amount column holds the order's total or one line item's value.
enum class AmountLevelHint : uint8_t { unknown, order, line };

// Whether the amount column holds each line item's value (summed per order) or the
// order's total written again on each of its lines (taken once), decided per file.
struct AmountLevelDecision {
  std::string decision = "one_row_per_order";  // "per_line", "per_order", "one_row_per_order"
  std::string header_says = "unknown";         // "order", "line", "unknown"
  uint64_t multi_line_orders = 0;              // orders with 2+ lines that have an amount
  uint64_t repeated_orders = 0;                // ... whose lines all hold the same amount
};

// What an amount header says by its words: "Order Total", 订单实付金额 → order;
// "Item Price", 商品金额, "Lineitem price" → line.
AmountLevelHint amount_hint_from_header(std::string_view header);

// Line bookkeeping per order while reading: 4 bytes an order, freed when done.
class OrderLines {
 public:
  void add_order(double amount) { lines_.push_back(amount < 0 ? kNegative | 1 : 1); }
  // A further line of `order` whose lines so far sum to `sum_before`.
  void add_line(uint32_t order, double sum_before, double amount);
  uint32_t lines(uint32_t order) const { return lines_[order] & kCount; }
  bool repeated(uint32_t order) const { return !(lines_[order] & kDiffers); }
  bool has_negative(uint32_t order) const { return lines_[order] & kNegative; }
  size_t size() const { return lines_.size(); }
  void release() { std::vector<uint32_t>().swap(lines_); }
  void reserve(size_t orders) { lines_.reserve(orders); }
  size_t memory_bytes() const { return lines_.capacity() * sizeof(uint32_t); }

 private:
  static constexpr uint32_t kDiffers = 1u << 31, kNegative = 1u << 30, kCount = (1u << 30) - 1;
  std::vector<uint32_t> lines_;
};

// Decides from the hint and from repetition within orders; for "per_order" each order
// whose lines all repeat one amount gets that amount once (orders whose lines differ
// keep their sum). `chosen` (the amount_level option) decides instead of the rule.
AmountLevelDecision resolve_amount_level(std::vector<Order>& orders, const OrderLines& lines, AmountLevelHint hint,
                                         std::optional<AmountLevelHint> chosen = std::nullopt);

// Orders with a refund line whose lines net to zero: a sale refunded in the same
// transaction (Square, POS exports) is no purchase. They are removed from `orders`.
struct RefundedOrders {
  uint64_t orders = 0, rows = 0, negative_rows = 0;
  std::vector<int64_t> example_lines;  // of the refund rows
  std::vector<uint32_t> new_index;     // per order read: its index after, UINT32_MAX = dropped
};
RefundedOrders drop_refunded_orders(std::vector<Order>& orders, const OrderLines& lines,
                                    const std::vector<std::pair<uint32_t, int64_t>>& negative_rows,
                                    size_t max_examples, std::vector<bool>* flags = nullptr);

// The rule, in words, for the report.
const char* amount_level_rule();

}  // namespace huike
