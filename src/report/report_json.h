#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/customer_analysis.h"
#include "ingest/order_reader.h"

namespace huike {

constexpr int kReportSchemaVersion = 1;

nlohmann::json input_json(const IngestSummary& summary);
// totals, segments, status, purchase cycle and chart data of one analysis.
nlohmann::json analysis_json(const ShopAnalysis& shop);

// One customer as a JSON object (the page's tables) with the CSV's columns.
nlohmann::json customer_json(const OrderTable& table, const ShopAnalysis& shop, uint32_t customer);

}  // namespace huike
