#include "ingest/warning_notes.h"

#include <algorithm>
#include <functional>

namespace huike {

// Rows arrive in line order, so ties keep the first lines: a later row with the same day
// never displaces a kept one (hence -line in the high heap).
void DateExtremes::note(int32_t day, int64_t line) {
  const std::pair<int32_t, int64_t> low{day, line}, high{day, -line};
  if (low_.size() < kKept) {
    low_.push_back(low);
    std::push_heap(low_.begin(), low_.end());
  } else if (low < low_.front()) {
    std::pop_heap(low_.begin(), low_.end());
    low_.back() = low;
    std::push_heap(low_.begin(), low_.end());
  }
  if (high_.size() < kKept) {
    high_.push_back(high);
    std::push_heap(high_.begin(), high_.end(), std::greater<>());
  } else if (high > high_.front()) {
    std::pop_heap(high_.begin(), high_.end(), std::greater<>());
    high_.back() = high;
    std::push_heap(high_.begin(), high_.end(), std::greater<>());
  }
}

std::vector<std::pair<int32_t, int64_t>> DateExtremes::earliest() const {
  std::vector<std::pair<int32_t, int64_t>> out = low_;
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<int32_t, int64_t>> DateExtremes::latest() const {
  std::vector<std::pair<int32_t, int64_t>> out = high_;
  std::sort(out.begin(), out.end(), std::greater<>());
  for (auto& entry : out) entry.second = -entry.second;
  return out;
}

void WarningNotes::note(int32_t day, int64_t line, std::string_view amount_text) {
  dates.note(day, line);
  amounts_with_cents += written_with_decimals(amount_text);
}

bool written_with_decimals(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && !(text[end - 1] >= '0' && text[end - 1] <= '9')) --end;  // a trailing 元, €, space
  size_t digits = 0;
  while (digits < end && text[end - 1 - digits] >= '0' && text[end - 1 - digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || digits == end) return false;
  const char separator = text[end - 1 - digits];
  return separator == '.' || separator == ',';
}

}  // namespace huike
