#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huike {

// What an order-status cell says about whether the row is a purchase.
enum class OrderStatus : uint8_t { purchase, cancelled, refunded, unpaid };

// An order-status cell is not a purchase when it holds a refund, cancellation, deletion
// or non-payment word anywhere in its text, so compound statuses count too
// (Pinduoduo "未发货，退款成功", JD "(删除)等待出库"). A whole cell is compared after
// trimming, ASCII lower-casing, ' ' and '-' read as '_', and a WooCommerce "wc-" prefix
// dropped; then Chinese words are looked for anywhere and English words as whole words:
//   refunded:  退款成功 退货成功 退款完成 已退款 已退货 已退貨 全额退款 refunded returned
//   cancelled: 交易关闭 交易關閉 订单关闭 已关闭 已關閉 取消 删除 刪除 作废 作廢
//              cancelled canceled voided void failed deleted expired (Shopify: lapsed)
//   unpaid:    等待买家付款 等待買家付款 待付款 未付款 待支付 未支付 pending pending_payment
//              unpaid awaiting_payment on_hold (WooCommerce) draft checkout_draft
// A refund that did not happen is no refund: 退款关闭 退款失败 拒绝退款 取消退款 撤销退款
// 售后关闭 and "partially refunded" (the amount tells) are read as purchase words.
// When several words are found: refunded, then cancelled, then unpaid.
// Everything else is a purchase: empty, 交易成功, 卖家已发货, 退款中 (not refunded yet),
// paid, authorized, partially_paid, processing, completed, fulfilled, Shipped.
OrderStatus classify_status(std::string_view text);

// An after-sale column (售后状态, 退款状态, 维权状态) excludes a row only for a completed
// refund (the words under "refunded" above, with the same exceptions); its 已关闭 or
// 取消 closes the after-sale case, not the order.
OrderStatus classify_after_sale(std::string_view text);

// Classifies a status column's cells with `classify`, each distinct text once: a column
// repeats a handful of words, and classifying one is a few hundred instructions.
class StatusMemo {
 public:
  explicit StatusMemo(OrderStatus (*classify)(std::string_view)) : classify_(classify) {}
  OrderStatus operator()(std::string_view text) {
    for (const auto& [seen, status] : seen_) {
      if (seen == text) return status;
    }
    const OrderStatus status = classify_(text);
    if (seen_.size() < kMaxTexts) seen_.emplace_back(text, status);
    return status;
  }

 private:
  static constexpr size_t kMaxTexts = 16;  // a column of free text is classified cell by cell
  OrderStatus (*classify_)(std::string_view);
  std::vector<std::pair<std::string, OrderStatus>> seen_;
};

// "status_cancelled", "status_refunded", "status_unpaid"; "" for purchase.
const char* status_reason_key(OrderStatus s);

}  // namespace huike
