#pragma once
#include <cstdint>
#include <optional>

#include "ingest/amount_level.h"

namespace huike {

// The row-level settings a data warning (analysis/data_warnings.h) may point to. They change
// what is read, so they are ingest options: `since` / `until` (YYYY-MM-DD, both days kept),
// `amount_unit` ("yuan" or "cents": amounts divided by 100) and `amount_level` ("auto",
// "per_order", "per_line": instead of the per-file decision).
struct IngestCorrections {
  std::optional<int32_t> since_day, until_day;
  bool amounts_in_cents = false;
  std::optional<AmountLevelHint> amount_level;  // order / line; empty = decide from the file

  bool in_range(int32_t day) const {
    return (!since_day || day >= *since_day) && (!until_day || day <= *until_day);
  }
  // Division, not × 0.01, so 1999 cents is exactly the double nearest 19.99.
  double amount(double raw) const { return amounts_in_cents ? raw / 100 : raw; }
};

// The exclusion reason of rows outside since / until.
inline constexpr const char* kOutsideDateRange = "outside_date_range";

}  // namespace huike
