#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/data_warnings.h"
#include "ingest/ingest_corrections.h"

namespace huike {

// The data warnings' thresholds, flat keys of the analysis options (warn_customer_share, …;
// see warning_option_keys). A wrong type or a value out of range throws E_BAD_OPTION.
WarningOptions parse_warning_options(const nlohmann::json& analysis_options);
// Every such key; the CLI takes each as a flag (warn_zero_share → --warn-zero-share).
const std::vector<std::string>& warning_option_keys();
nlohmann::json warning_settings_json(const WarningOptions& options);

// The ingest options a warning points to: "since" / "until" (YYYY-MM-DD), "amount_unit"
// ("yuan" | "cents"), "amount_level" ("auto" | "per_order" | "per_line").
IngestCorrections parse_ingest_corrections(const nlohmann::json& ingest_options);
nlohmann::json corrections_json(const IngestCorrections& corrections);

}  // namespace huike
