#include "ingest/column_roles.h"

#include <algorithm>
#include <initializer_list>

#include "ingest/amount_parse.h"
#include "ingest/date_parse.h"
#include "ingest/platform_layouts.h"

namespace huike {

// Lowercase ASCII, drop blanks and punctuation, so "Customer ID ", "customer_id" and
// "CustomerID" compare equal; Chinese text is kept as is. With `drop_parenthetical`, a
// part in parentheses goes too: "用户实付金额(元)", "Email (Billing)", "Quantity (- Refund)".
std::string normalise_header(std::string_view header, bool drop_parenthetical) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    const unsigned char c = header[i];
    // ( ) and the full-width （ ） (U+FF08/U+FF09, EF BC 88/89).
    const bool open = c == '(' || header.substr(i, 3) == "\xEF\xBC\x88";
    const bool close = c == ')' || header.substr(i, 3) == "\xEF\xBC\x89";
    if (c >= 0x80 && (open || close)) i += 2;
    if (drop_parenthetical && open) ++depth;
    if (drop_parenthetical && close && depth > 0) --depth;
    if (open || close || depth > 0) continue;
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out.push_back(static_cast<char>(c));
  }
  // A UTF-8 BOM that survived, or full-width spaces (U+3000) are not part of a name.
  for (std::string_view junk : {"\xEF\xBB\xBF", "\xE3\x80\x80"}) {
    for (size_t at; (at = out.find(junk)) != std::string::npos;) out.erase(at, junk.size());
  }
  // 帐 and 账 are both written for "account" (JD: 下单帐号).
  for (size_t at; (at = out.find("帐")) != std::string::npos;) out.replace(at, 3, "账");
  return out;
}

namespace {

std::string normalise(std::string_view header, bool drop_parenthetical) {
  return normalise_header(header, drop_parenthetical);
}

using Aliases = std::initializer_list<const char*>;

// Best first. Simplified and traditional Chinese; Taobao/Tmall, Shopify, WooCommerce,
// UCI and CDNOW spellings.
const Aliases& aliases(ColumnRole role) {
  static const Aliases customer = {
      "customerid", "customer", "customerno", "customernumber", "customercode", "clientid",
      "client", "buyerid", "buyer", "buyernick", "buyername", "memberid", "member", "memberno",
      "userid", "user", "username", "masterid", "customeruserid", "customeruser",
      "buyeremail", "下单账号", "买家会员名", "买家会员名称", "买家昵称", "买家id", "买家账号", "会员id", "会员名", "会员编号",
      "会员卡号", "会员账号", "客户编号", "客户id", "客户名称", "客户代码", "客户", "顾客id", "顾客编号",
      "用户id", "用户名", "買家會員名", "買家暱稱", "買家id", "會員id", "會員名", "會員編號", "會員卡號",
      "客戶編號", "客戶id", "客戶名稱", "客戶", "顧客id", "顧客編號", "用戶id", "用戶名",
      "email", "customeremail", "billingemail", "emailaddress", "邮箱", "電子郵件", "电子邮件",
      "phone", "mobile", "手机号", "手机号码", "手机", "联系手机", "买家手机号", "用户购买手机号", "收货人手机号",
      "收件人手机号", "联系电话", "收货人手机", "手機號", "手機號碼", "手機", "聯繫電話"};
  static const Aliases date = {
      "orderdate", "invoicedate", "createdat", "orderedat", "ordercreated", "purchasedate",
      "transactiondate", "订单提交时间", "拼单成功时间", "date", "paidat", "paymentdate", "datetime", "time", "timestamp",
      "订单创建时间", "下单时间", "创建时间", "订单日期", "购买日期", "交易时间", "成交时间", "付款时间",
      "订单付款时间", "支付时间", "日期", "时间", "訂單創建時間", "下單時間", "建立時間", "創建時間",
      "訂單日期", "購買日期", "交易時間", "成交時間", "付款時間", "訂單付款時間", "支付時間", "時間"};
  static const Aliases amount = {
      "amount", "total", "ordertotal", "totalamount", "ordertotalamount", "grandtotal", "sales",
      "revenue", "dollarvalue", "paidamount", "payment", "netsales", "totalsales", "value",
      "subtotal", "实付金额", "用户实付金额", "订单实付金额", "订单应付金额", "应付金额", "买家实际支付金额", "实际支付金额", "支付金额", "付款金额", "订单金额",
      "成交金额", "交易金额", "消费金额", "销售额", "总金额", "金额", "實付金額", "買家實際支付金額",
      "實際支付金額", "支付金額", "付款金額", "訂單金額", "成交金額", "交易金額", "消費金額", "銷售額",
      "總金額", "金額"};
  static const Aliases order_id = {
      "orderid", "orderno", "ordernumber", "order", "invoice", "invoiceno", "invoicenumber",
      "transactionid", "receiptno", "receipt", "name", "订单编号", "订单号", "订单id", "主订单编号",
      "amazonorderid", "交易号", "交易编号", "单号", "流水号", "訂單編號", "訂單號", "訂單id", "交易號", "交易編號", "單號"};
  static const Aliases quantity = {
      "quantity", "qty", "numberofcds", "cds", "units", "lineitemquantity", "quantitypurchased", "count", "数量",
      "订购数量",
      "购买数量", "商品数量", "宝贝数量", "數量", "購買數量", "商品數量"};
  static const Aliases unit_price = {
      "unitprice", "price", "lineitemprice", "itemprice", "单价", "商品单价", "价格", "單價",
      "商品單價", "價格"};
  static const Aliases status = {
      "status", "orderstatus", "financialstatus", "paymentstatus", "订单状态", "交易状态", "状态",
      "訂單狀態", "交易狀態", "狀態"};
  static const Aliases after_sale = {"售后状态", "退款状态", "维权状态", "aftersalestatus", "refundstatus",
                                     "售後狀態", "退款狀態"};
  static const Aliases product = {
      "product", "productname", "description", "stockcode", "sku", "item", "lineitemname",
      "category", "宝贝标题", "商品名称", "商品", "类目", "商品编码", "寶貝標題", "商品名稱", "類目"};
  static const Aliases contact = {
      "phone", "mobile", "email", "手机", "手机号", "联系手机", "收货人手机", "电话", "联系电话", "手機", "電話", "聯繫電話"};
  // Seed 004's promotional orders; platform spellings (Shopify Discount Code, Pinduoduo
  // 店铺优惠折扣(元), Amazon item-promotion-discount, Square Discounts).
  static const Aliases promotion = {
      "discount", "discountcode", "discountamount", "discounts", "coupon", "couponcode", "promotion", "promocode",
      "campaign", "itempromotiondiscount", "优惠", "优惠金额", "优惠券", "活动", "促销", "店铺优惠折扣", "优惠折扣",
      "促销活动", "優惠", "優惠金額", "優惠券", "促銷"};
  switch (role) {
    case ColumnRole::promotion: return promotion;
    case ColumnRole::customer: return customer;
    case ColumnRole::date: return date;
    case ColumnRole::amount: return amount;
    case ColumnRole::order_id: return order_id;
    case ColumnRole::quantity: return quantity;
    case ColumnRole::unit_price: return unit_price;
    case ColumnRole::status: return status;
    case ColumnRole::product: return product;
    case ColumnRole::contact: return contact;
    case ColumnRole::after_sale: return after_sale;
  }
  return customer;
}

bool is_number_like(std::string_view text) {
  double value;
  return parse_amount(text, value);
}

}  // namespace

int header_match(ColumnRole role, std::string_view header) {
  const std::string name = normalise(header, false);
  if (name.empty()) return 0;
  const Aliases& list = aliases(role);
  int rank = static_cast<int>(list.size());
  for (const char* alias : list) {
    if (name == alias) return rank;
    --rank;
  }
  const std::string bare = normalise(header, true);
  return bare != name ? header_match(role, bare) : 0;
}

std::array<int, kColumnRoleCount> roles_from_header(const std::vector<std::string>& header,
                                                     const PlatformLayout** platform) {
  // Both spellings of every header: whole, and without its part in parentheses.
  std::vector<std::string> names, bare;
  for (const std::string& h : header) {
    names.push_back(normalise(h, false));
    bare.push_back(normalise(h, true));
  }
  std::vector<std::string> both = names;
  both.insert(both.end(), bare.begin(), bare.end());
  const PlatformLayout* layout = detect_platform(both);
  if (platform) *platform = layout;

  // A platform's own names outrank every generic alias.
  const auto match = [&](int role, size_t col) {
    if (layout) {
      const auto& own = layout->roles[role];
      for (size_t i = 0; i < own.size(); ++i) {
        if (names[col] == own[i] || bare[col] == own[i]) return 10000 - static_cast<int>(i);
      }
    }
    return header_match(static_cast<ColumnRole>(role), header[col]);
  };
  std::array<int, kColumnRoleCount> columns;
  columns.fill(-1);
  std::vector<bool> taken(header.size(), false);
  for (int role = 0; role < kColumnRoleCount; ++role) {
    int best = 0;
    for (size_t col = 0; col < header.size(); ++col) {
      if (taken[col]) continue;
      const int score = match(role, col);
      if (score > best) {
        best = score;
        columns[role] = static_cast<int>(col);
      }
    }
    if (columns[role] >= 0) taken[columns[role]] = true;
  }
  return columns;
}

bool looks_like_header(const std::vector<std::string>& first_row) {
  int names = 0, values = 0;
  for (const std::string& cell : first_row) {
    for (int role = 0; role < kColumnRoleCount; ++role) {
      if (header_match(static_cast<ColumnRole>(role), cell) > 0) {
        ++names;
        break;
      }
    }
    ParsedDate date;
    if (is_number_like(cell) || parse_date(cell, date)) ++values;
  }
  return names > 0 || values * 2 < static_cast<int>(first_row.size());
}

std::array<int, kColumnRoleCount> roles_from_values(const std::vector<std::vector<std::string>>& rows) {
  std::array<int, kColumnRoleCount> columns;
  columns.fill(-1);
  if (rows.empty()) return columns;
  const size_t width = rows.front().size();
  std::vector<int> dates(width, 0), numbers(width, 0), decimals(width, 0), filled(width, 0);
  for (const auto& row : rows) {
    for (size_t col = 0; col < std::min(width, row.size()); ++col) {
      const std::string& cell = row[col];
      if (cell.empty()) continue;
      ++filled[col];
      ParsedDate date;
      // A date column is written as a date: with separators, or 8-digit YYYYMMDD.
      const bool digits_only = std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (parse_date(cell, date) && (!digits_only || cell.size() == 8)) ++dates[col];
      if (is_number_like(cell)) {
        ++numbers[col];
        if (cell.find('.') != std::string::npos) ++decimals[col];
      }
    }
  }
  const int n = static_cast<int>(rows.size());
  const auto most = [n](int count) { return count * 10 >= n * 9; };
  for (size_t col = 0; col < width; ++col) {
    if (columns[static_cast<int>(ColumnRole::date)] < 0 && most(dates[col])) {
      columns[static_cast<int>(ColumnRole::date)] = static_cast<int>(col);
    }
  }
  for (size_t col = 0; col < width; ++col) {
    if (static_cast<int>(col) == columns[static_cast<int>(ColumnRole::date)]) continue;
    if (columns[static_cast<int>(ColumnRole::customer)] < 0 && most(filled[col]) && decimals[col] == 0) {
      columns[static_cast<int>(ColumnRole::customer)] = static_cast<int>(col);
    }
  }
  // Amount: the last numeric column with decimals; a whole-number column before it is a quantity.
  for (size_t col = width; col-- > 0;) {
    const int c = static_cast<int>(col);
    if (c == columns[0] || c == columns[1]) continue;
    if (columns[static_cast<int>(ColumnRole::amount)] < 0 && most(numbers[col]) && decimals[col] > 0) {
      columns[static_cast<int>(ColumnRole::amount)] = c;
    } else if (columns[static_cast<int>(ColumnRole::amount)] >= 0 &&
               columns[static_cast<int>(ColumnRole::quantity)] < 0 && most(numbers[col]) && decimals[col] == 0) {
      columns[static_cast<int>(ColumnRole::quantity)] = c;
    }
  }
  return columns;
}

std::string role_examples(ColumnRole role) {
  switch (role) {
    case ColumnRole::customer: return "customer_id, Customer ID, Email, buyer, 买家会员名, 会员ID, 客户编号, 手机号";
    case ColumnRole::date: return "order_date, InvoiceDate, Created at, 订单创建时间, 付款时间, 下单时间";
    case ColumnRole::amount: return "amount, Total, sales, 实付金额, 买家实际支付金额, 订单金额 (or Quantity + Price)";
    default: return "";
  }
}

}  // namespace huike
