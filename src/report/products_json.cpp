#include "report/products_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "ingest/date_parse.h"
#include "report/customer_csv.h"
#include "session_options.h"

namespace huike {

using nlohmann::json;

namespace {

constexpr size_t kTopPerRole = 5;

double rounded(double v, int places) {
  const double scale = places == 2 ? 100 : 10000;
  return std::round(v * scale) / scale;
}
json number_or_null(double v, int places) { return std::isfinite(v) ? json(rounded(v, places)) : json(); }

// The table's columns: name, decimals (-1 text, 0 integer), value.
struct ProductColumn {
  const char* name;
  int places;
  double (*value)(const ProductFigures& f);
};
const ProductColumn kColumns[] = {
    {"orders", 0, [](const ProductFigures& f) { return double(f.orders); }},
    {"units", 2, [](const ProductFigures& f) { return f.units; }},
    {"revenue", 2, [](const ProductFigures& f) { return f.revenue; }},
    {"buyers", 0, [](const ProductFigures& f) { return double(f.buyers); }},
    {"first_order_buyers", 0, [](const ProductFigures& f) { return double(f.first_order_buyers); }},
    {"first_buyer_repeat_rate", 4, [](const ProductFigures& f) { return f.repeat_rate_of_first_buyers(); }},
    {"repeat_buyer_share", 4, [](const ProductFigures& f) { return f.repeat_buyer_share(); }},
    {"average_unit_price", 2, [](const ProductFigures& f) { return f.average_unit_price(); }},
    {"revenue_recent", 2, [](const ProductFigures& f) { return f.revenue_recent; }},
    {"revenue_previous", 2, [](const ProductFigures& f) { return f.revenue_previous; }},
    {"growth", 4, [](const ProductFigures& f) { return f.growth(); }},
    {"recent_orders", 0, [](const ProductFigures& f) { return double(f.recent_orders); }},
};

std::string name_of(const OrderTable& orders, const ProductFigures& f) {
  return std::string(orders.products.names.at(f.product));
}

// Sold products by revenue (desc), then name, optionally of one role.
std::vector<const ProductFigures*> sold(const ProductRolesResult& roles, int role = -1) {
  std::vector<const ProductFigures*> out;
  for (const ProductFigures& f : roles.products) {
    if (f.orders > 0 && (role < 0 || static_cast<int>(f.role) == role)) out.push_back(&f);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ProductFigures* a, const ProductFigures* b) { return a->revenue > b->revenue; });
  return out;
}

json settings_json(const ProductRolesOptions& o) {
  return {{"product_min_orders", o.min_orders},
          {"profit_top_share", o.profit_top_share},
          {"median_min_buyers", o.median_min_buyers},
          {"traffic_top_share", o.traffic_top_share},
          {"potential_min_orders", o.potential_min_orders},
          {"potential_days", o.potential_days},
          {"potential_growth", o.potential_growth},
          {"growth_window_days", o.growth_window_days},
          {"edge_bottom_share", o.edge_bottom_share}};
}

void append_number(std::string& out, double v, int places) {
  if (!std::isfinite(v)) return;
  char buffer[64];
  out.append(buffer, std::snprintf(buffer, sizeof buffer, "%.*f", places, places ? rounded(v, places) : v));
}

}  // namespace

json product_json(const OrderTable& orders, const ProductFigures& f) {
  json out = {{"product", name_of(orders, f)}, {"role", product_role_key(f.role)}};
  for (const ProductColumn& c : kColumns) out[c.name] = c.places ? number_or_null(c.value(f), c.places) : json(c.value(f));
  for (const char* key : {"orders", "buyers", "first_order_buyers", "recent_orders"}) {
    out[key] = out[key].get<uint64_t>();
  }
  out["new"] = f.is_new();
  return out;
}

json products_json(const OrderTable& orders, const ProductRolesResult& roles) {
  json out = {{"settings", settings_json(roles.options)}, {"available", roles.available}};
  if (!roles.available) {
    out["reason"] = orders.products.has_product_column ? "no_products" : "no_product_column";
    return out;
  }
  out["as_of"] = format_day(roles.as_of_day);
  out["products"] = roles.sold;
  out["classified"] = roles.classified;
  out["has_quantity_column"] = orders.products.has_quantity_column;
  out["lines_without_quantity"] = orders.products.lines_without_quantity;
  out["lines_without_product"] = orders.products.lines_without_product;
  out["cuts"] = {{"repeat_share_median", number_or_null(roles.repeat_share_median, 4)},
                 {"repeat_share_median_products", roles.repeat_share_median_products},
                 {"unit_price_median", number_or_null(roles.unit_price_median, 2)},
                 {"profit_revenue_cut", number_or_null(roles.profit_revenue_cut, 2)},
                 {"traffic_first_buyers_cut", number_or_null(roles.traffic_first_buyers_cut, 0)},
                 {"edge_revenue_cut", number_or_null(roles.edge_revenue_cut, 2)}};
  json by_role = json::object();
  for (int role = 0; role < kProductRoleCount; ++role) {
    json top = json::array();
    const auto list = sold(roles, role);
    for (size_t i = 0; i < list.size() && i < kTopPerRole; ++i) top.push_back(product_json(orders, *list[i]));
    by_role[product_role_key(static_cast<ProductRole>(role))] = {{"count", roles.role_counts[role]}, {"top", top}};
  }
  out["roles"] = by_role;
  out["audience"] = {{"customers", roles.audience.size()},
                     {"median_order_value", number_or_null(roles.median_order_value, 2)}};
  return out;
}

json products_page(const OrderTable& orders, const ProductRolesResult& roles, const json& query) {
  if (!query.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "query must be an object");
  const std::string sort = option_or<std::string>(query, "sort", "revenue");
  const std::string role_key = option_or<std::string>(query, "role", "");
  int role = -1;
  for (int r = 0; r < kProductRoleCount; ++r) {
    if (role_key == product_role_key(static_cast<ProductRole>(r))) role = r;
  }
  if (!role_key.empty() && role < 0) throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown product role '" + role_key + "'");
  const ProductColumn* column = nullptr;
  for (const ProductColumn& c : kColumns) {
    if (sort == c.name) column = &c;
  }
  if (!column && sort != "product") {
    std::string names = "product";
    for (const ProductColumn& c : kColumns) names += std::string(", ") + c.name;
    throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown product sort key '" + sort + "'; one of " + names);
  }
  const bool descending = option_or<bool>(query, "descending", true);
  const uint64_t offset = option_or<uint64_t>(query, "offset", 0);
  const uint64_t limit = std::min<uint64_t>(option_or<uint64_t>(query, "limit", 50), 1000);
  std::vector<const ProductFigures*> list = sold(roles, role);
  // A missing value (NaN) sorts below every number.
  const auto key = [&](const ProductFigures* f) {
    const double v = column->value(*f);
    return std::isfinite(v) ? v : -1e300;
  };
  std::stable_sort(list.begin(), list.end(), [&](const ProductFigures* a, const ProductFigures* b) {
    if (descending) std::swap(a, b);
    if (!column) return orders.products.names.at(a->product) < orders.products.names.at(b->product);
    return key(a) < key(b);
  });
  json rows = json::array();
  for (uint64_t i = offset; i < list.size() && i < offset + limit; ++i) rows.push_back(product_json(orders, *list[i]));
  return {{"total", list.size()}, {"offset", offset}, {"rows", rows}};
}

std::string products_csv(const OrderTable& orders, const ProductRolesResult& roles) {
  std::string out(kUtf8Bom);
  out += "product,role";
  for (const ProductColumn& c : kColumns) out += std::string(",") + c.name;
  out += ",new\r\n";
  for (const ProductFigures* f : sold(roles)) {
    append_csv_cell(out, name_of(orders, *f));
    out += std::string(",") + product_role_key(f->role);
    for (const ProductColumn& c : kColumns) {
      out += ',';
      append_number(out, c.value(*f), c.places);
    }
    out += f->is_new() ? ",yes\r\n" : ",no\r\n";
  }
  return out;
}

std::string audience_csv(const OrderTable& orders, const ShopAnalysis& shop, const ProductRolesResult& roles,
                         const MemberDirectory* members) {
  std::string out(kUtf8Bom);
  out += "customer_id,order_value,last_purchase,recency_days,status,products,phone,email,channel\r\n";
  for (size_t i = 0; i < roles.audience.size(); ++i) {
    const uint32_t c = roles.audience[i];
    const CustomerMetrics& m = shop.customers[c];
    append_csv_cell(out, orders.customer_id(c));
    out += ',';
    append_number(out, m.gross, 2);
    out += ',' + format_day(m.last_day) + ',' + std::to_string(m.recency_days(shop.as_of_day)) + ',' + churn_status_key(m.status) + ',';
    std::string products;
    for (uint32_t p : roles.products_of_member(i)) {
      products += (products.empty() ? "" : " / ") + std::string(orders.products.names.at(p));
    }
    append_csv_cell(out, products);
    const CustomerContact contact = customer_contact(orders, c, members);
    out += ',';
    append_csv_cell(out, contact.phone);
    out += ',';
    append_csv_cell(out, contact.email);
    out += std::string(",") + channel_key(contact.channel) + "\r\n";
  }
  return out;
}

}  // namespace huike
