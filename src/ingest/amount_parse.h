#pragma once
#include <string_view>

namespace huike {

// Parses a money or quantity cell: optional currency symbols/words before or after
// (¥ ￥ $ US$ £ € 元 RMB CNY USD GBP EUR), spaces, thousands separators (1,234.50 and
// 1 234.50), a decimal comma where unambiguous (1.234,50 or 12,5), a sign before or
// after the currency (-$5, $-5), accounting negatives (123.45) → -123.45, and plain
// scientific notation. Returns false for empty or non-numeric text.
bool parse_amount(std::string_view text, double& out);

}  // namespace huike
