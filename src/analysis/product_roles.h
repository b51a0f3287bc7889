#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/customer_analysis.h"
#include "model/order_table.h"

namespace huike {

// Product roles (seed 003). Every threshold is a setting.
struct ProductRolesOptions {
  uint32_t min_orders = 5;              // fewer: too_few_orders, not classified
  double profit_top_share = 0.2;        // top share by revenue
  uint32_t median_min_buyers = 10;      // the repeat-buyer-share median is over these products
  double traffic_top_share = 0.2;       // top share by first-order buyers
  uint32_t potential_min_orders = 10;   // orders in the last potential_days
  int32_t potential_days = 180;
  double potential_growth = 0.5;        // growth at or above (+50%)
  int32_t growth_window_days = 90;      // revenue in the last window vs the one before
  double edge_bottom_share = 0.5;       // bottom share by revenue
};

enum class ProductRole : uint8_t { profit, traffic, potential, edge, regular, too_few_orders };
constexpr int kProductRoleCount = 6;
const char* product_role_key(ProductRole role);

struct ProductFigures {
  uint32_t product = 0;
  uint32_t orders = 0, buyers = 0, first_order_buyers = 0, first_order_repeaters = 0, repeat_buyers = 0;
  uint32_t recent_orders = 0;            // in the last potential_days
  double units = 0, revenue = 0;
  double revenue_recent = 0, revenue_previous = 0;  // the last growth window, the one before
  double repeat_rate_of_first_buyers() const;       // NaN without first-order buyers
  double repeat_buyer_share() const;                // NaN without buyers
  double average_unit_price() const;                // NaN without units
  double growth() const;                            // NaN when the window before had no revenue
  bool is_new() const { return revenue_previous <= 0 && revenue_recent > 0; }
  ProductRole role = ProductRole::regular;
};

struct ProductRolesResult {
  ProductRolesOptions options;
  bool available = false;                // the file has a product column with products
  int32_t as_of_day = 0;
  std::vector<ProductFigures> products;  // by product index
  uint32_t sold = 0;                     // products with a purchase order (the rest only in returns)
  uint32_t classified = 0;               // products with min_orders or more
  // The cuts the rules use (NaN when there is nothing to take them over).
  double repeat_share_median = NAN;      // over classified products with median_min_buyers+
  uint32_t repeat_share_median_products = 0;
  double unit_price_median = NAN;        // over classified products
  double profit_revenue_cut = NAN;       // lowest revenue in the top share
  double traffic_first_buyers_cut = NAN; // lowest first-order buyers in the top share
  double edge_revenue_cut = NAN;         // highest revenue in the bottom share
  std::array<uint32_t, kProductRoleCount> role_counts{};  // of the sold products
  // Lapsed (at_risk or churned) customers with exactly one order, whose value is at or below
  // the median purchase order value, who bought a traffic or edge product.
  double median_order_value = NAN;
  std::vector<uint32_t> audience;        // customers, by customer index
  // Member i's traffic/edge products: audience_products[audience_begin[i] .. audience_begin[i+1]),
  // one list for all (a vector each was 32 MB at 10M rows, issue 14).
  std::vector<uint32_t> audience_begin, audience_products;
  std::span<const uint32_t> products_of_member(size_t i) const {
    return {audience_products.data() + audience_begin[i], audience_begin[i + 1] - audience_begin[i]};
  }
};

// Purchases only (orders ≥ 0) before the analysis date. In a top share q of N products
// when fewer than q·N products are strictly above (ties at the edge are all in); in a
// bottom share when fewer than q·N are strictly below.
ProductRolesResult product_roles(const OrderTable& table, const ShopAnalysis& shop, const ProductRolesOptions& options);

// product_roles in two steps. The walk over the product lines reads only the analysis date,
// potential_days and growth_window_days; the roles and the audience read the rest (and the
// churn status), re-run while the figures are kept. median_order_value: of the purchase
// orders before the analysis date, NaN when none.
std::vector<ProductFigures> product_figures(const OrderTable& table, const ShopAnalysis& shop,
                                            const ProductRolesOptions& options);
ProductRolesResult classify_products(const OrderTable& table, const ShopAnalysis& shop, std::vector<ProductFigures> figures,
                                     double median_order_value, const ProductRolesOptions& options);

}  // namespace huike
