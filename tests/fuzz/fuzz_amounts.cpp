// libFuzzer target for money and quantity cells: any text either fails or gives a finite
// number (never NaN, never an infinity from "1e999", never -0), and is deterministic.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/amount_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  double value = 0, again = 0;
  const bool ok = huike::parse_amount(text, value);
  if (ok != huike::parse_amount(text, again)) std::abort();
  if (!ok) return 0;
  if (!std::isfinite(value) || value != again) std::abort();
  if (value == 0 && std::signbit(value)) std::abort();
  return 0;
}
