#pragma once
#include <string_view>

namespace huike {

inline bool is_trimmed_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A cell without the spaces, tabs and CRs around it.
inline std::string_view trim_cell(std::string_view text) {
  if (text.empty() || (!is_trimmed_char(text.front()) && !is_trimmed_char(text.back()))) return text;  // the usual cell
  while (!text.empty() && is_trimmed_char(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_trimmed_char(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace huike
