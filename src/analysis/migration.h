#pragma once
#include <array>
#include <cstdint>

#include "analysis/customer_analysis.h"

namespace huike {

// How customers moved between segments from an earlier analysis date to a later one.
// Each date is analysed exactly as the overview would be at that date
// (analyze_customers with that as_of: its own thresholds, only orders before it).
constexpr int32_t kDefaultCompareDays = 90;  // the earlier date: the later one minus this

// The overview's analysis at `earlier_day`, with every other setting of `later`.
ShopAnalysis analyze_at(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& later,
                        int32_t earlier_day);

// Row 0 of a matrix is `new` (no purchase before the earlier date); row 1 + s is segment s
// at the earlier date. Columns: the segment at the later date.
struct SegmentMigration {
  int32_t earlier_day = 0, later_day = 0;
  std::array<std::array<uint32_t, kSegment8Count>, kSegment8Count + 1> eight{};
  std::array<std::array<uint32_t, kGridSegmentCount>, kGridSegmentCount + 1> grid{};
};

// `earlier` must be the analysis at an earlier date than `later` (every customer it analysed
// is analysed later too, purchases only accumulate).
SegmentMigration migrate_segments(const ShopAnalysis& earlier, const ShopAnalysis& later);

// The numbers of the sentences a shop owner reads first.
struct MigrationHighlights {
  uint32_t important_value_before = 0, important_value_after = 0;
  uint32_t moved_in = 0;                           // now important value, not before (new included)
  std::array<uint32_t, kSegment8Count + 1> moved_in_from{};   // by row: new, then segments
  uint32_t moved_out = 0;                          // important value before, not now
  std::array<uint32_t, kSegment8Count> moved_out_to{};
  uint32_t now_important_win_back = 0, now_general_win_back = 0;  // of the earlier important value
};
MigrationHighlights migration_highlights(const SegmentMigration& migration);

}  // namespace huike
