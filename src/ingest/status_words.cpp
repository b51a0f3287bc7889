#include "ingest/status_words.h"

#include <string>

namespace huike {
namespace {

struct Word {
  std::string_view key;  // Chinese as written; English lower case, '_' for spaces and '-'
  OrderStatus status;
};

using S = OrderStatus;
// Phrases that name a refund or cancellation that did not happen: removed before the scan.
constexpr std::string_view kNegated[] = {
    "退款关闭", "退款關閉", "退款失败", "退款失敗", "拒绝退款", "拒絕退款", "取消退款", "撤销退款", "撤銷退款",
    "售后关闭", "售後關閉", "取消售后", "售后取消", "partially_refunded", "partial_refund", "partially_paid"};
// Looked for anywhere in the text, in this order of precedence.
constexpr Word kChinese[] = {
    {"退款成功", S::refunded},   {"退货成功", S::refunded},   {"退款完成", S::refunded},
    {"已退款", S::refunded},     {"已退货", S::refunded},     {"已退貨", S::refunded},
    {"全额退款", S::refunded},   {"全額退款", S::refunded},   {"交易关闭", S::cancelled},
    {"交易關閉", S::cancelled},  {"订单关闭", S::cancelled},  {"訂單關閉", S::cancelled},
    {"已关闭", S::cancelled},    {"已關閉", S::cancelled},    {"取消", S::cancelled},
    {"删除", S::cancelled},      {"刪除", S::cancelled},      {"作废", S::cancelled},
    {"作廢", S::cancelled},      {"等待买家付款", S::unpaid}, {"等待買家付款", S::unpaid},
    {"待付款", S::unpaid},       {"未付款", S::unpaid},       {"待支付", S::unpaid},
    {"未支付", S::unpaid},
};
// Whole words (split at anything not a letter or digit), or whole cells for the '_' ones.
constexpr Word kEnglish[] = {
    {"refunded", S::refunded},         {"returned", S::refunded},         {"cancelled", S::cancelled},
    {"canceled", S::cancelled},        {"voided", S::cancelled},          {"void", S::cancelled},
    {"failed", S::cancelled},          {"deleted", S::cancelled},         {"expired", S::cancelled},
    {"pending", S::unpaid},            {"unpaid", S::unpaid},             {"draft", S::unpaid},
    {"pending_payment", S::unpaid},    {"awaiting_payment", S::unpaid},   {"on_hold", S::unpaid},
    {"checkout_draft", S::unpaid},
};

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Rank for precedence: refunded 3, cancelled 2, unpaid 1, purchase 0.
int rank(OrderStatus s) {
  return s == S::refunded ? 3 : s == S::cancelled ? 2 : s == S::unpaid ? 1 : 0;
}

// Lower case, '_' for ' ' and '-', "wc_" dropped, negated phrases blanked out.
std::string prepare(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  std::string key(text);
  for (char& c : key) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c == ' ' || c == '-' ? '_' : c;
  if (key.starts_with("wc_")) key.erase(0, 3);  // WooCommerce's raw post_status
  for (std::string_view phrase : kNegated) {
    for (size_t at; (at = key.find(phrase)) != std::string::npos;) key.replace(at, phrase.size(), " ");
  }
  return key;
}

OrderStatus scan(const std::string& key, bool refunds_only) {
  OrderStatus found = S::purchase;
  const auto take = [&](OrderStatus s) {
    if ((!refunds_only || s == S::refunded) && rank(s) > rank(found)) found = s;
  };
  for (const Word& w : kEnglish) {
    if (key == w.key) take(w.status);
  }
  for (const Word& w : kChinese) {
    if (key.find(w.key) != std::string::npos) take(w.status);
  }
  std::string_view previous;  // "not cancelled" is no cancellation
  for (size_t i = 0; i < key.size();) {
    if (!is_word_char(key[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < key.size() && is_word_char(key[end])) ++end;
    const std::string_view word = std::string_view(key).substr(i, end - i);
    for (const Word& w : kEnglish) {
      if (word == w.key && previous != "not" && previous != "no") take(w.status);
    }
    previous = word;
    i = end;
  }
  return found;
}

}  // namespace

OrderStatus classify_status(std::string_view text) {
  const std::string key = prepare(text);
  if (key.empty() || key == "交易成功") return S::purchase;
  return scan(key, false);
}

OrderStatus classify_after_sale(std::string_view text) { return scan(prepare(text), true); }

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
