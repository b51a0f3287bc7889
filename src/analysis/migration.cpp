#include "analysis/migration.h"

namespace huike {

ShopAnalysis analyze_at(const OrderTable& table, const CustomerOrders& grouped, const AnalysisOptions& later,
                        int32_t earlier_day) {
  AnalysisOptions options = later;
  options.as_of_day = earlier_day;
  return analyze_customers(table, grouped, options);
}

SegmentMigration migrate_segments(const ShopAnalysis& earlier, const ShopAnalysis& later) {
  SegmentMigration m;
  m.earlier_day = earlier.as_of_day;
  m.later_day = later.as_of_day;
  for (size_t c = 0; c < later.customers.size(); ++c) {
    const CustomerMetrics& now = later.customers[c];
    if (!now.analysed) continue;
    const CustomerMetrics& before = earlier.customers[c];
    const int row8 = before.analysed ? 1 + static_cast<int>(before.segment8) : 0;
    const int row_grid = before.analysed ? 1 + static_cast<int>(before.grid) : 0;
    ++m.eight[row8][static_cast<int>(now.segment8)];
    ++m.grid[row_grid][static_cast<int>(now.grid)];
  }
  return m;
}

MigrationHighlights migration_highlights(const SegmentMigration& migration) {
  constexpr int kValue = static_cast<int>(Segment8::important_value);
  MigrationHighlights h;
  for (int row = 0; row <= kSegment8Count; ++row) {
    const uint32_t into_value = migration.eight[row][kValue];
    h.important_value_after += into_value;
    if (row != 1 + kValue) {
      h.moved_in_from[row] = into_value;
      h.moved_in += into_value;
    }
  }
  for (int col = 0; col < kSegment8Count; ++col) {
    const uint32_t count = migration.eight[1 + kValue][col];
    h.important_value_before += count;
    if (col != kValue) {
      h.moved_out_to[col] = count;
      h.moved_out += count;
    }
  }
  h.now_important_win_back = h.moved_out_to[static_cast<int>(Segment8::important_win_back)];
  h.now_general_win_back = h.moved_out_to[static_cast<int>(Segment8::general_win_back)];
  return h;
}

}  // namespace huike
