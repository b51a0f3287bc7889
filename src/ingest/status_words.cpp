#include "ingest/status_words.h"

namespace huike {
namespace {

struct Word {
  std::string_view key;  // ASCII lower case, '_' for spaces and '-'
  OrderStatus status;
};

// Everything not listed (交易成功, 退款中, paid, authorized, partially_refunded, ...) is a purchase.
constexpr Word kWords[] = {
    {"交易关闭", OrderStatus::cancelled},       {"交易關閉", OrderStatus::cancelled},
    {"已取消", OrderStatus::cancelled},         {"取消", OrderStatus::cancelled},
    {"已关闭", OrderStatus::cancelled},         {"已關閉", OrderStatus::cancelled},
    {"cancelled", OrderStatus::cancelled},      {"canceled", OrderStatus::cancelled},
    {"voided", OrderStatus::cancelled},         {"void", OrderStatus::cancelled},
    {"failed", OrderStatus::cancelled},         {"expired", OrderStatus::cancelled},
    {"退款成功", OrderStatus::refunded},        {"已退款", OrderStatus::refunded},
    {"已退货", OrderStatus::refunded},          {"已退貨", OrderStatus::refunded},
    {"refunded", OrderStatus::refunded},        {"returned", OrderStatus::refunded},
    {"等待买家付款", OrderStatus::unpaid},      {"等待買家付款", OrderStatus::unpaid},
    {"待付款", OrderStatus::unpaid},            {"未付款", OrderStatus::unpaid},
    {"待支付", OrderStatus::unpaid},            {"未支付", OrderStatus::unpaid},
    {"pending", OrderStatus::unpaid},           {"pending_payment", OrderStatus::unpaid},
    {"unpaid", OrderStatus::unpaid},            {"awaiting_payment", OrderStatus::unpaid},
    {"on_hold", OrderStatus::unpaid},           {"draft", OrderStatus::unpaid},
    {"checkout_draft", OrderStatus::unpaid},
};
constexpr size_t kMaxKey = 24;  // longer than any key + "wc_"

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

OrderStatus classify_status(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty() || text == "交易成功" || text.size() > kMaxKey) return OrderStatus::purchase;

  char buf[kMaxKey];
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c == ' ' || c == '-' ? '_' : c;
  }
  std::string_view key(buf, text.size());
  if (key.starts_with("wc_")) key.remove_prefix(3);  // WooCommerce's raw post_status
  for (const Word& w : kWords)
    if (w.key == key) return w.status;
  return OrderStatus::purchase;
}

const char* status_reason_key(OrderStatus s) {
  switch (s) {
    case OrderStatus::cancelled: return "status_cancelled";
    case OrderStatus::refunded: return "status_refunded";
    case OrderStatus::unpaid: return "status_unpaid";
    case OrderStatus::purchase: break;
  }
  return "";
}

}  // namespace huike
