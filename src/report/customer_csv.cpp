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
}  // namespace

void append_csv_cell(std::string& out, std::string_view text) {
  const bool formula_like = !text.empty() &&
                            (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                             text[0] == '\t' || text[0] == '\r') &&
                            !is_plain_number(text);
  const bool quote = formula_like || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (formula_like) out.push_back('\'');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
}

}  // namespace huike
