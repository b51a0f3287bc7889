#include "ingest/status_words.h"

#include <gtest/gtest.h>

namespace huike {
namespace {

TEST(StatusWords, Classify) {
  struct Case {
    const char* text;
    OrderStatus status;
  } cases[] = {
      // Taobao / Tmall
      {"交易成功", OrderStatus::purchase},
      {"交易关闭", OrderStatus::cancelled},
      {"交易關閉", OrderStatus::cancelled},
      {"等待买家付款", OrderStatus::unpaid},
      {"等待買家付款", OrderStatus::unpaid},
      {"买家已付款，等待卖家发货", OrderStatus::purchase},
      {"买家已付款", OrderStatus::purchase},
      {"等待卖家发货", OrderStatus::purchase},
      {"卖家已发货，等待买家确认", OrderStatus::purchase},
      {"卖家已发货", OrderStatus::purchase},
      {"退款成功", OrderStatus::refunded},
      {"退款中", OrderStatus::purchase},
      {"已退款", OrderStatus::refunded},
      {"已退货", OrderStatus::refunded},
      {"已取消", OrderStatus::cancelled},
      {"取消", OrderStatus::cancelled},
      {"已关闭", OrderStatus::cancelled},
      {"待付款", OrderStatus::unpaid},
      {"未付款", OrderStatus::unpaid},
      {"待支付", OrderStatus::unpaid},
      {"已完成", OrderStatus::purchase},
      // Shopify financial status
      {"pending", OrderStatus::unpaid},
      {"authorized", OrderStatus::purchase},
      {"paid", OrderStatus::purchase},
      {"partially_paid", OrderStatus::purchase},
      {"partially_refunded", OrderStatus::purchase},
      {"refunded", OrderStatus::refunded},
      {"voided", OrderStatus::cancelled},
      {"expired", OrderStatus::cancelled},
      // WooCommerce, as shown and as stored
      {"Pending payment", OrderStatus::unpaid},
      {"Processing", OrderStatus::purchase},
      {"On hold", OrderStatus::unpaid},
      {"on-hold", OrderStatus::unpaid},
      {"wc-on-hold", OrderStatus::unpaid},
      {"Completed", OrderStatus::purchase},
      {"wc-completed", OrderStatus::purchase},
      {"Cancelled", OrderStatus::cancelled},
      {"wc-cancelled", OrderStatus::cancelled},
      {"Refunded", OrderStatus::refunded},
      {"Failed", OrderStatus::cancelled},
      {"checkout-draft", OrderStatus::unpaid},
      // Others, case and spaces
      {"", OrderStatus::purchase},
      {"   ", OrderStatus::purchase},
      {" CANCELED ", OrderStatus::cancelled},
      {"canceled", OrderStatus::cancelled},
      {"Returned", OrderStatus::refunded},
      {"UNPAID", OrderStatus::unpaid},
      {"fulfilled", OrderStatus::purchase},
      {"shipped", OrderStatus::purchase},
      {"Partially Refunded", OrderStatus::purchase},
      {"cancelled because the customer asked for it twice", OrderStatus::cancelled},  // a word anywhere
      {"not cancelled", OrderStatus::purchase},
      // Compound statuses: the word anywhere in the text (issue 11)
      {"未发货，退款成功", OrderStatus::refunded},         // Pinduoduo
      {"已发货，待收货", OrderStatus::purchase},
      {"(删除)等待出库", OrderStatus::cancelled},          // JD POP, deleted
      {"(删除)等待确认收货", OrderStatus::cancelled},
      {"等待出库", OrderStatus::purchase},
      {"完成", OrderStatus::purchase},
      {"退款成功，交易关闭", OrderStatus::refunded},       // refunded outranks cancelled
      {"交易关闭(未付款)", OrderStatus::cancelled},
      {"退款关闭", OrderStatus::purchase},                 // a refund that did not happen
      {"卖家已发货，拒绝退款", OrderStatus::purchase},
      {"Pending", OrderStatus::unpaid},                    // Amazon
      {"Shipped", OrderStatus::purchase},
      {"Unshipped", OrderStatus::purchase},
      {"Shipped - Delivered to Buyer", OrderStatus::purchase},
      {"Order Cancelled", OrderStatus::cancelled},
      {"Deleted", OrderStatus::cancelled},
      {"作废", OrderStatus::cancelled},
  };
  for (const Case& c : cases) EXPECT_EQ(classify_status(c.text), c.status) << '"' << c.text << '"';
}

TEST(StatusWords, AfterSaleColumnOnlyCompletedRefunds) {
  struct Case {
    const char* text;
    OrderStatus status;
  } cases[] = {
      {"退款成功", OrderStatus::refunded},  {"退货退款成功", OrderStatus::refunded},
      {"已退款", OrderStatus::refunded},    {"退款中", OrderStatus::purchase},
      {"退款关闭", OrderStatus::purchase},  {"售后关闭", OrderStatus::purchase},
      {"已关闭", OrderStatus::purchase},    {"取消", OrderStatus::purchase},
      {"无售后", OrderStatus::purchase},    {"", OrderStatus::purchase},
      {"待付款", OrderStatus::purchase},    {"refunded", OrderStatus::refunded},
  };
  for (const Case& c : cases) EXPECT_EQ(classify_after_sale(c.text), c.status) << '"' << c.text << '"';
}

TEST(StatusWords, ReasonKeys) {
  EXPECT_STREQ(status_reason_key(OrderStatus::cancelled), "status_cancelled");
  EXPECT_STREQ(status_reason_key(OrderStatus::refunded), "status_refunded");
  EXPECT_STREQ(status_reason_key(OrderStatus::unpaid), "status_unpaid");
  EXPECT_STREQ(status_reason_key(OrderStatus::purchase), "");
}

}  // namespace
}  // namespace huike
