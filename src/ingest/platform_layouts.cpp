#include "ingest/platform_layouts.h"

#include <algorithm>

namespace huike {
namespace {

using R = ColumnRole;
struct RoleNames {
  ColumnRole role;
  std::vector<const char*> names;
};

PlatformLayout layout(const char* key, const char* name, std::vector<const char*> signature,
                      std::vector<RoleNames> roles, AmountLevelHint level) {
  PlatformLayout out{key, name, std::move(signature), {}, level, std::nullopt, nullptr};
  for (RoleNames& r : roles) out.roles[static_cast<int>(r.role)] = std::move(r.names);
  return out;
}

// Header lists as the platforms document them (tests/fixtures/README.md says where
// each list was found). Normalised: "Email (Billing)" is "emailbilling" when the
// whole header is compared and "email" when the part in parentheses is dropped;
// both forms are tried; 帐 is read as 账 (JD writes 下单帐号).
std::vector<PlatformLayout> build() {
  std::vector<PlatformLayout> all;
  const auto L = AmountLevelHint::line;
  const auto O = AmountLevelHint::order;
  PlatformLayout all_orders = layout(
      "amazon_all_orders", "Amazon All Orders report", {"amazonorderid", "merchantorderid", "lastupdateddate"},
      {{R::date, {"purchasedate"}}, {R::amount, {"itemprice"}}, {R::order_id, {"amazonorderid"}},
       {R::quantity, {"quantity"}}, {R::status, {"orderstatus"}}, {R::product, {"productname", "sku"}}},
      L);
  all_orders.refusal_code = ErrorCode::E_AMAZON_ALL_ORDERS;
  all_orders.refusal_message =
      "this is Amazon's All Orders report, which has no buyer column, so customers cannot be told apart. "
      "In Seller Central export Orders > Order Reports > New Orders (the order report with buyer-email and "
      "buyer-name) for the same dates instead, or map a customer column with the column option.";
  all.push_back(std::move(all_orders));
  all.push_back(layout(
      "amazon_order_report", "Amazon order report", {"purchasedate", "quantitypurchased"},
      {{R::customer, {"buyeremail", "buyername", "buyerphonenumber"}}, {R::date, {"purchasedate", "paymentsdate"}},
       {R::amount, {"itemprice"}}, {R::order_id, {"amazonorderid", "orderid"}},
       {R::quantity, {"quantitypurchased"}}, {R::status, {"orderstatus"}},
       {R::product, {"productname", "sku"}}, {R::contact, {"buyerphonenumber"}}},
      L));
  all.push_back(layout(
      "woocommerce_advanced_order_export", "WooCommerce Advanced Order Export", {"emailbilling", "quantityrefund"},
      {{R::customer, {"customeruserid", "customerid", "userid", "emailbilling", "phonebilling"}},
       {R::date, {"orderdate", "datepaid"}}, {R::amount, {"ordertotalamount", "ordertotal"}},
       {R::order_id, {"ordernumber", "orderid"}}, {R::quantity, {"quantityrefund", "quantity"}},
       {R::unit_price, {"itemcost"}}, {R::status, {"orderstatus"}}, {R::product, {"itemname", "sku"}},
       {R::contact, {"phonebilling"}}},
      O));
  all.push_back(layout(
      "woocommerce_order_export", "WooCommerce order export", {"customeruser", "billingemail", "ordertotal"},
      {{R::customer, {"customeruser", "customerid", "billingemail", "billingphone"}},
       {R::date, {"date", "orderdate"}}, {R::amount, {"ordertotal"}}, {R::order_id, {"orderid", "ordernumber"}},
       {R::status, {"status"}}, {R::contact, {"billingphone"}}},
      O));
  all.push_back(layout(
      "shopify", "Shopify orders export", {"name", "email", "financialstatus", "lineitemquantity"},
      {{R::customer, {"email", "billingname"}}, {R::date, {"createdat", "paidat"}}, {R::amount, {"total"}},
       {R::order_id, {"name"}}, {R::quantity, {"lineitemquantity"}}, {R::unit_price, {"lineitemprice"}},
       {R::status, {"financialstatus"}}, {R::product, {"lineitemname"}}, {R::contact, {"phone", "billingphone"}}},
      O));
  all.push_back(layout(
      "square", "Square transactions export", {"transactionid", "grosssales", "netsales"},
      {{R::customer, {"customerid", "customername"}}, {R::date, {"date"}}, {R::amount, {"netsales", "grosssales"}},
       {R::order_id, {"transactionid"}}, {R::product, {"description"}}},
      L));
  all.push_back(layout(
      "pinduoduo", "Pinduoduo 拼多多 order export", {"订单号", "用户实付金额", "商家实收金额"},
      {{R::customer, {"用户购买手机号", "手机", "收货人手机号", "收货人"}},
       {R::date, {"拼单成功时间", "订单成交时间", "成交时间", "支付时间", "订单创建时间"}},
       {R::amount, {"用户实付金额", "商家实收金额"}}, {R::order_id, {"订单号"}}, {R::quantity, {"商品数量"}},
       {R::status, {"订单状态"}}, {R::product, {"商品", "商品名称"}}, {R::contact, {"手机", "收货人手机号"}},
       {R::after_sale, {"售后状态"}}},
      O));
  all.push_back(layout(
      "jd_pop", "JD POP 京东 order export", {"订单号", "下单账号"},
      {{R::customer, {"下单账号"}}, {R::date, {"下单时间", "付款确认时间"}}, {R::amount, {"应付金额", "订单金额"}},
       {R::order_id, {"订单号"}}, {R::quantity, {"订购数量"}}, {R::unit_price, {"京东价"}},
       {R::status, {"订单状态"}}, {R::product, {"商品名称"}}, {R::contact, {"联系电话"}},
       {R::after_sale, {"售后状态", "售后服务"}}},
      O));
  all.push_back(layout(
      "youzan", "Youzan 有赞 order export", {"订单号", "订单实付金额"},
      {{R::customer, {"买家手机号", "会员卡号", "粉丝昵称", "收货人手机号", "收货人手机"}},
       {R::date, {"订单创建时间", "下单时间", "买家付款时间"}}, {R::amount, {"订单实付金额"}},
       {R::order_id, {"订单号"}}, {R::quantity, {"商品数量"}}, {R::unit_price, {"商品单价"}},
       {R::status, {"订单状态"}}, {R::product, {"商品名称"}}, {R::contact, {"收货人手机号", "收货人手机"}},
       {R::after_sale, {"售后状态", "维权状态"}}},
      O));
  all.push_back(layout(
      "douyin", "Douyin 抖店 order export", {"主订单编号", "订单提交时间"},
      {{R::customer, {"收件人手机号", "收件人电话", "收件人"}}, {R::date, {"订单提交时间", "支付完成时间"}},
       {R::amount, {"订单应付金额"}}, {R::order_id, {"主订单编号"}}, {R::quantity, {"商品数量"}},
       {R::unit_price, {"商品金额"}}, {R::status, {"订单状态"}}, {R::product, {"选购商品"}},
       {R::contact, {"收件人手机号"}}, {R::after_sale, {"售后状态"}}},
      O));
  all.push_back(layout(
      "taobao", "Taobao/Tmall 淘宝 千牛 order export", {"买家会员名", "买家实际支付金额"},
      {{R::customer, {"买家会员名"}}, {R::date, {"订单创建时间", "订单付款时间"}},
       {R::amount, {"买家实际支付金额"}}, {R::order_id, {"订单编号"}}, {R::quantity, {"宝贝总数量", "宝贝数量"}},
       {R::status, {"订单状态"}}, {R::product, {"宝贝标题"}}, {R::contact, {"联系手机"}},
       {R::after_sale, {"退款状态"}}},
      O));
  return all;
}

}  // namespace

const std::vector<PlatformLayout>& platform_layouts() {
  static const std::vector<PlatformLayout> all = build();
  return all;
}

const PlatformLayout* detect_platform(const std::vector<std::string>& normalised_header) {
  for (const PlatformLayout& p : platform_layouts()) {
    const bool all_present = std::all_of(p.signature.begin(), p.signature.end(), [&](const char* name) {
      return std::find(normalised_header.begin(), normalised_header.end(), name) != normalised_header.end();
    });
    if (all_present) return &p;
  }
  return nullptr;
}

}  // namespace huike
