#include "report/customer_csv.h"

#include <charconv>

namespace huike {

namespace {
bool is_plain_number(std::string_view text) {
  if (text.empty()) return false;
  double value;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

// Whatever separator a spreadsheet picks (a German or French Excel splits on ';', others
// on TAB), no piece of the cell may start a formula: so a cell holding ';' or TAB, or
// starting with = + - @ CR (also after spaces), is neutralised as a whole.
// Whether `text` (after leading spaces) starts like a formula.
bool starts_formula(std::string_view text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  const char c = text[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\r';
}

bool formula_like(std::string_view text) {
  if (text.find_first_of(";\t") != std::string_view::npos) return true;
  return starts_formula(text) && !is_plain_number(text);
}
}  // namespace

void append_csv_cell(std::string& out, std::string_view text) {
  const bool neutralise = formula_like(text);
  const bool quote = neutralise || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (neutralise) out.push_back('\'');
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') out.push_back('"');
    out.push_back(c);
    // A spreadsheet splitting on ';' or TAB ignores the quotes (the closing one is not
    // followed by its separator), so the piece after one must not start a formula either.
    if (neutralise && (c == ';' || c == '\t') && starts_formula(text.substr(i + 1))) out.push_back('\'');
  }
  if (quote) out.push_back('"');
}

}  // namespace huike
