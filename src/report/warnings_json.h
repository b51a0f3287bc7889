#pragma once
#include <nlohmann/json.hpp>

#include "analysis/data_warnings.h"

namespace huike {

// The report's `warnings` section: the thresholds (`settings`), the ingest corrections in
// force, and one item per warning that fired: a stable `code` (W_…, translated by the page),
// `severity`, `figures`, an English `message` (the CLI prints it), and `action`: what would
// change the numbers — `ingest` (the ingest options to add) and `cli` (the same as flags), or
// null when only the user can tell (see README "Data warnings").
nlohmann::json warnings_json(const DataWarnings& warnings, const OrderTable& table, const IngestSummary& summary,
                             const IngestCorrections& corrections);

}  // namespace huike
