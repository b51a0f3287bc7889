#pragma once
#include <string>
#include <string_view>

namespace huike {

// Appends one CSV cell: quoted when needed; text that a spreadsheet could run as a
// formula under any separator (it holds ';' or TAB, or starts with = + - @ CR, also after
// spaces) is quoted with a leading ', and so is each piece after a ';' or TAB that would
// start a formula — plain numbers stay numbers.
void append_csv_cell(std::string& out, std::string_view text);

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace huike
