#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analysis/contact.h"
#include "analysis/product_roles.h"
#include "analysis/replenishment.h"
#include "ingest/consumption_table.h"
#include "keyed_cache.h"

namespace huike {

// The session's replenishment and product-role state (issue 9): the consumption table and
// the last results by their options.
class ProductViews {
 public:
  // Reads a consumption table (empty bytes remove it); it stays across order files.
  nlohmann::json set_consumption(std::string_view csv);
  void keep_consumption_of(ProductViews& previous);

  const ReplenishmentResult& replenishment(const OrderTable& table, const ShopAnalysis& shop,
                                           const nlohmann::json& options) const;
  // median_order_value: of the purchase orders before the analysis date (the session's).
  const ProductRolesResult& roles(const OrderTable& table, const ShopAnalysis& shop, const nlohmann::json& options,
                                  double median_order_value) const;
  // The report's `replenishment` and `products` sections.
  void add_sections(nlohmann::json& report, const OrderTable& table, const ShopAnalysis& shop,
                    const nlohmann::json& options, double median_order_value) const;
  // {"list":"remind_now"|"overdue","offset":0,"limit":50} → {"total","offset","rows"}
  nlohmann::json reminders_page(const OrderTable& table, const ShopAnalysis& shop, const nlohmann::json& options,
                                const nlohmann::json& query, const MemberDirectory* members) const;

 private:
  ConsumptionDays consumption_;
  std::optional<ConsumptionTableInfo> consumption_info_;
  uint64_t consumption_version_ = 0;
  // Each keyed by the settings it reads (product_options.h, keyed_cache.h).
  mutable Keyed<ProductRhythms> rhythms_;
  mutable Keyed<ReplenishmentResult> replenishment_;
  mutable Keyed<std::vector<ProductFigures>> figures_;
  mutable Keyed<ProductRolesResult> roles_;
  mutable Keyed<nlohmann::json> replenishment_json_, products_json_;  // the report's sections
};

}  // namespace huike
