#pragma once
#include <string_view>

namespace huike {

// Whether a promotion cell marks its order promotional: a non-zero amount (-5, ¥3.00) or a
// non-empty word other than a "no" (none, 无, 否, 0, no, false, null, -, n/a).
bool is_promotional_value(std::string_view cell);

}  // namespace huike
