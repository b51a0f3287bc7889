#pragma once
#include <string_view>

namespace huike {

// Parses a money or quantity cell: optional currency symbols/words before or after
// (¥ ￥ $ US$ £ € 元 RMB CNY USD GBP EUR), spaces, thousands separators (1,234.50 and
// 1 234.50), a decimal comma where unambiguous (1.234,50 or 12,5), a sign before or
// after the currency (-$5, $-5), accounting negatives (123.45) → -123.45, and plain
// scientific notation. Returns false for empty or non-numeric text.
// Separators: with both '.' and ',' the later one is the decimal point; dots alone: one
// is a decimal point, several group thousands (1.234.567); a lone comma groups thousands
// only as in "1,234" (1-3 digits not starting with 0, then exactly 3 digits, no space
// grouping), else it is a decimal comma (12,5  0,123  1234,567  1 234,567). Groups after
// the first must have 3 digits (so 1,23,456 is refused). Also accepted: '+', U+2212 minus,
// no-break/narrow/ideographic spaces. The value is the correctly rounded double; -0 → 0.
bool parse_amount(std::string_view text, double& out);

}  // namespace huike
