#include "product_options.h"

#include <string>
#include <type_traits>

#include "session_options.h"

namespace huike {

namespace {

template <typename T>
T ranged(const nlohmann::json& options, const char* key, T fallback, T low, T high) {
  if (!options.is_object()) return fallback;
  return static_cast<T>(number_option(options, key, fallback, low, high, std::is_integral_v<T>));
}

}  // namespace

ReplenishmentOptions parse_replenishment_options(const nlohmann::json& options) {
  ReplenishmentOptions out;
  out.remind_within_days = ranged<int32_t>(options, "remind_within_days", out.remind_within_days, 0, 3650);
  out.remind_days_before = ranged<int32_t>(options, "remind_days_before", out.remind_days_before, 0, 3650);
  out.overdue_max_days = ranged<int32_t>(options, "overdue_max_days", out.overdue_max_days, 0, 3650);
  out.learn_min_customers = ranged<uint32_t>(options, "learn_min_customers", out.learn_min_customers, 1, 1000000);
  out.series_days = ranged<int32_t>(options, "reminder_series_days", out.series_days, 1, 366);
  return out;
}

ProductRolesOptions parse_product_roles_options(const nlohmann::json& options) {
  ProductRolesOptions out;
  out.min_orders = ranged<uint32_t>(options, "product_min_orders", out.min_orders, 1, 1000000);
  out.profit_top_share = ranged<double>(options, "profit_top_share", out.profit_top_share, 0, 1);
  out.median_min_buyers = ranged<uint32_t>(options, "median_min_buyers", out.median_min_buyers, 1, 1000000);
  out.traffic_top_share = ranged<double>(options, "traffic_top_share", out.traffic_top_share, 0, 1);
  out.potential_min_orders = ranged<uint32_t>(options, "potential_min_orders", out.potential_min_orders, 0, 1000000);
  out.potential_days = ranged<int32_t>(options, "potential_days", out.potential_days, 1, 3650);
  out.potential_growth = ranged<double>(options, "potential_growth", out.potential_growth, -1, 1000);
  out.growth_window_days = ranged<int32_t>(options, "growth_window_days", out.growth_window_days, 1, 1825);
  out.edge_bottom_share = ranged<double>(options, "edge_bottom_share", out.edge_bottom_share, 0, 1);
  return out;
}

const std::vector<std::string>& replenishment_option_keys() {
  static const std::vector<std::string> keys = {"remind_within_days", "remind_days_before", "overdue_max_days",
                                                "learn_min_customers", "reminder_series_days"};
  return keys;
}

const std::vector<std::string>& product_roles_option_keys() {
  static const std::vector<std::string> keys = {
      "product_min_orders", "profit_top_share", "median_min_buyers",  "traffic_top_share",  "potential_min_orders",
      "potential_days",     "potential_growth", "growth_window_days", "edge_bottom_share"};
  return keys;
}

}  // namespace huike
