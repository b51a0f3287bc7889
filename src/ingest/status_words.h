#pragma once
#include <cstdint>
#include <string_view>

namespace huike {

// What an order-status cell says about whether the row is a purchase.
enum class OrderStatus : uint8_t { purchase, cancelled, refunded, unpaid };

// Case-insensitive, English and Chinese (simplified and traditional):
// 交易关闭/交易關閉/已取消/cancelled/canceled/voided → cancelled;
// 退款成功/已退款/refunded/partially_refunded? (→ purchase; the amount tells) / returned → refunded;
// 等待买家付款/待付款/未付款/pending/unpaid/authorized?(→ purchase) → unpaid;
// anything else, including empty, 交易成功, paid, completed, fulfilled → purchase.
OrderStatus classify_status(std::string_view text);
const char* status_reason_key(OrderStatus s);  // "status_cancelled", "status_refunded", "status_unpaid"

}  // namespace huike
