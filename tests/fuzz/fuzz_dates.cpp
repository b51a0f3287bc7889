// libFuzzer target for date cells: any text either fails or gives a real calendar day in
// the documented range that survives the round trip through day numbers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/date_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  huike::ParsedDate date;
  if (!huike::parse_date(text, date)) return 0;
  if (date.pair_form) {
    // As written: (first, second) must be valid in at least one order.
    if (!date.month_first_valid && !date.day_first_valid) std::abort();
    if (date.month_first_valid && !huike::is_valid_civil(date.year, date.month, date.day)) std::abort();
    if (date.day_first_valid && !huike::is_valid_civil(date.year, date.day, date.month)) std::abort();
    return 0;
  }
  if (!huike::is_valid_civil(date.year, date.month, date.day)) std::abort();
  if (date.year < 1000 || date.year > 9999) {
    // Only the number forms (Unix time, Excel serial days) reach outside the 4-digit years.
    if (date.form == huike::DateForm::text || date.form == huike::DateForm::yyyymmdd) std::abort();
  }
  int32_t year;
  unsigned month, day;
  huike::civil_from_days(huike::days_from_civil(date.year, date.month, date.day), year, month, day);
  if (year != date.year || month != date.month || day != date.day) std::abort();
  return 0;
}
