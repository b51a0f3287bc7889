#include "analysis/product_roles.h"

#include <algorithm>
#include <cmath>

namespace huike {

const char* product_role_key(ProductRole role) {
  static const char* const keys[kProductRoleCount] = {"profit", "traffic", "potential", "edge", "regular",
                                                      "too_few_orders"};
  return keys[static_cast<int>(role)];
}

double ProductFigures::repeat_rate_of_first_buyers() const {
  return first_order_buyers ? static_cast<double>(first_order_repeaters) / first_order_buyers : NAN;
}
double ProductFigures::repeat_buyer_share() const {
  return buyers ? static_cast<double>(repeat_buyers) / buyers : NAN;
}
double ProductFigures::average_unit_price() const { return units > 0 ? revenue / units : NAN; }
double ProductFigures::growth() const {
  return revenue_previous > 0 ? (revenue_recent - revenue_previous) / revenue_previous : NAN;
}

namespace {

double median_or_nan(std::vector<double> values) {
  if (values.empty()) return NAN;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  if (values.size() % 2) return values[mid];
  return (*std::max_element(values.begin(), values.begin() + mid) + values[mid]) / 2;
}

// Membership of a top (or bottom) share with ties at the edge all in; `cut` gets the
// last value inside.
struct ShareRule {
  std::vector<double> sorted;  // ascending
  double share;
  bool in_top(double v) const {
    const size_t above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), v);
    return static_cast<double>(above) < share * sorted.size();
  }
  bool in_bottom(double v) const {
    const size_t below = std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin();
    return static_cast<double>(below) < share * sorted.size();
  }
  double top_cut() const {
    double cut = NAN;
    for (auto it = sorted.rbegin(); it != sorted.rend() && in_top(*it); ++it) cut = *it;
    return cut;
  }
  double bottom_cut() const {
    double cut = NAN;
    for (auto it = sorted.begin(); it != sorted.end() && in_bottom(*it); ++it) cut = *it;
    return cut;
  }
};

void count_figures(const OrderTable& table, const ShopAnalysis& shop, int32_t cutoff,
                   const ProductRolesOptions& options, ProductRolesResult& out) {
  const int32_t as_of = shop.as_of_day;
  // Per customer, compact (the metrics are 40 bytes a customer, a cache miss each):
  // first purchase day × 2, + 1 when they bought again on a later day.
  std::vector<int32_t> first_day_and_repeat(shop.customers.size());
  for (size_t c = 0; c < shop.customers.size(); ++c) {
    const CustomerMetrics& m = shop.customers[c];
    first_day_and_repeat[c] = m.first_day * 2 + (m.last_day > m.first_day);
  }
  const ProductLines& products = table.products;
  for (uint32_t p = 0; p + 1 < products.begin.size(); ++p) {
    ProductFigures& f = out.products[p];
    f.product = p;
    uint32_t customer = UINT32_MAX;
    int32_t previous_day = INT32_MIN;
    uint32_t days = 0;
    bool first_day = false;
    const auto close_customer = [&] {
      if (customer == UINT32_MAX || days == 0) return;
      ++f.buyers;
      f.repeat_buyers += days >= 2;
      if (first_day) {
        ++f.first_order_buyers;
        f.first_order_repeaters += first_day_and_repeat[customer] & 1;
      }
    };
    int32_t customer_first_day = 0;
    for (uint32_t k = products.begin[p]; k < products.begin[p + 1]; ++k) {
      const ProductLine line = products.line(k);
      if (line.customer != customer) {
        close_customer();
        customer = line.customer;
        customer_first_day = first_day_and_repeat[customer] >> 1;
        previous_day = INT32_MIN;
        days = 0;
        first_day = false;
      }
      if (line.day >= cutoff) continue;
      if (line.day != previous_day) ++days;
      previous_day = line.day;
      first_day |= line.day == customer_first_day;
      if (line.first_of_order) {
        ++f.orders;
        f.recent_orders += line.day >= as_of - options.potential_days;
      }
      f.units += line.quantity;
      f.revenue += line.revenue;
      if (line.day >= as_of - options.growth_window_days) f.revenue_recent += line.revenue;
      else if (line.day >= as_of - 2 * options.growth_window_days) f.revenue_previous += line.revenue;
    }
    close_customer();
  }
}

void find_audience(const OrderTable& table, const ShopAnalysis& shop, int32_t cutoff, double median_order_value,
                   ProductRolesResult& out) {
  out.median_order_value = median_order_value;
  const uint32_t customers = table.customer_count();
  // Who may join, one byte a customer: the lines below visit customers at random.
  std::vector<uint8_t> eligible(customers, 0);
  for (uint32_t c = 0; c < customers; ++c) {
    const CustomerMetrics& m = shop.customers[c];
    const bool lapsed = m.status == ChurnStatus::at_risk || m.status == ChurnStatus::churned;
    eligible[c] = m.analysed && lapsed && m.frequency == 1 && m.gross <= out.median_order_value;
  }
  // Calls `add(customer, p)` once per eligible customer and traffic/edge product p bought
  // before the cut-off, p ascending (a customer's lines of a product are together).
  const ProductLines& lines = table.products;
  const auto each_purchase = [&](auto add) {
    for (uint32_t p = 0; p + 1 < lines.begin.size(); ++p) {
      const ProductRole role = out.products[p].role;
      if (role != ProductRole::traffic && role != ProductRole::edge) continue;
      uint32_t previous = UINT32_MAX;
      for (uint32_t k = lines.begin[p]; k < lines.begin[p + 1]; ++k) {
        const uint32_t c = lines.customer[k];
        if (c == previous || lines.day[k] >= cutoff || !eligible[c]) continue;
        add(c, p);
        previous = c;
      }
    }
  };
  // Counted first, then filled: members by customer index, one list for all.
  std::vector<uint32_t> next(customers + 1, 0);
  each_purchase([&](uint32_t c, uint32_t) { ++next[c + 1]; });
  out.audience_begin.push_back(0);
  for (uint32_t c = 0; c < customers; ++c) {
    if (next[c + 1] == 0) continue;
    out.audience.push_back(c);
    out.audience_begin.push_back(out.audience_begin.back() + next[c + 1]);
  }
  for (uint32_t c = 0; c < customers; ++c) next[c + 1] += next[c];
  out.audience_products.resize(out.audience_begin.back());
  each_purchase([&](uint32_t c, uint32_t p) { out.audience_products[next[c]++] = p; });
}

}  // namespace

ProductRolesResult product_roles(const OrderTable& table, const ShopAnalysis& shop, const ProductRolesOptions& options) {
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  std::vector<double> values;
  values.reserve(table.orders.size());
  for (const Order& order : table.orders) {
    if (order.amount >= 0 && order.day < cutoff) values.push_back(order.amount);
  }
  return classify_products(table, shop, product_figures(table, shop, options), median_or_nan(std::move(values)), options);
}

std::vector<ProductFigures> product_figures(const OrderTable& table, const ShopAnalysis& shop,
                                            const ProductRolesOptions& options) {
  ProductRolesResult out;
  if (!table.products.has_product_column || table.products.names.size() == 0) return {};
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  out.products.resize(table.products.names.size());
  count_figures(table, shop, cutoff, options, out);
  return std::move(out.products);
}

ProductRolesResult classify_products(const OrderTable& table, const ShopAnalysis& shop, std::vector<ProductFigures> figures,
                                     double median_order_value, const ProductRolesOptions& options) {
  ProductRolesResult out;
  out.options = options;
  out.as_of_day = shop.as_of_day;
  out.available = table.products.has_product_column && table.products.names.size() > 0;
  if (!out.available) return out;
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  out.products = std::move(figures);

  std::vector<double> shares, prices;
  ShareRule revenue_top{{}, options.profit_top_share}, first_top{{}, options.traffic_top_share};
  ShareRule revenue_bottom{{}, options.edge_bottom_share};
  for (ProductFigures& f : out.products) {
    if (f.orders < options.min_orders) {
      f.role = ProductRole::too_few_orders;
      continue;
    }
    ++out.classified;
    revenue_top.sorted.push_back(f.revenue);
    first_top.sorted.push_back(f.first_order_buyers);
    if (f.buyers >= options.median_min_buyers) shares.push_back(f.repeat_buyer_share());
    if (f.units > 0) prices.push_back(f.average_unit_price());
  }
  for (ShareRule* rule : {&revenue_top, &first_top}) std::sort(rule->sorted.begin(), rule->sorted.end());
  revenue_bottom.sorted = revenue_top.sorted;
  out.repeat_share_median_products = static_cast<uint32_t>(shares.size());
  out.repeat_share_median = median_or_nan(std::move(shares));
  out.unit_price_median = median_or_nan(std::move(prices));
  out.profit_revenue_cut = revenue_top.top_cut();
  out.traffic_first_buyers_cut = first_top.top_cut();
  out.edge_revenue_cut = revenue_bottom.bottom_cut();

  for (ProductFigures& f : out.products) {
    if (f.role != ProductRole::too_few_orders) {
      const double share = f.repeat_buyer_share();
      const double growth = f.growth();
      // NaN comparisons are false: a rule whose median is missing never applies.
      if (revenue_top.in_top(f.revenue) && share >= out.repeat_share_median) {
        f.role = ProductRole::profit;
      } else if (first_top.in_top(f.first_order_buyers) && f.average_unit_price() <= out.unit_price_median) {
        f.role = ProductRole::traffic;
      } else if (f.recent_orders >= options.potential_min_orders && (f.is_new() || growth >= options.potential_growth)) {
        f.role = ProductRole::potential;
      } else if (revenue_bottom.in_bottom(f.revenue) && share < out.repeat_share_median) {
        f.role = ProductRole::edge;
      } else {
        f.role = ProductRole::regular;
      }
    }
    if (f.orders == 0) continue;  // bought only in returns: not listed
    ++out.sold;
    ++out.role_counts[static_cast<int>(f.role)];
  }
  find_audience(table, shop, cutoff, median_order_value, out);
  return out;
}

}  // namespace huike
