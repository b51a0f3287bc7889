#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace huike {

// The used rows with the earliest and the latest dates (a few of each, with their lines), so
// a warning about outlier dates can name lines without keeping a line number per order.
class DateExtremes {
 public:
  static constexpr size_t kKept = 10;
  void note(int32_t day, int64_t line);
  // (day, line) pairs, earliest first / latest first.
  std::vector<std::pair<int32_t, int64_t>> earliest() const;
  std::vector<std::pair<int32_t, int64_t>> latest() const;

 private:
  std::vector<std::pair<int32_t, int64_t>> low_;   // max-heap: its top is the latest kept
  std::vector<std::pair<int32_t, int64_t>> high_;  // min-heap by (day, -line)
};

// What ingest notes for the data warnings (analysis/data_warnings.h), beyond the order table.
struct WarningNotes {
  DateExtremes dates;
  uint64_t amounts_with_cents = 0;  // amount cells written with a decimal part ("1,200.00", "12,5")
  void note(int32_t day, int64_t line, std::string_view amount_text);
};

// Whether an amount is written with a decimal part: a '.' or ',' followed by one or two
// digits at its end ("1,200" is a thousands separator, "19.99" and "12,5" are not whole).
bool written_with_decimals(std::string_view amount_text);

}  // namespace huike
