#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/contact.h"
#include "analysis/replenishment.h"
#include "ingest/consumption_table.h"

namespace huike {

// The report's `replenishment` section: settings, per-source counts, the first rows of
// both lists, the learned products and the reminders per day. `table` null: none given.
nlohmann::json replenishment_json(const OrderTable& orders, const ReplenishmentResult& r,
                                  const ConsumptionTableInfo* table);

// One row of a list (the page's pages and the CSV carry the same fields), with the
// customer's phone, e-mail and channel (contact.h; the member list fills gaps when given).
nlohmann::json reminder_json(const OrderTable& orders, const ReplenishmentResult& r, const Reminder& row,
                             const MemberDirectory* members = nullptr);

// Both lists as one CSV (UTF-8 with BOM, formula-safe): a `list` column says which.
std::string reminders_csv(const OrderTable& orders, const ReplenishmentResult& r, const MemberDirectory* members = nullptr);

}  // namespace huike
