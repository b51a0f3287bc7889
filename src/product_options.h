#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/product_roles.h"
#include "analysis/replenishment.h"

namespace huike {

// The reminder and product-role settings, flat keys among the analysis options:
//   {"remind_within_days":14,"remind_days_before":7,"overdue_max_days":30,
//    "learn_min_customers":20,"reminder_series_days":28,
//    "product_min_orders":5,"profit_top_share":0.2,"median_min_buyers":10,
//    "traffic_top_share":0.2,"potential_min_orders":10,"potential_days":180,
//    "potential_growth":0.5,"growth_window_days":90,"edge_bottom_share":0.5}
// A value out of range throws E_BAD_OPTION naming the key.
ReplenishmentOptions parse_replenishment_options(const nlohmann::json& options);
ProductRolesOptions parse_product_roles_options(const nlohmann::json& options);
// The keys each of them reads (a cached result is kept while these stay).
const std::vector<std::string>& replenishment_option_keys();
const std::vector<std::string>& product_roles_option_keys();

}  // namespace huike
