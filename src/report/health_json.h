#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/health.h"
#include "analysis/migration.h"

namespace huike {

// The report's `health` section: {"monthly": [...], "weekly": [...] (period week),
// "cohorts": {...}} and its `migration` section (both dates, thresholds, the matrices and
// the numbers of the highlight sentences). Schema in README.
nlohmann::json health_json(const CustomerHealth& health);
nlohmann::json migration_json(const ShopAnalysis& earlier, const ShopAnalysis& later);

// Exports (UTF-8 with BOM, cells by the customers CSV's writer).
// The cohort matrix: per cohort a row of buyers, of retention shares and of revenue per
// cohort customer (cumulative), by months since the first purchase.
std::string cohorts_csv(const CustomerHealth& health);
// One row per customer analysed at the later date, with the segments at both dates
// (`new` when the customer had not bought by the earlier one).
std::string migration_csv(const OrderTable& table, const ShopAnalysis& earlier, const ShopAnalysis& later);

}  // namespace huike
