#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/contact.h"
#include "analysis/product_roles.h"

namespace huike {

// The report's `products` section: settings, `available` (or `reason`), the cuts the
// rules used, counts per role and each role's top products by revenue.
nlohmann::json products_json(const OrderTable& orders, const ProductRolesResult& roles);

// One product's figures (rounded: money and prices to the cent, shares to 4 places).
nlohmann::json product_json(const OrderTable& orders, const ProductFigures& f);

// A page of the per-product table: {"sort":"revenue","descending":true,"offset":0,
// "limit":50,"role":"traffic"} → {"total","offset","rows"}. Unknown sort key or role: E_BAD_OPTION.
nlohmann::json products_page(const OrderTable& orders, const ProductRolesResult& roles, const nlohmann::json& query);

// Every sold product by revenue, and the promotion audience (UTF-8 with BOM, formula-safe).
std::string products_csv(const OrderTable& orders, const ProductRolesResult& roles);
// The audience carries each customer's phone, e-mail and channel (contact.h).
std::string audience_csv(const OrderTable& orders, const ShopAnalysis& shop, const ProductRolesResult& roles,
                         const MemberDirectory* members = nullptr);

}  // namespace huike
