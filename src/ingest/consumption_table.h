#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/replenishment.h"

namespace huike {

// The optional consumption table (seed 002): a small CSV, one product a row, mapped by
// header — a product column (product, product_id, sku, name, 商品, 商品名称, 商品编号, 货号…)
// and a days column (days_per_unit, days, 天数, 每件天数, 可用天数…). Decoded and split by
// the same code as order files (any encoding, comma / tab / semicolon). Errors carry the
// line: E_CONSUMPTION_COLUMNS, E_CONSUMPTION_ROW, E_CONSUMPTION_DAYS (not a positive
// number), E_CONSUMPTION_DUPLICATE (a product twice with other days), E_NO_ROWS.
struct ConsumptionTableInfo {
  std::string product_column, days_column, encoding;
  uint32_t rows = 0;
};
ConsumptionDays read_consumption_table(std::string_view bytes, ConsumptionTableInfo& info);

}  // namespace huike
