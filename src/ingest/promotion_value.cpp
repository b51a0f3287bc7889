#include "ingest/promotion_value.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "ingest/amount_parse.h"

namespace huike {

namespace {
constexpr std::string_view kNoWords[] = {"none", "无", "否", "0", "no", "false", "null", "-", "n/a", "没有", "無"};
}

bool is_promotional_value(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) cell.remove_suffix(1);
  if (cell.empty()) return false;
  double amount;
  if (parse_amount(cell, amount)) return amount != 0;
  std::string lower(cell);
  for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return std::find(std::begin(kNoWords), std::end(kNoWords), lower) == std::end(kNoWords);
}

}  // namespace huike
