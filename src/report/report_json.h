#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/customer_analysis.h"
#include "ingest/order_reader.h"

namespace huike {

constexpr int kReportSchemaVersion = 1;

const char* delimiter_name(char delimiter);  // "comma", "tab", …
nlohmann::json input_json(const IngestSummary& summary);
// totals, segments, status, purchase cycle and chart data of one analysis.
nlohmann::json analysis_json(const ShopAnalysis& shop);
// The same with its "charts" made already: analysis_charts_json reads only the analysis
// date and the returns setting (histograms, R × F heatmap), so other settings keep it.
nlohmann::json analysis_json(const ShopAnalysis& shop, nlohmann::json charts);
nlohmann::json analysis_charts_json(const ShopAnalysis& shop);
// Its two histograms (recency, cycles) read only the analysis date; the heatmap also the returns.
nlohmann::json date_charts_json(const ShopAnalysis& shop);
nlohmann::json analysis_charts_json(const ShopAnalysis& shop, nlohmann::json date_charts);

}  // namespace huike
