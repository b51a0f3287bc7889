#pragma once
#include <cstdint>
#include <string_view>

namespace huike {

// What an order-status cell says about whether the row is a purchase.
enum class OrderStatus : uint8_t { purchase, cancelled, refunded, unpaid };

// Exact match after trimming, ASCII lower-casing, ' ' and '-' read as '_', and a
// WooCommerce "wc-" prefix dropped (so "On hold", "on-hold", "wc-on-hold" all match):
//   cancelled: 交易关闭 交易關閉 已取消 取消 已关闭 已關閉 cancelled canceled voided void
//              failed (WooCommerce) expired (Shopify, authorization lapsed)
//   refunded:  退款成功 已退款 已退货 已退貨 refunded returned
//   unpaid:    等待买家付款 等待買家付款 待付款 未付款 待支付 未支付 pending pending_payment
//              unpaid awaiting_payment on_hold (WooCommerce: awaiting payment) draft
//              checkout_draft
//   purchase:  everything else, e.g. empty, 交易成功, 买家已付款，等待卖家发货, 卖家已发货,
//              退款中 (not refunded yet), paid, authorized, partially_paid,
//              partially_refunded (the amount tells), processing, completed, fulfilled.
OrderStatus classify_status(std::string_view text);
// "status_cancelled", "status_refunded", "status_unpaid"; "" for purchase.
const char* status_reason_key(OrderStatus s);

}  // namespace huike
