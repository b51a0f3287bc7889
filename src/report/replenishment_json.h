#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/replenishment.h"
#include "ingest/consumption_table.h"

namespace huike {

// The report's `replenishment` section: settings, per-source counts, the first rows of
// both lists, the learned products and the reminders per day. `table` null: none given.
nlohmann::json replenishment_json(const OrderTable& orders, const ReplenishmentResult& r,
                                  const ConsumptionTableInfo* table);

// One row of a list (the page's pages and the CSV carry the same fields).
nlohmann::json reminder_json(const OrderTable& orders, const ReplenishmentResult& r, const Reminder& row);

// Both lists as one CSV (UTF-8 with BOM, formula-safe): a `list` column says which.
std::string reminders_csv(const OrderTable& orders, const ReplenishmentResult& r);

}  // namespace huike
